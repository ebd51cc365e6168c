"""The place gazetteer: divisions, labels, local aliases, zones and areas, on invented sentences."""

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from tests.text.test_word_matcher import WORDS
from viewer.text.places import Place, PlaceTable, place_table, places_named, read_places


@given(WORDS, st.text(alphabet="株洲市醴陵区县ab", max_size=30))
def test_find_matches_like_a_longest_first_alternation(words: list[str], text: str) -> None:
    surfaces = [w for w in words if len(w) >= 2]
    table = PlaceTable([Place(f"Y{i}", w, "city", "", ()) for i, w in enumerate(surfaces)])
    alternation = re.compile("|".join(map(re.escape, sorted(surfaces, key=len, reverse=True)))) if surfaces else None
    expected = [m.span() for m in alternation.finditer(text)] if alternation else []
    assert [(m.start, m.end) for m in table.find(text)] == expected


def labels(text: str, context: str | None = None) -> list[str]:
    table = place_table()
    place = table.lookup_label(context) if context else None
    return [m.place.label for m in table.find(text, place)]


def test_places_resolve_aliases_and_parents() -> None:
    table = place_table()
    found = {(m.surface, m.place.name) for m in table.find("株洲市醴陵市和益阳的赫山区，荆州")}
    assert {("株洲市", "株洲市"), ("醴陵市", "醴陵市"), ("益阳", "益阳市"), ("赫山区", "赫山区"), ("荆州", "荆州市")} <= found
    liling = table.lookup("醴陵市")
    assert liling is not None and liling.code == "430281" and liling.kind == "县级市"
    city = table.city_of(liling)
    assert city is not None and city.name == "株洲市"


def test_the_table_has_every_level_with_unique_codes_and_labels() -> None:
    places = read_places()
    assert len({p.code for p in places}) == len(places)
    assert len({p.label for p in places}) == len(places)
    levels = Counter(p.level for p in places)
    assert levels["country"] == 1 and levels["province"] == 34
    assert levels["city"] >= 330 and levels["county"] >= 2800
    assert levels["zone"] >= 450 and levels["area"] >= 15
    table = place_table()
    assert all(p.parent in table.by_code for p in places if p.parent)
    assert all(m in table.by_code for p in places for m in p.members)
    kinds = Counter(p.kind for p in places)
    assert kinds["国家级新区"] == 19 and kinds["自贸试验区"] == 22
    assert kinds["国家级高新区"] >= 170 and kinds["国家级经开区"] >= 225


def test_a_county_is_found_by_its_full_name_anywhere_and_by_its_short_form_in_its_own_province() -> None:
    sentence = "镇海的石化企业与北仑港区协同，镇海区新增研发机构三家。"
    assert labels(sentence) == ["镇海区"]  # no document place: only the full name
    assert labels(sentence, "宁波市") == ["镇海区", "北仑区", "镇海区"]
    assert labels(sentence, "浙江省") == ["镇海区", "北仑区", "镇海区"]
    assert labels(sentence, "江苏省") == ["镇海区"]  # another province: the short forms are not places


def test_an_ambiguous_short_form_names_the_district_of_the_documents_city() -> None:
    sentence = "鼓楼片区集聚了一批研发机构。"
    assert labels(sentence, "南京市") == ["南京市鼓楼区"]
    assert labels(sentence, "徐州市") == ["徐州市鼓楼区"]
    assert labels(sentence, "江苏省") == []  # two 鼓楼区 in the province: no guess
    assert labels(sentence, "福州市") == ["福州市鼓楼区"]


def test_ambiguous_names_get_unique_labels_and_the_context_chooses() -> None:
    table = place_table()
    gulou = [p for p in table.places if p.name == "鼓楼区"]
    assert len(gulou) >= 3
    assert {"南京市鼓楼区", "福州市鼓楼区"} <= {p.label for p in gulou}
    assert table.lookup_label("福州市鼓楼区") in gulou
    match = table.find("鼓楼区科技型企业增长较快", table.lookup_label("福州市"))[0]
    assert match.place.label == "福州市鼓楼区" and len(match.candidates) == len(gulou)
    assert [m.place.label for m in table.find("南京市鼓楼区和福州市鼓楼区")] == ["南京市鼓楼区", "福州市鼓楼区"]


def test_a_municipality_district_has_the_municipality_as_parent() -> None:
    table = place_table()
    haidian = table.lookup("海淀区")
    beijing = table.lookup("北京市")
    assert haidian is not None and beijing is not None
    assert table.parent(haidian) == beijing and beijing.kind == "直辖市"
    assert table.province_of(haidian) == beijing
    assert [p.code for p in table.ancestors(haidian)] == ["110000", "100000"]
    xiantao = table.lookup("仙桃市")
    assert xiantao is not None and xiantao.parent == "420000" and xiantao.kind == "县级市"
    jiyuan = table.lookup("济源市")
    assert jiyuan is not None and jiyuan.parent == "410000"


def test_kinds_of_divisions() -> None:
    table = place_table()
    expected = {
        "广西壮族自治区": "自治区", "香港特别行政区": "特别行政区", "湘西土家族苗族自治州": "自治州",
        "兴安盟": "盟", "阿克苏地区": "地区", "江华瑶族自治县": "自治县", "神农架林区": "林区",
        "六枝特区": "特区", "鄂温克族自治旗": "自治旗", "准格尔旗": "旗", "芙蓉区": "市辖区", "攸县": "县",
    }
    assert {name: getattr(table.lookup(name), "kind", None) for name in expected} == expected


def test_zones_are_found_with_their_kind_and_parent() -> None:
    table = place_table()
    found = table.find("张江高新区与苏州工业园、两江新区签约；宁波温州国家自主创新示范区的温州片同步推进。")
    by_surface = {m.surface: m.place for m in found}
    assert by_surface["张江高新区"].kind == "国家级高新区"
    assert by_surface["苏州工业园"].label == "苏州工业园区" and by_surface["苏州工业园"].kind == "国家级经开区"
    assert by_surface["两江新区"].kind == "国家级新区"
    assert by_surface["宁波温州国家自主创新示范区"].kind == "自创区"
    suzhou, chongqing = table.lookup("苏州市"), table.lookup("重庆市")
    assert suzhou is not None and chongqing is not None
    assert table.city_of(by_surface["苏州工业园"]) == suzhou
    assert table.province_of(by_surface["两江新区"]) == chongqing


def test_a_demonstration_zone_has_its_parts_as_members() -> None:
    table = place_table()
    both = table.lookup("宁波温州国家自主创新示范区")
    wenzhou_part = table.lookup("温州自创区")
    wenzhou = table.lookup("温州市")
    hitech = table.lookup("温州高新区")
    assert both is not None and wenzhou_part is not None and wenzhou is not None and hitech is not None
    assert wenzhou_part.code in both.members
    assert table.contains(both, wenzhou_part) and table.contains(both, hitech)
    assert table.city_of(wenzhou_part) == wenzhou
    assert not table.contains(wenzhou_part, wenzhou)  # the zone lies in the city, not the other way
    changzhutan = table.lookup("长株潭自创区")
    zhuzhou_hitech = table.lookup("株洲高新区")
    assert changzhutan is not None and zhuzhou_hitech is not None
    assert table.contains(changzhutan, zhuzhou_hitech)


def test_zones_of_a_city_and_places_of_a_kind() -> None:
    table = place_table()
    zhuzhou = table.lookup("株洲市")
    assert zhuzhou is not None
    assert [z.label for z in table.zones_of(zhuzhou, "国家级高新区")] == ["株洲高新技术产业开发区"]
    assert "攸县高新技术产业开发区" in {z.label for z in table.zones_of(zhuzhou)}
    assert len(table.places_of_kind("自贸试验区")) == 22
    hunan = table.lookup("湖南省")
    assert hunan is not None
    assert "中国(湖南)自由贸易试验区" in {z.name for z in table.zones_of(hunan, "自贸试验区")}


def test_areas_are_found_and_contain_their_members() -> None:
    table = place_table()
    found = {m.surface: m.place for m in table.find("成渝地区双城经济圈和长三角、京津冀、粤港澳大湾区协同创新。")}
    assert {p.level for p in found.values()} == {"area"}
    bay = found["粤港澳大湾区"]
    shenzhen, nanshan, hongkong = table.lookup("深圳市"), table.lookup("深圳市南山区"), table.lookup("香港")
    assert shenzhen is not None and nanshan is not None and hongkong is not None
    assert table.contains(bay, shenzhen) and table.contains(bay, nanshan) and table.contains(bay, hongkong)
    assert not table.contains(bay, table.lookup("汕头市") or bay)
    yangtze = found["长三角"]
    hefei = table.lookup("合肥市")
    assert hefei is not None and table.contains(yangtze, hefei)
    metro = table.lookup("长株潭都市圈")
    liling, youxian = table.lookup("醴陵市"), table.lookup("攸县")
    assert metro is not None and liling is not None and youxian is not None
    assert table.contains(metro, liling) and not table.contains(metro, youxian)
    assert table.province_of(metro) == table.lookup("湖南省")
    assert table.province_of(bay) is None


def test_the_country_is_a_place_but_not_an_entity_surface() -> None:
    table = place_table()
    country = table.country()
    assert country is not None and country.label == "全国" and country.level == "country"
    assert [m.place for m in table.find("我国研发投入稳步增长")] == [country]
    assert places_named("全国") == () and places_named("长江经济带") == ()
    haidian = table.lookup("海淀区")
    assert haidian is not None and table.contains(country, haidian)


def test_ordinary_words_are_not_places() -> None:
    assert [m.surface for m in place_table().find("加强合作，会同公安部门")] == []
    prose = (
        "坚持绿水青山就是金山银山，推进和平发展与开放合作，打通创新通道，"
        "培育新兴产业，振兴县域经济，创建国家创新型示范县，提高县级财政科技投入，"
        "形成东方明珠般的港口区域优势，中心城区和郊区、矿区协调发展，比如资源综合利用。"
    )
    assert labels(prose) == []
    assert labels(prose, "武汉市") == []  # 青山 is not 青山区 even in Wuhan
    assert labels(prose, "阳泉市") == []  # 城区, 郊区, 矿区 are words even in Yangquan
    assert labels("阳泉市城区新增高新技术企业", None) == ["阳泉市城区"]


def test_a_word_before_a_place_name_can_block_it() -> None:
    assert labels("搭建平台北侧新建研发楼") == []
    assert labels("台北市", None) == ["台北市"]


def test_existing_codes_names_and_aliases_are_kept() -> None:
    table = place_table()
    for surface, code in (("株洲", "430200"), ("渌口区", "430212"), ("赫山", "430903"), ("沅江", "430981"),
                          ("东湖高新区", "Z420100-01"), ("株洲高新区", "Z430200-01"), ("麓谷", "Z430100-01")):
        place = table.lookup(surface)
        assert place is not None and place.code == code, surface


def test_names_inside_common_phrases_are_not_places() -> None:
    assert labels("主动适应城市发展阶段，深入推广水土保持经验") == []
    assert labels("创建乡村振兴示范县两个", "濮阳市") == []
    assert labels("范县新增科技型中小企业", "濮阳市") == ["范县"]
