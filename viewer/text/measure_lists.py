"""Lists of measures paired with lists of values, in order.

高新技术产业产值、增加值分别增长7.2%和6.1%: the k-th value after 分别 belongs to the k-th
measure named before it in its clause. Without 分别, a list of N measures right before a list of
N values pairs the same way (战略性新兴产业和高技术制造业增加值年均增长8%、7.2%). An item that
leaves out words it shares with another is completed from it: the first item's leading words
(产值、增加值; 专利申请量和授权量) or the last item's head (专精特新“小巨人”、单项冠军企业). 城乡
居民收入 with two values is the towns' and the countryside's (城镇…, 农村…).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from viewer.model import Figure, Role
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.indicators import IndicatorEntry, Lexicon
from viewer.text.measures import (
    HOW_ALIAS,
    HOW_LIST,
    AliasIndex,
    Measure,
    choose_sense,
    lead_end,
    measure_before,
    phrase_start,
)

_RESPECTIVELY = "分别"
_ITEM_CUT = re.compile(r"以及|[、和及与]")
_VALUE_GAP = re.compile(r"[\s、和及与,，]*")
_PAIRS = {"城乡": ("城镇", "农村"), "进出口": ("进口", "出口"), "中外": ("中方", "外方")}
_QUOTES = re.compile(r"[“”\"']")


def respectively_measures(
    text: str, sentence: LogicalSentence, figures: list[Figure], clause: Callable[[int], tuple[int, int]],
    aliases: AliasIndex,
) -> dict[int, Measure]:
    """Figure position -> its measure, for the figures of lists of named measures."""
    mapping: dict[int, Measure] = {}
    for first, count, lead_start, lead_stop in _value_lists(text, sentence, figures, clause):
        items = list_items(text, lead_start, lead_end(text, lead_start, lead_stop), aliases, figures[first])
        items = _split_pairs(text, items, count, aliases, figures[first]) if len(items) == 1 else items
        explicit = text.find(_RESPECTIVELY, lead_start, figures[first].start) >= 0
        if len(items) < 2 or (not explicit and len(items) != count):
            continue
        for k in range(count):
            chosen = items[min(k, len(items) - 1)]
            if chosen is not None:
                mapping[first + k] = chosen.inherited(HOW_LIST)
    return mapping


def _value_lists(
    text: str, sentence: LogicalSentence, figures: list[Figure], clause: Callable[[int], tuple[int, int]],
) -> list[tuple[int, int, int, int]]:
    """(first figure, number of figures, lead start, lead end) of each run of listed values."""
    runs: list[tuple[int, int, int, int]] = []
    index = 0
    while index < len(figures):
        clause_start, clause_end = clause(figures[index].start)
        last = index
        while last + 1 < len(figures) and figures[last + 1].start < clause_end \
                and _VALUE_GAP.fullmatch(text, figures[last].end, figures[last + 1].start):
            last += 1
        before = [f for f in figures[:index] if f.start >= clause_start]
        lead_start = before[-1].end if before else clause_start
        at = text.find(_RESPECTIVELY, lead_start, figures[index].start)
        stop = at if at >= 0 else figures[index].start
        if last > index or at >= 0:
            runs.append((index, last - index + 1, lead_start, stop))
        index = last + 1
    return runs


def named_before_respectively(text: str, clause_start: int, first_figure: int) -> bool:
    """Whether a clause's 分别 comes after words naming measures (else it refers back to the
    measures of the figures before: …，分别完成年度任务的120%、105%)."""
    at = text.find(_RESPECTIVELY, clause_start, first_figure)
    if at < 0:
        return False
    begin, _ = phrase_start(text, clause_start, lead_end(text, clause_start, at))
    return begin < lead_end(text, clause_start, at)


def list_items(text: str, start: int, end: int, aliases: AliasIndex, figure: Figure) -> list[Measure | None]:
    """The measures of a list of measure phrases (A、B和C), each named as the level of its value."""
    spans: list[tuple[int, int]] = []
    position = start
    for cut in _ITEM_CUT.finditer(text, start, end):
        spans.append((position, cut.start()))
        position = cut.end()
    spans.append((position, end))
    phrases = [text[phrase_start(text, s, e)[0] : e] for s, e in spans]
    items: list[Measure | None] = []
    for index, (item_start, item_end) in enumerate(spans):
        measure = measure_before(text, item_start, item_end, aliases, figure, Role.GROWTH)
        if measure is None or measure.provisional:
            completed = _completed(phrases, index, aliases.lexicon, figure.kind)
            if completed is not None:
                measure = Measure(completed.name, HOW_ALIAS, completed, item_start, item_end, completed.parent)
        items.append(measure)
    return items


def _completed(phrases: list[str], index: int, lexicon: Lexicon, kind: str) -> IndicatorEntry | None:
    """An item completed from its neighbours: 专利申请量 + 授权量 -> 专利授权量 (the first item's
    leading words); 专精特新“小巨人” + 单项冠军企业 -> 专精特新“小巨人”企业 (the last item's head)."""
    item = _QUOTES.sub("", phrases[index])
    if not item:
        return None
    first, last = _QUOTES.sub("", phrases[0]), _QUOTES.sub("", phrases[-1])
    if index > 0:
        for cut in range(len(first) - 1, 0, -1):
            entry = choose_sense(lexicon, first[:cut] + item, kind)
            if entry is not None:
                return entry
    if index < len(phrases) - 1:
        for cut in range(len(last) - 1, 0, -1):
            entry = choose_sense(lexicon, item + last[cut:], kind) or _without_level(lexicon, item + last[cut:], kind)
            if entry is not None:
                return entry
    return None


def _without_level(lexicon: Lexicon, phrase: str, kind: str) -> IndicatorEntry | None:
    for level in ("国家级", "国家", "省级", "省"):
        if phrase.startswith(level):
            return choose_sense(lexicon, phrase[len(level) :], kind)
    return None


def _split_pairs(
    text: str, items: list[Measure | None], count: int, aliases: AliasIndex, figure: Figure
) -> list[Measure | None]:
    """城乡居民人均可支配收入分别为5.2万元、2.8万元: one item naming a pair is two measures."""
    only = items[0]
    if count != 2 or only is None:
        return items
    phrase = text[only.start : only.end]
    for pair, (one, other) in _PAIRS.items():
        at = phrase.find(pair)
        if at >= 0:
            found = [choose_sense(aliases.lexicon, phrase[:at] + part + phrase[at + len(pair) :], figure.kind)
                     for part in (one, other)]
            if all(found):
                return [Measure(e.name, HOW_ALIAS, e, only.start, only.end, e.parent) for e in found if e]
    return items
