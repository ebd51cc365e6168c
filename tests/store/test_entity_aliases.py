"""What a document's analysis knows of an entity (aliases, code) adds to what the store knows."""

from __future__ import annotations

import json

from viewer.model import AnalyzedDocument, Document, Entity, Mention, Paragraph, Sentence
from viewer.store import open_store
from viewer.store.connection import Queryable
from viewer.store.documents import save_document

TEXT = "甲乙市发布通知。"


def analysed(path: str, entity: Entity) -> AnalyzedDocument:
    return AnalyzedDocument(
        document=Document(path=path, sha256=path, text=TEXT, title="甲"),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None],
        sentences=[Sentence(0, 0, len(TEXT), 0)],
        mentions=[Mention(0, 3, TEXT[0:3], entity.type, entity.name)], entities=[entity],
    )


def stored(db: Queryable) -> tuple[list[str], str | None]:
    row = db.execute("SELECT aliases, code FROM entities WHERE name = '甲乙市'").fetchone()
    return json.loads(row[0]), row[1]


def test_aliases_and_code_are_added_never_dropped() -> None:
    db = open_store(":memory:")
    save_document(db, analysed("/a.txt", Entity("甲乙市", "place", aliases=["甲乙"])))
    assert stored(db) == (["甲乙"], None)
    save_document(db, analysed("/b.txt", Entity("甲乙市", "place", aliases=["乙市"])))
    assert stored(db) == (["乙市", "甲乙"], None)
    save_document(db, analysed("/c.txt", Entity("甲乙市", "place")))  # knows nothing more
    assert stored(db) == (["乙市", "甲乙"], None)
    save_document(db, analysed("/d.txt", Entity("甲乙市", "place", code="999999")))  # a code, no aliases
    assert stored(db) == (["乙市", "甲乙"], "999999")
    save_document(db, analysed("/e.txt", Entity("甲乙市", "place", code="111111", aliases=["甲乙"])))
    assert stored(db) == (["乙市", "甲乙"], "999999")  # the first code stays
