"""Migration 18: each indicator's figures per region, kept by triggers (what a click on a figure
ranks the regions of its chart by) equal to counting the figures, through inserts, corrections,
deletes (a document removed: the cascade) and an upgrade of a store of schema 16."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from migration_support import assert_upgrade_is_all_or_nothing, store_at_schema

from viewer.store import connection, open_store
from viewer.store import figures as store_figures

# Invented text (not from the corpus).
TEXT = "青溪区技术合同登记额达到8.5亿元，白沙县达到2.1亿元，全市新增企业40家。"


def counted(db: sqlite_utils.Database, indicator: str) -> dict[str, int]:
    """The counts as the figures give them (the query the table replaces)."""
    return {str(r[0]): int(r[1]) for r in db.execute(
        "SELECT region, count(*) FROM figures WHERE indicator = ? AND region IS NOT NULL GROUP BY region",
        [indicator])}


def add_document(db: sqlite_utils.Database, doc_id: int) -> None:
    db.execute("INSERT INTO documents (id, path, file_name, sha256, title, text, chars, imported_at) "
               "VALUES (?, ?, ?, 'x', '青溪区', ?, ?, '2026-01-01')",
               [doc_id, f"/r/{doc_id}.txt", f"{doc_id}.txt", TEXT, len(TEXT)])


def add_figure(db: sqlite_utils.Database, doc_id: int, indicator: str | None, region: str | None,
               role: str = "actual") -> int:
    cursor = db.execute(
        "INSERT INTO figures (doc_id, span_start, span_end, text, value, unit, kind, year, indicator, region, "
        "role, sentence_start, sentence_end) VALUES (?, 12, 18, '8.5亿元', 8.5e8, '元', 'money', 2023, ?, ?, ?, "
        "0, 20)", [doc_id, indicator, region, role])
    return int(cursor.lastrowid or 0)


@pytest.fixture()
def db(tmp_path: Path) -> sqlite_utils.Database:
    store = open_store(tmp_path / "store.db")
    for doc_id in (1, 2):
        add_document(store, doc_id)
    return store


def test_the_counts_follow_inserts_corrections_and_deletes(db: sqlite_utils.Database) -> None:
    ids = [add_figure(db, 1, "技术合同成交额", "青溪区"), add_figure(db, 1, "技术合同成交额", "白沙县"),
           add_figure(db, 2, "技术合同成交额", "青溪区", "target"), add_figure(db, 2, "技术合同成交额", None),
           add_figure(db, 2, None, "青溪区"), add_figure(db, 2, "新增企业数", "白沙县")]
    assert store_figures.indicator_region_counts(db, "技术合同成交额") == {"青溪区": 2, "白沙县": 1}
    assert store_figures.indicator_region_counts(db, "新增企业数") == {"白沙县": 1}
    # corrections: a region given, a region changed, an indicator given, an indicator taken away
    db.execute("UPDATE figures SET region = '白沙县' WHERE id = ?", [ids[3]])
    db.execute("UPDATE figures SET region = '白沙县' WHERE id = ?", [ids[0]])
    db.execute("UPDATE figures SET indicator = '新增企业数' WHERE id = ?", [ids[4]])
    db.execute("UPDATE figures SET indicator = NULL WHERE id = ?", [ids[5]])
    db.execute("UPDATE figures SET value = 9e8 WHERE id = ?", [ids[1]])  # neither: counts unchanged
    for indicator in ("技术合同成交额", "新增企业数"):
        assert store_figures.indicator_region_counts(db, indicator) == counted(db, indicator)
    assert store_figures.indicator_region_counts(db, "技术合同成交额") == {"青溪区": 1, "白沙县": 3}
    assert store_figures.indicator_region_counts(db, "新增企业数") == {"青溪区": 1}
    db.execute("DELETE FROM documents WHERE id = 2")  # its figures go by the cascade
    assert store_figures.indicator_region_counts(db, "技术合同成交额") == {"白沙县": 2} == \
        counted(db, "技术合同成交额")
    assert store_figures.indicator_region_counts(db, "新增企业数") == {}, "a region without figures has no row"
    assert db.execute("SELECT count(*) FROM indicator_region_counts WHERE figures <= 0").fetchone()[0] == 0


def test_a_document_analysed_again_is_counted_once(db: sqlite_utils.Database) -> None:
    for _ in range(3):  # re-analysis replaces a document's figures: deleted, then inserted again
        db.execute("DELETE FROM figures WHERE doc_id = 1")
        add_figure(db, 1, "技术合同成交额", "青溪区")
        add_figure(db, 1, "技术合同成交额", "青溪区", "target")
    assert store_figures.indicator_region_counts(db, "技术合同成交额") == {"青溪区": 2}


def test_a_store_of_schema_16_is_counted_when_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    old = store_at_schema(path, 16, monkeypatch)
    for doc_id in (1, 2):
        add_document(old, doc_id)
    for doc_id, indicator, region in ((1, "技术合同成交额", "青溪区"), (2, "技术合同成交额", "青溪区"),
                                      (2, "技术合同成交额", "白沙县"), (2, "技术合同成交额", None),
                                      (1, None, "白沙县"), (1, "新增企业数", "白沙县")):
        add_figure(old, doc_id, indicator, region)
    old.conn.commit()
    assert old.execute("PRAGMA user_version").fetchone()[0] == 16
    old.conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version() >= 18
    assert store_figures.indicator_region_counts(db, "技术合同成交额") == {"青溪区": 2, "白沙县": 1}
    assert store_figures.indicator_region_counts(db, "新增企业数") == {"白沙县": 1}
    add_figure(db, 1, "新增企业数", "白沙县")  # the triggers count from the upgraded counts on
    assert store_figures.indicator_region_counts(db, "新增企业数") == {"白沙县": 2}
    db.conn.close()


def test_the_upgrade_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after the table is made (here: a trigger of the same name already there) leaves
    the store as it was, at schema 17, without the table."""
    assert_upgrade_is_all_or_nothing(tmp_path / "old.db", 17, "indicator_region_counts", monkeypatch)
