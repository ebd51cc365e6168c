"""Gazetteers of named entities (resources/entities/*.tsv) and a fast matcher over them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from viewer.model import EntityType
from viewer.resources import resource_path
from viewer.text.word_matcher import TrieScan, WordMatcher

_TRIE_MAX_FIRSTS = 200  # the gazetteer's names start with about 90 characters

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
        # The matches of `matcher` for a few hundred words: a trie-shaped regex, whose
        # first-character branches the engine tries in turn, scans twice as fast as the matcher's
        # pair scan; with many first characters (thousands of words) the matcher wins, and only
        # then is it built.
        firsts = {surface[0] for surface in self.by_surface if len(surface) >= 2}
        self._scan = TrieScan(s for s in self.by_surface if len(s) >= 2) if len(firsts) <= _TRIE_MAX_FIRSTS else None

    @cached_property
    def matcher(self) -> WordMatcher:
        return WordMatcher(self.by_surface)

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        if self._scan is None:
            yield from self.matcher.finditer(text)
        else:
            yield from self._scan.spans(text)

    def find(self, text: str, city: str | None) -> Iterator[tuple[int, int, Entry]]:
        """Longest non-overlapping matches; an alias scoped to another city is skipped."""
        for start, end in self._spans(text):
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
