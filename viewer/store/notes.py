"""A reviewer's notes: write, read, move. Anchoring decisions are the service's."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from viewer.model.review import Note
from viewer.store.connection import Queryable
from viewer.store.reviewer_rows import record_deletion, record_row

if TYPE_CHECKING:
    import sqlite_utils

_COLUMNS = (
    "id, doc_id, doc_path, span_start, span_end, quote, context_before, context_after, body, tags, status, "
    "created_at, updated_at"
)


def _note(row: Any) -> Note:
    (note_id, doc_id, doc_path, start, end, quote, before, after, body, tags, status, created, updated) = row
    return Note(
        id=note_id, doc_id=doc_id, doc_path=doc_path, start=start, end=end, quote=quote,
        context_before=before, context_after=after, body=body, tags=tuple(json.loads(tags)), status=status,
        created_at=created, updated_at=updated,
    )


def _values(note: Note) -> list[Any]:
    return [
        note.doc_id, note.doc_path, note.start, note.end, note.quote, note.context_before, note.context_after,
        note.body, json.dumps(list(note.tags), ensure_ascii=False), note.status, note.created_at, note.updated_at,
    ]


def insert_note(db: sqlite_utils.Database, note: Note) -> int:
    """Insert `note`, keeping its id when it has one (a deleted note being restored)."""
    columns = _COLUMNS if note.id is not None else _COLUMNS.split(", ", 1)[1]
    values = ([note.id] if note.id is not None else []) + _values(note)
    with db.atomic():
        cursor = db.conn.execute(
            f"INSERT INTO notes ({columns}) VALUES ({', '.join('?' * len(values))})", values
        )
        note_id = int(note.id if note.id is not None else cursor.lastrowid)  # type: ignore[arg-type]
        record_row(db.conn, "note", note_id)  # the journal beside the store
    return note_id


def update_note(db: sqlite_utils.Database, note: Note) -> None:
    if note.id is None:
        raise ValueError("an unsaved note cannot be updated")
    names = _COLUMNS.split(", ")[1:]
    with db.atomic():
        cursor = db.conn.execute(
            f"UPDATE notes SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?", [*_values(note), note.id]
        )
        record_row(db.conn, "note", note.id)
    if cursor.rowcount == 0:
        raise KeyError(f"no note {note.id}")


def delete_note(db: sqlite_utils.Database, note_id: int) -> None:
    with db.atomic():
        record_deletion(db.conn, "note", note_id)
        db.conn.execute("DELETE FROM notes WHERE id = ?", [note_id])


def get_note(db: Queryable, note_id: int) -> Note | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", [note_id]).fetchone()
    return _note(row) if row else None


def list_notes(db: Queryable, doc_id: int | None = None, doc_path: str | None = None) -> list[Note]:
    """Notes of a document (by id or by path), or all, in document order."""
    where: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        where.append("doc_id = ?")
        params.append(doc_id)
    if doc_path is not None:
        where.append("doc_path = ?")
        params.append(doc_path)
    condition = (" WHERE " + " OR ".join(where)) if where else ""
    sql = f"SELECT {_COLUMNS} FROM notes{condition} ORDER BY doc_path, span_start, id"
    return [_note(r) for r in db.execute(sql, params)]


def move_note(db: sqlite_utils.Database, note_id: int, doc_id: int, start: int, end: int, status: str) -> None:
    """Record where a note's quote is now (or that it was not found: keep the span, status orphaned)."""
    with db.atomic():
        db.conn.execute(
            "UPDATE notes SET doc_id = ?, span_start = ?, span_end = ?, status = ? WHERE id = ?",
            (doc_id, start, end, status, note_id),
        )
