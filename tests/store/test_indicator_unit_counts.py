"""Migration 21: each indicator's figures per role, unit, kind and value-or-not, kept by triggers
(what the indicator list and a chart's unit are read from) equal to counting the figures, through
inserts, corrections, re-analysis, deletes (a document removed: the cascade) and an upgrade of a
store of schema 20."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
import sqlite_utils
from migration_support import assert_upgrade_is_all_or_nothing, store_at_schema

from viewer.model import Role
from viewer.services import series as series_service
from viewer.store import connection, open_store
from viewer.store import figures as store_figures

# Invented text (not from the corpus).
TEXT = "青溪区技术合同登记额达到8.5亿元，增长12%，白沙县新增企业40家。"
INDICATORS = ("技术合同成交额", "新增企业数", "研发投入", None)
ROLES = ("actual", "target", "estimate", "growth_rate", "change", "rank")
UNITS = (("元", "money"), ("%", "percent"), ("家", "count"), ("元", "count"))
ROLE_SETS = ((Role.ACTUAL, Role.TARGET, Role.ESTIMATE), ("growth_rate",), ("change",), ("rank",), ("actual",))


def counted_names(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """The indicator list as the figures give it (the query the table replaces), ties by name."""
    rows = db.execute("SELECT indicator, count(*) FROM figures WHERE indicator IS NOT NULL GROUP BY indicator")
    return sorted(((str(r[0]), int(r[1])) for r in rows), key=lambda r: (-r[1], r[0]))


def counted_units(db: sqlite_utils.Database, indicator: str, roles: tuple[str, ...]) -> list[tuple[str, str, int]]:
    marks = ", ".join("?" * len(roles))
    rows = db.execute(f"SELECT unit, kind, count(*) FROM figures WHERE indicator = ? AND role IN ({marks}) "
                      "AND value IS NOT NULL GROUP BY unit, kind", [indicator, *roles])
    return sorted(((str(r[0]), str(r[1]), int(r[2])) for r in rows), key=lambda r: (-r[2], r[0], r[1]))


def assert_counts_match(db: sqlite_utils.Database) -> None:
    assert store_figures.indicator_names(db) == counted_names(db)
    for indicator, roles in itertools.product(INDICATORS[:-1], ROLE_SETS):
        assert store_figures.indicator_units(db, indicator, roles) == counted_units(db, indicator, roles)
    assert db.execute("SELECT count(*) FROM indicator_unit_counts WHERE figures <= 0").fetchone()[0] == 0


def add_document(db: sqlite_utils.Database, doc_id: int) -> None:
    db.execute("INSERT INTO documents (id, path, file_name, sha256, title, text, chars, imported_at) "
               "VALUES (?, ?, ?, 'x', '青溪区', ?, ?, '2026-01-01')",
               [doc_id, f"/r/{doc_id}.txt", f"{doc_id}.txt", TEXT, len(TEXT)])


def add_figure(db: sqlite_utils.Database, doc_id: int, indicator: str | None, role: str = "actual",
               unit: str = "元", kind: str = "money", value: float | None = 8.5e8, region: str | None = "青溪区") -> int:
    cursor = db.execute(
        "INSERT INTO figures (doc_id, span_start, span_end, text, value, unit, kind, year, indicator, region, "
        "role, sentence_start, sentence_end) VALUES (?, 12, 18, '8.5亿元', ?, ?, ?, 2023, ?, ?, ?, 0, 20)",
        [doc_id, value, unit, kind, indicator, region, role])
    return int(cursor.lastrowid or 0)


def add_random_figures(db: sqlite_utils.Database, rng: random.Random, doc_ids: tuple[int, ...], n: int) -> list[int]:
    ids = []
    for _ in range(n):
        unit, kind = rng.choice(UNITS)
        ids.append(add_figure(db, rng.choice(doc_ids), rng.choice(INDICATORS), rng.choice(ROLES), unit, kind,
                              rng.choice((1.0, 2.5, None)), rng.choice(("青溪区", "白沙县", None))))
    return ids


@pytest.fixture()
def db(tmp_path: Path) -> sqlite_utils.Database:
    store = open_store(tmp_path / "store.db")
    for doc_id in (1, 2, 3):
        add_document(store, doc_id)
    return store


def test_the_lists_rank_by_count_with_ties_by_name(db: sqlite_utils.Database) -> None:
    for indicator in ("研发投入", "新增企业数", "技术合同成交额"):  # one figure each: a tie of three
        add_figure(db, 1, indicator)
    add_figure(db, 1, "新增企业数", "growth_rate", "%", "percent")
    add_figure(db, 1, "研发投入", value=None)  # counted in the list, not among its units
    add_figure(db, 1, "研发投入", unit="%", kind="percent")
    add_figure(db, 2, None)
    assert store_figures.indicator_names(db) == [("研发投入", 3), ("新增企业数", 2), ("技术合同成交额", 1)]
    assert store_figures.indicator_units(db, "研发投入", series_service.VALUE_ROLES) == [
        ("%", "percent", 1), ("元", "money", 1)]
    assert store_figures.indicator_units(db, "新增企业数", ("growth_rate",)) == [("%", "percent", 1)]
    assert store_figures.indicator_units(db, "新增企业数", ("rank",)) == []
    assert_counts_match(db)


def test_the_counts_follow_inserts_corrections_and_deletes(db: sqlite_utils.Database) -> None:
    rng = random.Random(21)
    ids = add_random_figures(db, rng, (1, 2, 3), 300)
    assert_counts_match(db)
    columns = {"indicator": INDICATORS, "role": ROLES, "unit": ("元", "%", "家"), "kind": ("money", "percent"),
               "value": (None, 3.0, 4.0), "region": ("青溪区", None)}
    for figure_id in rng.sample(ids, 150):  # corrections, one column or several at a time
        changed = rng.sample(sorted(columns), rng.randint(1, 3))
        db.execute(f"UPDATE figures SET {', '.join(c + ' = ?' for c in changed)} WHERE id = ?",
                   [*(rng.choice(columns[c]) for c in changed), figure_id])
    assert_counts_match(db)
    db.execute("UPDATE figures SET year = 2024, qualifier = '约'")  # columns not counted: no change
    assert_counts_match(db)
    db.execute("DELETE FROM documents WHERE id = 2")  # its figures go by the cascade
    assert_counts_match(db)
    db.execute("DELETE FROM documents")
    assert store_figures.indicator_names(db) == []
    assert db.execute("SELECT count(*) FROM indicator_unit_counts").fetchone()[0] == 0, "no row without figures"


def test_a_document_analysed_again_is_counted_once(db: sqlite_utils.Database) -> None:
    for _ in range(3):  # re-analysis replaces a document's figures: deleted, then inserted again
        db.execute("DELETE FROM figures WHERE doc_id = 1")
        add_figure(db, 1, "技术合同成交额")
        add_figure(db, 1, "技术合同成交额", "target")
    assert store_figures.indicator_names(db) == [("技术合同成交额", 2)]
    assert store_figures.indicator_units(db, "技术合同成交额", series_service.VALUE_ROLES) == [("元", "money", 2)]


def test_a_chart_takes_the_most_frequent_unit_and_its_kind(db: sqlite_utils.Database) -> None:
    add_figure(db, 1, "研发投入", unit="元", kind="money")
    add_figure(db, 1, "研发投入", unit="%", kind="percent")
    add_figure(db, 2, "研发投入", "target", unit="%", kind="percent")
    add_figure(db, 2, "研发投入", "growth_rate", unit="元", kind="money")
    add_figure(db, 3, "研发投入", "growth_rate", unit="元", kind="money")
    chart = series_service.chart_series(db, "研发投入")
    assert (chart.unit, chart.kind, len(chart.points)) == ("%", "percent", 2)
    asked = series_service.chart_series(db, "研发投入", unit="元")
    assert (asked.unit, asked.kind) == ("元", "money")
    growth = series_service.series(db, "研发投入", roles=("growth_rate",))
    assert (growth.unit, growth.kind, len(growth.points)) == ("元", "money", 2)
    assert series_service.chart_series(db, "没有的指标").unit == ""


def test_a_store_of_schema_20_is_counted_when_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    old = store_at_schema(path, 20, monkeypatch)
    for doc_id in (1, 2, 3):
        add_document(old, doc_id)
    add_random_figures(old, random.Random(20), (1, 2, 3), 200)
    old.conn.commit()
    assert old.execute("PRAGMA user_version").fetchone()[0] == 20
    assert "indicator_unit_counts" not in old.table_names()
    old.conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version() >= 21
    assert_counts_match(db)
    assert store_figures.indicator_names(db)
    add_random_figures(db, random.Random(22), (1, 2, 3), 50)  # the triggers count from the upgraded counts on
    db.execute("DELETE FROM documents WHERE id = 1")
    assert_counts_match(db)
    db.conn.close()


def test_the_upgrade_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after the table is made (here: a trigger of the same name already there) leaves
    the store as it was, at schema 20, without the table."""
    assert_upgrade_is_all_or_nothing(tmp_path / "old.db", 20, "indicator_unit_counts", monkeypatch)
