"""Open the store: one SQLite file, WAL, foreign keys, numbered migrations from db/migrations.

Reading needs only `sqlite3`: the window opens the store with `connect` and reads through
`Queryable`, so start-up does not import sqlite-utils. Migrations and writes go through
sqlite-utils (`open_store`, `database`), imported when first needed.
"""

from __future__ import annotations

import contextlib
import errno
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from viewer.resources import migrations_dir
from viewer.store.read_only import READ_ONLY_DETAIL, open_read_only, writable

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

MEMORY = ":memory:"
BUSY_TIMEOUT = 30.0  # seconds a connection waits for another program's lock
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


def checkpoint_every(conn: sqlite3.Connection, pages: int) -> None:
    """Let the WAL grow to `pages` before SQLite copies it back into the store (its default: 1000)."""
    conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")


@contextlib.contextmanager
def own_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """A transaction of its own, or none inside the caller's: a savepoint there would copy each page
    the writer changes into a journal of its own (half the bytes an import wrote), and the caller's
    transaction ends with the exception anyway (write_transaction rolls back)."""
    if db.conn.in_transaction:
        yield
    else:
        with db.atomic():
            yield


class StoreError(Exception):
    """The store cannot be used; the message says why and names the file. `reason` is one of
    the REASONS, for a message in the reader's language and the command's exit code."""

    TOO_NEW = "too_new"  # written by a newer version of the program
    NOT_A_STORE = "not_a_store"  # not an SQLite file, or a damaged one
    CANNOT_OPEN = "cannot_open"  # no permission, a folder, a missing drive, a read-only medium
    LOCKED = "locked"  # another program holds it
    FULL = "full"  # the disk is full
    FAILED = "failed"  # anything else SQLite reports
    REASONS = (TOO_NEW, NOT_A_STORE, CANNOT_OPEN, LOCKED, FULL, FAILED)

    def __init__(self, message: str, path: str | Path = "", reason: str = FAILED, detail: str = "") -> None:
        super().__init__(message)
        self.path = str(path)
        self.reason = reason
        self.detail = detail  # what SQLite or the system said


class StoreTooNewError(StoreError):
    def __init__(self, path: str | Path, found: int, known: int) -> None:
        super().__init__(
            f"{path}: written by a newer version of policy-viewer (schema {found}, this version "
            f"knows up to {known}); it was not modified. Update the program to open it.",
            path, StoreError.TOO_NEW)
        self.found = found
        self.known = known


# Python's error for stored text that is not UTF-8: the program writes only UTF-8, so the bytes
# were damaged (a damaged page can still be walked while the text in it is noise).
UNDECODABLE = "Could not decode to UTF-8"
# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_REASONS = {3: StoreError.CANNOT_OPEN, 5: StoreError.LOCKED, 6: StoreError.LOCKED,
                   8: StoreError.CANNOT_OPEN, 10: StoreError.CANNOT_OPEN, 11: StoreError.NOT_A_STORE,
                   13: StoreError.FULL, 14: StoreError.CANNOT_OPEN, 26: StoreError.NOT_A_STORE}
_WHAT = {StoreError.NOT_A_STORE: "not a policy-viewer store, or a damaged one",
         StoreError.CANNOT_OPEN: "cannot be opened or written", StoreError.LOCKED: "locked by another program",
         StoreError.FULL: "the disk is full", StoreError.FAILED: "the store failed"}


def store_error(path: str | Path, error: BaseException, doing: str = "") -> StoreError | None:
    """`error` (from SQLite or the file system, while using the store at `path`) as a StoreError
    naming the file and the reason; None for any other error."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, sqlite3.DatabaseError):
        code = getattr(error, "sqlite_errorcode", None)
        reason = _SQLITE_REASONS.get(code & 0xFF, StoreError.FAILED) if isinstance(code, int) else (
            StoreError.NOT_A_STORE if "not a database" in str(error) or UNDECODABLE in str(error)
            else StoreError.FAILED)
    elif isinstance(error, OSError):
        reason = StoreError.FULL if error.errno == errno.ENOSPC else StoreError.CANNOT_OPEN
    else:
        return None
    detail = str(error)
    if isinstance(error, OSError) and error.strerror:
        detail = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    what = _WHAT[reason]
    if reason == StoreError.NOT_A_STORE and "malformed" in detail:  # a store, damaged (SQLITE_CORRUPT)
        what = ("the store is damaged; run `policy-viewer backup` to keep a copy, then `policy-viewer repair` "
                "to rebuild it (the reviewer's work comes back from the journal beside it)")
    return StoreError(f"{path}: {doing + ': ' if doing else ''}{what} ({detail})", path, reason, detail)


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


def import_sqlite_utils() -> None:
    """Import sqlite-utils without numpy when nothing else has loaded numpy: sqlite-utils imports it
    (50-100 ms) only to give numpy's scalar types column types, and the store is never given numpy
    values. Only on the main thread while it is the process's one Python thread: hiding a module
    from another thread's import (the window loads pyqtgraph, and numpy, in a thread) would break
    that import; Qt's pool threads run no import before the window is shown and numpy loaded."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules or threading.active_count() > 1 \
            or threading.current_thread() is not threading.main_thread():
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


def _build_migrations() -> Migrations:
    import_sqlite_utils()
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
    import_sqlite_utils()
    import sqlite_utils

    return sqlite_utils.Database(conn)


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at `path`, or ":memory:". Raises
    StoreError (with its reason) for a store that cannot be used. `read_only`: open it without
    writing anything (viewer.store.read_only); a store that cannot be written is refused otherwise."""
    try:
        return _connect(path, read_only)
    except (sqlite3.DatabaseError, OSError) as error:
        raise store_error(path, error) or error from error


def _connect(path: str | Path, read_only: bool) -> sqlite3.Connection:
    is_memory = str(path) == MEMORY
    if not is_memory:
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no store here", path, StoreError.CANNOT_OPEN)
        if not read_only and not writable(path):
            raise StoreError(f"{path}: read-only (the file or its folder cannot be written); it can be "
                             f"opened for reading, not changed", path, StoreError.CANNOT_OPEN, READ_ONLY_DETAIL)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
    if read_only and not is_memory:
        conn = open_read_only(Path(path), BUSY_TIMEOUT)
    else:
        conn = sqlite3.connect(MEMORY if is_memory else str(path), timeout=BUSY_TIMEOUT)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        known = schema_version()
        if found > known:
            raise StoreTooNewError(path, found, known)
        if read_only and 0 < found < known and not writable(Path(path)):
            raise StoreError(f"{path}: written by an older version of policy-viewer and read-only, so it "
                             f"cannot be upgraded; copy it to a folder you can write to", path,
                             StoreError.CANNOT_OPEN, READ_ONLY_DETAIL)
        if not is_memory and not read_only:
            if found == 0:  # a new file (set before its first table; a no-op on one that has tables)
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # release_free_pages can shrink it
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        if found < known and not read_only:
            if not is_memory and found > 0:
                from viewer.store.backups import backup_before_upgrade

                backup_before_upgrade(conn, Path(path), found)  # kept beside the store
            _upgrade(conn, path, known)
    except BaseException:
        conn.close()
        raise
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
        raise store_error(path, error, "could not upgrade the store") or error from error


def release_free_pages(conn: sqlite3.Connection) -> None:
    """Give the store's free pages back to the file system, in a transaction of its own. Only
    stores created with auto_vacuum (new files, since schema 17) can; in others it does nothing
    and the free pages wait for the next write."""
    conn.executescript("PRAGMA incremental_vacuum;")  # executescript steps the pragma to its end


def interrupt(conn: sqlite3.Connection) -> None:
    """Stop the query running on `conn` (from any thread); a no-op once it is closed."""
    with contextlib.suppress(sqlite3.ProgrammingError):
        conn.interrupt()


def change_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes by this connection and by others (PRAGMA data_version): differs once the store changed."""
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])
