"""The arithmetic under the checks: intervals of stated figures, and growth statements built
from random values (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.review import Verdict
from viewer.services.checks.change_inline import check_passage
from viewer.services.checks.context import Passage
from viewer.services.checks.numeric import Interval, stated
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
