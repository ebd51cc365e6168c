"""Attribute each figure of a document: period, indicator, region, role and confidence.

Everything is read from the figure's surroundings, nearest first: its clause (split at
，；：), its sentence, then the period the text is in (set by headings such as '## 2021'
or '2023年重点工作' and by sentences that open with a time: '2020年，…'). Work per
document is linear: mentions of periods, indicators and places are found once over the
whole text and looked up per figure by position.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from viewer.model import Figure, FigureKind, Role, Sentence
from viewer.text.indicators import IndicatorEntry, Lexicon, load_lexicon
from viewer.text.periods import (
    LogicalSentence,
    Period,
    PeriodMention,
    Timeline,
    build_timeline,
    resolve,
    span_period,
    year_period,
)
from viewer.text.places import place_table
from viewer.text.roles import has_growth_cue, has_share_cue, measure_role, modality

_LIST_GAP = re.compile(r"^[\s、和及与以及,，]*$")
_FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
_TO_BEFORE = re.compile(r"(?:到|至)\s*$")
_RESPECTIVELY = "分别"
_AMONG = re.compile(r"^\s*其中")
# What may follow a figure without naming what it counts (anything else is a noun: 9个县市区).
_AFTER_FIGURE = re.compile(
    r"[^\u3400-\u9fff]|以上|以下|左右|多|余|的|和|及|与|或|增长|同比|较|比|是|为|占|居|位|排|名列|至|到|连续|"
    r"超过|全省|全市|全国|，|。"
)
_GENERIC_COUNTED = re.compile(r"企业|单位")
# Words that, with times and numbers, may stand between a figure and an indicator named in
# an earlier clause: '新增高企166家，总数达到591家', '资金增长70%'.
_GENERIC_WORDS = re.compile(
    r"总数|总量|总额|全年|累计|共计|共|其中|分别|同比|较|比|相比|增长了?|增速|增幅|年均|新增|净增|增加|"
    r"占比|比重|提高|提升|上升|实现|完成|达到|达|为|突破|超过|以上|预计|力争|全省|全市|排名|资金|"
    r"连续[一二三四五两]年|稳居|位居|名列|居|年均增长|年增长|市州|上升|下降|[位至名]|"
    r"[的了约近超逾已将再]|[\s\d.%,，、“”\"]"
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


@dataclass(frozen=True)
class DocumentContext:
    region: str | None
    year: int | None
    published: str | None = None  # ISO partial date: "2021-11", "2023-04-04", "2022"

    @property
    def current_year(self) -> int | None:
        """The year 今年 means: the publication year, else the document's year."""
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return self.year


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    surface: str
    via_context: bool = False


@dataclass
class _Choice:
    entry: IndicatorEntry | None
    confidence: float
    from_list: bool = False


def attribute_figures(
    text: str,
    figures: list[Figure],
    sentences: list[Sentence],
    context: DocumentContext,
    lexicon: Lexicon | None = None,
) -> list[Figure]:
    """Return copies of `figures` (in the given order) with their attribution filled in."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    layout = build_timeline(text, sentences, context.current_year)
    attributor = _Attributor(text, layout, context, lexicon)
    done: dict[int, Figure] = {}
    order = sorted(range(len(figures)), key=lambda i: (figures[i].start, figures[i].end))
    for sentence, members in _group(layout, [figures[i] for i in order], order):
        for index, figure in attributor.sentence(sentence, members):
            done[index] = figure
    return [done.get(i, figures[i]) for i in range(len(figures))]


def _group(
    layout: Timeline, figures: list[Figure], indices: list[int]
) -> list[tuple[LogicalSentence, list[tuple[int, Figure]]]]:
    groups: list[tuple[LogicalSentence, list[tuple[int, Figure]]]] = []
    for index, figure in zip(indices, figures, strict=True):
        sentence = layout.sentence_at(figure.start)
        if groups and groups[-1][0] is sentence:
            groups[-1][1].append((index, figure))
        else:
            groups.append((sentence, [(index, figure)]))
    return groups


class _Attributor:
    def __init__(self, text: str, layout: Timeline, context: DocumentContext, lexicon: Lexicon) -> None:
        self.text = text
        self.layout = layout
        self.context = context
        self.current_year = context.current_year
        self.lexicon = lexicon
        self.mentions = self._find_mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.counties = self._find_counties()
        self.county_starts = [start for start, _ in self.counties]

    # ---- precomputed mentions -----------------------------------------------------------

    def _find_mentions(self) -> list[_Mention]:
        found = self.lexicon.find(self.text)
        mentions = [_Mention(s, e, name, self.text[s:e]) for s, e, name in found]
        hits = self.lexicon.find_context(self.text, found)
        if not hits:
            return mentions
        merged = sorted([*mentions, *(_Mention(h.start, h.end, "", h.surface, True) for h in hits)],
                        key=lambda m: m.start)
        resolved: list[_Mention] = []
        sentence_start = -1
        for mention in merged:
            sentence = self.layout.sentence_at(mention.start)
            if sentence.start != sentence_start:
                sentence_start, recent = sentence.start, None
            if not mention.via_context:
                resolved.append(mention)
                recent = mention
                continue
            entry = self._resolve_context(mention.surface, recent)
            if entry is not None:
                resolved.append(replace(mention, name=entry.name))
                recent = resolved[-1]
        return resolved

    def _resolve_context(self, surface: str, previous: _Mention | None) -> IndicatorEntry | None:
        if previous is None:
            return None
        for hit in self.lexicon.find_context(surface):
            for entry in hit.candidates:
                anchor = entry.context
                if anchor is not None and self.lexicon.is_within(previous.name, anchor):
                    return entry
        return None

    def _find_counties(self) -> list[tuple[int, str]]:
        pattern, names = _county_pattern(self.context.region)
        if pattern is None:
            return []
        return [(m.start(), names[m.group()]) for m in pattern.finditer(self.text)]

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    # ---- one sentence ---------------------------------------------------------------------

    def sentence(
        self, sentence: LogicalSentence, members: list[tuple[int, Figure]]
    ) -> list[tuple[int, Figure]]:
        text = self.text
        mentions = self._mentions_in(sentence.start, sentence.end)
        results: list[tuple[int, Figure]] = []
        chosen: list[_Choice] = []
        roles: list[str | None] = []
        list_names: list[IndicatorEntry | None] = []
        respectively = _respectively_map(text, sentence, [f for _, f in members], mentions)
        for position, (index, figure) in enumerate(members):
            clause_start, clause_end = sentence.clause(figure.start)
            previous = members[position - 1][1] if position else None
            same_clause_previous = previous is not None and previous.end > clause_start
            local_start = max(clause_start, previous.end) if same_clause_previous and previous else clause_start
            local_prefix = text[local_start : figure.start]
            measure = measure_role(figure.kind, local_prefix)
            if measure is None and same_clause_previous and _LIST_GAP.match(local_prefix):
                measure = roles[-1]
            elif measure is None and same_clause_previous and local_prefix.lstrip().startswith("、") \
                    and roles[-1] == Role.CHANGE:
                measure = Role.CHANGE  # 新增示范基地3家、星创天地5家
            choice = self._indicator(figure, measure, sentence, (clause_start, clause_end), mentions,
                                     members, position, respectively, list_names)
            entry = choice.entry
            confidence = choice.confidence
            if entry is not None and measure == Role.SHARE and entry.unit_kind == "percent":
                measure = None
            if entry is not None and measure is None and not _compatible(entry, figure.kind):
                if figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
                    clause_text = text[clause_start : figure.start]
                    share = has_share_cue(clause_text) and not has_growth_cue(clause_text)
                    measure = Role.SHARE if share else Role.GROWTH
                    confidence *= 0.6
                else:
                    entry, confidence = None, 0.4
            if (entry is not None and measure == Role.GROWTH and entry.base and not choice.from_list
                    and figure.kind == FigureKind.PERCENT):
                entry = self.lexicon.get(entry.base) or entry
            if measure is None and entry is not None and entry.parent:
                measure = self._inherited_role(entry, chosen, roles)
            period, period_confidence, source = self._period(figure, sentence, (clause_start, clause_end),
                                                              measure, members, position)
            role = measure or self._modality(figure, sentence, period, source)
            chosen.append(choice if entry is choice.entry else _Choice(entry, confidence))
            roles.append(measure)
            list_names.append(entry)
            results.append((index, replace(
                figure,
                year=period.year if period else None,
                period=period.label if period else "",
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                indicator=entry.name if entry else None,
                region=self._region(sentence, figure),
                role=role,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                confidence=round(confidence * period_confidence, 2),
            )))
        return results

    def _inherited_role(self, entry: IndicatorEntry, chosen: list[_Choice], roles: list[str | None]) -> str | None:
        # 新增平台62家，其中国家级2家: the part is an increase too.
        for choice, role in zip(reversed(chosen), reversed(roles), strict=True):
            if choice.entry is not None and entry.parent and self.lexicon.is_within(choice.entry.name, entry.parent) \
                    and not self.lexicon.is_within(choice.entry.name, entry.name):
                return role if role == Role.CHANGE else None
        return None

    # ---- indicator ------------------------------------------------------------------------

    def _indicator(
        self,
        figure: Figure,
        measure: str | None,
        sentence: LogicalSentence,
        clause: tuple[int, int],
        mentions: list[_Mention],
        members: list[tuple[int, Figure]],
        position: int,
        respectively: dict[int, _Mention],
        list_names: list[IndicatorEntry | None],
    ) -> _Choice:
        if position in respectively:
            mention = respectively[position]
            return _Choice(self._pick(mention, figure, measure, strict=False), 0.9, from_list=True)
        inherited = _list_continuation(self.text, clause, members, position, mentions, list_names)
        if inherited is not None:
            return _Choice(inherited, 0.85, from_list=True)
        clause_start, clause_end = clause
        text = self.text
        if _quoted(text, clause_start, figure.start):
            return _Choice(None, 0.5)  # part of a name: “创新10条”
        next_figure = members[position + 1][1].start if position + 1 < len(members) else clause_end
        before = [m for m in mentions if clause_start <= m.start and m.end <= figure.start]
        after = [
            m for m in mentions
            if figure.end <= m.start and m.end <= min(clause_end, next_figure)
            and m.start - figure.end <= _AFTER_GAP_MAX and not _quoted(text, figure.end, m.start, any_mark=True)
        ]
        earlier = [m for m in mentions if m.end <= clause_start]
        if not before and _AMONG.match(text[clause_start : figure.start]):
            return _Choice(None, 0.5)
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
        prefix = _PERIOD_WORDS.sub("", text[clause_start : figure.start])
        if _GENERIC_WORDS.sub("", prefix):
            earlier = []
        fallback: IndicatorEntry | None = None
        tiers = ((reversed(before), 1.0), (iter(after), 0.85), (reversed(earlier), 0.75))
        for ordered, confidence in tiers:
            for mention in ordered:
                entry = self._pick(mention, figure, measure, strict=True)
                if entry is not None:
                    return _Choice(entry, confidence)
                if fallback is None:
                    fallback = self._pick(mention, figure, measure, strict=False)
        if fallback is not None and figure.kind in (FigureKind.PERCENT, FigureKind.POINTS):
            return _Choice(fallback, 0.5)
        return _Choice(None, 0.5)

    def _pick(self, mention: _Mention, figure: Figure, measure: str | None, strict: bool) -> IndicatorEntry | None:
        entries = self.lexicon.candidates(mention.surface) if not mention.via_context else ()
        entry = self.lexicon.get(mention.name)
        options = [e for e in entries if e.name != mention.name]
        ordered = [entry, *options] if entry is not None else options
        if measure in (Role.GROWTH, Role.SHARE, Role.RANK):
            return ordered[0] if ordered else None
        for option in ordered:
            if option is not None and _compatible(option, figure.kind):
                return option
        return None if strict else (ordered[0] if ordered else None)

    # ---- period ---------------------------------------------------------------------------

    def _period(
        self,
        figure: Figure,
        sentence: LogicalSentence,
        clause: tuple[int, int],
        measure: str | None,
        members: list[tuple[int, Figure]],
        position: int,
    ) -> tuple[Period | None, float, str]:
        before = [m for m in sentence.periods if m.end <= figure.start]
        own = [m for m in before if not m.base and not _from_mention(self.text, m)]
        in_clause = [m for m in own if m.start >= clause[0]]
        from_clause = [m for m in before if _from_mention(self.text, m) and m.start >= clause[0]]
        candidates: list[tuple[PeriodMention, float, str]] = []
        if from_clause and not in_clause:
            candidates.append((from_clause[-1], 1.0, "clause"))
        candidates += [(m, 1.0, "clause") for m in reversed(in_clause)]
        candidates += [(m, 0.9, "sentence") for m in reversed(own) if m.start < clause[0]]
        period: Period | None = None
        confidence, source = 0.5, "fallback"
        for mention, weight, where in candidates:
            period = self._resolve(mention, sentence)
            if period is not None:
                confidence, source = weight, where
                if mention.target:
                    source = "target"
                break
        if period is None and sentence.running is not None:
            period, confidence = sentence.running, 0.8
            source = "heading" if sentence.running_from_heading else "running"
        if period is None and self.current_year is not None:
            period = year_period(self.current_year)
        if period is None:
            return None, 0.5, source
        period = _from_to_year(self.text, figure, members, position, clause, period)
        if measure == Role.RANK:
            period = year_period(period.end, period.label[5:] if period.start == period.end else "")
        if measure == Role.GROWTH or (measure is None and figure.kind == FigureKind.MULTIPLE):
            period = self._growth_span(figure, sentence, before, period)
        return period, confidence, source

    def _resolve(self, mention: PeriodMention, sentence: LogicalSentence) -> Period | None:
        return resolve(mention, sentence.running, self.current_year)

    def _growth_span(
        self, figure: Figure, sentence: LogicalSentence, before: list[PeriodMention], period: Period
    ) -> Period:
        base_year: int | None = None
        for mention in reversed(before):
            if mention.base and mention.period is not None:
                base_year = mention.period.start
                if mention.kind == "relative":
                    base_year = period.end - 1  # 较去年: the year before the figure's year
                break
            if _from_mention(self.text, mention) and mention.period is not None:
                base_year = mention.period.start
                break
        if base_year is None or base_year >= period.end or base_year == period.end - 1:
            return period
        return span_period(base_year, period.end)

    # ---- role and region ------------------------------------------------------------------

    def _modality(self, figure: Figure, sentence: LogicalSentence, period: Period | None, source: str) -> str:
        current = self.current_year
        future = period is not None and current is not None and period.year > current
        present_or_future = period is not None and current is not None and period.year >= current
        cue = modality(self.text[sentence.start : figure.start], self.text[figure.end : sentence.end],
                       pursue_is_target=present_or_future)
        if cue != Role.ACTUAL:
            return cue
        if source == "target" or future:
            return Role.TARGET
        if source == "heading" and present_or_future:
            return Role.TARGET
        return Role.ACTUAL

    def _region(self, sentence: LogicalSentence, figure: Figure) -> str | None:
        lo = bisect_left(self.county_starts, sentence.start)
        hi = bisect_right(self.county_starts, figure.start - 1)
        names = {name for _, name in self.counties[lo:hi]}
        if len(names) == 1:
            return names.pop()
        return self.context.region


def _quoted(text: str, start: int, end: int, any_mark: bool = False) -> bool:
    """True when text[start:end] lies inside an open “…” (or, with any_mark, crosses a quote or title mark)."""
    span = text[start:end]
    if any_mark:
        return any(mark in span for mark in "“”\"《》")
    return span.rfind("“") > span.rfind("”")


@lru_cache(maxsize=64)
def _county_pattern(region: str | None) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Names and aliases of the counties in `region` (all counties when it is unknown)."""
    table = place_table()
    city = table.lookup(region) if region else None
    names: dict[str, str] = {}
    for place in table.places:
        if place.level != "county" or (city is not None and table.city_of(place) != city):
            continue
        for surface in (place.name, *place.aliases):
            if table.lookup(surface) is place or surface == place.name:
                names.setdefault(surface, place.name)
    if not names:
        return None, names
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))), names


def _compatible(entry: IndicatorEntry, kind: str) -> bool:
    return kind in _LEVEL_COMPATIBLE.get(entry.unit_kind, set())


def _from_mention(text: str, mention: PeriodMention) -> bool:
    return bool(_FROM_BEFORE.search(text[max(0, mention.start - 2) : mention.start]))


def _from_to_year(
    text: str, figure: Figure, members: list[tuple[int, Figure]], position: int, clause: tuple[int, int],
    period: Period,
) -> Period:
    """占比重从1.91%提升到2.91% under '2015年以来': the first value is 2015's, the second the last year's."""
    if period.start == period.end:
        return period
    local = text[max(clause[0], figure.start - 3) : figure.start]
    if _FROM_BEFORE.search(local):
        return year_period(period.start)
    if position and _TO_BEFORE.search(text[max(clause[0], figure.start - 6) : figure.start]):
        previous = members[position - 1][1]
        if previous.end > clause[0] and _FROM_BEFORE.search(text[max(clause[0], previous.start - 3) : previous.start]):
            return year_period(period.end)
    return period


def _respectively_map(
    text: str, sentence: LogicalSentence, figures: list[Figure], mentions: list[_Mention]
) -> dict[int, _Mention]:
    """分别 lists: the k-th figure after 分别 belongs to the k-th indicator named before it."""
    mapping: dict[int, _Mention] = {}
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


def _list_continuation(
    text: str, clause: tuple[int, int], members: list[tuple[int, Figure]], position: int,
    mentions: list[_Mention], list_names: list[IndicatorEntry | None],
) -> IndicatorEntry | None:
    """A clause of several figures naming no indicator repeats the list before it:
    '分别达3749件、1308件和2.96件，是2015年的2.5倍、3倍、2.96倍' or '较2015年，分别增长了85%、6%'."""
    clause_start, clause_end = clause
    if any(clause_start <= m.start < clause_end for m in mentions):
        return None
    in_clause = [i for i, (_, f) in enumerate(members) if clause_start <= f.start < clause_end]
    if len(in_clause) < 2 or position not in in_clause or in_clause[0] < len(in_clause):
        return None
    gaps = [text[members[a][1].end : members[b][1].start] for a, b in pairwise(in_clause)]
    if not all(_LIST_GAP.match(gap) for gap in gaps):
        return None  # not a list: 排名上升3位至第四
    names = list_names[in_clause[0] - len(in_clause) : in_clause[0]]
    if any(name is None for name in names):
        return None
    return names[in_clause.index(position)]
