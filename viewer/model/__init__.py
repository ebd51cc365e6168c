"""Plain dataclasses that cross the layers. No behaviour beyond trivial helpers."""

from viewer.model.analysis import AnalyzedDocument
from viewer.model.corrections import CORRECTABLE, Correction, CorrectionStatus, Source
from viewer.model.documents import Document, ImportOutcome, Paragraph, SearchHit, Sentence
from viewer.model.entities import Entity, EntityType, Mention
from viewer.model.figures import Figure, FigureKind, Modality, Point, Qualifier, Role, Series, weak_slots
from viewer.model.review import CheckKind, Evidence, Finding, Note, NoteStatus, Verdict
from viewer.model.search import DocumentHits, SearchTotals

__all__ = [
    "CORRECTABLE",
    "AnalyzedDocument",
    "CheckKind",
    "Correction",
    "CorrectionStatus",
    "Document",
    "DocumentHits",
    "Entity",
    "EntityType",
    "Evidence",
    "Figure",
    "FigureKind",
    "Finding",
    "ImportOutcome",
    "Mention",
    "Modality",
    "Note",
    "NoteStatus",
    "Paragraph",
    "Point",
    "Qualifier",
    "Role",
    "SearchHit",
    "SearchTotals",
    "Sentence",
    "Series",
    "Source",
    "Verdict",
    "weak_slots",
]
