"""Migration 20: each document's year kept apart by triggers (what a chart's marker reads to
stand for its latest report), equal to the documents' years through inserts, a corrected year,
a replaced row, deletes and an upgrade of a store of schema 19."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from migration_support import store_at_schema

from viewer.store import connection, open_store
from viewer.store.documents import update_metadata

# Invented text (not from the corpus).
TEXT = "青溪区技术合同登记额达到8.5亿元。"


def add_document(db: sqlite_utils.Database, doc_id: int, year: int | None, verb: str = "INSERT") -> None:
    db.execute(f"{verb} INTO documents (id, path, file_name, sha256, title, year, text, chars, imported_at) "
               "VALUES (?, ?, ?, 'x', '青溪区', ?, ?, ?, '2026-01-01')",
               [doc_id, f"/r/{doc_id}.txt", f"{doc_id}.txt", year, TEXT, len(TEXT)])


def years(db: sqlite_utils.Database, table: str) -> dict[int, int | None]:
    return {int(r[0]): r[1] for r in db.execute(f"SELECT id, year FROM {table} ORDER BY id")}


def test_the_years_follow_the_documents(tmp_path: Path) -> None:
    db = open_store(tmp_path / "store.db")
    for doc_id, year in ((1, 2021), (2, None), (3, 2023)):
        add_document(db, doc_id, year)
    assert years(db, "document_years") == {1: 2021, 2: None, 3: 2023}
    update_metadata(db, 2, year=2024)  # the reviewer corrects a year
    db.execute("UPDATE documents SET title = '白沙县' WHERE id = 1")  # another column: the year stays
    add_document(db, 3, 2019, "INSERT OR REPLACE")  # a row replaced whole
    db.execute("DELETE FROM documents WHERE id = 1")
    assert years(db, "document_years") == years(db, "documents") == {2: 2024, 3: 2019}
    db.conn.close()


def test_a_store_of_schema_19_is_filled_when_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    old = store_at_schema(path, 19, monkeypatch)
    for doc_id, year in ((1, 2020), (2, None)):
        add_document(old, doc_id, year)
    old.conn.commit()
    assert old.execute("PRAGMA user_version").fetchone()[0] == 19
    old.conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version() >= 20
    assert years(db, "document_years") == {1: 2020, 2: None}
    update_metadata(db, 1, year=2022)
    assert years(db, "document_years") == {1: 2022, 2: None}
    db.conn.close()
