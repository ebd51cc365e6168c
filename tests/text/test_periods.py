"""Time expressions and the running period of a document."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from viewer.text.attribution_timeline import build_timeline
from viewer.text.periods import find_periods, heading_year
from viewer.text.sentences import split_sentences


def first(text: str, current_year: int | None = 2021) -> tuple[str, str, bool, bool]:
    mention = find_periods(text, current_year)[0]
    label = mention.period.label if mention.period else ""
    return mention.kind, label, mention.base, mention.target


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("2015年的81家", "year", "2015"),
        ("2022年度企业研发", "year", "2022"),
        ("2020年前三季度", "year", "2020-Q1-Q3"),
        ("规划期限为2021-2025年", "range", "2021-2025"),
        ("“十三五”期间", "plan", "2016-2020"),
        ("十四五时期", "plan", "2021-2025"),
        ("“十三五”以来", "plan", "2016-2020"),
        ("到“十四五”期末", "plan", "2025"),
        ("2015年以来", "since", "2015-2020"),
        ("2016年至今", "since", "2016-2020"),
        ("截至3月底", "asof", "2021-03"),
        ("截至2022年6月底", "asof", "2022-06"),
        ("今年", "relative", "2021"),
        ("去年", "relative", "2020"),
    ],
)
def test_periods(text: str, kind: str, label: str) -> None:
    assert first(text)[:2] == (kind, label)


def test_sub_year_and_now_wait_for_the_context() -> None:
    sub = find_periods("前三季度实现", 2021)[0]
    assert (sub.kind, sub.period, sub.sub) == ("sub", None, "Q1-Q3")
    assert find_periods("目前，全市", 2021)[0].kind == "current"


def test_comparison_bases_and_targets_are_marked() -> None:
    assert first("较2015年增长")[2] is True
    assert first("是2015年的3倍")[2] is True
    assert first("比去年增加")[2] is True
    assert first("到2025年，达到")[3] is True
    assert first("力争2022年达到")[3] is True
    assert first("由2015年的9家增长到2020年的27家")[3] is False
    later = find_periods("由2015年的9家增长到2020年的27家", 2021)[1]
    assert (later.period.label if later.period else "", later.target) == ("2020", False)


def test_a_plan_name_is_not_a_period() -> None:
    assert find_periods("编制“十四五”科技创新规划", 2021) == []


def test_heading_year() -> None:
    assert heading_year("## 2021 肩负新使命") == 2021
    assert heading_year("奋进2021") == 2021
    assert heading_year("入选“2021科技创新百强市”") is None
    assert heading_year("时间:2023-04-04") is None


def test_timeline_carries_headings_and_leads() -> None:
    text = "奋进2021\n\n全市新增平台10家。\n\n2020年，新增5家。总数达到50家。\n\n展望“十四五”\n\n目标达到60家。"
    timeline = build_timeline(text, split_sentences(text), 2021)
    running = {text[s.start : s.end][:6]: s.running.label if s.running else None for s in timeline.sentences}
    assert running["全市新增平台"] == "2021"
    assert running["总数达到50"] == "2020"
    assert running["目标达到60"] == "2021-2025"


def test_a_line_break_inside_a_sentence_is_mended() -> None:
    text = "前言。2022年登记技术合同\n\n3366件，交易额308亿元。"
    timeline = build_timeline(text, split_sentences(text), 2023)
    joined = timeline.sentence_at(text.index("3366"))
    assert text[joined.start : joined.end].startswith("2022年登记技术合同")


@given(st.text(alphabet="2015年到至今以来十三五期间较前三季度截至3月底目前，。去年的增长", max_size=60))
def test_mentions_are_ordered_non_overlapping_and_inside_the_text(text: str) -> None:
    mentions = find_periods(text, 2021)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        if mention.period is not None:
            assert mention.period.start <= mention.period.end
    for left, right in pairwise(mentions):
        assert left.end <= right.start


_PERIOD_ALPHABET = "20159年到至-今以来起开始十一二三四五期间末时“”\"较前上下半季度第个截止3月底份目现阶段当去明本过近两，。的 "


_PERIOD_WORDS = st.lists(st.sampled_from([
    "2021", "2023", "年", "1", "3", "—", "6", "月", "底", "截至", "截止", "目前", "十四五", "十", "“", "”", "期间", "前三季度",
    "上半年", "上年", "上一年", "上升", "以上", "下半年", "第一", "季度", "今年", "去年", "前年", "明年", "本年", "现阶段",
    "当前", "过去", "近", "三", "两", "五", "年初", "以来", "至今", "来", "，", "的"]), max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(alphabet=_PERIOD_ALPHABET, max_size=60), _PERIOD_WORDS))
@example("十年来，近十年，过去五年，近3年，“十四五”，\"十三五\"期间，上一年，2021年上半年")
def test_the_first_character_check_changes_no_match(text: str) -> None:
    from viewer.text.periods import _ALTERNATIVES, _PATTERN

    unfiltered = re.compile(_ALTERNATIVES)
    assert [(m.span(), m.lastgroup, m.groupdict()) for m in _PATTERN.finditer(text)] == [
        (m.span(), m.lastgroup, m.groupdict()) for m in unfiltered.finditer(text)
    ]


def test_a_from_year_is_marked() -> None:
    mentions = find_periods("由2015年的9家增长到2020年的27家，从 2016年起", 2021)
    assert [m.after_from for m in mentions] == [True, False, True]


def test_as_of_a_year_is_not_a_target() -> None:
    assert first("截至2020年底，达到")[3] is False
    assert first("截止2020年末，达到")[3] is False
    assert first("至2025年，达到")[3] is True


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_PERIOD_ALPHABET, max_size=60))
def test_the_scan_for_starts_finds_what_the_pattern_finds(text: str) -> None:
    from viewer.text.periods import _PATTERN, _STARTS
    from viewer.text.start_scan import matches

    assert [(m.span(), m.lastgroup, m.groupdict()) for m in matches(_PATTERN, _STARTS, text)] == [
        (m.span(), m.lastgroup, m.groupdict()) for m in _PATTERN.finditer(text)
    ]
