from __future__ import annotations

from dataclasses import dataclass, field


class EntityType:
    PLACE = "place"
    ORG = "org"
    PERSON = "person"
    POLICY = "policy"
    PROGRAMME = "programme"
    INDICATOR = "indicator"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    canonical: str  # the entity's canonical name


@dataclass
class Entity:
    name: str
    type: str
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    id: int | None = None
    mentions: int = 0
    documents: int = 0
