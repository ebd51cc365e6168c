"""Part-year figures (前三季度, 1—11月, 上半年): where the chart draws them, and the check that asks
about a part of a year far larger than a whole adjacent year. Invented reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from viewer.model import Point, Role
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.chart import chart_x, is_part_year, last_month, part_year_words, target_path
from viewer.services.checks import run_checks
from viewer.services.ingest import ingest_paths
from viewer.services.review import write_review
from viewer.store import open_store

HEAD = "常德市2023年科技工作总结\n\n"
PLAUSIBLE = (HEAD + "2022年，常德市技术合同成交额85.6亿元。\n\n"
             "2023年上半年，常德市技术合同成交额41.2亿元。\n\n"
             "2023年前三季度，常德市技术合同成交额72.3亿元。\n\n"
             "2023年1—11月，常德市技术合同成交额93.8亿元。\n\n"
             "2023年，常德市技术合同成交额102.4亿元。\n")
# 1—11月 written in 万亿 for 亿: ten thousand times the whole of 2022 and of 2023
SLIPPED = PLAUSIBLE.replace("93.8亿元", "93.8万亿元")


def check_text(tmp_path: Path, text: str) -> tuple[Path, list[Finding]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    store = tmp_path / "store.db"
    assert ingest_paths(store, [path], processes=0).ok
    db = open_store(store)
    try:
        return store, run_checks(db)
    finally:
        db.conn.close()


def part_year(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.kind == CheckKind.PART_YEAR]


def test_plausible_parts_of_a_year_raise_no_question(tmp_path: Path) -> None:
    _store, found = check_text(tmp_path, PLAUSIBLE)
    assert part_year(found) == []
    assert not [f for f in found if f.kind == CheckKind.OUTLIER], "parts of a year are not full-year neighbours"


def test_a_part_ten_thousand_times_a_whole_year_is_a_question(tmp_path: Path) -> None:
    _store, found = check_text(tmp_path, SLIPPED)
    [finding] = part_year(found)
    assert finding.verdict == Verdict.QUESTION and finding.needs_attention
    assert [e.text for e in finding.evidence if e.label == "value"] == ["93.8万亿元"]
    assert sorted(e.text for e in finding.evidence if e.label == "full_year") == ["102.4亿元", "85.6亿元"]
    assert finding.computed == pytest.approx(93.8e12 / 102.4e8)
    assert "2023年1—11月" in finding.message and finding.message.endswith("请核实。")
    assert "Jan–Nov 2023" in finding.message_en and finding.message_en.endswith("Please check.")
    assert all(e.sentence for e in finding.evidence), "evidence cites its sentences"


def test_a_part_with_no_full_year_beside_it_is_not_compared(tmp_path: Path) -> None:
    lonely = HEAD + "2023年前三季度，常德市技术合同成交额72.3万亿元。\n\n2019年，常德市技术合同成交额60.1亿元。\n"
    assert part_year(check_text(tmp_path, lonely)[1]) == []


def test_rates_of_part_of_a_year_are_not_amounts(tmp_path: Path) -> None:
    rates = HEAD + "2022年，常德市高新技术产业增加值占比2.5%。\n\n2023年前三季度，常德市高新技术产业增加值占比28.4%。\n"
    assert part_year(check_text(tmp_path, rates)[1]) == []


def test_the_finding_is_exported_with_its_kind_in_words(tmp_path: Path) -> None:
    store, _found = check_text(tmp_path, SLIPPED)
    db = open_store(store)
    try:
        write_review(db, "xlsx", tmp_path / "zh.xlsx")
        write_review(db, "xlsx", tmp_path / "en.xlsx", lang="en")
    finally:
        db.conn.close()
    zh = [[c.value for c in row] for row in load_workbook(tmp_path / "zh.xlsx")["检查"].iter_rows()]
    row = next(dict(zip(zh[0], r, strict=True)) for r in zh[1:] if "93.8万亿元" in str(r))
    assert row["检查"] == "部分年度超全年" and row["结论"] == "请核实"
    en = load_workbook(tmp_path / "en.xlsx")
    cells = {str(c.value) for sheet in en.worksheets for r in sheet.iter_rows() for c in r}
    assert "part of a year above a whole year" in cells


def _point(year: int, value: float, period: str = "", role: str = Role.ACTUAL, figure_id: int = 0) -> Point:
    return Point(year=year, value=value, region="甲市", role=role, qualifier="", figure_id=figure_id, doc_id=1,
                 doc_title="", start=0, end=1, sentence="", text="", period=period)


@pytest.mark.parametrize(("period", "part", "month", "x"), [
    ("2023", False, 12, 2023.0), ("2021-2025", False, 12, 2023.0), ("", False, 12, 2023.0),
    ("2023-Q1-Q3", True, 9, 2022.75), ("2023-H1", True, 6, 2022.5), ("2023-M01-M11", True, 11, 2023 - 1 / 12),
    ("2023-03", True, 3, 2022.25), ("2023-H2", True, 12, 2023.0),
])
def test_a_part_of_a_year_stands_at_the_end_of_its_period(period: str, part: bool, month: int, x: float) -> None:
    assert is_part_year(period) is part and last_month(period) == month
    assert chart_x(_point(2023, 1.0, period)) == pytest.approx(x)


def test_the_legend_names_each_part_once_in_month_order() -> None:
    points = [_point(2023, 1, "2023-M01-M11"), _point(2022, 1, "2022-Q1-Q3"), _point(2023, 1, "2023-Q1-Q3"),
              _point(2023, 1, "2023")]
    assert part_year_words(points, "zh") == ["前三季度", "1—11月"]
    assert part_year_words(points, "en") == ["Q1–Q3", "Jan–Nov"]


def test_targets_start_at_the_last_full_year_actual_before_them() -> None:
    actuals = [_point(2021, 1, figure_id=1), _point(2022, 2, figure_id=2), _point(2026, 9, figure_id=9)]
    target = _point(2025, 5, role=Role.TARGET, figure_id=5)
    assert [p.figure_id for p in target_path(actuals, [target])] == [2, 5]
    assert [p.figure_id for p in target_path([], [target])] == [5], "no actual before it: the target alone"
    assert target_path(actuals, []) == []
