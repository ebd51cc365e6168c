"""Named entities in a report: places, organisations, people, policies, programmes, indicators.

Gazetteers (resources/entities, resources/places.tsv) and suffix/cue rules propose candidates;
the longest win, and a name a rule found once is then marked wherever else it occurs.
Regexes over tries scan the text; jieba's tags are read only for short windows (the words
before an organisation's suffix or a document kind, around a two-character alias), so this
stays well above the speed of segmentation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter

from viewer.model import EntityType, Mention
from viewer.text import (
    entity_abbrev,
    entity_awards,
    entity_departments,
    entity_documents,
    entity_orgs,
    entity_people,
    entity_places,
    entity_titles,
)
from viewer.text.entity_common import Candidate, Region
from viewer.text.entity_lexicon import gazetteer, stoplist
from viewer.text.entity_words import stands_alone
from viewer.text.indicators import load_lexicon
from viewer.text.places import place_table


@dataclass(frozen=True)
class EntityContext:
    region: str | None  # the document's city or county, e.g. "益阳市"


def find_mentions(text: str, context: EntityContext) -> list[Mention]:
    """Sorted, non-overlapping entity mentions; `text[m.start:m.end] == m.text` for each."""
    region = Region.of(context.region or _main_city(text))
    candidates = list(_candidates(text, region))
    chosen = _select(candidates)
    chosen = _with_repeats(chosen, list(_repeat(text, chosen)))
    return [Mention(c.start, c.end, text[c.start : c.end], c.type, c.canonical) for c in chosen]


def entity_code(canonical: str, type: str) -> str | None:
    """The official division code of a place (None for zones and other types)."""
    if type != EntityType.PLACE:
        return None
    place = place_table().lookup(canonical)
    if place is None or place.name != canonical or not place.code.isdigit():
        return None  # zones (Z…) and the samples' fictional places (X…) have no official code
    return place.code


def entity_aliases(canonical: str, type: str) -> list[str]:
    """Other names of an entity, from the gazetteers."""
    if type == EntityType.PLACE:
        place = place_table().lookup(canonical)
        return list(place.aliases) if place is not None and place.name == canonical else []
    return list(gazetteer().aliases.get((canonical, type), []))


def _candidates(text: str, region: Region) -> Iterator[Candidate]:
    stop = stoplist()
    listed_orgs = set()
    for start, end, entry in gazetteer().find(text, region.city_name):
        if end - start <= 2 and not stands_alone(text, start, end):
            continue  # a short alias made of the halves of two words: 万华|科威特 is not 华科
        yield Candidate(start, end, entry.type, entry.canonical, rank=5)
        if entry.type == EntityType.ORG and end - start >= 2:
            listed_orgs.add(text[start:end])
    hits = entity_places.place_hits(text, region)
    anchored = entity_orgs.find_anchored(text, hits)
    cores = listed_orgs | entity_orgs.cores(anchored)
    finders: list[Callable[[str], Iterable[Candidate]]] = [
        lambda _: entity_places.find_places(hits),
        lambda t: entity_places.find_anchored(t, hits),
        lambda t: entity_places.find_relative(t, region),
        lambda t: entity_departments.find_departments(t, hits, region),
        lambda t: entity_awards.find_awards(t, hits, region),
        lambda t: entity_documents.find_title_lines(t, hits),
        entity_documents.find_running,
        lambda _: (candidate for candidate, _ in anchored),
        entity_orgs.find_free,
        entity_abbrev.find_institutes,
        lambda t: entity_orgs.find_named(t, cores),
        entity_titles.find_titles,
        entity_titles.find_quoted,
        entity_titles.find_numbered,
        entity_titles.find_actions,
        entity_people.find_people,
    ]
    places: list[Candidate] = []
    for finder in finders:
        for candidate in finder(text):
            if (candidate.canonical, candidate.type) not in stop:
                yield candidate
                if candidate.type == EntityType.PLACE:
                    places.append(candidate)
    yield from entity_departments.zone_committees(text, places)
    for start, end, canonical in load_lexicon().find(text):
        yield Candidate(start, end, EntityType.INDICATOR, canonical, rank=0)


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first (then higher rank, then earlier); drop whatever overlaps a chosen span."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, -c.rank, c.start))
    taken = bytearray(max(map(attrgetter("end"), candidates), default=0))
    chosen: list[Candidate] = []
    for candidate in ordered:
        start, end = candidate.start, candidate.end
        # A chosen span is no shorter than this one: if it overlaps, it covers the first or last character.
        if end > start and not taken[start] and not taken[end - 1]:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(candidate)
    chosen.sort(key=attrgetter("start"))
    return chosen


def _with_repeats(chosen: list[Candidate], repeats: list[Candidate]) -> list[Candidate]:
    """_select(chosen + repeats) for chosen candidates and repeats that each overlap none of their own
    kind: only the repeats and the chosen candidates they overlap are selected again (most repeats
    are the chosen mention itself, which changes nothing)."""
    starts = [c.start for c in chosen]
    involved: set[int] = set()
    extra: list[Candidate] = []
    for repeat in repeats:
        last = bisect_right(starts, repeat.start) - 1  # the last chosen one starting at or before it
        first = last if last >= 0 and chosen[last].end > repeat.start else last + 1
        stop = bisect_left(starts, repeat.end, first)
        if stop == first + 1 and chosen[first] == repeat:
            continue  # the chosen candidate itself: it comes first in the selection's order and wins
        involved.update(range(first, stop))
        extra.append(repeat)
    if not extra:
        return chosen
    kept = [c for index, c in enumerate(chosen) if index not in involved]
    picked = _select([chosen[index] for index in sorted(involved)] + extra)
    return sorted(kept + picked, key=attrgetter("start"))


def _repeat(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Other occurrences of people and organisations that a rule recognised once."""
    names = {
        text[c.start : c.end]: c
        for c in chosen
        if c.type in (EntityType.PERSON, EntityType.ORG) and c.rank < 5 and c.end - c.start >= 2
    }
    hits = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            hits.append((at, -len(name), name))
            at = text.find(name, at + 1)
    hits.sort()
    end = 0
    for start, minus_length, name in hits:  # leftmost, then longest; never overlapping
        if start >= end:
            end = start - minus_length
            found = names[name]
            yield Candidate(start, end, found.type, found.canonical, rank=found.rank)


def _main_city(text: str) -> str | None:
    """The city named most often, for documents whose region the caller does not know."""
    table = place_table()
    counts: Counter[str] = Counter()
    for hit in entity_places.place_hits(text, Region(None, None)):
        city = table.city_of(hit.place)
        if city is not None:
            counts[city.name] += 1
    return counts.most_common(1)[0][0] if counts else None
