"""Keep the journal of the reviewer's work level with the store, and restore that work from a
journal into another store (a repaired one, or a fresh one the reports were imported into again).

Order of writing: each write of a note, a correction, a metadata edit, a merge or a plan row's
exclusion appends its line to the journal inside its transaction (viewer.store.reviewer_rows).
`reconcile` (run when a session starts writing, and after an import) appends whatever the journal
lacks: work written while the journal could not be, and the documents the store holds. Work that
the journal holds from this very store file and the store no longer has was deleted by the
reviewer; work from another file (before a repair or a restore) is not deleted by being absent.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.store.read_only import writable
from viewer.store.reviewer_rows import read_work
from viewer.store.state import store_id
from viewer.store.work_journal import DELETE, PUT, Entry, append, journal_path, now, replay, store_file

# What a re-anchoring or re-application changes on its own: not the reviewer's change.
_DERIVED = {"note": {"id", "doc_id", "span_start", "span_end", "status"},
            "correction": {"id", "doc_id", "span_start", "span_end", "status", "machine"}}


def fingerprint(kind: str, row: dict[str, Any]) -> str:
    skip = _DERIVED.get(kind, set())
    return json.dumps({k: v for k, v in row.items() if k not in skip}, ensure_ascii=False, sort_keys=True,
                      default=str)


@dataclass
class Reconciled:
    journal: Path
    appended: int = 0
    deleted: int = 0
    work: dict[str, int] = field(default_factory=dict)  # kind -> pieces now journalled from this store


def reconcile(conn: sqlite3.Connection, journal: Path | None = None) -> Reconciled:
    """Append to the journal what it lacks of the store's work (and mark deleted what this store
    journalled and no longer has). Nothing for a store in memory."""
    file = store_file(conn)
    path = journal or journal_path(file)
    result = Reconciled(path)
    if (not file and journal is None) or (file and not writable(Path(file))):
        return result  # nothing is written beside a store in memory or a read-only one
    this = store_id(conn)
    state = replay(path)
    current = read_work(conn)
    at = now()
    entries: list[Entry] = []
    for (kind, key), row in current.items():
        result.work[kind] = result.work.get(kind, 0) + 1
        last = state.get((kind, key))
        if last is None or last.op != PUT or last.store != this or fingerprint(kind, last.row) != fingerprint(kind, row):
            entries.append(Entry(kind, key, PUT, this, row, at))
    for (kind, key), last in state.items():
        if last.op == PUT and last.store == this and (kind, key) not in current:
            entries.append(Entry(kind, key, DELETE, this, last.row, at))
            result.deleted += 1
    result.appended = append(path, entries)
    return result


def journal_work(journal: Path) -> dict[tuple[str, str], Entry]:
    """The pieces of work the journal holds as present (its last line for them is a put)."""
    return {k: e for k, e in replay(journal).items() if e.op == PUT}


def journal_documents(conn: sqlite3.Connection) -> None:
    """After an import: the journal learns the documents (and anything else it lacks); a journal
    that cannot be written does not fail the import."""
    with contextlib.suppress(OSError):
        reconcile(conn)
