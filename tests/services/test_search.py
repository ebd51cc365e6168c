"""Corpus search through the services: two-character words, 株洲 finding 株洲市, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.services.library import Library


@pytest.fixture(scope="module")
def library(corpus_store: Path) -> Library:
    return Library(corpus_store)


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


def test_terms_separated_by_spaces_are_all_required(library: Library) -> None:
    for hit in library.search("益阳 研发", limit=50):
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
