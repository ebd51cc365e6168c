"""The reviewer's work as rows, whatever the columns: notes, corrections, merges, the metadata a
reviewer edited, the rows of plan evaluations left out, and which documents the store holds. Read for the journal; written back when
work is restored from it."""

from __future__ import annotations

import sqlite3
from typing import Any

from viewer.store.connection import Queryable
from viewer.store.work_journal import (
    CORRECTION,
    DELETE,
    DOCUMENT,
    MERGE,
    METADATA,
    NOTE,
    PLAN_EXCLUSION,
    PUT,
    record,
)

METADATA_FIELDS = ("title", "region", "publisher", "published", "year", "kind")
TABLES = {NOTE: "notes", CORRECTION: "corrections", MERGE: "entity_merges"}
PLAN_EXCLUSION_FIELDS = ("doc_path", "row_key", "reason", "author", "created_at")


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def merge_key(row: dict[str, Any]) -> str:
    return f"{row['type']}\t{row['alias']}"


def plan_exclusion_key(row: dict[str, Any]) -> str:
    """The plan's path and the row's key (which names the target: indicator, place, year, kind,
    value), so the exclusion finds its row again in a re-analysed or re-imported plan."""
    return f"{row['doc_path']}\t{row['row_key']}"


def work_key(kind: str, row: dict[str, Any]) -> str:
    if kind in (NOTE, CORRECTION):
        return str(row["uid"])
    if kind == MERGE:
        return merge_key(row)
    if kind == PLAN_EXCLUSION:
        return plan_exclusion_key(row)
    return str(row["path"])


def read_work(db: Queryable, kinds: tuple[str, ...] = (NOTE, CORRECTION, MERGE, METADATA, DOCUMENT,
                                                       PLAN_EXCLUSION)) -> dict[
        tuple[str, str], dict[str, Any]]:
    """(kind, key) -> row of every piece of work in the store."""
    queries = {
        NOTE: "SELECT * FROM notes WHERE uid IS NOT NULL",
        CORRECTION: "SELECT * FROM corrections WHERE uid IS NOT NULL",
        MERGE: "SELECT * FROM entity_merges",
        METADATA: f"SELECT path, {', '.join(METADATA_FIELDS)} FROM documents WHERE metadata_edited = 1",
        DOCUMENT: "SELECT path, sha256, title FROM documents",
        PLAN_EXCLUSION: f"SELECT {', '.join(PLAN_EXCLUSION_FIELDS)} FROM plan_exclusions",
    }
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for kind in kinds:
        for row in _dicts(db.execute(queries[kind])):
            found[(kind, work_key(kind, row))] = row
    return found


def row_by_id(db: Queryable, kind: str, row_id: int) -> dict[str, Any] | None:
    rows = _dicts(db.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def record_row(conn: sqlite3.Connection, kind: str, row_id: int) -> None:
    """Journal a note or correction as it is now in the store (after its insert or update)."""
    row = row_by_id(conn, kind, row_id)
    if row is not None and row.get("uid"):
        record(conn, kind, str(row["uid"]), row)


def record_deletion(conn: sqlite3.Connection, kind: str, row_id: int) -> None:
    """Journal that a note or correction is deleted (call before the delete: the line keeps it)."""
    row = row_by_id(conn, kind, row_id)
    if row is not None and row.get("uid"):
        record(conn, kind, str(row["uid"]), row, op="delete")


def record_metadata(conn: sqlite3.Connection, doc_id: int) -> None:
    rows = _dicts(conn.execute(f"SELECT path, {', '.join(METADATA_FIELDS)} FROM documents WHERE id = ?", [doc_id]))
    if rows:
        record(conn, METADATA, str(rows[0]["path"]), rows[0])


def record_merge(conn: sqlite3.Connection, alias: str, type_: str) -> None:
    rows = _dicts(conn.execute("SELECT * FROM entity_merges WHERE alias = ? AND type = ?", [alias, type_]))
    if rows:
        record(conn, MERGE, merge_key(rows[0]), rows[0])


def record_plan_exclusion(conn: sqlite3.Connection, doc_path: str, row_key: str) -> None:
    """Journal a plan row's exclusion as it is now: put when the store holds it, else deleted."""
    rows = _dicts(conn.execute(f"SELECT {', '.join(PLAN_EXCLUSION_FIELDS)} FROM plan_exclusions "
                               "WHERE doc_path = ? AND row_key = ?", [doc_path, row_key]))
    row = rows[0] if rows else {"doc_path": doc_path, "row_key": row_key}
    record(conn, PLAN_EXCLUSION, plan_exclusion_key(row), row, op=PUT if rows else DELETE)


def put_plan_exclusion(conn: sqlite3.Connection, row: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO plan_exclusions (doc_path, row_key, reason, author, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (doc_path, row_key) DO UPDATE SET reason = excluded.reason, author = excluded.author, "
        "created_at = excluded.created_at",
        [row["doc_path"], row["row_key"], row.get("reason") or "", row.get("author") or "",
         row.get("created_at") or ""])


def columns(db: Queryable, table: str) -> list[str]:
    return [str(r[1]) for r in db.execute(f"PRAGMA table_info({table})")]


def insert_row(conn: sqlite3.Connection, table: str, row: dict[str, Any], keep_id: bool = False) -> None:
    """Insert a row as read elsewhere (another store, the journal): the columns both know."""
    names = [c for c in columns(conn, table) if c in row and (keep_id or c != "id")]
    conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                 [row[n] for n in names])


def update_by_uid(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    names = [c for c in columns(conn, table) if c in row and c not in ("id", "uid")]
    conn.execute(f"UPDATE {table} SET {', '.join(n + ' = ?' for n in names)} WHERE uid = ?",
                 [*(row[n] for n in names), row["uid"]])


def updated_by_uid(db: Queryable, table: str) -> dict[str, str]:
    """uid -> updated_at of the notes or corrections in the store."""
    return {str(r[0]): str(r[1]) for r in db.execute(f"SELECT uid, updated_at FROM {table} WHERE uid IS NOT NULL")}


def put_merge(conn: sqlite3.Connection, row: dict[str, Any]) -> None:
    conn.execute("INSERT OR REPLACE INTO entity_merges (alias, type, canonical, merged_at) VALUES (?, ?, ?, ?)",
                 [row["alias"], row["type"], row["canonical"], row.get("merged_at") or ""])


def put_metadata(conn: sqlite3.Connection, path: str, row: dict[str, Any]) -> bool:
    """Set the edited metadata of the document stored from `path`; False when there is none."""
    names = [n for n in METADATA_FIELDS if n in row]
    cursor = conn.execute(
        f"UPDATE documents SET {', '.join(n + ' = ?' for n in names)}{', ' if names else ''}metadata_edited = 1 "
        "WHERE path = ?", [*(row[n] for n in names), path])
    return cursor.rowcount > 0


def document_ids(db: Queryable) -> dict[str, int]:
    """path -> id of every stored document."""
    return {str(r[0]): int(r[1]) for r in db.execute("SELECT path, id FROM documents")}


def detach_missing_documents(conn: sqlite3.Connection) -> None:
    """Notes and corrections whose document is not stored wait for it by path, with no id."""
    for table in ("notes", "corrections"):
        conn.execute(f"UPDATE {table} SET doc_id = NULL WHERE doc_id IS NOT NULL "
                     "AND doc_id NOT IN (SELECT id FROM documents)")
