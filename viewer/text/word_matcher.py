"""Leftmost-longest search for many words at once (places, indicators, gazetteers), and the
trie-shaped regex it is built on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie ("" for no words).

    An alternation of a thousand names makes the regex engine try every name at every
    position; a trie tries only the names that share the characters read so far.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        if word:
            node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"

    return build(trie)


def compiled_trie(words: Iterable[str]) -> re.Pattern[str] | None:
    """trie_regex compiled; None when there are no words."""
    regex = trie_regex(words)
    return re.compile(regex) if regex else None


class TrieScan:
    """What compiled_trie(words).finditer finds (as spans), found from where a word's first two
    characters stand.

    The scan opens with a class of the words' first characters, which the engine skips to in C,
    and checks the second before it reads the trie, looking back to the first: a common first
    character standing alone (新, 发 of a hundred indicator names) is given up at once, and the
    look-ahead of a pattern that opened with that check is not tried at every position. Words of
    one character keep the plain trie.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        regex = trie_regex(words)
        self._plain: re.Pattern[str] | None = None
        self._scan: re.Pattern[str] | None = None
        if regex and all(len(word) >= 2 for word in words):
            firsts = re.escape("".join(sorted({word[0] for word in words})))
            seconds = re.escape("".join(sorted({word[1] for word in words})))
            self._scan = re.compile(rf"[{firsts}](?=[{seconds}])(?<=(?=(?P<word>{regex}))[\s\S])")
        elif regex:
            self._plain = re.compile(regex)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Leftmost, longest and non-overlapping: (start, end) of each word found."""
        if self._plain is not None:
            yield from map(re.Match.span, self._plain.finditer(text))
        elif self._scan is not None:
            position, search = 0, self._scan.search
            while (found := search(text, position)) is not None:
                start, position = found.span("word")
                yield start, position


class WordMatcher:
    """Leftmost-longest, non-overlapping search for many words of two characters or more.

    A C-level scan finds the positions where some word's first two characters stand; from
    each, a walk down a character trie of the words with that first character finds the
    longest. The tries are built on first use: a document reads a few hundred of the thousands
    of first characters, and compiling them all as regexes cost a worker a tenth of a second.
    """

    def __init__(self, words: Iterable[str], base: WordMatcher | None = None) -> None:
        own: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 2:
                own.setdefault(word[0], []).append(word)
        self._own = own
        self._base = base
        self._tries: dict[str, dict[str, Any]] = {}
        pairs = {word[:2] for group in own.values() for word in group}
        # An extended matcher shares its base's sets instead of copying every word list.
        self._pairs: set[str] = pairs if base is None else base._pairs | pairs
        self._firsts: frozenset[str] = frozenset(own) if base is None else base._firsts | own.keys()
        self._seconds = frozenset(pair[1] for pair in pairs)
        if base is not None:
            self._seconds |= base._seconds
        firsts = re.escape("".join(sorted(self._firsts)))
        seconds = re.escape("".join(sorted(self._seconds)))
        self._starts = re.compile(f"[{firsts}](?=[{seconds}])") if firsts else None

    def extended(self, words: Iterable[str]) -> WordMatcher:
        """A matcher of this one's words and some more, sharing the tries it can."""
        return WordMatcher(words, self)

    def finditer(self, text: str, stop: int | None = None) -> Iterator[tuple[int, int]]:
        """The matches in `text` (those starting before `stop`, when given)."""
        if self._starts is None:
            return
        tries, pairs, position, length = self._tries, self._pairs, 0, len(text)
        # The scan stops one character after `stop`: a hit at stop - 1 looks at the character at stop.
        for hit in self._starts.finditer(text, 0, length if stop is None else stop + 1):
            start = hit.start()
            if start < position or text[start : start + 2] not in pairs:
                continue
            first = text[start]
            node: dict[str, Any] | None = tries.get(first) or self._trie(first)
            at, end = start + 1, 0
            while node is not None and at < length:
                node = node.get(text[at])
                at += 1
                if node is not None and "" in node:
                    end = at
            if end:
                position = end
                yield start, end

    def _trie(self, first: str) -> dict[str, Any]:
        """The words starting with `first`, as nested dicts below that character ("" ends a word)."""
        if self._base is not None and first not in self._own:
            trie = self._base._trie(first)
        else:
            trie = {}
            for word in self._words(first):
                node = trie
                for ch in word[1:]:
                    node = node.setdefault(ch, {})
                node[""] = {}
        self._tries[first] = trie
        return trie

    def _words(self, first: str) -> list[str]:
        """The words starting with `first`: the base's, then this matcher's own."""
        inherited = self._base._words(first) if self._base is not None else []
        return [*inherited, *self._own.get(first, ())]
