"""Review results: findings of the figure checks with their evidence, and a reviewer's notes."""

from __future__ import annotations

from dataclasses import dataclass, field


class CheckKind:
    CHANGE = "change"  # a stated change against the stated values
    CONFLICT = "conflict"  # one indicator, region and period reported with different values
    OUTLIER = "outlier"  # a value far out of line with its neighbours in a series
    PART_YEAR = "part_year"  # a part of a year (前三季度, 1—11月) far larger than a whole adjacent year
    TARGET = "target"  # a target against the actual reported for it
    PARTS = "parts"  # parts (其中 ...) against their total
    REPEAT = "repeat"  # a paragraph that occurs more than once

    ALL = (CHANGE, CONFLICT, OUTLIER, PART_YEAR, TARGET, PARTS, REPEAT)


class Verdict:
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    CANNOT_CHECK = "cannot_check"
    CONFLICT = "conflict"
    QUESTION = "question"  # an outlier: worded as a question for the reviewer
    MET = "met"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"
    REPEATED = "repeated"

    ATTENTION = frozenset({INCONSISTENT, CONFLICT, QUESTION, MISSED, REPEATED})


@dataclass(frozen=True)
class Evidence:
    """A span a finding rests on: a figure, or a paragraph for repeats."""

    label: str  # what it is in the finding: from, to, rate, part, total, neighbour, target, actual ...
    doc_id: int
    start: int
    end: int
    text: str  # the figure as written, or the start of the paragraph
    sentence_start: int
    sentence_end: int
    figure_id: int | None = None
    value: float | None = None
    unit: str = ""
    year: int | None = None
    # Filled when read back from the store:
    file_name: str = ""
    title: str = ""
    sentence: str = ""


@dataclass
class Finding:
    kind: str  # CheckKind
    verdict: str  # Verdict
    message: str  # Chinese, for the reviewer
    message_en: str
    evidence: tuple[Evidence, ...]
    pattern: str = ""  # which statement or rule: growth, times_more, multiple_of, cagr, yoy ...
    stated: float | None = None
    computed: float | None = None
    unit: str = ""  # of stated and computed
    id: int | None = None

    @property
    def needs_attention(self) -> bool:
        return self.verdict in Verdict.ATTENTION

    @property
    def doc_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(e.doc_id for e in self.evidence))

    @property
    def figure_ids(self) -> tuple[int, ...]:
        return tuple(e.figure_id for e in self.evidence if e.figure_id is not None)


class NoteStatus:
    ANCHORED = "anchored"  # the quote is where the note was made
    MOVED = "moved"  # re-anchored to the quote's new place after a re-import
    ORPHANED = "orphaned"  # the quoted text is gone; the note keeps its last span


@dataclass
class Note:
    doc_id: int | None
    doc_path: str
    start: int
    end: int
    quote: str  # the text the note was made on
    body: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    context_before: str = ""
    context_after: str = ""
    status: str = NoteStatus.ANCHORED
    created_at: str = ""
    updated_at: str = ""
    id: int | None = None

    @property
    def orphaned(self) -> bool:
        return self.status == NoteStatus.ORPHANED
