"""How many hits a corpus search has in all, and in each document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentHits:
    doc_id: int
    title: str
    path: str
    hits: int  # sentences holding every term of the query: the rows of the results
    occurrences: int  # of the terms in those sentences, as find in the document counts them


@dataclass(frozen=True)
class SearchTotals:
    documents: tuple[DocumentHits, ...]  # in document order

    @property
    def hits(self) -> int:
        return sum(d.hits for d in self.documents)

    @property
    def occurrences(self) -> int:
        return sum(d.occurrences for d in self.documents)
