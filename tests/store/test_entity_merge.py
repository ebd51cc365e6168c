"""A reviewer's merge of two entities survives re-importing the document."""

from __future__ import annotations

import pytest

from viewer.model import AnalyzedDocument, Document, Entity, Mention, Paragraph, Sentence
from viewer.store import open_store
from viewer.store.documents import save_document
from viewer.store.entities import document_mentions, entities, entity_id, merge_entities

TEXT = "株洲所与中车株洲所合作，长江大学参与。"


def analysed(sha: str, names: list[tuple[int, int, str, str]]) -> AnalyzedDocument:
    mentions = [Mention(s, e, TEXT[s:e], t, n) for s, e, n, t in names]
    return AnalyzedDocument(
        document=Document(path="/r/a.txt", sha256=sha, text=TEXT, title="甲"),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None],
        sentences=[Sentence(0, 0, len(TEXT), 0)],
        mentions=mentions, entities=[Entity(m.canonical, m.type) for m in mentions],
    )


MENTIONS = [(0, 3, "株洲所", "org"), (4, 9, "中车株洲所", "org"), (12, 16, "长江大学", "org")]


def test_merge_moves_mentions_and_survives_a_reimport() -> None:
    db = open_store(":memory:")
    save_document(db, analysed("v1", MENTIONS))
    alias, canonical = entity_id(db, "株洲所", "org"), entity_id(db, "中车株洲所", "org")
    assert alias is not None and canonical is not None
    merge_entities(db, alias, canonical)
    save_document(db, analysed("v2", MENTIONS))  # the file changed and was imported again
    names = {m.canonical for m in document_mentions(db, 1)}
    assert names == {"中车株洲所", "长江大学"}
    merged = next(e for e in entities(db) if e.name == "中车株洲所")
    assert merged.mentions == 2 and "株洲所" in merged.aliases
    assert entity_id(db, "株洲所", "org") is None


def test_chained_merges_resolve_to_the_last_name() -> None:
    db = open_store(":memory:")
    save_document(db, analysed("v1", MENTIONS))
    merge_entities(db, entity_id(db, "株洲所", "org") or 0, entity_id(db, "中车株洲所", "org") or 0)
    merge_entities(db, entity_id(db, "中车株洲所", "org") or 0, entity_id(db, "长江大学", "org") or 0)
    save_document(db, analysed("v2", MENTIONS))
    assert {m.canonical for m in document_mentions(db, 1)} == {"长江大学"}


def test_merging_across_types_is_refused() -> None:
    db = open_store(":memory:")
    save_document(db, analysed("v1", [(0, 3, "株洲所", "org"), (12, 16, "长江大学", "place")]))
    with pytest.raises(ValueError, match="cannot merge"):
        merge_entities(db, entity_id(db, "株洲所", "org") or 0, entity_id(db, "长江大学", "place") or 0)
