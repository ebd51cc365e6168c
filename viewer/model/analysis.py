from __future__ import annotations

from dataclasses import dataclass, field

from viewer.model.documents import Document, Paragraph, Sentence
from viewer.model.entities import Entity, Mention
from viewer.model.figures import Figure


@dataclass
class AnalyzedDocument:
    """Everything text processing derives from one document, ready to be stored at once."""

    document: Document
    paragraphs: list[Paragraph]
    paragraph_hashes: list[int | None]  # None: too short to count as a repeat
    sentences: list[Sentence]
    figures: list[Figure] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # the entities `mentions` refer to
    analysis_version: int = 0  # viewer.text.analysis.ANALYSIS_VERSION of the analysis that made it (0: unknown)
