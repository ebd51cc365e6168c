"""Gazetteers of named entities (resources/entities/*.tsv) and a fast matcher over them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from viewer.model import EntityType
from viewer.resources import resource_path

LIST_FILES = {
    EntityType.ORG: "orgs.tsv",
    EntityType.PERSON: "people.tsv",
    EntityType.POLICY: "policies.tsv",
    EntityType.PROGRAMME: "programmes.tsv",
}


@dataclass(frozen=True)
class Entry:
    """One surface form in a gazetteer."""

    surface: str
    type: str
    canonical: str
    region: str | None = None  # the alias holds only in documents about this city


def trie_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of `words`, longest first, built as a trie so it scans fast."""
    trie: dict[str, dict[str, object]] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}
    if not trie:
        return None
    return re.compile(_trie_regex(trie))


class FastMatcher:
    """Leftmost-longest, non-overlapping search for many words of two characters or more.

    One big alternation makes `re` try every branch at every position; dispatching on the
    first character to a small trie per character is several times faster.
    """

    def __init__(self, words: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 2:
                by_first.setdefault(word[0], []).append(word)
        seconds = {word[1] for group in by_first.values() for word in group}
        # The first two characters of some word: a set lookup drops most first-character hits.
        self._pairs = {word[:2] for group in by_first.values() for word in group}
        self._starts = (
            re.compile(f"[{_charset(by_first)}](?=[{_charset(seconds)}])") if by_first else None
        )
        self._by_first = by_first
        self._tries: dict[str, re.Pattern[str] | None] = {}  # compiled on first use: a worker
        # reads a few hundred of the thousand first characters, and compiling all costs 0.2 s

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        if self._starts is None:
            return
        tries, pairs, end = self._tries, self._pairs, 0
        for hit in self._starts.finditer(text):
            position = hit.start()
            if position < end or text[position : position + 2] not in pairs:
                continue
            first = hit.group()
            trie = tries[first] if first in tries else self._trie(first)
            match = trie.match(text, position) if trie is not None else None
            if match is not None:
                end = match.end()
                yield position, end


    def _trie(self, first: str) -> re.Pattern[str] | None:
        pattern = self._tries[first] = trie_pattern(self._by_first.get(first, ()))
        return pattern


def _charset(chars: Iterable[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))


def _trie_regex(node: dict[str, dict[str, object]]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]  # type: ignore[arg-type]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


def read_rows(path: Path) -> Iterator[list[str]]:
    """Rows of a tab-separated file, without its header, blank lines and # comments."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    for line in lines[1:]:
        if line.strip() and not line.lstrip().startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _list_entries(kind: str, path: Path) -> Iterator[Entry]:
    for row in read_rows(path):
        canonical = row[0]
        aliases = row[1].split("|") if len(row) > 1 and row[1] else []
        for surface in dict.fromkeys((canonical, *aliases)):
            if surface:
                yield Entry(surface, kind, canonical)


def _alias_entries(path: Path) -> Iterator[Entry]:
    for row in read_rows(path):
        if len(row) >= 3:
            region = row[3] if len(row) > 3 and row[3] not in ("", "*") else None
            yield Entry(row[0], row[1], row[2], region)


class Gazetteer:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_surface: dict[str, list[Entry]] = {}
        self.aliases: dict[tuple[str, str], list[str]] = {}
        for entry in entries:
            self.by_surface.setdefault(entry.surface, []).append(entry)
            names = self.aliases.setdefault((entry.canonical, entry.type), [])
            if entry.surface != entry.canonical and entry.surface not in names:
                names.append(entry.surface)
        self.matcher = FastMatcher(self.by_surface)

    def find(self, text: str, city: str | None) -> Iterator[tuple[int, int, Entry]]:
        """Longest non-overlapping matches; an alias scoped to another city is skipped."""
        for start, end in self.matcher.finditer(text):
            entries = self.by_surface[text[start:end]]
            chosen = next((e for e in entries if e.region is not None and e.region == city), None)
            chosen = chosen or next((e for e in entries if e.region is None), None)
            if chosen is not None:
                yield start, end, chosen


def entries_from(folder: Path) -> list[Entry]:
    entries: list[Entry] = []
    for kind, name in LIST_FILES.items():
        if (folder / name).exists():
            entries.extend(_list_entries(kind, folder / name))
    if (folder / "aliases.tsv").exists():
        entries.extend(_alias_entries(folder / "aliases.tsv"))
    return entries


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(entries_from(resource_path("entities")))


@lru_cache(maxsize=1)
def departments() -> dict[str, tuple[str, str]]:
    """Abbreviation -> (full name, scope) of government bodies."""
    return {row[0]: (row[1], row[2]) for row in read_rows(resource_path("entities", "departments.tsv"))}


@lru_cache(maxsize=1)
def stoplist() -> frozenset[tuple[str, str]]:
    return frozenset(
        (row[0], row[1]) for row in read_rows(resource_path("entities", "stoplist.tsv")) if len(row) > 1
    )
