"""The arithmetic under the checks: intervals of stated figures, and growth statements built
from random values (property tests)."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from viewer.model import Figure
from viewer.model.review import Verdict
from viewer.services.checks.change_inline import check_passage
from viewer.services.checks.conflicts import CONFLICT, SCOPE, SCOPE_RATIO, UNIT_SLIP, judge
from viewer.services.checks.context import Passage
from viewer.services.checks.numeric import Interval, admitted, stated
from viewer.text.change_bases import NamedBase, agrees, named_base
from viewer.text.figures import find_figures


def passage(sentence: str) -> Passage:
    figures = find_figures(sentence)
    for index, figure in enumerate(figures):
        figure.id, figure.doc_id, figure.sentence_start, figure.sentence_end = index, 1, 0, len(sentence)
    return Passage(doc_id=1, start=0, end=len(sentence), text=sentence, figures=tuple(figures))


def interval(text: str) -> Interval:
    [figure] = find_figures(text)
    found = stated(figure)
    assert found is not None
    return found


def test_rounding_and_qualifiers_widen_a_figure() -> None:
    assert interval("12.78亿元") == Interval(12.775e8, 12.785e8)
    assert interval("529家") == Interval(529, 529)
    assert interval("超过150亿元") == Interval(150e8, 160e8)
    assert interval("超过150亿元").overlaps(interval("150.3亿元"))
    assert not interval("529家").overlaps(interval("530家"))
    assert not interval("12.5%").overlaps(interval("12.6%"))
    assert interval("约500万人").overlaps(interval("520万人"))


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 99999), st.integers(1000, 99999))
def test_a_growth_rate_rounded_from_the_values_is_consistent(a_cents: int, b_cents: int) -> None:
    a, b = a_cents / 100, b_cents / 100
    rate = round((b / a - 1) * 100, 1)
    verb, word = ("增长", "增幅") if rate >= 0 else ("下降", "降幅")
    sentence = f"经费由2015年的{a:.2f}亿元{verb}到2020年的{b:.2f}亿元，{word}{abs(rate):.1f}%。"
    [finding], _ = check_passage(passage(sentence))
    assert finding.verdict == Verdict.CONSISTENT, finding.message


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 99999), st.integers(1000, 99999), st.floats(3, 50))
def test_a_growth_rate_off_by_points_is_inconsistent(a_cents: int, b_cents: int, error: float) -> None:
    a, b = a_cents / 100, b_cents / 100
    rate = (b / a - 1) * 100 + error
    if rate < 0:
        return
    # Values written to 0.01 leave the true growth this uncertain (10.00 -> 579.71: ±2.9 points).
    spread = ((b + 0.005) / (a - 0.005) - (b - 0.005) / (a + 0.005)) * 100
    assume(error > spread + 0.1)
    sentence = f"经费由2015年的{a:.2f}亿元增长到2020年的{b:.2f}亿元，增幅{rate:.1f}%。"
    [finding], _ = check_passage(passage(sentence))
    assert finding.verdict == Verdict.INCONSISTENT, finding.message
    assert abs(finding.computed - (b / a - 1) * 100) < 1e-6  # type: ignore[operator]


@settings(max_examples=40, deadline=None)
@given(st.integers(20, 5000), st.integers(1, 500))
def test_change_and_rate_are_checked_as_change_over_previous(current: int, change: int) -> None:
    if change >= current:
        return
    true_rate = change / (current - change) * 100
    for rate, verdict in ((round(true_rate, 1), Verdict.CONSISTENT), (true_rate + 5, Verdict.INCONSISTENT)):
        sentence = f"全市备案企业{current}家，较去年增加{change}家，同比增长{rate:.1f}%。"
        [finding], _ = check_passage(passage(sentence))
        assert finding.verdict == verdict, finding.message


def figure(text: str) -> Figure:
    [found] = find_figures(text)
    return found


def test_bounds_and_approximations_admit_what_they_say() -> None:
    assert judge(figure("超过150亿元"), figure("150.3亿元")) is None
    assert judge(figure("超过150亿元"), figure("突破300亿元")) is None  # the stronger bound implies the weaker
    assert judge(figure("不到100亿元"), figure("95亿元")) is None
    assert judge(figure("不到100亿元"), figure("120亿元")) == CONFLICT
    assert judge(figure("不到100亿元"), figure("50亿元")) == SCOPE
    assert judge(figure("约260亿元"), figure("280亿元")) is None  # within ABOUT_TOLERANCE
    assert judge(figure("约260亿元"), figure("300亿元")) == CONFLICT
    assert judge(figure("约260亿元"), figure("683.5亿元")) == SCOPE
    assert judge(figure("10—15亿元"), figure("14亿元")) is None
    assert judge(figure("38.9亿元"), figure("38.9万元")) == UNIT_SLIP
    assert admitted(figure("超过200亿元")) == Interval(200e8, math.inf)


@settings(max_examples=80, deadline=None)
@given(st.integers(10, 5000), st.floats(0.2, 20), st.sampled_from(["超过", "突破", "多", "以上"]))
def test_a_lower_bound_never_conflicts_with_a_larger_exact_value(bound: int, factor: float, word: str) -> None:
    """A lower bound holds for any larger value; far larger is a question, never a conflict."""
    text = f"{bound}{word}亿元" if word == "多" else (f"{bound}亿元以上" if word == "以上" else f"{word}{bound}亿元")
    value = round(bound * factor, 1)
    apart = max(value / bound, bound / value)
    assume(abs(apart - SCOPE_RATIO) > 0.01)
    assume(abs(value - bound) > 0.5)  # within rounding of the bound (half its last digit) either verdict is fair
    found = judge(figure(text), figure(f"{value}亿元"))
    if apart > SCOPE_RATIO:
        assert found == SCOPE
    else:
        assert found == (None if value >= bound else CONFLICT)


@settings(max_examples=60, deadline=None)
@given(st.integers(100, 400), st.integers(100, 400), st.integers(1, 60), st.sampled_from(["比上年", "同比", "较2019年"]))
def test_a_change_over_another_base_than_the_from_value_is_never_paired(
    a_tenths: int, b_tenths: int, n_hundredths: int, base: str
) -> None:
    """由2015年的A%提高到2020年的B%，比上年提高N个百分点 says nothing about B - A."""
    a, b, n = a_tenths / 100, b_tenths / 100, n_hundredths / 100
    sentence = f"研发投入强度由2015年的{a:.2f}%提高到2020年的{b:.2f}%，{base}提高{n:.2f}个百分点。"
    assert check_passage(passage(sentence)) == ([], set())
    again = sentence.replace(base, "较2015年")
    [finding], _ = check_passage(passage(again))
    assert finding.computed == pytest.approx(b - a)


def test_named_bases() -> None:
    assert named_base("，比上年提高", 2020) == NamedBase("上年", 2019)
    assert named_base("，同比增长", 2022) == NamedBase("同比", 2021)
    assert named_base("比2015年末增长", 2020) == NamedBase("2015年末", 2015)
    assert named_base("较“十三五”末提高", 2023) == NamedBase("“十三五”末", 2020)
    assert named_base("，提高", 2020) is None
    assert agrees(None, 2015) and agrees(NamedBase("2015年", 2015), 2015)
    assert not agrees(NamedBase("上年", 2019), 2015) and not agrees(NamedBase("上年", None), None)
