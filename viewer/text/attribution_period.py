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
_OF_YEAR = re.compile(r"\s*的?\s*")  # 由2015年的1.62%, 比2021年的38.9亿元
_YEAR_LIST_GAP = re.compile(r"\s*[、和及与,，]\s*")
_RESPECTIVELY = "分别"
_LIST_AND = re.compile(r"\s*[、和及与]\s*")

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
    listed: Period | None = None,
) -> tuple[Period | None, float, str]:
    """The figure's period, the confidence in it, and where it was read.

    `previous` is the figure before this one in the sentence, if any; `listed` its year
    from a list of years (see `respectively_years`).
    """
    before = [m for m in sentence.periods if m.end <= figure.start] if sentence.periods else []
    if listed is not None:
        return _measured(listed, before, measure, figure), 1.0, SOURCE_CLAUSE
    if measure is None and before and before[-1].base:
        base = _base_of_level(text, figure, before[-1], clause_start)
        if base is not None:
            return base, 1.0, SOURCE_CLAUSE
    candidates: list[tuple[PeriodMention, float, str]] = []
    from_clause = [m for m in before if m.after_from and m.start >= clause_start]
    in_clause = [m for m in before if not m.base and not m.after_from and m.start >= clause_start]
    if from_clause and not in_clause and not _to_of_pair(text, figure, previous, from_clause[-1]):
        candidates.append((from_clause[-1], 1.0, SOURCE_CLAUSE))
    candidates += [(m, 1.0, SOURCE_CLAUSE) for m in reversed(in_clause)]
    candidates += [
        (m, 0.9, SOURCE_SENTENCE) for m in reversed(before) if not m.base and not m.after_from and m.start < clause_start
    ]
    period: Period | None = None
    confidence, source = 0.5, SOURCE_FALLBACK
    for mention, weight, where in candidates:
        period = resolve(mention, _running_at(mention, before, sentence.running, current_year), current_year)
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
    return _measured(period, before, measure, figure), confidence, source


def _running_at(
    mention: PeriodMention, before: list[PeriodMention], running: Period | None, current_year: int | None
) -> Period | None:
    """The period in force where a "now" word (目前) stands: the last period the sentence named
    before it (今年，…目前), else the one running into the sentence."""
    if mention.kind != "current":
        return running
    for earlier in reversed(before):
        if earlier.start < mention.start and earlier.kind != "current" and not (
                earlier.base or earlier.after_from or earlier.target):
            named = resolve(earlier, running, current_year)
            if named is not None:
                return named
    return running


def _measured(period: Period, before: list[PeriodMention], measure: str | None, figure: Figure) -> Period:
    """A rank is of a year; a growth rate spans from its base year."""
    if measure == Role.RANK:
        return year_period(period.end, period.label[5:] if period.start == period.end else "")
    if measure == Role.GROWTH or (measure is None and figure.kind == FigureKind.MULTIPLE):
        return _growth_span(before, period)
    return period


def _base_of_level(text: str, figure: Figure, base: PeriodMention, clause_start: int) -> Period | None:
    """比2021年的38.9亿元: a level right after its comparison base year is that year's."""
    if figure.kind != FigureKind.MULTIPLE and base.start >= clause_start and base.period is not None \
            and _OF_YEAR.fullmatch(text, base.end, figure.start):
        return base.period
    return None


def _to_of_pair(text: str, figure: Figure, previous: Figure | None, from_mention: PeriodMention) -> bool:
    """由2015年的1.62%提高到2.35%: the second value is not the from-year's."""
    return (
        previous is not None and from_mention.end <= previous.start < figure.start
        and _OF_YEAR.fullmatch(text, from_mention.end, previous.start) is not None
        and _TO_BEFORE.search(text, previous.end, figure.start) is not None
    )


def respectively_years(text: str, sentence: LogicalSentence, figures: list[Figure]) -> dict[int, Period]:
    """2020年、2021年…分别为36.5亿元、41.8亿元: the k-th figure of a 分别 list of as many
    figures as the years listed before it gets the k-th year. Keyed by position in `figures`."""
    found: dict[int, Period] = {}
    at = text.find(_RESPECTIVELY, sentence.start, sentence.end)
    while at >= 0:
        years = _year_list_before(text, [m for m in sentence.periods if m.end <= at])
        if years:
            clause_end = sentence.clause(at)[1]
            listed = [i for i, f in enumerate(figures) if at < f.start < clause_end]
            if len(listed) == len(years):
                found.update(zip(listed, years, strict=True))
        at = text.find(_RESPECTIVELY, at + len(_RESPECTIVELY), sentence.end)
    return found


def _year_list_before(text: str, before: list[PeriodMention]) -> list[Period]:
    """The years of the list of two or more years that is the last time named before a point."""
    run: list[PeriodMention] = []
    for mention in reversed(before):
        if mention.kind != "year" or mention.sub or mention.base or mention.period is None:
            break
        if run and not _YEAR_LIST_GAP.fullmatch(text, mention.end, run[-1].start):
            break
        run.append(mention)
    return [m.period for m in reversed(run) if m.period is not None] if len(run) > 1 else []


def _growth_span(before: list[PeriodMention], period: Period) -> Period:
    base_year: int | None = None
    for mention in reversed(before):
        if mention.base and mention.period is not None:
            if mention.period.start < mention.period.end:
                return period  # 较“十三五”时期增长148%: one span's total against another's
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


def _from_list(text: str, figure: Figure, previous: Figure | None) -> bool:
    """分别由1057亿元和317亿元: a value listed after a from-value is a from-value too."""
    if previous is None or not _LIST_AND.fullmatch(text, previous.end, figure.start):
        return False
    return _FROM_BEFORE.search(text, max(0, previous.start - 3), previous.start) is not None


def _from_to_year(text: str, figure: Figure, previous: Figure | None, clause_start: int, period: Period) -> Period:
    """占比重从1.91%提升到2.91% under '2015年以来': the first value is 2015's, the second the last year's."""
    if period.start == period.end:
        return period
    if _FROM_BEFORE.search(text, max(clause_start, figure.start - 3), figure.start) or _from_list(text, figure, previous):
        return year_period(period.base if period.base is not None else period.start)
    from_to = (
        previous is not None and previous.end > clause_start
        and _TO_BEFORE.search(text, max(clause_start, figure.start - 6), figure.start)
        and _FROM_BEFORE.search(text, max(clause_start, previous.start - 3), previous.start)
    )
    return year_period(period.end) if from_to else period
