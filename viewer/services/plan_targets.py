"""A plan's targets as the plan words them: what kind each is (a level, a growth rate, an
increase, a ceiling), its qualifier and attribute (预期性/约束性), the plan's base year, and one
target per indicator, place, year and value however often the plan repeats it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.model import Figure, Modality, Qualifier, Role
from viewer.model.plans import TargetKind

TARGET_ROLES = (Role.TARGET, Role.GROWTH, Role.CHANGE, Role.SHARE)
_PLAN_TITLE = re.compile(r"规划|纲要|五年|十[一二三四五六七]五|行动计划|实施方案|三年行动")
_PLAN_TEXT = re.compile(r"规划基年|规划期|规划期限|基期年")
_HORIZON = re.compile(r"到20\d\d年")
_BASE_STATED = re.compile(r"(?:规划基年|基期年|基准年)(?:为|是)?\s*(20\d\d)\s*年|以\s*(20\d\d)\s*年为基(?:期|年|准年)")
_FIVE_YEAR = {"十三五": 2015, "十四五": 2020, "十五五": 2025, "十六五": 2030}
_SPAN = re.compile(r"(20\d\d)\s*[-—–~～至到]\s*(20\d\d)\s*年")
_PERIOD_STATED = re.compile(r"(?:规划期限|规划期|实施期限|实施期)(?:为|是)?\s*(20\d\d)\s*年?\s*[-—–~～至到]\s*(20\d\d)\s*年")
_CEILING = re.compile(r"(?:控制在|不超过|不高于|降至|降低到|降低至|降到|下降到|下降至|压减到|压缩到|低于)\s*$")
_AVERAGE = re.compile(r"年均|每年|年平均")
_BINDING = re.compile(r"约束性|预期性")
_WORDS_BEFORE = re.compile(r"(不低于|不少于|超过|突破|力争)\s*$")
_QUALIFIER_WORDS = {
    Qualifier.AT_LEAST: "以上", Qualifier.MORE_THAN: "超过", Qualifier.ABOUT: "左右",
    Qualifier.UNDER: "以内", Qualifier.RANGE: "区间",
}
_CLAUSE_START = re.compile(r"[，,；;。：:、\n（(]")
_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\n]")  # not 、: an enumeration stays in its clause
# Before a count of things, a verb of relying on or using them: what the work stands on, not a result.
_MEANS = re.compile(r"依托|利用|借助|依靠|立足|凭借|用好|发挥")
_REACHED = re.compile(r"达到|达|超过|突破|增长|增加|新增|建成|建设|培育|打造|提高|提升|实现|形成|引进|认定|获批|转型|升级|创建")
_COUNT_UNITS = {"个", "种", "家", "所", "条", "项", "座", "类", "大", "批", "支", "处"}
_TIMES = {"次"}  # how often an activity is held: 每年举办…2次
PHRASE_CHARS = 12  # of the words before a target the analysis found no indicator for


def is_plan(title: str, kind: str, head: str, targets: int) -> bool:
    """A plan by its title (规划, 十四五, 行动计划 …), its kind, or its text (规划基年, 到2025年 with targets)."""
    if kind == "plan" or _PLAN_TITLE.search(title):
        return True
    return bool(_PLAN_TEXT.search(head)) or (bool(_HORIZON.search(head)) and targets >= 3)


def stated_base_year(title: str, text: str) -> int | None:
    """The year a plan measures from: stated (规划基年为2020年), a five-year plan's last year
    before it (十四五 -> 2020), or the year before a span in the title (2023-2025年 -> 2022)."""
    stated = _BASE_STATED.search(text)
    if stated:
        return int(stated.group(1) or stated.group(2))
    for name, year in _FIVE_YEAR.items():
        if name in title:
            return year
    span = _SPAN.search(title)
    return int(span.group(1)) - 1 if span else None


def stated_end_year(title: str, head: str) -> int | None:
    """The year a plan's period ends (its targets' year): a five-year plan's last year (十四五 ->
    2025), a span in the title (2023-2025年 -> 2025) or the stated period (规划期限为2021-2025年),
    else the latest 到20XX年 of the head of its text."""
    for name, year in _FIVE_YEAR.items():
        if name in title:
            return year + 5
    span = _SPAN.search(title) or _PERIOD_STATED.search(head)
    if span:
        return int(span.group(2))
    horizons = [int(m.group(0)[1:5]) for m in _HORIZON.finditer(head)]
    return max(horizons) if horizons else None


@dataclass
class Target:
    """One target of a plan, with every place the plan states it."""

    figure: Figure  # the statement the row is made of (the latest year's, the first in the text)
    kind: str
    name: str  # the indicator, or the words before it when the analysis found none
    qualifier: str
    binding: str
    average: bool  # a growth rate per year (年均), not over the whole period
    figures: list[Figure] = field(default_factory=list)

    @property
    def key(self) -> str:
        f = self.figure
        return f"{self.name}|{f.region or ''}|{f.year}|{self.kind}|{f.value:g}{f.unit}"


def plan_targets(figures: list[Figure], text: str, region: str | None) -> tuple[list[Target], list[str]]:
    """The targets among a plan's figures, and the statements left out with why."""
    dropped: list[str] = []
    restated: set[RestatedKey] = {(*_restated_key(f), _sentence(text, f)) for f in figures
                if f.modality == Modality.ACTUAL and f.role in (Role.ACTUAL, Role.SHARE) and f.value is not None}
    groups: dict[tuple[object, ...], Target] = {}  # by name, place, unit, kind, value and year
    by_words: dict[tuple[object, ...], Target] = {}  # by the same and the words around the value, any year
    for figure in figures:
        if figure.modality != Modality.TARGET or figure.value is None or figure.year is None:
            continue
        if figure.role not in TARGET_ROLES:
            dropped.append(f"{figure.text}：{figure.role}")
            continue
        task = _task_number(figure, text)
        if task:
            dropped.append(f"{figure.text}：{task}")
            continue
        stated = (*_restated_key(figure)[:5], _sentence(text, figure))
        if any(key[:5] == stated[:5] and key[6] == stated[5] and key[5] < (figure.year or 0) for key in restated):
            dropped.append(f"{figure.text}：本文前面以{key_year(restated, stated)}年实际值陈述过的同一表述（重复陈述的实际值）")
            continue
        if figure.region is None:
            figure.region = region
        target = _target(figure, text)
        same = (target.name, figure.region, figure.unit, target.kind, figure.value)
        words = (*same, stated[5])
        found = by_words.get(words) or groups.get((*same, figure.year))
        if found is None:
            groups[(*same, figure.year)] = by_words[words] = target
            target.figures.append(figure)
            continue
        by_words.setdefault(words, found)
        groups.setdefault((*same, figure.year), found)
        found.figures.append(figure)
        if (figure.year or 0) > (found.figure.year or 0):  # the same words pasted under an earlier year's heading
            found.figure = figure
        if not found.binding:
            found.binding = target.binding
        if figure.qualifier and not found.figure.qualifier:
            found.qualifier = target.qualifier
    return list({id(t): t for t in groups.values()}.values()), dropped


def _task_number(figure: Figure, text: str) -> str:
    """Why a number in a plan's future tense is no target ('' when it may be one): how often an
    activity is held (a count of 次), or a count of what the work relies on or uses (依托9个园区,
    利用两个市场、两种资源: the figure is the object of a verb of means, no verb of reaching
    between them)."""
    if figure.unit in _TIMES:
        return "活动的次数（工作安排，不是指标）"
    if figure.unit not in _COUNT_UNITS:
        return ""
    clause = _CLAUSE_END.split(text[max(figure.sentence_start, figure.start - 24): figure.start])[-1]
    means = list(_MEANS.finditer(clause))
    if means and not _REACHED.search(clause[means[-1].end():]):
        return f"“{means[-1].group(0)}”的对象（依托的现有条件，不是目标）"
    return ""


RestatedKey = tuple[str | None, str | None, str, float | None, str, int, str]
CONTEXT_BEFORE, CONTEXT_AFTER = 10, 8  # characters around a figure that make "the same statement"


def key_year(restated: set[RestatedKey], stated: tuple[object, ...]) -> object:
    return next((key[5] for key in restated if key[:5] == stated[:5] and key[6] == stated[5]), "")


def _sentence(text: str, figure: Figure) -> str:
    """The words around a figure in its sentence: a statement pasted again has the same."""
    before = text[max(figure.sentence_start, figure.start - CONTEXT_BEFORE): figure.start]
    after = text[figure.end: min(figure.sentence_end, figure.end + CONTEXT_AFTER)]
    return f"{before.strip()}|{after.strip()}"


def _restated_key(figure: Figure) -> tuple[str | None, str | None, str, float | None, str, int]:
    return figure.indicator, figure.region, figure.unit, figure.value, figure.text, figure.year or 0


def _target(figure: Figure, text: str) -> Target:
    before = text[max(figure.sentence_start, figure.start - 12): figure.start]
    after = text[figure.end: min(figure.sentence_end, figure.end + 16)]
    after = re.split(r"[，,；;。]", after)[0]
    kind = TargetKind.LEVEL
    if figure.role == Role.GROWTH:
        kind = TargetKind.GROWTH
    elif figure.role == Role.CHANGE:
        kind = TargetKind.CHANGE
    elif figure.qualifier == Qualifier.UNDER or _CEILING.search(before):
        kind = TargetKind.CEILING
    words = _WORDS_BEFORE.search(before)
    qualifier = _QUALIFIER_WORDS.get(figure.qualifier, "")
    if words and words.group(1) in ("不低于", "不少于", "超过", "突破"):
        qualifier = words.group(1)
    binding = _BINDING.search(after)
    name = figure.indicator or _phrase_before(text, figure)
    clause = text[max(figure.sentence_start, figure.start - 30): figure.start]
    return Target(figure=figure, kind=kind, name=name, qualifier=qualifier,
                  binding=binding.group(0) if binding else "", average=bool(_AVERAGE.search(clause)))


def _phrase_before(text: str, figure: Figure) -> str:
    """The words of the clause before a figure (an unnamed target's name in the table)."""
    before = text[max(figure.sentence_start, figure.start - PHRASE_CHARS): figure.start]
    parts = _CLAUSE_START.split(before)
    return f"（{(parts[-1] or before).strip()}）"
