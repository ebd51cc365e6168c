"""Corpus search: any query text is accepted and searched as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.model import SearchHit
from viewer.store import search as store_search
from viewer.store.connection import Queryable
from viewer.text.segment import engine_name, query_words

if TYPE_CHECKING:
    pass


def segmenter() -> str:
    """Which engine segments documents and queries: "rjieba" (fast) or "jieba" (reference)."""
    return engine_name()


def warm_up() -> None:
    """Load the segmenter (jieba, about a second) so the first search answers at once.
    Call it off the UI thread after start-up."""
    query_words("预热")


def parse_query(query: str) -> list[store_search.QueryTerm]:
    """Space-separated terms, all required; each term is matched as literal text."""
    return [store_search.QueryTerm(term, query_words(term)) for term in query.split()]


def search(db: Queryable, query: str, limit: int = 50) -> list[SearchHit]:
    return store_search.search(db, parse_query(query), limit)
