"""The indicator lexicon in resources/indicators.toml: canonical names, aliases, unit kinds."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from viewer.resources import resource_path
from viewer.text.places import trie_pattern

UNIT_KINDS = frozenset({"money", "percent", "count", "multiple", "physical", "number"})


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the entry and the problem."""


@dataclass(frozen=True)
class IndicatorEntry:
    name: str
    unit_kind: str
    aliases: tuple[str, ...]
    parent: str | None
    base: str | None = None  # a ratio's numerator indicator
    context_aliases: tuple[str, ...] = ()

    @property
    def context(self) -> str | None:
        """The indicator that must precede a context alias of this one."""
        return self.parent or self.base


@dataclass(frozen=True)
class ContextHit:
    start: int
    end: int
    surface: str
    candidates: tuple[IndicatorEntry, ...]


def _longest_first(surfaces: list[str]) -> re.Pattern[str] | None:
    """A pattern matching the longest of `surfaces` at each position (trie-shaped, for speed)."""
    return re.compile(trie_pattern(surfaces)) if surfaces else None


class Lexicon:
    def __init__(self, entries: list[IndicatorEntry]) -> None:
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        self._by_surface: dict[str, list[IndicatorEntry]] = {}
        self._by_context_surface: dict[str, list[IndicatorEntry]] = {}
        for entry in entries:
            for surface in dict.fromkeys((entry.name, *entry.aliases)):
                self._by_surface.setdefault(surface, []).append(entry)
            for surface in dict.fromkeys(entry.context_aliases):
                self._by_context_surface.setdefault(surface, []).append(entry)
        self._pattern = _longest_first(list(self._by_surface))
        self._context_pattern = _longest_first(list(self._by_context_surface))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of alias/name mentions -> canonical name, longest-first, non-overlapping."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._by_surface[m.group()][0].name) for m in self._pattern.finditer(text)]

    def candidates(self, surface: str) -> tuple[IndicatorEntry, ...]:
        """Every entry a surface form can mean (more than one when unit kinds differ)."""
        return tuple(self._by_surface.get(surface, ()))

    def find_context(self, text: str, taken: list[tuple[int, int, str]] | None = None) -> list[ContextHit]:
        """Context-only alias hits that do not overlap the ordinary mentions in `taken`."""
        if self._context_pattern is None:
            return []
        spans = sorted((s, e) for s, e, _ in taken or [])
        hits: list[ContextHit] = []
        index = 0
        for match in self._context_pattern.finditer(text):
            while index < len(spans) and spans[index][1] <= match.start():
                index += 1
            if index < len(spans) and spans[index][0] < match.end():
                continue
            surface = match.group()
            hits.append(ContextHit(match.start(), match.end(), surface, tuple(self._by_context_surface[surface])))
        return hits

    def get(self, name: str) -> IndicatorEntry | None:
        return self.by_name.get(name)

    def is_within(self, name: str, ancestor: str) -> bool:
        """True when `name` is `ancestor` or one of its sub-indicators."""
        seen: set[str] = set()
        current: str | None = name
        while current is not None and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            entry = self.by_name.get(current)
            current = entry.parent if entry else None
        return False


def _strings(raw: Any, key: str, name: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"indicator {name!r}: {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _optional(raw: Any, key: str, name: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"indicator {name!r}: {key} must be a non-empty string")
    return value.strip()


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    entries: list[IndicatorEntry] = []
    for raw in data.get("indicator", []):
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(f"an indicator has no name: {raw!r}")
        name = name.strip()
        unit_kind = raw.get("unit_kind")
        if unit_kind not in UNIT_KINDS:
            raise LexiconError(f"indicator {name!r}: unit_kind must be one of {sorted(UNIT_KINDS)}")
        entries.append(
            IndicatorEntry(
                name=name,
                unit_kind=unit_kind,
                aliases=_strings(raw, "aliases", name),
                parent=_optional(raw, "parent", name),
                base=_optional(raw, "base", name),
                context_aliases=_strings(raw, "context_aliases", name),
            )
        )
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        duplicates = sorted({n for n in names if names.count(n) > 1})
        raise LexiconError(f"indicator names must be unique: {duplicates}")
    for entry in entries:
        for key, target in (("parent", entry.parent), ("base", entry.base)):
            if target is not None and target not in names:
                raise LexiconError(f"indicator {entry.name!r}: {key} {target!r} is not in the lexicon")
        if entry.context_aliases and entry.context is None:
            raise LexiconError(f"indicator {entry.name!r}: context_aliases need a parent or base")
    return Lexicon(entries)


def read_lexicon(path: Path) -> Lexicon:
    with open(path, "rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise LexiconError(f"{path}: {error}") from error
    return parse_lexicon(data)


@lru_cache(maxsize=8)
def _cached(path: Path) -> Lexicon:
    return read_lexicon(path)


@lru_cache(maxsize=1)
def _default_path() -> Path:
    return resource_path("indicators.toml")


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at `path` (default resources/indicators.toml), read once and cached."""
    return _cached(Path(path) if path is not None else _default_path())
