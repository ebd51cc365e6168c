"""The document's timeline: its sentences, re-joined across line breaks, with the period
each one is in.

The running period is set by headings ('## 2021', '2023年重点工作', '展望“十四五”') and by
sentences that open with a time ('2020年，…'); later sentences inherit it. Numbered
headings also open sections of targets or of results (attribution_sections).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from viewer.model import Sentence
from viewer.text.attribution_sections import (
    INLINE_HEADING_MAX,
    Sections,
    heading_role,
    inline_heading,
    marker_level,
)
from viewer.text.periods import (
    Period,
    PeriodMention,
    find_periods,
    heading_year,
    part_of_year,
    resolve,
    year_period,
)

_CLAUSE_CUT = re.compile(r"[，,；;：:]")
_SENTENCE_END = "。！？!?；;，,：:…”’」』）)】"
_FULL_STOPS = _SENTENCE_END[:6]
_HEADING_END = _SENTENCE_END[:11]
_FRAGMENT_END = re.compile(r"[\u3400-\u9fff0-9A-Za-z]$")
_DECORATION = " \t*#|｜"
_HEADING_MAX = 40
_TOPIC_END = ("，", ",", "：", ":")
# After the year of a dated line: 2023年2月21日, or 2021年8月 at the end of the line.
_DATE_REST = re.compile(r"\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|(?=\s|$))")
_HEAD_CHARS = 400
_OPENING_MAX = 6
_DOCUMENT_TITLE = re.compile(r"报告|总结|规划|计划|要点|纲要|通知|方案|意见|公报")
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
    section_role: str | None = None  # Role.TARGET or Role.ACTUAL when its section says so
    _cuts: list[int] | None = field(default=None, repr=False)

    @property
    def cuts(self) -> list[int]:
        """Positions of the clause separators inside the sentence (found when first asked)."""
        if self._cuts is None:
            self._cuts = list(map(re.Match.start, _CLAUSE_CUT.finditer(self.text, self.start, self.end)))
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


def build_timeline(
    text: str, sentences: list[Sentence], current_year: int | None, published_month: int | None = None
) -> Timeline:
    spans = _join_fragments(text, sentences) or [(0, len(text), False)]
    mentions = find_periods(text, current_year, published_month)
    mention_starts = [m.start for m in mentions]
    logical: list[LogicalSentence] = []
    running: Period | None = None
    section: Period | None = None
    from_heading = False
    sections = Sections()
    previous_end = 0
    for start, end, heading in spans:
        if running is not None and part_of_year(running) and "\n" in text[previous_end:start]:
            running = year_period(running.year)  # 1—6月 holds for its paragraph; the next is the year's
        previous_end = end
        inside = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        sentence = LogicalSentence(start, end, heading, inside, text, running, from_heading)
        logical.append(sentence)
        found = _heading_period(text, start, end, inside, running, current_year) if heading else None
        if found is not None and start < _HEAD_CHARS and _DOCUMENT_TITLE.search(text, start, end):
            found = None  # 2026年某省政府工作报告: the document's title, not a section of 2026
        if heading or end - start <= INLINE_HEADING_MAX:
            _enter_section(text[start:end], heading, found is not None, sections)
        sentence.section_role = sections.role
        if heading:
            if found is not None:
                section = found
            if section is not None:
                running, from_heading = section, True
                sentence.running, sentence.running_from_heading = running, True
            continue
        lead = _lead(text, sentence, running, section, current_year) if inside else None
        if lead is not None:
            running, from_heading = lead, False
    return Timeline(logical)


def _enter_section(sentence: str, heading: bool, sets_period: bool, sections: Sections) -> None:
    """Numbered headings open sections; an unnumbered one that sets a period ('2023年重点工作'
    after '## 2021 回顾') ends what the innermost section said."""
    level = marker_level(sentence)
    if level is not None and (heading or inline_heading(sentence)):
        sections.enter(level, heading_role(sentence))
    elif level is None and heading and sets_period:
        sections.replace_innermost(None)


def _heading_period(
    text: str, start: int, end: int, inside: list[PeriodMention], running: Period | None, current_year: int | None
) -> Period | None:
    """The period a heading sets; none for a dated line (某某日报 2023年2月21日 第05版)."""
    for mention in inside:
        if _DATE_REST.match(text, mention.end):
            return None
    for mention in inside:
        if not mention.base:
            found = resolve(mention, running, current_year)
            if found is not None:
                return found
    year = heading_year(text[start:end])
    return year_period(year) if year is not None else None


def _lead(
    text: str, sentence: LogicalSentence, running: Period | None, section: Period | None, current_year: int | None
) -> Period | None:
    """The time a sentence opens with ('2020年，…', '“十三五”期间，…'), which later sentences inherit.

    A year before the section's named in passing (2021年全市…, under '一、2022年工作成效')
    speaks for its own sentence only.
    """
    first_clause_end = _first_clause_end(sentence)
    for mention in sentence.periods:
        if mention.start >= first_clause_end:
            return None
        if mention.base or text[max(0, mention.start - 1) : mention.start] in ("从", "由"):
            continue
        found = resolve(mention, running, current_year)
        if found is None:
            return None
        if section is not None and found.end < section.start and not text.startswith(_TOPIC_END, mention.end):
            return None
        # A quarter or months open their paragraph (2022年1—6月，…); an as-of date, one sentence.
        return year_period(found.year) if mention.kind == "asof" else found
    return None


def _first_clause_end(sentence: LogicalSentence) -> int:
    """The end of a sentence's first clause, past a short opening (各位代表，刚刚过去的2025年，…)."""
    start = sentence.start
    for cut in sentence.cuts:
        if cut - start > _OPENING_MAX:
            return cut
        start = cut + 1
    return sentence.end


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
        # Split at a space inside a heading line (【重点N】 <indicator> <value> <indicator> <value>).
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
