"""Short forms of research institutes: 中科院宁波材料所 -> 中国科学院宁波材料技术与工程研究所.

A Chinese short form keeps characters of the full name in order and its first one (宁波材料所
keeps 宁,波,材,料 of 宁波材料技术与工程研究所). A short form after an academy's name resolves to
the one full name it abbreviates among the academy's institutes listed in resources/entities
(from the academy's public list) or named in full in the same document; if none or several fit,
the short form is kept as it is written, under the academy's full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from viewer.model import EntityType
from viewer.text.entity_common import CJK, NAME_BREAKERS, Candidate
from viewer.text.entity_lexicon import gazetteer

# Academies whose institutes are written 中国科学院X所; their short names come from orgs.tsv.
ACADEMIES = ("中国科学院", "中国农业科学院", "中国医学科学院", "中国林业科学研究院")
KINDS = {"所": "研究所", "院": "研究院"}
NOT_OPENING = ("院士", "所属", "所有", "所在", "院长", "院所")


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for academy in ACADEMIES:
        for surface in (academy, *gazetteer().aliases.get((academy, EntityType.ORG), [])):
            names[surface] = academy
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    pattern = re.compile(f"(?P<academy>{alternatives})(?P<short>[{CJK}]{{2,10}}?)(?P<kind>[所院])")
    return pattern, names


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` keeps the first character of `full` and others of it in order."""
    if not short or not full or short[0] != full[0]:
        return False
    position = 0
    for char in short:
        position = full.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


@lru_cache(maxsize=8)
def _institutes(academy: str) -> tuple[str, ...]:
    """The academy's institutes listed in the gazetteer."""
    return tuple(
        sorted(
            canonical
            for canonical, kind in gazetteer().aliases
            if kind == EntityType.ORG and canonical.startswith(academy) and canonical != academy
        )
    )


def resolve(academy: str, short: str, kind: str, named: Iterable[str] = ()) -> str:
    """The full name a short form stands for, if exactly one known name fits."""
    written = academy + short + kind
    if short.endswith(KINDS[kind][:-1]):
        return written  # already the full form: 中国科学院工业人工智能研究所
    suffix = KINDS[kind]
    fits = set()
    for full in (*_institutes(academy), *named):
        if full.startswith(academy) and full.endswith(suffix):
            middle = full[len(academy) : -len(suffix)]
            if middle == short:
                return full
            if abbreviates(short, middle):
                fits.add(full)
    return fits.pop() if len(fits) == 1 else written


def find_institutes(text: str) -> Iterator[Candidate]:
    """中国科学院宁波材料所, 中科院大连化物所: an academy, a short body, 所 or 院.

    Full names written in the same document (中国科学院X研究所) resolve its short forms too.
    """
    pattern, academies = _pattern()
    found = []
    for match in pattern.finditer(text):
        short = match.group("short")
        if not short.startswith(NOT_OPENING) and not any(char in NAME_BREAKERS for char in short):
            found.append((match, academies[match.group("academy")], short))
    named = [academy + short + match.group("kind") for match, academy, short in found if short.endswith("研究")]
    for match, academy, short in found:
        canonical = resolve(academy, short, match.group("kind"), named)
        yield Candidate(match.start(), match.end(), EntityType.ORG, canonical, rank=4)
