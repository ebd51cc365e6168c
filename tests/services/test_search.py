"""Corpus search through the services: two-character words, 株洲 finding 株洲市, hostile input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.services.library import Library
from viewer.store.connection import open_store
from viewer.store.search import index_pending_document_chars


@pytest.fixture(scope="module")
def library(corpus_store: Path) -> Library:
    return Library(corpus_store)


@pytest.fixture(scope="module")
def indexed_library(corpus_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A copy of the corpus store whose character index holds every document."""
    copy = tmp_path_factory.mktemp("indexed") / "corpus.db"
    source, target = sqlite3.connect(corpus_store), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    db = open_store(copy)
    index_pending_document_chars(db)
    assert db.execute("SELECT count(*) FROM document_chars_pending").fetchone()[0] == 0
    db.conn.close()
    return Library(copy)


def hit_texts(library: Library, query: str) -> list[str]:
    texts = []
    for hit in library.search(query, limit=200):
        text = library.document(hit.doc_id).text
        texts.extend(text[s:e] for s, e in hit.spans)
    return texts


@pytest.mark.parametrize("word", ["株洲", "研发", "益阳", "荆州", "专利"])
def test_two_character_words_are_found_with_exact_spans(library: Library, word: str) -> None:
    found = hit_texts(library, word)
    assert found and set(found) == {word}


def test_zhuzhou_also_finds_zhuzhoushi(library: Library) -> None:
    hits = library.search("株洲", limit=500)
    sentences = [library.document(h.doc_id).text[h.sentence_start : h.sentence_end] for h in hits]
    assert any("株洲市" in s for s in sentences)


def test_search_hits_cover_every_occurrence_in_the_store(library: Library) -> None:
    """The word index must not lose sentences: compare with a plain substring count."""
    for word in ("研发", "高新技术企业", "株洲市", "科技局"):
        expected = sum(library.document(d.id).text.count(word) for d in library.documents() if d.id)
        assert len(hit_texts(library, word)) == expected, word


@pytest.mark.parametrize("indexed", [False, True])
def test_substrings_across_words_and_absent_terms_match_a_substring_count(
    library: Library, indexed_library: Library, indexed: bool
) -> None:
    """市科 runs across 株洲市|科技局 and is in no index word; 澜坪 and 量子测量 are in no report."""
    searched = indexed_library if indexed else library
    for word in ("市科", "技局", "洲市", "亿元", "万人发明专利", "澜坪", "量子测量", "发研"):
        expected = sum(searched.document(d.id).text.count(word) for d in searched.documents() if d.id)
        assert len(hit_texts(searched, word)) == expected, word
    assert hit_texts(searched, "研发 澜坪") == []


def test_indexed_and_pending_stores_give_the_same_hits(library: Library, indexed_library: Library) -> None:
    for query in ("市科", "研发", "株洲 研发", "。益", "洲所", "%", "澜坪"):
        hits = library.search(query, limit=500)
        assert hits == indexed_library.search(query, limit=500), query
        empty = ("。益", "澜坪")  # across a sentence break; a word the reports do not use
        assert bool(hits) == (query not in empty), f"{query}: found {len(hits)}"


def test_terms_separated_by_spaces_are_all_required(library: Library) -> None:
    hits = library.search("益阳 研发", limit=50)
    assert hits, "the reports have sentences with both"
    for hit in hits:
        sentence = library.document(hit.doc_id).text[hit.sentence_start : hit.sentence_end]
        assert "益阳" in sentence and "研发" in sentence


def test_snippet_contains_the_first_hit(library: Library) -> None:
    hit = library.search("万人发明专利", limit=1)[0]
    text = library.document(hit.doc_id).text
    assert text[hit.snippet_offset : hit.snippet_offset + len(hit.snippet)] == hit.snippet
    assert hit.snippet_offset <= hit.spans[0][0] < hit.snippet_offset + len(hit.snippet)


@pytest.mark.parametrize("query", ['"', '"株洲', "AND", "OR 株洲", "*", "(", ")", "NEAR(", "株洲*", "'", "-", "",
                                   "   ", "a:b", "^研发", "{}", "株洲 AND", "\\", "\x00"])
def test_hostile_queries_are_searched_as_text_and_never_raise(library: Library, query: str) -> None:
    for hit in library.search(query):
        text = library.document(hit.doc_id).text
        for term in query.split():
            assert term in text[hit.sentence_start : hit.sentence_end]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from([*'株洲研发市 "*()-:^AND或非的', "\u3000", "。"]), max_size=10))
def test_any_query_is_accepted_and_every_hit_contains_its_terms(library: Library, query: str) -> None:
    for hit in library.search(query, limit=5):
        sentence = library.document(hit.doc_id).text[hit.sentence_start : hit.sentence_end]
        assert all(term in sentence for term in query.split())
