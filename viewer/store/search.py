"""Full-text search over the jieba word index, with exact character spans of the hits.

Results come in the order documents were imported, sentence by sentence. The word index only
narrows the candidates: every candidate sentence is checked to contain each query term as a
substring, and the spans are where the terms occur. The word index misses text inside or across
words (12 in 312, 市科 in 株洲市|科技局), so unless it finds `limit` hits, the search scans the texts.

The character index (`document_chars`, migration 9) holds which characters, pairs of adjacent
characters and triples with a digit each document's sentences contain. A query answers at once
when no document holds all of its pairs, and the scan reads only the documents that do, plus
those not indexed yet.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.model import SearchHit
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

SNIPPET_CHARS = 90
_DIGIT = re.compile("[0-9]")


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


# Documents that may hold the query: those the character index says hold every query token of
# every term, and those not indexed yet.
_CANDIDATES = (
    "SELECT rowid FROM document_chars WHERE document_chars MATCH ? "
    "UNION ALL SELECT doc_id FROM document_chars_pending"
)


def search(db: Queryable, terms: list[QueryTerm], limit: int = 50) -> list[SearchHit]:
    terms = [t for t in terms if t.text]
    if not terms or limit <= 0 or not all(_encodable(t.text) for t in terms):
        return []
    grams = " AND ".join(f'"{token}"' for token in dict.fromkeys(t for term in terms for t in query_tokens(term.text)))
    if db.execute(f"SELECT NOT EXISTS ({_CANDIDATES})", [grams]).fetchone()[0]:
        return []
    # One-character words (的, 年, 4) match so many sentences that the scan is faster.
    expression = fts_expression(terms) if all(len(w) > 1 for t in terms for w in t.words) else None
    hits = _indexed(db, terms, expression, limit) if expression else []
    # Fewer than `limit`: the word index may have missed text inside or across words (12 in 312,
    # 市科 in 株洲市|科技局), and the scan, which misses nothing, is cheap enough.
    return hits if len(hits) >= limit else _scan(db, terms, grams, limit)


def documents_containing(db: Queryable, text: str) -> list[int]:
    """Ids of the documents holding `text`, in id order: the character index names the candidates,
    the text confirms them. The index holds sentences: a `text` across two of them may be missed."""
    if not text or not _encodable(text):
        return []
    grams = " AND ".join(f'"{token}"' for token in query_tokens(text))
    rows = db.execute(f"SELECT id FROM documents WHERE id IN ({_CANDIDATES}) AND instr(text, ?) > 0 ORDER BY id",
                      [grams, text])
    return [int(row[0]) for row in rows]


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


def _scan(db: Queryable, terms: list[QueryTerm], grams: str, limit: int) -> list[SearchHit]:
    """Every sentence of the candidate documents holding the terms, in import order."""
    texts = [term.text for term in terms]
    docs = db.execute(
        f"SELECT id, title, path, text FROM documents WHERE id IN ({_CANDIDATES}) AND "
        + " AND ".join("instr(text, ?) > 0" for _ in texts)
        + " ORDER BY id",
        [grams, *texts],
    )
    hits: list[SearchHit] = []
    for doc_id, title, path, text in docs:
        spans = db.execute(
            "SELECT span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY span_start", [doc_id]
        ).fetchall()
        starts = [start for start, _end in spans]
        at = text.find(texts[0])
        while at >= 0:  # from one occurrence of the first term to the sentence holding it
            i = bisect_right(starts, at) - 1
            start, end = spans[i] if i >= 0 else (0, 0)
            if at + len(texts[0]) > end:  # not inside one sentence
                at = text.find(texts[0], at + 1)
                continue
            hit = _hit(doc_id, title, path, start, text[start:end], terms)
            if hit is not None:
                hits.append(hit)
                if len(hits) >= limit:
                    return hits
            at = text.find(texts[0], end)
    return hits


def _encodable(text: str) -> bool:
    """Stored text is valid UTF-8: a term with a lone surrogate (from a bad paste) is in no document."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _name(ch: str) -> str:
    return f"u{ord(ch):x}"


_NAMES: dict[str, str] = {}  # character -> its index name, kept across documents
_LOW = (1 << 32) - 1
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"  # 64-bit words hold (first, second)
_FIRST_SHIFT, _SECOND_SHIFT = (0, 32) if sys.byteorder == "little" else (32, 0)


def _names_of(chars: Iterable[str]) -> dict[int, str]:
    """Code point -> index name of each character."""
    names = _NAMES
    found = {}
    for ch in chars:
        name = names.get(ch)
        if name is None:
            name = names[ch] = _name(ch)
        found[ord(ch)] = name
    return found


def _pair_codes(text: str) -> set[int]:
    """Each distinct pair of adjacent characters as one integer (two code points of 32 bits):
    read from the UTF-32 encoding as 64-bit words, at even and at odd offsets, without a Python loop."""
    raw = text.encode(_UTF32, "surrogatepass")
    pairs: set[int] = set()
    for offset in (0, 4):
        words = raw[offset:]
        pairs.update(memoryview(words[: len(words) - len(words) % 8]).cast("Q"))
    return pairs


def document_tokens(text: str, sentences: Iterable[tuple[int, int]]) -> set[str]:
    """What the character index holds for a document, from its sentences (a hit never crosses a
    sentence boundary): each distinct character, pair of adjacent characters, and triple with an
    ASCII digit, as hexadecimal code points ("u682a", "u682au6d32"). Sentences are (start, end)."""
    joined = "\x00".join([text[start:end] for start, end in sentences])  # grams across the joint only add candidates
    names = _names_of(set(joined))
    tokens = set(names.values())
    tokens.update([names[(pair >> _FIRST_SHIFT) & _LOW] + names[(pair >> _SECOND_SHIFT) & _LOW]
                   for pair in _pair_codes(joined)])
    starts = {s for m in _DIGIT.finditer(joined) for s in range(max(0, m.start() - 2), m.start() + 1)}
    tokens.update(["".join([_NAMES[ch] for ch in joined[s : s + 3]]) for s in starts if s + 3 <= len(joined)])
    return tokens


def query_tokens(term: str) -> list[str]:
    """What the index must hold for a document that contains `term`: the term itself when it is
    shorter than three characters, else its pairs and its triples with an ASCII digit."""
    if len(term) <= 2:
        return ["".join(map(_name, term))]
    grams = [term[i : i + 2] for i in range(len(term) - 1)]
    grams += [term[i : i + 3] for i in range(len(term) - 2) if _DIGIT.search(term[i : i + 3])]
    return list(dict.fromkeys("".join(map(_name, gram)) for gram in grams))


def index_document_chars(db: Queryable, doc_id: int, text: str, sentences: Iterable[tuple[int, int]]) -> None:
    """Index the characters of a document just written, in the writer's transaction. Call it
    after the document row is inserted: inserting the row marks it pending until this runs."""
    grams = " ".join(document_tokens(text, sentences))
    db.execute("INSERT INTO document_chars (rowid, grams) VALUES (?, ?)", [doc_id, grams])
    db.execute("DELETE FROM document_chars_pending WHERE doc_id = ?", [doc_id])


def index_pending_document_chars(db: sqlite_utils.Database, batch: int = 200) -> int:
    """Index the documents stored before the character index existed (or whose writer did not
    index them), `batch` documents per transaction, so it can be stopped and resumed.
    Returns how many documents were indexed."""
    done = 0
    while True:
        with db.atomic():
            rows = db.execute(
                "SELECT d.id, d.text FROM document_chars_pending p JOIN documents d ON d.id = p.doc_id "
                "ORDER BY p.doc_id LIMIT ?",
                [batch],
            ).fetchall()
            for doc_id, text in rows:
                spans = db.execute("SELECT span_start, span_end FROM sentences WHERE doc_id = ?", [doc_id])
                index_document_chars(db, doc_id, text, spans.fetchall())
        done += len(rows)
        if len(rows) < batch:
            return done


def rebuild_document_chars(db: sqlite_utils.Database) -> int:
    """Drop every posting, stale ones of replaced documents included, and index all documents anew."""
    with db.atomic():
        db.execute("INSERT INTO document_chars (document_chars) VALUES ('delete-all')")
        db.execute("INSERT OR IGNORE INTO document_chars_pending (doc_id) SELECT id FROM documents")
    return index_pending_document_chars(db)


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
