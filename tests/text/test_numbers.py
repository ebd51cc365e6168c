"""Numeral parsing and finding (viewer.text.numbers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.text.numbers import _FULL_WIDTH_GROUP, find_numbers, normalize_width, parse_number


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一百二十三", 123),
        ("两千万", 20_000_000),
        ("二〇二一", 2021),
        ("十三", 13),
        ("零点五", 0.5),
        ("3万", 30_000),
        ("1.11亿", 111_000_000),
        ("34.94亿", 3_494_000_000),
        ("4.78万亿", 4_780_000_000_000),
        ("一万三", 13_000),
        ("两千四百五", 2450),
        ("一千零一", 1001),
        ("四万万", 400_000_000),
        ("5万4千6百", 54_600),
        ("1,050,000", 1_050_000),
        ("１２３．５", 123.5),
        ("负十一", -11),
        ("-10.1万", -101_000),
        ("壹佰壹拾壹元整", 111),
        ("玖仟陆佰陆拾伍圆壹角捌分", 9665.18),
        ("廿二", 22),
        ("幺八九", 189),
    ],
)
def test_parse_number(numeral: str, value: float) -> None:
    assert parse_number(numeral) == pytest.approx(value)


def test_parse_number_returns_int_for_whole_numbers() -> None:
    assert isinstance(parse_number("一千"), int)
    assert isinstance(parse_number("一点五"), float)


@pytest.mark.parametrize(
    "bad", ["", "负", "元整", "点一", "零点", "零点点", "零点零大", "10..1万", "10.1万零100", "万"]
)
def test_parse_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


def _found(text: str) -> list[tuple[str, float]]:
    return [(m.text, m.value) for m in find_numbers(text)]


def test_find_numbers_in_running_text() -> None:
    assert _found("去年新增3万人，今年达到五十多亿") == [("3万", 30_000), ("五十多亿", 5_000_000_000)]


def test_find_numbers_flags_approximate_numerals() -> None:
    (match,) = find_numbers("约有二十几万人")
    assert match.approximate and match.value == 200_000


def test_find_numbers_stops_before_trailing_qualifier() -> None:
    assert _found("四百多") == [("四百", 400)]


def test_find_numbers_splits_a_plan_name() -> None:
    assert _found("十一十二") == [("十一", 11), ("十二", 12)]


def test_find_numbers_skips_numeral_characters_inside_words() -> None:
    assert _found("一切都在四川") == []
    assert _found("这不是四川这是五") == [("五", 5)]


def test_find_numbers_reads_fractions_and_notation() -> None:
    assert _found("三分之一") == [("三分之一", pytest.approx(1 / 3))]
    assert _found("1/2") == [("1/2", 0.5)]
    assert _found("2e5") == [("2e5", 200_000)]
    assert _found("40k") == [("40k", 40_000)]


def test_find_numbers_keeps_full_width_spans() -> None:
    text = "合计１２３．５件"
    (match,) = find_numbers(text)
    assert text[match.start : match.end] == "１２３．５" and match.value == 123.5


def test_find_numbers_reads_spaced_out_numerals() -> None:
    assert _found("一 百 五 十") == [("一 百 五 十", 150)]
    assert _found("四点\u3000五") == [("四点\u3000五", 4.5)]
    assert _found("7万 5千 4百") == [("7万 5千 4百", 75_400)]


def test_find_numbers_never_joins_digit_groups_or_lines() -> None:
    assert _found("12 34") == [("12", 12), ("34", 34)]
    assert _found("一百\n五十") == [("一百", 100), ("五十", 50)]


def test_dotted_chain_has_no_decimal() -> None:
    assert _found("2222.2222.22222.222") == [("2222", 2222), ("2222", 2222), ("22222", 22222), ("222", 222)]
    assert _found("增长3.5%") == [("3.5", 3.5)]


def test_normalize_width_keeps_length() -> None:
    text = "１２％，ＡＢ"
    assert normalize_width(text) == "12%，AB"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="０１９．％－：～ＡＺａｚ，12:，株洲。 \u3000", max_size=30))
def test_normalize_width_translates_every_full_width_character(text: str) -> None:
    expected = text.translate(str.maketrans("０１９．％－：～ＡＺａｚ", "019.%-:~AZaz"))
    if "，" in text:  # a full-width comma between full-width digits groups them
        expected = "".join("," if ch == "，" and 0 < i < len(text) - 1 and text[i - 1] in "０１９"
                           and text[i + 1] in "０１９" else ch for i, ch in enumerate(expected))
    if not any(ch in "０１９．％－：～ＡＺａｚ" for ch in text):
        expected = text
    assert normalize_width(text) == expected


def test_full_width_comma_groups_only_full_width_digits() -> None:
    assert _found("１，２３４") == [("１，２３４", 1234)]
    assert _found("分别为120，340家") == [("120", 120), ("340", 340)]


_CJK_DIGITS = st.text(
    alphabet="0123456789０１２３.,-/^e%一二三四五六七八九十百千万亿两零〇点多余几分之又负打半第年家元 \u3000\t",
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), _CJK_DIGITS))
def test_find_numbers_spans_are_sound(text: str) -> None:
    matches = find_numbers(text)
    previous_end = 0
    for match in matches:
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        previous_end = match.end


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["一百五十", "三千零二", "四十五万六千", "两千万", "九点五", "十二亿三千万"]),
    st.lists(st.sampled_from([" ", "\u3000", "\t", "  "]), min_size=12, max_size=12),
)
def test_spacing_out_a_chinese_numeral_keeps_its_value(numeral: str, blanks: list[str]) -> None:
    spaced = "".join(char + blank for char, blank in zip(numeral, blanks, strict=False)).rstrip(" \t\u3000")
    (plain,) = find_numbers(numeral)
    (match,) = find_numbers(f"共{spaced}。")
    assert (match.text, match.value) == (spaced, plain.value)


# The comma between full-width digits as first written: a look-behind tried at every position.
_PLAIN_FULL_WIDTH_GROUP = re.compile("(?<=[０-９])，(?=[０-９])")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("１２０，,、1 万"), max_size=12))
def test_full_width_group_scan_replaces_what_the_look_behind_scan_replaces(text):
    assert _FULL_WIDTH_GROUP.sub(",", text) == _PLAIN_FULL_WIDTH_GROUP.sub(",", text)
