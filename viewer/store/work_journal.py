"""The journal of the reviewer's work: an append-only file of JSON lines beside the store
(`store.db.work-journal.jsonl`), so that notes, corrections, metadata edits, merges and plan exclusions outlive a
damaged store file.

Each line is one state of one piece of work: {"at", "store", "kind", "key", "op": "put"|"delete",
"row"}. The last line of a (kind, key) is its state. `store` is the identity of the store file
that wrote it (store_state.store_id), so that work a store lacks is told apart from work the
reviewer deleted in it (see viewer.services.reviewer_journal).

Writes record their row as they write it (inside their transaction: a line may precede a commit
that then fails, never follow a commit that is lost); the reconciliation at each session's start
brings the journal level with the store either way. A line is appended with one write, then
flushed to disk; a torn last line (a crash mid-write) is skipped when read.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.store.connection import Queryable
from viewer.store.read_only import writable
from viewer.store.state import store_id

SUFFIX = ".work-journal.jsonl"
PUT, DELETE = "put", "delete"
NOTE, CORRECTION, MERGE, METADATA, DOCUMENT = "note", "correction", "merge", "metadata", "document"
PLAN_EXCLUSION = "plan_exclusion"  # a plan evaluation's row the reviewer left out, with why
KINDS = (NOTE, CORRECTION, MERGE, METADATA, DOCUMENT, PLAN_EXCLUSION)


@dataclass(frozen=True)
class Entry:
    kind: str
    key: str
    op: str
    store: str
    row: dict[str, Any]
    at: str = ""

    def line(self) -> str:
        return json.dumps({"at": self.at, "store": self.store, "kind": self.kind, "key": self.key, "op": self.op,
                           "row": self.row}, ensure_ascii=False, sort_keys=True) + "\n"


def journal_path(store_path: str | Path) -> Path:
    return Path(str(store_path) + SUFFIX)


def store_file(conn: Queryable) -> str:
    """The file of the connection's main database ('' in memory)."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return str(row[2] or "")
    return ""


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def append(path: Path, entries: Iterable[Entry]) -> int:
    """Append entries (one write, then fsync); returns how many."""
    lines = [e.line() for e in entries]
    if not lines:
        return 0
    data = "".join(lines).encode("utf-8")
    with open(path, "a+b") as file:
        if file.tell() > 0:
            file.seek(-1, os.SEEK_END)
            if file.read(1) != b"\n":  # a torn last line: keep it apart from ours
                data = b"\n" + data
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    return len(lines)


def read_journal(path: Path) -> Iterator[Entry]:
    """The readable entries in order (torn or foreign lines skipped)."""
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below; a missing journal is empty
    except FileNotFoundError:
        return
    with file:
        for raw in file:
            try:
                item = json.loads(raw)
                entry = Entry(str(item["kind"]), str(item["key"]), str(item["op"]), str(item.get("store", "")),
                              dict(item.get("row") or {}), str(item.get("at", "")))
            except (ValueError, KeyError, TypeError):
                continue
            if entry.kind in KINDS and entry.op in (PUT, DELETE):
                yield entry


def replay(path: Path) -> dict[tuple[str, str], Entry]:
    """The last state of each piece of work in the journal."""
    return {(e.kind, e.key): e for e in read_journal(path)}


def record(conn: sqlite3.Connection, kind: str, key: str, row: dict[str, Any], op: str = PUT) -> None:
    """Journal one write of the reviewer's work on the store of `conn` (nothing for a store in
    memory). A journal that cannot be written does not stop the write: the next reconciliation
    catches up."""
    file = store_file(conn)
    if not file or not writable(Path(file)):  # nothing is written beside a read-only store
        return
    with contextlib.suppress(OSError):
        append(journal_path(file), [Entry(kind, key, op, store_id(conn), row, now())])
