"""Attribution rules on short invented sentences, with hand-made figures."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from viewer.model import Figure, FigureKind, Qualifier, Role
from viewer.text.attribution import DocumentContext, attribute_figures
from viewer.text.attribution_sections import heading_role, marker_level
from viewer.text.roles import SentenceModality, modality
from viewer.text.sentences import split_sentences

UNITS = {"家": ("家", FigureKind.COUNT), "件": ("件", FigureKind.COUNT), "%": ("%", FigureKind.PERCENT),
         "亿元": ("元", FigureKind.MONEY), "倍": ("倍", FigureKind.MULTIPLE), "位": ("位", FigureKind.RANK)}
CITY = DocumentContext(region="株洲市", year=2021, published="2021")


def figures_in(text: str, *surfaces: str) -> list[Figure]:
    """Hand-made figures for each surface (e.g. '81家'), searched left to right."""
    made: list[Figure] = []
    position = 0
    for surface in surfaces:
        start = text.index(surface, position)
        position = start + len(surface)
        unit_text = next(u for u in sorted(UNITS, key=len, reverse=True) if surface.endswith(u))
        number = surface[: -len(unit_text)].lstrip("第")
        unit, kind = UNITS[unit_text]
        value = float(number) * (1e8 if unit_text == "亿元" else 1)
        made.append(Figure(start, position, surface, value, unit, kind, unit_text=unit_text))
    return made


def attribute(text: str, *surfaces: str, context: DocumentContext = CITY) -> list[Figure]:
    return attribute_figures(text, figures_in(text, *surfaces), split_sentences(text), context)


def test_year_in_the_figures_clause() -> None:
    old, new = attribute("全市高新技术企业数量由2016年的64家增长到2021年的287家。", "64家", "287家")
    assert (old.year, new.year) == (2016, 2021)
    assert old.indicator == new.indicator == "高新技术企业数"
    assert old.role == new.role == Role.ACTUAL


def test_lead_year_of_the_sentence_and_the_next_sentences() -> None:
    first, second = attribute("2020年，全市新增高新技术企业100家。科技型中小企业达到300家。", "100家", "300家")
    assert (first.year, first.role, first.indicator) == (2020, Role.CHANGE, "高新技术企业数")
    assert (second.year, second.indicator) == (2020, "科技型中小企业数")


def test_section_heading_sets_the_year() -> None:
    text = "## 2021 回顾\n\n全市高企数达到900家。\n\n2023年重点工作\n\n高企数达到1200家。"
    done, planned = attribute(text, "900家", "1200家", context=DocumentContext("株洲市", 2023, None))
    assert (done.year, done.role) == (2021, Role.ACTUAL)
    assert (planned.year, planned.role) == (2023, Role.TARGET)


def test_plan_periods_quarters_and_as_of_dates() -> None:
    text = "“十三五”期间，累计建成创新平台60家。前三季度高新技术产业增加值500亿元。截至3月底，创新平台达700家。"
    plan, quarter, as_of = attribute(text, "60家", "500亿元", "700家")
    assert (plan.period, plan.year, plan.period_start) == ("2016-2020", 2020, 2016)
    assert quarter.period == "2020-Q1-Q3"  # the running year, from the plan period
    assert (as_of.period, as_of.year) == ("2021-03", 2021)


def test_relative_years_follow_the_publication_date() -> None:
    context = DocumentContext("株洲市", 2022, "2023-04-04")
    (figure,) = attribute("今年，高新技术产业增加值达到800亿元。", "800亿元", context=context)
    assert figure.year == 2023


def test_targets() -> None:
    text = "到2025年，高新技术企业数达到600家。力争2022年研发投入强度达到3.4%。"
    plan, goal = attribute(text, "600家", "3.4%")
    assert (plan.year, plan.role) == (2025, Role.TARGET)
    assert (goal.year, goal.role, goal.indicator) == (2022, Role.TARGET, "研发经费投入强度")


def test_estimate_change_growth_and_share() -> None:
    text = "2020年预计高企净增170家，总数突破720家，较去年增长31%。"
    change, estimate, growth = attribute(text, "170家", "720家", "31%")
    assert change.role == Role.CHANGE
    assert estimate.role == Role.ESTIMATE
    assert (growth.role, growth.indicator) == (Role.GROWTH, "高新技术企业数")


def test_growth_since_a_base_year_spans_the_period() -> None:
    text = "2020年，高新技术产业增加值达429亿元，较2015年增长了85%。"
    _, growth = attribute(text, "429亿元", "85%")
    assert (growth.role, growth.period, growth.year) == (Role.GROWTH, "2015-2020", 2020)


def test_a_percent_next_to_a_count_is_not_the_count() -> None:
    (figure,) = attribute("2020年，全市高新技术企业35%。", "35%")
    assert figure.indicator == "高新技术企业数"
    assert figure.role in (Role.GROWTH, Role.SHARE)
    assert figure.confidence < 0.8


def test_share_of_gdp_after_a_base_is_the_ratio_indicator() -> None:
    text = "2020年，全社会研发投入达到54亿元，占GDP比重达到1.8%，增速达到30%。"
    spend, ratio, growth = attribute(text, "54亿元", "1.8%", "30%")
    assert spend.indicator == "研发经费投入"
    assert (ratio.indicator, ratio.role) == ("研发经费投入强度", Role.ACTUAL)
    assert (growth.indicator, growth.role) == ("研发经费投入", Role.GROWTH)
    text = "2020年，高新技术产业增加值占GDP的比重达23%。"
    (share,) = attribute(text, "23%")
    assert share.indicator == "高新技术产业增加值占GDP比重"


def test_respectively_lists() -> None:
    text = "2020年专利授权量、每万人发明专利拥有量、有效发明专利分别达4120件、3.1件和1450件，是2015年的2.4倍、2倍、3倍。"
    figures = attribute(text, "4120件", "3.1件", "1450件", "2.4倍", "2倍", "3倍")
    assert [f.indicator for f in figures[:3]] == ["专利授权量", "每万人口发明专利拥有量", "有效发明专利数"]
    assert [f.indicator for f in figures[3:]] == ["专利授权量", "每万人口发明专利拥有量", "有效发明专利数"]
    assert all(f.role == Role.GROWTH and f.period == "2015-2020" for f in figures[3:])


def test_sub_indicators_inherit_the_increase() -> None:
    text = "2020年，全市新增科技创新平台62家，其中国家级2家，省级24家。"
    total, national, provincial = attribute(text, "62家", "2家", "24家")
    assert (total.indicator, total.role) == ("科技创新平台数", Role.CHANGE)
    assert (national.indicator, national.role) == ("国家级科技创新平台数", Role.CHANGE)
    assert provincial.indicator == "省级科技创新平台数"


def test_a_part_named_after_among_is_its_own_measure() -> None:
    _, listed = attribute("2020年，高新技术企业达到312家，其中绿色低碳示范企业7家。", "312家", "7家")
    assert (listed.indicator, listed.provisional) == ("绿色低碳示范企业数", True)


def test_region_of_a_named_county() -> None:
    text = "2021年，醴陵大力开展高企培育，高企总数已达42家。全市高企数超过900家。"
    county, city = attribute(text, "42家", "900家")
    assert county.region == "醴陵市"
    assert city.region == "株洲市"


def test_a_list_of_counties_keeps_the_region_and_a_named_county_is_its_own() -> None:
    text = "2021年，醴陵、茶陵等县市区共新增高企30家。赫山区高企20家。"
    many, other = attribute(text, "30家", "20家")
    assert many.region == "株洲市"
    assert other.region == "赫山区"  # a district of another city is still that district, not 株洲市


def test_a_figure_that_counts_another_noun_has_no_indicator() -> None:
    (figure,) = attribute("2020年，建立高企培育库，在9家县市区举办培训。", "9家")
    assert figure.indicator is None


def test_a_figure_without_any_clue_keeps_the_document_year_with_low_confidence() -> None:
    (figure,) = attribute("全市共有项目20家。", "20家", context=DocumentContext("株洲市", 2021, None))
    assert (figure.year, figure.indicator, figure.region) == (2021, None, "株洲市")
    assert figure.confidence <= 0.5


def test_sentence_span_and_input_order_are_kept() -> None:
    text = "前言。2020年，高企达到312家，科技型中小企业300家。"
    made = figures_in(text, "312家", "300家")
    result = attribute_figures(text, list(reversed(made)), split_sentences(text), CITY)
    assert [f.text for f in result] == ["300家", "312家"]
    assert all(text[f.sentence_start : f.sentence_end].startswith("2020年") for f in result)
    assert made[0].indicator is None  # the input figures are not changed


def test_rank() -> None:
    text = "2020年，研发投入强度达到1.89%，全省排名第4位。"
    _, rank = attribute(text, "1.89%", "第4位")
    assert (rank.role, rank.indicator, rank.year) == (Role.RANK, "研发经费投入强度", 2020)


def test_every_field_the_finder_set_is_kept() -> None:
    text = "2020年，高企达到312家。"
    (made,) = figures_in(text, "312家")
    attribution = {"year", "period", "period_start", "period_end", "indicator", "region", "role",
                   "sentence_start", "sentence_end", "confidence", "provisional", "indicator_how", "region_how",
                   "period_how", "modality"}
    found = {f.name for f in fields(Figure)} - attribution
    made = replace(made, qualifier=Qualifier.AT_LEAST, value_high=400.0, id=7, doc_id=3)
    (done,) = attribute_figures(text, [made], split_sentences(text), CITY)
    assert {name: getattr(done, name) for name in found} == {name: getattr(made, name) for name in found}
    assert (done.indicator, done.year) == ("高新技术企业数", 2020)


def test_figure_fields_are_in_the_order_attribution_builds_them() -> None:
    assert [f.name for f in fields(Figure)] == [
        "start", "end", "text", "value", "unit", "kind", "qualifier", "value_high", "unit_text", "year", "period",
        "period_start", "period_end", "indicator", "region", "role", "sentence_start", "sentence_end", "confidence",
        "id", "doc_id", "provisional", "indicator_how", "region_how", "period_how", "modality", "source", "excluded",
    ]


_CUE_WORDS = ["预计", "预估计", "有望", "力争", "目标", "：", "主要目标", "任务", "确保", "计划到", "规划期末", "争取",
              "等目标", "等具体指标", "等", "达", "；"]


_WORDS = st.lists(st.sampled_from(_CUE_WORDS), max_size=8)


@given(st.lists(_WORDS, min_size=1, max_size=4))
@example([["争取"], []])
@example([[], ["等目标", "力争"]])
@example([["预计", "主要目标"], ["等具体指标"]])
@example([["预计", "；"], ["预计"], []])
def test_modality_cues_found_once_agree_with_a_search_per_figure(pieces: list[list[str]]) -> None:
    figure = "12%"
    parts = ["".join(words) for words in pieces]
    text = figure.join(parts)
    cues = SentenceModality(text, 0, len(text))
    start = -1
    for _ in parts[1:]:
        start = text.index(figure, start + 1)
        end = start + len(figure)
        for pursue in (False, True):
            assert cues.modality(start, end, pursue) == modality(text[:start], text[end:], pursue)


# ---- correctness round: year lists, clause-bound estimates, from-to pairs, sections -----------

LATE = DocumentContext(region="株洲市", year=2023, published="2023-01-20")


def test_a_list_of_years_is_distributed_over_a_respectively_list() -> None:
    text = "2018年、2019年全市高新技术企业分别为210家、260家，技术合同成交额分别为8.1亿元、9.4亿元。"
    figures = attribute(text, "210家", "260家", "8.1亿元", "9.4亿元")
    assert [f.year for f in figures] == [2018, 2019, 2018, 2019]
    assert [f.indicator for f in figures] == ["高新技术企业数"] * 2 + ["技术合同成交额"] * 2
    assert all(f.role == Role.ACTUAL for f in figures)


def test_a_year_list_of_another_length_is_not_distributed() -> None:
    text = "2018年、2019年全市高新技术企业分别为210家、260家、300家。"
    assert {f.year for f in attribute(text, "210家", "260家", "300家")} == {2019}


def test_an_estimate_ends_at_a_semicolon() -> None:
    text = "2020年，研发经费投入预计达到40亿元；研发投入强度由2015年的1.5%提高到2.1%。"
    spend, old, new = attribute(text, "40亿元", "1.5%", "2.1%")
    assert (spend.year, spend.role) == (2020, Role.ESTIMATE)
    assert (old.year, old.role, old.indicator) == (2015, Role.ACTUAL, "研发经费投入强度")
    assert (new.year, new.role, new.indicator) == (2020, Role.ACTUAL, "研发经费投入强度")


def test_the_to_value_of_a_from_to_pair_takes_the_year_of_its_context() -> None:
    old, new = attribute("2020年，高新技术企业由2015年的90家增加到200家。", "90家", "200家")
    assert (old.year, old.indicator) == (2015, "高新技术企业数")
    assert (new.year, new.indicator) == (2020, "高新技术企业数")
    text = "2020年，全市科技工作成效明显。每万人发明专利拥有量由2015年的1.1件提高到2.5件。"
    old, new = attribute(text, "1.1件", "2.5件")
    assert (old.year, new.year) == (2015, 2020)
    assert old.indicator == new.indicator == "每万人口发明专利拥有量"


def test_a_value_after_a_base_year_is_that_years() -> None:
    text = "2020年，技术合同成交额达到30亿元，比2019年的24亿元增长25%。"
    now, before, growth = attribute(text, "30亿元", "24亿元", "25%")
    assert (now.year, before.year, before.indicator, before.role) == (2020, 2019, "技术合同成交额", Role.ACTUAL)
    assert (growth.indicator, growth.role) == ("技术合同成交额", Role.GROWTH)


def test_as_of_a_year_end_is_not_a_target() -> None:
    (figure,) = attribute("截至2020年底，全市高新技术企业达到300家。", "300家")
    assert (figure.year, figure.role) == (2020, Role.ACTUAL)


def test_a_dated_line_does_not_set_the_section_year() -> None:
    text = "某某日报 2023年1月20日 第05版\n\n2022年，全市高企达到500家。\n\n核心指标\n\n全市技术合同成交额30亿元。"
    _, money = attribute(text, "500家", "30亿元", context=LATE)
    assert (money.year, money.role) == (2022, Role.ACTUAL)


def test_a_year_named_in_passing_does_not_move_the_section() -> None:
    text = ("一、2022年工作成效\n\n2022年，全市技术合同成交额40亿元。2021年全市技术合同成交额32亿元，"
            "增长较快。每万人发明专利拥有量8件。")
    _, earlier, patents = attribute(text, "40亿元", "32亿元", "8件", context=LATE)
    assert earlier.year == 2021
    assert (patents.year, patents.role) == (2022, Role.ACTUAL)


@pytest.mark.parametrize(
    ("outer", "inner", "after"),
    [
        ("三、2023年工作计划", "（一）主要目标", "四、2023年前期进展"),
        ("## 2023年重点工作", "### 目标任务", "## 2023年工作成效"),
        ("【2023年展望】", "（一）主要目标", "【2023年工作成绩】"),
        ("三、2023年工作安排", "（一）主要目标。", "四、2023年前期进展"),
    ],
)
def test_a_target_section_makes_its_years_figures_targets(outer: str, inner: str, after: str) -> None:
    text = (f"一、2022年主要成效\n\n2022年，高新技术企业达到500家。\n\n{outer}\n\n{inner}\n\n"
            f"2023年，高新技术企业达到560家以上，技术合同成交额达到30亿元；2022年基数500家。\n\n"
            f"{after}\n\n2023年，技术合同成交额达到12亿元。")
    done, planned, money, base, progress = attribute(text, "500家", "560家", "30亿元", "500家", "12亿元",
                                                     context=LATE)
    assert (done.year, done.role) == (2022, Role.ACTUAL)
    assert (planned.year, planned.role) == (2023, Role.TARGET)
    assert (money.year, money.role) == (2023, Role.TARGET)
    assert (base.year, base.role) == (2022, Role.ACTUAL)
    assert (progress.year, progress.role) == (2023, Role.ACTUAL)


def test_the_second_end_of_a_range_measures_the_same() -> None:
    low, high = attribute("1.研发经费投入：2025年目标年均增长11%—13%。", "11%", "13%")
    assert (low.indicator, low.role) == ("研发经费投入", Role.GROWTH)
    assert (high.indicator, high.role, high.period) == ("研发经费投入", Role.GROWTH, low.period)


def test_a_list_of_base_and_target_names_its_indicator_once() -> None:
    text = "1.高新技术企业数：2020年基数300家，2025年目标600家。"
    base, goal = attribute(text, "300家", "600家")
    assert (base.indicator, base.year, base.role) == ("高新技术企业数", 2020, Role.ACTUAL)
    assert (goal.indicator, goal.year, goal.role) == ("高新技术企业数", 2025, Role.TARGET)


def test_a_rank_kept_names_the_indicator_of_the_clause_before() -> None:
    _, rank = attribute("2020年，研发投入强度达到2.5%，继续保持全省第4位。", "2.5%", "第4位")
    assert (rank.role, rank.indicator) == (Role.RANK, "研发经费投入强度")


def test_a_part_of_the_whole_city_is_a_share() -> None:
    (share,) = attribute("2020年，高新区高新技术企业数量占全市的45%。", "45%")
    assert (share.role, share.indicator) == (Role.SHARE, "高新技术企业数")


@pytest.mark.parametrize(
    ("heading", "level", "role"),
    [
        ("第二章 发展目标", 0, Role.TARGET),
        ("三、2023年工作计划", 1, Role.TARGET),
        ("（一）主要成效", 2, Role.ACTUAL),
        ("(二)2022年目标完成情况", 2, Role.ACTUAL),
        ("【亮点回顾】", 2, Role.ACTUAL),
        ("2.重点任务", 3, Role.TARGET),
        ("（3）深化“青苗”计划", 4, None),
        ("## 回顾与展望", 2, None),
        ("2.5亿元投向平台", None, None),
        ("核心指标稳中有升", None, None),
    ],
)
def test_marker_levels_and_heading_roles(heading: str, level: int | None, role: str | None) -> None:
    assert marker_level(heading) == level
    assert heading_role(heading) == role


def test_a_multiple_of_a_base_year_is_the_growth_of_the_clause_before() -> None:
    text = "2020年，高新技术企业达到600家，是2015年的3倍；研发经费投入达到50亿元，比2015年翻了一番。"
    figures = figures_in(text, "600家", "3倍", "50亿元")
    start = text.index("翻了一番")
    figures.append(Figure(start, start + 4, "翻了一番", 2.0, "倍", FigureKind.MULTIPLE))
    _, triple, _, doubled = attribute_figures(text, figures, split_sentences(text), CITY)
    assert (triple.indicator, triple.role, triple.period) == ("高新技术企业数", Role.GROWTH, "2015-2020")
    assert (doubled.indicator, doubled.role, doubled.period) == ("研发经费投入", Role.GROWTH, "2015-2020")
