"""Check kind 3: a full-year value far out of line with its neighbours in the same series (the
same indicator, region and unit) — the typical sign of 亿 for 万 or a slipped decimal point.
Worded as a question for the reviewer, with the neighbours as evidence."""

from __future__ import annotations

import statistics
from collections import defaultdict

from viewer.model import Figure
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks.context import Corpus, evidence, full_year, is_level
from viewer.services.checks.numeric import point

FACTOR = 5.0  # this many times larger or smaller than a neighbour is out of line
MAX_GAP = 3  # years between neighbours
SHOWN_PER_YEAR = 10  # figures of one year cited as evidence


def _apart(a: float, b: float) -> bool:
    return max(a / b, b / a) >= FACTOR


def check(corpus: Corpus) -> list[Finding]:
    series: dict[tuple[str, str, str], dict[int, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for figure in corpus.figures():
        if is_level(figure) and full_year(figure) and figure.indicator and figure.region and (figure.value or 0) > 0:
            series[(figure.indicator, figure.region, figure.unit)][figure.year or 0].append(figure)
    findings = []
    for by_year in series.values():
        findings.extend(_series_findings(by_year))
    return findings


def _series_findings(by_year: dict[int, list[Figure]]) -> list[Finding]:
    years = sorted(by_year)
    values = {y: statistics.median(f.value or 0.0 for f in by_year[y]) for y in years}
    findings = []
    if len(years) == 2 and years[1] - years[0] <= MAX_GAP and _apart(values[years[0]], values[years[1]]):
        first, second = years
        return [_finding(by_year, values, second, [first], pair=True)]
    for index, year in enumerate(years):
        neighbours = [
            y for y in (years[index - 1] if index else None, years[index + 1] if index + 1 < len(years) else None)
            if y is not None and abs(y - year) <= MAX_GAP
        ]
        if not neighbours or not all(_apart(values[year], values[n]) for n in neighbours):
            continue
        if len(neighbours) == 2 and _apart(values[neighbours[0]], values[neighbours[1]]):
            continue  # a steep but steady series, not one point out of line
        if len(neighbours) == 1 and not _in_line_beyond(years, values, year, neighbours[0]):
            continue
        findings.append(_finding(by_year, values, year, neighbours))
    return findings


def _in_line_beyond(years: list[int], values: dict[int, float], year: int, neighbour: int) -> bool:
    """For an end point: does the neighbour agree with its own next neighbour (so the end is the odd one)?"""
    index = years.index(neighbour)
    beyond = years[index - 1] if neighbour > year else (years[index + 1] if index + 1 < len(years) else None)
    if beyond is None or beyond == year or abs(beyond - neighbour) > MAX_GAP:
        return False
    return not _apart(values[neighbour], values[beyond])


def _finding(by_year: dict[int, list[Figure]], values: dict[int, float], year: int, neighbours: list[int],
             pair: bool = False) -> Finding:
    odd = by_year[year][0]
    ratio = values[year] / statistics.mean(values[n] for n in neighbours)
    near = "、".join(f"{n}年{by_year[n][0].text}" for n in neighbours)
    near_en = ", ".join(f"{by_year[n][0].text} in {n}" for n in neighbours)
    about = f"{odd.region}{odd.indicator}"
    size = f"约为{point(ratio, 1)}倍" if ratio >= 1 else f"仅为其1/{point(1 / ratio, 1)}"
    size_en = f"about {point(ratio, 1)} times" if ratio >= 1 else f"about 1/{point(1 / ratio, 1)} of"
    if pair:
        zh = f"{about}：{year}年{odd.text}与{near}相差悬殊（{size}）。是否有一处把“万”写成了“亿”，或小数点错位？请核实。"
        en = (f"{about}: {odd.text} in {year} and {near_en} are far apart ({size_en}). Could one of them use 亿 "
              "for 万, or have a slipped decimal point? Please check.")
    else:
        zh = f"{about}：{year}年为{odd.text}，相邻年份为{near}，{size}。是否把“万”写成了“亿”，或小数点错位？请核实。"
        en = (f"{about}: {odd.text} in {year} is {size_en} its neighbours ({near_en}). Could 亿 stand for 万, or a "
              "decimal point have slipped? Please check.")
    proof = [evidence(f, "value") for f in by_year[year][:SHOWN_PER_YEAR]]
    proof += [evidence(f, "neighbour") for n in neighbours for f in by_year[n][:SHOWN_PER_YEAR]]
    return Finding(
        kind=CheckKind.OUTLIER, verdict=Verdict.QUESTION, pattern="pair" if pair else "neighbours", message=zh,
        message_en=en, stated=odd.value, computed=ratio, unit="倍", evidence=tuple(proof),
    )
