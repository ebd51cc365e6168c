"""Corpus search: any query text is accepted and searched as text.

Hits come in document order, a page at a time: a page continues after the last hit of the one
before. How many hits there are in all and in each document is a query of its own (`totals`),
which reads every document holding the terms: the first page never waits for it.
"""

from __future__ import annotations

from viewer.model import SearchHit, SearchTotals
from viewer.store import search as store_search
from viewer.store.connection import Queryable
from viewer.text.segment import engine_name

PAGE = 50  # hits per page in the window


def segmenter() -> str:
    """Which engine segments documents: "rjieba" (fast) or "jieba" (reference)."""
    return engine_name()


def parse_query(query: str) -> list[store_search.QueryTerm]:
    """Space-separated terms, all required; each term is matched as literal text."""
    return [store_search.QueryTerm(term) for term in query.split()]


def search(db: Queryable, query: str, limit: int = PAGE, after: SearchHit | None = None,
           doc_id: int | None = None) -> list[SearchHit]:
    """Up to `limit` hits, in document order; those after the hit `after` (the last one shown) if
    given, and those in document `doc_id` only if given."""
    position = None if after is None else (after.doc_id, after.sentence_start)
    return store_search.search(db, parse_query(query), limit, position, doc_id)


def totals(db: Queryable, query: str) -> SearchTotals:
    """The hits of `query` in all and in each document holding them."""
    return SearchTotals(tuple(store_search.count_hits(db, parse_query(query))))
