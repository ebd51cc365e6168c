"""Entities no list names: each rule of the pattern recognisers on invented sentences.

Organisations by suffix and body (entity_orgs, entity_bodies), government bodies of the
document's place (entity_departments), academy institutes' short forms (entity_abbrev), awards
(entity_awards), named documents without 《》 (entity_documents), quoted and named programmes
(entity_titles) and people (entity_people). Every sentence here is made up for the test.
"""

from __future__ import annotations

from viewer.model import EntityType
from viewer.text.entities import EntityContext, find_mentions
from viewer.text.entity_abbrev import abbreviates, resolve

ZHUZHOU = EntityContext("株洲市")
ORG, PLACE, PROGRAMME, POLICY, PERSON = (
    EntityType.ORG, EntityType.PLACE, EntityType.PROGRAMME, EntityType.POLICY, EntityType.PERSON,
)


def found(text: str, context: EntityContext = ZHUZHOU) -> set[tuple[str, str, str]]:
    return {(m.text, m.type, m.canonical) for m in find_mentions(text, context)}


def of_type(text: str, kind: str, context: EntityContext = ZHUZHOU) -> set[str]:
    return {m.text for m in find_mentions(text, context) if m.type == kind}


# Organisations by suffix, without a list


def test_a_place_word_before_a_suffix_makes_a_name() -> None:
    assert "湘江实验室" in of_type("今年依托湘江实验室开展联合攻关。", ORG)


def test_characters_jieba_does_not_know_make_a_coined_name() -> None:
    text = "园区引进了瑞鸿孵化器、拓芯众创空间等载体。"
    assert {"瑞鸿孵化器", "拓芯众创空间"} <= of_type(text, ORG)


def test_the_clause_verb_is_not_part_of_the_name() -> None:
    assert of_type("年内组建湘江数据集团，完成湘潭银行改制。", ORG) == {"湘江数据集团", "湘潭银行"}


def test_kinds_of_body_are_not_organisations() -> None:
    text = "新增省级重点实验室3家、国家级企业技术中心2家，加快建设国际科技创新中心和科技企业孵化器。"
    assert of_type(text, ORG) == set()


def test_counted_bodies_are_kinds_not_names() -> None:
    assert of_type("全省已布局5个湖南实验室，新增湖南实验室2家。", ORG) == set()


def test_a_distinctive_middle_names_the_kin_of_an_organisation() -> None:
    text = "长沙华宇理工大学开工建设。华宇理工高等研究院获批新型研发机构。"
    assert {"长沙华宇理工大学", "华宇理工高等研究院"} <= of_type(text, ORG)
    assert "高新技术研究院" not in of_type("株洲高新技术产业园区建设加快，高新技术研究院成立。", ORG)


def test_research_bases_after_a_place() -> None:
    assert "株洲市新材料产学研基地" in of_type("建成株洲市新材料产学研基地,集聚企业20家。", ORG)


def test_sub_organisation_of_a_company_keeps_its_parent() -> None:
    assert "中石化株洲新材料研究院" in of_type("推动中石化株洲新材料研究院建设。", ORG)


def test_a_short_alias_cut_out_of_two_words_is_not_an_organisation() -> None:
    assert of_type("万华科威特石化项目、苏浙大宗商品市场建设。", ORG) == set()


# Government bodies of the document's place


def test_a_district_body_carries_its_city() -> None:
    assert ("芦淞区科技局", ORG, "株洲市芦淞区科学技术局") in found("芦淞区科技局召开会议。")
    assert ("攸县科技局", ORG, "攸县科学技术局") in found("攸县科技局召开会议。")


def test_a_bare_district_body_resolves_to_the_documents_district() -> None:
    text = "2023年,区科技局牵头推进创新工作。"
    assert ("区科技局", ORG, "株洲市芦淞区科学技术局") in found(text, EntityContext("芦淞区"))
    assert ("区科技局", ORG, "株洲市芦淞区科学技术局") in found(text, EntityContext("株洲市芦淞区"))
    assert "区科技局" not in of_type(text, ORG, ZHUZHOU)  # which district is not known


def test_a_bare_district_body_resolves_through_the_full_name_in_the_same_document() -> None:
    text = "株洲市芦淞区科学技术局\n一年来,区科技局深入推进改革。"
    assert ("区科技局", ORG, "株洲市芦淞区科学技术局") in found(text)


def test_a_county_missing_from_the_place_table_after_its_city() -> None:
    text = "株洲市青云区科学技术局印发通知,区科技局负责解释。"
    mentions = found(text)
    assert ("株洲市青云区科学技术局", ORG, "株洲市青云区科学技术局") in mentions
    assert ("区科技局", ORG, "株洲市青云区科学技术局") in mentions


def test_a_zone_body_is_not_the_districts() -> None:
    text = "株洲市芦淞区科学技术局与高新区科技局联合发文。"
    assert not any(m.canonical.endswith("芦淞区科学技术局") and m.start > 12 for m in find_mentions(text, ZHUZHOU))


def test_cppcc_committees_and_their_organs() -> None:
    mentions = found("湖南省政协调研组来株调研,省政协提案委员会副主任刘晓出席。")
    assert ("湖南省政协", ORG, "中国人民政治协商会议湖南省委员会") in mentions
    assert ("省政协提案委员会", ORG, "湖南省政协提案委员会") in mentions


def test_party_science_commission() -> None:
    mentions = found("市委科创委召开全体会议,市科创委办公室具体落实。")
    assert ("市委科创委", ORG, "中共株洲市委科技创新委员会") in mentions
    assert ("市科创委", ORG, "中共株洲市委科技创新委员会") in mentions


def test_provincial_bureaus_exist_where_no_department_replaces_them() -> None:
    mentions = found("省统计局、省科技厅联合发布,省科技局一词并不存在。")
    assert ("省统计局", ORG, "湖南省统计局") in mentions
    assert ("省科技厅", ORG, "湖南省科学技术厅") in mentions
    assert not any(text == "省科技局" for text, _, _ in mentions)


def test_more_standard_departments() -> None:
    mentions = found("市经信局、市文旅局和市医保局会同株洲市国资委开展检查。")
    assert ("市经信局", ORG, "株洲市经济和信息化局") in mentions
    assert ("市文旅局", ORG, "株洲市文化和旅游局") in mentions
    assert ("市医保局", ORG, "株洲市医疗保障局") in mentions
    assert ("株洲市国资委", ORG, "株洲市国有资产监督管理委员会") in mentions


def test_national_bodies_and_zone_committees() -> None:
    mentions = found("国务院批复同意,工信部、国家发改委支持,株洲高新区管委会和市高新区管委会负责实施。")
    assert ("国务院", ORG, "中华人民共和国国务院") in mentions
    assert ("工信部", ORG, "中华人民共和国工业和信息化部") in mentions
    assert ("国家发改委", ORG, "中华人民共和国国家发展和改革委员会") in mentions
    assert ("株洲高新区管委会", ORG, "株洲高新技术产业开发区管理委员会") in mentions
    assert ("市高新区管委会", ORG, "株洲高新技术产业开发区管理委员会") in mentions


# Short forms of academy institutes


def test_short_forms_keep_characters_of_the_full_name_in_order() -> None:
    assert abbreviates("大连化物", "大连化学物理")
    assert not abbreviates("化物", "大连化学物理")  # the first character must open the name
    assert not abbreviates("大连物化", "大连化学物理")  # and the order must hold


def test_academy_short_form_resolves_to_a_listed_institute() -> None:
    mentions = found("中科院大连化物所专家来株交流,中国科学院沈阳自动化所也派员参加。")
    assert ("中科院大连化物所", ORG, "中国科学院大连化学物理研究所") in mentions
    assert ("中国科学院沈阳自动化所", ORG, "中国科学院沈阳自动化研究所") in mentions


def test_academy_short_form_resolves_through_the_same_document_or_stays_as_written() -> None:
    text = "中国科学院青峰智能制造研究所落户。中国科学院青峰智造所已入驻。中国科学院白鹭所也来考察。"
    mentions = found(text)
    assert ("中国科学院青峰智造所", ORG, "中国科学院青峰智能制造研究所") in mentions
    assert ("中国科学院白鹭所", ORG, "中国科学院白鹭所") in mentions
    assert resolve("中国科学院", "物理", "所") == "中国科学院物理研究所"  # the exact middle wins


def test_academicians_are_not_institutes() -> None:
    assert not any(m.type == ORG and "院士" in m.text for m in find_mentions("中国科学院院士王某所在团队。", ZHUZHOU))


# Programmes


def test_quoted_code_and_the_rest_of_the_programmes_name() -> None:
    assert "“208”人才引育工程" in of_type("深入推进“208”人才引育工程,成效明显。", PROGRAMME)
    assert "“36”体系" in of_type("全力构建“36”体系。", PROGRAMME)
    assert of_type("完善“一站式”服务体系。", PROGRAMME) == set()  # a slogan's 体系 is a description


def test_quoted_name_of_a_brand() -> None:
    assert ("星火汇", PROGRAMME, "星火汇") in found("打造“星火汇”科技成果路演品牌。")


def test_named_projects_need_a_proper_word() -> None:
    assert "湘江引才工程" in of_type("实施湘江引才工程,引进人才。", PROGRAMME)
    assert of_type("大力推进引才引智工程,成效明显。", PROGRAMME) == set()


def test_science_and_technology_awards() -> None:
    mentions = found("获得省科技进步奖12项、国家技术发明奖1项,株洲市科技进步奖30项,发放科技奖励500万元。")
    assert ("省科技进步奖", PROGRAMME, "湖南省科学技术进步奖") in mentions
    assert ("国家技术发明奖", PROGRAMME, "国家技术发明奖") in mentions
    assert ("株洲市科技进步奖", PROGRAMME, "株洲市科学技术进步奖") in mentions
    assert not any(text.startswith("科技奖") for text, kind, _ in mentions if kind == PROGRAMME)
    region = EntityContext("呼和浩特市")
    assert ("自治区科技进步奖", PROGRAMME, "内蒙古自治区科学技术进步奖") in found("荣获自治区科技进步奖。", region)


# Named documents without 《》


def test_a_title_on_its_own_line_is_a_document() -> None:
    text = "株洲市“十五五”科技创新发展规划\n一、发展基础\n株洲市科学技术局2023年工作总结\n"
    policies = of_type(text, POLICY)
    assert policies == {"株洲市“十五五”科技创新发展规划"}


def test_plans_named_in_running_text() -> None:
    text = "一年来,湘江新区发展规划纲要、岳麓山科创走廊建设规划经市政府审议通过。"
    assert of_type(text, POLICY) == {"湘江新区发展规划纲要", "岳麓山科创走廊建设规划"}
    assert of_type("完善科研诚信管理办法,编制科技发展规划。", POLICY) == set()


# People


def test_people_after_more_titles_and_verbs() -> None:
    text = "副市长王平出席会议,省政协副秘书长李红、科学家屠一鸣获表彰。会议取得成功。(周全)\n"
    assert {"王平", "李红", "屠一鸣", "周全"} <= of_type(text, PERSON)
