"""Corrections through the service: a corrected figure's series, checks and exports change at
once; undo gives the machine's values back and redo makes the correction again; re-importing a
changed file applies it again by its quote, or keeps it as orphaned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from viewer.model import CorrectionStatus, Figure, Role, Source
from viewer.services import corrections, exports
from viewer.services.checks.context import Corpus
from viewer.services.ingest import ingest_paths
from viewer.store import figures as store_figures
from viewer.store import open_store

# Invented text.
ORIGINAL = ("衡阳市2023年科技工作总结\n\n"
            "2023年，全市研发经费投入达到86亿元，同比增长12%。\n\n"
            "全市技术合同成交额45亿元，服务热线12345接听量大。\n\n"
            "二期工程已开工。\n")


def ingest(store: Path, path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    report = ingest_paths(store, [path], processes=0)
    assert report.ok, report.outcomes
    doc_id = report.outcomes[0].doc_id
    assert doc_id is not None
    return doc_id


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[sqlite_utils.Database, int, Path]]:
    store, path = tmp_path / "s.db", tmp_path / "衡阳.txt"
    doc_id = ingest(store, path, ORIGINAL)
    db = open_store(store)
    yield db, doc_id, path
    db.conn.close()


def figure(db: sqlite_utils.Database, doc_id: int, text: str) -> Figure:
    [found] = [f for f in store_figures.document_figures(db, doc_id) if f.text == text]
    return found


def corrections_corpus(db: sqlite_utils.Database) -> Corpus:
    """What the checks read."""
    return Corpus.load(db)


def series_values(db: sqlite_utils.Database, indicator: str, unit: str = "元") -> list[tuple[str, int, float]]:
    rows = store_figures.series_rows(db, indicator, unit, (Role.ACTUAL,))
    return [(p.region, p.year, p.value) for p in map(store_figures.point, rows)]


def test_a_correction_moves_the_figure_to_the_reviewers_series(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    contracts = figure(db, doc_id, "45亿元")
    assert contracts.indicator == "技术合同成交额" and contracts.source == Source.MACHINE
    made = corrections.correct_figure(db, contracts.id or 0, {"indicator": "技术合同登记额", "year": 2022},
                                      author="审核员")
    assert made is not None and made.changes == {"indicator": "技术合同登记额", "year": 2022}
    assert made.machine == {"indicator": "技术合同成交额", "year": 2023} and made.author == "审核员"
    assert series_values(db, "技术合同登记额") == [("衡阳市", 2022, 4.5e9)]
    assert series_values(db, "技术合同成交额") == []
    now = figure(db, doc_id, "45亿元")
    assert (now.source, now.indicator, now.region) == (Source.REVIEWER, "技术合同登记额", "衡阳市")
    rows = exports.figure_rows(db)
    assert {r["text"]: r["source"] for r in rows}["45亿元"] == Source.REVIEWER


def test_undo_restores_the_machine_and_redo_corrects_again(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    spending = figure(db, doc_id, "86亿元")
    made = corrections.correct_figure(db, spending.id or 0, {"value": 8.7e9})
    assert made is not None and made.id is not None
    undone = corrections.undo_correction(db, made.id)
    back = figure(db, doc_id, "86亿元")
    assert (back.value, back.source) == (8.6e9, Source.MACHINE)
    assert corrections.list_corrections(db) == []
    redone = corrections.restore_correction(db, undone)
    assert redone.id == made.id and figure(db, doc_id, "86亿元").value == 8.7e9
    assert figure(db, doc_id, "86亿元").source == Source.REVIEWER


def test_setting_the_machines_values_again_removes_the_correction(
        setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    spending = figure(db, doc_id, "86亿元")
    corrections.correct_figure(db, spending.id or 0, {"year": 2021})
    assert corrections.correct_figure(db, spending.id or 0, {"year": 2023}) is None
    assert corrections.list_corrections(db) == [] and figure(db, doc_id, "86亿元").source == Source.MACHINE


def test_an_excluded_figure_leaves_every_series_and_check(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    phase = figure(db, doc_id, "二期")  # a phase of a project, not a count
    corrections.correct_figure(db, phase.id or 0, {"excluded": True})
    excluded = figure(db, doc_id, "二期")
    assert excluded.excluded and excluded.indicator is None and excluded.region is None
    [made] = corrections.list_corrections(db)
    assert made.changes == {"excluded": True} and made.machine["excluded"] is False
    assert "二期" not in [f.text for f in corrections_corpus(db).figures()]
    corrections.undo_correction(db, made.id or 0)
    assert figure(db, doc_id, "二期").region == phase.region and not figure(db, doc_id, "二期").excluded


def test_a_correction_is_applied_again_after_reimport_of_a_changed_file(
        setup: tuple[sqlite_utils.Database, int, Path], tmp_path: Path) -> None:
    db, doc_id, path = setup
    corrections.correct_figure(db, figure(db, doc_id, "45亿元").id or 0, {"indicator": "技术合同登记额"})
    db.conn.close()
    changed = ORIGINAL.replace("二期工程已开工。", "新增一段说明。\n\n二期工程已开工。").replace(
        "衡阳市2023年科技工作总结\n\n", "衡阳市2023年科技工作总结\n\n（修订稿）\n\n")
    new_id = ingest(tmp_path / "s.db", path, changed)
    db = open_store(tmp_path / "s.db")
    try:
        moved = figure(db, new_id, "45亿元")
        assert (moved.indicator, moved.source) == ("技术合同登记额", Source.REVIEWER)
        [made] = corrections.list_corrections(db)
        assert made.status == CorrectionStatus.MOVED and changed[made.start : made.end] == "45亿元"
        assert made.machine == {"indicator": "技术合同成交额"}
    finally:
        db.conn.close()


def test_a_correction_whose_figure_is_gone_is_kept_as_orphaned(
        setup: tuple[sqlite_utils.Database, int, Path], tmp_path: Path) -> None:
    db, doc_id, path = setup
    corrections.correct_figure(db, figure(db, doc_id, "45亿元").id or 0, {"indicator": "技术合同登记额"})
    db.conn.close()
    ingest(tmp_path / "s.db", path, ORIGINAL.replace("全市技术合同成交额45亿元，", ""))
    db = open_store(tmp_path / "s.db")
    try:
        [made] = corrections.list_corrections(db)
        assert made.status == CorrectionStatus.ORPHANED and made.changes == {"indicator": "技术合同登记额"}
        assert series_values(db, "技术合同登记额") == []
    finally:
        db.conn.close()


def test_unknown_fields_and_figures_are_refused(setup: tuple[sqlite_utils.Database, int, Path]) -> None:
    db, doc_id, _ = setup
    with pytest.raises(ValueError, match="not a correctable field"):
        corrections.correct_figure(db, figure(db, doc_id, "86亿元").id or 0, {"text": "x"})
    with pytest.raises(KeyError):
        corrections.correct_figure(db, 999_999, {"year": 2020})


def test_the_corrections_export_and_the_review_report_list_before_and_after(
        setup: tuple[sqlite_utils.Database, int, Path], tmp_path: Path) -> None:
    import io
    import json

    from openpyxl import load_workbook

    from viewer.services.review import write_review_xlsx

    db, doc_id, _ = setup
    corrections.correct_figure(db, figure(db, doc_id, "45亿元").id or 0, {"indicator": "技术合同登记额"}, author="甲")
    out = io.StringIO()
    assert exports.export(db, "corrections", "jsonl", None, stdout=out) == 1
    row = json.loads(out.getvalue())
    assert (row["figure"], row["change"], row["author"], row["status"]) == (
        "45亿元", "指标：技术合同成交额 → 技术合同登记额", "甲", CorrectionStatus.APPLIED)
    assert "45亿元" in row["sentence"]
    write_review_xlsx(db, tmp_path / "review.xlsx")
    sheet = load_workbook(tmp_path / "review.xlsx")["更正记录"]
    header, first = [[c.value for c in r] for r in sheet.iter_rows(max_row=2)]
    cells = dict(zip(header, first, strict=True))
    assert cells["更正"] == "指标：技术合同成交额 → 技术合同登记额" and "45亿元" in cells["出处句子"]
