"""Every way a store can fail to open is a StoreError naming the file and its reason."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.store import StoreError, StoreTooNewError, connection, open_store, store_error


def newer_store(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store another program holds an exclusive lock on (waited for a tenth of a second)."""
    path = tmp_path / "locked.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.1)
    yield path
    holder.execute("ROLLBACK")
    holder.close()


@pytest.fixture
def small_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new connection may hold only a few pages: writing more is SQLite's "disk is full"."""
    real = sqlite3.connect

    def tiny(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA max_page_count = 4")
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", tiny)


def reason_of(path: Path) -> StoreError:
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert str(path) in str(raised.value) and raised.value.path == str(path)
    return raised.value


def test_newer_store(tmp_path: Path) -> None:
    error = reason_of(newer_store(tmp_path / "new.db"))
    assert isinstance(error, StoreTooNewError) and error.reason == StoreError.TOO_NEW
    assert (error.found, error.known) == (99, connection.schema_version())


def test_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("not a database " * 200, encoding="utf-8")
    assert reason_of(tmp_path / "notes.db").reason == StoreError.NOT_A_STORE


def test_a_folder_or_a_path_under_a_file_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "folder.db").mkdir()
    assert reason_of(tmp_path / "folder.db").reason == StoreError.CANNOT_OPEN
    (tmp_path / "file").write_text("x", encoding="utf-8")
    error = reason_of(tmp_path / "file" / "store.db")
    assert error.reason == StoreError.CANNOT_OPEN and error.detail


def test_locked_by_another_program(locked: Path) -> None:
    assert reason_of(locked).reason == StoreError.LOCKED


def test_disk_full_while_creating_the_store(tmp_path: Path, small_disk: None) -> None:
    error = reason_of(tmp_path / "full.db")
    assert error.reason == StoreError.FULL and "could not upgrade" in str(error)


def test_other_errors_are_not_the_stores() -> None:
    assert store_error("s.db", ValueError("x")) is None
    full = StoreError("s.db: disk full", "s.db", StoreError.FULL)
    assert store_error("other.db", full) is full


def test_stored_text_that_is_not_utf8_is_a_damaged_store(tmp_path: Path) -> None:
    """The program writes only UTF-8: noise in a row's text (a damaged page that still parses)
    reads as a damaged store, not as an unexplained failure."""
    from viewer.store.health import is_corruption

    db = open_store(tmp_path / "s.db")
    db.execute("INSERT INTO documents (path, file_name, sha256, text, chars, imported_at) "
               "VALUES ('/r.txt', 'r.txt', 'x', '', 0, CAST(x'ff00fe' AS TEXT))")
    db.conn.commit()
    with pytest.raises(sqlite3.OperationalError) as raised:
        db.execute("SELECT imported_at FROM documents").fetchall()
    found = store_error(tmp_path / "s.db", raised.value)
    assert found is not None and found.reason == StoreError.NOT_A_STORE and str(tmp_path / "s.db") in str(found)
    assert is_corruption(raised.value)
    db.conn.close()
