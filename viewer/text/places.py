"""The place gazetteer in resources/places.tsv: divisions, zones and areas, their names and links.

Every division of China down to county level, the named zones (高新区, 经开区, 新区, 自创区,
自贸试验区) and multi-place areas (城市群, 都市圈, 经济圈) with their members. A place is found
by its name, its label and its global aliases anywhere; its local aliases (鼓楼 for 鼓楼区) only
in a document about the same province, where the document's own city wins an ambiguous one.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from viewer.resources import resource_path
from viewer.text.word_matcher import WordMatcher

COUNTRY_CODE = "100000"
# Official names that are ordinary words (中心城区, 郊区): found only with their city (阳泉市城区).
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新城区", "老城区"})


@dataclass(frozen=True, eq=False)
class Place:
    """A place; two places are the same when their codes are (codes are unique in the table)."""

    code: str
    name: str  # official name: 株洲市, 醴陵市, 湖南省
    level: str  # country / province / city / county / zone / area
    parent: str  # parent's code; "" for the country
    aliases: tuple[str, ...]  # short forms safe anywhere (株洲, 江苏)
    kind: str = ""  # 省, 地级市, 市辖区, 县级市, 国家级高新区, 城市群 ...
    label: str = ""  # unique display name: the name, or city + name (南京市鼓楼区)
    local_aliases: tuple[str, ...] = ()  # short forms safe only in a document of the same province
    members: tuple[str, ...] = field(default=())  # codes of an area's or a zone's parts
    user_aliases: tuple[str, ...] = ()  # the global aliases the user's lexicon added (also in aliases)

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    @property
    def local_only(self) -> bool:
        """Whether the bare name reads as a word (城区, 范县) and is matched only locally."""
        return self.name in self.local_aliases


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    surface: str
    place: Place
    candidates: tuple[Place, ...] = ()  # every place the surface may name, when more than one


class PlaceTable:
    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_code = {p.code: p for p in places}
        self.by_label = {p.label: p for p in places}
        self._global: dict[str, tuple[Place, ...]] = {}
        self._local: dict[str, dict[str, tuple[Place, ...]]] = {}
        for place in places:
            for surface in dict.fromkeys((place.name, place.label, *place.aliases)):
                if surface and not (surface == place.name and place.local_only):
                    self._global[surface] = (*self._global.get(surface, ()), place)
            province = self.province_of(place) if place.local_aliases else None
            for surface in place.local_aliases:
                if surface in GENERIC_NAMES:
                    continue
                scope = self._local.setdefault(province.code if province else "", {})
                scope[surface] = (*scope.get(surface, ()), place)
        # The more important (higher-level, earlier) place keeps an ambiguous surface.
        self.by_surface = {surface: found[0] for surface, found in self._global.items()}
        self._children: dict[str, list[Place]] = {}
        for place in places:
            self._children.setdefault(place.parent, []).append(place)
        self._matchers: dict[str, WordMatcher] = {}

    # ---- finding places in text ----

    def find(self, text: str, context: Place | None = None, stop: int | None = None) -> list[PlaceMatch]:
        """Longest-first, non-overlapping mentions of places; `context` is the document's place. With
        `stop`, only the mentions starting before it (the same as the first of all the mentions).

        Without a context only names, labels and global aliases count. With one, the local
        aliases of the places in the context's province count too, and an ambiguous surface
        (鼓楼区, 资阳) names the place inside the context's city, else its province, if any.
        """
        province, city = self._context(context)
        scope = province.code if province is not None else ""
        local = self._local.get(scope, {}) if scope else {}
        matches = []
        for start, end in self._matcher(scope).finditer(text, stop):
            surface = text[start:end]
            if _blocked(text, start, end):
                continue
            candidates = (*self._global.get(surface, ()), *local.get(surface, ()))
            place = self._choose(surface, candidates, city, province)
            if place is not None:
                others = tuple(dict.fromkeys(candidates)) if len(set(candidates)) > 1 else ()
                matches.append(PlaceMatch(start, end, surface, place, others))
        return matches

    def _context(self, context: Place | None) -> tuple[Place | None, Place | None]:
        """The province and city of a document's place, worked out once per place."""
        if context is None:
            return None, None
        cache: dict[str, tuple[Place | None, Place | None]] = self.__dict__.setdefault("_context_cache", {})
        found = cache.get(context.code)
        if found is None:
            found = cache[context.code] = (self.province_of(context), self.city_of(context))
        return found

    def _choose(self, surface: str, candidates: tuple[Place, ...], city: Place | None,
                province: Place | None) -> Place | None:
        if len(candidates) == 1:
            return candidates[0]  # a global name, or a local alias of the context's own province
        for scope in (city, province):
            if scope is not None:
                inside = [p for p in dict.fromkeys(candidates) if self.contains(scope, p)]
                if len(inside) == 1 or (inside and surface in self._global):
                    return inside[0]
        global_ones = self._global.get(surface, ())
        return global_ones[0] if global_ones else None  # a local alias ambiguous in its province: none

    def _matcher(self, scope: str) -> WordMatcher:
        matcher = self._matchers.get(scope)
        if matcher is None:
            base = self._matchers.get("")
            if base is None:
                base = self._matchers[""] = WordMatcher(self._global)
            matcher = base if not scope else base.extended(self._local.get(scope, {}))
            self._matchers[scope] = matcher
        return matcher

    # ---- lookups ----

    def lookup(self, surface: str) -> Place | None:
        """The place a name, label or global alias names (the first, when several do)."""
        return self.by_surface.get(surface) or self.by_label.get(surface)

    def lookup_label(self, label: str) -> Place | None:
        return self.by_label.get(label)

    def canonical(self, surface: str) -> str | None:
        place = self.lookup(surface)
        return place.name if place else None

    def places_of_kind(self, kind: str) -> list[Place]:
        return [p for p in self.places if p.kind == kind]

    def country(self) -> Place | None:
        return self.by_code.get(COUNTRY_CODE)

    # ---- the hierarchy ----

    def parent(self, place: Place) -> Place | None:
        return self.by_code.get(place.parent) if place.parent else None

    def ancestors(self, place: Place) -> list[Place]:
        """Parent, grandparent … up to the country, nearest first."""
        found: list[Place] = []
        current = self.parent(place)
        while current is not None and current not in found:
            found.append(current)
            current = self.parent(current)
        return found

    def children(self, place: Place) -> list[Place]:
        return list(self._children.get(place.code, ()))

    def members(self, place: Place) -> list[Place]:
        return [self.by_code[code] for code in place.members if code in self.by_code]

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether `inner` lies in `outer`: itself, a descendant, or inside one of its members."""
        return self._contains(outer, inner, set())

    def _contains(self, outer: Place, inner: Place, seen: set[str]) -> bool:
        if outer == inner or outer in self.ancestors(inner):
            return True
        seen.add(outer.code)
        return any(self._contains(m, inner, seen) for m in self.members(outer) if m.code not in seen)

    def province_of(self, place: Place | None) -> Place | None:
        """The province-level division a place lies in (itself for a province).

        An area is in a province only when all its members are."""
        if place is None:
            return None
        if place.level == "province":
            return place
        for ancestor in self.ancestors(place):
            if ancestor.level == "province":
                return ancestor
        provinces = {self.province_of(m) for m in self.members(place)}
        return provinces.pop() if len(provinces) == 1 else None

    def city_of(self, place: Place) -> Place | None:
        """The prefecture-level city a place lies in (itself for a city)."""
        current: Place | None = place
        while current is not None and current.level not in ("city", "province", "country", "area"):
            current = self.by_code.get(current.parent)
        return current if current is not None and current.level == "city" else None

    def zones_of(self, place: Place, kind: str | None = None) -> list[Place]:
        """The zones lying in a place (of one kind, when given): 株洲市 -> 株洲高新区 …"""
        found = self._zones_in().get(place.code)
        if found is None:
            found = [z for z in self._zones if z != place and self.contains(place, z)]
        return [zone for zone in found if kind is None or zone.kind == kind]

    @cached_property
    def _zones(self) -> list[Place]:
        return [p for p in self.places if p.level == "zone"]

    def _zones_in(self) -> dict[str, list[Place]]:
        """Zones by each division they lie in, worked out once (an area's are asked for directly)."""
        index = self.__dict__.get("_zone_index")
        if index is None:
            index = {}
            for zone in self._zones:
                for holder in self.ancestors(zone):
                    index.setdefault(holder.code, []).append(zone)
            for place in self.places:
                if place.level not in ("zone", "area"):
                    index.setdefault(place.code, [])
            self.__dict__["_zone_index"] = index
        return index


# A place whose first character closes a common word with the one before it: 平台北侧, 推广水土,
# 示范县, 适应城市, 上海城市, 振兴城市.
_BLOCKED_HEADS = frozenset({
    "平台", "出台", "舞台", "后台", "前台", "电台", "讲台", "柜台", "一台", "同台", "阳台", "站台", "登台",
    "上台", "下台", "搭台", "擂台", "推广", "示范", "适应", "响应", "相应", "顺应", "供应", "效应", "对应",
    "反应", "上海", "振兴", "新兴", "复兴",
})


def _blocked(text: str, start: int, end: int) -> bool:
    """A name that reads as part of a longer word here: 中原区 in 中原区域, 范县 in 示范县域."""
    tail = text[end - 1 : end + 1]
    if tail == "区域" or (end - start == 2 and tail in ("县域", "县级")):
        return True
    return start > 0 and text[start - 1 : start + 1] in _BLOCKED_HEADS


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip()) if cell else ()


_COLUMNS = ("code", "name", "level", "parent", "kind", "label", "aliases", "local_aliases", "members")


def read_places(path: str | None = None) -> list[Place]:
    """The gazetteer: places.tsv, then the fictional places of the bundled samples."""
    sources = [resource_path("places.tsv"), resource_path("places_fictional.tsv")] if path is None else [path]
    places: list[Place] = []
    for source in sources:
        with open(source, encoding="utf-8", newline="") as handle:
            rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
            header = next(rows, [])
            at = {column: header.index(column) if column in header else None for column in _COLUMNS}
            for row in rows:
                cells = {column: row[i].strip() if i is not None and i < len(row) else ""
                         for column, i in at.items()}
                if cells["name"]:
                    places.append(Place(cells["code"], cells["name"], cells["level"], cells["parent"],
                                        _split(cells["aliases"]), cells["kind"], cells["label"],
                                        _split(cells["local_aliases"]), _split(cells["members"])))
    return places


@lru_cache(maxsize=1)
def bundled_place_table() -> PlaceTable:
    """The gazetteer of resources/ alone, whatever user lexicon is in use."""
    return PlaceTable(read_places())


# The gazetteer with the user lexicon's place aliases, when one is in use (viewer.text.user_lexicon).
_merged: PlaceTable | None = None


def use_merged_places(table: PlaceTable | None) -> None:
    """Make place_table() answer `table` (None: the bundled gazetteer again)."""
    global _merged
    _merged = table


def place_table() -> PlaceTable:
    """The gazetteer in use: the bundled one, with the user lexicon's place aliases if any."""
    return _merged if _merged is not None else bundled_place_table()


def _surface_index() -> dict[str, tuple[Place, ...]]:
    return _surface_index_of(place_table())


@lru_cache(maxsize=2)
def _surface_index_of(table: PlaceTable) -> dict[str, tuple[Place, ...]]:
    """Names and global aliases of divisions and zones: the places the entity recogniser marks.

    The country (全国, 我国) and multi-place areas (长江经济带) are left out: they are not
    places of the entity sidebar; PlaceTable.find finds them for attribution."""
    index: dict[str, list[Place]] = {}
    for place in table.places:
        if place.level in ("country", "area"):
            continue
        for surface in dict.fromkeys((place.name, *place.aliases)):
            if surface and not (surface == place.name and place.local_only):
                index.setdefault(surface, []).append(place)
    return {surface: tuple(found) for surface, found in index.items()}


def places_named(surface: str) -> tuple[Place, ...]:
    """Every division or zone with this name or global alias, in file order (provinces first)."""
    return _surface_index().get(surface, ())


def place_surfaces() -> list[str]:
    """Every name and global alias of the divisions and zones."""
    return list(_surface_index())
