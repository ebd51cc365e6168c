"""The role a figure plays for its indicator, read from the words around it.

A role has two sides. The measure (change, growth rate, share, rank) says what the number
measures and decides which unit it must have; the modality (estimate, target) says how
certain it is. A figure has one role: a measure wins, because a growth rate or an increase
charted as a target level of the indicator would be wrong; modality then applies to level
figures only.
"""

from __future__ import annotations

import re

from viewer.model import FigureKind, Role

# Words right before the figure (after the previous figure in the clause).
_TO_LEVEL = re.compile(r"(?:增长|增加|提升|提高|上升|扩大|达|升)(?:了)?(?:到|至|为)\s*\S{0,12}$")
_GROWTH = re.compile(r"增长|增速|增幅|涨幅|增长率|提高|提升|上升|下降|减少|降低|回落|扩大")
_CHANGE = re.compile(
    r"净增|增加(?!值)|减少|净新增|新(?:增|办|认定|建|组建|培育|引进|获批|设立|落地|入库|备案|签约|招引|集聚|引育|"
    r"布局|创建|获评|获得|授牌|登记|注册)"
)
_SHARE = re.compile(r"占比|占.{0,16}(?:比重|比例|份额|的?比)|比重|占全[市省国县区]的?")
_GROWTH_NOUN = re.compile(r"增速|增幅|涨幅|增长率|年均增长|同比增长|年增长")
_MULTIPLE_BASE = re.compile(r"(?:是|为|相当于).{0,12}的$|(?:比|较)[^，,；;]{0,12}$")  # 比2015年翻了一番
_ESTIMATE = re.compile(r"预计|预估|估计|有望")
_TARGET = re.compile(r"力争|目标[:：为是]|主要目标|目标任务|确保|计划(?:到|在|于)|规划(?:到|期末)")
_TARGET_AFTER = re.compile(r"等(?:具体|主要|各项|年度)?(?:目标|指标)")
_PURSUE = re.compile(r"争取")
# An estimate (预计…) holds up to the next ；, a target (力争…) for the whole sentence.
_CLAUSE_GROUP_END = re.compile(r"[；;]")
_ANY_CUE = re.compile(f"{_ESTIMATE.pattern}|{_TARGET.pattern}|{_PURSUE.pattern}")


def measure_role(kind: str, local_prefix: str) -> str | None:
    """Change, growth rate, share or rank from the words right before the figure, if any."""
    if kind == FigureKind.RANK:
        return Role.RANK
    if kind in (FigureKind.PERCENT, FigureKind.POINTS) and _GROWTH_NOUN.search(local_prefix):
        return Role.CHANGE if kind == FigureKind.POINTS else Role.GROWTH
    if _TO_LEVEL.search(local_prefix):
        return None
    if kind == FigureKind.MULTIPLE:
        if _MULTIPLE_BASE.search(local_prefix) or _GROWTH.search(local_prefix):
            return Role.GROWTH
        return None
    if kind in (FigureKind.PERCENT, FigureKind.POINTS):
        if _SHARE.search(local_prefix) and not _GROWTH.search(_after_last_share(local_prefix)):
            return Role.SHARE
        if _GROWTH.search(local_prefix) or _CHANGE.search(local_prefix):
            return Role.CHANGE if kind == FigureKind.POINTS else Role.GROWTH
        return None
    if _CHANGE.search(local_prefix):
        return Role.CHANGE
    return None


def _after_last_share(prefix: str) -> str:
    matches = list(_SHARE.finditer(prefix))
    return prefix[matches[-1].end() :] if matches else prefix


_PROGRESS = re.compile(r"完成(?:了)?[^，。；,;]{0,12}?(?:任务|目标|计划|指标)[^，。；,;]{0,4}?的|完成率|达成率|完成进度")


def progress_cue(clause_prefix: str) -> bool:
    """完成年度任务的120%: the percent says how far a task was met, not a level or a share."""
    return bool(_PROGRESS.search(clause_prefix))


def has_growth_cue(text: str) -> bool:
    return bool(_GROWTH.search(text))


def has_share_cue(text: str) -> bool:
    return bool(_SHARE.search(text))


def modality(sentence_prefix: str, sentence_rest: str, pursue_is_target: bool) -> str:
    """Estimate, target or actual from cues earlier in the sentence (or a trailing '等…目标').

    争取 means 'aim to' in a plan and 'secured' in a review, so it counts only when the
    caller says the sentence speaks of the present or the future. An estimate cue holds up
    to the next ；, a target cue to the end of the sentence (力争…；…；…).
    """
    last_estimate = _last(_ESTIMATE, sentence_prefix)
    if last_estimate < _last(_CLAUSE_GROUP_END, sentence_prefix):
        last_estimate = -1
    last_target = _last(_TARGET, sentence_prefix)
    if pursue_is_target:
        last_target = max(last_target, _last(_PURSUE, sentence_prefix))
    if last_estimate < 0 and last_target < 0:
        return Role.TARGET if _TARGET_AFTER.search(sentence_rest) else Role.ACTUAL
    return Role.ESTIMATE if last_estimate > last_target else Role.TARGET


class SentenceModality:
    """`modality` for every figure of one sentence, with the sentence's cues found once.

    A cue match ending before a figure is the same match in the sentence as in the text
    before the figure, unless a match of the same cue runs across the figure's start; then
    the words before the figure are searched on their own.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        if _ANY_CUE.search(text, start, end) is None:  # most sentences: one scan instead of four
            self._estimates, self._targets, self._pursuits, self._group_ends = [], [], [], []
            return  # the clause-group ends matter only after an estimate
        self._estimates = list(map(re.Match.span, _ESTIMATE.finditer(text, start, end)))
        self._targets = list(map(re.Match.span, _TARGET.finditer(text, start, end)))
        self._pursuits = list(map(re.Match.span, _PURSUE.finditer(text, start, end)))
        self._group_ends = list(map(re.Match.start, _CLAUSE_GROUP_END.finditer(text, start, end)))

    def modality(self, figure_start: int, figure_end: int, pursue_is_target: bool) -> str:
        estimate = _last_before(self._estimates, figure_start)
        target = _last_before(self._targets, figure_start)
        pursue = _last_before(self._pursuits, figure_start)
        if estimate is None or target is None or pursue is None:
            return modality(self.text[self.start : figure_start], self.text[figure_end : self.end], pursue_is_target)
        if estimate >= 0 and any(estimate < end < figure_start for end in self._group_ends):
            estimate = -1
        if pursue_is_target:
            target = max(target, pursue)
        if estimate < 0 and target < 0:
            trailing = _TARGET_AFTER.search(self.text, figure_end, self.end)
            return Role.TARGET if trailing else Role.ACTUAL
        return Role.ESTIMATE if estimate > target else Role.TARGET


def _last_before(spans: list[tuple[int, int]], position: int) -> int | None:
    """Start of the last cue ending by `position` (-1 if none); None if a cue spans `position`."""
    last = -1
    for start, end in spans:
        if end > position:
            return None if start < position else last
        last = start
    return last


def _last(pattern: re.Pattern[str], text: str) -> int:
    position = -1
    for match in pattern.finditer(text):
        position = match.start()
    return position
