"""The shared leftmost-longest matcher behaves like a longest-first alternation of its words."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.text.word_matcher import WordMatcher, compiled_trie, trie_regex

WORDS = st.lists(st.text(alphabet="株洲市醴陵区县a", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)
TEXT = st.text(alphabet="株洲市醴陵区县ab", max_size=30)


def alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@given(WORDS, TEXT)
def test_trie_regex_matches_like_a_longest_first_alternation(words: list[str], text: str) -> None:
    trie = re.compile(trie_regex(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation(words).finditer(text)]


@given(WORDS, TEXT)
def test_matcher_finds_what_the_alternation_finds_among_words_of_two_characters(words: list[str], text: str) -> None:
    long_words = [w for w in words if len(w) >= 2]
    expected = [m.span() for m in alternation(long_words).finditer(text)] if long_words else []
    assert list(WordMatcher(words).finditer(text)) == expected


@given(WORDS, WORDS, TEXT)
def test_an_extended_matcher_finds_the_words_of_both(base: list[str], more: list[str], text: str) -> None:
    words = [w for w in dict.fromkeys(base + more) if len(w) >= 2]
    expected = [m.span() for m in alternation(words).finditer(text)] if words else []
    matcher = WordMatcher(base)
    list(matcher.finditer(text))  # the base compiles some tries first; the extension must not reuse stale ones
    assert list(matcher.extended(more).finditer(text)) == expected


def test_no_words_find_nothing() -> None:
    assert compiled_trie([]) is None
    assert list(WordMatcher([]).finditer("株洲市")) == []
    assert list(WordMatcher(["株"]).finditer("株洲市")) == []


@settings(max_examples=2000, deadline=None)
@given(WORDS, TEXT, st.integers(-2, 32))
def test_a_matcher_stopped_early_finds_the_first_of_all_its_matches(words: list[str], text: str, stop: int) -> None:
    matcher = WordMatcher(words)
    assert list(matcher.finditer(text, stop)) == [(s, e) for s, e in matcher.finditer(text) if s < stop]
