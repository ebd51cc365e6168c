"""Full-text search over the jieba word index, with exact character spans of the hits.

Results come in the order documents were imported, sentence by sentence. The word index only
narrows the candidates: every candidate sentence is checked to contain each
query term as a substring, and the spans are where the terms occur. A query whose terms give no
indexable words (`*`, `(`) or no candidates falls back to a substring scan of the texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.model import SearchHit
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    pass

SNIPPET_CHARS = 90


@dataclass(frozen=True)
class QueryTerm:
    text: str  # searched as a substring of a sentence
    words: tuple[str, ...]  # its index words; empty when it has none


def fts_expression(terms: list[QueryTerm]) -> str | None:
    """An FTS5 MATCH expression of quoted words (all required), or None if nothing indexable."""
    words = [w for term in terms for w in term.words if w.strip()]
    if not words or any(not term.words for term in terms):
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in dict.fromkeys(words))


def search(db: Queryable, terms: list[QueryTerm], limit: int = 50) -> list[SearchHit]:
    terms = [t for t in terms if t.text]
    if not terms or limit <= 0:
        return []
    expression = fts_expression(terms)
    hits = _indexed(db, terms, expression, limit) if expression else []
    return hits or _scan(db, terms, limit)


def _indexed(db: Queryable, terms: list[QueryTerm], expression: str, limit: int) -> list[SearchHit]:
    """Candidates stream from the word index in import order; stop once `limit` are verified."""
    sql = (
        "SELECT s.doc_id, d.title, d.path, s.span_start, s.span_end, "
        "substr(d.text, s.span_start + 1, s.span_end - s.span_start) "
        "FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.doc_id "
        "WHERE sentences_fts MATCH ?"
    )
    hits: list[SearchHit] = []
    for row in db.execute(sql, [expression]):
        hit = _hit(row[0], row[1], row[2], row[3], row[5], terms)
        if hit is not None:
            hits.append(hit)
            if len(hits) >= limit:
                break
    return hits


def _scan(db: Queryable, terms: list[QueryTerm], limit: int) -> list[SearchHit]:
    first = terms[0].text
    hits: list[SearchHit] = []
    docs = db.execute("SELECT id, title, path, text FROM documents WHERE instr(text, ?) > 0 ORDER BY id", [first])
    for doc_id, title, path, text in docs:
        sentences = db.execute(
            "SELECT span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY span_start", [doc_id]
        ).fetchall()
        for start, end in sentences:
            if first not in text[start:end]:
                continue
            hit = _hit(doc_id, title, path, start, text[start:end], terms)
            if hit is not None:
                hits.append(hit)
                if len(hits) >= limit:
                    return hits
    return hits


def _hit(doc_id: int, title: str, path: str, start: int, sentence: str, terms: list[QueryTerm]) -> SearchHit | None:
    spans: list[tuple[int, int]] = []
    for term in terms:
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(term.text), sentence)]
        if not found:
            return None
        spans.extend(found)
    spans.sort()
    lo = max(0, spans[0][0] - SNIPPET_CHARS // 3)
    hi = min(len(sentence), lo + SNIPPET_CHARS)
    return SearchHit(
        doc_id=doc_id,
        title=title,
        path=path,
        sentence_start=start,
        sentence_end=start + len(sentence),
        snippet=sentence[lo:hi],
        snippet_offset=start + lo,
        spans=tuple((start + s, start + e) for s, e in spans),
    )
