"""Reads and writes for removing documents and replacing a document by a new version: which
documents, which of the reviewer's notes and corrections hang on them, their paragraphs'
fingerprints. The decisions are the services' (viewer.services.removal, .versions)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from viewer.model.library_changes import DocumentRef
from viewer.store.connection import Queryable, in_chunks
from viewer.store.reviewer_rows import record_plan_exclusion, record_row

if TYPE_CHECKING:
    import sqlite_utils

_ORPHANED = "orphaned"  # NoteStatus.ORPHANED and CorrectionStatus.ORPHANED


def document_refs(db: Queryable, doc_ids: Iterable[int]) -> list[DocumentRef]:
    """The documents of these ids that are in the store, in id order."""
    found: list[DocumentRef] = []
    for chunk, marks in in_chunks(sorted(set(doc_ids))):
        rows = db.execute(f"SELECT id, title, path FROM documents WHERE id IN ({marks})", chunk)
        found += [DocumentRef(int(r[0]), str(r[1] or ""), str(r[2])) for r in rows]
    return sorted(found, key=lambda d: d.doc_id)


def all_refs(db: Queryable) -> list[DocumentRef]:
    return [DocumentRef(int(r[0]), str(r[1] or ""), str(r[2]))
            for r in db.execute("SELECT id, title, path FROM documents ORDER BY id")]


def documents_by_sha(db: Queryable, shas: Iterable[str]) -> list[int]:
    found: list[int] = []
    for chunk, marks in in_chunks(sorted(set(shas))):
        found += [int(r[0]) for r in db.execute(f"SELECT id FROM documents WHERE sha256 IN ({marks})", chunk)]
    return sorted(found)


def documents_by_file_name(db: Queryable, names: Iterable[str]) -> list[tuple[int, str]]:
    """(id, path) of the documents stored from files of these names."""
    found: list[tuple[int, str]] = []
    for chunk, marks in in_chunks(sorted(set(names))):
        rows = db.execute(f"SELECT id, path FROM documents WHERE file_name IN ({marks})", chunk)
        found += [(int(r[0]), str(r[1])) for r in rows]
    return found


def _work_condition(docs: list[DocumentRef]) -> tuple[str, list[object]]:
    ids = [d.doc_id for d in docs]
    paths = [d.path for d in docs]
    return (f"doc_id IN ({', '.join('?' * len(ids))}) OR doc_path IN ({', '.join('?' * len(paths))})",
            [*ids, *paths])


def reviewer_work_counts(db: Queryable, docs: list[DocumentRef]) -> tuple[int, int]:
    """(notes, corrections) made on these documents (anchored by id or by path)."""
    if not docs:
        return 0, 0
    counts = []
    for table in ("notes", "corrections"):
        total = 0
        for start in range(0, len(docs), 400):
            condition, params = _work_condition(docs[start : start + 400])
            total += int(db.execute(f"SELECT count(*) FROM {table} WHERE {condition}", params).fetchone()[0])
        counts.append(total)
    return counts[0], counts[1]


def orphan_reviewer_work(db: sqlite_utils.Database, docs: list[DocumentRef]) -> tuple[int, int]:
    """Keep the notes and corrections of documents being removed, orphaned: no document id (a
    later document may get the id), their path, quote and span kept, so a re-import of the
    same path finds them again. Returns (notes, corrections)."""
    counts = []
    for table in ("notes", "corrections"):
        total = 0
        for start in range(0, len(docs), 400):
            condition, params = _work_condition(docs[start : start + 400])
            cursor = db.conn.execute(f"UPDATE {table} SET doc_id = NULL, status = ? WHERE {condition}",
                                     [_ORPHANED, *params])
            total += cursor.rowcount
        counts.append(total)
    return counts[0], counts[1]


def move_reviewer_work(db: sqlite_utils.Database, old: DocumentRef, new: DocumentRef) -> tuple[int, int]:
    """Hand the notes and corrections of `old` to `new` (path and id); where they lie in the new
    text is the service's to find. Returns (notes, corrections)."""
    counts = []
    for table, kind in (("notes", "note"), ("corrections", "correction")):
        ids = [int(r[0]) for r in db.execute(f"SELECT id FROM {table} WHERE doc_id = ? OR doc_path = ?",
                                             [old.doc_id, old.path])]
        db.conn.execute(f"UPDATE {table} SET doc_id = ?, doc_path = ? WHERE doc_id = ? OR doc_path = ?",
                        [new.doc_id, new.path, old.doc_id, old.path])
        for row_id in ids:
            record_row(db.conn, kind, row_id)  # the journal beside the store: the work's new path
        counts.append(len(ids))
    _move_plan_exclusions(db, old.path, new.path)
    return counts[0], counts[1]


def _move_plan_exclusions(db: sqlite_utils.Database, old_path: str, new_path: str) -> None:
    """A plan's excluded rows follow it to its new version (one the new version has already wins)."""
    if old_path == new_path:
        return
    keys = [str(r[0]) for r in db.execute("SELECT row_key FROM plan_exclusions WHERE doc_path = ?", [old_path])]
    db.conn.execute("UPDATE OR IGNORE plan_exclusions SET doc_path = ? WHERE doc_path = ?", [new_path, old_path])
    db.conn.execute("DELETE FROM plan_exclusions WHERE doc_path = ?", [old_path])
    for key in keys:
        record_plan_exclusion(db.conn, old_path, key)  # journalled as gone from the old path
        record_plan_exclusion(db.conn, new_path, key)


def findings_citing(db: Queryable, doc_ids: list[int]) -> int:
    total = 0
    for chunk, marks in in_chunks(doc_ids):
        total += int(db.execute(
            f"SELECT count(DISTINCT check_id) FROM check_evidence WHERE doc_id IN ({marks})", chunk).fetchone()[0])
    return total


def titles(db: Queryable) -> list[tuple[int, str]]:
    """(id, title) of every document with a title."""
    return [(int(r[0]), str(r[1])) for r in db.execute("SELECT id, title FROM documents WHERE title <> ''")]


def paragraph_fingerprints(db: Queryable, doc_id: int) -> list[int]:
    """The text fingerprints of a document's paragraphs (those long enough to have one)."""
    return [int(r[0]) for r in db.execute(
        "SELECT text_hash FROM paragraphs WHERE doc_id = ? AND text_hash IS NOT NULL ORDER BY idx", [doc_id])]


def edited_metadata(db: Queryable, doc_id: int) -> dict[str, object] | None:
    """The metadata a reviewer corrected on a document, None when it is the analysis' own."""
    row = db.execute("SELECT title, region, publisher, published, year, kind, metadata_edited FROM documents "
                     "WHERE id = ?", [doc_id]).fetchone()
    if row is None or not row[6]:
        return None
    return dict(zip(("title", "region", "publisher", "published", "year", "kind"), row[:6], strict=True))
