"""Full-text search over the stored texts, with exact character spans of the hits.

A hit is a sentence holding every query term as a substring; its spans are where the terms
occur. Hits come in document order (document id, then position in the text), so a search can be
read a page at a time, each page beginning after the last hit of the one before.

The character index (`document_chars`, migration 9) holds which characters, pairs of adjacent
characters and triples with a digit each document's sentences contain. A query answers at once
when no document holds all of its pairs, and the scan reads only the documents that do, plus
those not indexed yet. (A word index, the jieba words of each sentence, was dropped in migration 17:
it missed text inside or across words, 12 in 312 or 市科 in 株洲市|科技局, and FTS5's trigram
tokenizer cannot match a query of two characters. A document-order scan of the candidates answers
a page within a few milliseconds on 10,000 reports.)
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.model import DocumentHits, SearchHit
from viewer.store.connection import Queryable, release_free_pages

if TYPE_CHECKING:
    import sqlite_utils

SNIPPET_CHARS = 90
_DIGIT = re.compile("[0-9]")


@dataclass(frozen=True)
class QueryTerm:
    text: str  # searched as a substring of a sentence


# Documents that may hold the query: those the character index says hold every query token of
# every term, and those not indexed yet.
_CANDIDATES = (
    "SELECT rowid FROM document_chars WHERE document_chars MATCH ? "
    "UNION ALL SELECT doc_id FROM document_chars_pending"
)


Position = tuple[int, int]  # a hit's document id and sentence start: the next page begins after it


def search(db: Queryable, terms: list[QueryTerm], limit: int = 50, after: Position | None = None,
           doc_id: int | None = None) -> list[SearchHit]:
    """Up to `limit` hits in document order (document id, then position in the text): only those
    after `after` if given (the last hit of the page before), only those in document `doc_id` if given."""
    terms = [t for t in terms if t.text]
    hits: list[SearchHit] = []
    if limit <= 0:
        return hits
    for (hit_doc, title, path), start, sentence in _sentences(db, terms, after, doc_id):
        hits.append(_hit(hit_doc, title, path, start, sentence, terms))
        if len(hits) >= limit:
            break
    return hits


def count_hits(db: Queryable, terms: list[QueryTerm]) -> list[DocumentHits]:
    """Each document holding the terms, with its number of hits, in document order. It reads every
    such document: on a large store and a common word, run it off the UI thread."""
    terms = [t for t in terms if t.text]
    counts: dict[tuple[int, str, str], list[int]] = {}  # document -> [hits, occurrences]
    for document, _start, sentence in _sentences(db, terms, None, None):
        count = counts.setdefault(document, [0, 0])
        count[0] += 1
        count[1] += sum(sentence.count(term.text) for term in terms)
    return [DocumentHits(doc_id, title, path, hits, occurrences)
            for (doc_id, title, path), (hits, occurrences) in counts.items()]


def documents_containing(db: Queryable, text: str) -> list[int]:
    """Ids of the documents holding `text`, in id order: the character index names the candidates,
    the text confirms them. The index holds sentences: a `text` across two of them may be missed."""
    if not text or not _encodable(text):
        return []
    grams = " AND ".join(f'"{token}"' for token in query_tokens(text))
    rows = db.execute(f"SELECT id FROM documents WHERE id IN ({_CANDIDATES}) AND instr(text, ?) > 0 ORDER BY id",
                      [grams, text])
    return [int(row[0]) for row in rows]


def _sentences(db: Queryable, terms: list[QueryTerm], after: Position | None,
               doc_id: int | None) -> Iterator[tuple[tuple[int, str, str], int, str]]:
    """((doc id, title, path), start, text) of each sentence holding every term, in document order.
    Only documents the character index names (and those not indexed yet) are read, and only
    those holding every term: each occurrence of the first term leads to its sentence."""
    if not terms or not all(_encodable(t.text) for t in terms):
        return
    grams = " AND ".join(f'"{token}"' for token in dict.fromkeys(t for term in terms for t in query_tokens(term.text)))
    if db.execute(f"SELECT NOT EXISTS ({_CANDIDATES})", [grams]).fetchone()[0]:
        return
    texts = [term.text for term in terms]
    where = [f"id IN ({_CANDIDATES})", *["instr(text, ?) > 0"] * len(texts)]
    params: list[object] = [grams, *texts]
    if after is not None:
        where.append("id >= ?")
        params.append(after[0])
    if doc_id is not None:
        where.append("id = ?")
        params.append(doc_id)
    docs = db.execute(f"SELECT id, title, path, text FROM documents WHERE {' AND '.join(where)} ORDER BY id", params)
    first, others = texts[0], texts[1:]
    for found_id, title, path, text in docs:
        document = (found_id, title, path)
        spans = db.execute(
            "SELECT span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY idx", [found_id]
        ).fetchall()
        starts = [start for start, _end in spans]
        shown = after[1] if after is not None and after[0] == found_id else -1  # hits up to here were shown
        at = text.find(first, shown + 1)
        while at >= 0:  # from one occurrence of the first term to the sentence holding it
            i = bisect_right(starts, at) - 1
            start, end = spans[i] if i >= 0 else (0, 0)
            if at + len(first) > end or start <= shown:  # not inside one sentence, or shown already
                at = text.find(first, max(at + 1, end if start <= shown else 0))
                continue
            sentence = text[start:end]
            if all(other in sentence for other in others):
                yield document, start, sentence
            at = text.find(first, end)


def _encodable(text: str) -> bool:
    """Stored text is valid UTF-8: a term with a lone surrogate (from a bad paste) is in no document."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _name(ch: str) -> str:
    return f"u{ord(ch):x}"


_NAMES: dict[int, str] = {}  # code point -> its index name, kept across documents
_LOW = (1 << 32) - 1
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"  # 64-bit words hold (first, second)
# The first and the second code point of a pair code (`_pair_codes`), as C functions for map().
_FIRST, _SECOND = (_LOW.__and__, (32).__rrshift__) if sys.byteorder == "little" else ((32).__rrshift__, _LOW.__and__)
_DIGITS = re.compile("[0-9]+")


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
    if not joined:
        return set()
    pairs = _pair_codes(joined)
    codes = set(map(_FIRST, pairs))  # every character but the last opens a pair
    codes.add(ord(joined[-1]))
    for code in codes.difference(_NAMES):
        _NAMES[code] = f"u{code:x}"
    name = _NAMES.__getitem__
    tokens = set(map(name, codes))
    tokens.update(map(str.__add__, map(name, map(_FIRST, pairs)), map(name, map(_SECOND, pairs))))
    triples: set[str] = set()
    for run in _DIGITS.finditer(joined):  # the triples holding a digit of the run
        piece = joined[max(0, run.start() - 2) : run.end() + 2]
        triples.update([piece[i : i + 3] for i in range(len(piece) - 2)])
    tokens.update([name(ord(t[0])) + name(ord(t[1])) + name(ord(t[2])) for t in triples])
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
    write_document_chars(db, doc_id, " ".join(document_tokens(text, sentences)))


def write_document_chars(db: Queryable, doc_id: int, grams: str) -> None:
    """`index_document_chars` with the document's tokens made beforehand (space separated)."""
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


def compact_document_chars(db: sqlite_utils.Database, added: int) -> bool:
    """After an import that stored `added` documents: when they are a quarter of the store or
    more, merge the character index into one segment and release the pages it freed. Each
    document is written in a transaction of its own, and FTS5 gives each its own segment with
    its own list of terms, which automatic merging leaves repeated in the smaller ones (five
    reports: 172 -> 110 KB; 2,000 reports: 5.4 -> 5.0 MB, 0.2 s). Returns whether it merged."""
    total = int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    if added <= 0 or added * 4 < total:
        return False
    with db.atomic():
        db.execute("INSERT INTO document_chars (document_chars) VALUES ('optimize')")
    release_free_pages(db.conn)
    return True


def _hit(doc_id: int, title: str, path: str, start: int, sentence: str, terms: list[QueryTerm]) -> SearchHit:
    """A sentence that holds every term, with the spans of their occurrences."""
    spans = sorted((m.start(), m.end()) for term in terms for m in re.finditer(re.escape(term.text), sentence))
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
