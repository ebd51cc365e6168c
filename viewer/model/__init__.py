"""Plain dataclasses that cross the layers. No behaviour beyond trivial helpers."""

from viewer.model.analysis import AnalyzedDocument
from viewer.model.documents import Document, ImportOutcome, Paragraph, SearchHit, Sentence
from viewer.model.entities import Entity, EntityType, Mention
from viewer.model.figures import Figure, FigureKind, Point, Qualifier, Role, Series

__all__ = [
    "AnalyzedDocument",
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
