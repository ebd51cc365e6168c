"""Shared pieces of the entity recognisers: candidates, the document's region, character classes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from viewer.text.places import Place, place_table, places_named

CJK = "\u4e00-\u9fff"
# Characters that never sit inside a name: function words and clause punctuation.
NAME_BREAKERS = frozenset("的了和与及或在是将把被从对向以为由等并而且也都就还又所之其该各这那此")
PUNCT = frozenset("，。、；：？！“”‘’「」『』《》（）()[]【】,.;:?!\"' \t\r\n\u3000/／—-·•|□▲")


@dataclass(slots=True)  # not frozen: a frozen dataclass costs twice as much to make, and a report makes thousands
class Candidate:
    """A proposed mention; `rank` breaks ties between equally long overlapping candidates."""

    start: int
    end: int
    type: str
    canonical: str
    rank: int = 1


@dataclass(frozen=True)
class Region:
    """Where the document is from: its city and province, and its county when it is a county's."""

    city: Place | None
    province: Place | None
    county: Place | None = None

    @cached_property
    def city_name(self) -> str | None:
        return self.city.name if self.city else None

    @staticmethod
    def of(name: str | None) -> Region:
        table = place_table()
        place = (table.lookup(name) or _within_parent(name)) if name else None
        if place is None:
            return Region(None, None)
        city = table.city_of(place)
        province = place if place.level == "province" else None
        anchor = city or place
        while province is None and anchor.parent:
            parent = table.by_code.get(anchor.parent)
            if parent is None:
                break
            if parent.level == "province":
                province = parent
            anchor = parent
        return Region(city, province, place if place.level == "county" else None)


def _within_parent(name: str) -> Place | None:
    """宁波市镇海区: a place written after its city or province, when the full form is not listed."""
    table = place_table()
    for cut in range(len(name) - 2, 1, -1):
        parent = table.lookup(name[:cut])
        if parent is None:
            continue
        for place in places_named(name[cut:]):
            ancestor: Place | None = place
            while ancestor is not None and ancestor != parent:
                ancestor = table.by_code.get(ancestor.parent)
            if ancestor == parent:
                return place
    return None


def resolve_place(surface: str, region: Region) -> Place | None:
    """The place a surface names, preferring one inside the document's city."""
    found = places_named(surface)
    if not found:
        return None
    if region.city is not None and len(found) > 1:
        table = place_table()
        for place in found:
            if place == region.city or table.city_of(place) == region.city:
                return place
    return found[0]


def short_name(place: Place) -> str:
    """株洲市 -> 株洲: the shortest of a place's names, for building compound names."""
    return min((place.name, *place.aliases), key=len)
