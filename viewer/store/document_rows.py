"""The rows a document's write stores, built from its analysis before the write transaction
begins: with several import workers, one holds the store's write lock while the others analyse,
so the lock is held only for the inserts (viewer.store.documents.save_document)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from viewer.model import AnalyzedDocument, Entity, Figure, Mention
from viewer.store.search import document_tokens
from viewer.store.span_text import spans_text

FIGURE_COLUMNS = (
    "doc_id, span_start, span_end, text, value, value_high, unit, unit_text, kind, qualifier, year, period, "
    "period_start, period_end, indicator, region, role, sentence_start, sentence_end, confidence, provisional, "
    "indicator_how, region_how, period_how, modality, source, excluded"
)
EntityKey = tuple[str, str]  # (name, type)


@dataclass(frozen=True)
class MentionGroup:
    """The mentions of one (canonical name, type), in the order of the first of them."""

    spans: list[tuple[int, int]]
    entity: Entity | None  # what the analysis found of it (aliases, code)
    text: str  # spans_text(spans)


@dataclass(frozen=True)
class DocumentRows:
    """Each table's rows without the document id (known once the document row is written)."""

    grams: str  # the character index's tokens (viewer.store.search.document_tokens)
    paragraphs: list[tuple[int, int, int, int | None]]  # idx, span_start, span_end, text_hash
    sentences: list[tuple[int, int, int, int]]  # idx, paragraph_idx, span_start, span_end
    figures: list[tuple[Any, ...]]  # FIGURE_COLUMNS after doc_id
    mentions: dict[EntityKey, MentionGroup]  # by (canonical, type), in the order of first mention


def document_rows(analysed: AnalyzedDocument) -> DocumentRows:
    text = analysed.document.text
    sentences = analysed.sentences
    return DocumentRows(
        grams=" ".join(document_tokens(text, [(s.start, s.end) for s in sentences])),
        paragraphs=[(p.index, p.start, p.end, h)
                    for p, h in zip(analysed.paragraphs, analysed.paragraph_hashes, strict=True)],
        sentences=[(s.index, s.paragraph, s.start, s.end) for s in sentences],
        figures=figure_rows(analysed.figures),
        mentions=mention_groups(analysed.mentions, analysed.entities),
    )


def figure_rows(figures: list[Figure]) -> list[tuple[Any, ...]]:
    return [
        (f.start, f.end, f.text, f.value, f.value_high, f.unit, f.unit_text, f.kind,
         f.qualifier, f.year, f.period, f.period_start, f.period_end, f.indicator, f.region,
         f.role, f.sentence_start, f.sentence_end, f.confidence, int(f.provisional), f.indicator_how,
         f.region_how, f.period_how, f.modality, f.source, int(f.excluded))
        for f in figures
    ]


def mention_groups(mentions: list[Mention], entities: list[Entity]) -> dict[EntityKey, MentionGroup]:
    known = {(e.name, e.type): e for e in entities}
    spans: dict[EntityKey, list[tuple[int, int]]] = {}
    for mention in mentions:
        spans.setdefault((mention.canonical, mention.type), []).append((mention.start, mention.end))
    return {key: MentionGroup(found, known.get(key), spans_text(found)) for key, found in spans.items()}


def merged_groups(groups: dict[EntityKey, MentionGroup],
                  merges: dict[EntityKey, str]) -> dict[EntityKey, MentionGroup]:
    """The groups under the names a reviewer merged them into (`merges`: (name, type) -> name):
    groups merged into one name join their spans and keep the entity of the first mentioned."""
    if not merges or not any(key in merges for key in groups):
        return groups
    joined: dict[EntityKey, tuple[list[tuple[int, int]], Entity | None]] = {}
    for (name, type_), group in groups.items():
        key = (merges.get((name, type_), name), type_)
        if key in joined:
            joined[key][0].extend(group.spans)
        else:
            joined[key] = (list(group.spans), group.entity)
    return {key: MentionGroup(spans, entity, spans_text(spans)) for key, (spans, entity) in joined.items()}
