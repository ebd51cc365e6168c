"""The measure a clause names before a figure: a taxonomy indicator, or a provisional one.

Chinese noun phrases put their head last, so a measure phrase ends where the cue words before
the figure begin (达到, 增长, 同比, 约 …) and starts after the subject, the time and the verbs
that say what was done (全市 / 全年 / 打造 高能级创新平台 14个). A taxonomy alias names the
measure only when it ends the phrase (not 发明专利 in 发明专利产业化项目, whose head is 项目) and
nothing but a level or a neutral word stands before it in the phrase: 民营高新技术企业 is its
own, narrower measure, not 高新技术企业. A level word before a platform's alias makes the
level's own indicator (省级 + 新型研发机构 -> 省级新型研发机构数). A phrase no alias ends is a
provisional indicator named from the phrase itself (高能级创新平台数), so the same phrase in
another report forms the same series. Generic words (项目, 企业, 资金) alone name nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import Figure, FigureKind, Role
from viewer.text.indicators import IndicatorEntry, Lexicon
from viewer.text.measure_words import (
    ECONOMY_WORDS,
    FLOW_VERBS,
    GENERIC,
    GENERIC_HEAD,
    LEAD_WORDS,
    LEVELS,
    MEASURING_VERBS,
    NEUTRAL_PREFIX,
    PERIOD_WORDS,
    RANK_VERBS,
    VERB,
    tail_length,
)
from viewer.text.provisional import provisional_name_of

# How a measure was found: the confidence a reviewer sees.
HOW_ALIAS, HOW_LEVEL, HOW_PROVISIONAL = "alias", "level", "provisional"
HOW_LIST, HOW_INHERITED = "list", "inherited"
HOW_MAPPED = "mapped"  # a provisional name the user's lexicon files under an indicator of the taxonomy

_QUOTES = re.compile(r"[“”\"'《》〈〉]")
_PREFIX_BREAK = re.compile(r"[^\w&、]+|\d+")
_TAIL_REACH = 32
_GENERIC_HEAD_AT_END = re.compile(r"(?:总数|数量|总量|总额|金额|规模|总计|合计|数|量)$")
_LEVEL_BEFORE = re.compile("(?:" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")$")
_LEVELLED_GROUPS = frozenset({"平台载体", "科普", "人才", "成果转化"})
_LEVELLED_HEADS = ("实验室数", "中心数", "机构数", "基地数", "平台数", "孵化器数", "众创空间数", "星创天地数",
                   "工作站数", "研究院数", "载体数", "科技园数", "园区数", "联盟数")


@dataclass(slots=True)  # not frozen: a frozen dataclass costs twice as much to make
class Measure:
    """A measure named in the text: an indicator name, and how it was found."""

    name: str
    how: str  # alias | level | ratio | list | inherited | provisional | mapped
    entry: IndicatorEntry | None = None  # the taxonomy entry, None for a provisional measure
    start: int = 0  # where the phrase stands in the text
    end: int = 0
    parent: str | None = None
    surface: str = ""  # the alias as written, whose other senses a figure of another unit may take

    @property
    def provisional(self) -> bool:
        return self.entry is None

    def inherited(self, how: str = HOW_INHERITED) -> Measure:
        return Measure(self.name, how, self.entry, self.start, self.end, self.parent, self.surface)


class AliasIndex:
    """Every alias mention of a document, found once (the lexicon keeps the last document's
    mentions, which the entity recogniser then reads again for free), looked up by position."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.by_end: dict[int, tuple[int, str]] = {}
        self.by_start: dict[int, tuple[int, str]] = {}
        for first, last, _ in lexicon.find(text):
            surface = text[first:last]
            self.by_end[last] = (first, surface)
            self.by_start[first] = (last, surface)
        self._starts = sorted(self.by_start)

    def starts_within(self, start: int, end: int) -> bool:
        """Whether a mention starts in [start, end)."""
        index = bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end

    def ending_at(self, end: int) -> tuple[int, str] | None:
        return self.by_end.get(end)

    def starting_at(self, start: int) -> tuple[int, str] | None:
        return self.by_start.get(start)


@lru_cache(maxsize=8192)
def lead_end(text: str, start: int, end: int, rank: bool = False) -> int:
    """Where the measure phrase in text[start:end] ends: before the cue words of the figure,
    and for a rank before the words that place it (增幅 居副省级城市 第一位)."""
    if rank:
        placed = list(RANK_VERBS.finditer(text, start, end))
        if placed:
            end = placed[-1].start()
    return end - tail_length(text[max(start, end - _TAIL_REACH) : end])


@lru_cache(maxsize=8192)
def phrase_start(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the measure phrase begins after the lead words, times and verbs; and the last
    measuring verb taken off (使用 in 使用创新券), which the provisional name keeps."""
    position, verb = start, ""
    while position < end:
        found = LEAD_WORDS.match(text, position, end) or PERIOD_WORDS.match(text, position, end)
        if found is not None and found.end() > position:
            position = found.end()
            continue
        found = VERB.match(text, position, end)
        if found is not None:
            verb = found.group() if found.group() in MEASURING_VERBS else verb
            position = found.end()
            continue
        break
    return position, verb


def measure_before(
    text: str, start: int, end: int, aliases: AliasIndex, figure: Figure, role: str | None = None
) -> Measure | None:
    """The measure a lead (text[start:end], the words before a figure in its clause) names."""
    phrase_end = lead_end(text, start, end, figure.kind == FigureKind.RANK)
    if phrase_end <= start:
        return None
    begin, verb = phrase_start(text, start, phrase_end)
    if begin >= phrase_end:
        return None
    taxonomy = _alias_ending(text, begin, phrase_end, aliases, figure.kind)
    if taxonomy is not None and verb in FLOW_VERBS and taxonomy.entry is not None \
            and taxonomy.entry.unit_kind == "count":
        taxonomy = None  # 引育高层次人才2355人: those brought in, not the stock of 高层次人才
    if taxonomy is not None:
        return taxonomy
    economy = ECONOMY_WORDS.get(text[begin:phrase_end])
    if economy is not None and (role == Role.GROWTH or economy[1]):
        entry = aliases.lexicon.get(economy[0])
        if entry is not None:  # 经济增长5%: the growth of the economy is that of 地区生产总值
            return Measure(entry.name, HOW_ALIAS, entry, begin, phrase_end, entry.parent, text[begin:phrase_end])
    return provisional_measure(text[begin:phrase_end], begin, phrase_end, verb, figure, role)


def _alias_ending(text: str, start: int, end: int, aliases: AliasIndex, figure_kind: str) -> Measure | None:
    """The taxonomy measure whose alias ends the phrase text[start:end] (a generic head may follow),
    when only a level or a neutral word stands before the alias in the phrase."""
    hit = aliases.ending_at(end)
    if hit is None:
        head = _GENERIC_HEAD_AT_END.search(text, start, end)
        hit = aliases.ending_at(head.start()) if head is not None else None
    if hit is None:
        return _total_alias(text, start, end, aliases.lexicon, figure_kind)
    alias_start, surface = hit
    entry = choose_sense(aliases.lexicon, surface, figure_kind)
    if entry is None:
        return None
    prefix = text[start:alias_start] if alias_start > start else ""
    breaks = list(_PREFIX_BREAK.finditer(prefix))
    if breaks:  # 【亮点1】 全社会研发投入强度: the words before a space or a mark are not the phrase
        prefix = prefix[breaks[-1].end() :]
    verbs = list(VERB.finditer(prefix))
    if verbs:  # 企业获得 省研发奖补资金: the alias is the object of the verb, the measure
        prefix = prefix[verbs[-1].end() :]
        start = alias_start - len(prefix)
    level = _LEVEL_BEFORE.search(prefix)
    if level is not None:
        levelled = level_measure(aliases.lexicon, entry, LEVELS[level.group()])
        if levelled is not None and not NEUTRAL_PREFIX.sub("", prefix[: level.start()]):
            return Measure(levelled[0], HOW_LEVEL, levelled[1], start + level.start(), end, entry.name, surface)
        prefix = prefix[: level.start()]
    if NEUTRAL_PREFIX.sub("", prefix):
        return None  # 民营高新技术企业: a narrower measure than the alias names
    return Measure(entry.name, HOW_ALIAS, entry, alias_start, end, entry.parent, surface)


_TOTAL = re.compile(r"[\u3400-\u9fff&A-Za-z]{2,16}?总(?=[额数量值])[额数量值]$")


def _total_alias(text: str, start: int, end: int, lexicon: Lexicon, figure_kind: str) -> Measure | None:
    """技术交易总额 is 技术交易额, 企业总数 企业数: an alias written with 总 before its head."""
    if text.find("总", max(start, end - 3), end) < 0:
        return None
    found = _TOTAL.search(text, start, end)
    if found is None:
        return None
    surface = found.group().replace("总", "", 1) if found.group().count("总") == 1 else None
    if surface is None:
        return None
    for cut in range(len(surface) - 2):
        entry = choose_sense(lexicon, surface[cut:], figure_kind)
        if entry is not None and not NEUTRAL_PREFIX.sub("", surface[:cut]):
            return Measure(entry.name, HOW_ALIAS, entry, found.start() + cut, end, entry.parent, surface[cut:])
    return None


_KIND_FITS = {
    "money": {FigureKind.MONEY}, "percent": {FigureKind.PERCENT, FigureKind.POINTS},
    "count": {FigureKind.COUNT, FigureKind.NUMBER}, "number": {FigureKind.NUMBER, FigureKind.COUNT},
    "multiple": {FigureKind.MULTIPLE}, "physical": {FigureKind.PHYSICAL},
}


def fits(entry: IndicatorEntry, figure_kind: str) -> bool:
    """Whether a figure of this kind can be a level of the entry (万元 for money, 家 for a count)."""
    return figure_kind in _KIND_FITS.get(entry.unit_kind, set())


def choose_sense(lexicon: Lexicon, surface: str, figure_kind: str) -> IndicatorEntry | None:
    """The entry an alias means for a figure of this kind: the one whose unit fits, else the first."""
    senses = lexicon.candidates(surface)
    if not senses:
        return None
    return next((e for e in senses if fits(e, figure_kind)), senses[0])


def level_measure(lexicon: Lexicon, entry: IndicatorEntry, level: str) -> tuple[str, IndicatorEntry | None] | None:
    """The indicator of one level of a platform (省级 新型研发机构数), or None when levels do not apply."""
    if not _levelled(entry):
        return None
    for name in (level + entry.name, level.removesuffix("级") + entry.name):
        found = lexicon.get(name)
        if found is not None:
            return found.name, found
    prefixes = (level, level.removesuffix("级"), *(("全国",) if level == "国家级" else ()))
    for child in lexicon.entries:  # 省级 + 科普基地数 -> 省级科普教育基地数, the level's own entry
        if child.parent == entry.name and child.name.startswith(prefixes) and "以上" not in child.name[:5]:
            return child.name, child
    return level + entry.name, None


def _levelled(entry: IndicatorEntry) -> bool:
    group = getattr(entry, "group", None)
    if group:
        return group in _LEVELLED_GROUPS
    return entry.name.endswith(_LEVELLED_HEADS)


def provisional_measure(
    phrase: str, start: int, end: int, verb: str, figure: Figure, role: str | None
) -> Measure | None:
    """A provisional indicator named from a measure phrase, or None if the phrase names nothing."""
    name = provisional_name_of(phrase, verb, figure.kind, figure.unit, role)
    return Measure(name, HOW_PROVISIONAL, None, start, end) if name is not None else None


def user_mapped(measure: Measure | None, lexicon: Lexicon) -> Measure | None:
    """The measure under the name the user's lexicon files a provisional one ([[provisional]]):
    an indicator of the taxonomy or of the user's lexicon, else a provisional measure renamed."""
    if measure is None or measure.entry is not None or not lexicon.mapped:
        return measure
    name = lexicon.mapped.get(measure.name)
    if name is None:
        return measure
    entry = lexicon.get(name)
    if entry is None:
        return Measure(name, measure.how, None, measure.start, measure.end, None, measure.surface)
    return Measure(entry.name, HOW_MAPPED, entry, measure.start, measure.end, entry.parent, measure.surface)


def measure_phrase_level(text: str, start: int, end: int) -> str | None:
    """A lead that is only a level word (其中国家级2家): the level it names."""
    phrase_end = lead_end(text, start, end)
    if phrase_end <= start:
        return None
    begin, _ = phrase_start(text, start, phrase_end)
    return LEVELS.get(text[begin:phrase_end])


def has_content(text: str, start: int, end: int, rank: bool = False) -> bool:
    """Whether a lead holds words of its own beyond cue, time, place and verb words."""
    phrase_end = lead_end(text, start, end, rank)
    begin, _ = phrase_start(text, start, phrase_end)
    phrase = _QUOTES.sub("", text[begin:phrase_end]).strip()
    return bool(phrase) and phrase not in GENERIC and not GENERIC_HEAD.match(phrase)


_COORDINATED = re.compile(r"[、和及与]")


def generic_tail(text: str, start: int, end: int) -> str | None:
    """The generic noun a lead ends in (资金 in …企业数和资金, 资金增长): it stands for a measure
    named before it whose name ends the same way (研发奖补资金)."""
    phrase_end = lead_end(text, start, end)
    if not any(text[phrase_end - size : phrase_end] in GENERIC for size in (2, 3, 4)):
        return None
    begin, _ = phrase_start(text, start, phrase_end)
    items = _COORDINATED.split(text[begin:phrase_end])
    last = items[-1] if items else ""
    return last if last in GENERIC and len(last) >= 2 else None


def opens_with_verb(text: str, start: int, end: int) -> bool:
    """Whether the phrase of a lead is opened by a verb of its own (引育高层次人才2355人)."""
    position = start
    while position < end:
        found = LEAD_WORDS.match(text, position, end) or PERIOD_WORDS.match(text, position, end)
        if found is None or found.end() == position:
            break
        position = found.end()
    return VERB.match(text, position, end) is not None
