"""The findings as a recorded state: an import marks them pending before it writes a document and
clears the mark in the transaction that stores the new findings. A store whose mark survived (the
import was killed, or failed, in between) has incomplete findings: the next import, `check`, or the
window's start-up recomputes them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.services.checks import update_checks
from viewer.services.checks.scopes import Scopes
from viewer.services.import_lock import import_lock_if_free
from viewer.store.state import checks_pending, clear_checks_pending, mark_checks_pending

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["PendingChecks", "checks_pending", "complete_pending_checks", "finish_checks", "start_checks"]


@dataclass(frozen=True)
class PendingChecks:
    token: str
    was_pending: bool  # an earlier run left them incomplete: this one recomputes them all


def start_checks(db: sqlite_utils.Database) -> PendingChecks:
    """Before writing documents: mark the findings pending (committed at once)."""
    was = checks_pending(db.conn)
    return PendingChecks(mark_checks_pending(db.conn), was)


def finish_checks(db: sqlite_utils.Database, pending: PendingChecks, doc_ids: list[int],
                  previous: Scopes | None = None, update: Callable[..., Any] | None = None) -> bool:
    """After writing documents: recompute the findings they reach (all of them when an earlier run
    left them incomplete) and clear the mark, in one transaction. Returns whether checks ran.
    `update`: the caller's `update_checks` (the checks service's by default)."""
    ran = bool(doc_ids) or pending.was_pending
    with db.atomic():
        if ran:
            (update or update_checks)(db, doc_ids=None if pending.was_pending else doc_ids, previous=previous)
        clear_checks_pending(db.conn, None if pending.was_pending else pending.token)
    return ran


def complete_pending_checks(db: sqlite_utils.Database, store_path: str | Path = ":memory:") -> bool:
    """Recompute every finding if the store says they are incomplete; returns whether it did.
    Stands aside while an import or re-analysis holds the store's import lock: it marked the
    findings pending itself and finishes them."""
    if not checks_pending(db.conn):
        return False
    with import_lock_if_free(store_path) as free:
        if not free:
            return False
        with db.atomic():
            update_checks(db)
            clear_checks_pending(db.conn)
    return True
