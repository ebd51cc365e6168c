"""Stores of an earlier schema, for the tests of a migration."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from viewer.model.review import Finding
from viewer.store import connection, open_store


def store_at_schema(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> sqlite_utils.Database:
    """A new store at `path` migrated only up to `version` (open: the caller closes it)."""
    first = connection.migration_files()[:version]
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migration_files", lambda: first)
        db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    return db


def assert_upgrade_is_all_or_nothing(path: Path, version: int, table: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration `version` + 1 failing after it made `table` (a trigger of the name it creates,
    `<table>_on_update`, already there) leaves the store as it was, at `version`, without it."""
    old = store_at_schema(path, version, monkeypatch)
    old.execute(f"CREATE TRIGGER {table}_on_update AFTER UPDATE ON documents BEGIN SELECT 1; END")
    old.conn.commit()
    old.conn.close()
    with pytest.raises(connection.StoreError):
        open_store(path)
    again = sqlite_utils.Database(path)
    assert again.execute("PRAGMA user_version").fetchone()[0] == version
    assert table not in again.table_names()
    again.conn.close()


def write_findings_before_23(db: sqlite_utils.Database, scoped: list[tuple[str, Finding]],
                             checked_at: str = "2026-01-01T00:00:00+00:00") -> None:
    """`(scope, finding)` pairs as the writer of schemas 6 to 22 stored them: the time and the scope
    as text in each finding, evidence rows under the finding's id (no kept counts: the caller's
    schema may have none)."""
    with db.atomic():
        for scope, finding in scoped:
            first = finding.evidence[0]
            check_id = db.conn.execute(
                "INSERT INTO checks (kind, verdict, pattern, message, message_en, stated, computed, unit, doc_id, "
                "span_start, span_end, checked_at, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [finding.kind, finding.verdict, finding.pattern, finding.message, finding.message_en, finding.stated,
                 finding.computed, finding.unit, first.doc_id, first.start, first.end, checked_at, scope]).lastrowid
            db.conn.executemany(
                "INSERT INTO check_evidence (check_id, idx, label, doc_id, span_start, span_end, text, sentence_start, "
                "sentence_end, figure_id, value, unit, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(check_id, i, e.label, e.doc_id, e.start, e.end, e.text, e.sentence_start, e.sentence_end,
                  e.figure_id, e.value, e.unit, e.year) for i, e in enumerate(finding.evidence)])
