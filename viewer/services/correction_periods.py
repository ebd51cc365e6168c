"""A figure's period as the correction editor shows it (a year and a kind of period: 全年,
上半年, 前三季度, 1–N月, 截至N月, 今年以来, a span of years) and back to the figure's fields.

The labels are those the analysis writes (viewer.text.periods): "2023", "2023-H1",
"2023-Q1-Q3", "2023-M01-M11", "2023-03" (as of the end of March), "2023-YTD" and
"2023-YTD-11" (今年以来, in a document that appeared in November), "2021-2025".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from viewer.text.periods import YTD, month_sub, span_period, year_period, ytd_period


class PeriodKind:
    NONE = "none"  # no year
    YEAR = "year"  # 全年
    H1, H2 = "H1", "H2"
    Q1, Q2, Q3, Q4 = "Q1", "Q2", "Q3", "Q4"
    Q1_Q3 = "Q1-Q3"  # 前三季度
    MONTHS = "months"  # 1–N月 (months 1..N of the year)
    AS_OF = "as_of"  # 截至N月底
    YTD = YTD  # 今年以来: January to the time of writing (month: when the document appeared, if known)
    SPAN = "span"  # 2021–2025: several years


# The kinds in the order the editor lists them.
PERIOD_KINDS = (PeriodKind.YEAR, PeriodKind.H1, PeriodKind.H2, PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3,
                PeriodKind.Q4, PeriodKind.Q1_Q3, PeriodKind.MONTHS, PeriodKind.AS_OF, PeriodKind.YTD, PeriodKind.SPAN,
                PeriodKind.NONE)
_SUBS = {PeriodKind.H1, PeriodKind.H2, PeriodKind.Q1, PeriodKind.Q2, PeriodKind.Q3, PeriodKind.Q4, PeriodKind.Q1_Q3}
_MONTHS = re.compile(r"^M(\d{2})-M(\d{2})$")
_MONTH = re.compile(r"^(\d{2})$")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")
_TO_DATE = re.compile(rf"^{YTD}(?:-(\d{{2}}))?$")


@dataclass(frozen=True)
class PeriodParts:
    kind: str
    year: int | None = None  # the year; of a span, its last year
    first_year: int | None = None  # of a span
    month: int | None = None  # the last month of MONTHS, the month of AS_OF, of YTD its document's (or None)


def period_parts(period: str, year: int | None, period_start: int | None = None,
                 period_end: int | None = None) -> PeriodParts:
    """Read a figure's period fields."""
    if year is None and not period:
        return PeriodParts(PeriodKind.NONE)
    span = _SPAN.match(period)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        return PeriodParts(PeriodKind.SPAN, last, first)
    if period_start is not None and period_end is not None and period_end > period_start:
        return PeriodParts(PeriodKind.SPAN, period_end, period_start)
    head, _, sub = period.partition("-")
    if head.isdigit() and len(head) == 4:
        year = int(head)
    if not sub:
        return PeriodParts(PeriodKind.YEAR, year)
    if sub in _SUBS:
        return PeriodParts(sub, year)
    months = _MONTHS.match(sub)
    if months and int(months.group(1)) == 1:
        return PeriodParts(PeriodKind.MONTHS, year, month=int(months.group(2)))
    month = _MONTH.match(sub)
    if month:
        return PeriodParts(PeriodKind.AS_OF, year, month=int(month.group(1)))
    to_date = _TO_DATE.match(sub)
    if to_date:
        return PeriodParts(PeriodKind.YTD, year, month=int(to_date.group(1)) if to_date.group(1) else None)
    return PeriodParts(PeriodKind.YEAR, year)  # a label this editor cannot show keeps its year


def period_fields(parts: PeriodParts) -> dict[str, Any]:
    """The figure's year, period, period_start and period_end for `parts`. Raises ValueError
    for an incomplete or impossible period (a span that ends before it starts)."""
    if parts.kind == PeriodKind.NONE or parts.year is None:
        if parts.kind != PeriodKind.NONE:
            raise ValueError("a period needs a year")
        return {"year": None, "period": "", "period_start": None, "period_end": None}
    if parts.kind == PeriodKind.SPAN:
        if parts.first_year is None or parts.first_year > parts.year:
            raise ValueError("a span of years must start before it ends")
        period = span_period(parts.first_year, parts.year)
    elif parts.kind == PeriodKind.MONTHS:
        if parts.month is None or not 2 <= parts.month <= 12:
            raise ValueError("months 1 to N need N between 2 and 12")
        period = year_period(parts.year, "" if parts.month == 12 else month_sub(1, parts.month))
    elif parts.kind == PeriodKind.AS_OF:
        if parts.month is None or not 1 <= parts.month <= 12:
            raise ValueError("the month must be between 1 and 12")
        period = year_period(parts.year, f"{parts.month:02d}")
    elif parts.kind == PeriodKind.YTD:
        if parts.month is not None and not 1 <= parts.month <= 12:
            raise ValueError("the month must be between 1 and 12")
        period = ytd_period(parts.year, parts.month)
    elif parts.kind in _SUBS:
        period = year_period(parts.year, parts.kind)
    elif parts.kind == PeriodKind.YEAR:
        period = year_period(parts.year)
    else:
        raise ValueError(f"unknown kind of period: {parts.kind}")
    return {"year": period.year, "period": period.label, "period_start": period.start, "period_end": period.end}
