"""Stated changes against a base year whose value the sentence does not give: the value is
looked up among the levels any document reports for the same indicator and region.

- V，是2015年的N倍                multiple_of:  N = V / base
- V，比2015年增长N倍              times_more:   N = V / base - 1
- V%，比上年提高N个百分点          points:       N = V - base
- 2015年以来…年均增长x%           cagr:         x over the figure's span, from the levels at both ends
No value for the base year: cannot check, saying which value is missing.
- V，增幅x% / 同比增长x%          yoy_base:     x = (V / last year's level - 1) * 100, only when
                                                 last year's level is in the store
- V，比2015年增长x%               growth_base:  the same against the level of the year named
The base is the one the clause names (比上年, 同比, 比2015年, 较“十三五”末: see `bases`); a
clause that names none is read as against the previous year.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from viewer.model import Figure, FigureKind, Role
from viewer.model.review import CheckKind, Evidence, Finding, Verdict
from viewer.services.checks.context import Corpus, Passage, evidence, is_level
from viewer.services.checks.numeric import corner_range, magnitude, point, stated
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH, compare
from viewer.text import change_words as words
from viewer.text.change_bases import base_year, last_clause, named_base


def check_passage(corpus: Corpus, passage: Passage, used: set[int]) -> list[Finding]:
    findings: list[Finding] = []
    figures = [f for f in passage.figures if f.id not in used]
    index = 0
    while index < len(figures):
        figure = figures[index]
        if figure.kind == FigureKind.MULTIPLE and figure.unit_text != "番":
            group = _listed(passage, figures, index)
            findings.extend(_multiples(corpus, passage, group, _gap_before(passage, figure)))
            index += len(group)
            continue
        if figure.kind == FigureKind.POINTS:
            findings.extend(_points(corpus, passage, figure, _gap_before(passage, figure)))
        elif figure.kind == FigureKind.PERCENT:
            gap = _gap_before(passage, figure)
            if "年均" in gap[-10:]:
                findings.extend(_cagr(corpus, passage, figure, gap))
            elif words.YOY_CUE.search(gap):
                findings.extend(_yoy(corpus, passage, figure, gap))
        index += 1
    return findings


def _gap_before(passage: Passage, figure: Figure) -> str:
    previous = passage.preceding(figure)
    start = previous[-1].end - passage.start if previous else 0
    return passage.text[start : figure.start - passage.start]


def _listed(passage: Passage, figures: list[Figure], index: int) -> list[Figure]:
    group = [figures[index]]
    for following in figures[index + 1 :]:
        if following.kind != FigureKind.MULTIPLE or not words.LIST_GAP.match(passage.between(group[-1], following)):
            break
        group.append(following)
    return group


def _base_year(match: re.Match[str], figure: Figure) -> int | None:
    return base_year(match.group("base") or "上年", figure.year)


def _base_value(corpus: Corpus, figure: Figure, year: int) -> Figure | None:
    if not figure.indicator or not figure.region:
        return None
    for candidate in corpus.levels(figure.indicator, figure.region, year):
        if candidate.unit == figure.unit and candidate.id != figure.id:
            return candidate
    return None


def _missing(figure: Figure, year: int | None) -> tuple[str, str]:
    about = " ".join(x for x in (figure.region, figure.indicator) if x) or figure.text
    if year is None:
        return "基期不明", "the base year is not clear"
    return f"库中没有{about}{year}年的数值", f"no value of {about} for {year} in the store"


def _multiples(corpus: Corpus, passage: Passage, group: list[Figure], gap: str) -> list[Finding]:
    times_more = words.TIMES_MORE_THAN_BASE.search(gap)
    cue = times_more or words.MULTIPLE_OF_BASE.search(gap)
    if cue is None:
        return []
    levels = [f for f in passage.preceding(group[0]) if is_level(f) and f.kind != FigureKind.PERCENT]
    if not levels:
        return []
    pairs = list(zip(levels[-len(group) :], group[-len(levels) :], strict=False))
    pattern = "times_more" if times_more else "multiple_of"
    findings = []
    for level, multiple in pairs:
        year = _base_year(cue, level)
        base = _base_value(corpus, level, year) if year is not None else None

        def formula(v: float, b: float, more: bool = times_more is not None) -> float:
            return v / b - (1 if more else 0)

        findings.append(_finding(pattern, "倍", formula, level, multiple, base, year))
    return findings


def _points(corpus: Corpus, passage: Passage, figure: Figure, gap: str) -> list[Finding]:
    cue = words.POINTS_SINCE_BASE.search(gap)
    if cue is None:
        return []
    levels = [f for f in passage.preceding(figure) if is_level(f) and f.kind == FigureKind.PERCENT]
    if not levels:
        return []
    level = levels[-1]
    year = _base_year(cue, level)
    base = _base_value(corpus, level, year) if year is not None else None
    down = cue.group("verb") in ("下降", "降低", "减少")

    def formula(v: float, b: float) -> float:
        return (b - v) if down else (v - b)

    return [_finding("points", "个百分点", formula, level, figure, base, year)]


def _finding(pattern: str, unit: str, formula: Callable[[float, float], float], level: Figure, claim: Figure,
             base: Figure | None, year: int | None) -> Finding:
    proof: tuple[Evidence, ...] = (evidence(level, "current"), evidence(claim, "stated"))
    if base is None or base.value is None or level.value is None:
        zh, en = _missing(level, year)
        return Finding(
            kind=CheckKind.CHANGE, verdict=Verdict.CANNOT_CHECK, pattern=pattern, stated=claim.value, unit=unit,
            message=f"{level.text}，文中为{claim.text}；{zh}：{VERDICT_ZH[Verdict.CANNOT_CHECK]}",
            message_en=f"{level.text}, stated {claim.text}; {en}: cannot check", evidence=proof,
        )
    current, previous = stated(level), stated(base)
    assert current is not None and previous is not None
    computed_range = corner_range(formula, current, previous)
    try:
        computed: float | None = formula(level.value, base.value)
    except ZeroDivisionError:
        computed = None
    verdict = compare(stated(magnitude(claim)), computed_range)
    shown = "—" if computed is None else point(computed) + unit
    return Finding(
        kind=CheckKind.CHANGE, verdict=verdict, pattern=pattern, stated=claim.value, computed=computed, unit=unit,
        message=f"{year}年为{base.text}，现为{level.text}，计算得{shown}，文中为{claim.text}：{VERDICT_ZH[verdict]}",
        message_en=(f"{base.text} in {year} and {level.text} now give {shown}; the text states {claim.text}: "
                    f"{VERDICT_EN[verdict]}"),
        evidence=(*proof, evidence(base, "base")),
    )


def _cagr(corpus: Corpus, passage: Passage, rate: Figure, gap: str) -> list[Finding]:
    first, last = rate.period_start, rate.period_end
    doc_year = corpus.doc_years.get(passage.doc_id)
    if first is None or last is None or last <= first or (doc_year is not None and last >= doc_year):
        return []  # a single year, or a span not over yet when the document was written: a target
    named = named_base(last_clause(gap), last)
    if named is not None:
        if named.year is None or named.year >= last:
            return []
        first = named.year  # 较2015年年均增长: from the level of the year named
    elif words.PLAN_NAME.search(passage.text[: rate.start - passage.start]):
        first -= 1  # 十三五 (2016-2020) grows from the level of 2015
    start = _level(corpus, rate, first)
    end = _level(corpus, rate, last, start.unit if start else None)
    proof: tuple[Evidence, ...] = (evidence(rate, "stated"),)
    years = last - first
    if start is None or end is None or start.value is None or end.value is None:
        missing = first if start is None else last
        zh, en = _missing(rate, missing)
        return [Finding(
            kind=CheckKind.CHANGE, verdict=Verdict.CANNOT_CHECK, pattern="cagr", stated=rate.value, unit="%",
            message=f"{first}—{last}年年均增长{rate.text}；{zh}：{VERDICT_ZH[Verdict.CANNOT_CHECK]}",
            message_en=f"Average {rate.text} a year over {first}-{last}; {en}: cannot check", evidence=proof,
        )]

    def formula(a: float, b: float) -> float:
        return float(((b / a) ** (1 / years) - 1) * 100)

    a_range, b_range = stated(start), stated(end)
    assert a_range is not None and b_range is not None
    computed = formula(start.value, end.value)
    verdict = compare(stated(magnitude(rate)), corner_range(formula, a_range, b_range))
    return [Finding(
        kind=CheckKind.CHANGE, verdict=verdict, pattern="cagr", stated=rate.value, computed=computed, unit="%",
        message=(f"{first}年{start.text}至{last}年{end.text}，计算年均增幅为{point(computed)}%，文中为{rate.text}："
                 f"{VERDICT_ZH[verdict]}"),
        message_en=(f"From {start.text} ({first}) to {end.text} ({last}) is {point(computed)}% a year; the text "
                    f"states {rate.text}: {VERDICT_EN[verdict]}"),
        evidence=(*proof, evidence(start, "from"), evidence(end, "to")),
    )]


def _level(corpus: Corpus, rate: Figure, year: int, unit: str | None = None) -> Figure | None:
    if not rate.indicator or not rate.region:
        return None
    for candidate in corpus.levels(rate.indicator, rate.region, year):
        if candidate.kind != FigureKind.PERCENT and (unit is None or candidate.unit == unit):
            return candidate
    return None


def _yoy(corpus: Corpus, passage: Passage, rate: Figure, gap: str) -> list[Finding]:
    if rate.year is None or not rate.indicator:
        return []
    named = named_base(last_clause(gap), rate.year)
    year = rate.year - 1 if named is None else named.year
    if year is None or year >= rate.year or rate.period not in ("", str(rate.year), f"{year}-{rate.year}"):
        return []
    levels = [f for f in passage.preceding(rate) if f.indicator == rate.indicator and f.kind != FigureKind.PERCENT
              and f.value is not None and (is_level(f) or f.role == Role.ESTIMATE)]
    if not levels or levels[-1] is not passage.preceding(rate)[-1]:
        return []
    level = levels[-1]
    if not level.region or level.year != rate.year:
        return []
    base = next((f for f in corpus.levels(level.indicator or "", level.region, year, estimates=True)
                 if f.unit == level.unit), None)
    if base is None:
        return []

    def formula(v: float, b: float) -> float:
        return (v / b - 1) * 100

    pattern = "yoy_base" if year == rate.year - 1 else "growth_base"
    return [_finding(pattern, "%", formula, level, rate, base, year)]
