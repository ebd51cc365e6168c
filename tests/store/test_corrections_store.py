"""Migration 13: corrections stored apart from the figures, and each figure's source; a store of
schema 12 is upgraded with its figures from the machine, and a later migration keeps corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model import Correction, CorrectionStatus, Source
from viewer.store import connection, open_store
from viewer.store import corrections as store_corrections
from viewer.store import figures as store_figures

TEXT = "青溪区2024年技术合同成交额9.1亿元。"  # invented


def store_at(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> None:
    first = connection.migration_files()[:version]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migration_files", lambda: first)
        db = open_store(path)
    db.conn.execute("INSERT INTO documents (id, path, file_name, sha256, title, text, chars, imported_at) "
                    "VALUES (1, '/r/q.txt', 'q.txt', 'ab', '青溪区', ?, ?, '2026-01-01')", [TEXT, len(TEXT)])
    start = TEXT.index("9.1亿元")
    db.conn.execute("INSERT INTO figures (doc_id, span_start, span_end, text, value, unit, kind, year, indicator, "
                    "region, role, sentence_start, sentence_end) VALUES (1, ?, ?, '9.1亿元', 9.1e8, '元', 'money', "
                    "2024, '技术合同成交额', '青溪区', 'actual', 0, ?)", [start, start + 5, len(TEXT)])
    db.conn.commit()
    db.conn.close()


def test_a_store_of_schema_12_gets_figures_from_the_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_at(tmp_path / "old.db", 12, monkeypatch)
    db = open_store(tmp_path / "old.db")
    [figure] = store_figures.document_figures(db, 1)
    assert (figure.source, figure.excluded) == (Source.MACHINE, False)
    assert store_corrections.list_corrections(db) == []
    db.conn.close()


def test_corrections_survive_a_later_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    store_at(path, connection.schema_version(), monkeypatch)
    db = open_store(path)
    start = TEXT.index("9.1亿元")
    made = Correction(doc_path="/r/q.txt", doc_id=1, start=start, end=start + 5, quote="9.1亿元",
                      changes={"year": 2023}, machine={"year": 2024}, author="审核员",
                      created_at="2026-12-01T00:00:00+00:00", updated_at="2026-12-01T00:00:00+00:00")
    with db.atomic():
        made.id = store_corrections.insert_correction(db, made)
    db.conn.close()
    future = tmp_path / "migrations"
    future.mkdir()
    for _number, sql in connection.migration_files():
        (future / sql.name).write_text(sql.read_text(encoding="utf-8"), encoding="utf-8")
    next_number = connection.schema_version() + 1
    (future / f"{next_number:04d}_later.sql").write_text(
        "ALTER TABLE figures ADD COLUMN later TEXT NOT NULL DEFAULT '';\n", encoding="utf-8")
    monkeypatch.setattr(connection, "migrations_dir", lambda: future)
    upgraded = open_store(path)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == next_number
    [kept] = store_corrections.list_corrections(upgraded)
    assert (kept.id, kept.changes, kept.machine, kept.author, kept.status) == (
        made.id, {"year": 2023}, {"year": 2024}, "审核员", CorrectionStatus.APPLIED)
    upgraded.conn.close()
