"""Read entities and mentions; record a reviewer's merges."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from viewer.model import Document, Entity, Mention
from viewer.store.connection import Queryable
from viewer.store.documents import list_documents
from viewer.store.reviewer_rows import record_merge
from viewer.store.span_text import spans_text, text_spans

if TYPE_CHECKING:
    import sqlite_utils


def _entity(row: Any) -> Entity:
    return Entity(id=row[0], name=row[1], type=row[2], code=row[3], aliases=json.loads(row[4]),
                  mentions=row[5], documents=row[6])


def entities(db: Queryable, doc_id: int | None = None, type_: str | None = None) -> list[Entity]:
    where: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        where.append("s.doc_id = ?")
        params.append(doc_id)
    if type_ is not None:
        where.append("e.type = ?")
        params.append(type_)
    sql = (
        "SELECT e.id, e.name, e.type, e.code, e.aliases, sum(s.mentions), count(s.doc_id) "
        "FROM entities e JOIN entity_spans s ON s.entity_id = e.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY e.id ORDER BY e.type, sum(s.mentions) DESC, e.name"
    )
    return [_entity(r) for r in db.execute(sql, params)]


def document_mentions(db: Queryable, doc_id: int, entity_id: int | None = None) -> list[Mention]:
    text_row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if text_row is None:
        return []
    text = str(text_row[0])
    sql = "SELECT s.spans, e.type, e.name FROM entity_spans s JOIN entities e ON e.id = s.entity_id WHERE s.doc_id = ?"
    params: list[Any] = [doc_id]
    if entity_id is not None:
        sql += " AND s.entity_id = ?"
        params.append(entity_id)
    found = [
        Mention(start, end, text[start:end], type_, name)
        for spans, type_, name in db.execute(sql, params)
        for start, end in text_spans(spans)
    ]
    found.sort(key=lambda m: (m.start, m.end))
    return found


def entity_documents(db: Queryable, entity_id: int) -> list[Document]:
    ids = {r[0] for r in db.execute("SELECT doc_id FROM entity_spans WHERE entity_id = ?", [entity_id])}
    return [d for d in list_documents(db) if d.id in ids]


def entity_rows_for_export(db: Queryable) -> list[tuple[Entity, list[str]]]:
    """Each entity with the file names of the documents that mention it."""
    files: dict[int, list[str]] = {}
    for entity_id, file_name in db.execute(
        "SELECT s.entity_id, d.file_name FROM entity_spans s JOIN documents d ON d.id = s.doc_id "
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
        record_merge(db.conn, alias[0], alias[1])  # the journal beside the store
        _move_spans(db, alias_id, canonical_id)
        names = sorted(set(json.loads(canonical[2])) | set(json.loads(alias[2])) | {alias[0]})
        db.conn.execute("UPDATE entities SET aliases = ? WHERE id = ?", (json.dumps(names, ensure_ascii=False), canonical_id))
        db.conn.execute("DELETE FROM entities WHERE id = ?", [alias_id])


def _move_spans(db: sqlite_utils.Database, alias_id: int, canonical_id: int) -> None:
    """Give the alias's mentions to the canonical entity, joining the spans of a document that
    mentions both."""
    moving = db.execute("SELECT doc_id, spans FROM entity_spans WHERE entity_id = ?", [alias_id]).fetchall()
    for doc_id, spans in moving:
        row = db.execute(
            "SELECT spans FROM entity_spans WHERE doc_id = ? AND entity_id = ?", [doc_id, canonical_id]
        ).fetchone()
        joined = text_spans(spans) + (text_spans(row[0]) if row else [])
        db.conn.execute(
            "INSERT OR REPLACE INTO entity_spans (doc_id, entity_id, mentions, spans) VALUES (?, ?, ?, ?)",
            (doc_id, canonical_id, len(joined), spans_text(joined)),
        )
    db.conn.execute("DELETE FROM entity_spans WHERE entity_id = ?", [alias_id])
