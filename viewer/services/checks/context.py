"""What the checks read: the store's figures grouped by sentence, and an index of reported levels."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from viewer.model import Figure, FigureKind, Role
from viewer.model.review import Evidence
from viewer.store import check_reads
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

LEVEL_ROLES = (Role.ACTUAL, Role.SHARE)
LEVEL_KINDS = (FigureKind.MONEY, FigureKind.COUNT, FigureKind.PHYSICAL, FigureKind.NUMBER, FigureKind.PERCENT)
AMOUNT_KINDS = (FigureKind.MONEY, FigureKind.COUNT, FigureKind.PHYSICAL, FigureKind.NUMBER)


@dataclass(frozen=True)
class Passage:
    """A sentence of a document with its figures in text order."""

    doc_id: int
    start: int
    end: int
    text: str
    figures: tuple[Figure, ...]

    def offset(self, figure: Figure) -> tuple[int, int]:
        return figure.start - self.start, figure.end - self.start

    def before(self, figure: Figure, chars: int) -> str:
        at = figure.start - self.start
        return self.text[max(0, at - chars) : at]

    def between(self, first: Figure, second: Figure) -> str:
        return self.text[first.end - self.start : second.start - self.start]

    def after(self, figure: Figure, chars: int) -> str:
        at = figure.end - self.start
        return self.text[at : at + chars]

    def following(self, figure: Figure) -> list[Figure]:
        return [f for f in self.figures if f.start >= figure.end]

    def preceding(self, figure: Figure) -> list[Figure]:
        return [f for f in self.figures if f.end <= figure.start]


def is_level(figure: Figure) -> bool:
    """A reported amount of an indicator (not a change, rate, rank or target)."""
    return figure.value is not None and figure.kind in LEVEL_KINDS and figure.role in LEVEL_ROLES


def _is_estimate(figure: Figure) -> bool:
    return figure.value is not None and figure.kind in LEVEL_KINDS and figure.role == Role.ESTIMATE


def full_year(figure: Figure) -> bool:
    return figure.year is not None and figure.period in ("", str(figure.year))


# (indicator, region, year) -> levels and estimates; the store's (`levels.StoreLevels`) only those a
# stated change can take
LevelSource = Callable[[str, str, int], list[Figure]]


@dataclass
class Corpus:
    """What the checks read: sentences with their figures, or (`of_series`) the figures of one
    series without their sentences; the levels of a series come from the figures held, or from
    `level_source` when the corpus holds only some sentences (one document's)."""

    passages: list[Passage]
    doc_years: dict[int, int | None]
    doc_titles: dict[int, str]
    level_source: LevelSource | None = None
    ceilings: set[int] | None = None  # targets whose words make them a ceiling, when sentences are not held
    _figures: list[Figure] | None = None
    _levels: dict[tuple[str, str, int], list[Figure]] = field(default_factory=dict)
    _by_sentence: dict[tuple[int, int], Passage] = field(default_factory=dict)
    _by_id: dict[int, Figure] = field(default_factory=dict)

    @classmethod
    def load(cls, db: Queryable, wanted: dict[int, set[tuple[int, int]] | None] | None = None) -> Corpus:
        """The sentences with figures of every document, or of `wanted`: doc id -> the (start, end)
        of the sentences to read, None for all of them. Passages are in document and text order."""
        labels = store_checks.document_labels(db)
        passages: list[Passage] = []
        for doc_id in sorted(labels if wanted is None else wanted):
            sentences = None if wanted is None else wanted[doc_id]
            passages += document_passages(db, doc_id, sentences)
        corpus = cls.of_passages(passages, *label_maps(labels))
        shared: dict[str, str] = {}
        for figure in corpus.figures():
            _share_labels(figure, shared)
        return corpus

    @classmethod
    def of_passages(cls, passages: list[Passage], doc_years: dict[int, int | None], doc_titles: dict[int, str],
                    level_source: LevelSource | None = None) -> Corpus:
        """A corpus of these sentences; levels from `level_source` when given, else from the sentences."""
        corpus = cls(passages, doc_years, doc_titles, level_source=level_source)
        by_id = corpus._by_id
        for passage in passages:
            corpus._by_sentence[(passage.doc_id, passage.start)] = passage
            for figure in passage.figures:
                if figure.id is not None:
                    by_id[figure.id] = figure
                if level_source is None:
                    corpus._index_level(figure)
        return corpus

    @classmethod
    def of_series(cls, figures: list[Figure], doc_years: dict[int, int | None], doc_titles: dict[int, str],
                  ceilings: set[int]) -> Corpus:
        """A corpus of the figures of one series (in corpus order), without their sentences."""
        corpus = cls([], doc_years, doc_titles, ceilings=ceilings, _figures=figures)
        by_id = corpus._by_id
        for figure in figures:
            if figure.id is not None:
                by_id[figure.id] = figure
            corpus._index_level(figure)
        return corpus

    def _index_level(self, figure: Figure) -> None:
        if is_series_level(figure):
            self._levels.setdefault((figure.indicator or "", figure.region or "", figure.year or 0), []).append(figure)

    def figure(self, figure_id: int | None) -> Figure | None:
        return self._by_id.get(figure_id) if figure_id is not None else None

    def figures(self) -> list[Figure]:
        if self._figures is not None:
            return self._figures
        return [f for p in self.passages for f in p.figures]

    def levels(self, indicator: str, region: str, year: int, estimates: bool = False) -> list[Figure]:
        """Full-year levels reported for an indicator, region and year, in any document; with
        `estimates`, estimated levels (预计全年…) come after the reported ones."""
        if self.level_source is not None:
            found = self.level_source(indicator, region, year)
        else:
            found = self._levels.get((indicator, region, year), [])
        return [f for f in found if is_level(f)] + ([f for f in found if _is_estimate(f)] if estimates else [])

    def passage_of(self, figure: Figure) -> Passage | None:
        return self._by_sentence.get((figure.doc_id or 0, figure.sentence_start))


def is_series_level(figure: Figure) -> bool:
    """A full-year level or estimate of an indicator and region: what `Corpus.levels` returns."""
    return (is_level(figure) or _is_estimate(figure)) and full_year(figure) and bool(figure.indicator) \
        and bool(figure.region)


def label_maps(labels: dict[int, tuple[int | None, str]]) -> tuple[dict[int, int | None], dict[int, str]]:
    """doc id -> year and doc id -> title, from `document_labels`."""
    return ({doc_id: year for doc_id, (year, _) in labels.items()},
            {doc_id: title for doc_id, (_, title) in labels.items()})


def document_passages(db: Queryable, doc_id: int, sentences: Collection[tuple[int, int]] | None = None
                      ) -> list[Passage]:
    """The sentences of a document with figures that are data points (only `sentences`, as
    (start, end), when given), in text order, each with those figures in text order."""
    return [Passage(doc_id, start, end, text, tuple(found))
            for start, end, text, found in check_reads.sentences_with_figures(db, doc_id)
            if sentences is None or (start, end) in sentences]


def _share_labels(figure: Figure, shared: dict[str, str]) -> None:
    """One string object per distinct unit, kind, role, period, indicator and region, for a corpus
    holding every figure (`Corpus.load`): a store of 10,000 reports holds 750,000 figures, and a
    copy of each label per figure took most of its memory. A check run holds one document or one
    series at a time instead (see `run`)."""
    figure.unit = shared.setdefault(figure.unit, figure.unit)
    figure.unit_text = shared.setdefault(figure.unit_text, figure.unit_text)
    figure.kind = shared.setdefault(figure.kind, figure.kind)
    figure.qualifier = shared.setdefault(figure.qualifier, figure.qualifier)
    figure.role = shared.setdefault(figure.role, figure.role)
    figure.period = shared.setdefault(figure.period, figure.period)
    if figure.indicator is not None:
        figure.indicator = shared.setdefault(figure.indicator, figure.indicator)
    if figure.region is not None:
        figure.region = shared.setdefault(figure.region, figure.region)


_new = object.__new__
_set = object.__setattr__


def evidence(figure: Figure, label: str) -> Evidence:
    """`Evidence(label, ...)` of a figure, its fields set in one dict: the frozen dataclass's
    __init__ sets each of its 14 fields through object.__setattr__, three times the cost, and a
    run makes one per figure cited (800,000 at 10,000 reports; tests check it equals Evidence(...))."""
    made = _new(Evidence)
    _set(made, "__dict__", {
        "label": label, "doc_id": figure.doc_id or 0, "start": figure.start, "end": figure.end, "text": figure.text,
        "sentence_start": figure.sentence_start, "sentence_end": figure.sentence_end, "figure_id": figure.id,
        "value": figure.value, "unit": figure.unit, "year": figure.year, "file_name": "", "title": "", "sentence": "",
    })
    return made
