import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from viewer.text.sentences import _GAP, _MARKER, _TERMINAL, sentence_at, split_paragraphs, split_sentences


def spans_text(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_paragraphs_are_non_blank_lines_without_surrounding_space() -> None:
    text = "  标题  \n\n第一段。\r\n   \n第二段"
    paragraphs = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paragraphs] == ["标题", "第一段。", "第二段"]
    assert [p.index for p in paragraphs] == [0, 1, 2]


def test_sentences_end_after_terminal_punctuation_and_closing_quotes() -> None:
    text = "他说：“完成了！”然后离开。真的吗？是的"
    assert spans_text(text) == ["他说：“完成了！”", "然后离开。", "真的吗？", "是的"]


def test_markers_start_new_sentences_in_one_long_line() -> None:
    text = "规划期限为2021-2025年。 一、总体要求 (一)发展基础 全市研发投入增长较快。【亮点1】新增平台5家。"
    assert spans_text(text) == [
        "规划期限为2021-2025年。",
        "一、总体要求",
        "(一)发展基础",
        "全市研发投入增长较快。",
        "【亮点1】新增平台5家。",
    ]


def test_markdown_heading_is_its_own_sentence() -> None:
    text = "## 2021 年度回顾\n全年新增高企120家。"
    assert spans_text(text) == ["## 2021 年度回顾", "全年新增高企120家。"]


def test_numbers_with_dunhao_are_not_markers() -> None:
    assert spans_text("分别增长了85%、6%,企业地位提升。") == ["分别增长了85%、6%,企业地位提升。"]


def test_sentence_at_finds_containing_sentence() -> None:
    text = "甲句。乙句。丙句。"
    sentences = split_sentences(text)
    assert sentence_at(sentences, 4) == sentences[1]
    assert sentence_at(sentences, 100) is None


def test_report_003_single_line_splits_into_many_sentences(corpus: dict[str, str]) -> None:
    from corpus_support import corpus_name

    text = corpus[corpus_name("003")]
    longest_line = max(text.split("\n"), key=len)
    assert len(longest_line) > 4000
    sentences = split_sentences(text)
    assert len(sentences) > 200
    assert max(s.end - s.start for s in sentences) < 400
    for s in sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


# The plain alternation the section-marker scan was first written as; the scan opens with the
# markers' first characters only so that the regex engine skips other text quickly.
_PLAIN_MARKER = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|(?<![一二三四五六七八九十\w])[一二三四五六七八九十]{1,3}、"
    r"|【[^】\n]{1,12}】"
    r"|^#{1,6}\s"
    r"|第[一二三四五六七八九十]{1,3}[章节部分篇]\s",
    re.MULTILINE,
)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("（()）【】#第章节部分篇一二三十、 \n\t\u3000a1_亮"), max_size=16),
       st.integers(min_value=0, max_value=3))
def test_marker_scan_finds_what_the_plain_alternation_finds(text, position):
    assert [m.span() for m in _MARKER.finditer(text, position)] == [
        m.span() for m in _PLAIN_MARKER.finditer(text, position)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("株洲市。！？!?”）】（一）二、 \u3000\t，a1_·—"), max_size=30))
def test_punctuation_only_pieces_join_the_sentence_before(text):
    for sentence in split_sentences(text):
        assert any(ch.isalnum() for ch in text[sentence.start : sentence.end])


# The gap between two Chinese characters as first written: a look-behind at every position.
_PLAIN_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff“”《》、，。：；！？（）])[ \t\u3000\u00a0]+"
                        r"(?=[\u3400-\u9fff\uf900-\ufaff“”《》、，。：；！？（）])")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("株洲。，“）a1 \t\u3000\u00a0\n"), max_size=16),
       st.integers(min_value=0, max_value=3))
def test_gap_scan_finds_what_the_look_behind_scan_finds(text, position):
    assert [m.span() for m in _GAP.finditer(text, position)] == [
        m.span() for m in _PLAIN_GAP.finditer(text, position)]


def _spans_paragraph_by_paragraph(text: str) -> list[tuple[int, int, int]]:
    """The first form of split_sentences: each paragraph copied out and scanned on its own."""
    found: list[tuple[int, int, int]] = []
    for paragraph in split_paragraphs(text):
        start, end = paragraph.start, paragraph.end
        chunk = text[start:end]
        cuts = {0, len(chunk)}
        cuts.update(m.end() for m in _TERMINAL.finditer(chunk))
        cuts.update(m.start() for m in _MARKER.finditer(chunk))
        for gap in _GAP.finditer(chunk):
            cuts.update(gap.span())
        spans: list[tuple[int, int]] = []
        for left, right in itertools.pairwise(sorted(cuts)):
            s, e = start + left, start + right
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and re.search(r"[^\W_]", text[s:e]):
                spans.append((s, e))
            elif s < e and spans:
                spans[-1] = (spans[-1][0], e)
        found.extend((s, e, paragraph.index) for s, e in spans)
    return found


@settings(max_examples=4000, deadline=None)
@given(st.text(alphabet=st.sampled_from("株洲。！？”）】【#（一）二、第章 \u3000\t\n，a1_"), max_size=40))
@example("1第一章 ")  # a marker whose blank is after the paragraph's end
@example("株洲第二章\n第三章 二")
@example("a # \n#")
def test_whole_text_cuts_split_as_each_paragraph_scanned_alone(text: str) -> None:
    assert [(s.start, s.end, s.paragraph) for s in split_sentences(text)] == _spans_paragraph_by_paragraph(text)
