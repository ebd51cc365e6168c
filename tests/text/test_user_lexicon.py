"""The user's lexicon: reading and checking the file, merging it over the bundled data, and what
the analysis of invented sentences does with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.model import Figure
from viewer.text.analysis import analyze_text
from viewer.text.attribution import DocumentContext, attribute_figures
from viewer.text.figures import find_figures
from viewer.text.indicators import bundled_lexicon, load_lexicon
from viewer.text.lexicon_in_use import configure_user_lexicon, use_user_lexicon_text, user_lexicon_in_use
from viewer.text.places import bundled_place_table, place_table
from viewer.text.sentences import split_sentences
from viewer.text.user_lexicon import UserLexiconError, parse_user_lexicon
from viewer.text.user_lexicon_merge import merge_with_bundled
from viewer.text.user_lexicon_toml import format_user_lexicon

TAUGHT = """
[[indicator]]
name = "研发经费投入"
aliases = ["科创总盘子", "研发投入"]

[[indicator]]
name = "创新飞地数"
unit_kind = "count"
group = "平台载体"
definition = "异地设立的研发飞地（测试用）"
aliases = ["创新飞地"]

[[place]]
name = "株洲市"
aliases = ["株市"]

[[provisional]]
phrase = "项目总投资额"
indicator = "固定资产投资"

[[provisional]]
phrase = "星火驿站数"
indicator = "科普驿站数"
"""


def analysed(text: str) -> list[Figure]:
    return analyze_text("invented.txt", text, sha256="").figures


def attributed(text: str) -> list[Figure]:
    context = DocumentContext(region=None, year=2022, published="2023")
    return attribute_figures(text, find_figures(text), split_sentences(text), context)


def problem(text: str) -> str:
    with pytest.raises(UserLexiconError) as raised:
        merge_with_bundled(parse_user_lexicon(text, "shared.toml"))
    return str(raised.value)


@pytest.fixture
def taught(tmp_path: Path) -> Path:
    path = tmp_path / "lexicon.toml"
    path.write_text(TAUGHT, encoding="utf-8")
    configure_user_lexicon(path)
    return path


def test_without_a_user_lexicon_the_bundled_data_are_used_as_they_are() -> None:
    assert user_lexicon_in_use() is None
    assert load_lexicon() is bundled_lexicon()
    assert place_table() is bundled_place_table()
    configure_user_lexicon(Path("/nonexistent/lexicon.toml"))
    assert load_lexicon() is bundled_lexicon() and user_lexicon_in_use() is None


def test_an_alias_taught_moves_a_figure_to_the_indicator(taught: Path) -> None:
    (figure,) = attributed("2022年全市科创总盘子达到12亿元。")
    assert (figure.indicator, figure.provisional, figure.indicator_how) == ("研发经费投入", False, "alias")
    configure_user_lexicon(None)
    (figure,) = attributed("2022年全市科创总盘子达到12亿元。")
    assert figure.indicator != "研发经费投入" and figure.provisional


def test_a_new_indicator_of_the_user_is_an_indicator_of_the_analysis(taught: Path) -> None:
    (figure,) = analysed("截至2022年底，全市共建成创新飞地15个。")
    assert (figure.indicator, figure.provisional) == ("创新飞地数", False)
    entry = load_lexicon().get("创新飞地数")
    assert entry is not None and entry.user and entry.user_aliases == ("创新飞地",)


def test_a_place_alias_makes_the_figures_place(taught: Path) -> None:
    (figure,) = analysed("2022年株市高新技术企业达到120家。")
    assert (figure.indicator, figure.region, figure.region_how) == ("高新技术企业数", "株洲市", "clause")
    place = place_table().lookup("株市")
    assert place is not None and place.label == "株洲市" and place.user_aliases == ("株市",)
    configure_user_lexicon(None)
    assert analysed("2022年株市高新技术企业达到120家。")[0].region != "株洲市"


def test_a_provisional_mapping_files_every_figure_of_the_phrase(taught: Path) -> None:
    total, growth = analysed("2023年全市项目总投资额达到56亿元，同比增长12%。")
    assert (total.indicator, total.provisional, total.indicator_how) == ("固定资产投资", False, "mapped")
    assert (growth.indicator, growth.provisional) == ("固定资产投资", False)


def test_a_provisional_mapping_to_an_unknown_name_renames_the_provisional_indicator(taught: Path) -> None:
    (figure,) = analysed("2022年新建星火驿站8个。")
    assert (figure.indicator, figure.provisional, figure.indicator_how) == ("科普驿站数", True, "provisional")


def test_the_user_entries_are_marked_and_bundled_aliases_repeated_are_not() -> None:
    lexicon, places = merge_with_bundled(parse_user_lexicon(TAUGHT, "lexicon.toml"))
    research = lexicon.get("研发经费投入")
    assert research is not None and research.user_aliases == ("科创总盘子",)  # 研发投入 is bundled
    assert not research.user and research.aliases.count("研发投入") == 1
    assert lexicon.mapped == {"项目总投资额": "固定资产投资", "星火驿站数": "科普驿站数"}
    assert [p.label for p in places.places if p.user_aliases] == ["株洲市"]
    assert bundled_lexicon().get("研发经费投入").user_aliases == ()  # type: ignore[union-attr]


def test_mappings_follow_chains_and_accept_an_alias_as_the_target() -> None:
    lexicon, _ = merge_with_bundled(parse_user_lexicon(
        '[[provisional]]\nphrase = "甲类项目数"\nindicator = "乙类项目数"\n\n'
        '[[provisional]]\nphrase = "乙类项目数"\nindicator = "R&D经费"\n', "x.toml"))
    assert lexicon.mapped == {"甲类项目数": "研发经费投入", "乙类项目数": "研发经费投入"}


@pytest.mark.parametrize(("text", "words"), [
    ('[[indicator]\nname = "x"', ["shared.toml", "not valid TOML"]),
    ('[[region]]\nname = "株洲市"', ["shared.toml", "unknown table", "region"]),
    ('[indicator]\nname = "研发经费投入"', ["shared.toml", "[[indicator]] tables"]),
    ('[[indicator]]\nname = "研发经费投入"\nalias = ["科创盘子"]', ["[[indicator]] '研发经费投入'", "unknown key", "alias"]),
    ('[[indicator]]\nname = "研发经费投入"\naliases = ["科"]', ["'研发经费投入'", "'科'", "at least 2"]),
    ('[[place]]\nname = "株洲市"\naliases = ["株市"]\n[[place]]\nname = "株洲市"\naliases = ["株城"]',
     ["[[place]] '株洲市'", "given twice"]),
    ('[[place]]\naliases = ["株市"]', ["[[place]] number 1", "name"]),
    ('[[provisional]]\nphrase = "总盘子额"', ["[[provisional]] '总盘子额'", "indicator must be"]),
])
def test_a_file_that_does_not_read_names_the_file_the_entry_and_the_problem(text: str, words: list[str]) -> None:
    with pytest.raises(UserLexiconError) as raised:
        parse_user_lexicon(text, "shared.toml")
    assert all(word in str(raised.value) for word in words), str(raised.value)


@pytest.mark.parametrize(("text", "words"), [
    ('[[indicator]]\nname = "财政科技支出"\naliases = ["研发投入"]',
     ["shared.toml", "[[indicator]] '财政科技支出'", "'研发投入'", "already '研发经费投入'"]),
    ('[[indicator]]\nname = "研发经费投入"\nunit_kind = "count"\naliases = ["科创盘子"]',
     ["[[indicator]] '研发经费投入'", "bundled taxonomy", "unit_kind"]),
    ('[[indicator]]\nname = "研发经费投入"', ["'研发经费投入'", "adds no alias"]),
    ('[[indicator]]\nname = "飞地数"\naliases = ["飞地"]', ["[[indicator]] '飞地数'", "unit_kind must be"]),
    ('[[indicator]]\nname = "飞地数"\nunit_kind = "count"\nparent = "飞地总数"',
     ["shared.toml", "'飞地数'", "parent '飞地总数' is not in the lexicon"]),
    ('[[place]]\nname = "不存在市"\naliases = ["不存在"]', ["[[place]] '不存在市'", "no place"]),
    ('[[place]]\nname = "鼓楼区"\naliases = ["鼓楼片区"]', ["[[place]] '鼓楼区'", "give its label", "南京市鼓楼区"]),
    ('[[place]]\nname = "株洲市"\naliases = ["长沙"]', ["[[place]] '株洲市'", "'长沙' already names 长沙市"]),
    ('[[provisional]]\nphrase = "研发经费投入"\nindicator = "财政科技支出"',
     ["[[provisional]] '研发经费投入'", "not a provisional one"]),
    ('[[provisional]]\nphrase = "甲数"\nindicator = "乙数"\n[[provisional]]\nphrase = "乙数"\nindicator = "甲数"',
     ["[[provisional]] '甲数'", "loop", "甲数 -> 乙数 -> 甲数"]),
])
def test_a_file_that_contradicts_the_bundled_data_names_the_entry(text: str, words: list[str]) -> None:
    message = problem(text)
    assert all(word in message for word in words), message


def test_a_lexicon_that_cannot_be_used_leaves_the_one_in_use(taught: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[place]]\nname = "株洲市"\naliases = ["长沙"]\n', encoding="utf-8")
    with pytest.raises(UserLexiconError, match=r"broken\.toml"):
        configure_user_lexicon(broken)
    assert user_lexicon_in_use() == (str(taught), TAUGHT)
    assert analysed("2022年株市高新技术企业达到120家。")[0].region == "株洲市"


def test_the_text_in_use_is_what_a_worker_process_is_given(taught: Path) -> None:
    source, text = user_lexicon_in_use() or ("", "")
    use_user_lexicon_text(None)
    assert load_lexicon() is bundled_lexicon()
    use_user_lexicon_text(text, source)
    assert load_lexicon().get("创新飞地数") is not None


def test_written_toml_reads_back_the_same() -> None:
    user = parse_user_lexicon(TAUGHT + '\n[[place]]\nname = "南京市鼓楼区"\naliases = ["楼区\\"引号\\\\"]\n', "a.toml")
    text = format_user_lexicon(user)
    assert text.startswith("# 用户词表")
    assert parse_user_lexicon(text, "a.toml") == user
    assert format_user_lexicon(parse_user_lexicon(text, "a.toml")) == text
    many = parse_user_lexicon(
        '[[indicator]]\nname = "研发经费投入"\naliases = [' + ", ".join(f'"科创盘子{n}号"' for n in range(30)) + "]\n", "b.toml")
    written = format_user_lexicon(many)
    assert max(len(line) for line in written.splitlines()) <= 100
    assert parse_user_lexicon(written, "b.toml") == many
