import sqlite3
from pathlib import Path

import pytest

from viewer.store import StoreError, StoreTooNewError, open_store, schema_version


def test_fresh_store_has_schema_and_pragmas(tmp_path: Path) -> None:
    db = open_store(tmp_path / "s.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version() >= 3
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"documents", "paragraphs", "sentences", "figures", "entities", "entity_spans"} <= set(
        db.table_names()
    )
    assert "mentions" in db.view_names()
    db.conn.close()


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").conn.close()
    db = open_store(tmp_path / "s.db")
    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == schema_version()


def test_store_of_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE future (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNewError, match="newer version"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(path)


def test_a_failing_migration_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.store import connection

    bad = tmp_path / "migrations"
    bad.mkdir()
    (bad / "0001_ok.sql").write_text("CREATE TABLE a (x);")
    (bad / "0002_broken.sql").write_text("CREATE TABLE b (x);\nINSERT INTO missing VALUES (1);")
    monkeypatch.setattr(connection, "migrations_dir", lambda: bad)
    with pytest.raises(StoreError, match="could not upgrade"):
        open_store(tmp_path / "m.db")
    conn = sqlite3.connect(tmp_path / "m.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "a" not in tables and "b" not in tables


def test_two_processes_opening_a_new_store_at_once_both_succeed(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = "import sys; from viewer.store import open_store; open_store(sys.argv[1]).conn.close()"
    store = str(tmp_path / "race.db")
    runs = [subprocess.Popen([sys.executable, "-c", script, store], stderr=subprocess.PIPE) for _ in range(4)]
    for run in runs:
        _, err = run.communicate(timeout=60)
        assert run.returncode == 0, err.decode()
    db = open_store(store)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == schema_version()
