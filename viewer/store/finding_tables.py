"""The tables beside the findings, which viewer/store/checks.py writes with the findings in its
transaction: the scopes findings are recomputed in and the runs of the checks that computed them,
each named by number in a finding (db/migrations/0023_compact_findings.sql)."""

from __future__ import annotations

import datetime
import sqlite3
from collections import Counter


def new_run(conn: sqlite3.Connection) -> int:
    """A row of check_runs for a run of the checks computed now, without findings yet; its id."""
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    return int(conn.execute("INSERT INTO check_runs (checked_at, findings) VALUES (?, 0)", [now]).lastrowid or 0)


def runs_of(conn: sqlite3.Connection, check_filter: str, parameters: list[object]) -> Counter[int]:
    """run id -> findings among those `SELECT id FROM checks WHERE {check_filter}` selects."""
    return Counter({int(r[0]): int(r[1]) for r in conn.execute(
        f"SELECT run_id, count(*) FROM checks WHERE {check_filter} GROUP BY run_id", parameters)})


def count_runs(conn: sqlite3.Connection, change: Counter[int]) -> None:
    """Add `change` (negative: findings deleted) to the findings of each run; a run left without
    findings loses its row."""
    conn.executemany("UPDATE check_runs SET findings = findings + ? WHERE id = ?",
                     [(n, run) for run, n in sorted(change.items()) if n])
    conn.executemany("DELETE FROM check_runs WHERE id = ? AND findings <= 0", [(run,) for run in sorted(change)])


def drop_unused_scopes(conn: sqlite3.Connection, scopes: list[object]) -> None:
    """Delete the scopes of a JSON list that no finding has any more."""
    conn.execute("DELETE FROM check_scopes WHERE scope IN (SELECT value FROM json_each(?)) "
                 "AND NOT EXISTS (SELECT 1 FROM checks WHERE scope_id = check_scopes.id)", scopes)


class ScopeIds:
    """The id of each scope in check_scopes, added when it has none: with the ids SQLite would give
    (one more than the largest), written in one statement by `write_new`. `emptied`: the table was
    just emptied, so no scope has an id yet."""

    def __init__(self, conn: sqlite3.Connection, emptied: bool = False) -> None:
        self._conn = conn
        self._emptied = emptied
        self._ids: dict[str, int] = {}
        self._new: list[tuple[int, str]] = []
        self._next = 1 if emptied else int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM check_scopes").fetchone()[0])

    def of(self, scope: str) -> int:
        found = self._ids.get(scope)
        if found is not None:
            return found
        row = None if self._emptied else self._conn.execute("SELECT id FROM check_scopes WHERE scope = ?",
                                                              [scope]).fetchone()
        if row is None:
            found = self._next
            self._next += 1
            self._new.append((found, scope))
        else:
            found = int(row[0])
        self._ids[scope] = found
        return found

    def write_new(self) -> None:
        """Add the scopes given an id since the last call to check_scopes."""
        self._conn.executemany("INSERT INTO check_scopes (id, scope) VALUES (?, ?)", self._new)
        self._new.clear()
