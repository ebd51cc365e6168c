"""Government and party bodies: 株洲市科技局, 市科技局, 区科技局, 省政协, 市委科创委, 高新区管委会.

A body is named after a place (株洲市科技局, 芦淞区科技局) or after a level word that stands for
the document's own place (市科技局, 省科技厅, 自治区科技厅, 区科技局). Abbreviations and scopes
come from resources/entities/departments.tsv. A district's government body carries its city in
its official name (宁波市镇海区科学技术局), since district names repeat across cities. A 区/县
body without a place resolves to the document's county, else to the one county whose bodies the
document names in full; when neither is known it is not reported. (Party bodies of a district
keep the short form in use, 中共芦淞区委宣传部.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate, Region
from viewer.text.entity_lexicon import departments
from viewer.text.entity_places import PlaceHit
from viewer.text.entity_words import opens_clause
from viewer.text.places import Place, place_table
from viewer.text.start_scan import matches, start_scan
from viewer.text.word_matcher import compiled_trie

# City departments named without 市 in running text (发改委、市统计局).
BARE_DEPARTMENTS = ("发改委", "卫健委", "人社局", "工信局")
# Scopes of departments.tsv: where a body exists and how its full name is built.
PARTY, CPPCC, LOCAL, PROVINCIAL = "party", "cppcc", "local", "provincial"
# Organs of a people's congress or a CPPCC committee: 省政协教科文卫体委员会.
ORGAN_PARENTS = ("政协", "人大常委会", "人大")
ORGAN = re.compile(f"[{CJK}]{{2,10}}?(?:委员会|工作委员会|工委)")
# The administrative committee of a development zone: 株洲高新区管委会.
COMMITTEE = re.compile("管委会|管理委员会")
ZONE_ENDINGS = ("开发区", "园区", "新区", "示范区", "试验区", "自贸区", "合作区", "集中区")
# A county-level name the place table does not list, after its city: 宁波市|镇海区|科技局.
UNLISTED_COUNTY = re.compile(f"[{CJK}]{{1,3}}[区县旗]")
NOT_COUNTY_START = frozenset("各全本该每两三四五诸城郊市省辖")


@dataclass(frozen=True)
class County:
    """A county-level place, listed or not: its name and its city."""

    name: str
    city: Place | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    depts = compiled_trie(departments())
    assert depts is not None
    dept_tail = re.compile(f"(?P<dept>{depts.pattern})")
    openers = "".join(sorted({"自", "市", "省", "区", "县"} | {bare[0] for bare in BARE_DEPARTMENTS}))
    relative = re.compile(
        f"(?:(?P<level>自治区|[市省区县])(?P<dept>{depts.pattern})|(?P<bare>{'|'.join(BARE_DEPARTMENTS)}))"
    )
    return dept_tail, relative, start_scan(openers, relative)


def department_name(anchor: Place | County, abbreviation: str) -> str | None:
    """The official name of a body of `anchor`: 株洲市科学技术局, 中共株洲市委员会."""
    full, scope = departments()[abbreviation]
    level = anchor.level if isinstance(anchor, Place) else "county"
    if level == "zone":
        return None
    provincial = level == "province"
    if (scope == LOCAL and provincial) or (scope == PROVINCIAL and not provincial):
        return None  # 厅 are provincial; 科学技术局 and its kin belong to cities and counties
    if scope == PARTY:
        return "中共" + anchor.name + full
    if scope == CPPCC:
        return "中国人民政治协商会议" + anchor.name + full
    return _with_city(anchor) + full


def _with_city(anchor: Place | County) -> str:
    """宁波市镇海区 for a district (district names repeat across cities), else the name itself."""
    city = anchor.city if isinstance(anchor, County) else _city_of_district(anchor)
    if city is not None and anchor.name.endswith("区") and not anchor.name.startswith(city.name):
        return city.name + anchor.name
    return anchor.name


def _city_of_district(place: Place) -> Place | None:
    if place.level != "county":
        return None
    city = place_table().city_of(place)
    return city if city is not None and city != place else None


def _organ(text: str, dept: re.Match[str], anchor: Place | County, start: int) -> Candidate | None:
    """An organ after its congress or CPPCC committee: (省)政协|教科文卫体委员会."""
    if dept.group("dept") not in ORGAN_PARENTS:
        return None
    match = ORGAN.match(text, dept.end())
    if match is None or any(char in NAME_BREAKERS for char in match.group()):
        return None
    name = anchor.name + text[dept.start("dept") : match.end()]
    return Candidate(start, match.end(), EntityType.ORG, name, rank=3)


def _counties(text: str, hits: list[PlaceHit]) -> Iterator[tuple[PlaceHit, County, int]]:
    """County-level places right after their city, listed (镇海区) or not, with where they end."""
    dept_tail = _patterns()[0]
    for hit in hits:
        if hit.place.level == "county":
            yield hit, County(hit.place.name, _city_of_district(hit.place)), hit.end
        elif hit.place.level == "city":
            match = UNLISTED_COUNTY.match(text, hit.end)
            if match is not None and match.group()[0] not in NOT_COUNTY_START and dept_tail.match(text, match.end()):
                yield hit, County(match.group(), hit.place), match.end()


def find_departments(text: str, hits: list[PlaceHit], region: Region) -> Iterator[Candidate]:
    """Bodies after a place name, then bodies of the document's own place (市科技局)."""
    named_counties: dict[str, County] = {}
    for candidate, county in _anchored(text, hits):
        yield candidate
        if county is not None and (region.city is None or county.city == region.city):
            named_counties[county.name] = county
    county = _document_county(region, named_counties)
    yield from _relative(text, region, county)


def _anchored(text: str, hits: list[PlaceHit]) -> Iterator[tuple[Candidate, County | None]]:
    dept_tail = _patterns()[0]
    counties = {(hit.start, end): county for hit, county, end in _counties(text, hits)}
    anchors: list[tuple[int, int, Place | County]] = [(hit.start, hit.end, hit.place) for hit in hits]
    anchors += [(start, end, county) for (start, end), county in counties.items()]
    for start, end, anchor in anchors:
        if isinstance(anchor, Place) and anchor.level == "county":
            anchor = counties.get((start, end), anchor)
        opening = start - 2 if text[max(0, start - 2) : start] == "中共" else start
        dept = dept_tail.match(text, end)
        if dept is None:
            continue
        name = department_name(anchor, dept.group("dept"))
        if name is None:
            continue
        county = anchor if isinstance(anchor, County) else None
        organ = _organ(text, dept, anchor, start)
        if organ is not None:
            yield organ, county
        yield Candidate(opening, dept.end(), EntityType.ORG, name, rank=3), county


def _document_county(region: Region, named: dict[str, County]) -> County | None:
    if region.county is not None:
        return County(region.county.name, region.city)
    return next(iter(named.values())) if len(named) == 1 else None


def _relative(text: str, region: Region, county: County | None) -> Iterator[Candidate]:
    _, relative, starts = _patterns()
    for match in matches(relative, starts, text):
        before = text[match.start() - 1] if match.start() > 0 else ""
        if match.group("bare"):
            if "\u4e00" <= before <= "\u9fff" or region.city is None:
                continue
            name = department_name(region.city, match.group("bare"))
            if name is not None:
                yield Candidate(match.start(), match.end(), EntityType.ORG, name, rank=3)
            continue
        level, dept = match.group("level"), match.group("dept")
        anchor: Place | County | None
        if level in ("区", "县"):
            if county is None or not county.name.endswith(level) or not opens_clause(text, match.start()):
                continue
            anchor = county
        elif level == "自治区":
            anchor = region.province if region.province and region.province.name.endswith(level) else None
        else:
            anchor = region.province if level == "省" else region.city
        name = department_name(anchor, dept) if anchor else None
        if anchor is None or name is None:
            continue
        organ = _organ(text, match, anchor, match.start())
        if organ is not None:
            yield organ
        yield Candidate(match.start(), match.end(), EntityType.ORG, name, rank=3)


def zone_committees(text: str, places: list[Candidate]) -> Iterator[Candidate]:
    """株洲高新区管委会 -> 株洲高新技术产业开发区管理委员会: a zone's administrative committee."""
    if "管委会" not in text and "管理委员会" not in text:
        return
    table = place_table()
    for place in places:
        listed = table.lookup(place.canonical)
        is_zone = (listed is not None and listed.level == "zone") or place.canonical.endswith(ZONE_ENDINGS)
        match = COMMITTEE.match(text, place.end) if is_zone else None
        if match is not None:
            yield Candidate(place.start, match.end(), EntityType.ORG, place.canonical + "管理委员会", rank=3)
