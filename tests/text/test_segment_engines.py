"""rjieba (jieba-rs) and jieba give the same search-mode tokens, so either may build the index.

The word index and every query must come from one segmentation; these tests hold the fast
engine to the reference one on the real reports, the samples, synthetic reports and random
strings of the characters that trip segmenters (non-BMP, full-width, digits, mixed scripts).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.corpus_support import REPO, corpus_files
from viewer.text import segment

TRICKY = (
    "株洲市科技局研发高新技术企业高新区经开区的了在和与及年月日亿元万个百分点增长同比"
    "abcXYZ019 .%-+#&_\t\n\r，。、（）《》“”！？：；　\u00a0①Ⅱ％０ａ\U0001F600\U00020000"
)


def both(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    reference = [tuple(t) for t in segment.search_tokens(text, "jieba")]
    fast = [tuple(t) for t in segment.search_tokens(text, "rjieba")]
    return reference, fast  # type: ignore[return-value]


def test_rjieba_is_installed_and_chosen_by_default(monkeypatch):
    monkeypatch.delenv("POLICY_VIEWER_SEGMENTER", raising=False)
    assert segment.engine_name() == "rjieba"
    monkeypatch.setenv("POLICY_VIEWER_SEGMENTER", "jieba")
    assert segment.engine_name() == "jieba"


def test_engines_agree_on_every_report():
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        reference, fast = both(text)
        assert len(reference) > 1000
        assert fast == reference, path.name


def test_engines_agree_on_the_samples():
    for path in sorted((REPO / "resources" / "samples").glob("*.txt")):
        reference, fast = both(path.read_text(encoding="utf-8"))
        assert fast == reference, path.name


def test_engines_agree_on_synthetic_reports():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(REPO / "bench"))
    world = make_corpus.build_world(7)
    for index in range(5):
        text = make_corpus.make_document(world, 7, index, 20_000)
        reference, fast = both(text)
        assert len(reference) > 1000
        assert fast == reference


def test_user_dictionary_reaches_both_engines():
    for text in ("高新技术企业", "高新技术产业增加值"):
        reference, fast = both(text)
        assert (text, 0, len(text)) in reference
        assert fast == reference


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=40))
def test_engines_agree_on_random_strings(text):
    reference, fast = both(text)
    assert fast == reference


def test_offsets_count_code_points():
    text = "\U0001F600株洲市"
    tokens = segment.search_tokens(text, "rjieba")
    assert ("株洲市", 1, 4) in [tuple(t) for t in tokens]


def test_word_lists_do_not_depend_on_the_engine(monkeypatch):
    text = Path(corpus_files()[0]).read_text(encoding="utf-8")[:3000]
    monkeypatch.setenv("POLICY_VIEWER_SEGMENTER", "jieba")
    reference = segment.words(text)
    monkeypatch.setenv("POLICY_VIEWER_SEGMENTER", "rjieba")
    assert segment.words(text) == reference


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(TRICKY + "_\u0301"), max_size=8))
def test_a_word_is_a_token_with_a_letter_or_digit(token):
    assert segment._is_word(token) == any(ch.isalnum() for ch in token)


def _words_both_ways(text):
    by_tokens = [token for token, _s, _e in segment.search_tokens(text, "rjieba")]
    return by_tokens, segment._words_of("rjieba")(text), segment._words_of("jieba")(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=40))
def test_search_words_are_the_tokens_words_in_order(text):
    by_tokens, fast, reference = _words_both_ways(text)
    assert fast == by_tokens == reference


def test_engines_give_the_same_words_for_each_sentence_of_a_report():
    from viewer.text.sentences import split_sentences

    text = Path(corpus_files()[0]).read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert all(_words_both_ways(text[s.start : s.end])[0] == _words_both_ways(text[s.start : s.end])[1]
               for s in sentences)
