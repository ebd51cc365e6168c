"""The indicator taxonomy in resources/indicators.toml: names, aliases, unit kinds, and how
measures relate (parent, ratio base and denominator), with a definition and UI group each.

The file's header describes every key and where the taxonomy comes from. Reading it checks
it: every problem raises LexiconError naming the entry.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from viewer.resources import resource_path
from viewer.text.word_matcher import TrieScan, compiled_trie

UNIT_KINDS = frozenset({"money", "percent", "count", "multiple", "physical", "number"})
# The UI's groups, in the order it lists them.
GROUPS = ("研发投入", "创新主体", "产业", "知识产权", "技术市场", "平台载体", "人才", "财政科技", "成果转化", "科普", "经济")
KEYS = frozenset(
    {"name", "unit_kind", "aliases", "parent", "base", "denominator", "context_aliases", "definition", "group", "core"}
)


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
    definition: str = ""  # one line: what is counted, and the source
    denominator: str | None = None  # a ratio's (or per-capita measure's) denominator indicator
    group: str | None = None  # one of GROUPS
    core: bool = False  # a core S&T indicator
    user: bool = False  # defined in the user's lexicon (viewer.text.user_lexicon), not the bundled file
    user_aliases: tuple[str, ...] = ()  # the aliases and context aliases the user's lexicon added

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


class Lexicon:
    def __init__(self, entries: list[IndicatorEntry], mapped: dict[str, str] | None = None) -> None:
        self.entries = entries
        # Provisional indicator names the user's lexicon files under another name (总投资 -> 固定资产投资).
        self.mapped: dict[str, str] = mapped or {}
        self.by_name = {e.name: e for e in entries}
        self._by_surface: dict[str, list[IndicatorEntry]] = {}
        self._by_context_surface: dict[str, list[IndicatorEntry]] = {}
        self._children: dict[str, list[IndicatorEntry]] = {}
        for entry in entries:
            if entry.parent:
                self._children.setdefault(entry.parent, []).append(entry)
            for surface in dict.fromkeys((entry.name, *entry.aliases)):
                self._by_surface.setdefault(surface, []).append(entry)
            for surface in dict.fromkeys(entry.context_aliases):
                self._by_context_surface.setdefault(surface, []).append(entry)
        # Where several entries share a context form (国家级), the one anchored most specifically
        # comes first: 国家级 after 重点实验室 is 全国重点实验室数 before 国家级科技创新平台数.
        for candidates in self._by_context_surface.values():
            candidates.sort(key=lambda e: -self.depth(e.context))
        self._words = TrieScan(self._by_surface)
        self._context_pattern = compiled_trie(self._by_context_surface)
        # The last text found in, and what was found: the analysis of one document asks several
        # times (figures, measures, entities). One tuple, swapped whole, so threads cannot mix them.
        self._last: tuple[str, list[tuple[int, int, str]]] | None = None

    def depth(self, name: str | None) -> int:
        """How many parents stand above `name` (0 for a top-level indicator or an unknown name)."""
        depth, seen = 0, set()
        entry = self.by_name.get(name) if name else None
        while entry is not None and entry.parent and entry.parent not in seen:
            seen.add(entry.parent)
            depth += 1
            entry = self.by_name.get(entry.parent)
        return depth

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of alias/name mentions -> canonical name, longest-first, non-overlapping.

        A mention inside a longer context form is no mention: GDP in 占GDP比重 names the
        denominator of a ratio, not a GDP figure.
        """
        last = self._last
        if last is not None and last[0] is text:
            return list(last[1])
        found = self._find(text)
        self._last = (text, found)
        return list(found)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        by_surface = self._by_surface
        found = [(start, end, by_surface[text[start:end]][0].name) for start, end in self._words.spans(text)]
        if not found or self._context_pattern is None:
            return found
        context = [m.span() for m in self._context_pattern.finditer(text)]
        if not context:
            return found
        starts = [start for start, _ in context]
        kept = []
        for start, end, name in found:
            # Context spans do not overlap, so only the last one starting at or before `start` can hold it.
            index = bisect_left(starts, start + 1) - 1
            if index >= 0:
                c_start, c_end = context[index]
                if c_start <= start and end <= c_end and c_end - c_start > end - start:
                    continue
            kept.append((start, end, name))
        return kept

    def candidates(self, surface: str) -> tuple[IndicatorEntry, ...]:
        """Every entry a surface form can mean (more than one when unit kinds differ)."""
        return tuple(self._by_surface.get(surface, ()))

    def find_context(self, text: str, taken: list[tuple[int, int, str]] | None = None) -> list[ContextHit]:
        """Context-only alias hits that do not overlap the ordinary mentions in `taken`.

        The candidates of a hit come most specifically anchored first (see __init__).
        """
        if self._context_pattern is None:
            return []
        spans = sorted((s, e) for s, e, _ in taken or [])
        hits: list[ContextHit] = []
        index = 0
        for match in self._context_pattern.finditer(text):
            start, end = match.span()
            while index < len(spans) and spans[index][1] <= start:
                index += 1
            if index < len(spans) and spans[index][0] < end:
                continue
            surface = match.group()
            hits.append(ContextHit(start, end, surface, tuple(self._by_context_surface[surface])))
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

    def children(self, name: str) -> list[IndicatorEntry]:
        """The entries whose parent is `name`, in file order."""
        return list(self._children.get(name, ()))

    def level_of(self, name: str, level: str) -> IndicatorEntry | None:
        """The child of `name` at one level (国家级, 省级, 市级, 省级以上): the child that takes
        the level word as a context alias (科技企业孵化器数, 国家级 -> 国家级科技企业孵化器数)."""
        return next((e for e in self._children.get(name, ()) if level in e.context_aliases), None)

    def in_group(self, group: str) -> list[IndicatorEntry]:
        """The entries of one UI group, in file order."""
        return [e for e in self.entries if e.group == group]


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


def _definition(raw: Any, name: str) -> str:
    value = _optional(raw, "definition", name) or ""
    if "\n" in value or "\r" in value:
        raise LexiconError(f"indicator {name!r}: definition must be one line")
    return value


def _group(raw: Any, name: str) -> str | None:
    value = _optional(raw, "group", name)
    if value is not None and value not in GROUPS:
        raise LexiconError(f"indicator {name!r}: group {value!r} is not one of {list(GROUPS)}")
    return value


def _core(raw: Any, name: str) -> bool:
    value = raw.get("core", False)
    if not isinstance(value, bool):
        raise LexiconError(f"indicator {name!r}: core must be true or false")
    return value


def _entry(raw: Any) -> IndicatorEntry:
    if not isinstance(raw, dict):
        raise LexiconError(f"an indicator must be a table: {raw!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"an indicator has no name: {raw!r}")
    name = name.strip()
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise LexiconError(f"indicator {name!r}: unknown key(s) {unknown}; the keys are {sorted(KEYS)}")
    unit_kind = raw.get("unit_kind")
    if unit_kind not in UNIT_KINDS:
        raise LexiconError(f"indicator {name!r}: unit_kind must be one of {sorted(UNIT_KINDS)}")
    return IndicatorEntry(
        name=name,
        unit_kind=unit_kind,
        aliases=_strings(raw, "aliases", name),
        parent=_optional(raw, "parent", name),
        base=_optional(raw, "base", name),
        context_aliases=_strings(raw, "context_aliases", name),
        definition=_definition(raw, name),
        denominator=_optional(raw, "denominator", name),
        group=_group(raw, name),
        core=_core(raw, name),
    )


def _check_links(entries: list[IndicatorEntry], names: set[str]) -> None:
    by_name = {e.name: e for e in entries}
    for entry in entries:
        for key, target in (("parent", entry.parent), ("base", entry.base), ("denominator", entry.denominator)):
            if target is None:
                continue
            if target not in names:
                raise LexiconError(f"indicator {entry.name!r}: {key} {target!r} is not in the lexicon")
            if target == entry.name:
                raise LexiconError(f"indicator {entry.name!r}: {key} names the indicator itself")
        if entry.denominator is not None and entry.denominator == entry.base:
            raise LexiconError(f"indicator {entry.name!r}: base and denominator are both {entry.base!r}")
        if entry.context_aliases and entry.context is None:
            raise LexiconError(f"indicator {entry.name!r}: context_aliases need a parent or base")
        seen = [entry.name]
        current = entry.parent
        while current is not None:
            if current in seen:
                raise LexiconError(f"indicator {entry.name!r}: its parents loop ({' -> '.join([*seen, current])})")
            seen.append(current)
            current = by_name[current].parent


def _check_surfaces(entries: list[IndicatorEntry]) -> None:
    """An alias names one measure: two entries share one only when their unit kinds differ."""
    owners: dict[tuple[str, str], str] = {}
    ordinary: set[str] = set()
    for entry in entries:
        for surface in dict.fromkeys((entry.name, *entry.aliases)):
            ordinary.add(surface)
            other = owners.setdefault((surface, entry.unit_kind), entry.name)
            if other != entry.name:
                raise LexiconError(
                    f"indicator {entry.name!r}: alias {surface!r} is also given to {other!r}, "
                    f"of the same unit kind {entry.unit_kind!r}"
                )
    for entry in entries:
        for surface in entry.context_aliases:
            if surface in ordinary:
                raise LexiconError(
                    f"indicator {entry.name!r}: context alias {surface!r} is also an ordinary alias or name"
                )


def indicator_entry(raw: Any) -> IndicatorEntry:
    """One [[indicator]] table, checked on its own (its links are checked by build_lexicon)."""
    return _entry(raw)


def build_lexicon(entries: list[IndicatorEntry], mapped: dict[str, str] | None = None) -> Lexicon:
    """A lexicon of checked entries: unique names, links to entries, aliases shared only across unit kinds."""
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        duplicates = sorted({n for n in names if names.count(n) > 1})
        raise LexiconError(f"indicator names must be unique: {duplicates}")
    _check_links(entries, set(names))
    _check_surfaces(entries)
    return Lexicon(entries, mapped)


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    raw_entries = data.get("indicator", [])
    if not isinstance(raw_entries, list):
        raise LexiconError("indicators must be [[indicator]] tables")
    return build_lexicon([_entry(raw) for raw in raw_entries])


def read_lexicon(path: Path) -> Lexicon:
    with open(path, "rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise LexiconError(f"{path}: {error}") from error
    try:
        return parse_lexicon(data)
    except LexiconError as error:
        raise LexiconError(f"{path}: {error}") from error


@lru_cache(maxsize=8)
def _cached(path: Path) -> Lexicon:
    return read_lexicon(path)


@lru_cache(maxsize=1)
def _default_path() -> Path:
    return resource_path("indicators.toml")


# The bundled taxonomy merged with the user's lexicon, when one is in use (viewer.text.user_lexicon).
_merged: Lexicon | None = None


def use_merged_lexicon(lexicon: Lexicon | None) -> None:
    """Make load_lexicon() answer `lexicon` (None: the bundled taxonomy again)."""
    global _merged
    _merged = lexicon


def bundled_lexicon() -> Lexicon:
    """resources/indicators.toml alone, whatever user lexicon is in use."""
    return _cached(_default_path())


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at `path`, read once and cached; by default resources/indicators.toml merged
    with the user's lexicon when one is in use."""
    if path is None:
        return _merged if _merged is not None else _cached(_default_path())
    return _cached(Path(path))
