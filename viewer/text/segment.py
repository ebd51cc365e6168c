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
from collections.abc import Callable
from typing import Any, NamedTuple

from viewer.resources import resource_path

Tokens = Callable[[str], list[tuple[str, int, int]]]
Words = Callable[[str], list[str]]

_lock = threading.Lock()
_engines: dict[str, _Engine] = {}
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


class _Engine(NamedTuple):
    tokens: Tokens  # (word, start, end) in search mode
    words: Words  # the same words, in the same order, without offsets


def _jieba_engine() -> _Engine:
    instance = tokenizer()

    def tokens(text: str) -> list[tuple[str, int, int]]:
        return list(instance.tokenize(text, mode="search", HMM=False))

    def words(text: str) -> list[str]:
        return [word for word, _s, _e in instance.tokenize(text, mode="search", HMM=False)]

    return _Engine(tokens, words)


def _rjieba_engine() -> _Engine:
    import rjieba

    instance = rjieba.Jieba()
    for word, freq, tag in _user_words():
        instance.add_word(word, freq, tag)

    def tokens(text: str) -> list[tuple[str, int, int]]:
        return instance.tokenize(text, "search", False)

    def words(text: str) -> list[str]:
        return instance.cut_for_search(text, False)  # tokenize's words, without building offsets

    return _Engine(tokens, words)


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


def _engine(name: str) -> _Engine:
    engine = _engines.get(name)
    if engine is None:
        built = _rjieba_engine() if name == "rjieba" else _jieba_engine()
        with _lock:
            engine = _engines.setdefault(name, built)
    return engine


def _tokens_of(name: str) -> Tokens:
    return _engine(name).tokens


def _words_of(name: str) -> Words:
    return _engine(name).words


def warm_up() -> None:
    """Load the dictionary now, so the first search or document does not wait for it."""
    search_tokens("株洲")


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum accepts


def _is_word(token: str) -> bool:
    return token.isalnum() or _ALNUM.search(token) is not None


def words(text: str) -> list[str]:
    """Search-mode words of `text`, in order, punctuation and spaces dropped."""
    return [tok for tok, _s, _e in search_tokens(text) if _is_word(tok)]
