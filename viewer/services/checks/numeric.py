"""What a stated figure allows: the interval of true values its digits and qualifier admit.

A figure written with d decimals stands for anything that rounds to it (12.78亿元: 12.775亿 ..
12.785亿). Counts written as plain integers are exact. A qualifier widens the interval by
the figure's granularity, the place value of its last non-zero digit (超过150亿元: 150亿 ..
160亿; 近900家: 850 .. 950). Formulas of the checks are monotone in each argument, so the
range of a computed value is found at the corners of its arguments' intervals.

`admitted` is the stricter reading for comparing two reports of one value: a bound admits every
value beyond it (超过200亿元 holds for 520.4亿元), an approximation admits ABOUT_TOLERANCE either
side.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from viewer.model import Figure, FigureKind, Qualifier

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EXACT_KINDS = (FigureKind.COUNT, FigureKind.RANK)
ABOUT_TOLERANCE = 0.1  # 约/左右/近 X: within 10% of X (or half its granularity, when that is wider)


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    @property
    def degenerate(self) -> bool:
        return self.hi - self.lo <= _tolerance(self.lo, self.hi)

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both. Rounding intervals that only touch (528.5 .. 529.5
        and 529.5 .. 530.5) do not overlap; an exact value on a boundary does."""
        low, high = max(self.lo, other.lo), min(self.hi, other.hi)
        tolerance = _tolerance(low, high)
        if self.degenerate or other.degenerate:
            return low <= high + tolerance
        return low < high - tolerance

    def __contains__(self, value: float) -> bool:
        return self.overlaps(Interval(value, value))


def _tolerance(low: float, high: float) -> float:
    """1e-9 of the larger finite magnitude, at least of 1."""
    largest = 1.0
    if math.isfinite(low) and abs(low) > largest:
        largest = abs(low)
    if math.isfinite(high) and abs(high) > largest:
        largest = abs(high)
    return 1e-9 * largest


@dataclass(frozen=True)
class Written:
    """The numeral of a figure as written: its digits' value, decimals and scale (万, 亿 ...)."""

    number: float
    decimals: int
    scale: float
    arabic: bool


def written(figure: Figure) -> Written | None:
    if figure.value is None:
        return None
    return _written(figure.text, figure.value)


@functools.lru_cache(maxsize=65536)
def _written(text: str, value: float) -> Written:
    """Figures repeat across reports: each wording is parsed once."""
    numbers = _NUMBER.findall(unicodedata.normalize("NFKC", text))
    if not numbers:
        return Written(number=value, decimals=0, scale=1.0, arabic=False)
    first = numbers[0].replace(",", "")
    number = float(first)
    decimals = len(first.split(".")[1]) if "." in first else 0
    scale = abs(value / number) if number else 1.0
    return Written(number=number, decimals=decimals, scale=scale, arabic=True)


def half_step(figure: Figure) -> float:
    """Half the place value of the last written digit, in base units; 0 for an exact figure."""
    return 0.0 if figure.value is None else _half_step(_written(figure.text, figure.value), figure.kind)


def _half_step(form: Written, kind: str) -> float:
    if not form.arabic:
        return 0.0
    if kind in _EXACT_KINDS and form.decimals == 0 and math.isclose(form.scale, 1.0):
        return 0.0
    return 0.5 * 10.0 ** (-form.decimals) * form.scale


def granularity(figure: Figure) -> float:
    """The place value of the last non-zero digit, in base units (150 -> 10, 12.5 -> 0.1)."""
    return 0.0 if figure.value is None else _granularity(_written(figure.text, figure.value))


def _granularity(form: Written) -> float:
    digits, place = round(abs(form.number) * 10**form.decimals), -form.decimals
    while digits and digits % 10 == 0:
        digits //= 10
        place += 1
    return 10.0**place * form.scale


def magnitude(figure: Figure) -> Figure:
    """A stated change as written: 下降25% is stored as a growth rate of -25 and written 25."""
    if figure.value is None or figure.value >= 0:
        return figure
    high = abs(figure.value_high) if figure.value_high is not None else None
    return replace(figure, value=abs(figure.value), value_high=high)


def stated(figure: Figure) -> Interval | None:
    """Every true value the figure, as written with its qualifier, admits."""
    if figure.value is None:
        return None
    return _stated(figure.text, figure.value, figure.value_high, figure.qualifier, figure.kind)


@functools.lru_cache(maxsize=65536)
def _stated(text: str, value: float, value_high: float | None, qualifier: str, kind: str) -> Interval:
    """`stated` of a figure's form: a form repeated across reports is read once."""
    form = _written(text, value)
    half = _half_step(form, kind)
    step = max(_granularity(form), 2 * half)
    if qualifier == Qualifier.RANGE and value_high is not None:
        return Interval(min(value, value_high) - half, max(value, value_high) + half)
    if qualifier == Qualifier.MORE_THAN:
        return Interval(value, value + step)
    if qualifier == Qualifier.AT_LEAST:
        return Interval(value - half, value + step)
    if qualifier == Qualifier.ABOUT:
        return Interval(value - step / 2 - half, value + step / 2 + half)
    if qualifier == Qualifier.UNDER:
        return Interval(value - step, value + half)
    return Interval(value - half, value + half)


def admitted(figure: Figure) -> Interval | None:
    """Every true value the figure, as written with its qualifier, can hold without being false:
    超过/以上 X -> [X, inf), 不到/以内 X -> (-inf, X], 约 X -> X +- max(10% of X, half a step)."""
    if figure.value is None:
        return None
    return _admitted(figure.text, figure.value, figure.value_high, figure.qualifier, figure.kind)


@functools.lru_cache(maxsize=65536)
def _admitted(text: str, value: float, value_high: float | None, qualifier: str, kind: str) -> Interval:
    """`admitted` of a figure's form, read once (see `_stated`)."""
    form = _written(text, value)
    half = _half_step(form, kind)
    if qualifier == Qualifier.MORE_THAN:
        return Interval(value, math.inf)
    if qualifier == Qualifier.AT_LEAST:
        return Interval(value - half, math.inf)
    if qualifier == Qualifier.UNDER:
        return Interval(-math.inf, value + half)
    if qualifier == Qualifier.ABOUT:
        spread = max(ABOUT_TOLERANCE * abs(value), _granularity(form) / 2) + half
        return Interval(value - spread, value + spread)
    return _stated(text, value, value_high, qualifier, kind)


def nominal(figure: Figure) -> Interval | None:
    """The numbers as written, without rounding or qualifier (a range: both ends)."""
    if figure.value is None:
        return None
    high = figure.value_high if figure.qualifier == Qualifier.RANGE and figure.value_high is not None else figure.value
    return Interval(min(figure.value, high), max(figure.value, high))


def corner_range(formula: Callable[..., float], *arguments: Interval) -> Interval | None:
    """The range of a formula monotone in each argument over a box; None if undefined anywhere."""
    results: list[float] = []
    for corner in itertools.product(*((a.lo, a.hi) for a in arguments)):
        try:
            result = formula(*corner)
        except (ZeroDivisionError, ValueError, OverflowError):
            return None
        if isinstance(result, complex) or not math.isfinite(result):
            return None
        results.append(result)
    return Interval(min(results), max(results))


def point(value: float, digits: int = 2) -> str:
    """A computed value for a message: at most `digits` decimals, no trailing zeros."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
