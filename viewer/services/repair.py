"""`policy-viewer repair`: rebuild a damaged store from what can still be read of it, plus the
journal of the reviewer's work beside it.

What is read, row by row, skipping the pages that cannot be read (viewer.store.salvage): the
documents (path, text, metadata) and the reviewer's notes, corrections, merges and plan exclusions. Everything else
is derived from the texts, so it is not copied but made again: each document is analysed anew and
written whole (as `reanalyze --whole` does), which re-anchors the notes, applies the corrections
again and recomputes every finding. Work the damaged file lost comes back from the journal.
Documents whose rows could not be read are listed by path, to be imported again.

The damaged file is kept beside the store (store.db.damaged-<time>), and the repaired one takes
its place; with `out`, the repaired store is written there and the damaged one is left alone.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from viewer.services.reanalysis import ReanalysisProgress, reanalyze
from viewer.services.reviewer_journal import reconcile
from viewer.services.work_restore import RestoredWork, restore_work
from viewer.store import StoreError, open_store
from viewer.store import documents as store_documents
from viewer.store.backups import stamp
from viewer.store.health import checkpoint, integrity_check
from viewer.store.read_only import only_read
from viewer.store.reviewer_rows import columns, detach_missing_documents, insert_row
from viewer.store.salvage import Salvaged, read_rows, stored_paths, table_columns
from viewer.store.work_journal import journal_path

# Read from the damaged store: the texts and the reviewer's own work.
COPIED = ("documents", "notes", "corrections", "entity_merges", "plan_exclusions")


@dataclass
class Repair:
    store: Path  # the repaired store
    damaged: Path | None  # where the damaged file was kept (None: left in place, `out` was given)
    documents: int = 0  # documents rebuilt
    lost_documents: list[str] = field(default_factory=list)  # paths to import again
    tables: list[Salvaged] = field(default_factory=list)
    work: RestoredWork | None = None
    failed: list[str] = field(default_factory=list)  # documents whose analysis failed (kept, text only)
    problems: tuple[str, ...] = ()  # integrity_check of the repaired store
    seconds: float = 0.0

    def lost_rows(self, table: str) -> bool:
        return any(s.table == table and (s.gaps or s.unreadable) for s in self.tables)


def repair_store(store: Path, out: Path | None = None, processes: int | None = None,
                 progress: Callable[[ReanalysisProgress], None] | None = None) -> Repair:
    started = time.perf_counter()
    if not store.is_file():
        raise StoreError(f"{store}: no store here", store, StoreError.CANNOT_OPEN)
    building = (out or store).with_name((out or store).name + f".repairing-{stamp()}")
    report = Repair(out or store, None)
    source = sqlite3.connect(str(store))
    only_read(source)
    try:
        target = open_store(building)
        try:
            _copy(source, target.conn, report)
            known = set(stored_paths(source))
        finally:
            target.conn.close()
    finally:
        source.close()
    journal = journal_path(store)
    if journal.is_file():
        db = open_store(building)
        try:
            report.work = restore_work(db, journal, reattach=False)
            known |= set(report.work.missing_documents)
        finally:
            db.conn.close()
    rebuilt = reanalyze(building, processes=processes, whole=True, progress=progress)
    report.failed = [f"{d.title}: {d.reason}" for d in rebuilt.failed]
    db = open_store(building)
    try:
        kept = store_documents.document_paths(db)
        report.documents = len(kept)
        report.lost_documents = sorted(known - kept)
        report.problems = tuple(integrity_check(db.conn))
        checkpoint(db.conn)
    finally:
        db.conn.close()
    report.damaged = _put_in_place(store, building, out)
    db = open_store(report.store)
    try:
        reconcile(db.conn, journal_path(report.store))
    finally:
        db.conn.close()
    report.seconds = time.perf_counter() - started
    return report


def _copy(source: sqlite3.Connection, target: sqlite3.Connection, report: Repair) -> None:
    """The readable rows of COPIED, with their ids, in one transaction."""
    with target:
        for table in COPIED:
            wanted = [c for c in columns(target, table) if c in set(table_columns(source, table))]
            salvaged = Salvaged(table)
            report.tables.append(salvaged)
            if not wanted:
                salvaged.unreadable = True
                continue
            for values in read_rows(source, table, wanted, salvaged):
                with contextlib.suppress(sqlite3.IntegrityError):  # a damaged row breaking a constraint
                    insert_row(target, table, dict(zip(wanted, values, strict=True)), keep_id=True)
        detach_missing_documents(target)


def _put_in_place(store: Path, building: Path, out: Path | None) -> Path | None:
    """Move the repaired store to its place; keep the damaged file beside it (returned)."""
    if out is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(out) + suffix).unlink(missing_ok=True)
        building.replace(out)
        _drop_sidecars(building)
        return None
    damaged = store.with_name(f"{store.name}.damaged-{stamp()}")
    store.replace(damaged)
    for suffix in ("-wal", "-shm"):
        sidecar = Path(str(store) + suffix)
        if sidecar.exists():
            sidecar.replace(Path(str(damaged) + suffix))
    building.replace(store)
    _drop_sidecars(building)
    return damaged


def _drop_sidecars(building: Path) -> None:
    for suffix in ("-wal", "-shm", ".work-journal.jsonl", ".import-lock"):
        Path(str(building) + suffix).unlink(missing_ok=True)
