"""Findings stored by scope, and what the checks read from the store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlite_utils

from viewer.model.review import Evidence, Finding
from viewer.store import check_reads, open_store
from viewer.store import checks as store_checks
from viewer.store import documents as store_documents
from viewer.text.analysis import analyze_text

TEXT = ("株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额182.6亿元，比2020年增长20%。\n\n"
        "全市各类科技创新平台达100家，其中国家级60家、省级50家。\n\n力争2023年株洲市高新技术企业达到1100家。\n")


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    database = open_store(":memory:")
    yield database
    database.conn.close()


def add(db: sqlite_utils.Database, name: str, text: str = TEXT) -> int:
    return store_documents.save_document(db, analyze_text(f"/r/{name}", text, name * 8))


def finding(doc_id: int, message: str) -> Finding:
    proof = Evidence(label="value", doc_id=doc_id, start=0, end=2, text="株洲", sentence_start=0, sentence_end=9)
    return Finding(kind="conflict", verdict="question", message=message, message_en=message, evidence=(proof,))


def messages(db: sqlite_utils.Database) -> list[str]:
    return sorted(f.message for f in store_checks.list_findings(db))


def test_a_scoped_replace_keeps_the_findings_of_other_scopes(db: sqlite_utils.Database) -> None:
    doc = add(db, "a")
    store_checks.replace_findings(db, [("doc:1", finding(doc, "one")), ("series:x\ty", finding(doc, "two"))])
    store_checks.replace_findings(db, [("doc:1", finding(doc, "three"))], scopes={"doc:1", "doc:2"})
    assert messages(db) == ["three", "two"]
    assert db.execute("SELECT count(*) FROM check_evidence").fetchone()[0] == 2
    assert [f.message for f in store_checks.list_findings(db, scopes={"series:x\ty"})] == ["two"]
    store_checks.replace_findings(db, [])
    assert messages(db) == [] and db.execute("SELECT count(*) FROM check_evidence").fetchone()[0] == 0


def test_evidence_comes_back_with_its_sentence_and_source(db: sqlite_utils.Database) -> None:
    doc = add(db, "a")
    store_checks.replace_findings(db, [("doc:1", finding(doc, "one"))])
    [stored] = store_checks.list_findings(db)
    [proof] = stored.evidence
    assert (proof.file_name, proof.sentence) == ("a", TEXT[:9])


def test_a_documents_sentences_come_with_their_text_and_figures(db: sqlite_utils.Database) -> None:
    doc = add(db, "a")
    everything = check_reads.sentences_with_figures(db, doc)
    assert len(everything) >= 3 and all(TEXT[s:e] == text and figures for s, e, text, figures in everything)
    assert all(s <= f.start < f.end <= e for s, e, _, figures in everything for f in figures)


def test_series_and_paragraphs_of_documents(db: sqlite_utils.Database) -> None:
    doc = add(db, "a")
    series = store_checks.document_series(db, [doc])
    assert ("技术合同成交额", "株洲市") in series
    by_document = store_checks.series_sentences(db, [("技术合同成交额", "株洲市")])
    assert list(by_document) == [doc] and len(by_document[doc]) == 1
    assert store_checks.document_hashes(db, [doc]) and not store_checks.document_hashes(db, [doc + 1])


def test_scopes_of_findings_citing_a_document_or_a_deleted_one(db: sqlite_utils.Database) -> None:
    first, second = add(db, "a"), add(db, "b", TEXT.replace("182.6", "190"))
    store_checks.replace_findings(db, [("series:x\ty", finding(first, "one")), ("doc:9", finding(second, "two"))])
    assert store_checks.finding_scopes(db, [first]) == {"series:x\ty"}
    store_documents.delete_document(db, second)
    assert store_checks.finding_scopes(db, []) == {"doc:9"}
    assert not store_checks.unscoped_findings(db)
    db.conn.execute("UPDATE check_scopes SET scope = '' WHERE scope = 'doc:9'")  # as migration 6 left them
    assert store_checks.unscoped_findings(db)


def test_repeated_paragraphs_only_of_the_fingerprints_asked(db: sqlite_utils.Database) -> None:
    add(db, "a")
    add(db, "b", TEXT.replace("2023", "2025"))
    rows = list(store_checks.repeated_paragraphs(db, None, 10))
    hashes = {r[0] for r in rows}
    assert len(rows) >= 4 and all(len(r[4]) <= 10 for r in rows)
    one = sorted(hashes)[0]
    assert {r[0] for r in store_checks.repeated_paragraphs(db, [one], 10)} == {one}


def test_the_units_a_level_lookup_seeks_are_those_of_the_indicators_levels(db: sqlite_utils.Database) -> None:
    doc = add(db, "a")
    roles = {(r[0], r[1]) for r in db.execute("SELECT role, unit FROM figures WHERE indicator = '技术合同成交额'")}
    assert ("actual", "元") in roles and ("growth_rate", "%") in roles  # a level and a growth rate
    assert check_reads.level_units(db, "技术合同成交额") == ["元"]
    db.execute("UPDATE figures SET excluded = 1 WHERE doc_id = ? AND role = 'actual'", [doc])
    assert check_reads.level_units(db, "技术合同成交额") == ["元"]  # excluded levels too: the seek drops them
    db.execute("UPDATE figures SET role = 'target' WHERE doc_id = ? AND role = 'actual'", [doc])
    assert check_reads.level_units(db, "技术合同成交额") == []
    assert check_reads.level_units(db, "no such indicator") == []
