"""jieba segmentation for the word index. jieba is imported on first use, never at start-up.

The index holds jieba's search-mode words without HMM: search mode also emits the dictionary
words inside a longer word (株洲市 -> 株洲, 株洲市), so 株洲 finds 株洲市; without HMM, words
jieba does not know fall apart into characters, in documents and queries alike, so a query for
part of an unknown name still finds it. Index and query use the same segmenter.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from viewer.model import Sentence
from viewer.resources import resource_path

_lock = threading.Lock()
_tokenizer: Any = None


def tokenizer() -> Any:
    """jieba's tokenizer with the user dictionary loaded (once per process)."""
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


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def words(text: str) -> list[str]:
    """Search-mode words of `text`, in order, punctuation and spaces dropped."""
    return [tok for tok, _s, _e in tokenizer().tokenize(text, mode="search", HMM=False) if _is_word(tok)]


def sentence_words(text: str, sentences: Iterable[Sentence]) -> list[str]:
    """For each sentence, its words joined by spaces (the word index's input)."""
    return [" ".join(words(text[s.start : s.end])) for s in sentences]


def query_words(term: str) -> tuple[str, ...]:
    """The finest words of a query term: those containing no other word of it.

    Documents segment the same characters differently in different contexts (株洲市科技局 ->
    株洲 / 市科技局), so only the smallest pieces are required of a candidate sentence; the
    search then checks the whole term as a substring.
    """
    spans = [(s, e, tok) for tok, s, e in tokenizer().tokenize(term, mode="search", HMM=False) if _is_word(tok)]
    finest = [
        tok
        for s, e, tok in spans
        if not any(s <= s2 and e2 <= e and (s2, e2) != (s, e) for s2, e2, _ in spans)
    ]
    return tuple(dict.fromkeys(finest))
