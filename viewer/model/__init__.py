"""Plain dataclasses that cross the layers. No behaviour beyond trivial helpers."""
from viewer.model.entities import EntityType

from viewer.model.documents import Document, ImportOutcome, Paragraph, SearchHit, Sentence
from viewer.model.entities import Entity, Mention
from viewer.model.figures import Figure, FigureKind, Point, Qualifier, Role, Series

__all__ = [
    "Document",
    "Entity",
    "EntityType",
    "Figure",
    "FigureKind",
    "ImportOutcome",
    "Mention",
    "Paragraph",
    "Point",
    "Qualifier",
    "Role",
    "SearchHit",
    "Sentence",
    "Series",
]
