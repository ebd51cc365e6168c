"""The administrative-division gazetteer in resources/places.tsv: names, aliases, codes."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from viewer.resources import resource_path


@dataclass(frozen=True)
class Place:
    code: str
    name: str  # official name: 株洲市, 醴陵市, 湖南省
    level: str  # province / city / county / zone
    parent: str  # parent's code, "" for provinces
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    surface: str
    place: Place


class PlaceTable:
    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_code = {p.code: p for p in places}
        self.by_surface: dict[str, Place] = {}
        for place in places:
            for surface in (place.name, *place.aliases):
                # The more important (higher-level, earlier) place keeps an ambiguous alias.
                self.by_surface.setdefault(surface, place)
        self._pattern = re.compile(trie_pattern(self.by_surface)) if self.by_surface else None

    def find(self, text: str) -> list[PlaceMatch]:
        """Longest-first, non-overlapping matches of every name and alias."""
        if self._pattern is None:
            return []
        return [
            PlaceMatch(m.start(), m.end(), m.group(), self.by_surface[m.group()])
            for m in self._pattern.finditer(text)
        ]

    def lookup(self, surface: str) -> Place | None:
        return self.by_surface.get(surface)

    def canonical(self, surface: str) -> str | None:
        place = self.by_surface.get(surface)
        return place.name if place else None

    def city_of(self, place: Place) -> Place | None:
        """The prefecture-level city a place lies in (itself for a city)."""
        current: Place | None = place
        while current is not None and current.level not in ("city", "province"):
            current = self.by_code.get(current.parent)
        return current if current is not None and current.level == "city" else None


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie.

    An alternation of a thousand names makes the regex engine try every name at every
    position; a trie tries only the names that share the characters read so far.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return build(trie)


def read_places(path: str | None = None) -> list[Place]:
    """The gazetteer: places.tsv, then the fictional places of the bundled samples."""
    sources = [resource_path("places.tsv"), resource_path("places_fictional.tsv")] if path is None else [path]
    places: list[Place] = []
    for source in sources:
        with open(source, encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            places.extend(
                Place(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    level=row["level"].strip(),
                    parent=(row.get("parent") or "").strip(),
                    aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a.strip()),
                )
                for row in csv.DictReader(lines, delimiter="\t")
                if row.get("name")
            )
    return places


@lru_cache(maxsize=1)
def place_table() -> PlaceTable:
    return PlaceTable(read_places())


@lru_cache(maxsize=1)
def _surface_index() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for place in place_table().places:
        for surface in dict.fromkeys((place.name, *place.aliases)):
            index.setdefault(surface, []).append(place)
    return {surface: tuple(found) for surface, found in index.items()}


def places_named(surface: str) -> tuple[Place, ...]:
    """Every place with this name or alias, in file order (provinces, cities, counties, zones)."""
    return _surface_index().get(surface, ())


def place_surfaces() -> list[str]:
    """Every name and alias in the gazetteer."""
    return list(_surface_index())
