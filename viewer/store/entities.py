"""Read entities and mentions; record a reviewer's merges."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from viewer.model import Document, Entity, Mention
from viewer.store.connection import Queryable
from viewer.store.documents import list_documents

if TYPE_CHECKING:
    import sqlite_utils


def _entity(row: Any) -> Entity:
    return Entity(id=row[0], name=row[1], type=row[2], code=row[3], aliases=json.loads(row[4]),
                  mentions=row[5], documents=row[6])


def entities(db: Queryable, doc_id: int | None = None, type_: str | None = None) -> list[Entity]:
    where: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        where.append("m.doc_id = ?")
        params.append(doc_id)
    if type_ is not None:
        where.append("e.type = ?")
        params.append(type_)
    sql = (
        "SELECT e.id, e.name, e.type, e.code, e.aliases, count(m.id), count(DISTINCT m.doc_id) "
        "FROM entities e JOIN mentions m ON m.entity_id = e.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY e.id ORDER BY e.type, count(m.id) DESC, e.name"
    )
    return [_entity(r) for r in db.execute(sql, params)]


def document_mentions(db: Queryable, doc_id: int, entity_id: int | None = None) -> list[Mention]:
    sql = (
        "SELECT m.span_start, m.span_end, m.text, e.type, e.name FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ?"
    )
    params: list[Any] = [doc_id]
    if entity_id is not None:
        sql += " AND m.entity_id = ?"
        params.append(entity_id)
    return [Mention(r[0], r[1], r[2], r[3], r[4]) for r in db.execute(sql + " ORDER BY m.span_start", params)]


def entity_documents(db: Queryable, entity_id: int) -> list[Document]:
    ids = {r[0] for r in db.execute("SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?", [entity_id])}
    return [d for d in list_documents(db) if d.id in ids]


def entity_rows_for_export(db: Queryable) -> list[tuple[Entity, list[str]]]:
    """Each entity with the file names of the documents that mention it."""
    files: dict[int, list[str]] = {}
    for entity_id, file_name in db.execute(
        "SELECT DISTINCT m.entity_id, d.file_name FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "ORDER BY d.file_name"
    ):
        files.setdefault(entity_id, []).append(file_name)
    return [(e, files.get(e.id or -1, [])) for e in entities(db)]


def entity_id(db: Queryable, name: str, type_: str) -> int | None:
    row = db.execute("SELECT id FROM entities WHERE name = ? AND type = ?", [name, type_]).fetchone()
    return int(row[0]) if row else None


def merge_entities(db: sqlite_utils.Database, alias_id: int, canonical_id: int) -> None:
    """Fold entity `alias_id` into `canonical_id`; remembered, so re-imports keep the merge."""
    with db.atomic():
        alias = db.execute("SELECT name, type, aliases FROM entities WHERE id = ?", [alias_id]).fetchone()
        canonical = db.execute("SELECT name, type, aliases FROM entities WHERE id = ?", [canonical_id]).fetchone()
        if alias is None or canonical is None or alias_id == canonical_id:
            raise ValueError("merge needs two different existing entities")
        if alias[1] != canonical[1]:
            raise ValueError(f"cannot merge a {alias[1]} ({alias[0]}) into a {canonical[1]} ({canonical[0]})")
        db.conn.execute(
            "INSERT OR REPLACE INTO entity_merges (alias, type, canonical, merged_at) VALUES (?, ?, ?, ?)",
            (alias[0], alias[1], canonical[0], datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")),
        )
        db.conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (canonical_id, alias_id))
        names = sorted(set(json.loads(canonical[2])) | set(json.loads(alias[2])) | {alias[0]})
        db.conn.execute("UPDATE entities SET aliases = ? WHERE id = ?", (json.dumps(names, ensure_ascii=False), canonical_id))
        db.conn.execute("DELETE FROM entities WHERE id = ?", [alias_id])
