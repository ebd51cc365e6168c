"""Which region a figure is about: a county named earlier in its sentence, else the document's."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from viewer.text.places import place_table, trie_pattern


class CountyMentions:
    """Mentions of the counties of a document's city (of every county when the city is unknown)."""

    def __init__(self, text: str, region: str | None) -> None:
        pattern, names = _county_pattern(region)
        found = [] if pattern is None else [(m.start(), names[m.group()]) for m in pattern.finditer(text)]
        self._starts = [start for start, _ in found]
        self._names = [name for _, name in found]

    def only_county(self, start: int, end: int) -> str | None:
        """The county named in text[start:end], when exactly one county is named there."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end - 1)
        if lo == hi:
            return None
        first = self._names[lo]
        return first if all(name == first for name in self._names[lo + 1 : hi]) else None


@lru_cache(maxsize=64)
def _county_pattern(region: str | None) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern of the names and aliases of the counties in `region`, and the name each means."""
    table = place_table()
    city = table.lookup(region) if region else None
    names: dict[str, str] = {}
    for place in table.places:
        if place.level != "county" or (city is not None and table.city_of(place) != city):
            continue
        for surface in (place.name, *place.aliases):
            if table.lookup(surface) is place or surface == place.name:
                names.setdefault(surface, place.name)
    if not names:
        return None, names
    return re.compile(trie_pattern(names)), names
