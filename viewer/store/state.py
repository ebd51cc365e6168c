"""The store's own state (table store_state): its identity and whether its findings are complete."""

from __future__ import annotations

import secrets
import sqlite3

from viewer.store.connection import Queryable

STORE_ID = "store_id"
CHECKS_PENDING = "checks_pending"


def get_state(db: Queryable, key: str) -> str | None:
    try:
        row = db.execute("SELECT value FROM store_state WHERE key = ?", [key]).fetchone()
    except sqlite3.OperationalError:  # a store from before schema 14, opened read-only
        return None
    return str(row[0]) if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)", [key, value])


def store_id(db: Queryable) -> str:
    """This file's identity ('' before schema 14): a backup or a repaired store gets its own."""
    return get_state(db, STORE_ID) or ""


def new_store_id(conn: sqlite3.Connection) -> str:
    """Give the store a new identity (a backup, a repaired store): work it lacks is not work the
    reviewer deleted from it."""
    value = secrets.token_hex(16)
    with conn:
        set_state(conn, STORE_ID, value)
    return value


def mark_checks_pending(conn: sqlite3.Connection) -> str:
    """Record, in a transaction of its own, that the findings are about to be out of date (an
    import is going to write documents); returns the token that `clear_checks_pending` needs."""
    token = secrets.token_hex(8)
    with conn:
        set_state(conn, CHECKS_PENDING, token)
    return token


def checks_pending(db: Queryable) -> bool:
    return get_state(db, CHECKS_PENDING) is not None


def clear_checks_pending(conn: sqlite3.Connection, token: str | None = None) -> None:
    """In the caller's transaction (the one storing the findings): the findings are complete.
    With a token, only the mark of that run is cleared (another import may have marked since)."""
    if token is None:
        conn.execute("DELETE FROM store_state WHERE key = ?", [CHECKS_PENDING])
    else:
        conn.execute("DELETE FROM store_state WHERE key = ? AND value = ?", [CHECKS_PENDING, token])
