"""Entity recognition on short texts, the gazetteers, and properties that hold for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import EntityType, Mention
from viewer.text.entities import (
    EntityContext,
    _select,
    _with_repeats,
    entity_aliases,
    entity_code,
    find_mentions,
)
from viewer.text.entity_common import Candidate
from viewer.text.places import read_places

YIYANG = EntityContext("益阳市")
ZHUZHOU = EntityContext("株洲市")


def found(text: str, context: EntityContext = ZHUZHOU) -> set[tuple[str, str, str]]:
    return {(m.text, m.type, m.canonical) for m in find_mentions(text, context)}


def test_city_short_name_resolves_to_the_official_name() -> None:
    assert ("株洲", EntityType.PLACE, "株洲市") in found("科技创新已然成为株洲的核心优势。")


def test_relative_department_follows_the_documents_city() -> None:
    text = "市科技局深入推进温暖企业行动。"
    assert ("市科技局", EntityType.ORG, "益阳市科学技术局") in found(text, YIYANG)
    assert ("市科技局", EntityType.ORG, "株洲市科学技术局") in found(text, ZHUZHOU)


def test_explicit_department_and_provincial_department() -> None:
    mentions = found("常德市科技局和省科技厅一行来株调研。")
    assert ("常德市科技局", EntityType.ORG, "常德市科学技术局") in mentions
    assert ("省科技厅", EntityType.ORG, "湖南省科学技术厅") in mentions


def test_party_committee_and_government() -> None:
    mentions = found("市委、市政府制定实施一系列政策。")
    assert ("市委", EntityType.ORG, "中共株洲市委员会") in mentions
    assert ("市政府", EntityType.ORG, "株洲市人民政府") in mentions


def test_org_alias_from_gazetteer() -> None:
    assert ("中车株洲所", EntityType.ORG, "中车株洲电力机车研究所有限公司") in found("中车株洲所等单位11人入选。")
    assert "中车株洲所" in entity_aliases("中车株洲电力机车研究所有限公司", EntityType.ORG)


def test_suffix_rule_finds_unlisted_organisations() -> None:
    mentions = found("吴振一行参观了株洲齿轮有限责任公司、长沙星辰材料研究院等企业。")
    assert ("株洲齿轮有限责任公司", EntityType.ORG, "株洲齿轮有限责任公司") in mentions
    assert ("长沙星辰材料研究院", EntityType.ORG, "长沙星辰材料研究院") in mentions


def test_company_without_place_name() -> None:
    text = "玖龙纸业(湖北)有限公司等28家企业纳入名单。"
    assert ("玖龙纸业(湖北)有限公司", EntityType.ORG, "玖龙纸业(湖北)有限公司") in found(text)


def test_zones_get_one_canonical_name() -> None:
    first = found("株洲高新区跻身全国前列,攸县高新区获评第35名。")
    second = found("围绕市高新区双创平台建设。")
    assert ("株洲高新区", EntityType.PLACE, "株洲高新技术产业开发区") in first
    assert ("攸县高新区", EntityType.PLACE, "攸县高新技术产业开发区") in first
    assert ("市高新区", EntityType.PLACE, "株洲高新技术产业开发区") in second
    jingzhou = found("荆州经开区等县市区。", EntityContext("荆州市"))
    assert ("荆州经开区", EntityType.PLACE, "荆州经济技术开发区") in jingzhou


def test_policy_titles_and_newspapers() -> None:
    mentions = found("率先出台《株洲市促进科技成果转化实施办法》,在《科技日报》刊发。")
    assert ("《株洲市促进科技成果转化实施办法》", EntityType.POLICY, "株洲市促进科技成果转化实施办法") in mentions
    assert ("《科技日报》", EntityType.ORG, "科技日报") in mentions


def test_quoted_policy_short_form_links_to_the_full_title() -> None:
    mentions = found("制定实施“创新10条”“促进科技成果转化实施办法”等政策。")
    assert ("创新10条", EntityType.POLICY, "创新10条") in mentions
    assert ("促进科技成果转化实施办法", EntityType.POLICY, "株洲市促进科技成果转化实施办法") in mentions


def test_programmes() -> None:
    mentions = found("实施高新技术企业“春晓”行动,推进百项科技成果转化工程和芙蓉人才行动计划。")
    assert ("“春晓”行动", EntityType.PROGRAMME, "“春晓”行动") in mentions
    assert ("百项科技成果转化工程", EntityType.PROGRAMME, "百项科技成果转化工程") in mentions
    assert ("芙蓉人才行动计划", EntityType.PROGRAMME, "芙蓉人才行动计划") in mentions


def test_people_from_bylines_titles_and_clauses() -> None:
    mentions = found("株洲日报全媒体记者/陈驰\n通讯员/贺莹 卜西敏\n市科技局副局长李黎明说,冯江华先后获得光华工程科技奖。")
    names = {text for text, kind, _ in mentions if kind == EntityType.PERSON}
    assert names == {"陈驰", "贺莹", "卜西敏", "李黎明", "冯江华"}


def test_a_person_found_once_is_marked_everywhere() -> None:
    mentions = find_mentions("座谈会上,吴振介绍了情况。吴振希望深入合作。", ZHUZHOU)
    assert [m.start for m in mentions if m.canonical == "吴振"] == [5, 13]


def test_false_place_hits_are_avoided() -> None:
    text = "开展合作交流,出台北非产业政策,公安局会同财政局,创新驱动设计时速达600公里。"
    kinds = {(m.text, m.type) for m in find_mentions(text, ZHUZHOU)}
    assert not any(kind in (EntityType.PLACE, EntityType.PERSON) for _, kind in kinds), kinds


def test_ambiguous_short_name_prefers_the_documents_city() -> None:
    assert ("资阳", EntityType.PLACE, "资阳区") in found("赫山、资阳两城区", YIYANG)
    assert ("资阳", EntityType.PLACE, "资阳市") in found("赫山、资阳两城区", EntityContext("成都市"))


def test_region_is_inferred_when_unknown() -> None:
    text = "益阳市大力实施创新驱动。益阳高新区发展。市科技局牵头。"
    assert ("市科技局", EntityType.ORG, "益阳市科学技术局") in found(text, EntityContext(None))


def test_entity_code_and_aliases_of_places() -> None:
    assert entity_code("株洲市", EntityType.PLACE) == "430200"
    assert entity_code("湖南省", EntityType.PLACE) == "430000"
    assert entity_code("渌口区", EntityType.PLACE) == "430212"
    assert entity_code("株洲高新技术产业开发区", EntityType.PLACE) is None
    assert entity_code("株洲市", EntityType.ORG) is None
    assert entity_code("不存在市", EntityType.PLACE) is None
    assert "株洲" in entity_aliases("株洲市", EntityType.PLACE)
    assert entity_aliases("无名机构", EntityType.ORG) == []


def test_place_table_covers_provinces_cities_and_hunan_hubei_counties() -> None:
    places = read_places()
    codes = [p.code for p in places]
    assert len(codes) == len(set(codes))
    by_code = {p.code: p for p in places}
    assert all(p.parent in by_code for p in places if p.parent)
    levels = [p.level for p in places]
    assert levels.count("province") == 34
    assert levels.count("city") >= 330
    hunan = [p for p in places if p.level == "county" and p.code.startswith("43")]
    hubei = [p for p in places if p.level == "county" and p.code.startswith("42")]
    assert len(hunan) >= 120 and len(hubei) >= 100
    assert "合作" not in {alias for p in places for alias in (*p.aliases, *p.local_aliases)}


CJK_SAMPLE = "株洲市益阳高新区科技局委省厅中车所湖南工业大学有限公司记者陈驰《》“”行动工程计划等和的、，。 \n/"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(CJK_SAMPLE) | st.characters(), max_size=80), st.sampled_from([None, "株洲市", "益阳市", "湖南省", "不存在"]))
def test_mentions_are_valid_sorted_and_disjoint_for_any_text(text: str, region: str | None) -> None:
    mentions = find_mentions(text, EntityContext(region))
    previous_end = 0
    for mention in mentions:
        assert isinstance(mention, Mention)
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.type in {
            EntityType.PLACE, EntityType.ORG, EntityType.PERSON,
            EntityType.POLICY, EntityType.PROGRAMME, EntityType.INDICATOR,
        }
        assert mention.canonical
        previous_end = mention.end


def _select_by_scanning_spans(candidates: list[Candidate]) -> list[Candidate]:
    """The first form of entities._select: every character of a candidate checked against the chosen."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start))
    taken = bytearray(max((c.end for c in candidates), default=0))
    chosen: list[Candidate] = []
    for candidate in ordered:
        if candidate.end > candidate.start and taken.find(1, candidate.start, candidate.end) < 0:
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


_CANDIDATE = st.builds(
    lambda start, length, rank, name: Candidate(start, start + length, EntityType.ORG, name, rank),
    st.integers(1, 30), st.integers(-1, 9), st.integers(0, 5), st.sampled_from("ab"))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CANDIDATE, max_size=25))
def test_selection_checks_only_the_ends_of_a_span_and_chooses_as_before(candidates):
    assert _select(candidates) == _select_by_scanning_spans(candidates)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CANDIDATE, max_size=20), st.lists(_CANDIDATE, max_size=12), st.lists(st.integers(0, 19), max_size=6))
def test_repeats_reselect_what_they_overlap_as_a_selection_of_all_would(proposed, others, copied):
    chosen = _select(proposed)
    repeats = _select(others + [chosen[i] for i in copied if i < len(chosen)])  # repeats overlap no repeat
    assert _with_repeats(chosen, repeats) == _select(chosen + repeats)
