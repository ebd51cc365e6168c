"""A plan row the reviewer excluded is reviewer work: journalled as it is written (and as it is
taken back), and back after `repair` of a damaged store or `restore-work` into a fresh one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from plan_support import doc_id, plan_store
from safety_support import checkpoint, destroy_table

from viewer.services.plan_evaluation import evaluate_plan, exclude_row, include_row
from viewer.services.repair import repair_store
from viewer.services.reviewer_journal import journal_work, reconcile
from viewer.services.work_restore import restore_work
from viewer.store import open_store
from viewer.store.work_journal import PLAN_EXCLUSION, journal_path, read_journal

NAMES = ("plan.txt", "report2024.txt")
PLAN = "十四五”科技创新发展规划"


def exclude(store: Path, indicator: str, reason: str) -> str:
    """Exclude the plan's row of `indicator`; returns its key."""
    db = open_store(store)
    try:
        evaluation = evaluate_plan(db, doc_id(db, PLAN))
        key = next(r.key for r in evaluation.rows if r.indicator == indicator)
        exclude_row(db, evaluation.plan, key, reason)
    finally:
        db.conn.close()
    return key


def excluded(store: Path) -> dict[str, str]:
    """indicator -> reason of the excluded rows of the plan."""
    db = open_store(store)
    try:
        rows = evaluate_plan(db, doc_id(db, PLAN)).rows
    finally:
        db.conn.close()
    return {r.indicator: r.excluded for r in rows if r.excluded is not None}


def journalled(store: Path) -> dict[str, str]:
    return {str(e.row["row_key"]): str(e.row["reason"])
            for (kind, _), e in journal_work(journal_path(store)).items() if kind == PLAN_EXCLUSION}


def test_an_exclusion_and_its_taking_back_are_journal_lines(tmp_path: Path) -> None:
    store = plan_store(tmp_path, NAMES)
    key = exclude(store, "技术合同成交额", "口径不同，不可比")
    assert journalled(store) == {key: "口径不同，不可比"}
    db = open_store(store)
    try:
        evaluation = evaluate_plan(db, doc_id(db, PLAN))
        include_row(db, evaluation.plan, key)
        assert reconcile(db.conn).appended == 0  # each write was journalled as it was made
    finally:
        db.conn.close()
    assert journalled(store) == {}
    ops = [e.op for e in read_journal(journal_path(store)) if e.kind == PLAN_EXCLUSION]
    assert ops == ["put", "delete"]


def test_an_exclusion_written_past_the_program_is_caught_up_by_reconciliation(tmp_path: Path) -> None:
    store = plan_store(tmp_path, NAMES)
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("INSERT INTO plan_exclusions (doc_path, row_key, reason, author, created_at) "
                     "VALUES ('/某处/规划.txt', '某指标|某市|2025', '手写的理由', '', 't')")
    assert reconcile(conn).appended >= 1
    conn.close()
    assert journalled(store) == {"某指标|某市|2025": "手写的理由"}


def test_an_exclusion_on_a_destroyed_table_comes_back_through_repair(tmp_path: Path) -> None:
    store = plan_store(tmp_path, NAMES)
    exclude(store, "技术合同成交额", "口径不同，不可比")
    checkpoint(store)
    destroy_table(store, "plan_exclusions")
    conn = sqlite3.connect(store)
    try:
        lost = conn.execute("SELECT reason FROM plan_exclusions NOT INDEXED").fetchall()
    except sqlite3.DatabaseError:
        lost = None  # the table's pages are noise
    finally:
        conn.close()
    assert lost != [("口径不同，不可比",)]
    report = repair_store(store, processes=0)
    assert report.work is not None and report.work.count(PLAN_EXCLUSION) == 1
    assert "1 plan rows excluded" in report.work.summary()
    assert excluded(store) == {"技术合同成交额": "口径不同，不可比"}


def test_restore_work_puts_an_exclusion_into_a_fresh_store_once(tmp_path: Path) -> None:
    from viewer.services.ingest import ingest_paths

    store = plan_store(tmp_path, NAMES)
    exclude(store, "研发经费投入强度", "已并入其他指标")
    fresh = tmp_path / "fresh.db"  # the same reports imported again from the same files
    assert ingest_paths(fresh, [tmp_path / "texts" / n for n in NAMES], processes=0).ok
    assert excluded(fresh) == {}
    db = open_store(fresh)
    try:
        first = restore_work(db, journal_path(store))
        second = restore_work(db, journal_path(store))
    finally:
        db.conn.close()
    assert first.count(PLAN_EXCLUSION) == 1
    assert second.count(PLAN_EXCLUSION) == 0 and second.kept[PLAN_EXCLUSION] == 1
    assert excluded(fresh) == {"研发经费投入强度": "已并入其他指标"}
