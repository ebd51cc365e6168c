"""jieba segmentation for the word index. Segmenters are loaded on first use, never at start-up.

The index holds jieba's search-mode words without HMM: search mode also emits the dictionary
words inside a longer word (株洲市 -> 株洲, 株洲市), so 株洲 finds 株洲市; without HMM, words
jieba does not know fall apart into characters, in documents and queries alike, so a query for
part of an unknown name still finds it. Index and query use the same segmenter.

Two engines give the same tokens: rjieba (jieba-rs, the Rust port of jieba with the same
dictionary and algorithm, about ten times faster) and jieba itself, the reference. rjieba is
used when it is installed; POLICY_VIEWER_SEGMENTER=jieba forces jieba. tests/text/
test_segment_engines.py checks the two agree token for token, offsets included.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from viewer.model import Sentence
from viewer.resources import resource_path

if TYPE_CHECKING:
    import rjieba

Tokens = Callable[[str], list[tuple[str, int, int]]]
Words = Callable[[str], list[str]]

_lock = threading.Lock()
_engines: dict[str, Tokens] = {}
_word_engines: dict[str, Words] = {}
_tokenizer: Any = None


def _user_words() -> list[tuple[str, int | None, str | None]]:
    entries: list[tuple[str, int | None, str | None]] = []
    for line in resource_path("jieba_userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


def tokenizer() -> Any:
    """jieba's own tokenizer with the user dictionary loaded (once per process)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            instance = jieba.Tokenizer()
            instance.initialize()
            instance.load_userdict(str(resource_path("jieba_userdict.txt")))
            _tokenizer = instance
    return _tokenizer


def _jieba_tokens() -> Tokens:
    instance = tokenizer()

    def tokens(text: str) -> list[tuple[str, int, int]]:
        return list(instance.tokenize(text, mode="search", HMM=False))

    return tokens


@functools.cache
def _rjieba() -> rjieba.Jieba:
    import rjieba

    instance = rjieba.Jieba()
    for word, freq, tag in _user_words():
        instance.add_word(word, freq, tag)
    return instance


def _rjieba_tokens() -> Tokens:
    instance = _rjieba()

    def tokens(text: str) -> list[tuple[str, int, int]]:
        return instance.tokenize(text, "search", False)

    return tokens


def _rjieba_words() -> Words:
    """The words of tokenize's search mode, in its order, without building their offsets."""
    instance = _rjieba()

    def words(text: str) -> list[str]:
        return instance.cut_for_search(text, False)

    return words


@functools.cache
def _rjieba_installed() -> bool:
    return importlib.util.find_spec("rjieba") is not None


def engine_name() -> str:
    """The engine search-mode words come from: "rjieba" when installed, else "jieba"."""
    if os.environ.get("POLICY_VIEWER_SEGMENTER", "").strip().lower() == "jieba" or not _rjieba_installed():
        return "jieba"
    return "rjieba"


def search_tokens(text: str, engine: str | None = None) -> list[tuple[str, int, int]]:
    """(word, start, end) in search mode without HMM; offsets count code points."""
    return _tokens_of(engine or engine_name())(text)


def _tokens_of(name: str) -> Tokens:
    tokens = _engines.get(name)
    if tokens is None:
        built = _rjieba_tokens() if name == "rjieba" else _jieba_tokens()
        with _lock:
            tokens = _engines.setdefault(name, built)
    return tokens


def _token_words(tokens: Tokens) -> Words:
    def words(text: str) -> list[str]:
        return [token for token, _s, _e in tokens(text)]

    return words


def _words_of(name: str) -> Words:
    words = _word_engines.get(name)
    if words is None:
        built = _rjieba_words() if name == "rjieba" else _token_words(_tokens_of(name))
        with _lock:
            words = _word_engines.setdefault(name, built)
    return words


def warm_up() -> None:
    """Load the dictionary now, so the first search or document does not wait for it."""
    search_tokens("株洲")


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum accepts


def _is_word(token: str) -> bool:
    return token.isalnum() or _ALNUM.search(token) is not None


def words(text: str) -> list[str]:
    """Search-mode words of `text`, in order, punctuation and spaces dropped."""
    return [tok for tok, _s, _e in search_tokens(text) if _is_word(tok)]


def sentence_words(text: str, sentences: Iterable[Sentence]) -> list[str]:
    """For each sentence, its words joined by spaces (the word index's input)."""
    cut = _words_of(engine_name())
    alnum = _ALNUM.search  # _is_word, inlined: this runs once per token of every document
    return [" ".join([tok for tok in cut(text[s.start : s.end]) if tok.isalnum() or alnum(tok)]) for s in sentences]
