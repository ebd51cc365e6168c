"""Open the store: one SQLite file, WAL, foreign keys, numbered migrations from db/migrations."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from viewer.resources import migrations_dir

MEMORY = ":memory:"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


class StoreError(Exception):
    """The store cannot be used; the message says why and names the file."""


class StoreTooNewError(StoreError):
    pass


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(migrations_dir().glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"migrations in {migrations_dir()} are not numbered 1..N: {numbers}")
    return found


def schema_version() -> int:
    return len(migration_files())


def _statements(script: str) -> list[str]:
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in pending.splitlines()
    ):
        raise StoreError(f"incomplete SQL statement at the end of a migration: {pending[:80]!r}")
    return statements


def _build_migrations() -> Migrations:
    migrations = Migrations("policy-viewer")
    for number, path in migration_files():

        def apply(db: sqlite_utils.Database, number: int = number, path: Path = path) -> None:
            for statement in _statements(path.read_text(encoding="utf-8")):
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {number}")

        migrations(name=path.stem)(apply)
    return migrations


def open_store(path: str | Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open (creating and migrating if needed) the store at `path`, or ":memory:"."""
    is_memory = str(path) == MEMORY
    if not is_memory:
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no store here")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(MEMORY if is_memory else str(path), timeout=30)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        found = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a policy-viewer store ({error})") from error
    known = schema_version()
    if found > known:
        conn.close()
        raise StoreTooNewError(
            f"{path}: written by a newer version of policy-viewer (schema {found}, this version "
            f"knows up to {known}); it was not modified. Update the program to open it."
        )
    if not is_memory:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    if found < known and not read_only:
        _upgrade(db, path, known)
    return db


def _upgrade(db: sqlite_utils.Database, path: str | Path, known: int) -> None:
    """Apply pending migrations under a write lock, all or nothing.

    Another process may be upgrading the same new file at this moment (the window and an
    import from the command line), so the version is read again once the lock is held.
    """
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        if db.execute("PRAGMA user_version").fetchone()[0] < known:
            _build_migrations().apply(db)  # each migration in a savepoint of this transaction
        db.conn.commit()
    except sqlite3.DatabaseError as error:
        if db.conn.in_transaction:
            db.conn.rollback()
        db.conn.close()
        raise StoreError(f"{path}: could not upgrade the store ({error})") from error
