"""Check kind 5: parts stated with their total (619家，其中国家级52家、省级297家): the parts may
not add up to more than the total; a remainder is reported, not flagged."""

from __future__ import annotations

import re

from viewer.model import Figure, Role
from viewer.model.review import CheckKind, Finding, Verdict
from viewer.services.checks.context import AMOUNT_KINDS, Corpus, Passage, evidence
from viewer.services.checks.numeric import Interval, stated
from viewer.services.checks.verdicts import VERDICT_EN, VERDICT_ZH, amount

_AMONG = re.compile(r"^[^。；;]{0,6}(?:其中|包括|含)")
_FROM = re.compile(r"(?:由|从)[^，,；;。]{0,12}$")
_BREAK = re.compile(r"另|此外|同时|累计|总计|合计")
_PART_GAP = 30
_SKIP_ROLES = (Role.GROWTH, Role.SHARE, Role.RANK)


def check(corpus: Corpus) -> list[Finding]:
    findings = []
    for passage in corpus.passages:
        for index, total in enumerate(passage.figures):
            parts = _parts(passage, total, passage.figures[index + 1 :])
            if parts:
                findings.append(_finding(total, parts))
    return findings


def _parts(passage: Passage, total: Figure, rest: tuple[Figure, ...]) -> list[Figure]:
    if total.kind not in AMOUNT_KINDS or total.role in _SKIP_ROLES or total.value is None or not rest:
        return []
    if not _AMONG.match(passage.between(total, rest[0])):
        return []
    parts: list[Figure] = []
    previous = total
    for figure in rest:
        gap = passage.between(previous, figure)
        if figure.unit != total.unit or figure.kind != total.kind or figure.value is None or len(gap) > _PART_GAP:
            break
        if parts and _BREAK.search(gap):
            break
        if figure.role not in _SKIP_ROLES and not _FROM.search(passage.before(figure, 14)):
            parts.append(figure)
        previous = figure
    return parts


def _finding(total: Figure, parts: list[Figure]) -> Finding:
    whole = stated(total)
    ranges = [stated(p) for p in parts]
    assert whole is not None and total.value is not None
    summed = Interval(sum(r.lo for r in ranges if r), sum(r.hi for r in ranges if r))
    value = sum(p.value or 0.0 for p in parts)
    listed = "、".join(p.text for p in parts)
    summed_zh = f"其中{listed}" + (f"合计{amount(value, total.unit)}" if len(parts) > 1 else "")
    summed_en = f"The part{'s' if len(parts) > 1 else ''} {', '.join(p.text for p in parts)}" + (
        f" (together {amount(value, total.unit)})" if len(parts) > 1 else "")
    if summed.lo > whole.hi and not summed.overlaps(whole):
        verdict = Verdict.INCONSISTENT
        zh = f"{summed_zh}，超过总数{total.text}"
        en = f"{summed_en} {'exceed' if len(parts) > 1 else 'exceeds'} the total {total.text}"
        pattern = "exceeds"
    elif summed.overlaps(whole):
        verdict = Verdict.CONSISTENT
        zh = f"{summed_zh}，与总数{total.text}相等"
        en = f"{summed_en} {'make' if len(parts) > 1 else 'makes'} up the total {total.text}"
        pattern = "adds_up"
    else:
        verdict = Verdict.CONSISTENT
        rest = total.value - value
        zh = f"{summed_zh}，未超过总数{total.text}（其余{amount(rest, total.unit)}）"
        en = f"{summed_en} {'fit' if len(parts) > 1 else 'fits'} within the total {total.text} (other: {amount(rest, total.unit)})"
        pattern = "within"
    return Finding(
        kind=CheckKind.PARTS, verdict=verdict, pattern=pattern, message=f"{zh}：{VERDICT_ZH[verdict]}",
        message_en=f"{en}: {VERDICT_EN[verdict]}", stated=total.value, computed=value, unit=total.unit,
        evidence=(evidence(total, "total"), *(evidence(p, "part") for p in parts)),
    )
