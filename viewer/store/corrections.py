"""A reviewer's corrections of figures: write, read, and set a figure's corrected fields.
Anchoring and merging decisions are the service's."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from viewer.model import CORRECTABLE, Correction
from viewer.store.connection import Queryable
from viewer.store.reviewer_rows import record_deletion, record_row

if TYPE_CHECKING:
    import sqlite_utils

_COLUMNS = (
    "id, doc_id, doc_path, span_start, span_end, quote, context_before, context_after, changes, machine, "
    "author, status, created_at, updated_at"
)
# Figure field -> figures column (the same names; excluded is stored as 0/1).
_FIELD_COLUMNS = {name: name for name in (*CORRECTABLE, "provisional")}  # provisional: follows the indicator


def _correction(row: Any) -> Correction:
    (cid, doc_id, doc_path, start, end, quote, before, after, changes, machine, author, status, created,
     updated) = row[:14]
    return Correction(
        id=cid, doc_id=doc_id, doc_path=doc_path, start=start, end=end, quote=quote, context_before=before,
        context_after=after, changes=json.loads(changes), machine=json.loads(machine), author=author,
        status=status, created_at=created, updated_at=updated,
    )


def _values(c: Correction) -> list[Any]:
    return [c.doc_id, c.doc_path, c.start, c.end, c.quote, c.context_before, c.context_after,
            json.dumps(c.changes, ensure_ascii=False, sort_keys=True),
            json.dumps(c.machine, ensure_ascii=False, sort_keys=True), c.author, c.status, c.created_at,
            c.updated_at]


def insert_correction(db: sqlite_utils.Database, correction: Correction) -> int:
    """Insert `correction`, keeping its id when it has one (an undone correction being redone)."""
    columns = _COLUMNS if correction.id is not None else _COLUMNS.split(", ", 1)[1]
    values = ([correction.id] if correction.id is not None else []) + _values(correction)
    cursor = db.conn.execute(f"INSERT INTO corrections ({columns}) VALUES ({', '.join('?' * len(values))})", values)
    correction_id = int(correction.id if correction.id is not None else cursor.lastrowid)  # type: ignore[arg-type]
    record_row(db.conn, "correction", correction_id)  # the journal beside the store
    return correction_id


def update_correction(db: sqlite_utils.Database, correction: Correction) -> None:
    if correction.id is None:
        raise ValueError("an unsaved correction cannot be updated")
    names = _COLUMNS.split(", ")[1:]
    cursor = db.conn.execute(f"UPDATE corrections SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
                             [*_values(correction), correction.id])
    if cursor.rowcount == 0:
        raise KeyError(f"no correction {correction.id}")


def delete_correction(db: sqlite_utils.Database, correction_id: int) -> None:
    record_deletion(db.conn, "correction", correction_id)
    db.conn.execute("DELETE FROM corrections WHERE id = ?", [correction_id])


def get_correction(db: Queryable, correction_id: int) -> Correction | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", [correction_id]).fetchone()
    return _correction(row) if row else None


def corrections_of_path(db: Queryable, doc_path: str) -> list[Correction]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM corrections WHERE doc_path = ? ORDER BY span_start, id", [doc_path])
    return [_correction(r) for r in rows]


def list_corrections(db: Queryable) -> list[Correction]:
    """Every correction, newest first, with its document's title and the sentence of its figure
    (empty for an orphaned one, or one whose document is not in the store)."""
    sql = (
        f"SELECT {', '.join('c.' + c for c in _COLUMNS.split(', '))}, coalesce(d.title, ''), "
        "coalesce((SELECT substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) FROM figures f "
        "WHERE f.doc_id = d.id AND f.span_start = c.span_start AND f.span_end = c.span_end LIMIT 1), '') "
        "FROM corrections c LEFT JOIN documents d ON d.path = c.doc_path ORDER BY c.updated_at DESC, c.id DESC"
    )
    found = []
    for row in db.execute(sql):
        correction = _correction(row)
        correction.title, correction.sentence = row[14], row[15]
        found.append(correction)
    return found


def set_figure_fields(db: sqlite_utils.Database, figure_id: int, fields: dict[str, Any], source: str) -> None:
    """Write corrected (or restored) fields onto a figure and say who set its attribution."""
    unknown = set(fields) - set(_FIELD_COLUMNS)
    if unknown:
        raise ValueError(f"not a correctable field: {sorted(unknown)}")
    names = [_FIELD_COLUMNS[name] for name in fields]
    values = [int(v) if name in ("excluded", "provisional") else v for name, v in fields.items()]
    assignments = ", ".join([f"{n} = ?" for n in names] + ["source = ?"])
    db.conn.execute(f"UPDATE figures SET {assignments} WHERE id = ?", [*values, source, figure_id])


def figure_spans(db: Queryable, doc_id: int) -> list[tuple[int, int, int]]:
    """(figure id, start, end) of a document's figures, in text order."""
    rows = db.execute("SELECT id, span_start, span_end FROM figures WHERE doc_id = ? ORDER BY span_start", [doc_id])
    return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]
