"""Stated changes checked against values stated in the same sentence.

- 由/从A(年)增长至/到B，增幅达x%          growth:      x = (B / A - 1) * 100
- …，年均增长x%                         cagr:        x = ((B / A) ** (1 / years) - 1) * 100
- …，提高N个百分点                       points:      N = B - A
- …，增加了N倍 / 增长N倍                  times_more:  N = B / A - 1
- …，是原来的N倍                          multiple_of: N = B / A
- …，翻了一番 / 翻两番                    doubling:    2 ** n = B / A
- V家，较去年增加N家，同比增长x%           yoy:         x = N / (V - N) * 100
- V，比2021年的B增长x%                    growth:      x = (V / B - 1) * 100 (also 提高N个百分点, 增长N倍)
Decreases (下降, 减少, 降至 …) are checked with the signs turned. A change whose clause names
another base (由2015年的A到B，比上年提高N) is not paired with A: see `bases`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from viewer.model import Figure, FigureKind
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks.context import AMOUNT_KINDS, LEVEL_KINDS, Passage, evidence
from viewer.services.checks.numeric import corner_range, magnitude, point, stated
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH, amount, compare
from viewer.text import change_words as words
from viewer.text.change_bases import agrees, last_clause, named_base

_STATEMENT_GAP = 30
_AGAINST_GAP = 12
_YOY_GAP = 40
_TOTAL_GAP = 12
_CHANGE_BEFORE = re.compile(r"(?:增加|新增|净增|减少)了?[^，,；;。\d]{0,8}$")
_TOTAL_CUE = re.compile(r"总数|总量|总计|累计|共计|达到?|突破|超过")


@dataclass(frozen=True)
class _Rule:
    pattern: str
    unit: str
    formula: Callable[..., float]
    zh: str
    en: str


def _rules(down: bool, years: int | None) -> dict[str, _Rule]:
    sign = -1.0 if down else 1.0
    word = "降幅" if down else "增幅"
    rules = {
        "growth": _Rule("growth", "%", lambda a, b: sign * (b / a - 1) * 100, word, "change"),
        "points": _Rule("points", "个百分点", lambda a, b: sign * (b - a), "变化", "change"),
        "times_more": _Rule("times_more", "倍", lambda a, b: b / a - 1, "增加倍数", "increase (times)"),
        "multiple_of": _Rule("multiple_of", "倍", lambda a, b: b / a, "倍数", "multiple"),
        "doubling": _Rule("doubling", "倍", lambda a, b: b / a, "倍数", "multiple"),
    }
    if years:
        rules["cagr"] = _Rule("cagr", "%", lambda a, b: sign * ((b / a) ** (1 / years) - 1) * 100,
                              f"{years}年年均{word}", f"average yearly change over {years} years")
    return rules


def check_passage(passage: Passage) -> tuple[list[Finding], set[int]]:
    """Findings of one sentence, and the ids of the figures they used."""
    findings: list[Finding] = []
    used: set[int] = set()
    for first, second in zip(passage.figures, passage.figures[1:], strict=False):
        found = _from_to(passage, first, second) or _against(passage, first, second)
        if found is not None and not found[1] & used:
            findings.append(found[0])
            used.update(found[1])
    for level, change, rate in zip(passage.figures, passage.figures[1:], passage.figures[2:], strict=False):
        if not {level.id, change.id, rate.id} & used:
            found_yoy = _yoy(passage, level, change, rate)
            if found_yoy is not None:
                findings.append(found_yoy)
                used.update(i for i in (level.id, change.id, rate.id) if i is not None)
    return findings, used


def _from_to(passage: Passage, a: Figure, b: Figure) -> tuple[Finding, set[int]] | None:
    if a.unit != b.unit or a.kind not in LEVEL_KINDS or a.value is None or b.value is None:
        return None
    if not words.FROM_A.search(passage.before(a, 14)):
        return None
    to = words.TO_B.match(passage.between(a, b))
    if to is None:
        return None
    for c in passage.following(b)[:2]:
        gap = passage.between(b, c)
        if len(gap) > _STATEMENT_GAP or c.value is None:
            break
        rule_name = _statement(gap, c)
        if rule_name is None:
            continue
        year_a, year_b = _end_years(passage, a, b)
        if not agrees(named_base(last_clause(gap), year_b), year_a):
            return None  # stated against another base than A: left to the checks against the store
        down = bool(words.DECREASE.search(gap)) or bool(to.group("verb") and words.DECREASE.search(to.group("verb")))
        years = year_b - year_a if year_a is not None and year_b is not None and year_b > year_a else None
        rules = _rules(down, years)
        if rule_name not in rules:
            return _uncheckable(passage, a, b, c, "cagr"), _ids(a, b, c)
        return _finding(rules[rule_name], a, b, c), _ids(a, b, c)
    return None


def _against(passage: Passage, current: Figure, base: Figure) -> tuple[Finding, set[int]] | None:
    """V，比2021年的B增长x%: the change from B, of the year named, to V."""
    if current.unit != base.unit or current.kind not in LEVEL_KINDS or current.value is None or base.value is None:
        return None
    if not words.AGAINST_STATED.match(passage.between(current, base)):
        return None
    following = passage.following(base)[:1]
    if not following or following[0].value is None or len(passage.between(base, following[0])) > _AGAINST_GAP:
        return None
    stated_change, gap = following[0], passage.between(base, following[0])
    rule_name = _statement(gap, stated_change)
    if rule_name not in ("growth", "points", "times_more"):
        return None
    rule = _rules(bool(words.DECREASE.search(gap)), None)[rule_name or ""]
    return _finding(rule, base, current, stated_change), _ids(current, base, stated_change)


def _statement(gap: str, c: Figure) -> str | None:
    if c.kind == FigureKind.MULTIPLE:
        if c.unit_text == "番":
            return "doubling"
        if words.TIMES_MORE.search(gap):
            return "times_more"
        return "multiple_of" if words.MULTIPLE_OF.search(gap) else None
    if not words.RATE_CUE.search(gap):
        return None
    if c.kind == FigureKind.POINTS:
        return "points"
    if c.kind == FigureKind.PERCENT:
        return "cagr" if "年均" in gap else "growth"
    return None


def _end_years(passage: Passage, a: Figure, b: Figure) -> tuple[int | None, int | None]:
    """The years of the values a change runs from and to, as the text names them."""
    first = words.YEAR_OF_A.findall(passage.before(a, 14))
    second = words.YEAR_OF_A.findall(passage.between(a, b))
    return (int(first[-1]) if first else a.year), (int(second[-1]) if second else b.year)


def _ids(*figures: Figure) -> set[int]:
    return {f.id for f in figures if f.id is not None}


def _finding(rule: _Rule, a: Figure, b: Figure, c: Figure) -> Finding:
    first, second = stated(a), stated(b)
    assert first is not None and second is not None and a.value is not None and b.value is not None
    computed_range = corner_range(rule.formula, first, second)
    try:
        computed: float | None = rule.formula(a.value, b.value)
    except (ZeroDivisionError, ValueError, OverflowError):
        computed = None
    verdict = compare(stated(magnitude(c)), computed_range)
    shown = "—" if computed is None else point(computed) + rule.unit
    zh = f"由{a.text}到{b.text}，计算{rule.zh}为{shown}，文中为{c.text}：{VERDICT_ZH[verdict]}"
    en = f"From {a.text} to {b.text} the {rule.en} is {shown}; the text states {c.text}: {VERDICT_EN[verdict]}"
    return Finding(
        kind=CheckKind.CHANGE, verdict=verdict, message=zh, message_en=en, pattern=rule.pattern,
        stated=c.value, computed=computed, unit=rule.unit,
        evidence=(evidence(a, "from"), evidence(b, "to"), evidence(c, "stated")),
    )


def _uncheckable(passage: Passage, a: Figure, b: Figure, c: Figure, pattern: str) -> Finding:
    zh = f"由{a.text}到{b.text}，文中为{c.text}，但起止年份不明：{VERDICT_ZH[Verdict.CANNOT_CHECK]}"
    en = f"From {a.text} to {b.text}, stated {c.text}, but the years are not clear: cannot check"
    return Finding(
        kind=CheckKind.CHANGE, verdict=Verdict.CANNOT_CHECK, message=zh, message_en=en, pattern=pattern,
        stated=c.value, unit="%", evidence=(evidence(a, "from"), evidence(b, "to"), evidence(c, "stated")),
    )


def _yoy(passage: Passage, first: Figure, second: Figure, rate: Figure) -> Finding | None:
    """V家，较去年增加N家，同比增长x% — or 新增N家，总数达V家，较去年增长x%."""
    if first.unit != second.unit or first.kind not in AMOUNT_KINDS or rate.kind != FigureKind.PERCENT:
        return None
    if not words.YOY_RATE.match(passage.between(second, rate)) or words.FROM_A.search(passage.before(first, 14)):
        return None
    gap = passage.between(first, second)
    if len(gap) <= _YOY_GAP and words.CHANGE_CUE.search(gap):
        level, change, cue = first, second, gap
    elif len(gap) <= _TOTAL_GAP and _TOTAL_CUE.search(gap) and _CHANGE_BEFORE.search(passage.before(first, 12)):
        level, change, cue = second, first, passage.before(first, 12)
    else:
        return None
    change_base = named_base(last_clause(cue), level.year)
    rate_base = named_base(passage.between(second, rate), level.year)
    if change_base is not None and rate_base is not None and change_base.year != rate_base.year:
        return None  # 比2015年增加N家，同比增长x%: the two changes have different bases
    down = bool(words.DECREASE.search(cue))
    if down:
        def formula(v: float, n: float) -> float:
            return n / (v + n) * 100
    else:
        def formula(v: float, n: float) -> float:
            return n / (v - n) * 100
    values, changes = stated(level), stated(change)
    assert values is not None and changes is not None and level.value is not None and change.value is not None
    base = level.value + change.value if down else level.value - change.value
    computed = change.value / base * 100 if base > 0 else None
    computed_range = corner_range(formula, values, changes) if base > 0 else None
    verdict = compare(stated(magnitude(rate)), computed_range)
    shown = "—" if computed is None else point(computed) + "%"
    zh = (f"{level.text}较上期{'减少' if down else '增加'}{change.text}，上期应为{amount(base, level.unit)}，"
          f"计算{'降幅' if down else '增幅'}为{shown}，文中为{rate.text}：{VERDICT_ZH[verdict]}")
    en = (f"{level.text} after a {'fall' if down else 'rise'} of {change.text} puts the previous value at {amount(base, level.unit)}; "
          f"the change is {shown}, the text states {rate.text}: {VERDICT_EN[verdict]}")
    return Finding(
        kind=CheckKind.CHANGE, verdict=verdict, message=zh, message_en=en, pattern="yoy", stated=rate.value,
        computed=computed, unit="%",
        evidence=(evidence(level, "current"), evidence(change, "change"), evidence(rate, "stated")),
    )
