"""Is the store file sound? SQLite's quick_check (every page's structure, without comparing the
indexes with their tables), and the error a damaged store raises before anything is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from viewer.store.connection import UNDECODABLE, StoreError

_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)
_MAX_PROBLEMS = 20


class StoreDamagedError(StoreError):
    """The store failed its check: nothing was written. Reads still work as far as they can."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        first = problems[0] if problems else "damaged"
        super().__init__(
            f"{path}: the store is damaged ({first}); nothing was written. It can still be read. Run "
            f"`policy-viewer backup` to keep a copy, then `policy-viewer repair` to rebuild it (the notes, "
            f"corrections, metadata edits and merges come back from the journal beside it).",
            path, StoreError.NOT_A_STORE, "; ".join(problems[:3]))
        self.problems = problems


def is_corruption(error: BaseException) -> bool:
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPT
    return "malformed" in str(error) or "not a database" in str(error) or UNDECODABLE in str(error)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's quick_check finds wrong (empty: the file is sound). A check that cannot even
    walk the file (a damaged page on its way) is a problem too; other errors (locked) are raised."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({_MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return [str(error)]
        raise
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def integrity_check(conn: sqlite3.Connection) -> list[str]:
    """As quick_check, and every index compared with its table (slower: for backups and repairs)."""
    try:
        rows = conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return [str(error)]
        raise
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def checkpoint(conn: sqlite3.Connection) -> None:
    """Everything of the write-ahead log into the store file (before it is moved into place)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
