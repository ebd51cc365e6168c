"""The indicator taxonomy: the shipped file, alias matching and validation.

Sentences here are invented; they exercise general Chinese statistical usage.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.text.indicators import GROUPS, LexiconError, load_lexicon, parse_lexicon


def names(text: str) -> list[str]:
    return [name for _, _, name in load_lexicon().find(text)]


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name in load_lexicon().find(text)]


# ---- the shipped taxonomy ------------------------------------------------------------------


def test_the_taxonomy_is_large_and_every_link_exists() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 150
    for entry in lexicon.entries:
        assert entry.unit_kind in {"money", "percent", "count", "multiple", "physical", "number"}
        for target in (entry.parent, entry.base, entry.denominator):
            if target is not None:
                assert lexicon.get(target) is not None, (entry.name, target)
        if entry.context_aliases:
            assert entry.context is not None, entry.name


def test_every_entry_has_a_definition_and_a_group() -> None:
    for entry in load_lexicon().entries:
        assert entry.definition and "\n" not in entry.definition, entry.name
        assert entry.group in GROUPS, entry.name


def test_every_group_has_entries() -> None:
    per_group = Counter(e.group for e in load_lexicon().entries)
    assert set(per_group) == set(GROUPS)


def test_no_alias_is_shared_by_two_entries_of_one_unit_kind() -> None:
    owners: dict[tuple[str, str], set[str]] = {}
    for entry in load_lexicon().entries:
        for surface in (entry.name, *entry.aliases):
            owners.setdefault((surface, entry.unit_kind), set()).add(entry.name)
    shared = {key: found for key, found in owners.items() if len(found) > 1}
    assert shared == {}


def test_a_ratio_names_its_numerator_and_denominator() -> None:
    lexicon = load_lexicon()
    for name, base, denominator in [
        ("研发经费投入强度", "研发经费投入", "地区生产总值"),
        ("高新技术产业增加值占规上工业增加值比重", "高新技术产业增加值", "规上工业增加值"),
        ("高新技术产业增加值占GDP比重", "高新技术产业增加值", "地区生产总值"),
        ("规上工业企业研发经费占营业收入比重", "规上工业企业研发经费", "规上工业企业营业收入"),
        ("财政科技支出占财政支出比重", "财政科技支出", "一般公共预算支出"),
        ("技术合同成交额占GDP比重", "技术合同成交额", "地区生产总值"),
        ("基础研究经费占研发经费比重", "基础研究经费", "研发经费投入"),
    ]:
        entry = lexicon.get(name)
        assert entry is not None and (entry.base, entry.denominator) == (base, denominator), name
    per_capita = lexicon.get("每万人口高价值发明专利拥有量")
    assert per_capita is not None and per_capita.denominator == "常住人口"
    assert per_capita.base is None  # its growth rate is its own, not its numerator's


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("国家级科技创新平台数", "科技创新平台数"),
        ("发明专利授权量", "专利授权量"),
        ("发明专利申请量", "专利申请量"),
        ("规上工业企业研发经费", "研发经费投入"),
        ("全国重点实验室数", "重点实验室数"),
        ("省级重点实验室数", "重点实验室数"),
        ("国家级科技企业孵化器数", "科技企业孵化器数"),
        ("省级新型研发机构数", "新型研发机构数"),
        ("专精特新小巨人企业数", "专精特新中小企业数"),
        ("科创板上市企业数", "上市企业数"),
        ("市级财政科技支出", "财政科技支出"),
    ],
)
def test_a_sub_measure_is_its_own_entry_under_its_parent(child: str, parent: str) -> None:
    lexicon = load_lexicon()
    assert lexicon.is_within(child, parent)
    assert not lexicon.is_within(parent, child)


def test_the_measures_reports_use_are_covered() -> None:
    lexicon = load_lexicon()
    required = [
        "研发经费投入", "研发经费投入强度", "规上工业企业研发经费", "基础研究经费", "基础研究经费占研发经费比重",
        "企业研发经费投入", "规上工业企业研发经费占营业收入比重", "有研发活动的规上工业企业占比",
        "企业研发机构数", "高新技术产业增加值", "高新技术产业产值", "高新技术产业投资",
        "高新技术产业增加值占规上工业增加值比重", "高新技术产业增加值占GDP比重",
        "高新技术产业投资占固定资产投资比重", "战略性新兴产业增加值", "战略性新兴产业增加值占GDP比重",
        "高技术制造业增加值", "高技术制造业增加值占规上工业增加值比重", "数字经济核心产业增加值",
        "数字经济核心产业增加值占GDP比重", "数字经济规模", "专利申请量", "专利授权量", "发明专利申请量",
        "发明专利授权量", "有效发明专利数", "每万人口发明专利拥有量", "每万人口高价值发明专利拥有量",
        "PCT国际专利申请量", "有效注册商标量", "知识产权质押融资额", "技术合同成交额", "技术合同成交额占GDP比重",
        "技术合同登记数", "吸纳技术合同成交额", "输出技术合同成交额", "高新技术企业数", "科技型中小企业数",
        "专精特新中小企业数", "专精特新小巨人企业数", "瞪羚企业数", "独角兽企业数", "科技领军企业数",
        "上市企业数", "科创板上市企业数", "全国重点实验室数", "省级重点实验室数", "国家工程技术研究中心数",
        "省级工程技术研究中心数", "国家技术创新中心数", "省级技术创新中心数", "国家企业技术中心数",
        "省级企业技术中心数", "新型研发机构数", "省级新型研发机构数", "院士工作站数", "博士后科研工作站数",
        "产业技术研究院数", "科技企业孵化器数", "国家级科技企业孵化器数", "省级科技企业孵化器数", "众创空间数",
        "国家级众创空间数", "省级众创空间数", "星创天地数", "国家级星创天地数", "省级星创天地数", "大学科技园数",
        "研发人员数", "研发人员全时当量", "每万名就业人员中研发人员数", "高层次人才数", "科技特派员数",
        "财政科技支出", "财政科技支出占财政支出比重", "市级财政科技支出", "区级财政科技支出",
        "科技成果转化项目数", "科技成果转化金额", "科技成果登记数", "科普经费", "科普基地数",
        "公民具备科学素质的比例", "地区生产总值", "人均地区生产总值", "规上工业增加值", "一般公共预算收入",
        "一般公共预算支出", "固定资产投资", "社会消费品零售总额", "进出口总额", "居民人均可支配收入",
        "城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇新增就业人数", "居民消费价格指数",
        "实际使用外资", "工业投资", "制造业增加值", "制造业增加值占GDP比重", "服务业增加值", "服务业增加值占GDP比重",
    ]
    assert [name for name in required if lexicon.get(name) is None] == []


def test_core_marks_the_core_s_and_t_indicators_only() -> None:
    lexicon = load_lexicon()
    core = {e.name for e in lexicon.entries if e.core}
    assert {
        "研发经费投入", "研发经费投入强度", "规上工业企业研发经费", "规上工业企业研发经费占营业收入比重",
        "高新技术企业数", "科技型中小企业数", "高新技术产业增加值", "高新技术产业增加值占GDP比重",
        "高新技术产业增加值占规上工业增加值比重", "高新技术产业产值", "高新技术产业投资", "专利授权量",
        "发明专利授权量", "每万人口高价值发明专利拥有量", "技术合同成交额", "研发人员数", "财政科技支出",
        "财政科技支出占财政支出比重",
    } <= core
    assert not core & {"地区生产总值", "一般公共预算收入", "众创空间数", "科普经费", "科技特派员数"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("研发经费支出", "研发经费投入"),
        ("研发投入强度", "研发经费投入强度"),
        ("万人发明专利拥有量", "每万人口发明专利拥有量"),
        ("财政科技投入", "财政科技支出"),
        ("科技创新对经济贡献率", "科技进步贡献率"),
        ("知识价值信用贷款", "知识价值信用贷款额"),
        ("规上工业企业有研发活动占比", "有研发活动的规上工业企业占比"),
    ],
)
def test_a_renamed_indicator_keeps_its_old_name_as_an_alias(old: str, new: str) -> None:
    assert load_lexicon().get(old) is None
    assert names(f"今年{old}继续提高") == [new]


# ---- matching ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("研发投入强度", "研发经费投入强度"),
        ("研发经费投入占GDP比重", "研发经费投入强度"),
        ("R&D经费支出占GDP比重", "研发经费投入强度"),
        ("全社会研发经费支出", "研发经费投入"),
        ("R&D经费", "研发经费投入"),
        ("高新技术企业数", "高新技术企业数"),
        ("高企数", "高新技术企业数"),
        ("有效高企数", "高新技术企业数"),
        ("每万人发明专利拥有量", "每万人口发明专利拥有量"),
        ("每万人拥有有效发明专利", "每万人口发明专利拥有量"),
        ("技术合同交易额", "技术合同成交额"),
        ("技术合同登记额", "技术合同成交额"),
        ("技术合同认定登记额", "技术合同成交额"),
        ("技术交易额", "技术合同成交额"),
        ("规模以上工业企业研发经费", "规上工业企业研发经费"),
        ("评价入库科技型中小企业", "科技型中小企业数"),
        ("国家重点实验室", "全国重点实验室数"),
        ("规模以上工业增加值", "规上工业增加值"),
        ("社零总额", "社会消费品零售总额"),
        ("地方一般公共预算收入", "一般公共预算收入"),
    ],
)
def test_aliases_map_to_one_series(surface: str, canonical: str) -> None:
    assert names(f"今年{surface}继续提高") == [canonical]


def test_invention_patents_are_not_all_patents() -> None:
    text = "全年专利授权量5200件，其中发明专利授权量1300件；发明专利申请量2100件，专利申请量9000件。"
    assert spans(text) == [
        ("专利授权量", "专利授权量"),
        ("发明专利授权量", "发明专利授权量"),
        ("发明专利申请量", "发明专利申请量"),
        ("专利申请量", "专利申请量"),
    ]
    assert names("有效发明专利3100件，每万人口发明专利拥有量12件，每万人口高价值发明专利拥有量5件") == [
        "有效发明专利数", "每万人口发明专利拥有量", "每万人口高价值发明专利拥有量",
    ]


def test_a_share_of_industry_is_not_a_share_of_gdp() -> None:
    text = "高新技术产业增加值占规上工业增加值比重达45%，高新技术产业增加值占GDP比重达22%。"
    assert spans(text) == [
        ("高新技术产业增加值占规上工业增加值比重", "高新技术产业增加值占规上工业增加值比重"),
        ("高新技术产业增加值占GDP比重", "高新技术产业增加值占GDP比重"),
    ]
    text = "高技术制造业增加值占规模以上工业增加值的比重为16%。"
    assert names(text) == ["高技术制造业增加值占规上工业增加值比重"]


def test_company_r_and_d_is_not_all_r_and_d() -> None:
    text = "全社会研发经费投入86亿元，规模以上工业企业研发经费61亿元，基础研究经费3亿元。"
    assert names(text) == ["研发经费投入", "规上工业企业研发经费", "基础研究经费"]
    text = "规上工业企业研发费用占营业收入比重2.1%，规上工业企业研发经费投入强度1.8%。"
    assert names(text) == ["规上工业企业研发费用占营业收入比重", "规上工业企业研发经费占营业收入比重"]


def test_a_level_is_not_all_levels() -> None:
    text = "新增省级以上科技企业孵化器5家、国家级众创空间2家、省级新型研发机构3家、众创空间12家。"
    assert names(text) == ["省级以上科技企业孵化器数", "国家级众创空间数", "省级新型研发机构数", "众创空间数"]


def test_longest_alias_wins_and_spans_are_exact() -> None:
    text = "全社会研发投入强度达到3%，研发投入增长"
    found = load_lexicon().find(text)
    assert [(text[s:e], n) for s, e, n in found] == [
        ("全社会研发投入强度", "研发经费投入强度"),
        ("研发投入", "研发经费投入"),
    ]


def test_context_alias_needs_its_anchor_in_the_text() -> None:
    lexicon = load_lexicon()
    hits = lexicon.find_context("占GDP比重达到2%")
    assert {e.name for e in hits[0].candidates} >= {"研发经费投入强度", "高新技术产业增加值占GDP比重"}
    assert lexicon.find("占GDP比重达到2%") == []


def test_a_ratio_phrase_is_not_a_mention_of_its_denominator() -> None:
    lexicon = load_lexicon()
    text = "高新技术产业增加值410亿元，占地区生产总值比重24%；地区生产总值1700亿元。"
    found = lexicon.find(text)
    assert [(text[s:e], n) for s, e, n in found] == [
        ("高新技术产业增加值", "高新技术产业增加值"),
        ("地区生产总值", "地区生产总值"),
    ]
    assert [h.surface for h in lexicon.find_context(text, found)] == ["占地区生产总值比重"]
    assert names("单位GDP能耗下降3%，GDP增长6%") == ["单位地区生产总值能耗", "地区生产总值"]


def test_finding_twice_in_one_text_gives_the_same_fresh_list() -> None:
    lexicon = load_lexicon()
    text = "全年技术合同成交额120亿元，技术合同登记数1500项。"
    first = lexicon.find(text)
    first.clear()
    assert lexicon.find(text) == lexicon.find("".join([text])) == [
        (2, 9, "技术合同成交额"), (15, 22, "技术合同登记数"),
    ]


def test_a_shared_level_word_prefers_the_most_specific_anchor() -> None:
    lexicon = load_lexicon()
    hit = lexicon.find_context("重点实验室12家，其中国家级3家", lexicon.find("重点实验室12家，其中国家级3家"))[0]
    anchored = [e.name for e in hit.candidates if lexicon.is_within("重点实验室数", e.context or "")]
    assert anchored[0] == "全国重点实验室数"
    hit = lexicon.find_context("科技创新平台80家，其中国家级9家")[0]
    anchored = [e.name for e in hit.candidates if lexicon.is_within("科技创新平台数", e.context or "")]
    assert anchored == ["国家级科技创新平台数"]
    assert lexicon.level_of("科技企业孵化器数", "省级") == lexicon.get("省级科技企业孵化器数")
    assert lexicon.level_of("研发经费投入", "国家级") is None


def test_a_count_and_an_amount_share_words_only_across_unit_kinds() -> None:
    lexicon = load_lexicon()
    assert {e.unit_kind for e in lexicon.candidates("科技成果转化")} == {"count", "money"}


def test_a_reviewer_adds_an_indicator_without_code(tmp_path: Path) -> None:
    path = tmp_path / "indicators.toml"
    path.write_text(
        '[[indicator]]\nname = "孵化器面积"\nunit_kind = "physical"\ngroup = "平台载体"\n'
        'definition = "孵化器的场地面积"\naliases = ["孵化面积"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    assert lexicon.find("孵化面积达10万平方米") == [(0, 4, "孵化器面积")]
    entry = lexicon.get("孵化器面积")
    assert entry is not None and (entry.group, entry.core, entry.denominator) == ("平台载体", False, None)
    assert load_lexicon(path) is lexicon  # cached


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"indicator": [{"unit_kind": "count"}]}, "no name"),
        ({"indicator": [{"name": "A", "unit_kind": "apples"}]}, "unit_kind"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "parent": "B"}]}, "'A': parent 'B' is not in the lexicon"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "context_aliases": ["x"]}]}, "need a parent"),
        ({"indicator": [{"name": "A", "unit_kind": "count"}, {"name": "A", "unit_kind": "money"}]}, "unique"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "aliases": "A1"}]}, "list"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "group": "其他"}]}, "'A': group '其他' is not one of"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "core": "yes"}]}, "'A': core must be true or false"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "definition": "x\ny"}]}, "'A': definition must be one line"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "definition": 3}]}, "'A': definition must be a non-empty"),
        ({"indicator": [{"name": "A", "unit_kind": "percent", "denominator": "GDP"}]},
         "'A': denominator 'GDP' is not in the lexicon"),
        ({"indicator": [{"name": "A", "unit_kind": "money"},
                        {"name": "B", "unit_kind": "percent", "base": "A", "denominator": "A"}]},
         "'B': base and denominator"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "parent": "A"}]}, "'A': parent names the indicator itself"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "parent": "B"},
                        {"name": "B", "unit_kind": "count", "parent": "A"}]}, "parents loop"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "denominater": "B"}]}, "'A': unknown key"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "aliases": ["专利"]},
                        {"name": "B", "unit_kind": "count", "aliases": ["专利"]}]},
         "'B': alias '专利' is also given to 'A'"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "aliases": ["省级"]},
                        {"name": "B", "unit_kind": "count", "parent": "A", "context_aliases": ["省级"]}]},
         "'B': context alias '省级' is also an ordinary alias"),
    ],
)
def test_malformed_lexicon_is_rejected_with_a_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_lexicon(data)


def test_two_unit_kinds_may_share_an_alias() -> None:
    lexicon = parse_lexicon({"indicator": [
        {"name": "转化项目数", "unit_kind": "count", "aliases": ["成果转化"]},
        {"name": "转化金额", "unit_kind": "money", "aliases": ["成果转化"]},
    ]})
    assert [e.name for e in lexicon.candidates("成果转化")] == ["转化项目数", "转化金额"]


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[indicator]\nname=", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.toml"):
        load_lexicon(path)


def test_a_bad_entry_names_the_file_and_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[indicator]]\nname = "A"\nunit_kind = "count"\ngroup = "杂项"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.toml: indicator 'A': group"):
        load_lexicon(path)


_PARTS = ["研发", "投入", "强度", "高企", "数", "技术合同", "成交额", "占GDP比重", "GDP", "占", "比重", "，", "达",
          "规上工业增加值", "发明", "专利授权量", "其中", "国家级"]


@given(st.lists(st.sampled_from(_PARTS), max_size=12))
def test_matches_are_those_of_a_longest_first_alternation(parts: list[str]) -> None:
    """Ordinary mentions are a longest-first alternation's matches, less those inside a longer
    context form (GDP in 占GDP比重)."""
    lexicon = load_lexicon()
    text = "".join(parts)

    def alternation(surfaces: set[str]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(surfaces, key=lambda s: (-len(s), s)))))

    ordinary = alternation({s for e in lexicon.entries for s in (e.name, *e.aliases)})
    context = [m.span() for m in alternation({s for e in lexicon.entries for s in e.context_aliases}).finditer(text)]
    expected = [
        m.span() for m in ordinary.finditer(text)
        if not any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in context)
    ]
    assert [(s, e) for s, e, _ in lexicon.find(text)] == expected
