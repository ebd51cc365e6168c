from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    """A report as stored. Every span elsewhere indexes `text` in code points."""

    path: str
    sha256: str
    text: str
    title: str = ""
    region: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, possibly partial: "2023-04-04", "2021-11", "2022"
    year: int | None = None
    kind: str = "news"  # news / plan / report
    id: int | None = None
    imported_at: str | None = None


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    repeats: int = 1  # how many paragraphs in the store share this text (1 = unique), read from paragraph_copies


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class SearchHit:
    doc_id: int
    title: str
    path: str
    sentence_start: int
    sentence_end: int
    snippet: str
    snippet_offset: int  # document position of snippet[0]
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)  # document positions


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    status: str  # imported / unchanged / replaced / reanalysed / failed / skipped
    # reanalysed: the file is unchanged but was analysed by an older version of the analysis
    reason: str = ""
    doc_id: int | None = None
    chars: int = 0
