"""Rewrite what the analysis derives from a stored text (figures, entity mentions, the metadata a
reviewer has not edited, the analysis version), leaving the text, its paragraphs, sentences and
both search indexes as they are. Writers call these inside their own write transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.model import AnalyzedDocument
from viewer.store.connection import Queryable, in_chunks, own_transaction
from viewer.store.documents import _insert_figures, _insert_mentions

if TYPE_CHECKING:
    import sqlite_utils

_METADATA = ("title", "region", "publisher", "published", "year", "kind")


@dataclass(frozen=True)
class StoredText:
    """A stored document as the analysis reads it again."""

    id: int
    path: str
    sha256: str
    title: str
    text: str
    analysis_version: int
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) in order
    sentences: tuple[tuple[int, int, int], ...]  # (paragraph index, start, end) in order


@dataclass(frozen=True)
class QueuedDocument:
    id: int
    title: str
    path: str
    chars: int


def queued_documents(db: Queryable, doc_ids: Sequence[int] | None = None) -> list[QueuedDocument]:
    """The documents to analyse again, in id order: all of them, or those of `doc_ids` still stored."""
    sql = "SELECT id, title, path, chars FROM documents"
    if doc_ids is None:
        rows = db.execute(sql + " ORDER BY id").fetchall()
    else:
        ids = sorted(set(doc_ids))
        rows = [row for chunk, marks in in_chunks(ids)
                for row in db.execute(f"{sql} WHERE id IN ({marks}) ORDER BY id", list(chunk))]
    return [QueuedDocument(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


def stored_text(db: Queryable, doc_id: int) -> StoredText | None:
    row = db.execute("SELECT path, sha256, title, text, analysis_version FROM documents WHERE id = ?",
                     [doc_id]).fetchone()
    if row is None:
        return None
    paragraphs = db.execute(
        "SELECT span_start, span_end FROM paragraphs WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
    sentences = db.execute(
        "SELECT paragraph_idx, span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
    return StoredText(doc_id, str(row[0]), str(row[1]), str(row[2]), str(row[3]), int(row[4]),
                      tuple((int(a), int(b)) for a, b in paragraphs),
                      tuple((int(p), int(a), int(b)) for p, a, b in sentences))


def stored_sha256(db: Queryable, doc_id: int) -> str | None:
    row = db.execute("SELECT sha256 FROM documents WHERE id = ?", [doc_id]).fetchone()
    return str(row[0]) if row else None


def replace_analysis(
    db: sqlite_utils.Database, doc_id: int, analysed: AnalyzedDocument, figures: bool = True
) -> bool:
    """Store a new analysis of document `doc_id`'s unchanged text: its entity mentions, its
    figures (unless `figures` is False: they are the same as stored, and keep their ids), its
    metadata unless a reviewer edited it, and the analysis version. Returns whether the metadata
    changed. Raises KeyError when the document is not stored."""
    doc = analysed.document
    with own_transaction(db):
        row = db.execute(
            f"SELECT {', '.join(_METADATA)}, metadata_edited FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        metadata = (doc.title, doc.region, doc.publisher, doc.published, doc.year, doc.kind)
        changed = not row[6] and tuple(row[:6]) != metadata
        if changed:
            db.conn.execute(f"UPDATE documents SET {', '.join(f'{c} = ?' for c in _METADATA)} WHERE id = ?",
                            [*metadata, doc_id])
        db.conn.execute("UPDATE documents SET analysis_version = ? WHERE id = ?", [analysed.analysis_version, doc_id])
        if figures:
            db.conn.execute("DELETE FROM figures WHERE doc_id = ?", [doc_id])
            _insert_figures(db, doc_id, analysed.figures)
        db.conn.execute("DELETE FROM entity_spans WHERE doc_id = ?", [doc_id])
        _insert_mentions(db, doc_id, analysed.mentions, analysed.entities)
    return changed
