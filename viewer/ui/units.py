"""Display scaling for values in base units: money in 亿元 or 万元, others as they are."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.model import Figure, Point, Qualifier
from viewer.ui.labels import qualifier_label

YI = 1e8
WAN = 1e4


def money_scale(values: Iterable[float]) -> tuple[float, str]:
    """The divisor and unit that keep the largest value readable."""
    largest = max((abs(v) for v in values), default=0.0)
    if largest >= YI:
        return YI, "亿元"
    if largest >= WAN:
        return WAN, "万元"
    return 1.0, "元"


def scale_for(unit: str, values: Iterable[float]) -> tuple[float, str]:
    if unit == "元":
        return money_scale(values)
    if unit.startswith("元/"):  # 元/人: money per something, scaled the same way
        factor, shown = money_scale(values)
        return factor, shown + unit[1:]
    return 1.0, unit


def format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) >= 1e4 else f"{value:.4g}"


def format_value(value: float | None, unit: str, value_high: float | None = None) -> str:
    if value is None:
        return "—"
    factor, shown_unit = scale_for(unit, [value])
    text = format_number(value / factor)
    if value_high is not None:
        text += "–" + format_number(value_high / factor)
    return f"{text} {shown_unit}".strip()


def qualified_value(item: Figure | Point, unit: str) -> str:
    text = format_value(item.value, unit, item.value_high)
    if item.qualifier and item.qualifier != Qualifier.RANGE:
        return f"{qualifier_label(item.qualifier)} {text}"
    return text
