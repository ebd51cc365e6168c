"""`policy-viewer backup`: a consistent copy of the store made with SQLite's online backup API
(other programs may read and write meanwhile), checked with integrity_check."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from viewer.store import StoreError, store_error
from viewer.store.backups import backup_to, stamp
from viewer.store.health import integrity_check

BUSY_SECONDS = 30.0


@dataclass(frozen=True)
class Backup:
    out: Path
    size: int
    seconds: float
    problems: tuple[str, ...]  # integrity_check of the copy (empty: sound)


def default_backup_path(store: Path) -> Path:
    """Beside the store: store.db -> store.backup-20261205-013000.db."""
    return store.with_name(f"{store.stem}.backup-{stamp()}{store.suffix or '.db'}")


def backup_store(store: Path, out: Path | None = None) -> Backup:
    """Copy the store to `out` (default: beside it, named by the time). The copy of a damaged store
    is as damaged as it: its problems are returned (then `policy-viewer repair` is the way)."""
    if not store.is_file():
        raise StoreError(f"{store}: no store here", store, StoreError.CANNOT_OPEN)
    target = out or default_backup_path(store)
    if target.resolve() == store.resolve():
        raise ValueError(f"{target}: the backup cannot replace the store itself")
    started = time.perf_counter()
    try:
        source = sqlite3.connect(str(store), timeout=BUSY_SECONDS)
    except sqlite3.DatabaseError as error:
        raise store_error(store, error) or error from error
    try:
        backup_to(source, target)
    except sqlite3.DatabaseError as error:
        raise store_error(store, error, "could not back up the store") or error from error
    finally:
        source.close()
    copy = sqlite3.connect(str(target))
    try:
        problems = tuple(integrity_check(copy))
    finally:
        copy.close()
    return Backup(target, target.stat().st_size, time.perf_counter() - started, problems)
