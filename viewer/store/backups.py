"""Copies of the store made with SQLite's online backup API (consistent while others read and
write), and the copy kept before a migration."""

from __future__ import annotations

import contextlib
import datetime
import sqlite3
from pathlib import Path

from viewer.store.state import new_store_id

KEEP_BEFORE_UPGRADE = 2  # copies made before migrations kept beside the store
_PAGES_PER_STEP = 4096


def stamp() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")


def backup_to(source: sqlite3.Connection, out: Path) -> None:
    """Copy the store of `source` to a new file `out` (replaced if it exists). The copy gets an
    identity of its own when it has one (see store_state)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(str(partial))
    try:
        source.backup(target, pages=_PAGES_PER_STEP)
        if target.execute("SELECT 1 FROM sqlite_master WHERE name = 'store_state'").fetchone():
            new_store_id(target)
        target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        target.close()
    partial.replace(out)


def upgrade_backup_path(store: Path, version: int) -> Path:
    return store.with_name(f"{store.name}.before-schema-{version}-{stamp()}.bak")


def backup_before_upgrade(conn: sqlite3.Connection, store: Path, version: int) -> Path | None:
    """A copy of a store about to be migrated from schema `version`, beside it; the oldest such
    copies beyond KEEP_BEFORE_UPGRADE are removed. None for a new store (nothing to keep)."""
    if version == 0:
        return None
    out = upgrade_backup_path(store, version)
    backup_to(conn, out)
    kept = sorted(store.parent.glob(f"{store.name}.before-schema-*.bak"), key=lambda p: p.stat().st_mtime)
    for old in kept[:-KEEP_BEFORE_UPGRADE]:
        with contextlib.suppress(OSError):
            old.unlink()
    return out
