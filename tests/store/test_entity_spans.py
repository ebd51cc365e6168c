"""Mentions are stored one row per document and entity (migration 8); a store of schema 7 with a
row per mention is converted without losing any, and the `mentions` view still reads per mention."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.store import connection
from viewer.store.connection import open_store
from viewer.store.entities import document_mentions, entities, merge_entities

TEXT = "甲市与乙市合作（虚构）。甲市科技局发布通知，乙市科技局响应；甲市再次表态。"


def _store_of_schema_7(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first_seven = connection.migration_files()[:7]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migration_files", lambda: first_seven)
        db = open_store(path)
        assert db.execute("PRAGMA user_version").fetchone()[0] == 7
        db.execute(
            "INSERT INTO documents (id, path, file_name, sha256, text, chars, imported_at) "
            "VALUES (1, '/r.txt', 'r.txt', 'x', ?, ?, 'now')", [TEXT, len(TEXT)])
        db.execute("INSERT INTO entities (id, name, type) VALUES (1, '甲市', 'place'), (2, '乙市', 'place')")
        spans = [(1, i, i + 2) for i in range(len(TEXT)) if TEXT.startswith("甲市", i)]
        spans += [(2, i, i + 2) for i in range(len(TEXT)) if TEXT.startswith("乙市", i)]
        db.conn.executemany(
            "INSERT INTO mentions (doc_id, entity_id, span_start, span_end, text) VALUES (1, ?, ?, ?, '')",
            list(reversed(spans)))
        db.conn.commit()
        db.conn.close()


def test_schema_7_mentions_are_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store_of_schema_7(tmp_path / "s.db", monkeypatch)
    db = open_store(tmp_path / "s.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
    assert db.execute("SELECT entity_id, mentions FROM entity_spans ORDER BY entity_id").fetchall() == [(1, 3), (2, 2)]
    found = document_mentions(db.conn, 1)
    assert [(m.text, m.canonical) for m in found] == [("甲市", "甲市"), ("乙市", "乙市"), ("甲市", "甲市"),
                                                      ("乙市", "乙市"), ("甲市", "甲市")]
    assert [m.start for m in found] == sorted(m.start for m in found)
    per_mention = db.execute("SELECT count(*), min(span_start) FROM mentions WHERE entity_id = 1").fetchone()
    assert per_mention == (3, 0)
    counts = {e.name: (e.mentions, e.documents) for e in entities(db.conn)}
    assert counts == {"甲市": (3, 1), "乙市": (2, 1)}


def test_merging_joins_spans_of_a_document_that_mentions_both(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _store_of_schema_7(tmp_path / "s.db", monkeypatch)
    db = open_store(tmp_path / "s.db")
    merge_entities(db, 2, 1)
    assert db.execute("SELECT entity_id, mentions FROM entity_spans").fetchall() == [(1, 5)]
    found = document_mentions(db.conn, 1, 1)
    assert len(found) == 5 and [m.start for m in found] == sorted(m.start for m in found)
    assert {m.text for m in found} == {"甲市", "乙市"}
