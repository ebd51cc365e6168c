"""Check kind 7: a part of a year (前三季度, 1—11月, 上半年, 截至N月底) far larger than the whole of
every adjacent year of the same series (indicator, region, unit) — a part cannot hold many times
a year's total, so one of them is likely a 万/亿 slip or a misprint. Worded as a question, with
the full years as evidence. Only amounts (money, counts, physical quantities) are compared: a
rate or a share of part of a year may well exceed the year's."""

from __future__ import annotations

import statistics
from collections import defaultdict

from viewer.model import Figure, Role
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.chart import is_part_year
from viewer.services.checks.context import AMOUNT_KINDS, Corpus, evidence
from viewer.services.checks.numeric import point
from viewer.services.figure_words import period_words

FACTOR = 5.0  # a part this many times the whole of each adjacent year is out of line
SHOWN = 10  # figures of one period or year cited as evidence

Key = tuple[str, str, str, str, float]  # indicator, region, unit, period, value


def _amount(figure: Figure) -> bool:
    return figure.role == Role.ACTUAL and figure.kind in AMOUNT_KINDS and (figure.value or 0) > 0 \
        and bool(figure.indicator) and bool(figure.region) and figure.year is not None


def check(corpus: Corpus) -> list[Finding]:
    parts: dict[Key, list[Figure]] = defaultdict(list)
    for figure in corpus.figures():
        if _amount(figure) and is_part_year(figure.period):
            assert figure.indicator and figure.region and figure.value is not None
            parts[(figure.indicator, figure.region, figure.unit, figure.period, figure.value)].append(figure)
    findings = []
    for figures in parts.values():
        found = _finding(corpus, figures)
        if found is not None:
            findings.append(found)
    return findings


def adjacent_years(corpus: Corpus, part: Figure) -> dict[int, list[Figure]]:
    """Full-year amounts of the part's series in its year and the years either side of it."""
    assert part.indicator and part.region and part.year is not None
    years: dict[int, list[Figure]] = {}
    for year in (part.year - 1, part.year, part.year + 1):
        found = [f for f in corpus.levels(part.indicator, part.region, year) if _amount(f) and f.unit == part.unit]
        if found:
            years[year] = found
    return years


def _finding(corpus: Corpus, parts: list[Figure]) -> Finding | None:
    part = parts[0]
    assert part.value is not None
    years = adjacent_years(corpus, part)
    if not years:
        return None
    wholes = {year: statistics.median(f.value or 0.0 for f in found) for year, found in years.items()}
    if not all(part.value >= FACTOR * whole for whole in wholes.values()):
        return None
    ratio = part.value / max(wholes.values())
    about = f"{part.region}{part.indicator}"
    when_zh, when_en = period_words(part.period, part.year, "zh"), period_words(part.period, part.year, "en")
    whole_zh = "、".join(f"{y}年全年为{years[y][0].text}" for y in sorted(years))
    whole_en = ", ".join(f"{years[y][0].text} for the whole of {y}" for y in sorted(years))
    zh = (f"{about}：{when_zh}为{part.text}，{whole_zh}；部分年度至少为全年的{point(ratio, 1)}倍。"
          "一年中的一部分不会远超全年：是否把“万”写成了“亿”，或有笔误？请核实。")
    en = (f"{about}: {part.text} for {when_en}, against {whole_en}; the part of the year is at least "
          f"{point(ratio, 1)} times a whole year. Part of a year cannot far exceed a whole year: could 亿 stand "
          "for 万, or is there a misprint? Please check.")
    proof = [evidence(f, "value") for f in parts[:SHOWN]]
    proof += [evidence(f, "full_year") for y in sorted(years) for f in years[y][:SHOWN]]
    return Finding(kind=CheckKind.PART_YEAR, verdict=Verdict.QUESTION, pattern="part_exceeds_year", message=zh,
                   message_en=en, stated=part.value, computed=ratio, unit="倍", evidence=tuple(proof))
