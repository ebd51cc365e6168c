"""A count that names the noun it counts after it: 建成3家国家级孵化器, 6家高质量孵化器.

The noun is the figure's measure: a taxonomy alias (with a level before it), or for a generic
noun (463家企业通过研发准备金备案) the count measure named later in its clause, or else the
noun phrase itself as a provisional indicator. What follows a figure without being a noun
(以上, 左右, 增长, 全省第一 …) leaves the figure to the words before it.
"""

from __future__ import annotations

import re

from viewer.model import Figure, FigureKind
from viewer.text.measure_words import LEVELS, VERB
from viewer.text.measures import (
    HOW_ALIAS,
    HOW_LEVEL,
    AliasIndex,
    Measure,
    choose_sense,
    fits,
    level_measure,
    provisional_measure,
)

_LEVEL_BEFORE = re.compile("(?:" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")$")


# What may follow a figure without naming what it counts (anything else is a noun: 9个县市区).
_AFTER_FIGURE = re.compile(
    r"[^\u3400-\u9fff]|以上|以下|左右|多|余|的|和|及|与|或|增长|增加|提高|提升|上升|下降|减少|同比|较|比|是|为|占|居|位|"
    r"排|名列|至|到|连续|超过|(?:全省|全市|全国)(?!重点实验室|技术创新中心|工程研究中心|重点)|分别|均|，|。"
)
_MODIFIERS = re.compile(r"[省市县区级国家以上、和及与的“”]{0,8}")


def counts_a_noun_after(text: str, figure: Figure) -> bool:
    """Whether a count names its noun after it (建成3家国家级孵化器, 在9家县市区)."""
    return figure.kind == FigureKind.COUNT and not _AFTER_FIGURE.match(text, figure.end)


_COUNTED_GENERIC = re.compile(r"(?:家|个|名)?(?:企业|单位|机构|人)")
_GENERIC_REACH = 24


_NOUN_AFTER_END = re.compile(r"[，,。；;：:、（(“”\"]|等|的|和|及|与|(?=" + VERB.pattern + r")")
_NOUN_AFTER_MAX = 16
_MILESTONE = re.compile(r"[十百千万亿]+(?:元|级)?(?:台阶|大关|关口|量级|规模)?")


def noun_after(text: str, figure: Figure, clause_end: int) -> Measure | None:
    """The provisional measure of the noun a count names after it (6家高质量孵化器)."""
    start = figure.end
    stop = _NOUN_AFTER_END.search(text, start, min(clause_end, start + _NOUN_AFTER_MAX))
    end = stop.start() if stop is not None else min(clause_end, start + _NOUN_AFTER_MAX)
    if (stop is None and end < clause_end) or _MILESTONE.fullmatch(text, start, end):
        return None  # a long noun phrase is more than a name; 万亿级关口 is a milestone
    return provisional_measure(text[start:end], start, end, "", figure, None)


def measure_after(text: str, figure: Figure, clause_end: int, aliases: AliasIndex) -> Measure | None:
    """The taxonomy measure of the noun a count names after it, if the taxonomy knows it; for a
    generic noun (463家企业通过研发准备金备案), the count measure named later in the clause."""
    end = figure.end
    generic = _COUNTED_GENERIC.match(text, end, clause_end)
    if generic is not None:
        for start in range(generic.end(), min(clause_end, generic.end() + _GENERIC_REACH)):
            hit = aliases.starting_at(start)
            if hit is not None and hit[0] <= clause_end:
                entry = choose_sense(aliases.lexicon, hit[1], figure.kind)
                if entry is not None and fits(entry, figure.kind):
                    return Measure(entry.name, HOW_ALIAS, entry, start, hit[0], entry.parent, hit[1])
        return None
    modifiers = _MODIFIERS.match(text, end, clause_end)
    last = modifiers.end() if modifiers else end
    for candidate in range(end, last + 1):
        hit = aliases.starting_at(candidate)
        if hit is None or hit[0] > clause_end:
            continue
        entry = choose_sense(aliases.lexicon, hit[1], figure.kind)
        if entry is None:
            return None
        level = _LEVEL_BEFORE.search(text, end, candidate)
        if level is not None and level.end() == candidate:
            levelled = level_measure(aliases.lexicon, entry, LEVELS[level.group()])
            if levelled is not None:
                return Measure(levelled[0], HOW_LEVEL, levelled[1], end, hit[0], entry.name, hit[1])
        return Measure(entry.name, HOW_ALIAS, entry, candidate, hit[0], entry.parent, hit[1])
    return None
