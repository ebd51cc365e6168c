"""Which period a figure belongs to: a time in its clause, its sentence, or the running period.

A growth rate spans from its base year (较2015年增长85% -> 2015-2020); in a from-to pair
under a span (2015年以来…从1.91%提升到2.91%) the first value is the span's first year's
and the second its last year's.
"""

from __future__ import annotations

import re

from viewer.model import Figure, FigureKind, Role
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.periods import Period, PeriodMention, resolve, span_period, year_period

_FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
_TO_BEFORE = re.compile(r"(?:到|至)\s*$")

# Where the period was read; "target" for a period that names a goal (到2025年).
SOURCE_CLAUSE, SOURCE_SENTENCE, SOURCE_TARGET = "clause", "sentence", "target"
SOURCE_HEADING, SOURCE_RUNNING, SOURCE_FALLBACK = "heading", "running", "fallback"


def figure_period(
    text: str,
    figure: Figure,
    sentence: LogicalSentence,
    clause_start: int,
    measure: str | None,
    previous: Figure | None,
    current_year: int | None,
) -> tuple[Period | None, float, str]:
    """The figure's period, the confidence in it, and where it was read.

    `previous` is the figure before this one in the sentence, if any.
    """
    before = [m for m in sentence.periods if m.end <= figure.start] if sentence.periods else []
    candidates: list[tuple[PeriodMention, float, str]] = []
    from_clause = [m for m in before if m.after_from and m.start >= clause_start]
    in_clause = [m for m in before if not m.base and not m.after_from and m.start >= clause_start]
    if from_clause and not in_clause:
        candidates.append((from_clause[-1], 1.0, SOURCE_CLAUSE))
    candidates += [(m, 1.0, SOURCE_CLAUSE) for m in reversed(in_clause)]
    candidates += [
        (m, 0.9, SOURCE_SENTENCE) for m in reversed(before) if not m.base and not m.after_from and m.start < clause_start
    ]
    period: Period | None = None
    confidence, source = 0.5, SOURCE_FALLBACK
    for mention, weight, where in candidates:
        period = resolve(mention, sentence.running, current_year)
        if period is not None:
            confidence, source = weight, (SOURCE_TARGET if mention.target else where)
            break
    if period is None and sentence.running is not None:
        period, confidence = sentence.running, 0.8
        source = SOURCE_HEADING if sentence.running_from_heading else SOURCE_RUNNING
    if period is None and current_year is not None:
        period = year_period(current_year)
    if period is None:
        return None, 0.5, source
    period = _from_to_year(text, figure, previous, clause_start, period)
    if measure == Role.RANK:
        period = year_period(period.end, period.label[5:] if period.start == period.end else "")
    if measure == Role.GROWTH or (measure is None and figure.kind == FigureKind.MULTIPLE):
        period = _growth_span(before, period)
    return period, confidence, source


def _growth_span(before: list[PeriodMention], period: Period) -> Period:
    base_year: int | None = None
    for mention in reversed(before):
        if mention.base and mention.period is not None:
            base_year = mention.period.start
            if mention.kind == "relative":
                base_year = period.end - 1  # 较去年: the year before the figure's year
            break
        if mention.after_from and mention.period is not None:
            base_year = mention.period.start
            break
    if base_year is None or base_year >= period.end or base_year == period.end - 1:
        return period
    return span_period(base_year, period.end)


def _from_to_year(text: str, figure: Figure, previous: Figure | None, clause_start: int, period: Period) -> Period:
    """占比重从1.91%提升到2.91% under '2015年以来': the first value is 2015's, the second the last year's."""
    if period.start == period.end:
        return period
    if _FROM_BEFORE.search(text, max(clause_start, figure.start - 3), figure.start):
        return year_period(period.start)
    from_to = (
        previous is not None and previous.end > clause_start
        and _TO_BEFORE.search(text, max(clause_start, figure.start - 6), figure.start)
        and _FROM_BEFORE.search(text, max(clause_start, previous.start - 3), previous.start)
    )
    return year_period(period.end) if from_to else period
