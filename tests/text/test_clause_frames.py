"""The clause-frame rules of the attribution, each on invented sentences (issue #11).

Every rule names general Chinese statistical usage; none is fitted to a sentence of the real
reports. Figures are found by the real finder, places by the real gazetteer.
"""

from __future__ import annotations

import pytest

from viewer.model import Figure, Modality, Role, weak_slots
from viewer.text.analysis import text_figures
from viewer.text.attribution import DocumentContext, attribute_figures
from viewer.text.figures import find_figures
from viewer.text.sentences import split_sentences

CITY = DocumentContext(region="株洲市", year=2024, published="2025-02")
DISTRICT = DocumentContext(region="芦淞区", year=2024, published="2025-02")
PROVINCE = DocumentContext(region="湖南省", year=2025, published="2026-02")


def figures(text: str, context: DocumentContext = CITY) -> dict[str, Figure]:
    found = attribute_figures(text, find_figures(text), split_sentences(text), context)
    return {f.text: f for f in found}


# ---- measures: the phrase's head names the indicator -------------------------------------


def test_an_alias_inside_a_longer_phrase_is_not_the_measure() -> None:
    got = figures("2024年，全市实施发明专利产业化项目50个。")["50个"]
    assert (got.indicator, got.provisional) == ("发明专利产业化项目数", True)


def test_a_narrowing_word_before_an_alias_makes_its_own_measure() -> None:
    got = figures("2024年，全市民营高新技术企业达到120家。")["120家"]
    assert got.indicator == "民营高新技术企业数" and got.provisional


def test_neutral_words_before_an_alias_keep_it() -> None:
    got = figures("2024年，全市有效高新技术企业总数达到300家。")["300家"]
    assert (got.indicator, got.indicator_how) == ("高新技术企业数", "alias")


def test_a_level_before_a_platform_is_the_levels_indicator() -> None:
    found = figures("2024年，新增省级新型研发机构6家，国家级科技企业孵化器2家。")
    assert found["6家"].indicator == "省级新型研发机构数"
    assert found["2家"].indicator == "国家级科技企业孵化器数"


def test_a_level_alone_after_among_takes_the_platform_named_before() -> None:
    found = figures("2024年，全市各类科技创新平台达500家，其中国家级40家，省级200家。")
    assert found["40家"].indicator == "国家级科技创新平台数"
    assert found["200家"].indicator == "省级科技创新平台数"


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        ("2024年，全年打造高能级创新平台14个。", "14个", "高能级创新平台数"),
        ("2024年，使用创新券3.2亿元。", "3.2亿元", "创新券使用额"),
        ("2024年，组织大型科普活动8次。", "8次", "大型科普活动次数"),
        ("2024年，引进高层次人才团队21个。", "21个", "高层次人才团队引进数"),
        ("2024年，建成3家高质量概念验证中心。", "3家", "高质量概念验证中心数"),
    ],
)
def test_a_phrase_the_taxonomy_lacks_is_a_provisional_indicator(text: str, figure: str, name: str) -> None:
    got = figures(text)[figure]
    assert (got.indicator, got.provisional, got.indicator_how) == (name, True, "provisional")


def test_a_generic_noun_alone_names_nothing() -> None:
    assert figures("2024年，全市共有项目20个。")["20个"].indicator is None


def test_the_same_phrase_in_two_reports_is_one_series() -> None:
    first = figures("2023年，全市打造高能级创新平台10个。")["10个"]
    second = figures("2024年，打造高能级创新平台14个。", DocumentContext("株洲市", 2024, "2025-01"))["14个"]
    assert first.indicator == second.indicator


# ---- clause discipline ---------------------------------------------------------------------


def test_a_growth_rate_belongs_to_the_level_of_its_own_clause() -> None:
    found = figures("2024年，全市实现高新技术产业增加值600亿元、增长8%，技术合同成交额50亿元、增长20%。")
    assert (found["8%"].indicator, found["8%"].role) == ("高新技术产业增加值", Role.GROWTH)
    assert (found["20%"].indicator, found["20%"].role) == ("技术合同成交额", Role.GROWTH)


def test_a_comparison_in_points_is_the_subjects_not_the_compared() -> None:
    found = figures("2024年，全市高新技术产业增加值增长9%，高于规上工业增加值增速1.5个百分点。")
    assert (found["1.5个百分点"].indicator, found["1.5个百分点"].role) == ("高新技术产业增加值", Role.CHANGE)


def test_respectively_pairs_measures_and_values_completing_shared_words() -> None:
    found = figures("2024年，全市高新技术产业产值、增加值分别增长6%和5%。")
    assert found["6%"].indicator == "高新技术产业产值"
    assert found["5%"].indicator == "高新技术产业增加值"


def test_a_list_of_measures_before_as_many_values_pairs_without_respectively() -> None:
    found = figures("2024年，专利申请量和授权量为5000件、3000件。")
    assert (found["5000件"].indicator, found["3000件"].indicator) == ("专利申请量", "专利授权量")


def test_towns_and_countryside_with_two_values() -> None:
    found = figures("2024年，城乡居民人均可支配收入分别达5.2万元、2.4万元。")
    assert found["5.2万元"].indicator == "城镇居民人均可支配收入"
    assert found["2.4万元"].indicator == "农村居民人均可支配收入"


def test_respectively_after_the_values_refers_back_to_their_measures() -> None:
    found = figures("2024年，技术合同成交额40亿元、新增高新技术企业50家，分别完成年度任务的110%和125%。")
    assert (found["110%"].indicator, found["110%"].role) == ("技术合同成交额", Role.PROGRESS)
    assert found["125%"].indicator == "高新技术企业数"


def test_a_share_of_the_place_total_is_the_measures_share() -> None:
    got = figures("2024年，高新区新增高新技术企业60家，占全市的40%。")["40%"]
    assert (got.indicator, got.role) == ("高新技术企业数", Role.SHARE)


def test_a_share_of_another_measure_is_the_taxonomy_ratio() -> None:
    got = figures("2024年，全市高新技术产业增加值占规上工业增加值的比重达45%。")["45%"]
    assert got.indicator == "高新技术产业增加值占规上工业增加值比重"
    other = figures("2024年，全市高新技术产业增加值占GDP比重达25%。")["25%"]
    assert other.indicator == "高新技术产业增加值占GDP比重"


def test_a_ratio_the_taxonomy_lacks_is_provisional_and_its_own() -> None:
    got = figures("2024年，全市技术合同成交额占财政科技支出的比重达300%。")["300%"]
    assert (got.indicator, got.provisional) == ("技术合同成交额占财政科技支出比重", True)


def test_a_cue_word_inside_a_measures_name_does_not_make_its_role() -> None:
    got = figures("2024年，全市城镇新增就业5.6万人。")["5.6万人"]
    assert (got.indicator, got.role) == ("城镇新增就业人数", Role.ACTUAL)


def test_a_decline_is_a_negative_growth_rate() -> None:
    got = figures("2024年，全市进出口总额下降3.5%。")["3.5%"]
    assert (got.role, got.value) == (Role.GROWTH, -3.5)


def test_a_range_keeps_both_ends() -> None:
    got = figures("2025年，全市地区生产总值增长5%—5.5%。", PROVINCE)["5%—5.5%"]
    assert (got.value, got.value_high, got.indicator) == (5.0, 5.5, "地区生产总值")


# ---- places ----------------------------------------------------------------------------------


def test_the_district_a_report_speaks_for_is_its_figures_place() -> None:
    got = figures("2024年，全区高新技术企业达到120家。", DISTRICT)["120家"]
    assert (got.region, got.region_how) == ("芦淞区", "clause")


def test_a_scope_or_a_comparison_is_not_the_subject() -> None:
    found = figures("2024年，全区研发投入强度达3.1%，居全市第2位、全省第10位。", DISTRICT)
    assert {f.region for f in found.values()} == {"芦淞区"}


def test_a_place_that_opens_a_name_is_not_the_subject() -> None:
    got = figures("2024年，获得株洲市科技进步奖15项。", DISTRICT)["15项"]
    assert got.region == "芦淞区"


def test_a_place_carries_to_later_clauses_only_from_a_clause_with_a_figure() -> None:
    found = figures("2024年，醴陵新增高新技术企业30家，科技型中小企业增长20%。")
    assert found["20%"].region == "醴陵市"
    other = figures("2024年，醴陵陶瓷产业园投入运营，全市技术合同成交额增长18%。")
    assert other["18%"].region == "株洲市"


def test_a_zone_named_by_its_kind_is_the_zone_of_the_documents_city() -> None:
    got = figures("2024年，高新区实现高新技术产业增加值300亿元。")["300亿元"]
    assert got.region == "株洲高新技术产业开发区"


def test_a_province_report_speaks_for_the_province() -> None:
    text = "2026年某省政府工作报告\n过去一年，全省研发经费投入增长9%，长沙市高新技术企业达到6000家。"
    found = figures(text, PROVINCE)
    assert found["9%"].region == "湖南省"
    assert found["6000家"].region == "长沙市"


# ---- years -----------------------------------------------------------------------------------


def test_months_of_a_year_hold_for_their_paragraph() -> None:
    text = "2024年1—6月，全市技术合同成交额30亿元。新增高新技术企业20家。\n全年组织对接活动15场。"
    found = figures(text)
    assert found["30亿元"].period == found["20家"].period == "2024-H1"
    assert found["15场"].period == "2024"


def test_from_to_over_a_plan_period_starts_the_year_before_it() -> None:
    text = "“十四五”期间，全社会研发经费投入强度从2.1%提高到2.8%，年均增长10%。"
    found = figures(text, PROVINCE)
    assert (found["2.1%"].period, found["2.8%"].period) == ("2020", "2025")
    assert found["10%"].period == "2021-2025"


def test_totals_and_activities_over_a_span_are_the_spans_levels_its_end() -> None:
    text = "“十四五”期间，累计新增高新技术企业800家，实施重大科技项目120项，研发人员达到5万人。"
    found = figures(text, PROVINCE)
    assert found["800家"].period == found["120项"].period == "2021-2025"
    assert found["5万人"].period == "2025"


def test_a_whole_year_not_over_at_publication_is_a_target() -> None:
    got = figures("2026年，全省研发经费投入增长10%左右，高新技术企业达到1.6万家。", PROVINCE)
    assert got["10%左右"].modality == Modality.TARGET
    assert got["1.6万家"].role == Role.TARGET


def test_a_baseline_year_is_not_the_figures_year() -> None:
    got = figures("在2022年的基础上，2025年高新技术企业数量增长50%。")["50%"]
    assert got.period == "2022-2025"


# ---- how it was found ------------------------------------------------------------------------


def test_each_slot_says_how_it_was_found_and_weak_ones_are_flagged() -> None:
    sure = figures("2024年，全市高新技术企业达到600家。")["600家"]
    assert (sure.indicator_how, sure.region_how, sure.period_how) == ("alias", "clause", "sentence")
    assert weak_slots(sure) == ()
    weak = figures("全区打造高能级创新平台14个。", DocumentContext("芦淞区", 2024, None, "body"))["14个"]
    assert "indicator" in weak_slots(weak)


def test_the_import_pipeline_reads_the_document_place_from_the_title() -> None:
    text = "株洲市芦淞区科学技术局2024年工作总结\n2024年，全区高新技术企业达到120家。"
    (got,) = text_figures(text)
    assert (got.region, got.indicator, got.year) == ("芦淞区", "高新技术企业数", 2024)
