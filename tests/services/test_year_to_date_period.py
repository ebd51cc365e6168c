"""A year to date (今年以来: 2023-YTD, 2023-YTD-11) is a part of its year everywhere a period is
read: the chart's rules, the period in words, the correction editor's kinds and the part-year
check. Invented reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model import Point, Role
from viewer.model.review import CheckKind, Finding
from viewer.services.chart import chart_x, is_part_year, last_month, part_year_words, target_path
from viewer.services.checks import run_checks
from viewer.services.correction_periods import (
    PERIOD_KINDS,
    PeriodKind,
    PeriodParts,
    period_fields,
    period_parts,
)
from viewer.services.figure_words import period_words
from viewer.services.ingest import ingest_paths
from viewer.store import open_store


def _point(year: int, value: float, period: str) -> Point:
    return Point(year=year, value=value, region="甲市", role=Role.ACTUAL, qualifier="", figure_id=0, doc_id=1,
                 doc_title="", start=0, end=1, sentence="", text="", period=period)


@pytest.mark.parametrize(("period", "month", "x"), [
    ("2023-YTD", 6, 2022.5),  # the document's date does not say: mid-year
    ("2023-YTD-11", 11, 2022 + 11 / 12),  # at the month the document appeared in
    ("2023-YTD-03", 3, 2022.25),
    ("2023-YTD-13", 6, 2022.5),  # a damaged month: mid-year
])
def test_the_chart_draws_a_year_to_date_apart_from_the_full_years(period: str, month: int, x: float) -> None:
    assert is_part_year(period) and last_month(period) == month
    assert chart_x(_point(2023, 1.0, period)) == pytest.approx(x)
    # a target line never starts at a year to date
    target = Point(year=2025, value=9.0, region="甲市", role=Role.TARGET, qualifier="", figure_id=1, doc_id=1,
                   doc_title="", start=0, end=1, sentence="", text="", period="2025")
    assert target_path([_point(2023, 1.0, period)], [target]) == [target]


def test_a_year_to_date_in_words() -> None:
    assert period_words("2023-YTD", 2023, "zh") == "2023年今年以来"
    assert period_words("2023-YTD", 2023, "en") == "year to date 2023"
    assert period_words("2023-YTD-11", 2023, "zh") == "2023年今年以来（11月发布）"
    assert period_words("2023-YTD-11", 2023, "en") == "year to date 2023 (published in November)"
    points = [_point(2023, 1.0, "2023-YTD"), _point(2023, 2.0, "2023-Q1-Q3")]
    assert part_year_words(points, "zh") == ["今年以来", "前三季度"]
    assert part_year_words(points, "en") == ["year to date", "Q1–Q3"]


@pytest.mark.parametrize(("period", "parts"), [
    ("2023-YTD", PeriodParts(PeriodKind.YTD, 2023)),
    ("2023-YTD-11", PeriodParts(PeriodKind.YTD, 2023, month=11)),
])
def test_the_correction_editor_reads_and_writes_a_year_to_date(period: str, parts: PeriodParts) -> None:
    assert PeriodKind.YTD in PERIOD_KINDS
    assert period_parts(period, 2023, 2023, 2023) == parts
    assert period_fields(parts) == {"year": 2023, "period": period, "period_start": 2023, "period_end": 2023}
    with pytest.raises(ValueError):
        period_fields(PeriodParts(PeriodKind.YTD, 2023, month=13))


HEAD = "常德市2023年科技工作进展\n\n发布日期：2023-11-20\n\n"
REPORT = (HEAD + "2022年，常德市技术合同成交额85.6亿元。\n\n"
          "今年以来，常德市技术合同成交额93.8亿元。\n")
# 今年以来 written in 万亿 for 亿: ten thousand times the whole of 2022
SLIPPED = REPORT.replace("93.8亿元", "93.8万亿元")


def _checked(tmp_path: Path, text: str) -> tuple[set[tuple[str, str]], list[Finding]]:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    store = tmp_path / "store.db"
    assert ingest_paths(store, [path], processes=0).ok
    db = open_store(store)
    try:
        stored = {(str(t), str(p)) for t, p in db.conn.execute("SELECT text, period FROM figures")}
        return stored, [f for f in run_checks(db) if f.kind == CheckKind.PART_YEAR]
    finally:
        db.conn.close()


def test_the_part_year_check_sees_a_year_to_date(tmp_path: Path) -> None:
    stored, found = _checked(tmp_path / "plausible", REPORT)
    assert ("93.8亿元", "2023-YTD-11") in stored and found == []
    stored, found = _checked(tmp_path / "slipped", SLIPPED)
    assert ("93.8万亿元", "2023-YTD-11") in stored
    [finding] = found
    assert [e.text for e in finding.evidence if e.label == "value"] == ["93.8万亿元"]
    assert [e.text for e in finding.evidence if e.label == "full_year"] == ["85.6亿元"]
    assert "2023年今年以来（11月发布）" in finding.message
    assert "year to date 2023 (published in November)" in finding.message_en
