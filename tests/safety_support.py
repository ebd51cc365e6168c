"""Damage a store file on purpose (for the store-safety tests): overwrite bytes in the middle, or
the pages of one table."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def overwrite_middle(store: Path, size: int = 64 * 1024, seed: int = 14) -> int:
    """Overwrite `size` bytes in the middle of the file (page-aligned) with noise; returns the offset."""
    length = store.stat().st_size
    offset = (length // 2) // 4096 * 4096
    noise = random.Random(seed).randbytes(size)
    with open(store, "r+b") as file:
        file.seek(offset)
        file.write(noise)
    return offset


def table_pages(store: Path, table: str) -> tuple[list[int], int]:
    """The pages of a table's b-tree, read through dbstat when SQLite has it (else the root page
    alone), and the page size."""
    conn = sqlite3.connect(store)
    try:
        try:
            rows = conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table]).fetchall()
            pages = [int(r[0]) for r in rows]
        except sqlite3.OperationalError:
            pages = []
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    assert root is not None, f"no table {table}"
    return (pages or [int(root[0])]), page_size


def destroy_table(store: Path, table: str, seed: int = 7) -> int:
    """Overwrite every page of a table with noise; returns how many pages."""
    pages, page_size = table_pages(store, table)
    rng = random.Random(seed)
    with open(store, "r+b") as file:
        for page in pages:
            file.seek((page - 1) * page_size)
            file.write(rng.randbytes(page_size))
    return len(pages)


def checkpoint(store: Path) -> None:
    """Everything in the main file (nothing left in the WAL), as a damaged disk would find it."""
    conn = sqlite3.connect(store)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
