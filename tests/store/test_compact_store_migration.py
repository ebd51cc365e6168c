"""Migration 17 (a smaller store): a store of schema 16 holding documents and findings, with
sentences, paragraphs and evidence by id, the word index, and mention spans as JSON, upgrades to
the rows a fresh store of the current schema holds for the same documents, and reads the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils
from migration_support import store_at_schema

from viewer.store import connection
from viewer.store.connection import open_store
from viewer.store.documents import get_paragraphs, get_sentences, save_document
from viewer.store.entities import document_mentions, entities
from viewer.store.review_queries import document_findings, finding
from viewer.store.search import QueryTerm, search
from viewer.store.span_text import spans_text, text_spans
from viewer.text.analysis import analyze_text

SHARED = "全市上下坚持创新驱动发展战略，持续优化科技创新生态，推动高质量发展迈上新的台阶。"
TEXTS = {
    "/r/甲.txt": "株洲市2023年工作报告（虚构）\n\n株洲市科技局表示，株洲市高新技术企业达到312家，比上年增长12.5%。\n"
                 "湘潭市科技局与株洲市科技局签署合作协议。株洲市研发经费投入45.6亿元。\n\n株洲市将继续推进创新。\n\n" + SHARED,
    "/r/乙.txt": "湘潭市2022年统计公报（虚构）\n\n湘潭市技术合同成交额18.2亿元，增长9.1%。湘潭市科技局称，\n"
                 "湘潭市与株洲市合作项目共计27个。\n\n湘潭市高新技术企业数为140家。\n\n" + SHARED,
}
_UNCHANGED = ("documents", "entities", "figures", "paragraph_copies", "checks")
_EVIDENCE = [  # (check_id, idx, label, doc_id, span_start, span_end, text, sentence_start, sentence_end, figure_id)
    (1, 0, "from", 1, 40, 44, "312家", 20, 60, 1), (1, 1, "rate", 1, 50, 55, "12.5%", 20, 60, 2),
    (2, 0, "part", 2, 30, 37, "18.2亿元", 20, 45, None), (2, 1, "total", 1, 70, 77, "45.6亿元", 62, 80, 3),
]


def _current_store() -> sqlite_utils.Database:
    db = open_store(":memory:")
    for path, text in TEXTS.items():
        save_document(db, analyze_text(path, text, path))
    with db.atomic():
        db.conn.executemany("INSERT INTO check_scopes (id, scope) VALUES (?, ?)", [(1, "doc:1"), (2, "series:x")])
        db.conn.execute("INSERT INTO check_runs (id, checked_at, findings) VALUES (1, 'now', 2)")
        db.conn.executemany("INSERT INTO checks (id, kind, verdict, message, run_id, scope_id) "
                            "VALUES (?, 'change', 'consistent', '相符', 1, ?)", [(1, 1), (2, 2)])
        db.conn.executemany("INSERT INTO check_evidence (check_id, idx, label, doc_id, span_start, span_end, text, "
                            "sentence_start, sentence_end, figure_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _EVIDENCE)
    return db


def _schema_16_store(path: Path, current: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents of `current` as the writer of schema 16 stored them."""
    old = store_at_schema(path, 16, monkeypatch)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 16
    for table in ("documents", "entities", "figures"):
        rows = current.execute(f"SELECT * FROM {table}").fetchall()
        marks = ", ".join("?" * len(rows[0]))
        old.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    old.conn.executemany(  # times and scopes as text (before 23)
        "INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        current.execute("SELECT c.id, kind, verdict, pattern, message, message_en, stated, computed, unit, doc_id, "
                        "span_start, span_end, r.checked_at, s.scope FROM checks c "
                        "JOIN check_runs r ON r.id = c.run_id JOIN check_scopes s ON s.id = c.scope_id"))
    old.conn.executemany("INSERT INTO paragraph_copies (text_hash, copies) VALUES (?, ?)",  # one of each, as before 19
                         [(_hex(h), n) for h, n in current.execute(
                             "SELECT text_hash, copies FROM paragraph_copies UNION SELECT DISTINCT text_hash, 1 "
                             "FROM paragraphs WHERE text_hash IS NOT NULL "
                             "AND text_hash NOT IN (SELECT text_hash FROM paragraph_copies)")])
    paragraphs = current.execute(
        "SELECT doc_id, idx, span_start, span_end, text_hash FROM paragraphs ORDER BY doc_id, idx").fetchall()
    old.conn.executemany("INSERT INTO paragraphs (id, doc_id, idx, span_start, span_end, text_hash) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [(i + 1, *row[:4], _hex(row[4])) for i, row in enumerate(paragraphs)])
    sentences = current.execute(
        "SELECT doc_id, idx, paragraph_idx, span_start, span_end FROM sentences ORDER BY doc_id, idx").fetchall()
    old.conn.executemany("INSERT INTO sentences (id, doc_id, idx, paragraph_idx, span_start, span_end) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [(i + 1, *row) for i, row in enumerate(sentences)])
    old.conn.executemany("INSERT INTO sentences_fts (rowid, words) VALUES (?, ?)",
                         [(i + 1, "词 语") for i in range(len(sentences))])
    old.conn.executemany(  # in reverse key order, with JSON spans, as json.dumps wrote them
        "INSERT INTO entity_spans (doc_id, entity_id, mentions, spans) VALUES (?, ?, ?, ?)",
        [(doc_id, entity_id, count, json.dumps([list(s) for s in text_spans(spans)]))
         for doc_id, entity_id, count, spans in current.execute(
             "SELECT doc_id, entity_id, mentions, spans FROM entity_spans ORDER BY doc_id DESC, entity_id DESC")])
    old.conn.executemany("INSERT INTO check_evidence (id, check_id, idx, label, doc_id, span_start, span_end, "
                         "text, sentence_start, sentence_end, figure_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [(9 - i, *row) for i, row in enumerate(_EVIDENCE)])
    old.conn.commit()
    old.conn.close()


def _hex(text_hash: int | None) -> str | None:
    """A fingerprint as stored before migration 23: 20 hexadecimal digits, the first 16 its integer's."""
    return None if text_hash is None else f"{text_hash & (2**64 - 1):016x}9c3e"


def _rows(db: sqlite_utils.Database) -> dict[str, list[tuple[object, ...]]]:
    found = {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall()) for table in _UNCHANGED}
    found["sentences"] = db.execute("SELECT * FROM sentences ORDER BY doc_id, idx").fetchall()
    found["paragraphs"] = db.execute("SELECT * FROM paragraphs ORDER BY doc_id, idx").fetchall()
    found["entity_spans"] = db.execute("SELECT * FROM entity_spans ORDER BY doc_id, entity_id").fetchall()
    found["check_evidence"] = db.execute("SELECT * FROM check_evidence ORDER BY check_id, idx").fetchall()
    found["mentions"] = db.execute("SELECT * FROM mentions ORDER BY doc_id, span_start, entity_id").fetchall()
    return found


def test_a_schema_16_store_upgrades_to_what_a_fresh_store_holds(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    current = _current_store()
    assert current.execute("SELECT count(*) FROM mentions").fetchone()[0] > 10
    assert current.execute("SELECT max(mentions) FROM entity_spans").fetchone()[0] > 2
    assert current.execute("SELECT copies FROM paragraph_copies").fetchall() == [(2,)]
    _schema_16_store(tmp_path / "s.db", current, monkeypatch)
    upgraded = open_store(tmp_path / "s.db")
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _rows(upgraded) == _rows(current)
    tables = {r[0] for r in upgraded.execute("SELECT name FROM sqlite_schema")}
    assert not {"sentences_fts", "sentences_old", "paragraphs_old", "entity_spans_old", "check_evidence_old",
                "check_evidence_check"} & tables
    assert {"paragraphs_hash", "entity_spans_entity", "check_evidence_doc", "check_evidence_figure"} <= tables
    for doc_id in (1, 2):
        assert get_sentences(upgraded.conn, doc_id) == get_sentences(current.conn, doc_id)
        assert get_paragraphs(upgraded.conn, doc_id) == get_paragraphs(current.conn, doc_id)
        assert document_mentions(upgraded.conn, doc_id) == document_mentions(current.conn, doc_id)
    assert entities(upgraded.conn) == entities(current.conn)
    query = [QueryTerm("科技局")]
    assert search(upgraded.conn, query) == search(current.conn, query) != []
    assert finding(upgraded.conn, 2) == finding(current.conn, 2) is not None
    assert document_findings(upgraded.conn, 1) == document_findings(current.conn, 1)


def test_spans_are_written_as_start_and_length_and_read_back() -> None:
    assert spans_text([(87, 95), (53, 80)]) == "53+27 87+8"
    assert text_spans("53+27 87+8") == [(53, 80), (87, 95)]
    assert text_spans(spans_text([])) == []
    db = _current_store()
    for spans, count in db.execute("SELECT spans, mentions FROM entity_spans"):
        assert len(text_spans(spans)) == count and spans == spans_text(text_spans(spans))
