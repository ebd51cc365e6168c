"""The character index (migration 9): which characters, pairs and digit triples each document holds.

It only narrows which documents the substring scan reads, so the search must find exactly what a
plain substring count finds, whether a document is indexed, still pending, or was replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import AnalyzedDocument, Document, Paragraph, Sentence
from viewer.store import connection
from viewer.store.connection import open_store
from viewer.store.documents import delete_document, save_document
from viewer.store.search import (
    QueryTerm,
    document_tokens,
    index_pending_document_chars,
    query_tokens,
    rebuild_document_chars,
    search,
)

# Invented texts (not from the corpus). 市科 runs across the words 株洲市|科技局.
TEXTS = [
    "株洲市科技局发布通知。全市研发投入增长12.5%。",
    "益阳市科学技术协会召开会议。研发平台达到38家。",
    "荆州新建实验室。Ab测试与AB测试不同。",
]
ALPHABET = "市科技局研发株洲。Aa12. \n\x00\u0301𠀀"


def analysed(path: str, text: str) -> AnalyzedDocument:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^。]*。|[^。]+\Z", text)]
    return AnalyzedDocument(
        document=Document(path=path, sha256=str(hash(text)), text=text, title=path),
        paragraphs=[Paragraph(0, 0, len(text))], paragraph_hashes=[None],
        sentences=[Sentence(i, s, e, 0) for i, (s, e) in enumerate(spans)],
    )


def save(db: sqlite_utils.Database, path: str, text: str, *, index: bool = True) -> int:
    document = analysed(path, text)
    doc_id = save_document(db, document)  # indexes the document's characters
    if not index:  # as if stored before schema 9
        with db.atomic():
            db.execute("INSERT OR IGNORE INTO document_chars_pending (doc_id) VALUES (?)", [doc_id])
    return doc_id


def test_saving_a_document_indexes_its_characters() -> None:
    db = open_store(":memory:")
    doc_id = save(db, "/a", "株洲市科技局。")
    assert db.execute("SELECT count(*) FROM document_chars_pending").fetchone()[0] == 0
    assert doc_id in matched(db, '"' + query_tokens("市科")[0] + '"')


def sentences(text: str) -> list[str]:
    return re.findall(r"[^。]*。|[^。]+\Z", text)


def found(db: sqlite_utils.Database, *terms: str) -> list[tuple[int, int, int]]:
    return [(h.doc_id, s, e) for h in search(db, [QueryTerm(t) for t in terms], limit=10_000) for s, e in h.spans]


def matched(db: sqlite_utils.Database, grams: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT rowid FROM document_chars WHERE document_chars MATCH ?", [grams])}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30), st.data())
def test_a_document_holds_every_token_of_each_substring_of_its_sentences(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    spans = list(pairwise(bounds))
    tokens = document_tokens(text, spans)
    sentence_start, sentence_end = data.draw(st.sampled_from(spans))
    start = data.draw(st.integers(sentence_start, sentence_end))
    end = data.draw(st.integers(start, sentence_end))
    if end > start:
        assert set(query_tokens(text[start:end])) <= tokens


def test_tokens_are_exact_code_points() -> None:
    assert query_tokens("A") == ["u41"] and query_tokens("a") == ["u61"]  # no case folding
    assert query_tokens("市科") == ["u5e02u79d1"] and query_tokens("市科技") == ["u5e02u79d1", "u79d1u6280"]
    assert query_tokens("4.9亿") == ["u34u2e", "u2eu39", "u39u4ebf", "u34u2eu39", "u2eu39u4ebf"]
    assert document_tokens("。。", [(0, 2)]) == {"u3002", "u3002u3002"}  # punctuation counts
    assert document_tokens("市科技", [(0, 3)]) == {"u5e02", "u79d1", "u6280", "u5e02u79d1", "u79d1u6280"}
    assert "u31u32u33" in document_tokens("共123家", [(0, 5)]) and "u32u33u5bb6" in document_tokens("共123家", [(0, 5)])
    assert "u3002u56f4" not in document_tokens("株洲。围", [(0, 3), (3, 4)])  # 。围 crosses sentences
    assert document_tokens("。围", []) == set()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=4, max_size=4),
    st.text(alphabet=ALPHABET, min_size=1, max_size=3),
)
def test_scan_finds_what_a_substring_count_finds(texts: list[str], indexed: list[bool], term: str) -> None:
    db = open_store(":memory:")
    for i, text in enumerate(texts):
        save(db, f"/d{i}", text, index=indexed[i])
    expected = sum(s.count(term) for text in texts for s in sentences(text))
    hits = found(db, term)
    assert len(hits) == expected
    assert [d for d, _s, _e in hits] == sorted(d for d, _s, _e in hits)  # import order


def test_invented_texts_cross_boundaries_and_absent_terms() -> None:
    db = open_store(":memory:")
    for i, text in enumerate(TEXTS):
        save(db, f"/t{i}", text)
    assert len(found(db, "市科")) == 2
    for term in ("市科", "科技局", "研发", "Ab", "AB", "ab", "。", "2.5%", "澜坪", "量子测量", "发研", "荆"):
        expected = sum(s.count(term) for text in TEXTS for s in sentences(text))
        assert len(found(db, term)) == expected, term
    assert found(db, "研发", "增长") == [(1, 13, 15), (1, 17, 19)]  # one sentence, both terms
    assert found(db, "研发", "澜坪") == []


def test_replaced_document_keeps_stale_postings_that_find_nothing() -> None:
    db = open_store(":memory:")
    doc_id = save(db, "/a", "研发投入增长。")
    assert save(db, "/a", "全新内容。") == doc_id  # same id, indexed again
    assert doc_id in matched(db, '"' + query_tokens("研发")[0] + '"')  # the old posting is still there
    assert found(db, "研发") == [] and found(db, "研") == []
    assert found(db, "新内") == [(doc_id, 1, 3)]
    rebuild_document_chars(db)
    assert matched(db, '"' + query_tokens("研发")[0] + '"') == set()
    assert len(found(db, "全新")) == 1


def test_new_documents_are_pending_until_indexed() -> None:
    db = open_store(":memory:")
    doc_id = save(db, "/a", "株洲市科技局。", index=False)
    assert db.execute("SELECT doc_id FROM document_chars_pending").fetchall() == [(doc_id,)]
    assert len(found(db, "市科")) == 1  # pending documents are always read
    assert index_pending_document_chars(db) == 1
    assert db.execute("SELECT count(*) FROM document_chars_pending").fetchone()[0] == 0
    assert len(found(db, "市科")) == 1 and found(db, "科市") == []
    delete_document(db, doc_id)
    save(db, "/b", "荆州。", index=False)
    delete_document(db, db.execute("SELECT id FROM documents").fetchone()[0])
    assert db.execute("SELECT count(*) FROM document_chars_pending").fetchone()[0] == 0


def test_store_of_schema_8_is_upgraded_with_its_documents_pending(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    first_eight = connection.migration_files()[:8]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migration_files", lambda: first_eight)
        patch.setattr("viewer.store.documents.write_document_chars", lambda *_args: None)  # schema 8 had none
        old = open_store(path)
        # today's writer also writes columns of migrations 12 and 13: lend them, then take them back
        lent = [("documents", "analysis_version"), *(("figures", c) for c in (
            "provisional", "indicator_how", "region_how", "period_how", "modality", "source", "excluded"))]
        for table, column in lent:
            old.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
        for i, text in enumerate(TEXTS):
            save_document(old, analysed(f"/t{i}", text))
        for table, column in lent:
            old.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        old.conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
    assert db.execute("SELECT count(*) FROM document_chars_pending").fetchone()[0] == len(TEXTS)
    assert len(found(db, "市科")) == 2
    assert index_pending_document_chars(db, batch=2) == len(TEXTS)
    assert len(found(db, "市科")) == 2 and found(db, "澜坪") == []


def counting_texts_read(db: sqlite_utils.Database) -> Callable[..., int]:
    """Count the document texts a search tests with instr(), by overriding instr() on `db`."""
    calls = [0]

    def instr(text: str, term: str) -> int:
        calls[0] += 1
        return text.find(term) + 1

    db.conn.create_function("instr", 2, instr, deterministic=True)

    def texts_read(*terms: str) -> int:
        calls[0] = 0
        found(db, *terms)
        return calls[0]

    return texts_read


def test_the_scan_reads_only_documents_that_hold_every_pair() -> None:
    db = open_store(":memory:")
    for i in range(60):
        save(db, f"/d{i}", "研发投入与科技创新。" * 20 + f"编号{i}。", index=i % 2 == 0)
    texts_read = counting_texts_read(db)
    assert texts_read("量子测量") == 30  # the pending half only
    assert texts_read("号6。") == 1 + 30
    index_pending_document_chars(db)
    assert texts_read("量子测量") == 0
    assert texts_read("研发 量子") == 0
    assert texts_read("号6。") == 1  # 号6 is in one document only
    assert texts_read("新。编") == 0 and found(db, "新。编") == []  # 新。 and 编号 are two sentences
    assert found(db, "号6。") == [(7, 201, 204)]
    assert len(found(db, "科技创新")) == 60 * 20


@pytest.mark.parametrize("term", ['"', '""', "AND", "NEAR(", "*", "a OR b", "\x00", "研\x00发", "u7814", "\ud800", "-"])
def test_hostile_terms_never_raise(term: str) -> None:
    db = open_store(":memory:")
    save(db, "/a", "研发投入。AND NEAR(x) * u7814 a OR b -")
    expected = sum(s.count(term) for s in sentences("研发投入。AND NEAR(x) * u7814 a OR b -"))
    assert len(found(db, term)) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.data())
def test_document_tokens_are_the_characters_pairs_and_digit_triples_of_each_sentence(
        text: str, data: st.DataObject) -> None:
    """Any characters, astral ones included: the pair codes read from UTF-32 words decode right."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=3)))
    spans = list(pairwise([0, *cuts, len(text)]))
    joined = "\x00".join(text[s:e] for s, e in spans)
    name = {ch: f"u{ord(ch):x}" for ch in joined}
    expected = set(name.values()) | {name[a] + name[b] for a, b in pairwise(joined)}
    expected |= {"".join(name[c] for c in joined[i : i + 3]) for i in range(len(joined) - 2)
                 if re.search("[0-9]", joined[i : i + 3])}
    assert document_tokens(text, spans) == expected
