"""Provisional indicators: the list with counts and examples, and mapping one to a taxonomy
indicator (or renaming it) in one action: the user's lexicon gets the mapping and every figure
under the phrase moves in the store, and no other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from viewer.services import corrections, lexicon
from viewer.services.ingest import ingest_paths
from viewer.services.provisional import (
    MappingError,
    map_provisional_indicator,
    plan_mapping,
    provisional_indicators,
)
from viewer.store import open_store

# Invented reports.
REPORTS = {
    "衡阳.txt": ("衡阳市2023年科技工作总结\n\n"
                 "2023年，全市研发经费投入达到52亿元，同比增长9%。全市建成技术转移工作站12家，建成充电桩860个。\n\n"
                 "全年新增技术转移工作站5家。全市技术合同成交额31亿元，建成数字乡村示范点35个。\n"),
    "邵阳.txt": ("邵阳市2022年科技工作报告\n\n"
                 "2022年，全市建成技术转移工作站8家，建成充电桩300个，高新技术企业达到210家。\n"),
}
STATION = "技术转移工作站数"
TARGET = "技术转移机构数"


@pytest.fixture(autouse=True)
def own_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test maps in a user lexicon of its own."""
    path = tmp_path / "lexicon.toml"
    monkeypatch.setenv(lexicon.ENV_VARIABLE, str(path))
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "store.db"
    report = ingest_paths(path, [folder], processes=0)
    assert report.ok and report.count("imported") == 2, report.outcomes
    return path


@pytest.fixture
def db(store: Path) -> Iterator[sqlite_utils.Database]:
    opened = open_store(store)
    yield opened
    opened.conn.close()


def figures(store: Path) -> dict[tuple[int, str], dict[str, Any]]:
    """(document id, figure text) -> the figure's attribution, for every figure of the store."""
    db = open_store(store)
    try:
        rows = db.execute("SELECT doc_id, text, indicator, provisional, region, year, role, value FROM figures")
        return {(r[0], r[1]): dict(zip(("indicator", "provisional", "region", "year", "role", "value"), r[2:],
                                       strict=True)) for r in rows}
    finally:
        db.conn.close()


def test_the_list_has_counts_units_and_example_sentences(db: sqlite_utils.Database) -> None:
    found = {p.name: p for p in provisional_indicators(db)}
    station = found[STATION]
    assert (station.figures, station.documents, station.units) == (3, 2, ("家",))
    assert [e.figure for e in station.examples] == ["12家", "5家", "8家"]  # in document order
    first = station.examples[0]
    assert first.figure in first.sentence and "技术转移工作站" in first.sentence and first.title
    assert found["充电桩数"].figures == 2
    assert next(iter(found)) == STATION  # most figures first
    assert [e.figure for e in provisional_indicators(db, examples=1)[0].examples] == [station.examples[0].figure]


def test_a_figure_the_reviewer_refiled_or_excluded_leaves_the_list(db: sqlite_utils.Database) -> None:
    [refiled, excluded] = [r[0] for r in db.execute(
        "SELECT id FROM figures WHERE indicator = ? ORDER BY doc_id, span_start LIMIT 2", [STATION])]
    corrections.correct_figure(db, refiled, {"indicator": TARGET}, author="审核员")
    corrections.correct_figure(db, excluded, {"excluded": True}, author="审核员")
    station = {p.name: p for p in provisional_indicators(db)}[STATION]
    assert station.figures == 1
    charging = db.execute("SELECT id FROM figures WHERE indicator = '充电桩数' LIMIT 1").fetchone()[0]
    corrections.correct_figure(db, charging, {"year": 2021})  # the indicator stays the machine's
    assert {p.name: p for p in provisional_indicators(db)}["充电桩数"].figures == 2


def test_plan_counts_what_moves_and_refuses_what_cannot(db: sqlite_utils.Database) -> None:
    plan = plan_mapping(db, STATION, TARGET)
    assert (plan.phrase, plan.target, plan.to_taxonomy, plan.figures, plan.documents) == (STATION, TARGET, True, 3, 2)
    renamed = plan_mapping(db, "数字乡村示范点数", " 数字乡村试点数 ")
    assert (renamed.target, renamed.to_taxonomy, renamed.figures, renamed.documents) == ("数字乡村试点数", False, 1, 1)
    with pytest.raises(MappingError, match="taxonomy"):
        plan_mapping(db, "高新技术企业数", TARGET)
    with pytest.raises(MappingError, match="no figure"):
        plan_mapping(db, "无此指标数", TARGET)
    with pytest.raises(MappingError, match="no indicator"):
        plan_mapping(db, STATION, "  ")
    with pytest.raises(MappingError, match="itself"):
        plan_mapping(db, STATION, STATION)


def test_mapping_moves_every_figure_under_the_phrase_and_no_other(store: Path) -> None:
    before = figures(store)
    result = map_provisional_indicator(store, STATION, TARGET, processes=0)
    after = figures(store)
    moved = {key for key in before if before[key] != after[key]}
    assert moved == {key for key, f in before.items() if f["indicator"] == STATION} and len(moved) == 3
    for key in moved:
        assert after[key] == {**before[key], "indicator": TARGET, "provisional": 0}
    assert result.lexicon_changed and result.remaining == 0
    assert result.report.figures_changed == 3 and sorted(result.report.changed_documents) == list(result.plan.doc_ids)
    entries = lexicon.list_entries()
    assert [(e.kind, e.key, e.value, e.detail) for e in entries] == [("provisional", STATION, TARGET, "indicator")]
    db = open_store(store)
    try:
        assert STATION not in {p.name for p in provisional_indicators(db)}
    finally:
        db.conn.close()


def test_renaming_keeps_the_figures_provisional_under_the_new_name(store: Path) -> None:
    before = figures(store)
    map_provisional_indicator(store, "充电桩数", "公共充电桩数", processes=0)
    after = figures(store)
    moved = {key for key in before if before[key] != after[key]}
    assert moved == {key for key, f in before.items() if f["indicator"] == "充电桩数"}
    assert all(after[key]["indicator"] == "公共充电桩数" and after[key]["provisional"] == 1 for key in moved)
    db = open_store(store)
    try:
        listed = {p.name: p.figures for p in provisional_indicators(db)}
    finally:
        db.conn.close()
    assert "充电桩数" not in listed and listed["公共充电桩数"] == 2


def test_a_reviewers_correction_under_the_phrase_stays_the_reviewers(store: Path) -> None:
    db = open_store(store)
    try:
        figure_id = db.execute("SELECT id FROM figures WHERE indicator = ? ORDER BY id LIMIT 1", [STATION]).fetchone()[0]
        corrections.correct_figure(db, figure_id, {"indicator": "科技成果转化项目数"})
        reviewed = db.execute("SELECT doc_id, text FROM figures WHERE id = ?", [figure_id]).fetchone()
    finally:
        db.conn.close()
    result = map_provisional_indicator(store, STATION, TARGET, processes=0)
    assert result.plan.figures == 2
    after = figures(store)
    assert after[tuple(reviewed)]["indicator"] == "科技成果转化项目数"
    assert sorted(f["indicator"] for f in after.values() if f["indicator"] in (TARGET, STATION)) == [TARGET, TARGET]


def test_mapping_through_the_worker_pool_uses_the_new_lexicon(store: Path) -> None:
    before = figures(store)
    map_provisional_indicator(store, STATION, TARGET, processes=2)
    after = figures(store)
    assert {key for key in before if before[key] != after[key]} == \
        {key for key, f in before.items() if f["indicator"] == STATION}
    assert all(after[key]["indicator"] == TARGET for key, f in before.items() if f["indicator"] == STATION)


def test_a_cancelled_mapping_is_finished_by_mapping_again(store: Path) -> None:
    import threading

    cancel = threading.Event()
    cancel.set()
    first = map_provisional_indicator(store, STATION, TARGET, processes=0, cancel=cancel)
    assert first.report.cancelled and first.remaining == 2 and first.lexicon_changed
    assert sum(f["indicator"] == STATION for f in figures(store).values()) == 3  # nothing analysed yet
    again = map_provisional_indicator(store, STATION, TARGET, processes=0)
    assert not again.lexicon_changed and again.remaining == 0
    assert sum(f["indicator"] == TARGET for f in figures(store).values()) == 3
