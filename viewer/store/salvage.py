"""Read what can still be read of a damaged store: a table's rows in rowid order, skipping the
rows on pages that cannot be read (each rowid probe walks the tree afresh, so a damaged page costs
only the rows under it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from viewer.store.health import is_corruption

_FIRST = -(2**63)
_LAST = 2**63 - 1


@dataclass
class Salvaged:
    """What a salvage read of one table got: rows read, and the rowid ranges it had to skip."""

    table: str
    rows: int = 0
    gaps: list[tuple[int, int | None]] = field(default_factory=list)  # (last read, next read or None: the end)
    unreadable: bool = False  # the table could not be read at all


Row = tuple[Any, ...]


def _unreadable(error: sqlite3.DatabaseError) -> bool:
    """A damaged page, or a row whose text is no longer UTF-8 (damaged bytes in it)."""
    return is_corruption(error) or "malformed" in str(error) or "decode" in str(error)


def _probe(conn: sqlite3.Connection, table: str, columns: str, start: int) -> tuple[bool, Row | None]:
    """(readable, the first readable row at or after rowid `start` with its rowid first; None past the end)."""
    try:
        row = conn.execute(f"SELECT rowid, {columns} FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                           [start]).fetchone()
    except sqlite3.DatabaseError as error:
        if not _unreadable(error):
            raise
        return False, None
    return True, (tuple(row) if row else None)


def _next_readable(conn: sqlite3.Connection, table: str, columns: str, after: int) -> Row | None:
    """The first row after rowid `after` that can be read, with its rowid first (None: none can)."""
    step = 1
    while after + step <= _LAST:
        ok, found = _probe(conn, table, columns, after + step)
        if ok:
            low, high = after + step // 2, after + step  # low failed (or is `after`), high reads
            while high - low > 1:
                middle = (low + high) // 2
                middle_ok, middle_found = _probe(conn, table, columns, middle)
                if middle_ok:
                    high, found = middle, middle_found
                else:
                    low = middle
            return found
        step *= 2
    return None


def read_rows(conn: sqlite3.Connection, table: str, names: Sequence[str], report: Salvaged) -> Iterator[Row]:
    """The readable rows of `table` (columns `names`), in rowid order. A query steps one row ahead
    of what it returns, so after an error the next readable row is read on its own, then the scan
    goes on after it."""
    columns = ", ".join(names)
    after = _FIRST
    while True:
        try:
            cursor = conn.execute(f"SELECT rowid, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid", [after])
            for row in cursor:
                if int(row[0]) <= after:  # a damaged tree walking backwards
                    raise sqlite3.DatabaseError("database disk image is malformed")
                after = int(row[0])
                report.rows += 1
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError as error:
            if not _unreadable(error):
                raise
            found = _next_readable(conn, table, columns, after)
            if found is None or int(found[0]) <= after:
                report.gaps.append((after, None))
                if after == _FIRST:
                    report.unreadable = True
                return
            if int(found[0]) > after + 1:
                report.gaps.append((after, int(found[0])))
            after = int(found[0])
            report.rows += 1
            yield tuple(found[1:])


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of a table ([] when the schema cannot tell)."""
    try:
        return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def indexed_values(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The first column of a query (an index scan), as far as it can be read."""
    found: list[str] = []
    try:
        for row in conn.execute(sql):
            found.append(str(row[0]))
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
    return found


def stored_paths(conn: sqlite3.Connection) -> list[str]:
    """The document paths a damaged store's path index still holds (read without the table)."""
    return indexed_values(conn, "SELECT path FROM documents INDEXED BY sqlite_autoindex_documents_1")
