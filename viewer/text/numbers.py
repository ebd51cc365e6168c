"""Numerals: parse Arabic, Chinese and mixed numerals, and find them in running text.

Handles Arabic digits with decimals and thousands separators, full-width digits, Chinese
numerals in everyday and financial script (一百二十三, 两千万, 壹佰, 二〇二一, 零点五, 廿二),
mixed forms (3万, 1.11亿, 5万4千6百, 50多亿), the scales 十/百/千/万/亿/兆 and their stacks
(万亿, 万万), an elided last digit (一万三 = 13000, 两千四百五 = 2450) and approximations
(十多万, 500余万, 二十几万: the 多/余/几 counts as zero and marks the numeral approximate).

`find_numbers` also reads fractions (三分之一, 1/2, 3又一千分之23), scientific notation
(2e5, 2^5), k/M suffixes (40k) and 打 (a dozen). A lone numeral character inside a common
word (一切, 四川, 收拾) is not a number. Chinese numerals only ever sit in the text as
single characters, so every span indexes the caller's string directly.

Blanks: PDF text layers space characters out (一 百 五 十, 四点 五, 7万 5千). Blanks (space,
tab, U+3000; never a newline) may sit inside a numeral next to a Chinese character, and the
span then includes them; two Arabic digit groups are never joined (12 34 is two numbers).
In a dotted chain (2222.2222.22222.222) no group is a decimal. A full-width comma groups
digits only between full-width digits (１，２３４); after ASCII digits it is a clause comma.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WIDTH = str.maketrans(
    "０１２３４５６７８９．％－＋／＾：～ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789.%-+/^:~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)
# A full-width comma separates digit groups only between full-width digits (１，２３４);
# after ASCII digits it is the clause comma of Chinese text (分别为120，340家).
# A comma between full-width digits; it opens with the comma, so the engine skips other text in C
# instead of trying the look-behind at every position.
_FULL_WIDTH_GROUP = re.compile("，(?<=[０-９]，)(?=[０-９])")
BLANKS = " \t\u3000"
_BLANK = "[ \t\u3000]"

DIGITS: dict[str, int] = {
    **dict.fromkeys("零〇○", 0),
    **dict.fromkeys("一壹幺", 1),
    **dict.fromkeys("二贰貳两兩", 2),
    **dict.fromkeys("三叁參", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
    "几": 0,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "廿": 20, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}

_CN_DIGIT = "零〇○一壹幺二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖"
_CN_UNIT = "十拾廿百佰千仟万萬亿億兆"
CN_CHARS = _CN_DIGIT + _CN_UNIT
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d++)(?:\.\d++(?!\.\d))?"
_DECIMAL_DIGIT = _CN_DIGIT.replace("两", "").replace("兩", "")
_DECIMAL_NEXT = rf"(?=[{_DECIMAL_DIGIT}\d])"


def numeral_pattern(spaces: bool) -> str:
    """A regex (no groups) for one numeral run.

    With `spaces`, blanks (not newlines) may sit between the parts of a spaced-out numeral
    (一 百 五 十, 四点 五, 3 万) but never between two digit groups: 12 34 is two numbers.
    """
    gap = ""
    if spaces:
        gap = (
            rf"(?:(?=[{BLANKS}])(?:(?<=\d){_BLANK}+(?=[{_CN_UNIT}多余])|(?<!\d){_BLANK}+(?=[{CN_CHARS}点多余几])"
            rf"|(?<=[{_CN_UNIT}]){_BLANK}+(?=\d++[{_CN_UNIT}])))?"  # 7万 5千 4百
        )
    part = rf"(?:{ARABIC}|[{CN_CHARS}])"
    inner = rf"[多余几](?={gap}[{_CN_UNIT}几])|点{gap}{_DECIMAL_NEXT}"
    return rf"{part}(?:{gap}(?:{part}|{inner}))*"


_TOKEN = re.compile(rf"{ARABIC}|[{CN_CHARS}几多余点]|{_BLANK}+")
_NOT_LAST = BLANKS + "多余点"  # a numeral never ends with these
_NOT_NUMBER_WORDS = frozenset(
    [
        "一切",
        "一看",
        "一些",
        "一样",
        "一般",
        "一直",
        "一定",
        "一起",
        "一致",
        "一旦",
        "一同",
        "一边",
        "统一",
        "唯一",
        "万一",
        "一律",
        "专一",
        "四川",
        "陆地",
        "大陆",
        "登陆",
        "着陆",
        "陆续",
        "海陆",
        "陆军",
        "拾起",
        "拾取",
        "拾到",
        "收拾",
        "夕拾",
        "放肆",
        "肆意",
        "肆无",
        "大肆",
        "两两",
        "千万",
        "万万",
        "百姓",
        "千方",
        "百计",
    ]
)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float
    approximate: bool = False  # 多/余/几 inside the numeral


_WIDE = re.compile("[" + "".join(chr(c) for c in _WIDTH) + "]")
# X then X*, not X+: a pattern opening with a character class lets the engine skip other text in C.
_WIDE_RUN = re.compile(_WIDE.pattern + _WIDE.pattern + "*")


def normalize_width(text: str) -> str:
    """Full-width digits, signs and Latin letters to ASCII; the length never changes."""
    if not _WIDE.search(text):
        return text
    if "，" in text:
        text = _FULL_WIDTH_GROUP.sub(",", text)
    # Only the runs of full-width characters are translated: str.translate looks every
    # character of a Chinese text up in the table, three times the cost of the scan.
    return _WIDE_RUN.sub(_narrow, text)


def _narrow(run: re.Match[str]) -> str:
    return run.group().translate(_WIDTH)


class NotANumeral(ValueError):
    """The run cannot be read as one numeral, nor shortened into one (二三十)."""


class _Reader:
    """Evaluates the tokens of one numeral run left to right."""

    def __init__(self) -> None:
        self.total: float = 0
        self.section: float = 0
        self.current: float | None = None
        self.big = 0  # multiplier of the highest big unit applied to `total`
        self.last_unit = 0
        self.section_unit = 0  # smallest 十/百/千 read in the current 万-section
        self.prev = ""  # kind of the previous token: digit / zero / arabic / unit / approx
        self.elidable = False
        self.units_seen = False
        self.approximate = False
        self.fraction: str | None = None  # digits after 点, once 点 was read
        self.closed = False  # a decimal after a scale ends the numeral
        self.sequence = False  # digits read one by one: 二〇二一, 一二三

    def feed(self, token: str) -> None:
        if self.closed and not (token in BIG_UNITS and self.prev == "unit"):
            raise ValueError(token)
        if token[0] in BLANKS:
            return
        if self.fraction is not None:
            self._feed_fraction(token)
        elif token[0].isdigit():
            self._feed_arabic(token)
        elif token in DIGITS:
            self._feed_digit(token)
        elif token in SMALL_UNITS:
            self._feed_small(SMALL_UNITS[token], token == "廿")
        elif token in BIG_UNITS:
            self._feed_big(BIG_UNITS[token])
        elif token in "多余":
            if self.prev not in ("unit", "arabic", "digit"):
                raise ValueError(token)
            self.approximate = True
            self.prev = "approx"
            self.elidable = False
        elif token == "点":
            self._start_fraction()
        else:
            raise ValueError(token)

    def _feed_arabic(self, token: str) -> None:
        if self.prev in ("arabic", "digit") or self.sequence:
            raise ValueError(token)
        self.current = float(token.replace(",", "")) if "." in token else int(token.replace(",", ""))
        self.prev = "arabic"
        self.elidable = False

    def _feed_digit(self, token: str) -> None:
        value = DIGITS[token]
        if token == "几":
            self.approximate = True
        if self.prev in ("digit", "zero", "arabic") and self.current is not None:
            if self.units_seen and self.prev != "zero":
                raise ValueError(token)  # 十三五: a digit run after a scale is a new numeral
            if self.prev == "arabic":
                raise ValueError(token)
            self.current = self.current * 10 + value
            self.sequence = not self.units_seen
            self.elidable = False
        else:
            self.elidable = self.prev == "unit" and value != 0
            self.current = value
        self.prev = "zero" if value == 0 else "digit"

    def _feed_small(self, unit: int, twenty: bool) -> None:
        self._check_sequence()
        if self.section_unit and self.section_unit <= unit:
            raise ValueError("unit")  # 十一十二: the second 十 starts a new numeral
        self.section_unit = unit
        multiplier = self.current if self.current else 1
        self.section += 20 if twenty else multiplier * unit
        self._after_unit(10 if twenty else unit)  # 廿二 = 22

    def _feed_big(self, unit: int) -> None:
        self._check_sequence()
        section = self.section + (self.current or 0)
        if section == 0:
            if self.total == 0 or self.prev != "unit":
                raise ValueError("scale")
            self.total *= unit
            self.big *= unit
        elif unit > self.big:
            self.total = (self.total + section) * unit
            self.big = unit
        else:
            self.total += section * unit
        self.closed = not float(section).is_integer()  # 10.1万 ends the numeral
        self.section = 0
        self.section_unit = 0
        self._after_unit(unit)

    def _check_sequence(self) -> None:
        if self.sequence:
            raise NotANumeral("digit sequence before a scale")  # 二三十 = 20 to 30

    def _after_unit(self, unit: int) -> None:
        self.current = None
        self.last_unit = unit
        self.prev = "unit"
        self.units_seen = True
        self.elidable = False

    def _start_fraction(self) -> None:
        if self.prev == "unit" and self.current is None and not (self.total or self.section):
            raise ValueError("点")
        self.fraction = ""

    def _feed_fraction(self, token: str) -> None:
        fraction = self.fraction or ""
        if token[0].isdigit() and "," not in token and "." not in token:
            self.fraction = fraction + token
        elif token in _DECIMAL_DIGIT:
            self.fraction = fraction + str(DIGITS[token])
        elif token in BIG_UNITS or token in SMALL_UNITS:
            if self.units_seen or not self.fraction:
                raise ValueError(token)
            whole = self.current or 0
            self.current = whole + float("0." + self.fraction)
            self.fraction = None
            self.prev = "arabic"
            self.feed(token)
        else:
            raise ValueError(token)

    def value(self) -> float:
        if self.fraction == "":
            raise ValueError("点")
        current = self.current or 0
        if self.elidable and self.last_unit >= 10:
            current *= self.last_unit // 10
        result = self.total + self.section + current
        if self.fraction:
            result += float("0." + self.fraction)
        return result


def evaluate(tokens: list[str]) -> tuple[float, bool]:
    """Value of a numeral given as tokens (see `tokenize`); ValueError if it is not one."""
    reader = _Reader()
    for token in tokens:
        reader.feed(token)
    if reader.prev == "approx" and not reader.units_seen:
        raise ValueError("approx")
    return float(f"{reader.value():.15g}"), reader.approximate  # 1.11亿 = 111000000, not ...0001


def tokenize(numeral: str) -> list[str]:
    return _TOKEN.findall(numeral)


def longest_numeral(tokens: list[str]) -> tuple[float, bool, int]:
    """The longest leading token run that is a numeral: (value, approximate, length in chars)."""
    for count in range(len(tokens), 0, -1):
        if tokens[count - 1][0] in _NOT_LAST:
            continue
        try:
            value, approx = evaluate(tokens[:count])
        except NotANumeral:
            raise
        except ValueError:
            continue
        return value, approx, sum(len(t) for t in tokens[:count])
    raise ValueError("no numeral")


_MONEY_TAIL = re.compile(r"([圆元])(?:([" + _CN_DIGIT + r"])角)?(?:([" + _CN_DIGIT + r"])分)?[整正]?$")


def parse_number(s: str) -> int | float:
    """A whole string as one number: 一百二十三, 两千万, 二〇二一, 1.11亿, 负十, 壹拾壹元整."""
    text = normalize_width(s.strip())
    sign = 1
    if text[:1] in ("负", "-"):
        sign, text = -1, text[1:]
    cents = 0.0
    money = _MONEY_TAIL.search(text)
    if money and money.start() > 0:
        jiao, fen = money.group(2), money.group(3)
        cents = (DIGITS[jiao] / 10 if jiao else 0) + (DIGITS[fen] / 100 if fen else 0)
        text = text[: money.start()]
    if not text or _TOKEN.sub("", text):
        raise ValueError(f"not a numeral: {s!r}")
    tokens = tokenize(text)
    if text.startswith("点") or text.count("点") > 1 or ".." in text:
        raise ValueError(f"not a numeral: {s!r}")
    value, _ = evaluate(tokens)
    result = sign * (value + cents)
    if isinstance(result, float) and result.is_integer() and abs(result) < 2**63:
        return int(result)
    return result


_SIGN = r"(?:负|(?<![0-9A-Za-z.\-])-)"
_SCAN = re.compile(
    rf"(?P<sign>{_SIGN})?(?:"
    r"(?P<chain>(?<=\d\.)\d++)"  # no decimal inside a dotted chain: 2222.2222.22222.222
    rf"|(?P<pow>(?P<base>{ARABIC})\^(?P<exp>[+-]*\d+))"
    rf"|(?P<sci>{ARABIC}[eE][+-]?\d+)(?![A-Za-z\d])"
    rf"|(?P<slash>(?:(?P<whole>{ARABIC})[ \t]+)?(?P<num>\d+)/(?P<den>\d+))(?![\d/])"
    rf"|(?P<kilo>{ARABIC})[ \t]?(?P<suffix>[kKM])(?![A-Za-z])"
    r"|(?P<dot>(?<![\d.])\.\d+)"
    r"|(?P<half>半百)"
    rf"|(?P<run>{numeral_pattern(True)})"
    r")"
)
_RUN = re.compile(rf"(?P<sign>{_SIGN})?(?P<run>{numeral_pattern(True)})")
_OVER = re.compile(rf"{_BLANK}*分{_BLANK}*之{_BLANK}*")
_AND = re.compile(rf"{_BLANK}*又{_BLANK}*")
_DOZEN_VERBS = frozenset("造击算开破通好响出进赢下工印卡球扫折假压拼牢")
_SUFFIX_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6}


def _run_at(text: str, pos: int) -> tuple[float, int] | None:
    """A signed numeral run starting exactly at `pos`: (value, end)."""
    match = _RUN.match(text, pos)
    if not match:
        return None
    try:
        value, _, length = longest_numeral(tokenize(match.group("run")))
    except ValueError:
        return None
    if not _has_digit(match.group("run")[:length]):
        return None
    sign = -1 if match.group("sign") else 1
    return sign * value, match.start("run") + length


def _has_digit(numeral: str) -> bool:
    return numeral[0] in "十拾" or any(c.isdigit() or c in DIGITS for c in numeral)


def _fraction_after(text: str, pos: int, denominator: float) -> tuple[float, int] | None:
    """`分之` + numerator after a denominator ending at `pos`."""
    over = _OVER.match(text, pos)
    numerator = _run_at(text, over.end()) if over else None
    if numerator is None or denominator == 0:
        return None
    return numerator[0] / denominator, numerator[1]


def _special_value(match: re.Match[str]) -> float:
    if match.group("pow"):
        exponent = match.group("exp")
        power = int(exponent.lstrip("+-")) * (-1 if exponent.count("-") % 2 else 1)
        return float(match.group("base").replace(",", "")) ** power
    if match.group("chain"):
        return float(match.group("chain"))
    if match.group("sci"):
        return float(match.group("sci").replace(",", ""))
    if match.group("slash"):
        whole = float(match.group("whole").replace(",", "")) if match.group("whole") else 0.0
        return whole + int(match.group("num")) / int(match.group("den"))
    if match.group("kilo"):
        return float(match.group("kilo").replace(",", "")) * _SUFFIX_SCALE[match.group("suffix")]
    if match.group("dot"):
        return float(match.group("dot"))
    return 50.0  # 半百


def _in_word(text: str, start: int) -> bool:
    return (
        text[start : start + 2] in _NOT_NUMBER_WORDS
        or text[max(start - 1, 0) : start + 1] in _NOT_NUMBER_WORDS
        or text[start : start + 2] in _NOT_NUMBER_WORDS
    )


def find_numbers(text: str) -> list[NumberMatch]:
    """Every numeral in `text`, left to right, with its value."""
    norm = normalize_width(text)
    found: list[NumberMatch] = []
    pos = 0
    while (match := _SCAN.search(norm, pos)) is not None:
        sign = -1 if match.group("sign") else 1
        start = match.start()
        if match.group("run") is None:
            try:
                end, value, approx = match.end(), _special_value(match), False
            except ArithmeticError:  # 0/0, 0^-1, 9^99999
                pos = match.end()
                continue
        else:
            run = match.group("run")
            try:
                value, approx, length = longest_numeral(tokenize(run))
            except ValueError:
                pos = match.end()
                continue
            end = match.start("run") + length
            if not _has_digit(run[:length]) or (length <= 2 and _in_word(norm, start)):
                pos = end
                continue
            value, end = _extend(norm, value, end)
        if math.isfinite(value):
            found.append(NumberMatch(start, end, text[start:end], sign * value, approx))
        pos = end
    return found


def _extend(norm: str, value: float, end: int) -> tuple[float, int]:
    """Read a fraction (三分之一, 3又一千分之23) or a dozen (五十打) that continues a numeral."""
    fraction = _fraction_after(norm, end, value)
    if fraction:
        return fraction
    mixed = _AND.match(norm, end)
    if mixed:
        denominator = _run_at(norm, mixed.end())
        if denominator:
            fraction = _fraction_after(norm, denominator[1], denominator[0])
            if fraction:
                return value + fraction[0], fraction[1]
    if norm[end : end + 1] == "打" and norm[end + 1 : end + 2] not in _DOZEN_VERBS:
        return value * 12, end + 1
    return value, end
