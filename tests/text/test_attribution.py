"""Attribution rules on short invented sentences, with hand-made figures."""

from __future__ import annotations

from dataclasses import fields, replace

from hypothesis import example, given
from hypothesis import strategies as st

from viewer.model import Figure, FigureKind, Qualifier, Role
from viewer.text.attribution import DocumentContext, attribute_figures
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
    old, new = attribute("高新技术企业数量由2015年的81家增长到2020年的312家。", "81家", "312家")
    assert (old.year, new.year) == (2015, 2020)
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
    assert (goal.year, goal.role, goal.indicator) == (2022, Role.TARGET, "研发投入强度")


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
    assert spend.indicator == "研发经费支出"
    assert (ratio.indicator, ratio.role) == ("研发投入强度", Role.ACTUAL)
    assert (growth.indicator, growth.role) == ("研发经费支出", Role.GROWTH)
    text = "2020年，高新技术产业增加值占GDP的比重达23%。"
    (share,) = attribute(text, "23%")
    assert share.indicator == "高新技术产业增加值占GDP比重"


def test_respectively_lists() -> None:
    text = "2020年专利授权量、有效发明专利、每万人发明专利拥有量分别达3749件、1308件和2.96件，是2015年的2.5倍、3倍、2倍。"
    figures = attribute(text, "3749件", "1308件", "2.96件", "2.5倍", "3倍", "2倍")
    assert [f.indicator for f in figures[:3]] == ["专利授权量", "有效发明专利数", "万人发明专利拥有量"]
    assert [f.indicator for f in figures[3:]] == ["专利授权量", "有效发明专利数", "万人发明专利拥有量"]
    assert all(f.role == Role.GROWTH and f.period == "2015-2020" for f in figures[3:])


def test_sub_indicators_inherit_the_increase() -> None:
    text = "2020年，全市新增科技创新平台62家，其中国家级2家，省级24家。"
    total, national, provincial = attribute(text, "62家", "2家", "24家")
    assert (total.indicator, total.role) == ("科技创新平台数", Role.CHANGE)
    assert (national.indicator, national.role) == ("国家级科技创新平台数", Role.CHANGE)
    assert provincial.indicator == "省级科技创新平台数"


def test_among_an_unknown_part_has_no_indicator() -> None:
    _, listed = attribute("2020年，高新技术企业达到312家，其中上市企业7家。", "312家", "7家")
    assert listed.indicator is None


def test_region_of_a_named_county() -> None:
    text = "2021年，醴陵大力开展高企培育，高企总数已达42家。全市高企数超过900家。"
    county, city = attribute(text, "42家", "900家")
    assert county.region == "醴陵市"
    assert city.region == "株洲市"


def test_a_list_of_counties_or_a_county_of_another_city_keeps_the_region() -> None:
    text = "2021年，醴陵、茶陵等县市区共新增高企30家。赫山区高企20家。"
    many, other = attribute(text, "30家", "20家")
    assert many.region == "株洲市"
    assert other.region == "株洲市"


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
    assert (rank.role, rank.indicator, rank.year) == (Role.RANK, "研发投入强度", 2020)


def test_every_field_the_finder_set_is_kept() -> None:
    text = "2020年，高企达到312家。"
    (made,) = figures_in(text, "312家")
    attribution = {"year", "period", "period_start", "period_end", "indicator", "region", "role",
                   "sentence_start", "sentence_end", "confidence"}
    found = {f.name for f in fields(Figure)} - attribution
    made = replace(made, qualifier=Qualifier.AT_LEAST, value_high=400.0, id=7, doc_id=3)
    (done,) = attribute_figures(text, [made], split_sentences(text), CITY)
    assert {name: getattr(done, name) for name in found} == {name: getattr(made, name) for name in found}
    assert (done.indicator, done.year) == ("高新技术企业数", 2020)


def test_figure_fields_are_in_the_order_attribution_builds_them() -> None:
    assert [f.name for f in fields(Figure)] == [
        "start", "end", "text", "value", "unit", "kind", "qualifier", "value_high", "unit_text", "year", "period",
        "period_start", "period_end", "indicator", "region", "role", "sentence_start", "sentence_end", "confidence",
        "id", "doc_id",
    ]


_CUE_WORDS = ["预计", "预估计", "有望", "力争", "目标", "：", "主要目标", "任务", "确保", "计划到", "规划期末", "争取",
              "等目标", "等具体指标", "等", "达"]


_WORDS = st.lists(st.sampled_from(_CUE_WORDS), max_size=8)


@given(st.lists(_WORDS, min_size=1, max_size=4))
@example([["争取"], []])
@example([[], ["等目标", "力争"]])
@example([["预计", "主要目标"], ["等具体指标"]])
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
