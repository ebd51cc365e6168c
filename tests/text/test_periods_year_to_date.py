"""今年以来 and its kin: a year to date (2023-YTD), not the whole year, in invented sentences.
"2019年以来" in a document of 2023 stays a span of years; 截至10月底 next to 今年以来 says how far."""

from __future__ import annotations

import pytest

from viewer.model import Role
from viewer.text.analysis import text_figures
from viewer.text.periods import (
    Period,
    find_periods,
    is_year_to_date,
    part_of_year,
    resolve,
    year_period,
    ytd_period,
)


def labels(text: str, year: int | None = 2023, month: int | None = None) -> list[str]:
    return [m.period.label if m.period else "" for m in find_periods(text, year, month)]


@pytest.mark.parametrize("text", [
    "今年以来，全县新增市场主体1200户。",
    "年初以来，全县新增市场主体1200户。",
    "本年以来，全县新增市场主体1200户。",
    "今年年初以来，全县新增市场主体1200户。",
    "今年初至今，全县新增市场主体1200户。",
    "2023年以来，全县新增市场主体1200户。",
    "2023年初以来，全县新增市场主体1200户。",
])
def test_the_current_year_to_date_is_a_part_of_the_year(text: str) -> None:
    assert labels(text) == ["2023-YTD"]
    [mention] = find_periods(text, 2023)
    assert mention.period is not None and (mention.period.start, mention.period.end) == (2023, 2023)
    assert part_of_year(mention.period) and is_year_to_date(mention.period)


def test_the_month_the_document_appeared_in_dates_the_year_to_date() -> None:
    assert labels("今年以来，全县新增市场主体1200户。", month=11) == ["2023-YTD-11"]
    assert ytd_period(2023, 11) == Period("2023-YTD-11", 2023, 2023)
    assert ytd_period(2023, 13).label == "2023-YTD"  # a damaged month is left out


@pytest.mark.parametrize(("text", "expected"), [
    ("2019年以来，全县累计新增市场主体8000户。", ["2019-2022"]),  # since a base year: a span, as before
    ("2019年至今，全县累计新增市场主体8000户。", ["2019-2022"]),
    ("2022年年初以来，全县累计新增市场主体8000户。", ["2022"]),
    ("去年以来，全县累计新增市场主体8000户。", ["2022"]),
    ("去年年初以来，全县累计新增市场主体8000户。", ["2022"]),
    ("今年，全县新增市场主体1200户。", ["2023"]),
    ("2023年起，全县实行新的补贴办法。", ["2023"]),  # a start, not a year to date
    ("年初确定的目标全部完成。", []),
])
def test_what_is_not_this_years_to_date_stays_as_it_was(text: str, expected: list[str]) -> None:
    assert labels(text) == expected


def test_since_a_year_in_a_later_document_is_not_a_year_to_date() -> None:
    assert labels("2023年以来，全县新增市场主体1200户。", year=2024) == ["2023"]
    assert labels("2023年以来，全县新增市场主体1200户。", year=None) == ["2023"]
    assert labels("今年以来，全县新增市场主体1200户。", year=None) == [""]


@pytest.mark.parametrize(("text", "expected"), [
    ("今年以来，截至10月底，全县新增市场主体1200户。", "2023-M01-M10"),
    ("截至10月底，今年以来全县新增市场主体1200户。", "2023-M01-M10"),
    ("今年以来（截至6月底）全县新增市场主体600户。", "2023-H1"),
    ("今年以来，截至9月末，全县新增市场主体900户。", "2023-Q1-Q3"),
    ("今年以来，截至12月底，全县新增市场主体1500户。", "2023"),
    ("今年以来，截至1月底，全县新增市场主体90户。", "2023-01"),
])
def test_an_as_of_month_beside_it_says_how_far_the_year_to_date_runs(text: str, expected: str) -> None:
    assert set(labels(text, month=11)) == {expected}


def test_an_as_of_month_of_another_year_or_sentence_is_not_joined() -> None:
    assert labels("今年以来，截至2022年10月底，全县新增市场主体1200户。") == ["2023-YTD", "2022-10"]
    assert labels("今年以来全县新增市场主体1200户。截至10月底，新增企业80家。") == ["2023-YTD", "2023-10"]


def test_to_date_words_are_the_year_to_date_unless_a_past_year_is_under_review() -> None:
    [to_date] = find_periods("截至目前，全县共有市场主体5.6万户。", 2023, 11)
    [published] = find_periods("截至发稿时，全县共有市场主体5.6万户。", 2023)
    assert resolve(to_date, None, 2023) == ytd_period(2023, 11)
    assert resolve(published, year_period(2023), 2023) == ytd_period(2023)
    assert resolve(to_date, year_period(2022), 2023) == year_period(2022)  # a review of last year
    assert resolve(to_date, year_period(2023, "H1"), 2023) == year_period(2023, "H1")
    [now] = find_periods("目前，全县共有市场主体5.6万户。", 2023)
    assert resolve(now, None, 2023) == ytd_period(2023)
    assert resolve(now, year_period(2023), 2023) == ytd_period(2023)
    assert resolve(now, year_period(2022), 2023) == year_period(2022)  # a review of last year


def test_an_amount_reached_so_far_in_a_news_item_is_not_the_whole_year() -> None:
    text = ("某县推进科技成果转化纪实\n\n发布日期：2023-07-12\n\n"
            "2022年，某县登记技术合同420份，技术合同成交额达到95亿元。\n\n"
            "今年某县继续推进成果转化，目前已登记技术合同210份，技术合同成交额达41亿元，达到预期进度。\n")
    found = {f.text: f.period for f in text_figures(text)}
    assert found["95亿元"] == "2022" and found["420份"] == "2022"
    assert found["41亿元"] == "2023-YTD-07" and found["210份"] == "2023-YTD-07"


def test_figures_of_the_year_to_date_carry_it() -> None:
    text = ("某县2023年经济运行情况\n\n发布日期：2023-11-20\n\n"
            "今年以来，株洲市完成固定资产投资85.2亿元，同比增长6.5%。\n\n"
            "今年以来，截至10月底，株洲市新增市场主体1.2万户。\n\n"
            "2019年以来，株洲市累计新增高新技术企业560家。\n\n"
            "2022年，株洲市完成固定资产投资98.7亿元。\n")
    figures = text_figures(text)
    found = {f.text: (f.period, f.period_start, f.period_end) for f in figures}
    assert found["85.2亿元"] == ("2023-YTD-11", 2023, 2023)
    # a result so far, not a plan for a year not over when the report appeared (as the whole year was)
    assert next(f.role for f in figures if f.text == "85.2亿元") == Role.ACTUAL
    assert found["6.5%"] == ("2023-YTD-11", 2023, 2023)
    assert found["1.2万户"] == ("2023-M01-M10", 2023, 2023)
    assert found["560家"] == ("2019-2022", 2019, 2022)
    assert found["98.7亿元"] == ("2022", 2022, 2022)


def test_a_work_report_reviewing_last_year_keeps_its_year() -> None:
    text = ("株洲市2024年政府工作报告\n\n发布日期：2024-01-15\n\n"
            "2023年，株洲市地区生产总值达到3600亿元。截至目前，株洲市共有高新技术企业1500家。\n")
    found = {f.text: f.period for f in text_figures(text)}
    assert found["3600亿元"] == "2023" and found["1500家"] == "2023"
