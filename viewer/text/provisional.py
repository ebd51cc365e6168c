"""Provisional indicators: a measure phrase the taxonomy lacks, named from the phrase itself.

打造高能级创新平台14个 -> 高能级创新平台数, 使用创新券3.2亿元 -> 创新券使用额: the subject, time
and doing verbs are taken off before (viewer.text.measures), a measuring verb is kept after its
object, and the unit's noun (数, 额, 次数) is added, so that the same phrase in another report
names the same series. A list summed up by a count (…三大先导产业) is named by the summary, a
list of things counted together by all of them (工程技术中心和重点实验室数). Generic nouns,
circumstances (在…的情况下) and a rank's scope name nothing.
"""

from __future__ import annotations

import re

from viewer.model import FigureKind, Role
from viewer.text.measure_words import (
    ABBREVIATIONS,
    CIRCUMSTANCE,
    CLAUSAL_VERBS,
    GENERIC,
    GENERIC_HEAD,
    LEVELS,
    LIST_SUMMARY,
)

_MARKS = re.compile(r"[“”\"'《》〈〉（()）]")  # quotes and brackets, whose words stay
_PHRASE_CHARS = re.compile(r"^[\u3400-\u9fffA-Za-z&、\u2160-\u216f]+(?:[0-9][A-Za-z][\u3400-\u9fff]+)?$")
_PHRASE_MAX, _LIST_PHRASE_MAX = 24, 40
_LEVEL_LIST = re.compile("^(?:(?:" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")[、和及与]){1,4}")
_LEVEL_BEFORE = re.compile("(?:" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")$")
_TOTAL_HEAD = re.compile(r"(?:总数|数量)$")
_MONEY_HEADS = ("额", "金", "费", "费用", "资金", "经费", "投资", "投入", "收入", "产值", "增加值", "规模", "贷款",
                "总值", "营收", "基金", "利润", "税收", "支出", "成本", "奖励", "补助", "补贴", "融资", "资产")
_COUNT_HEADS = ("数", "量", "次数", "人数", "户数")
_PERCENT_HEADS = ("率", "比重", "比例", "占比", "强度", "指数", "贡献率", "覆盖率", "达标率")
_TIMES_UNITS = frozenset({"次", "场", "人次", "批次"})
_LEVEL_ROLES = (None, Role.ACTUAL, Role.ESTIMATE, Role.TARGET)


def provisional_name_of(phrase: str, verb: str, kind: str, unit: str, role: str | None) -> str | None:
    """The name of the provisional indicator a measure phrase names, or None if it names nothing."""
    if kind == FigureKind.RANK or role == Role.RANK or len(phrase) < 2:
        return None  # a rank's words name its scope (全省市州排名), not its measure
    phrase = _after_clausal_verb(phrase)
    levels = _LEVEL_LIST.match(phrase) if "、" in phrase else None
    phrase = _MARKS.sub("", phrase).strip()
    if not _PHRASE_CHARS.match(phrase) or CIRCUMSTANCE.search(phrase):
        return None
    summary = LIST_SUMMARY.search(phrase) if "、" in phrase else None
    if summary is not None:
        phrase, levels = summary.group(), None  # …和人工智能三大先导产业 -> 三大先导产业
    for short, full in ABBREVIATIONS:
        phrase = phrase.replace(short, full)
    if "、" in phrase and levels is None:
        items = phrase.split("、")
        if any(len(item) < 2 for item in items):
            return None
        phrase = "、".join(items[:-1]) + "和" + items[-1]  # 工程技术中心、重点实验室 41家: counted together
    core = phrase[levels.end() :] if levels else phrase
    limit = _LIST_PHRASE_MAX if "和" in phrase else _PHRASE_MAX
    if len(core) < 2 or core in GENERIC or len(phrase) > limit or GENERIC_HEAD.match(core):
        return None
    return provisional_name(phrase, verb, kind, unit, role)


def _after_clausal_verb(phrase: str) -> str:
    """昆区本级安排科技项目 -> 本级科技项目: a verb inside the phrase ends its subject; a level
    word right before the verb stays with the measure."""
    if CLAUSAL_VERBS.search(phrase, 1, 8) is None:
        return phrase  # most phrases: one search, no list of matches
    verbs = [m for m in CLAUSAL_VERBS.finditer(phrase, 1, 8) if m.end() <= len(phrase) - 2]
    if not verbs:
        return phrase
    verb = verbs[-1]
    level = _LEVEL_BEFORE.search(phrase[: verb.start()])
    if level is None or level.start() > 0:
        return phrase  # 高价值专利培育中心: the verb is part of the name
    return level.group() + phrase[verb.end() :]


def provisional_name(phrase: str, verb: str, figure_kind: str, unit: str = "", role: str | None = None) -> str | None:
    """The indicator name of a measure phrase: 高能级创新平台 + 个 -> 高能级创新平台数;
    使用 创新券 + 亿元 -> 创新券使用额; a growth rate's phrase names the level it is of."""
    phrase = _TOTAL_HEAD.sub("数", phrase)
    if figure_kind in (FigureKind.PERCENT, FigureKind.POINTS, FigureKind.RANK, FigureKind.MULTIPLE):
        if phrase.endswith(_PERCENT_HEADS) or role not in _LEVEL_ROLES:
            return phrase
        return None
    if figure_kind in (FigureKind.COUNT, FigureKind.NUMBER):
        if phrase.endswith(_COUNT_HEADS):
            return phrase
        return phrase + verb + ("次数" if unit in _TIMES_UNITS else "数")
    if figure_kind == FigureKind.MONEY:
        if phrase.endswith(_MONEY_HEADS):
            return phrase
        return phrase + verb + "额"
    if figure_kind == FigureKind.PHYSICAL:
        return phrase + verb
    return None
