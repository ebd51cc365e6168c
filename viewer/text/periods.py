"""Time expressions in report text: years, spans, plan periods, quarters, relative years.

`find_periods` returns every mention with the period it denotes, resolved against the
document's current year (the year 今年 means). Sub-year mentions without a year of their
own (前三季度, 上半年) and "now" words (目前) are returned unresolved; the caller supplies
the year from the surrounding text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from viewer.model import Sentence

PLAN_PERIODS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

_Y = r"(?:19|20)\d{2}"
# Every alternative below starts with one of these characters; checking them first lets the
# engine skip most positions instead of trying each alternative there (8x faster).
_FIRST_CHARS = "截12“\"十前上下第一二三四今去明本目现当"
_ALTERNATIVES = (
    rf"(?P<asof>截[至止]\s*(?:(?P<asof_year>{_Y})\s*年)?\s*(?P<asof_month>1[0-2]|0?[1-9])\s*月(?:底|末|份)?)"
    rf"|(?P<range>(?P<range_a>{_Y})\s*年?\s*[-—–~～至到]\s*(?P<range_b>{_Y})\s*年?)"
    rf"|(?P<since>(?P<since_year>{_Y})\s*年\s*(?:以来|至今|开始|起))"
    r"|(?P<plan>[“\"]?(?P<plan_name>十[一二三四五]五)[”\"]?[ \t]*(?P<plan_tail>期间|时期|以来|期末|末)?)"
    rf"|(?P<year>(?P<year_value>{_Y})\s*年(?!代)度?\s*(?P<year_sub>前三季度|前三个季度|上半年|下半年|第?[一二三四]季度)?)"
    r"|(?P<sub>前三季度|前三个季度|上半年|下半年|第?[一二三四]季度)"
    r"|(?P<relative>(?P<relative_word>今年|去年|上年|上一年|前年|明年|本年)(?P<relative_since>以来)?)"
    r"|(?P<current>截[至止]目前|目前|现阶段|当前)"
)
_PATTERN = re.compile(rf"(?=[{_FIRST_CHARS}])(?:{_ALTERNATIVES})")
_SUBYEAR = {
    "前三季度": "Q1-Q3", "前三个季度": "Q1-Q3", "上半年": "H1", "下半年": "H2",
    "一季度": "Q1", "二季度": "Q2", "三季度": "Q3", "四季度": "Q4",
}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}
_BASE_BEFORE = re.compile(r"(?:较|比|相比|相较|相较于|对比|是)\s*$")
_BASE_AFTER = re.compile(r"^\s*(?:同期|相比|相较)")
_TARGET_BEFORE = re.compile(r"(?:到|至|力争|争取|计划到|预计到|力争到)\s*$")
_ATTRIBUTIVE = re.compile(r"[\u3400-\u9fff]")
_FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
_REACHED = re.compile(r"(?:增长|增加|提升|提高|上升|扩大|发展|增)了?(?:到|至)\s*$")
_HEADING_YEAR = re.compile(rf"(?<![\d“\"《])({_Y})(?![\d年%.万亿家个件项])(?!\s*-\s*\d)")


@dataclass(frozen=True)
class Period:
    label: str  # "2020", "2016-2020", "2020-Q1-Q3", "2022-H1", "2023-03"
    start: int
    end: int

    @property
    def year(self) -> int:
        return self.end


@dataclass(frozen=True)
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


def span_period(first: int, last: int) -> Period:
    if last <= first:
        return year_period(first)
    return Period(f"{first}-{last}", first, last)


def _since(first: int, current_year: int | None) -> Period:
    # "Since 2015" reaches the last full year before the document was written.
    last = first if current_year is None else max(first, current_year - 1)
    return span_period(first, last)


def _resolve(match: re.Match[str], current_year: int | None) -> tuple[str, Period | None, str]:
    kind = match.lastgroup or ""
    group = match.group
    if group("asof"):
        month = f"{int(group('asof_month')):02d}"
        if group("asof_year"):
            return "asof", year_period(int(group("asof_year")), month), month
        return "asof", year_period(current_year, month) if current_year else None, month
    if group("range"):
        return "range", span_period(int(group("range_a")), int(group("range_b"))), ""
    if group("since"):
        return "since", _since(int(group("since_year")), current_year), ""
    if group("plan"):
        first = PLAN_PERIODS[group("plan_name")]
        tail = group("plan_tail") or ""
        if tail in ("期末", "末"):
            return "plan", year_period(first + 4), ""
        if tail == "以来":
            return "plan", span_period(first, max(first + 4 if current_year is None else current_year - 1, first)), ""
        return "plan", span_period(first, first + 4), ""
    if group("year"):
        sub = _SUBYEAR.get((group("year_sub") or "").lstrip("第"), "")
        return "year", year_period(int(group("year_value")), sub), sub
    if group("sub"):
        return "sub", None, _SUBYEAR[group("sub").lstrip("第")]
    if group("relative"):
        if current_year is None:
            return "relative", None, ""
        year = current_year + _RELATIVE[group("relative_word")]
        return "relative", year_period(year), ""
    return kind, None, ""


def find_periods(text: str, current_year: int | None) -> list[PeriodMention]:
    """Every time expression in `text`, left to right, non-overlapping."""
    mentions: list[PeriodMention] = []
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if match.group("plan") and not match.group("plan_tail") and _ATTRIBUTIVE.match(text, end):
            continue  # “十四五”科技创新规划 names a plan, not a period
        kind, period, sub = _resolve(match, current_year)
        before = text[max(0, start - 4) : start]
        base = bool(_BASE_BEFORE.search(before) or _BASE_AFTER.match(text[end : end + 3]))
        reached = _REACHED.search(text[max(0, start - 5) : start]) or text.startswith("的", end)
        target = (bool(_TARGET_BEFORE.search(before)) and not reached) or match.group("plan_tail") in ("期末", "末")
        after_from = bool(_FROM_BEFORE.search(text, max(0, start - 2), start))
        mentions.append(PeriodMention(start, end, kind, period, sub, base and not target, target, after_from))
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
        # 目前 in a review is the year under review, in a news item the year it appeared.
        if running is not None and running.start == running.end and current_year is not None \
                and running.year >= current_year - 1:
            return year_period(running.year)
        return year_period(current_year) if current_year is not None else None
    return None


# ---- the document's timeline: which period each sentence is in ------------------------

_CLAUSE_CUT = re.compile(r"[，,；;：:]")
_SENTENCE_END = "。！？!?；;，,：:…”’」』）)】"
_FULL_STOPS = _SENTENCE_END[:6]
_HEADING_END = _SENTENCE_END[:11]
_FRAGMENT_END = re.compile(r"[\u3400-\u9fff0-9A-Za-z]$")
_DECORATION = " \t*#|｜"
_HEADING_MAX = 40
_MARKER_START = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|【|#|第[一二三四五六七八九十]{1,3}[章节部分篇]|\d+、")


@dataclass(slots=True)
class LogicalSentence:
    """A sentence, re-joined when a line break cut it in two (…设在市科 / 技局，…)."""

    start: int
    end: int
    heading: bool
    periods: list[PeriodMention]
    text: str = field(repr=False)  # the document's text
    running: Period | None = None  # the period in force when the sentence begins
    running_from_heading: bool = False
    _cuts: list[int] | None = field(default=None, repr=False)

    @property
    def cuts(self) -> list[int]:
        """Positions of the clause separators inside the sentence (found when first asked)."""
        if self._cuts is None:
            self._cuts = [m.start() for m in _CLAUSE_CUT.finditer(self.text, self.start, self.end)]
        return self._cuts

    def clause(self, position: int) -> tuple[int, int]:
        cuts = self.cuts
        index = bisect_right(cuts, position - 1)
        start = cuts[index - 1] + 1 if index else self.start
        end = cuts[index] if index < len(cuts) else self.end
        return start, end


@dataclass
class Timeline:
    sentences: list[LogicalSentence]

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, position: int) -> LogicalSentence:
        index = max(bisect_right(self._starts, position) - 1, 0)
        return self.sentences[index]


def build_timeline(text: str, sentences: list[Sentence], current_year: int | None) -> Timeline:
    spans = _join_fragments(text, sentences) or [(0, len(text), False)]
    mentions = find_periods(text, current_year)
    mention_starts = [m.start for m in mentions]
    logical: list[LogicalSentence] = []
    running: Period | None = None
    section: Period | None = None
    from_heading = False
    for start, end, heading in spans:
        inside = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        sentence = LogicalSentence(start, end, heading, inside, text, running, from_heading)
        logical.append(sentence)
        if heading:
            found = _heading_period(text[start:end], inside, running, current_year)
            if found is not None:
                section = found
            if section is not None:
                running, from_heading = section, True
                sentence.running, sentence.running_from_heading = running, True
            continue
        lead = _lead(text, sentence, running, current_year) if inside else None
        if lead is not None:
            running, from_heading = lead, False
    return Timeline(logical)


def _heading_period(
    heading: str, inside: list[PeriodMention], running: Period | None, current_year: int | None
) -> Period | None:
    for mention in inside:
        if not mention.base:
            found = resolve(mention, running, current_year)
            if found is not None:
                return found
    year = heading_year(heading)
    return year_period(year) if year is not None else None


def _lead(text: str, sentence: LogicalSentence, running: Period | None, current_year: int | None) -> Period | None:
    """The time a sentence opens with ('2020年，…', '“十三五”期间，…'), which later sentences inherit."""
    first_clause_end = sentence.cuts[0] if sentence.cuts else sentence.end
    for mention in sentence.periods:
        if mention.start >= first_clause_end:
            return None
        if mention.base or text[max(0, mention.start - 1) : mention.start] in ("从", "由"):
            continue
        found = resolve(mention, running, current_year)
        if found is None:
            return None
        # A quarter or month opens one sentence; what follows is about the whole year.
        return year_period(found.year) if mention.kind in ("sub", "asof") else found
    return None


def _join_fragments(text: str, sentences: list[Sentence]) -> list[tuple[int, int, bool]]:
    """Sentence spans with a heading flag, re-joining what a line break or a space cut apart."""
    joined: list[list[int]] = []
    joining = False
    for position, sentence in enumerate(sentences):
        if joining:
            joined[-1][1] = sentence.end
        else:
            joined.append([sentence.start, sentence.end, sentence.paragraph])
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        joining = following is not None and _continues(text, joined[-1][0], sentence, following)
    return [(start, end, _is_heading(text, start, end)) for start, end, _ in joined]


def _continues(text: str, start: int, sentence: Sentence, following: Sentence) -> bool:
    """Whether `following` goes on the sentence that began at `start` and has reached `sentence`."""
    if sentence.end > sentence.start and text[sentence.end - 1] in _FULL_STOPS:
        return False  # the common case, decided without copying the sentence
    raw = text[sentence.start : sentence.end]
    body = raw.strip(_DECORATION)
    if not body or body[-1] in _FULL_STOPS:
        return False
    if following.paragraph == sentence.paragraph:
        # Split at a space inside a heading line (【重点3】 技术合同登记额 206.2亿元 占GDP比重 6.02%).
        gap = text[sentence.end : following.start]
        return gap.isspace() and not _MARKER_START.match(text, following.start)
    paragraph_start = text.rfind("\n", 0, start) + 1
    return (
        following.paragraph == sentence.paragraph + 1
        and bool(_FRAGMENT_END.search(body))
        and not raw.rstrip().endswith(("*", "#", "|"))
        and not text.startswith(("#", "*"), paragraph_start)
        and not (start == paragraph_start and _is_heading(text, start, sentence.end))
    )


def _is_heading(text: str, start: int, end: int) -> bool:
    if end > start and text[end - 1] in _HEADING_END:
        return False  # the common case, decided without copying the sentence
    raw = text[start:end]
    body = raw.strip(_DECORATION)
    limit = _HEADING_MAX + 20 if raw.startswith(("*", "#")) or raw.endswith("*") else _HEADING_MAX
    commas = body.count(",") + body.count("，")
    return 0 < len(body) <= limit and body[-1] not in _HEADING_END and "。" not in body and commas <= 1
