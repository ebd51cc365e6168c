"""分别 lists: measures named together, paired with the values that follow in order.

高新技术产业产值、增加值同比分别增长5.9%和4.6%: the k-th value after 分别 belongs to the k-th
measure named before it in its clause. A later item that leaves out the words it shares with
the first (产值、增加值; 专利申请量和授权量) is completed from the first.
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


def respectively_measures(
    text: str, sentence: LogicalSentence, figures: list[Figure], clause: Callable[[int], tuple[int, int]],
    aliases: AliasIndex,
) -> dict[int, Measure]:
    """Figure position -> its measure, for the figures of 分别 lists with named measures."""
    mapping: dict[int, Measure] = {}
    at = text.find(_RESPECTIVELY, sentence.start, sentence.end)
    while at >= 0:
        clause_start, clause_end = clause(at)
        before = [f for f in figures if clause_start <= f.start < at]
        lead_start = before[-1].end if before else clause_start
        after = [i for i, f in enumerate(figures) if at < f.start < clause_end]
        if after:
            items = list_items(text, lead_start, lead_end(text, lead_start, at), aliases, figures[after[0]])
            if len(items) >= 2:
                for k, index in enumerate(after):
                    chosen = items[min(k, len(items) - 1)]
                    if chosen is not None:
                        mapping[index] = chosen.inherited(HOW_LIST)
        at = text.find(_RESPECTIVELY, at + len(_RESPECTIVELY), sentence.end)
    return mapping


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
    items: list[Measure | None] = []
    first_phrase = ""
    for index, (item_start, item_end) in enumerate(spans):
        measure = measure_before(text, item_start, item_end, aliases, figure, Role.GROWTH)
        begin, _ = phrase_start(text, item_start, item_end)
        phrase = text[begin:item_end]
        if index == 0:
            first_phrase = phrase
        elif measure is None or measure.provisional:
            completed = _completed(first_phrase, phrase, aliases.lexicon, figure.kind)
            if completed is not None:
                measure = Measure(completed.name, HOW_ALIAS, completed, item_start, item_end, completed.parent)
        items.append(measure)
    return items


def _completed(first: str, item: str, lexicon: Lexicon, kind: str) -> IndicatorEntry | None:
    """专利申请量 + 授权量 -> 专利授权量: the first item's leading words before a later item."""
    if not item:
        return None
    for cut in range(len(first) - 1, 0, -1):
        entry = choose_sense(lexicon, first[:cut] + item, kind)
        if entry is not None:
            return entry
    return None
