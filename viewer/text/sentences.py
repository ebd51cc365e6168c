"""Split stored document text into paragraphs and sentences, as character spans.

Paragraphs are the non-blank lines. Sentences end after 。！？!? (and any closing quote or
bracket that follows), and also begin at section markers such as （一）, 一、, 【亮点1】 and
Markdown headings, and at a gap of white space between two Chinese characters, which in
these reports separates a heading from the text after it (report 003 is one long line).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

from viewer.model import Paragraph, Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_CN_NUM = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"[（(【#第{_CN_NUM}]"  # every marker's first character, so the scan skips other text in C
    rf"(?:(?<=[（(])[{_CN_NUM}]{{1,3}}[）)]"  # （一）
    rf"|(?<=[{_CN_NUM}])(?<![{_CN_NUM}\w][{_CN_NUM}])[{_CN_NUM}]{{0,2}}、"  # 一、 (not after a word)
    r"|(?<=【)[^】\n]{1,12}】"  # 【亮点1】
    r"|(?<=#)(?<![^\n]#)#{0,5}\s"  # Markdown heading at the start of a line
    rf"|(?<=第)[{_CN_NUM}]{{1,3}}[章节部分篇]\s)",
)
# Opening with one terminal character (not a repeat of them) lets the engine skip other text in C.
_TERMINAL = re.compile(r"[。！？!?][。！？!?]*[”’」』）)\]】]*")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff“”《》、，。：；！？（）]"
_BLANK = r"[ \t\u3000\u00a0]"
# A run of blanks between two Chinese characters; it opens with a blank, so the engine skips
# other text in C instead of trying the look-behind at every position.
_GAP = re.compile(rf"{_BLANK}(?<={_CJK}{_BLANK}){_BLANK}*(?={_CJK})")
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum accepts


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            paragraphs.append(Paragraph(index=len(paragraphs), start=start, end=end))
    return paragraphs


def split_sentences(text: str, paragraphs: list[Paragraph] | None = None) -> list[Sentence]:
    """The sentences of `text`; `paragraphs`, when given, are split_paragraphs(text)."""
    cuts = _Cuts(text)
    sentences: list[Sentence] = []
    for paragraph in paragraphs if paragraphs is not None else split_paragraphs(text):
        for start, end in _sentence_spans(text, paragraph.start, paragraph.end, cuts):
            sentences.append(Sentence(len(sentences), start, end, paragraph.index))
    return sentences


class _Cuts:
    """Where sentences may begin or end, scanned once in the whole text and looked up per paragraph.

    A paragraph is a line without its blanks at either end. A marker that ends in white space
    (第一章 at the end of a line, a Markdown heading mark) may take the blank or the line break
    after the paragraph: a scan of the paragraph alone does not find it, so it is not a cut
    there. Every other match stays inside one paragraph and is found as a scan of the paragraph
    alone finds it (the look-behinds of _MARKER differ only at the paragraph's first character,
    where a sentence begins anyway).
    """

    def __init__(self, text: str) -> None:
        self.terminal_ends = list(map(re.Match.end, _TERMINAL.finditer(text)))
        markers = list(_MARKER.finditer(text))
        self.marker_starts = list(map(re.Match.start, markers))
        self.marker_ends = list(map(re.Match.end, markers))
        self.gap_bounds = [bound for gap in _GAP.finditer(text) for bound in gap.span()]

    def inside(self, start: int, end: int) -> list[int]:
        """The cuts of the paragraph text[start:end], with its two ends, in order."""
        ends, markers, gaps = self.terminal_ends, self.marker_starts, self.gap_bounds
        cuts = {start, end}
        cuts.update(ends[bisect_right(ends, start) : bisect_right(ends, end)])
        first, last = bisect_left(markers, start), bisect_left(markers, end)
        cuts.update(at for at, stop in zip(markers[first:last], self.marker_ends[first:last], strict=True)
                    if stop <= end)
        cuts.update(gaps[bisect_left(gaps, start) : bisect_right(gaps, end)])
        return sorted(cuts)


def _sentence_spans(text: str, start: int, end: int, cuts: _Cuts) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s, e in itertools.pairwise(cuts.inside(start, end)):
        if text[s].isspace() or text[e - 1].isspace():
            s, e = _strip(text, s, e)
        if s < e and (text[s].isalnum() or _ALNUM.search(text, s, e) is not None):  # not punctuation only
            spans.append((s, e))
        elif s < e and spans:
            spans[-1] = (spans[-1][0], e)
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    """The sentence containing `position` (binary search over sorted spans)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= position:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= position < sentences[lo].end:
        return sentences[lo]
    return None
