"""Check kind 2: one indicator, region and period reported with different values.

Each figure admits the values its digits and qualifier allow (`numeric.admitted`: 超过200亿元
holds for 520.4亿元; 约X allows 10% either side). For two figures in different sentences:
- no value fits both, and they are within SCOPE_RATIO of each other: a conflict (两者不能同时成立);
  the same digits a power of ten apart (38.9亿元 / 38.9万元) are a conflict at any distance,
  worded as a unit slip;
- more than SCOPE_RATIO apart, whether some value fits both or not (超过200亿元 beside 520.4亿元,
  约260亿元 beside 683.5亿元): one of them is most likely about something else (a zone, a company,
  a part), so a question for the reviewer, never a conflict;
- two bounds of one direction (超过150亿元, 突破200亿元): nothing, the stronger implies the weaker.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import NamedTuple

from viewer.model import Figure, Qualifier
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks.context import Corpus, evidence, is_level
from viewer.services.checks.numeric import Interval, Written, admitted, nominal, point, written
from viewer.services.checks.verdicts import where

SCOPE_RATIO = 1.5  # values this many times apart are more likely about different things
SHOWN_OTHERS = 20  # further reports of the value cited as evidence, besides the pair
CONFLICT, UNIT_SLIP, SCOPE = "same_period", "unit_slip", "scope"
_SEVERITY = {CONFLICT: 2, UNIT_SLIP: 2, SCOPE: 1}
_LOWER = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)


def check(corpus: Corpus) -> list[Finding]:
    groups: dict[tuple[str, str, str, str], list[Figure]] = defaultdict(list)
    for figure in corpus.figures():
        period = figure.period or (str(figure.year) if figure.year is not None else "")
        if is_level(figure) and figure.indicator and figure.region and period:
            groups[(figure.indicator, figure.region, period, figure.unit)].append(figure)
    findings = []
    for figures in groups.values():
        distinct = _distinct(figures)
        worst = _worst_pair(distinct)
        if worst is not None:
            findings.append(_finding(corpus, distinct, *worst))
    return findings


def _distinct(figures: list[Figure]) -> list[Figure]:
    """One figure per document and wording (a heading repeated four times counts once)."""
    seen: dict[tuple[int, str], Figure] = {}
    for figure in figures:
        seen.setdefault((figure.doc_id or 0, figure.text), figure)
    return list(seen.values())


def judge(first: Figure, second: Figure) -> str | None:
    """CONFLICT, UNIT_SLIP or SCOPE for two reports of one value, None when they agree."""
    return _judge(_reading(first), _reading(second))


class _Reading(NamedTuple):
    """What `judge` reads of a figure: each is a function of its form (`_form`)."""

    admitted: Interval | None
    nominal: Interval | None
    written: Written | None
    qualifier: str


def _reading(figure: Figure) -> _Reading:
    return _Reading(admitted(figure), nominal(figure), written(figure), figure.qualifier)


def _judge(first: _Reading, second: _Reading) -> str | None:
    a, b = first.admitted, second.admitted
    if a is None or b is None or _same_direction(first.qualifier, second.qualifier):
        return None
    apart = _ratio(first.nominal, second.nominal)
    if not a.overlaps(b):
        if _unit_slip(first.written, second.written, apart):
            return UNIT_SLIP
        return SCOPE if apart is not None and apart > SCOPE_RATIO else CONFLICT
    return SCOPE if apart is not None and apart > SCOPE_RATIO else None


def ratio(first: Figure, second: Figure) -> float | None:
    """How many times the larger figure's numbers exceed the smaller's (1 when they overlap);
    None for values that are not positive."""
    return _ratio(nominal(first), nominal(second))


def _ratio(a: Interval | None, b: Interval | None) -> float | None:
    if a is None or b is None:
        return None
    low, high = (a, b) if a.hi <= b.hi else (b, a)
    if high.lo <= low.hi:
        return 1.0
    return high.lo / low.hi if low.hi > 0 else None


def _same_direction(first: str, second: str) -> bool:
    return (first in _LOWER and second in _LOWER) or (first == second == Qualifier.UNDER)


def _unit_slip(a: Written | None, b: Written | None, apart: float | None) -> bool:
    if a is None or b is None or not (a.arabic and b.arabic) or a.number != b.number or apart is None:
        return False
    power = math.log10(apart)
    return power >= 0.99 and abs(power - round(power)) < 1e-6


_WORST = (max(_SEVERITY.values()), True)  # nothing ranks above a conflict between two documents


def _worst_pair(figures: list[Figure]) -> tuple[Figure, Figure, str] | None:
    """The most serious disagreement among figures in different sentences, between two documents
    where there is one. Two values in one sentence (国家级4家，省级14家) break a total down rather
    than contradict each other.

    Figures written alike (the same text, value and qualifier) agree with each other and judge
    alike against any other, so pairs of forms are judged, not pairs of figures, each form read
    once: a value repeated by a thousand documents costs as much as one."""
    forms: dict[tuple[object, ...], list[int]] = {}
    for index, figure in enumerate(figures):
        forms.setdefault(_form(figure), []).append(index)
    worst: tuple[Figure, Figure, str] | None = None
    rank = (0, False)
    members = list(forms.values())
    readings = [_reading(figures[member[0]]) for member in members]
    for index, first in enumerate(members):
        reading = readings[index]
        for other in range(index + 1, len(members)):
            found = _judge(reading, readings[other])
            if found is None or (_SEVERITY[found], True) <= rank:
                continue
            pair = _pair(figures, first, members[other])
            if pair is not None and (_SEVERITY[found], pair[2]) > rank:
                worst, rank = (pair[0], pair[1], found), (_SEVERITY[found], pair[2])
                if rank == _WORST:
                    return worst
    return worst


def _form(figure: Figure) -> tuple[object, ...]:
    return figure.text, figure.value, figure.value_high, figure.qualifier, figure.kind


def _pair(figures: list[Figure], first: list[int], second: list[int]) -> tuple[Figure, Figure, bool] | None:
    """The first two figures of two forms in different sentences, from different documents where
    possible (in list order), and whether they are from different documents."""
    same_document: tuple[int, int] | None = None
    for a in first:
        for b in second:
            one, other = figures[a], figures[b]
            if one.doc_id != other.doc_id:
                return figures[min(a, b)], figures[max(a, b)], True
            if same_document is None and one.sentence_start != other.sentence_start:
                same_document = (min(a, b), max(a, b))
    if same_document is None:
        return None
    return figures[same_document[0]], figures[same_document[1]], False


def _finding(corpus: Corpus, figures: list[Figure], first: Figure, second: Figure, pattern: str) -> Finding:
    def source(figure: Figure) -> str:
        return corpus.doc_titles.get(figure.doc_id or 0, "")

    about = where(first)
    if first.doc_id != second.doc_id:
        pair_zh = f"《{source(first)}》为{first.text}，《{source(second)}》为{second.text}"
        pair_en = f"{first.text} in “{source(first)}” and {second.text} in “{source(second)}”"
    else:
        pair_zh = f"同一文档中先后为{first.text}和{second.text}"
        pair_en = f"{first.text} and {second.text} in one document"
    apart = ratio(first, second) or 1.0
    if pattern == SCOPE:
        verdict = Verdict.QUESTION
        zh = f"{about}：{pair_zh}，相差约{point(apart, 1)}倍，可能口径不同（如园区、企业或分项）。请核实。"
        en = (f"{about}: {pair_en} are about {point(apart, 1)} times apart; do they measure different things "
              "(a zone, a company, a part)? Please check.")
    else:
        verdict = Verdict.CONFLICT
        zh = f"{about}：{pair_zh}，两者不能同时成立"
        en = f"{about}: {pair_en} cannot both be true"
        if pattern == UNIT_SLIP:
            zh += "；是否有一处单位写错（如把“亿”写成“万”）？"
            en += "; is the unit of one of them wrong (万 for 亿)?"
    others = [f for f in figures if f is not first and f is not second][:SHOWN_OTHERS]
    return Finding(
        kind=CheckKind.CONFLICT, verdict=verdict, pattern=pattern, message=zh, message_en=en,
        stated=first.value, computed=second.value, unit=first.unit,
        evidence=(evidence(first, "value"), evidence(second, "other value"), *(evidence(f, "also") for f in others)),
    )
