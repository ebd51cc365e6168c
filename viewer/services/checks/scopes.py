"""What a finding depends on, so that an import recomputes only the findings it can change.

Every finding belongs to one scope, the unit it is recomputed in:
- `series:<indicator>\\t<region>`: a finding whose first evidence is a figure of that series.
  It reads only figures of that series from other documents (levels, base values, actuals),
  and the sentences of the series' figures;
- `doc:<id>`: a finding on a figure without indicator or region: it reads its sentence only;
- `paragraph:<hash>`: the copies of one repeated paragraph (its fingerprint, an integer, in decimal).
A document's figures and paragraphs reach exactly the scopes of its own id, of the series of its
figures and of its paragraphs' fingerprints: recomputing those after it changed gives the
findings a full run would.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from viewer.model.review import Finding
from viewer.services.checks.context import Corpus
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

_DOC, _SERIES, _PARAGRAPH = "doc:", "series:", "paragraph:"


def doc_scope(doc_id: int) -> str:
    return f"{_DOC}{doc_id}"


def series_scope(indicator: str, region: str) -> str:
    return f"{_SERIES}{indicator}\t{region}"


def paragraph_scope(text_hash: int) -> str:
    return f"{_PARAGRAPH}{text_hash}"


def scope_of(finding: Finding, corpus: Corpus) -> str:
    """The scope of a finding on figures: the series of its first figure, else its document."""
    first = finding.evidence[0]
    figure = corpus.figure(first.figure_id)
    if figure is not None and figure.indicator and figure.region:
        return series_scope(figure.indicator, figure.region)
    return doc_scope(first.doc_id)


@dataclass(frozen=True)
class Scopes:
    """A set of scopes, by kind."""

    docs: frozenset[int] = field(default_factory=frozenset)
    series: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    paragraphs: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, keys: Iterable[str]) -> Scopes:
        docs: set[int] = set()
        series: set[tuple[str, str]] = set()
        paragraphs: set[int] = set()
        for key in keys:
            if key.startswith(_DOC):
                docs.add(int(key.removeprefix(_DOC)))
            elif key.startswith(_SERIES):
                indicator, _, region = key.removeprefix(_SERIES).partition("\t")
                series.add((indicator, region))
            elif key.startswith(_PARAGRAPH):
                paragraphs.add(int(key.removeprefix(_PARAGRAPH)))
        return cls(frozenset(docs), frozenset(series), frozenset(paragraphs))

    def keys(self) -> set[str]:
        return {*map(doc_scope, self.docs), *(series_scope(i, r) for i, r in self.series),
                *map(paragraph_scope, self.paragraphs)}

    def __or__(self, other: Scopes) -> Scopes:
        return Scopes(self.docs | other.docs, self.series | other.series, self.paragraphs | other.paragraphs)

    def sentences(self, db: Queryable) -> dict[int, set[tuple[int, int]] | None]:
        """What a run over these scopes reads: doc id -> the sentences to read (None: all of them)."""
        wanted: dict[int, set[tuple[int, int]] | None] = dict.fromkeys(self.docs)
        for doc_id, sentences in store_checks.series_sentences(db, sorted(self.series)).items():
            if doc_id not in self.docs:
                wanted[doc_id] = sentences
        return wanted


def scopes_of(db: Queryable, doc_ids: Collection[int]) -> Scopes:
    """Every scope the documents (as stored now) take part in, and the scopes of the stored findings
    that cite them or documents no longer in the store. Called before a document is replaced or
    deleted, it names the findings the old version could have changed."""
    ids = set(doc_ids)
    own = Scopes(frozenset(ids), frozenset(store_checks.document_series(db, ids)),
                 frozenset(store_checks.document_hashes(db, ids)))
    return own | Scopes.parse(store_checks.finding_scopes(db, ids))
