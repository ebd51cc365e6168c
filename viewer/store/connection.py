"""Open the store: one SQLite file, WAL, foreign keys, numbered migrations from db/migrations.

Reading needs only `sqlite3`: the window opens the store with `connect` and reads through
`Queryable`, so start-up does not import sqlite-utils. Migrations and writes go through
sqlite-utils (`open_store`, `database`), imported when first needed.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from viewer.resources import migrations_dir

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

MEMORY = ":memory:"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


class Queryable(Protocol):
    """What reading needs: a sqlite3.Connection or a sqlite_utils.Database."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> sqlite3.Cursor: ...


T = TypeVar("T")
IN_CHUNK = 500  # values per `IN (...)`, under SQLite's limit on parameters


def in_chunks(values: Sequence[T]) -> Iterator[tuple[Sequence[T], str]]:
    """`values` in slices for `WHERE x IN (...)`, each with its placeholders ("?, ?, ?")."""
    for first in range(0, len(values), IN_CHUNK):
        chunk = values[first : first + IN_CHUNK]
        yield chunk, ", ".join("?" * len(chunk))


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """A transaction that takes the write lock at once (BEGIN IMMEDIATE): with several writers, a
    transaction that reads first could not wait for the lock when it comes to write."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


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
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("policy-viewer")
    for number, path in migration_files():

        def apply(db: sqlite_utils.Database, number: int = number, path: Path = path) -> None:
            for statement in _statements(path.read_text(encoding="utf-8")):
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {number}")

        migrations(name=path.stem)(apply)
    return migrations


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """A sqlite-utils view of an open connection, for writing."""
    import sqlite_utils

    return sqlite_utils.Database(conn)


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at `path`, or ":memory:"."""
    is_memory = str(path) == MEMORY
    if not is_memory:
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no store here")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(MEMORY if is_memory else str(path), timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
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
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    if found < known and not read_only:
        _upgrade(conn, path, known)
    return conn


def open_store(path: str | Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """`connect`, as a sqlite-utils Database (for writers and tools)."""
    return database(connect(path, read_only=read_only))


def _upgrade(conn: sqlite3.Connection, path: str | Path, known: int) -> None:
    """Apply pending migrations under a write lock, all or nothing.

    Another process may be upgrading the same new file at this moment (the window and an
    import from the command line), so the version is read again once the lock is held.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA user_version").fetchone()[0] < known:
            _build_migrations().apply(database(conn))  # each migration in a savepoint of this transaction
        conn.commit()
    except sqlite3.DatabaseError as error:
        if conn.in_transaction:
            conn.rollback()
        conn.close()
        raise StoreError(f"{path}: could not upgrade the store ({error})") from error


def interrupt(conn: sqlite3.Connection) -> None:
    """Stop the query running on `conn` (from any thread); a no-op once it is closed."""
    with contextlib.suppress(sqlite3.ProgrammingError):
        conn.interrupt()
