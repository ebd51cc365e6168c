"""The base a stated change is measured against, as the text names it.

比上年 / 较去年 / 同比 / 上年同期   the year before the current value's
比2015年 / 较2015年末 / 是2015年的   that year
较“十三五”末 / 比十二五期末         the last year of that plan (2020, 2015)
A change can only be recomputed from two values when the base the text names is the year of the
earlier value: "由2015年的1.62%提高到2.35%，比上年提高0.25个百分点" states a change since the
previous year, not since 2015.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLAN_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}
BASE = (
    r"(?:(?:19|20)\d{2}\s*年(?:末|底)?|去年(?:同期)?|上年(?:同期)?|上一年|"
    r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期)?末)"
)
_NAMED = re.compile(
    rf"(?:(?:比|较|相比|相较|与|同|是|为|相当于)\s*(?P<base>{BASE})|(?P<same>同比|环比))"
)
_CLAUSE_BREAK = re.compile(r"[，,；;。：:]")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_PLAN = re.compile(r"十([一二三四五])五")


@dataclass(frozen=True)
class NamedBase:
    """A base the text names; `year` is None when it is "last year" of an unknown year."""

    text: str
    year: int | None


def base_year(named: str, current_year: int | None) -> int | None:
    """The year a base as written stands for (2015年 -> 2015, 上年 -> current_year - 1, 十三五末 -> 2020)."""
    year = _YEAR.match(named)
    if year:
        return int(year.group())
    plan = _PLAN.search(named)
    if plan:
        return _PLAN_END[plan.group(1)]
    return current_year - 1 if current_year is not None else None


def last_clause(text: str) -> str:
    """The text after the last clause break (the clause a stated change sits in)."""
    return _CLAUSE_BREAK.split(text)[-1]


def named_base(clause: str, current_year: int | None) -> NamedBase | None:
    """The last base named in a clause, or None when the clause names none."""
    found = list(_NAMED.finditer(clause))
    if not found:
        return None
    match = found[-1]
    if match.group("same"):
        year = None if match.group("same") == "环比" or current_year is None else current_year - 1
        return NamedBase(match.group("same"), year)
    named = match.group("base")
    return NamedBase(named, base_year(named, current_year))


def agrees(base: NamedBase | None, from_year: int | None) -> bool:
    """Whether a change stated against `base` can be recomputed from a value of `from_year`:
    yes when the text names no base (the earlier value is the base) or names that very year."""
    if base is None:
        return True
    return base.year is not None and base.year == from_year
