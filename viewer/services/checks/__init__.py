"""The figure checks: does the report add up?

`run_checks(db)` recomputes every finding from the store and replaces the stored ones in one
transaction; `findings(db, ...)` reads them back with their evidence and sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.model.review import Finding
from viewer.services.checks import change, conflicts, outliers, parts, repeats, targets
from viewer.services.checks.context import Corpus
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils


def compute_findings(db: Queryable) -> list[Finding]:
    """Every finding of every check kind, not stored."""
    corpus = Corpus.load(db)
    return [
        *change.check(corpus),
        *conflicts.check(corpus),
        *outliers.check(corpus),
        *targets.check(corpus),
        *parts.check(corpus),
        *repeats.check(db),
    ]


def run_checks(db: sqlite_utils.Database) -> list[Finding]:
    """Recompute all findings and store them, replacing the old ones, in one transaction; returns
    them as stored (with ids, and evidence with file name, title and sentence)."""
    with db.atomic():
        store_checks.replace_findings(db, compute_findings(db))
    return store_checks.list_findings(db)


def findings(
    db: Queryable, doc_id: int | None = None, kind: str | None = None, figure_id: int | None = None
) -> list[Finding]:
    """Stored findings (of a document, a kind or a figure), evidence with file name, title and sentence."""
    return store_checks.list_findings(db, doc_id=doc_id, kind=kind, figure_id=figure_id)


__all__ = ["compute_findings", "findings", "run_checks"]
