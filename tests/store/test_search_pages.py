"""Search a page at a time, in document order, with the totals of every document: a document
with many hits listed first must never hide another document's hits."""

from __future__ import annotations

import re

import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import AnalyzedDocument, Document, Paragraph, SearchHit, Sentence
from viewer.store.connection import open_store
from viewer.store.documents import save_document
from viewer.store.search import QueryTerm, count_hits, search

# Invented texts: 澜江 is in no real report.
CROWDED = "".join(f"澜江走廊第{i}号项目开工，澜江两岸同步推进。" for i in range(120))
QUIET = "甲市召开科技工作会议。会议提到澜江一次。"
MIDDLE = "".join(f"乙县澜江试验区完成第{i}项任务。" for i in range(21))


def analysed(path: str, text: str) -> AnalyzedDocument:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^。]*。|[^。]+\Z", text)]
    return AnalyzedDocument(
        document=Document(path=path, sha256=str(hash(text)), text=text, title=path),
        paragraphs=[Paragraph(0, 0, len(text))], paragraph_hashes=[None],
        sentences=[Sentence(i, s, e, 0) for i, (s, e) in enumerate(spans)],
    )


def store(*texts: str, pending: tuple[int, ...] = ()) -> sqlite_utils.Database:
    db = open_store(":memory:")
    for i, text in enumerate(texts):
        doc_id = save_document(db, analysed(f"/r/{i}.txt", text))
        if i in pending:  # as if stored before the character index
            with db.atomic():
                db.execute("INSERT OR IGNORE INTO document_chars_pending (doc_id) VALUES (?)", [doc_id])
    return db


def terms(query: str) -> list[QueryTerm]:
    return [QueryTerm(t) for t in query.split()]


def every_page(db: sqlite_utils.Database, query: str, page: int, doc_id: int | None = None) -> list[SearchHit]:
    hits: list[SearchHit] = []
    while True:
        last = hits[-1] if hits else None
        more = search(db, terms(query), page, None if last is None else (last.doc_id, last.sentence_start), doc_id)
        hits.extend(more)
        if len(more) < page:
            return hits


def test_a_crowded_first_document_does_not_hide_the_others() -> None:
    db = store(CROWDED, QUIET, MIDDLE)
    first_page = search(db, terms("澜江"), 50)
    assert {h.doc_id for h in first_page} == {1}  # the first page is all the crowded document's
    totals = {d.doc_id: (d.hits, d.occurrences) for d in count_hits(db, terms("澜江"))}
    assert totals == {1: (120, 240), 2: (1, 1), 3: (21, 21)}
    assert [d.title for d in count_hits(db, terms("澜江"))] == ["/r/0.txt", "/r/1.txt", "/r/2.txt"]
    assert [h.doc_id for h in search(db, terms("澜江"), 50, doc_id=3)] == [3] * 21
    assert len(every_page(db, "澜江", 50)) == 142


def test_pages_continue_after_the_last_hit_without_gaps_or_repeats() -> None:
    db = store(CROWDED, QUIET, MIDDLE)
    whole = search(db, terms("澜江"), 10_000)
    assert [(h.doc_id, h.sentence_start) for h in whole] == sorted((h.doc_id, h.sentence_start) for h in whole)
    for page in (1, 7, 50, 141, 142, 500):
        assert every_page(db, "澜江", page) == whole
    third = [h for h in whole if h.doc_id == 3]
    assert every_page(db, "澜江", 4, doc_id=3) == third
    last = whole[-1]
    assert search(db, terms("澜江"), 50, (last.doc_id, last.sentence_start)) == []


def test_counts_need_every_term_in_one_sentence() -> None:
    db = store("澜江研发中心挂牌。研发投入增长。澜江两岸。", "澜江研发，研发澜江。")
    counted = count_hits(db, terms("澜江 研发"))
    assert [(d.doc_id, d.hits, d.occurrences) for d in counted] == [(1, 1, 2), (2, 1, 4)]
    assert count_hits(db, terms("澜江 量子")) == []
    assert count_hits(db, terms("   ")) == [] and search(db, terms(""), 50) == []


SENTENCES = st.lists(st.text(alphabet="澜江研发。甲", max_size=12).map(lambda s: s + "。"), max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCES.map("".join), min_size=1, max_size=4), st.sampled_from(["澜江", "研", "江 研发", "。"]),
       st.integers(1, 6), st.lists(st.booleans(), min_size=4, max_size=4))
def test_pages_and_counts_agree_with_the_whole_list(texts: list[str], query: str, page: int,
                                                    pending: list[bool]) -> None:
    db = store(*texts, pending=tuple(i for i, p in enumerate(pending) if p))
    whole = search(db, terms(query), 10_000)
    assert every_page(db, query, page) == whole
    counted = count_hits(db, terms(query))
    assert sum(d.hits for d in counted) == len(whole)
    assert sum(d.occurrences for d in counted) == sum(len(h.spans) for h in whole)
    assert [d.doc_id for d in counted] == list(dict.fromkeys(h.doc_id for h in whole))
