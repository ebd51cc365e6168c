"""Check kind 4: each target against the actual any document reports for the same indicator,
region and year: met, missed (with the gap) or not yet reported. Missed only when the actual as
written cannot reach the target: 超过900家 against a target of 1100家 cannot be checked."""

from __future__ import annotations

import re
from typing import NamedTuple

from viewer.model import Figure, Qualifier, Role
from viewer.model.review import CheckKind, Evidence, Finding, Verdict
from viewer.services.checks.context import Corpus, evidence, full_year
from viewer.services.checks.numeric import Interval, admitted, point, stated
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH, amount, where

_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.UNDER)
_CEILING = re.compile(r"(?:控制在|不超过|不高于|降至|降低到|降到|下降到|压减到|压缩到)\s*$")


SHOWN_ACTUALS = 3  # actuals cited as evidence (latest documents first): the one compared and two more


class _Actuals(NamedTuple):
    """The full-year levels of a target's indicator, region, year and unit, the latest document's
    first, with what every target of them reads: the first's intervals and the evidence cited."""

    figures: list[Figure]
    reached: Interval | None  # as stated
    allowed: Interval | None  # as admitted, for a bound
    shown: tuple[Evidence, ...]


def check(corpus: Corpus) -> list[Finding]:
    groups: dict[tuple[int, str, str, str, int, float, str], list[Figure]] = {}
    for figure in corpus.figures():
        if figure.role == Role.TARGET and figure.value is not None and figure.indicator and figure.region \
                and full_year(figure):
            key = (figure.doc_id or 0, figure.text, figure.indicator, figure.region, figure.year or 0,
                   figure.value, figure.unit)
            groups.setdefault(key, []).append(figure)
    actuals: dict[tuple[str, str, int, str], _Actuals] = {}
    return [_finding(corpus, targets, actuals) for targets in groups.values()]


def _actuals(corpus: Corpus, target: Figure, cache: dict[tuple[str, str, int, str], _Actuals]) -> _Actuals:
    """Full-year levels of the target's indicator, region, year and unit, the latest document's first."""
    assert target.indicator and target.region and target.year is not None
    key = (target.indicator, target.region, target.year, target.unit)
    if key not in cache:
        found = [f for f in corpus.levels(*key[:3]) if f.unit == target.unit]
        found.sort(key=lambda f: -(corpus.doc_years.get(f.doc_id or 0) or 0))
        first = found[0] if found else None
        cache[key] = _Actuals(
            found, stated(first) if first else None,
            admitted(first) if first and first.qualifier in _BOUNDS else None,
            tuple(evidence(a, "actual") for a in found[:SHOWN_ACTUALS]))
    return cache[key]


def _ceiling(corpus: Corpus, target: Figure) -> bool:
    if target.qualifier == Qualifier.UNDER:
        return True
    if corpus.ceilings is not None:  # a corpus without sentences: read beforehand, see `ceilings`
        return target.id in corpus.ceilings
    return _ceiling_words(corpus, target)


def _ceiling_words(corpus: Corpus, target: Figure) -> bool:
    passage = corpus.passage_of(target)
    before = passage.before(target, 8) if passage else ""
    return bool(_CEILING.search(before))


def ceilings(corpus: Corpus) -> set[int]:
    """Ids of the targets of these sentences that their words make a ceiling (控制在…): what a
    check of their series, run without the sentences, needs of them."""
    return {f.id for f in corpus.figures() if f.role == Role.TARGET and f.id is not None and _ceiling_words(corpus, f)}


def _finding(corpus: Corpus, targets: list[Figure], cache: dict[tuple[str, str, int, str], _Actuals]) -> Finding:
    target = targets[0]
    assert target.value is not None
    reported = _actuals(corpus, target, cache)
    actuals = reported.figures
    proof: list[Evidence] = [evidence(t, "target") for t in targets]
    about = where(target)
    if not actuals:
        zh = f"{about}目标{target.text}：{VERDICT_ZH[Verdict.NOT_REPORTED]}"
        en = f"{about} target {target.text}: {VERDICT_EN[Verdict.NOT_REPORTED]}"
        return Finding(kind=CheckKind.TARGET, verdict=Verdict.NOT_REPORTED, pattern="target", message=zh,
                       message_en=en, stated=target.value, unit=target.unit, evidence=tuple(proof))
    actual = actuals[0]
    assert actual.value is not None
    goal, reached = stated(target), reported.reached
    assert goal is not None and reached is not None
    ceiling = _ceiling(corpus, target)
    met = reached.lo <= goal.hi if ceiling else reached.hi >= goal.lo
    allowed = reported.allowed or reached
    missed = allowed.lo > goal.hi if ceiling else allowed.hi < goal.lo
    verdict = Verdict.MET if met else (Verdict.MISSED if missed else Verdict.CANNOT_CHECK)
    gap = actual.value - target.value
    percent = f"{point(gap / target.value * 100, 1)}%" if target.value else ""
    signed = ("+" if gap >= 0 else "-") + amount(abs(gap), target.unit)
    zh = f"{about}目标{target.text}，实际{actual.text}（差{signed}{'，' + percent if percent else ''}）：{VERDICT_ZH[verdict]}"
    en = (f"{about} target {target.text}, actual {actual.text} (gap {signed}{', ' + percent if percent else ''}): "
          f"{VERDICT_EN[verdict]}")
    if verdict == Verdict.CANNOT_CHECK:  # a bound on the wrong side of the target: it may or may not be reached
        zh = f"{about}目标{target.text}，实际仅知{actual.text}，不能确定是否达到：{VERDICT_ZH[verdict]}"
        en = f"{about} target {target.text}, actual only known as {actual.text}, which may or may not reach it: " \
             f"{VERDICT_EN[verdict]}"
    proof += reported.shown
    return Finding(kind=CheckKind.TARGET, verdict=verdict, pattern="ceiling" if ceiling else "target", message=zh,
                   message_en=en, stated=target.value, computed=actual.value, unit=target.unit,
                   evidence=tuple(proof))
