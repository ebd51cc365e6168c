"""Which indicator a figure measures, chosen from the indicator mentions around it.

Nearest first: a mention before the figure in its clause, one right after it (for a count
that names its noun: 9个县市区), then one in an earlier clause of the sentence when only
generic words stand between. 分别 lists and repeated lists map figures to mentions by order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from viewer.model import Figure, FigureKind, Role
from viewer.text.attribution_timeline import LogicalSentence
from viewer.text.indicator_mentions import IndicatorMention
from viewer.text.indicators import IndicatorEntry, Lexicon

LIST_GAP = re.compile(r"^[\s、和及与以及,，]*$")
_RESPECTIVELY = "分别"
_AMONG = re.compile(r"^\s*其中")
# What may follow a figure without naming what it counts (anything else is a noun: 9个县市区).
_AFTER_FIGURE = re.compile(
    r"[^\u3400-\u9fff]|以上|以下|左右|多|余|的|和|及|与|或|增长|增加|提高|提升|上升|下降|减少|同比|较|比|是|为|占|居|位|"
    r"排|名列|至|到|连续|"
    r"超过|全省|全市|全国|，|。"
)
_GENERIC_COUNTED = re.compile(r"企业|单位")
# Words that, with times and numbers, may stand between a figure and an indicator named in
# an earlier clause: '新增高企166家，总数达到591家', '资金增长70%'.
_GENERIC_WORDS = re.compile(
    r"总数|总量|总额|全年|累计|共计|共|其中|分别|同比|较|比|相比|增长了?|增速|增幅|年均|新增|净增|增加|"
    r"占比|比重|提高|提升|上升|实现|完成|达到|达|为|突破|超过|以上|预计|力争|全省|全市|排名|资金|"
    r"连续[一二三四五两]年|稳居|位居|名列|居|年均增长|年增长|市州|上升|下降|[位至名]|基数|目标|每年|继续|保持|"
    r"(?<=\d)(?:[亿万]?元|家|件|个|项)|"
    r"[的了约近超逾已将再是]|[\s\d.%,，、“”\"]"
)
_PERIOD_WORDS = re.compile(
    r"(?:19|20)\d{2}年度?|今年|去年|上年|前三季度|上半年|第?[一二三四]季度|目前|[一二三四五六七八九十两]年间?"
)
_AFTER_GAP_MAX = 16
_MODIFIERS = re.compile(r"[省市县区级国家、和及与的“”]{0,8}")
_LEVEL_COMPATIBLE = {
    "money": {FigureKind.MONEY},
    "percent": {FigureKind.PERCENT},
    "count": {FigureKind.COUNT, FigureKind.NUMBER},
    "number": {FigureKind.NUMBER, FigureKind.COUNT},
    "multiple": {FigureKind.MULTIPLE},
    "physical": {FigureKind.PHYSICAL},
}
_UNIT_FREE_MEASURES = (Role.GROWTH, Role.SHARE, Role.RANK)


class Choice(NamedTuple):
    entry: IndicatorEntry | None
    confidence: float
    from_list: bool = False  # taken from a 分别 list or a repeated list, by position


_NONE = Choice(None, 0.5)


def compatible(entry: IndicatorEntry, kind: str) -> bool:
    """Whether a figure of this kind can be a level of the indicator (万元 for money, 家 for a count)."""
    return kind in _LEVEL_COMPATIBLE.get(entry.unit_kind, set())


class SentenceIndicators:
    """Chooses the indicator of each figure of one sentence; figures are taken left to right."""

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        sentence: LogicalSentence,
        figures: list[Figure],
        clauses: list[tuple[int, int]],
        mentions: list[IndicatorMention],
    ) -> None:
        self.text = text
        self.lexicon = lexicon
        self.figures = figures
        self.clauses = clauses
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._ends = [m.end for m in mentions]
        self.respectively = _respectively_map(text, sentence, figures, mentions)
        self.chosen: list[IndicatorEntry | None] = []  # the final entry of each earlier figure
        self._in_clause: dict[tuple[int, int], list[int]] = {}

    def record(self, entry: IndicatorEntry | None) -> None:
        """Keep the entry the figure finally got (after role checks) for the lists that follow."""
        self.chosen.append(entry)

    def choose(self, position: int, measure: str | None) -> Choice:
        if not self.mentions:
            return _NONE  # nothing named, nothing to repeat
        figure = self.figures[position]
        mention = self.respectively.get(position)
        if mention is not None:
            return Choice(self.pick(mention, figure, measure, strict=False), 0.9, from_list=True)
        inherited = self._list_continuation(position)
        if inherited is not None:
            return Choice(inherited, 0.85, from_list=True)
        text = self.text
        clause_start, clause_end = self.clauses[position]
        if _quoted(text, clause_start, figure.start):
            return _NONE  # part of a name: “创新10条”
        next_start = self.figures[position + 1].start if position + 1 < len(self.figures) else clause_end
        after_limit = min(clause_end, next_start)
        # Mentions do not overlap, so both their starts and their ends are in order.
        mentions, starts, ends = self.mentions, self._starts, self._ends
        clause_first = bisect_left(starts, clause_start)
        before = mentions[clause_first : bisect_right(ends, figure.start)]
        after = [
            m for m in mentions[bisect_left(starts, figure.end) : bisect_right(ends, after_limit)]
            if m.start - figure.end <= _AFTER_GAP_MAX and not _quoted(text, figure.end, m.start, any_mark=True)
        ]
        earlier = mentions[: bisect_right(ends, clause_start)]
        if not before and _AMONG.match(text[clause_start : figure.start]):
            return _NONE
        if figure.kind in (FigureKind.COUNT, FigureKind.NUMBER) and not _AFTER_FIGURE.match(text, figure.end):
            # The figure counts the noun after it (9个县市区): an indicator must be that noun,
            # or, for a generic noun (463家企业通过…备案), follow it closely.
            if _GENERIC_COUNTED.match(text, figure.end):
                earlier = []
            else:
                before, earlier = [], []
                after = [m for m in after if _MODIFIERS.fullmatch(text, figure.end, m.start)]
        else:
            after = []
        if earlier and _GENERIC_WORDS.sub("", _PERIOD_WORDS.sub("", text[clause_start : figure.start])):
            earlier = []
        fallback: IndicatorEntry | None = None
        tiers = ((reversed(before), 1.0), (iter(after), 0.85), (reversed(earlier), 0.75))
        for ordered, confidence in tiers:
            for mention in ordered:
                entry = self.pick(mention, figure, measure, strict=True)
                if entry is not None:
                    return Choice(entry, confidence)
                if fallback is None:
                    fallback = self.pick(mention, figure, measure, strict=False)
        if fallback is not None and figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
            return Choice(fallback, 0.5)
        return _NONE

    def pick(self, mention: IndicatorMention, figure: Figure, measure: str | None, strict: bool) -> IndicatorEntry | None:
        """The entry a mention names for this figure: its own, else another sense of the same words."""
        senses = _senses(self.lexicon, mention.name, mention.surface, mention.via_context)
        if measure in _UNIT_FREE_MEASURES:
            return senses[0] if senses else None
        for option in senses:
            if compatible(option, figure.kind):
                return option
        return None if strict else (senses[0] if senses else None)

    def _list_continuation(self, position: int) -> IndicatorEntry | None:
        """A clause of several figures naming no indicator repeats the list before it:
        '分别达3749件、1308件和2.96件，是2015年的2.5倍、3倍、2.96倍' or '较2015年，分别增长了85%、6%'."""
        clause = self.clauses[position]
        in_clause = self._in_clause.get(clause)
        if in_clause is None:
            in_clause = self._in_clause[clause] = self._list_in(clause)
        if len(in_clause) < 2 or position not in in_clause or in_clause[0] < len(in_clause):
            return None
        names = self.chosen[in_clause[0] - len(in_clause) : in_clause[0]]
        if any(name is None for name in names):
            return None
        return names[in_clause.index(position)]

    def _list_in(self, clause: tuple[int, int]) -> list[int]:
        """Positions of the figures in a clause that lists them and names no indicator, else []."""
        clause_start, clause_end = clause
        if any(clause_start <= m.start < clause_end for m in self.mentions):
            return []
        figures = self.figures
        in_clause = [i for i, f in enumerate(figures) if clause_start <= f.start < clause_end]
        gaps = (self.text[figures[a].end : figures[b].start] for a, b in pairwise(in_clause))
        if not all(LIST_GAP.match(gap) for gap in gaps):
            return []  # not a list: 排名上升3位至第四
        return in_clause


@lru_cache(maxsize=4096)
def _senses(lexicon: Lexicon, name: str, surface: str, via_context: bool) -> tuple[IndicatorEntry, ...]:
    """The entries a mention can mean: the one it was resolved to first, then the other
    senses of its words (a context alias has only the one)."""
    entry = lexicon.get(name)
    others = () if via_context else lexicon.candidates(surface)
    first = (entry,) if entry is not None else ()
    return first + tuple(e for e in others if e.name != name)


def _quoted(text: str, start: int, end: int, any_mark: bool = False) -> bool:
    """True when text[start:end] lies inside an open “…” (or, with any_mark, crosses a quote or title mark)."""
    span = text[start:end]
    if any_mark:
        return any(mark in span for mark in "“”\"《》")
    return span.rfind("“") > span.rfind("”")


def _respectively_map(
    text: str, sentence: LogicalSentence, figures: list[Figure], mentions: list[IndicatorMention]
) -> dict[int, IndicatorMention]:
    """分别 lists: the k-th figure after 分别 belongs to the k-th indicator named before it."""
    mapping: dict[int, IndicatorMention] = {}
    search_from = sentence.start
    while True:
        at = text.find(_RESPECTIVELY, search_from, sentence.end)
        if at < 0:
            return mapping
        search_from = at + len(_RESPECTIVELY)
        clause_start, clause_end = sentence.clause(at)
        after = [i for i, f in enumerate(figures) if at < f.start < clause_end]
        items = [m for m in mentions if clause_start <= m.start and m.end <= at]
        if not items:
            continue
        for k, index in enumerate(after):
            mapping[index] = items[min(k, len(items) - 1)]
