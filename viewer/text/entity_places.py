"""Place-anchored recognisers: divisions and development zones (株洲高新区, 市高新区).

The place gazetteer is scanned once; zones (and, in entity_departments, government bodies) are
then tried right after each place name, so their cost grows with the number of place names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import EntityType
from viewer.text.entity_common import Candidate, Region, resolve_place, short_name
from viewer.text.places import Place, PlaceTable, place_surfaces, place_table
from viewer.text.word_matcher import WordMatcher, compiled_trie

ZONE_SUFFIXES = {
    "高新技术产业开发区": "高新技术产业开发区",
    "高新技术产业园区": "高新技术产业园区",
    "经济技术开发区": "经济技术开发区",
    "经济开发区": "经济开发区",
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
    "工业集中区": "工业集中区",
    "工业园区": "工业园区",
    "开发区": "开发区",
    "自贸区": "自贸区",
    "新区": "新区",
}
LEVEL_WORDS = "(?:国家级|国家|省级)?"
# A place name whose first character closes a common word with the one before it: 出台北非.
BLOCKED_BIGRAMS = frozenset({"出台", "平台", "舞台", "后台", "前台", "电台", "讲台", "柜台", "一台", "同台"})


@dataclass(slots=True)  # not frozen: a frozen dataclass costs twice as much to make
class PlaceHit:
    start: int
    end: int
    place: Place


def _matchers() -> tuple[WordMatcher, re.Pattern[str], re.Pattern[str]]:
    return _matchers_of(place_table())


@lru_cache(maxsize=2)
def _matchers_of(table: PlaceTable) -> tuple[WordMatcher, re.Pattern[str], re.Pattern[str]]:
    """The gazetteer's names (those of `table`, the gazetteer in use) and the zone patterns."""
    zones = compiled_trie(ZONE_SUFFIXES)
    assert zones is not None
    zone_tail = re.compile(f"(?:市|县)?{LEVEL_WORDS}(?P<suffix>{zones.pattern})")
    relative = re.compile(f"(?P<level>[市省]){LEVEL_WORDS}(?P<zone>高新区|经开区)")
    return WordMatcher(place_surfaces()), zone_tail, relative


def place_hits(text: str, region: Region) -> list[PlaceHit]:
    matcher = _matchers()[0]
    hits = []
    for start, end in matcher.finditer(text):
        place = resolve_place(text[start:end], region)
        if place is not None and not (start > 0 and text[start - 1 : start + 1] in BLOCKED_BIGRAMS):
            hits.append(PlaceHit(start, end, place))
    return hits


def find_places(hits: list[PlaceHit]) -> Iterator[Candidate]:
    for hit in hits:
        yield Candidate(hit.start, hit.end, EntityType.PLACE, hit.place.name, rank=2)


def zone_name(anchor: Place, surface: str, suffix: str) -> str:
    """The canonical name of a zone: the listed one if any, else short name + full suffix."""
    table = place_table()
    for name in (surface, short_name(anchor) + suffix, short_name(anchor) + ZONE_SUFFIXES[suffix]):
        listed = table.lookup(name)
        if listed is not None and listed.level == "zone":
            return listed.name
    return short_name(anchor) + ZONE_SUFFIXES[suffix]


def find_anchored(text: str, hits: list[PlaceHit]) -> Iterator[Candidate]:
    """Zones right after a place name: 株洲高新区, 攸县高新区."""
    zone_tail = _matchers()[1]
    for hit in hits:
        zone = zone_tail.match(text, hit.end)
        if zone is not None and hit.place.level not in ("zone", "province"):
            name = zone_name(hit.place, text[hit.start : zone.end()], zone.group("suffix"))
            yield Candidate(hit.start, zone.end(), EntityType.PLACE, name, rank=3)


def find_relative(text: str, region: Region) -> Iterator[Candidate]:
    """市高新区: the zone of the document's own city."""
    relative = _matchers()[2]
    if region.city is None:
        return
    for match in relative.finditer(text):
        before = text[match.start() - 1] if match.start() > 0 else ""
        if match.group("level") == "市" and before not in ("城", "都"):
            name = zone_name(region.city, "", match.group("zone"))
            yield Candidate(match.start(), match.end(), EntityType.PLACE, name, rank=3)
