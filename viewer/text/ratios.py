"""Shares and ratios: a percent after 占… (占全市的55%, 占规上工业增加值的比重达56%).

A share of a place's total (占全市的) is a share of the measure's own level: its indicator is
the measure, its role SHARE. A share of another measure (占GDP比重, 占营业收入的) is a ratio: the
taxonomy entry whose numerator (base) and denominator match, or a provisional ratio named
'<numerator>占<denominator>比重' so that it forms its own series and never merges into another.
"""

from __future__ import annotations

import re

from viewer.model import Figure, FigureKind, Role
from viewer.text.indicators import IndicatorEntry, Lexicon
from viewer.text.measures import HOW_PROVISIONAL, AliasIndex, Measure, choose_sense, measure_before

HOW_RATIO = "ratio"
_SHARE = re.compile(
    r"(?:占|相当于)(?P<denominator>[^，。；;,占]{0,24}?)(?:的)?\s*(?:比重|比例|份额|比值|比)?\s*"
    r"(?:已?达到?|为|约为?|超过|突破|提高到|提升到|提高至|提升至|上升到|上升至|预计达到?|从|由)?\s*"
    r"(?:(?:19|20)\d{2}\s*年度?(?:底|末)?)?\s*的?\s*$"
)
_PLACE_TOTAL = re.compile(
    r"^(?:全[国省市区县州盟旗]|我[国省市区县]|本[省市区县]|[\u3400-\u9fff]{1,8}?[省市区县])(?:总[数量额]|总体|整体)?$"
)
_DENOMINATOR_LEAD = re.compile(r"^(?:全社会|全市|全省|全国|全区|全县|全部|同期|全|总)")


def share_measure(
    text: str, lead_start: int, figure: Figure, aliases: AliasIndex, lexicon: Lexicon, named: Measure | None,
) -> tuple[Measure, str | None] | None:
    """The measure and role of a percent written as a share (占…), or None if it is not one."""
    if figure.kind != FigureKind.PERCENT:
        return None
    found = _SHARE.search(text, lead_start, figure.start)
    if found is None:
        return None
    denominator = found.group("denominator").strip()
    whole = _whole_alias(text, lead_start, found, aliases, lexicon)
    if whole is not None:
        return whole, None
    numerator = measure_before(text, lead_start, found.start(), aliases, figure, Role.GROWTH)
    pronoun = text.startswith("其", _skip_blanks(text, lead_start))
    if numerator is None or pronoun or (numerator.provisional and named is not None \
            and not _names_own(text, lead_start, found)):
        numerator = named
    if numerator is None:
        return None
    if not denominator:
        only = _only_ratio(lexicon, numerator)
        return (only, None) if only is not None else (numerator.inherited(numerator.how), Role.SHARE)
    if _PLACE_TOTAL.match(denominator):
        return numerator.inherited(numerator.how), Role.SHARE
    base = numerator.entry.name if numerator.entry else numerator.name
    ratio = _ratio_entry(lexicon, base, denominator)
    if ratio is not None:
        return Measure(ratio.name, HOW_RATIO, ratio, numerator.start, figure.start, ratio.parent), None
    name = f"{base.removesuffix('数')}占{_denominator_name(lexicon, denominator)}比重"
    return Measure(name, HOW_PROVISIONAL, None, numerator.start, figure.start), None


def _whole_alias(
    text: str, lead_start: int, found: re.Match[str], aliases: AliasIndex, lexicon: Lexicon
) -> Measure | None:
    """A ratio the taxonomy names as a whole (地方财政科技支出占地方财政支出比值): its entry."""
    end = found.end()
    while end > found.start() and not text[end - 1].isalnum():
        end -= 1
    for stop in range(end, found.start(), -1):
        hit = aliases.ending_at(stop)
        if hit is not None and lead_start <= hit[0] < found.start():
            entry = choose_sense(lexicon, hit[1], FigureKind.PERCENT)
            if entry is not None and entry.unit_kind == "percent":
                return Measure(entry.name, "alias", entry, hit[0], stop, entry.parent, hit[1])
    return None


def _skip_blanks(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ，,、\t":
        position += 1
    return position


_OWN_SHARE = re.compile(r"(?:占比|比重|比例)\s*(?:已?达到?|为|约为?|超过|突破|提高到|提升到|从|由)?\s*$")


def own_share(
    text: str, lead_start: int, figure: Figure, aliases: AliasIndex, lexicon: Lexicon, named: Measure | None,
) -> Measure | None:
    """研发投入占比6%: a measure's share with no denominator named is its ratio, if the taxonomy
    has exactly one ratio of that measure."""
    if figure.kind != FigureKind.PERCENT:
        return None
    found = _OWN_SHARE.search(text, lead_start, figure.start)
    if found is None:
        return None
    numerator = measure_before(text, lead_start, found.start(), aliases, figure, Role.GROWTH) or named
    return _only_ratio(lexicon, numerator) if numerator is not None else None


def _only_ratio(lexicon: Lexicon, numerator: Measure) -> Measure | None:
    base = numerator.entry.name if numerator.entry else numerator.name
    ratios = [e for e in lexicon.entries if e.base == base and e.unit_kind == "percent"]
    if len(ratios) != 1:
        return None
    return Measure(ratios[0].name, HOW_RATIO, ratios[0], numerator.start, numerator.end, ratios[0].parent)


def _names_own(text: str, lead_start: int, found: re.Match[str]) -> bool:
    return bool(text[lead_start : found.start()].strip(" ，,、"))


def _denominator_name(lexicon: Lexicon, phrase: str) -> str:
    phrase = _DENOMINATOR_LEAD.sub("", phrase) or phrase
    entry = choose_sense(lexicon, phrase, FigureKind.MONEY)
    return entry.name if entry is not None else phrase


def _ratio_entry(lexicon: Lexicon, base: str, denominator: str) -> IndicatorEntry | None:
    """The taxonomy ratio of `base` over the measure `denominator` names, if the taxonomy has it."""
    wanted = {denominator, _DENOMINATOR_LEAD.sub("", denominator)}
    entry = choose_sense(lexicon, _DENOMINATOR_LEAD.sub("", denominator) or denominator, FigureKind.MONEY)
    if entry is not None:
        wanted.update((entry.name, *entry.aliases))
    for candidate in lexicon.entries:
        # 战略性新兴产业占规上工业增加值比重: an industry named for its value added
        if candidate.unit_kind != "percent" or candidate.base is None \
                or not (candidate.base == base or (candidate.base.startswith(base) and len(base) >= 4)):
            continue
        over = getattr(candidate, "denominator", None)
        over_entry = lexicon.get(over) if over else None
        names = {over, *(over_entry.aliases if over_entry else ())} if over else set()
        if names & wanted:
            return candidate
        written = (*candidate.aliases, *candidate.context_aliases)
        if any(f"占{name}" in alias for name in wanted for alias in written):
            return candidate
    return None
