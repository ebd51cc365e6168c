"""Search in the store, with hand-made index words (no jieba at this layer). Every test runs on a
store whose character index holds the document and on one where it is still pending."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlite_utils

from viewer.model import AnalyzedDocument, Document, Paragraph, Sentence
from viewer.store import open_store
from viewer.store.documents import save_document
from viewer.store.search import QueryTerm, search

TEXT = "株洲市高新技术企业达到312家。益阳研发投入增长。株洲所研发新车。"
SPLITS = [(0, 16), (16, 25), (25, 33)]


Save = Callable[[sqlite_utils.Database, AnalyzedDocument], int]


def save_pending(db: sqlite_utils.Database, analysed: AnalyzedDocument) -> int:
    """Save a document as if stored before schema 9: its characters are not indexed."""
    doc_id = save_document(db, analysed)
    with db.atomic():
        db.execute("DELETE FROM document_chars_pending WHERE doc_id = ?", [doc_id])
        db.execute("INSERT INTO document_chars_pending (doc_id) VALUES (?)", [doc_id])
    return doc_id


@pytest.fixture(params=["indexed", "pending"])
def save(request: pytest.FixtureRequest) -> Save:
    """Save a document as the writer does (characters indexed), or leave its characters pending."""
    return save_document if request.param == "indexed" else save_pending


def store_with_text(save: Save) -> sqlite_utils.Database:
    db = open_store(":memory:")
    sentences = [Sentence(i, s, e, 0) for i, (s, e) in enumerate(SPLITS)]
    save(db, AnalyzedDocument(
        document=Document(path="/r/a.txt", sha256="x", text=TEXT, title="甲"),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None], sentences=sentences,
    ))
    return db


def test_word_query_finds_sentences_with_exact_spans(save: Save) -> None:
    db = store_with_text(save)
    hits = search(db, [QueryTerm("研发")])
    assert {TEXT[h.sentence_start : h.sentence_end] for h in hits} == {"益阳研发投入增长。", "株洲所研发新车。"}
    for hit in hits:
        assert all(TEXT[s:e] == "研发" for s, e in hit.spans)


def test_candidates_are_checked_for_the_whole_term(save: Save) -> None:
    db = store_with_text(save)
    hits = search(db, [QueryTerm("株洲市")])
    assert [TEXT[s:e] for h in hits for s, e in h.spans] == ["株洲市"]


def test_all_terms_are_required(save: Save) -> None:
    db = store_with_text(save)
    hits = search(db, [QueryTerm("株洲"), QueryTerm("研发")])
    assert len(hits) == 1 and TEXT[hits[0].sentence_start : hits[0].sentence_end] == "株洲所研发新车。"


def test_text_inside_and_across_words_is_found(save: Save) -> None:
    db = store_with_text(save)
    hits = search(db, [QueryTerm("。益")])
    assert len(hits) == 0  # no sentence contains a sentence break
    hits = search(db, [QueryTerm("洲所")])
    assert [TEXT[s:e] for h in hits for s, e in h.spans] == ["洲所"]


def test_replaced_document_leaves_no_stale_hits(save: Save) -> None:
    db = store_with_text(save)
    save(db, AnalyzedDocument(
        document=Document(path="/r/a.txt", sha256="y", text="全新内容。", title="甲"),
        paragraphs=[Paragraph(0, 0, 5)], paragraph_hashes=[None], sentences=[Sentence(0, 0, 5, 0)],
    ))
    assert search(db, [QueryTerm("研发")]) == []
    assert len(search(db, [QueryTerm("全新")])) == 1


def test_pending_and_indexed_documents_are_both_searched(save: Save) -> None:
    db = store_with_text(save)
    pending = db.execute("SELECT doc_id FROM document_chars_pending").fetchall()
    assert len(pending) == (1 if save is save_pending else 0)
    assert [TEXT[s:e] for h in search(db, [QueryTerm("所研")]) for s, e in h.spans] == ["所研"]
    assert search(db, [QueryTerm("研所")]) == []
