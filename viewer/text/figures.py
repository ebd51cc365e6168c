"""Find the figures of a report: amounts, percentages, counts, multiples, ranks, measures.

`find_figures(text)` returns one `Figure` per figure, sorted and non-overlapping, with its
value in the base unit (元 for money, the percent number for %, the count for 家 ...).
Attribution (period, indicator, region, role) is left to `viewer.text.attribution`.

Decisions:
- Span: a figure's span covers the number, its unit and an adjacent qualifier word, both a
  preceding one (超过, 突破, 近, 约, 不到 ...) and a following one (多/余 before the unit,
  以上, 左右, 以内 ...), so the highlight shows the qualifier. A rank's span is 第N (+位/名);
  the words that make it a rank (全省, 排名 ...) stay outside.
- Qualifier precedence: range, then a following word, then a preceding word, then 多/余.
- Not figures: a number without unit (section markers 1、 and （一）, 【重点3】, slogans like
  1+1>2), a number followed by 年/月/日/号/时 (dates and document numbers such as
  〔2021〕1号: they become time attributes, not figures), a number glued to Latin letters or
  a dot (5G, AG600, 2.0版), 第N followed by 届/次/批/期/个 ... (ordinals of events and
  batches), plan names (十三五: no unit), and 一 alone before a measure word (一个, 一批,
  一项 are idioms far more often than counts). A Chinese-numeral count in quotes or glued
  to digits (“五个益阳”, 六个10) names a programme, not a count.
- 第N is a rank only when followed by 位/名 or preceded by a ranking word (排名, 位居, 全省,
  全国 ...). Its value is N, unit 位.
- A bare 万/亿 amount (经费由900万增长到2700万) is money when a money word (经费, 资金,
  投资, 产值 ...) occurs earlier in the same sentence within 40 characters; otherwise a
  NUMBER figure with an empty unit. A bare number without 万/亿 is never a figure.
- Ranges (1-2家, 10亿至20亿元, 5-20%) give value = low, value_high = high; a low end without
  a scale takes the high end's scale (10至20亿元 = 10亿..20亿).
- Bare numbers listed before a figure (分别为3、5和8家) each become a figure with its unit.
- Tenths: 三成 = 30 %, 八折 = 80 %, 三成半 = 35 %, 七成六 = 76 %; idioms 半成 = 5 %, 半折 and
  打对折 = 50 % (对折 alone folds paper; 半成品, 折旧 are words). Physical units stay as
  written, scale goes to the value: 10万千瓦 = 100000 千瓦, and a trailing 千/兆 belongs to
  the unit: 12千米 = 12 千米.
- Amounts in two denominations: 五元三毛 = 5.3 元, 3元5角2分, 两美元又三美分 = 2.03 美元
  (only after a whole amount without 万/亿).
- Spaced-out text (PDF text layers): blanks (space, tab, U+3000; never a newline) may sit
  inside the numeral (see viewer.text.numbers), between it and its unit, inside a Chinese
  unit or percent word (百 分 之, 个 百 分 点, 亿 元), after a leading qualifier and around a
  range sign. The span includes them; `unit_text` does not. Two digit groups are never
  joined: in 3 5家 only 5家 is a figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import Figure, FigureKind, Qualifier
from viewer.text.figure_units import (
    IDIOM_FOLLOWERS_NOT_PERCENT,
    IDIOM_PRECEDERS_NOT_PERCENT,
    INNER_QUALIFIERS,
    MONEY_CUES,
    MONEY_SUBUNITS,
    MONEY_UNITS,
    ORDINAL_FOLLOWERS,
    PER_DENOMINATORS,
    PERCENT_IDIOMS,
    PREFIX_QUALIFIERS,
    PREFIXED_UNITS,
    RANK_CUES,
    SUFFIX_QUALIFIERS,
    UNIT_KINDS,
)
from viewer.text.numbers import (
    ARABIC,
    BIG_UNITS,
    BLANKS,
    CN_CHARS,
    DIGITS,
    longest_numeral,
    normalize_width,
    numeral_pattern,
    tokenize,
)

_NUM = numeral_pattern(spaces=True)
_START = r"(?<![A-Za-z0-9.%/=&?_])"  # not inside AG600, v2.0 or a URL
_B = f"[{BLANKS}]*"  # blanks of spaced-out PDF text: 百 分 之 2.4, 34.94 亿 元
_NO_BLANKS = str.maketrans("", "", BLANKS)


def _alternation(words: Iterable[str], spaced: bool = False) -> str:
    """Longest first; with `spaced`, blanks may sit between the characters of a Chinese word."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(
        re.escape(w) + "(?![A-Za-z])" if w.isascii() else (_B if spaced else "").join(map(re.escape, w))
        for w in ordered
    )


_SCALE_CHARS = "".join(BIG_UNITS)
# Every branch starts with one of these; the lookahead lets the scan skip other text fast.
_FIRST = "0-9" + CN_CHARS + "第翻$￥¥负\\-对半" + "".join({w[0] for w in PREFIX_QUALIFIERS})
_OVER = f"{_B}分{_B}之{_B}"
# Every character a numeral may hold. A share (三分之一) has its 分 right after a run of them: the
# look-ahead for it spares reading every numeral twice, once as a share and once as an amount.
_NUMERAL_CHARS = rf"\d,.{CN_CHARS}多余几点{BLANKS}"
_FIGURE = re.compile(
    rf"(?=[{_FIRST}])(?:"
    rf"(?P<rank>第{_B}(?P<rn>{_NUM})(?:{_B}(?P<rsuf>位|名))?)"
    rf"|(?P<fan>翻{_B}了?{_B}(?:(?P<fn>[一两二三四]){_B})?番)"
    rf"|(?P<idiom>{_alternation(PERCENT_IDIOMS, spaced=True)})"
    rf"|(?:(?P<pre>{_alternation(PREFIX_QUALIFIERS)}){_B})?(?:"
    rf"(?P<pword>[百千万佰仟](?:{_B}[百千万佰仟])*){_OVER}(?P<pn>{_NUM})"
    rf"|{_START}(?=[{_NUMERAL_CHARS}]*+分)(?P<den>{_NUM}){_OVER}(?P<nom>{_NUM})"
    rf"|(?P<cur>[$￥¥]){_B}(?P<cn>{ARABIC})"
    rf"|(?P<neg>负|(?<![0-9A-Za-z.\-])-)?{_START}(?P<n1>{_NUM})"
    rf"(?:{_B}(?P<sep>[-~—–至到]){_B}(?P<n2>{_NUM}))?(?:{_B}(?P<inner>[多余]))?"
    rf"(?:{_B}(?P<unit>{_alternation(UNIT_KINDS, spaced=True)})|(?<=[{_SCALE_CHARS}]))"
    rf")(?P<post>{_alternation(SUFFIX_QUALIFIERS)})?)"
)
_SIMPLE = re.compile(r"(\d+(?:\.\d+)?)([万亿]?)")
_BLANK_RUN = re.compile(f"[{BLANKS}]+")
_NOT_AFTER_CHENG = frozenset("不为立果功员长效本")
_SINGLE_DIGIT = "0-9零〇一二两三四五六七八九"
# 七成六 = 76 %: one more digit after 成, not the start of another figure (七成六家).
_TENTH = re.compile(rf"{_B}([一二三四五六七八九])(?![{CN_CHARS}\d点多余几]|{_alternation(UNIT_KINDS)})")
_SUBUNIT = re.compile(rf"{_B}(?:[又零]{_B})?([{_SINGLE_DIGIT}]){_B}(角|毛|美分|欧分|分)(?![钟之])")
_LIST = re.compile(rf"(?:{_START}{_NUM}[、和及与])+$")
_LIST_SEPARATORS = frozenset("、和及与")
_LIST_ITEM = re.compile(rf"{_START}({_NUM})[、和及与]")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_DURATION_AFTER = ("月", "小时", "工作日", "季度", "年", "星期")
_RANK_MOVES = frozenset(["上升", "下降", "提升", "前移", "后退", "进位", "前进", "后移"])
_PER_DENOMINATORS = {"百": 100.0, "佰": 100.0, "千": 1000.0, "仟": 1000.0, "万": 10000.0}


@dataclass(slots=True)  # not frozen: a frozen dataclass costs twice as much to make
class _Unit:
    kind: str
    unit: str
    factor: float


class _Skip(Exception):
    """The match is not a figure."""


def find_figures(text: str) -> list[Figure]:
    """All figures in `text`, sorted by start and non-overlapping."""
    norm = normalize_width(text)
    figures: list[Figure] = []
    units: list[_Unit] = []
    for match in _FIGURE.finditer(norm):
        try:
            figure, unit = _read(match, norm, text)
        except _Skip:
            continue
        if figures and figure.start < figures[-1].end:
            continue  # 三成半 took the 半 that starts 半成
        figures.append(figure)
        units.append(unit)
    return _per_unit(_people_counted(_join_ranges(_add_listed(figures, units, norm, text), text)), norm, text)


def _people_counted(figures: list[Figure]) -> list[Figure]:
    """两院院士123位: 位 counts people (a rank is 第N位), so the base unit is 人."""
    return [
        Figure(f.start, f.end, f.text, f.value, "人", f.kind, f.qualifier, f.value_high, f.unit_text)
        if f.kind == FigureKind.COUNT and f.unit == "位" else f
        for f in figures
    ]


_PER = re.compile(rf"{_B}/{_B}(?P<per>{'|'.join(map(re.escape, PER_DENOMINATORS))})(?!度)"
                  rf"(?:{_B}(?P<post>{_alternation(SUFFIX_QUALIFIERS)}))?")


def _per_unit(figures: list[Figure], norm: str, text: str) -> list[Figure]:
    """58万元/人, 0.6元/千瓦时: a quantity per something has the compound unit (元/人), so it
    never joins a series of totals in 元."""
    result = []
    for figure in figures:
        found = _PER.match(norm, figure.end) if figure.kind not in (FigureKind.PERCENT, FigureKind.RANK) else None
        if found is not None:
            per, post = found.group("per"), found.group("post")
            qualifier = SUFFIX_QUALIFIERS[post] if post and figure.qualifier == Qualifier.EXACT else figure.qualifier
            end = found.end() if qualifier != figure.qualifier or not post else found.end("per")
            figure = Figure(figure.start, end, text[figure.start : end], figure.value, f"{figure.unit}/{per}",
                            figure.kind, qualifier, figure.value_high, f"{figure.unit_text}/{per}")
        result.append(figure)
    return result


_RANGE_SIGN = re.compile(rf"{_B}[—–～~至]{{1,2}}{_B}|{_B}-{{2}}{_B}")


def _join_ranges(figures: list[Figure], text: str) -> list[Figure]:
    """5%—5.5%, 4.5%-5%, 3～5家: two figures of one unit joined by a range sign are one range
    (the finder reads a hyphen as a minus sign: -5%)."""
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        if previous is not None and previous.unit == figure.unit and previous.kind == figure.kind \
                and figure.kind != FigureKind.RANK \
                and previous.qualifier != Qualifier.RANGE and previous.value is not None \
                and figure.value is not None and _range_between(text, previous, figure):
            high = abs(figure.value)
            if high > previous.value:
                joined[-1] = Figure(
                    previous.start, figure.end, text[previous.start : figure.end], previous.value,
                    previous.unit, previous.kind, Qualifier.RANGE, high, previous.unit_text,
                )
                continue
        joined.append(figure)
    return joined


def _range_between(text: str, low: Figure, high: Figure) -> bool:
    if high.start == low.end and high.text.startswith(("-", "－")):
        return True
    return high.start - low.end <= 4 and _RANGE_SIGN.fullmatch(text, low.end, high.start) is not None


def _value(numeral: str) -> tuple[float, bool]:
    """Value of a whole numeral; _Skip if only a prefix of it reads as one (十三五)."""
    found = _numeral_value(numeral)
    if found is None:
        raise _Skip
    return found


@lru_cache(maxsize=4096)
def _numeral_value(numeral: str) -> tuple[float, bool] | None:
    """_value's reading, None for no value; cached: a report writes the same numerals again and again."""
    simple = _SIMPLE.fullmatch(numeral)
    if simple:  # the common case, 34.94亿, without the general reader
        value = float(simple.group(1))
        for char in simple.group(2):
            value *= BIG_UNITS[char]
        return float(f"{value:.15g}"), False
    try:
        value, approx, length = longest_numeral(tokenize(numeral))
    except ValueError:
        return None
    if length != len(numeral) or not _has_digit(numeral):
        return None
    return value, approx


def _has_digit(numeral: str) -> bool:
    return numeral[0] in "十拾" or any(c.isdigit() or c in DIGITS for c in numeral)


def _scale(numeral: str) -> tuple[str, float]:
    """The trailing 万/亿 of a numeral, as written and as a factor."""
    written = ""
    for char in reversed(numeral):
        if char in BLANKS:
            continue
        if char not in _SCALE_CHARS:
            break
        written = char + written
    factor = 1.0
    for char in written:
        factor *= BIG_UNITS[char]
    return written, factor


def _make(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: _Unit,
    written: str,
    qualifier: str = Qualifier.EXACT,
    high: float | None = None,
) -> tuple[Figure, _Unit]:
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        raise _Skip
    # In field order: keywords cost a class of 26 fields three times as much.
    return Figure(start, end, text[start:end], value, unit.unit, unit.kind, qualifier, high, written), unit


def _read(match: re.Match[str], norm: str, text: str) -> tuple[Figure, _Unit]:
    if match.group("rank"):
        return _read_rank(match, norm, text)
    if match.group("idiom"):
        return _read_idiom(match, norm, text)
    if match.group("fan"):
        times = match.group("fn")
        value = 2.0 ** (DIGITS[times] if times else 1)
        return _make(text, match.start(), match.end(), value, _Unit(FigureKind.MULTIPLE, "倍", 1.0), "番")
    qualifier = _qualifier(match)
    if match.group("pword"):
        return _read_per(match, text, qualifier)
    if match.group("den"):
        share = 100.0 * _value(match.group("nom"))[0] / (_value(match.group("den"))[0] or 1.0)
        unit = _Unit(FigureKind.PERCENT, "%", 1.0)
        return _make(text, match.start(), match.end(), share, unit, "分之", qualifier)
    if match.group("cur"):
        symbol = match.group("cur")
        unit = _Unit(FigureKind.MONEY, "美元" if symbol == "$" else "元", 1.0)
        value = float(match.group("cn").replace(",", ""))
        return _make(text, match.start(), match.end(), value, unit, text[match.start("cur")], qualifier)
    return _read_amount(match, norm, text, qualifier)


def _read_per(match: re.Match[str], text: str, qualifier: str) -> tuple[Figure, _Unit]:
    """百分之二十, 千分之二点四, 百分之七十百分位 (the numeral stops where it stops reading)."""
    numeral = match.group("pn")
    denominator = 1.0
    pword = match.group("pword").translate(_NO_BLANKS)
    for char in pword:
        denominator *= _PER_DENOMINATORS[char]
    end = match.end()
    if numeral == "百":
        value = 100.0
    else:
        try:
            value, _, length = longest_numeral(tokenize(numeral))
        except ValueError:
            raise _Skip from None
        if length < len(numeral):
            end, qualifier = match.start("pn") + length, Qualifier.EXACT
    unit = _Unit(FigureKind.PERCENT, "%", 100.0 / denominator)
    written = pword + "分之"
    return _make(text, match.start(), end, value * unit.factor, unit, written, qualifier)


def _qualifier(match: re.Match[str]) -> str:
    if match.group("post"):
        return SUFFIX_QUALIFIERS[match.group("post")]
    if match.group("pre"):
        return PREFIX_QUALIFIERS[match.group("pre")]
    if match.group("inner"):
        return INNER_QUALIFIERS[match.group("inner")]
    return Qualifier.EXACT


def _read_rank(match: re.Match[str], norm: str, text: str) -> tuple[Figure, _Unit]:
    end = match.end()
    if not match.group("rsuf"):
        before = norm[max(0, match.start() - 6) : match.start()].rstrip(BLANKS)
        if _next_char(norm, end) in ORDINAL_FOLLOWERS or not before.endswith(RANK_CUES):
            raise _Skip
    value, _ = _value(match.group("rn"))
    return _make(
        text, match.start(), end, value, _Unit(FigureKind.RANK, "位", 1.0), match.group("rsuf") or ""
    )


def _read_amount(match: re.Match[str], norm: str, text: str, qualifier: str) -> tuple[Figure, _Unit]:
    low_numeral, high_numeral = match.group("n1"), match.group("n2")
    written = match.group("unit") or ""
    if len(written) > 1:
        written = written.translate(_NO_BLANKS)
    if not written and (high_numeral or low_numeral)[-1] not in _SCALE_CHARS:
        raise _Skip  # a bare number: section marker, date, code ...
    numeral = high_numeral or low_numeral
    if written and numeral[-1] in PREFIXED_UNITS and written in PREFIXED_UNITS[numeral[-1]]:
        written = numeral[-1] + written
        numeral = numeral[:-1].rstrip(BLANKS)
        if high_numeral:
            high_numeral = numeral
        else:
            low_numeral = numeral
    if low_numeral in ("零", "〇"):
        raise _Skip  # 零部件
    value, approx = _value(low_numeral)
    high = _value(high_numeral)[0] if high_numeral else None
    scale_text, scale = _scale(numeral)
    if high is not None and not _scale(low_numeral)[0]:
        value *= scale
    unit = _unit(match, norm, written, scale_text)
    _check_context(match, norm, written)
    if written == "折" and value >= 10:
        if value == 10 or value >= 100:
            raise _Skip  # 十折 is no discount
        unit = _Unit(unit.kind, unit.unit, 1.0)  # 75折 = 75 %
    end = match.end()
    if high is None and not match.group("post"):
        value, end = _read_tail(norm, end, value, written, unit, scale_text)
    sign = -1.0 if match.group("neg") else 1.0
    if high is not None:
        qualifier = Qualifier.RANGE
        high *= unit.factor * sign
    elif approx and qualifier == Qualifier.EXACT:
        qualifier = Qualifier.MORE_THAN
    return _make(
        text,
        match.start(),
        end,
        value * unit.factor * sign,
        unit,
        scale_text + (match.group("inner") or "") + written if written else scale_text,
        qualifier,
        high,
    )


def _read_tail(
    norm: str, end: int, value: float, written: str, unit: _Unit, scale_text: str
) -> tuple[float, int]:
    """What a figure may carry after its unit: 三成半, 一吨半, 七成六, 五元三毛, 两美元又三美分."""
    if norm[end : end + 1] == "半" and (written == "成" or unit.kind == FigureKind.PHYSICAL):
        return value + 0.5, end + 1
    if written == "成":
        tenth = _TENTH.match(norm, end)
        if tenth:
            return value + DIGITS[tenth.group(1)] / 10, tenth.end()
    if written not in MONEY_SUBUNITS or scale_text or not value.is_integer():
        return value, end
    allowed = dict(MONEY_SUBUNITS[written])
    while allowed and (part := _SUBUNIT.match(norm, end)) is not None and part.group(2) in allowed:
        digit, factor = part.group(1), allowed[part.group(2)]
        value = round(value + (int(digit) if digit.isdigit() else DIGITS[digit]) * factor, 2)
        end = part.end()
        allowed = {name: smaller for name, smaller in allowed.items() if smaller < factor}
    return value, end


def _read_idiom(match: re.Match[str], norm: str, text: str) -> tuple[Figure, _Unit]:
    """半成 = 5 %, 半折 = 50 %, 打对折 = 50 % (对折 alone folds paper), unless a word goes on
    (半成品, 折旧)."""
    start, end = match.start(), match.end()
    before = norm[max(0, start - 3) : start].rstrip(BLANKS)[-1:]
    written = match.group("idiom").translate(_NO_BLANKS)
    if (
        norm[end : end + 1] in IDIOM_FOLLOWERS_NOT_PERCENT
        or (before and before in IDIOM_PRECEDERS_NOT_PERCENT)
        or (written == "对折" and before != "打")
    ):
        raise _Skip
    unit = _Unit(FigureKind.PERCENT, "%", 1.0)
    return _make(text, start, end, PERCENT_IDIOMS[written], unit, written)


def _next_char(norm: str, pos: int) -> str:
    """The first character at or after `pos` that is not a blank ('' at the end)."""
    blanks = _BLANK_RUN.match(norm, pos)
    pos = blanks.end() if blanks else pos
    return norm[pos : pos + 1]


def _unit(match: re.Match[str], norm: str, written: str, scale_text: str) -> _Unit:
    if not written:
        if not scale_text or match.group("inner"):
            raise _Skip
        before = norm[max(0, match.start() - 40) : match.start()]
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        if any(cue in before for cue in MONEY_CUES):
            return _Unit(FigureKind.MONEY, "元", 1.0)
        return _Unit(FigureKind.NUMBER, "", 1.0)
    kind = UNIT_KINDS.get(written) or UNIT_KINDS[written[1:]]
    if kind == FigureKind.MONEY:
        return _Unit(kind, MONEY_UNITS[written][0], MONEY_UNITS[written][1])
    if kind == FigureKind.PHYSICAL:
        return _Unit(kind, written, 1.0)
    if written in ("个百分点", "百分点"):
        return _Unit(FigureKind.POINTS, "个百分点", 1.0)
    if written in ("成", "折"):
        return _Unit(kind, "%", 10.0)
    if written == "位" and norm[max(0, match.start() - 6) : match.start()].rstrip(BLANKS)[-2:] in _RANK_MOVES:
        return _Unit(FigureKind.RANK, "位", 1.0)  # 排名上升2位: a move in the ranking
    return _Unit(kind, written, 1.0)


def _check_context(match: re.Match[str], norm: str, written: str) -> None:
    """Raise _Skip for idioms, names and durations that look like counts."""
    numeral, end = match.group("n1"), match.end("unit") if written else match.end()
    after = norm[end : end + 4]
    kind = UNIT_KINDS.get(written)
    if written == "成" and _next_char(norm, end) in _NOT_AFTER_CHENG:
        raise _Skip  # 一成不变, 成本, 成果 ...
    if written == "%" and after[:1].isascii() and after[:1].isalnum():
        raise _Skip  # URL escapes such as %20
    if kind != FigureKind.COUNT:
        return
    if written == "个" and norm[end : end + 8].translate(_NO_BLANKS).startswith(_DURATION_AFTER):
        raise _Skip
    if numeral in ("一", "壹") and not match.group("n2"):
        raise _Skip
    start = match.start("n1")
    if (written == "个" and after[:1].isdigit()) or (start > 0 and norm[start - 1] in "“‘「『"
                                                   and not any(c.isdigit() for c in numeral)):
        raise _Skip


def _add_listed(figures: list[Figure], units: list[_Unit], norm: str, text: str) -> list[Figure]:
    """Bare numbers listed before a figure (3、5和8家) take its unit."""
    listed: list[Figure] = []
    for figure, unit in zip(figures, units, strict=True):
        if figure.qualifier == Qualifier.RANGE or figure.kind in (FigureKind.RANK, FigureKind.NUMBER):
            continue
        if norm[figure.start - 1 : figure.start] not in _LIST_SEPARATORS:
            continue
        window_start = max(0, figure.start - 60)
        head = _LIST.search(norm, window_start, figure.start)
        if head is None:
            continue
        for item in _LIST_ITEM.finditer(norm, head.start(), figure.start):
            try:
                value, _ = _value(item.group(1))
            except _Skip:
                continue
            start, end = item.start(1), item.end(1)
            listed.append(_make(text, start, end, value * unit.factor, unit, "")[0])
    if not listed:
        return figures
    merged = sorted(figures + listed, key=lambda f: f.start)
    result: list[Figure] = []
    for figure in merged:
        if not result or figure.start >= result[-1].end:
            result.append(figure)
    return result
