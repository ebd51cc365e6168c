"""`stated` and `admitted` read each form of a figure once (text, value, qualifier, kind): the
intervals are those the figure-by-figure reading gives (kept here as it was), for random forms."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Figure, FigureKind, Qualifier
from viewer.services.checks import numeric
from viewer.services.checks.numeric import ABOUT_TOLERANCE, Interval, admitted, stated, written

KINDS = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.COUNT, FigureKind.RANK, FigureKind.NUMBER)
QUALIFIERS = (Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.ABOUT, Qualifier.UNDER,
              Qualifier.RANGE)


def half_step_by_figure(figure: Figure) -> float:
    form = written(figure)
    if form is None or not form.arabic:
        return 0.0
    if figure.kind in (FigureKind.COUNT, FigureKind.RANK) and form.decimals == 0 and math.isclose(form.scale, 1.0):
        return 0.0
    return 0.5 * 10.0 ** (-form.decimals) * form.scale


def granularity_by_figure(figure: Figure) -> float:
    form = written(figure)
    if form is None:
        return 0.0
    digits, place = round(abs(form.number) * 10**form.decimals), -form.decimals
    while digits and digits % 10 == 0:
        digits //= 10
        place += 1
    return 10.0**place * form.scale


def stated_by_figure(figure: Figure) -> Interval | None:
    if figure.value is None:
        return None
    value, half = figure.value, half_step_by_figure(figure)
    step = max(granularity_by_figure(figure), 2 * half)
    qualifier = figure.qualifier
    if qualifier == Qualifier.RANGE and figure.value_high is not None:
        return Interval(min(value, figure.value_high) - half, max(value, figure.value_high) + half)
    if qualifier == Qualifier.MORE_THAN:
        return Interval(value, value + step)
    if qualifier == Qualifier.AT_LEAST:
        return Interval(value - half, value + step)
    if qualifier == Qualifier.ABOUT:
        return Interval(value - step / 2 - half, value + step / 2 + half)
    if qualifier == Qualifier.UNDER:
        return Interval(value - step, value + half)
    return Interval(value - half, value + half)


def admitted_by_figure(figure: Figure) -> Interval | None:
    if figure.value is None:
        return None
    value, half = figure.value, half_step_by_figure(figure)
    qualifier = figure.qualifier
    if qualifier == Qualifier.MORE_THAN:
        return Interval(value, math.inf)
    if qualifier == Qualifier.AT_LEAST:
        return Interval(value - half, math.inf)
    if qualifier == Qualifier.UNDER:
        return Interval(-math.inf, value + half)
    if qualifier == Qualifier.ABOUT:
        spread = max(ABOUT_TOLERANCE * abs(value), granularity_by_figure(figure) / 2) + half
        return Interval(value - spread, value + spread)
    return stated_by_figure(figure)


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    digits = draw(st.integers(0, 10**7))
    decimals = draw(st.integers(0, 3))
    number = digits / 10**decimals
    numeral = f"{number:,.{decimals}f}" if draw(st.booleans()) else f"{number:.{decimals}f}"
    suffix, scale = draw(st.sampled_from((("", 1.0), ("万元", 1e4), ("亿元", 1e8), ("%", 1.0), ("家", 1.0))))
    wording = draw(st.sampled_from(("{}", "约{}", "超过{}", "{}以上", "近{}", "三十{}")))
    text = wording.format(numeral + suffix)
    value = None if draw(st.integers(0, 20)) == 0 else number * scale * draw(st.sampled_from((1, -1)))
    high = draw(st.none() | st.floats(-1e12, 1e12, allow_nan=False))
    return Figure(0, len(text), text, value, suffix, draw(st.sampled_from(KINDS)), draw(st.sampled_from(QUALIFIERS)),
                  high)


@settings(max_examples=600, deadline=None)
@given(st.lists(figures(), min_size=1, max_size=6))
def test_the_intervals_of_each_form_are_those_of_each_figure(drawn: list[Figure]) -> None:
    for figure in [*drawn, *drawn]:  # a second time from the forms read
        assert stated(figure) == stated_by_figure(figure)
        assert admitted(figure) == admitted_by_figure(figure)
        assert numeric.half_step(figure) == half_step_by_figure(figure)
        assert numeric.granularity(figure) == granularity_by_figure(figure)
