"""Hostile part-year figures: absurd magnitudes, a whole year of zero, period labels a damaged or
hand-edited store may hold. The check and the chart's placement neither fail nor invent findings.
Reports are written at run time."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from reliability_table import Record

from viewer.model import Point
from viewer.model.review import CheckKind, Finding
from viewer.services.chart import chart_x, is_part_year, last_month, part_year_words
from viewer.services.checks import run_checks
from viewer.services.figure_words import period_words
from viewer.services.ingest import ingest_paths
from viewer.store import open_store

HEAD = "常德市2023年科技工作总结\n\n"


def checked(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    assert ingest_paths(tmp_path / "s.db", [path], processes=0).ok
    db = open_store(tmp_path / "s.db")
    try:
        return [f for f in run_checks(db) if f.kind == CheckKind.PART_YEAR]
    finally:
        db.conn.close()


@pytest.mark.parametrize(("case", "text", "expected"), [
    ("a part of a year of 10^20 亿元", HEAD + "2022年，常德市技术合同成交额85.6亿元。\n\n"
     "2023年前三季度，常德市技术合同成交额100000000000000000000亿元。\n", 1),
    ("a whole year of 0亿元 beside a part", HEAD + "2022年，常德市技术合同成交额0亿元。\n\n"
     "2023年前三季度，常德市技术合同成交额72.3亿元。\n", 0),
    ("a part of a year of 0亿元", HEAD + "2022年，常德市技术合同成交额85.6亿元。\n\n"
     "2023年上半年，常德市技术合同成交额0亿元。\n", 0),
    ("the same slip in 200 sentences", HEAD + "2022年，常德市技术合同成交额85.6亿元。\n\n"
     + "2023年1—11月，常德市技术合同成交额93.8万亿元。\n\n" * 200, 1),
])
def test_hostile_part_year_amounts(tmp_path: Path, record: Record, case: str, text: str, expected: int) -> None:
    found = checked(tmp_path, text)
    record(f"part_year check: {case}", f"{expected} question(s), no error",
           f"{len(found)} question(s)" + (f", {len(found[0].evidence)} pieces of evidence" if found else ""))
    assert len(found) == expected
    assert all(len(f.evidence) <= 20 for f in found), "evidence is capped"


@pytest.mark.parametrize("period", ["2023-M13-M99", "2023-", "2023-00", "abcd-xx", "2023-H9", "-", "2023-M01"])
def test_damaged_period_labels_place_and_name_without_failing(record: Record, period: str) -> None:
    point = Point(year=2023, value=1.0, region="甲市", role="actual", qualifier="", figure_id=1, doc_id=1,
                  doc_title="", start=0, end=1, sentence="", text="", period=period)
    x = chart_x(point)
    words = part_year_words([point], "zh") + part_year_words([point], "en")
    record(f"chart period label {period!r}", "a finite place within the year, words",
           f"x={x:.3f}, part={is_part_year(period)}, words={words}")
    assert math.isfinite(x) and 2022 <= x <= 2023 and 1 <= last_month(period) <= 12
    assert isinstance(period_words(period, 2023, "zh"), str)
