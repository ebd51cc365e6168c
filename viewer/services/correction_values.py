"""A value as the reviewer writes it (86 in 亿元, 1.2万 in 家, 10–20 in %) and the base unit
the store keeps (8.6e9 元, 12000 家): figures are stored in base units (viewer.model.Figure)."""

from __future__ import annotations

import re

from viewer.text.figure_units import COUNT_UNITS, MONEY_UNITS, MULTIPLE_UNITS, PHYSICAL_UNITS
from viewer.text.numbers import parse_number

# Scales written before a unit, longest first: 亿元 is 1e8 元.
SCALES = (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6),
          ("十万", 1e5), ("万", 1e4), ("千", 1e3), ("百", 1e2))
BASE_UNITS = frozenset({*(base for base, _ in MONEY_UNITS.values()), "%", "个百分点", *COUNT_UNITS,
                        *MULTIPLE_UNITS, *PHYSICAL_UNITS})
_RANGE = re.compile(r"(?<=[\d万亿千百十])\s*[-–—~～至到]\s*")
_SEPARATORS = re.compile(r"[,，\s]")


def _base(unit: str) -> str | None:
    """The base unit of a unit written without a scale, None if it is not one the store knows."""
    if unit in MONEY_UNITS:
        return MONEY_UNITS[unit][0]
    if unit in BASE_UNITS:
        return unit
    if unit == "百分点":
        return "个百分点"
    if "/" in unit:  # 元/人: a quantity per something
        head, _, per = unit.partition("/")
        base = _base(head)
        return f"{base}/{per}" if base is not None and per else None
    return None


def split_unit(written: str) -> tuple[float, str]:
    """(scale, base unit) of a unit as written: 亿元 -> (1e8, 元), 万元/人 -> (1e4, 元/人),
    千瓦 -> (1, 千瓦). A unit the store does not know is its own base unit."""
    unit = written.strip()
    base = _base(unit)
    if base is not None:
        return 1.0, base
    for prefix, scale in SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            base = _base(unit[len(prefix):])
            if base is not None:
                return scale, base
    return 1.0, unit


def _number(text: str) -> float:
    cleaned = _SEPARATORS.sub("", text)
    if not cleaned:
        raise ValueError("no number")
    try:
        return float(parse_number(cleaned))
    except (ValueError, KeyError, IndexError) as error:
        raise ValueError(f"not a number: {text}") from error


def read_value(text: str, written_unit: str) -> tuple[float | None, float | None, str]:
    """(value, upper end of a range or None, base unit) of what the reviewer typed in a unit as
    written: ("86", "亿元") -> (8.6e9, None, "元"); ("1.2万", "家") -> (12000, None, "家");
    ("10-20", "%") -> (10, 20, "%"). An empty value is None. Raises ValueError naming the problem."""
    scale, base = split_unit(written_unit)
    if not base:
        raise ValueError("a value needs a unit")
    stripped = text.strip()
    if not stripped:
        return None, None, base
    parts = _RANGE.split(stripped, maxsplit=1)
    low = _scaled(_number(parts[0]), scale)
    high = _scaled(_number(parts[1]), scale) if len(parts) == 2 else None
    if high is not None and high < low:
        raise ValueError("a range must rise: the upper end is below the lower one")
    return low, high, base


def _scaled(number: float, scale: float) -> float:
    return float(f"{number * scale:.15g}")  # 1.2 x 1e4 is 12000, not 12000.000000000002


def number_text(number: float) -> str:
    """A number as a reviewer writes it: no exponent, no trailing zeros."""
    text = f"{number:.12g}"
    if "e" in text:
        text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text


def written_value(value: float | None, value_high: float | None, unit: str, unit_text: str) -> tuple[str, str]:
    """(value text, unit as written) to show a stored value in the unit the report wrote it in,
    when that unit scales to the stored one (86, 亿元), else in the base unit."""
    scale, base = split_unit(unit_text) if unit_text else (1.0, unit)
    written = unit_text if base == unit and unit_text else unit
    if written == unit:
        scale = 1.0
    if value is None:
        return "", written
    text = number_text(value / scale)
    if value_high is not None:
        text += "–" + number_text(value_high / scale)
    return text, written


def unit_choices(unit: str) -> list[str]:
    """Units a reviewer may pick for a figure whose base unit is `unit`: the base unit with the
    usual scales first, then the other base units."""
    base = split_unit(unit)[1]
    scaled = [f"{prefix}{base}" for prefix in ("万", "亿", "万亿")] if base == "元" or base.startswith("元/") else \
        [f"万{base}"] if base in COUNT_UNITS else []
    common = ["元", "万元", "亿元", "%", "个百分点", "家", "个", "项", "件", "人", "倍", "位"]
    return list(dict.fromkeys([base, *scaled, *common]))
