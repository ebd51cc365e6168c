"""Search in the store, with hand-made index words (no jieba at this layer)."""

from __future__ import annotations

from viewer.model import AnalyzedDocument, Document, Paragraph, Sentence
from viewer.store import open_store
from viewer.store.documents import save_document
from viewer.store.search import QueryTerm, fts_expression, search

TEXT = "株洲市高新技术企业达到312家。益阳研发投入增长。株洲所研发新车。"
SPLITS = [(0, 16), (16, 25), (25, 33)]
WORDS = ["株洲 株洲市 高新 技术 企业 高新技术企业 达到 312 家", "益阳 研发 投入 增长", "株洲 株洲所 研发 新车"]


def store_with_text():
    db = open_store(":memory:")
    sentences = [Sentence(i, s, e, 0) for i, (s, e) in enumerate(SPLITS)]
    save_document(db, AnalyzedDocument(
        document=Document(path="/r/a.txt", sha256="x", text=TEXT, title="甲"),
        paragraphs=[Paragraph(0, 0, len(TEXT))], paragraph_hashes=[None], sentences=sentences,
        sentence_words=WORDS,
    ))
    return db


def test_word_query_finds_sentences_with_exact_spans() -> None:
    db = store_with_text()
    hits = search(db, [QueryTerm("研发", ("研发",))])
    assert {TEXT[h.sentence_start : h.sentence_end] for h in hits} == {"益阳研发投入增长。", "株洲所研发新车。"}
    for hit in hits:
        assert all(TEXT[s:e] == "研发" for s, e in hit.spans)


def test_candidates_are_checked_for_the_whole_term() -> None:
    db = store_with_text()
    hits = search(db, [QueryTerm("株洲市", ("株洲",))])
    assert [TEXT[s:e] for h in hits for s, e in h.spans] == ["株洲市"]


def test_all_terms_are_required() -> None:
    db = store_with_text()
    hits = search(db, [QueryTerm("株洲", ("株洲",)), QueryTerm("研发", ("研发",))])
    assert len(hits) == 1 and TEXT[hits[0].sentence_start : hits[0].sentence_end] == "株洲所研发新车。"


def test_terms_without_index_words_fall_back_to_a_substring_scan() -> None:
    db = store_with_text()
    hits = search(db, [QueryTerm("。益", ())])
    assert len(hits) == 0  # no sentence contains a sentence break
    hits = search(db, [QueryTerm("洲所", ())])
    assert [TEXT[s:e] for h in hits for s, e in h.spans] == ["洲所"]


def test_fts_expression_quotes_everything() -> None:
    assert fts_expression([QueryTerm('a"b', ('a"b',)), QueryTerm("AND", ("AND",))]) == '"a""b" AND "AND"'
    assert fts_expression([QueryTerm("*", ())]) is None


def test_replaced_document_leaves_no_stale_hits() -> None:
    db = store_with_text()
    save_document(db, AnalyzedDocument(
        document=Document(path="/r/a.txt", sha256="y", text="全新内容。", title="甲"),
        paragraphs=[Paragraph(0, 0, 5)], paragraph_hashes=[None], sentences=[Sentence(0, 0, 5, 0)],
        sentence_words=["全新 内容"],
    ))
    assert search(db, [QueryTerm("研发", ("研发",))]) == []
    assert len(search(db, [QueryTerm("全新", ("全新",))])) == 1
