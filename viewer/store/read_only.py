"""A store that cannot be written (a read-only file, a read-only folder such as a shared drive, a
read-only medium) is opened for reading only. SQLite reads a WAL store only if it can create the
-wal and -shm files beside it, or if they exist already; in a folder it cannot write to, without
them, the store is opened as immutable (SQLite then takes no locks and reads the file as it is)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

READ_ONLY_DETAIL = "read-only"


def writable(path: Path) -> bool:
    """The store and its folder (where SQLite keeps the -wal and -shm files) can be written; a
    store that does not exist yet is writable if its folder is (creating it tells otherwise)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not path.exists():
        return not folder.exists() or os.access(folder, os.W_OK)
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def read_only_uri(path: Path) -> str:
    """SQLite's URI for reading `path` without writing anything, not even the -shm file."""
    absolute = path.absolute()
    companions = [absolute.with_name(absolute.name + suffix) for suffix in ("-wal", "-shm")]
    folder_writable = os.access(absolute.parent, os.W_OK)
    immutable = not folder_writable and not all(companion.exists() for companion in companions)
    return absolute.as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)
    only_read(conn)
    return conn


def only_read(conn: sqlite3.Connection) -> None:
    """From now on this connection only reads (writes fail with 'attempt to write')."""
    conn.execute("PRAGMA query_only = ON")


def is_read_only(conn: sqlite3.Connection) -> bool:
    """The connection was opened for reading only (writes fail with 'readonly database')."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])
