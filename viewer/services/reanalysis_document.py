"""Analyse one stored document again and write what changed, in one write transaction; or, for a
preview, do the same and roll it back.

The text, its paragraphs, sentences and both search indexes stay: segmentation reads jieba's
dictionaries (resources/jieba_userdict.txt), never the indicator lexicon. Figures are rewritten
only when the new analysis differs from the stored ones (so unchanged figures keep their ids and
their findings), entity mentions and the metadata a reviewer has not edited always. Should the
program split the text into other paragraphs or sentences than those stored, or when asked
(`whole=True`), the whole document is written again as an import would.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from viewer.model import AnalyzedDocument, Figure
from viewer.services.checks.scopes import Scopes
from viewer.services.file_limits import TimeLimitExceeded, memory_reason, time_limit, time_reason
from viewer.services.reviewer_work import reattach_reviewer_work
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import reanalysis as store_reanalysis
from viewer.store import write_transaction
from viewer.text.analysis import analyze_text

if TYPE_CHECKING:
    import sqlite_utils

EXAMPLES = 5  # example changes kept per document

# What does not change how a figure reads or where it is filed: its row id and how its slots were found.
_NOT_SHOWN = frozenset({"id", "doc_id", "confidence", "indicator_how", "region_how", "period_how",
                        "sentence_start", "sentence_end"})
_shown = attrgetter(*(f.name for f in dataclasses.fields(Figure) if f.name not in _NOT_SHOWN))


class Status:
    REANALYSED = "reanalysed"
    FAILED = "failed"  # the analysis raised or ran over its limits: reported with the reason, the document left as it was
    GONE = "gone"  # deleted or replaced by an import since the re-analysis began


@dataclass(frozen=True)
class FigureChange:
    """A figure before and after: None before for a new figure, None after for one that is gone."""

    doc_id: int
    title: str
    sentence: str
    before: Figure | None
    after: Figure | None


@dataclass
class DocumentReanalysis:
    doc_id: int
    title: str
    status: str
    reason: str = ""
    figures_before: int = 0
    figures_after: int = 0
    changed: int = 0  # figures whose value, unit, indicator, place, period or role changed, new or gone
    examples: list[FigureChange] = field(default_factory=list)
    metadata_changed: bool = False
    figures_rewritten: bool = False  # the figures got new ids: the document's findings need recomputing
    whole: bool = False  # the whole document was written again
    previous: Scopes | None = None  # for rewritten figures: the series and paragraphs of the old ones

    @property
    def needs_checks(self) -> bool:
        return self.figures_rewritten or self.metadata_changed


class _Rollback(Exception):
    pass


def shown(figure: Figure) -> tuple[Any, ...]:
    """What a reviewer sees of a figure: value, unit, indicator, place, period, role, exclusion."""
    return _shown(figure)


def figure_changes(before: list[Figure], after: list[Figure]) -> list[tuple[Figure | None, Figure | None]]:
    """The figures, matched by span, that appeared, disappeared or read differently; in text order."""
    old = {(f.start, f.end): f for f in before}
    new = {(f.start, f.end): f for f in after}
    changes: list[tuple[Figure | None, Figure | None]] = []
    for span in sorted(old.keys() | new.keys()):
        a, b = old.get(span), new.get(span)
        if a is None or b is None or shown(a) != shown(b):
            changes.append((a, b))
    return changes


_STORED = attrgetter(*(f.name for f in dataclasses.fields(Figure) if f.name not in ("id", "doc_id")))


def _rows(figures: list[Figure]) -> list[tuple[Any, ...]]:
    """The figures as stored, row ids aside, in text order."""
    return sorted(map(_STORED, figures), key=lambda row: row[0])


def _same_spans(stored: store_reanalysis.StoredText, analysed: AnalyzedDocument) -> bool:
    return (stored.paragraphs == tuple((p.start, p.end) for p in analysed.paragraphs)
            and stored.sentences == tuple((s.paragraph, s.start, s.end) for s in analysed.sentences))


def reanalyse_document(
    db: sqlite_utils.Database,
    doc_id: int,
    *,
    whole: bool = False,
    dry_run: bool = False,
    stop: threading.Event | Any = None,
    examples: int = EXAMPLES,
    seconds: float | None = None,
) -> DocumentReanalysis | None:
    """Analyse a stored document again with the current program and lexicon, and store the result
    (`dry_run`: compute the same outcome, then roll it back). Reviewer work is re-attached to
    rewritten figures in the same transaction. None: `stop` was set before anything was written.
    `seconds`: the analysis's time limit where an alarm can stop it (file_limits.time_limit; in a
    worker process the pool watches the time instead)."""
    if stop is not None and stop.is_set():
        return None
    stored = store_reanalysis.stored_text(db, doc_id)
    if stored is None:
        return DocumentReanalysis(doc_id, "", Status.GONE, "no longer in the store")
    title = stored.title  # as the library shows it
    try:
        with contextlib.nullcontext() if seconds is None else time_limit(seconds):
            analysed = analyze_text(stored.path, stored.text, stored.sha256, with_index=whole)
            if not whole and not _same_spans(stored, analysed):
                whole = True  # the program splits the text differently now: write the document anew
                analysed = analyze_text(stored.path, stored.text, stored.sha256)
    except TimeLimitExceeded:
        return DocumentReanalysis(doc_id, title, Status.FAILED, time_reason(seconds or 0.0))
    except MemoryError:
        return DocumentReanalysis(doc_id, title, Status.FAILED, memory_reason(None))
    except Exception as error:  # a bug must not stop the batch: report it with the document
        return DocumentReanalysis(doc_id, title, Status.FAILED,
                                  f"internal error while analysing: {type(error).__name__}: {error}")
    result: DocumentReanalysis | None = None
    try:
        with write_transaction(db):
            if stop is not None and stop.is_set():  # checked under the lock: nothing is written after a stop
                return None
            result = _write(db, stored, analysed, whole, examples)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return result


def _old_scopes(db: sqlite_utils.Database, doc_id: int) -> Scopes:
    """What the findings of the document's old figures and paragraphs depend on. Not `scopes_of`:
    that one also scans every finding for documents gone from the store, once per document here;
    the findings citing this one are still stored when the checks run, which adds their scopes."""
    return Scopes(series=frozenset(store_checks.document_series(db, [doc_id])),
                  paragraphs=frozenset(store_checks.document_hashes(db, [doc_id])))


def _write(db: sqlite_utils.Database, stored: store_reanalysis.StoredText, analysed: AnalyzedDocument,
           whole: bool, examples: int) -> DocumentReanalysis:
    doc_id, title = stored.id, stored.title
    if store_reanalysis.stored_sha256(db, doc_id) != stored.sha256:
        return DocumentReanalysis(doc_id, title, Status.GONE, "replaced by an import meanwhile")
    before = store_figures.document_figures(db, doc_id)
    rewrite = whole or _rows(before) != _rows(analysed.figures)
    previous = _old_scopes(db, doc_id) if rewrite else None
    if whole:
        store_documents.save_document(db, analysed)
        metadata_changed = True
    else:
        metadata_changed = store_reanalysis.replace_analysis(db, doc_id, analysed, figures=rewrite)
    if rewrite:  # notes and corrections stay put on figures that were not written again
        reattach_reviewer_work(db, doc_id)
    after = store_figures.document_figures(db, doc_id) if rewrite else before
    changes = figure_changes(before, after)
    text = stored.text
    shown_changes = [
        FigureChange(doc_id, title, text[f.sentence_start : f.sentence_end], a, b)
        for a, b in changes[:examples] for f in [b or a] if f is not None
    ]
    return DocumentReanalysis(
        doc_id, title, Status.REANALYSED, figures_before=len(before), figures_after=len(after),
        changed=len(changes), examples=shown_changes, metadata_changed=metadata_changed,
        figures_rewritten=rewrite, whole=whole, previous=previous,
    )
