"""Stores of an earlier schema, for the tests of a migration."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

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
