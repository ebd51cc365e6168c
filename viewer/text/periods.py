"""Time expressions in report text: years, spans, plan periods, quarters, relative years.

`find_periods` returns every mention with the period it denotes, resolved against the
document's current year (the year 今年 means). Sub-year mentions without a year of their
own (前三季度, 上半年) are returned unresolved and "now" words (目前) as the year to date; the
caller supplies the year from the surrounding text.

今年以来, 年初以来 and "2023年以来" in a document of 2023 run from January to the time of
writing: a year to date (2023-YTD, or 2023-YTD-11 when the document appeared in November),
or months 1 to N (2023-M01-M10) when a 截至10月底 next to it says how far. "2019年以来" in a
document of 2023 is a span of years (2019-2022), as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from viewer.text.start_scan import matches, start_scan

PLAN_PERIODS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

_Y = r"(?:19|20)\d{2}"
# Every alternative below starts with one of these characters; checking them first lets the
# engine skip most positions instead of trying each alternative there (8x faster).
_FIRST_CHARS = "截12“\"十前上下第今去明本目现当过近"
YTD = "YTD"  # the part of a year from January to the time of writing
# Other digits start a mention only as months (3—5月) or years counted back (5年来).
_OTHER_DIGITS = r"[03-9](?=\d?\s*[-—–~～至到年])"
_ALTERNATIVES = (
    rf"(?P<asof>截[至止]\s*(?:(?P<asof_year>{_Y})\s*年)?\s*(?P<asof_month>1[0-2]|0?[1-9])\s*月(?:底|末|份)?)"
    rf"|(?P<range>(?P<range_a>{_Y})\s*年?\s*[-—–~～至到]\s*(?P<range_b>{_Y})\s*年?)"
    rf"|(?P<months>(?<![\d.])(?P<months_a>1[0-2]|0?[1-9])\s*[-—–~～至到]\s*(?P<months_b>1[0-2]|0?[1-9])\s*月(?:份)?)"
    r"|(?P<recent>(?:过去|近)?(?P<recent_n>[两二三四五六七八九十]|\d{1,2})年(?:来|间|以来)|(?:过去|近)(?P<past_n>[两二三四五六七八九十]|\d{1,2})年)"
    rf"|(?P<since>(?P<since_year>{_Y})\s*年\s*(?P<since_start>年?初)?\s*(?P<since_tail>以来|至今|开始|起))"
    r"|(?P<plan>[“\"]?(?P<plan_name>十[一二三四五]五)[”\"]?[ \t]*(?P<plan_tail>期间|时期|以来|期末|末)?)"
    rf"|(?P<year>(?P<year_value>{_Y})\s*年(?!代)度?\s*(?:(?P<year_sub>前三季度|前三个季度|上半年|下半年|第?[一二三四]季度)"
    r"|(?P<year_m1>1[0-2]|0?[1-9])\s*[-—–~～至到]\s*(?P<year_m2>1[0-2]|0?[1-9])\s*月(?:份)?)?)"
    r"|(?P<sub>前三季度|前三个季度|上半年|下半年|第?[一二三四]季度)"
    r"|(?P<relative>(?P<relative_word>今年|去年|上年|上一年|前年|明年|本年)(?P<relative_since>(?:年?初)?(?:以来|至今))?)"
    r"|(?P<ytd>(?<!年)年初(?:以来|至今))"
    r"|(?P<current>(?P<to_date>截[至止]\s*(?:目前|发稿(?:时|前)?))|目前|现阶段|当前)"
)
# Chinese numerals are common; they start a mention only before 季度 or 年 (一季度, 五年来).
_NUMERAL_STARTS = r"[一二三四](?=季度)|[两二三四五六七八九](?=年)|年(?=初)"
# The first two characters of the alternatives that open with a word (上 opens 上半年 and 上年, not 以上).
_WORD_STARTS = (
    r"截[至止]|[“\"]十|十[一二三四五年]|前[三年]|上[半年一]|下半|第[一二三四]|今年|去年|明年|本年|目前|现阶|当前"
    r"|过去|近(?:[两二三四五六七八九十]|\d)"
)
# The first lookahead is one character class: most characters of a text fail it at once.
_ANY_FIRST = _FIRST_CHARS + "03-9一二三四两五六七八九年"
_PATTERN = re.compile(rf"(?=[{_ANY_FIRST}])(?=[12]|{_WORD_STARTS}|{_OTHER_DIGITS}|{_NUMERAL_STARTS})(?:{_ALTERNATIVES})")
_STARTS = start_scan(_ANY_FIRST, _PATTERN)
# 今年以来，截至10月底 / 截至10月底，今年以来: the as-of month says how far the year to date runs.
_YTD_ASOF_GAP = re.compile(r"[\s，,、（(]*")
_SUBYEAR = {
    "前三季度": "Q1-Q3", "前三个季度": "Q1-Q3", "上半年": "H1", "下半年": "H2",
    "一季度": "Q1", "二季度": "Q2", "三季度": "Q3", "四季度": "Q4",
}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}
_BASE_BEFORE = re.compile(r"(?:较|比|相比|相较|相较于|对比|是)\s*$")
_BASE_AFTER = re.compile(r"^\s*(?:同期|相比|相较|的?基础上)")
# 截至2020年底 is "as of", not a goal.
_TARGET_BEFORE = re.compile(r"(?:(?<![截止])到|(?<!截)至|力争|争取|计划到|预计到|力争到)\s*$")
_ATTRIBUTIVE = re.compile(r"[\u3400-\u9fff]")
_FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
_REACHED = re.compile(r"(?:增长|增加|提升|提高|上升|扩大|发展|增)了?(?:到|至)\s*$")
_HEADING_YEAR = re.compile(rf"(?<![\d“\"《])({_Y})(?![\d年%.万亿家个件项])(?!\s*-\s*\d)")


@dataclass(frozen=True)
class Period:
    label: str  # "2020", "2016-2020", "2020-Q1-Q3", "2022-H1", "2022-M01-M11", "2023-03", "2023-YTD"
    start: int
    end: int
    base: int | None = None  # the year a from-to over the period starts from: 2020 for 十四五

    @property
    def year(self) -> int:
        return self.end


@dataclass(slots=True)  # not frozen: a frozen dataclass costs twice as much to make
class PeriodMention:
    start: int
    end: int
    kind: str  # year / range / since / plan / sub / asof / relative / current
    period: Period | None  # None when the year must come from the context (sub, current)
    sub: str = ""  # Q1-Q3, H1, 03 ... for a period inside a year
    base: bool = False  # a comparison base: 较2015年, 是2015年的, 比去年
    target: bool = False  # 到2025年, 力争2022年, “十四五”期末
    after_from: bool = False  # the start of a from-to pair: 从2015年的…到…


def year_period(year: int, sub: str = "") -> Period:
    return Period(f"{year}-{sub}" if sub else str(year), year, year)


def part_of_year(period: Period) -> bool:
    """前三季度, 1—6月, 截至3月底, 今年以来: a period within one year."""
    return period.start == period.end and len(period.label) > 4


def ytd_period(year: int, month: int | None = None) -> Period:
    """今年以来 in a document of `year`: 2023-YTD, or 2023-YTD-11 when the document is known to
    have appeared in November (the year to date then reaches no further than November)."""
    return year_period(year, f"{YTD}-{month:02d}" if month is not None and 1 <= month <= 12 else YTD)


def is_year_to_date(period: Period) -> bool:
    return period.start == period.end and period.label[5:].startswith(YTD)


def span_period(first: int, last: int, base: int | None = None) -> Period:
    if last <= first:
        return year_period(first)
    return Period(f"{first}-{last}", first, last, base)


_CN_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH_SUBS = {(1, 3): "Q1", (1, 6): "H1", (7, 12): "H2", (1, 9): "Q1-Q3", (4, 6): "Q2", (7, 9): "Q3",
               (10, 12): "Q4"}


def month_sub(first: int, last: int) -> str:
    """The label of months first..last of a year: H1 for 1-6, Q1-Q3 for 1-9, M01-M11 otherwise."""
    return _MONTH_SUBS.get((first, last), f"M{first:02d}-M{last:02d}")


def _since(first: int, current_year: int | None) -> Period:
    # "Since 2015" reaches the last full year before the document was written.
    last = first if current_year is None else max(first, current_year - 1)
    return span_period(first, last)


def _resolve(
    match: re.Match[str], current_year: int | None, published: int | None
) -> tuple[str, Period | None, str]:
    kind = match.lastgroup or ""
    group = match.group
    if group("asof"):
        month = f"{int(group('asof_month')):02d}"
        if group("asof_year"):
            return "asof", year_period(int(group("asof_year")), month), month
        return "asof", year_period(current_year, month) if current_year else None, month
    if group("range"):
        return "range", span_period(int(group("range_a")), int(group("range_b"))), ""
    if group("months"):
        first, last = int(group("months_a")), int(group("months_b"))
        return ("sub", None, month_sub(first, last)) if last > first else ("sub", None, "")
    if group("recent"):
        count_text = group("recent_n") or group("past_n")
        count = _CN_SMALL.get(count_text) or int(count_text)
        if current_year is None or not 2 <= count <= 10:
            return "recent", None, ""
        return "plan", span_period(current_year - count, current_year - 1, current_year - count - 1), ""
    if group("since"):
        first = int(group("since_year"))
        if first == current_year and group("since_tail") in ("以来", "至今"):
            return "since", ytd_period(first, published), YTD  # 2023年以来 in a document of 2023
        return "since", _since(first, current_year), ""
    if group("plan"):
        first = PLAN_PERIODS[group("plan_name")]
        tail = group("plan_tail") or ""
        if tail in ("期末", "末"):
            return "plan", year_period(first + 4), ""
        if tail == "以来":
            last = max(first + 4 if current_year is None else current_year - 1, first)
            return "plan", span_period(first, min(last, first + 4), first - 1), ""
        return "plan", span_period(first, first + 4, first - 1), ""
    if group("year"):
        sub = _SUBYEAR.get((group("year_sub") or "").lstrip("第"), "")
        if group("year_m1") and int(group("year_m2")) > int(group("year_m1")):
            sub = month_sub(int(group("year_m1")), int(group("year_m2")))  # 2022年1—6月
        return "year", year_period(int(group("year_value")), sub), sub
    if group("sub"):
        return "sub", None, _SUBYEAR[group("sub").lstrip("第")]
    if group("relative"):
        if current_year is None:
            return "relative", None, ""
        year = current_year + _RELATIVE[group("relative_word")]
        if year == current_year and group("relative_since"):
            return "relative", ytd_period(year, published), YTD  # 今年以来
        return "relative", year_period(year), ""
    if group("ytd"):
        return ("relative", ytd_period(current_year, published), YTD) if current_year else ("relative", None, "")
    if group("current") and current_year is not None:
        # 目前 / 截至目前: resolved against the running period (see `resolve`); a year to date when
        # it is the year the document appeared in, which was not over when it was written
        return "current", ytd_period(current_year, published), YTD
    return kind, None, ""


def find_periods(text: str, current_year: int | None, published_month: int | None = None) -> list[PeriodMention]:
    """Every time expression in `text`, left to right, non-overlapping. `published_month` is the
    month of the current year the document appeared in, when known (it dates 今年以来)."""
    mentions: list[PeriodMention] = []
    for match in matches(_PATTERN, _STARTS, text):
        start, end = match.span()
        if match.group("plan") and not match.group("plan_tail") and _ATTRIBUTIVE.match(text, end):
            continue  # “十四五”科技创新规划 names a plan, not a period
        kind, period, sub = _resolve(match, current_year, published_month)
        before = text[max(0, start - 4) : start]
        base = bool(_BASE_BEFORE.search(before) or _BASE_AFTER.match(text[end : end + 5]))
        reached = _REACHED.search(text[max(0, start - 5) : start]) or text.startswith("的", end)
        target = (bool(_TARGET_BEFORE.search(before)) and not reached) or (
            match.group("plan_tail") in ("期末", "末") and not base)
        after_from = bool(_FROM_BEFORE.search(text, max(0, start - 2), start))
        mentions.append(PeriodMention(start, end, kind, period, sub, base and not target, target, after_from))
    return _months_to_date(text, mentions)


def _months_to_date(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """今年以来，截至10月底: both mentions become months 1 to 10 of the year (2023-M01-M10)."""
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if not _YTD_ASOF_GAP.fullmatch(text, first.end, second.start):
            continue
        kinds = {first.kind, second.kind}
        asof = first if first.kind == "asof" else second
        ytd = second if asof is first else first
        if "asof" not in kinds or ytd.period is None or asof.period is None or not is_year_to_date(ytd.period) \
                or ytd.period.year != asof.period.year:
            continue
        month = int(asof.sub)
        period = year_period(asof.period.year, "" if month == 12 else month_sub(1, month) if month > 1 else asof.sub)
        mentions[i] = replace(first, period=period, sub=period.label[5:])
        mentions[i + 1] = replace(second, period=period, sub=period.label[5:])
    return mentions


def heading_year(text: str) -> int | None:
    """A bare year in a heading: '## 2021 肩负新使命', '奋进2021'."""
    match = _HEADING_YEAR.search(text)
    return int(match.group(1)) if match else None


def resolve(mention: PeriodMention, running: Period | None, current_year: int | None) -> Period | None:
    """The period a mention denotes, taking the year of 前三季度 or 目前 from `running`."""
    if mention.period is not None and mention.kind != "current":
        return mention.period
    if mention.kind == "sub":
        year = running.year if running is not None else current_year
        return year_period(year, mention.sub) if year is not None else None
    if mention.kind == "current":
        # 目前 in a review is the year under review; 目前 and 截至目前 in the year the document
        # appeared are the year to date (mention.period).
        to_date = mention.period
        if running is not None and running.start == running.end and current_year is not None \
                and running.year >= current_year - 1:
            if part_of_year(running):
                return running
            return to_date if to_date is not None and to_date.year == running.year else year_period(running.year)
        if to_date is not None:
            return to_date
        return year_period(current_year) if current_year is not None else None
    return None
