"""The indicator lexicon: the shipped file, alias matching and validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.text.indicators import LexiconError, load_lexicon, parse_lexicon


def names(text: str) -> list[str]:
    return [name for _, _, name in load_lexicon().find(text)]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("研发投入强度", "研发投入强度"),
        ("研发经费投入占GDP比重", "研发投入强度"),
        ("R&D经费支出占GDP比重", "研发投入强度"),
        ("高新技术企业数", "高新技术企业数"),
        ("高企数", "高新技术企业数"),
        ("有效高企数", "高新技术企业数"),
        ("万人发明专利拥有量", "万人发明专利拥有量"),
        ("每万人发明专利拥有量", "万人发明专利拥有量"),
        ("每万人拥有有效发明专利", "万人发明专利拥有量"),
        ("技术合同交易额", "技术合同成交额"),
        ("技术合同成交额", "技术合同成交额"),
        ("技术合同登记额", "技术合同成交额"),
        ("技术合同认定登记额", "技术合同成交额"),
    ],
)
def test_aliases_of_the_issue_map_to_one_series(surface: str, canonical: str) -> None:
    assert names(f"今年{surface}继续提高") == [canonical]


def test_longest_alias_wins_and_spans_are_exact() -> None:
    text = "全社会研发投入强度达到3%，研发投入增长"
    found = load_lexicon().find(text)
    assert [(text[s:e], n) for s, e, n in found] == [
        ("全社会研发投入强度", "研发投入强度"),
        ("研发投入", "研发经费支出"),
    ]


def test_context_alias_needs_its_anchor_in_the_text() -> None:
    lexicon = load_lexicon()
    hits = lexicon.find_context("占GDP比重达到2%")
    assert {e.name for e in hits[0].candidates} >= {"研发投入强度", "高新技术产业增加值占GDP比重"}
    assert lexicon.find("占GDP比重达到2%") == []


def test_every_entry_is_well_formed() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 20
    for entry in lexicon.entries:
        assert entry.unit_kind in {"money", "percent", "count", "multiple", "physical", "number"}
        if entry.parent:
            assert lexicon.get(entry.parent) is not None
        if entry.base:
            assert lexicon.get(entry.base) is not None
    assert lexicon.is_within("国家级科技创新平台数", "科技创新平台数")
    assert not lexicon.is_within("科技创新平台数", "国家级科技创新平台数")


def test_a_reviewer_adds_an_indicator_without_code(tmp_path: Path) -> None:
    path = tmp_path / "indicators.toml"
    path.write_text(
        '[[indicator]]\nname = "孵化器面积"\nunit_kind = "physical"\naliases = ["孵化面积"]\n', encoding="utf-8"
    )
    lexicon = load_lexicon(path)
    assert lexicon.find("孵化面积达10万平方米") == [(0, 4, "孵化器面积")]
    assert load_lexicon(path) is lexicon  # cached


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"indicator": [{"unit_kind": "count"}]}, "no name"),
        ({"indicator": [{"name": "A", "unit_kind": "apples"}]}, "unit_kind"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "parent": "B"}]}, "not in the lexicon"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "context_aliases": ["x"]}]}, "need a parent"),
        ({"indicator": [{"name": "A", "unit_kind": "count"}, {"name": "A", "unit_kind": "money"}]}, "unique"),
        ({"indicator": [{"name": "A", "unit_kind": "count", "aliases": "A1"}]}, "list"),
    ],
)
def test_malformed_lexicon_is_rejected_with_a_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(data)


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[indicator]\nname=", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.toml"):
        load_lexicon(path)


@given(st.lists(st.sampled_from(["研发", "投入", "强度", "高企", "数", "技术合同", "成交额", "占GDP比重", "，", "达"]),
                max_size=12))
def test_matches_are_those_of_a_longest_first_alternation(parts: list[str]) -> None:
    lexicon = load_lexicon()
    text = "".join(parts)
    surfaces = sorted({s for e in lexicon.entries for s in (e.name, *e.aliases)}, key=lambda s: (-len(s), s))
    alternation = re.compile("|".join(map(re.escape, surfaces)))
    assert [(s, e) for s, e, _ in lexicon.find(text)] == [m.span() for m in alternation.finditer(text)]
