"""The figure checks: does the report add up?

`run_checks(db)` recomputes every finding from the store and replaces the stored ones in one
transaction, holding one document or one series at a time (see `run`); `run_checks(db,
doc_ids=...)` after an import recomputes only the findings those documents can change (see
`scopes`); `findings(db, ...)` reads them back with their evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from viewer.model.review import Finding
from viewer.services.checks.run import scoped_findings
from viewer.services.checks.scopes import Scopes, scopes_of
from viewer.store import checks as store_checks
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

FULL_RUN_SHARE = 0.5  # an import that reaches this share of the documents is checked by a full run


def compute_scoped(
    db: Queryable, scopes: Scopes | None = None, wanted: dict[int, set[tuple[int, int]] | None] | None = None
) -> list[tuple[str, Finding]]:
    """(scope, finding) of every finding, or of the findings of `scopes` (reading `wanted`, when
    given, as `scopes.sentences` gives it); not stored."""
    return list(scoped_findings(db, scopes, wanted))


def compute_findings(db: Queryable) -> list[Finding]:
    """Every finding of every check kind, not stored."""
    return [finding for _, finding in compute_scoped(db)]


def update_checks(
    db: sqlite_utils.Database, doc_ids: Iterable[int] | None = None, previous: Scopes | None = None
) -> Scopes | None:
    """Recompute findings and store them in one transaction; returns the scopes recomputed (None:
    every finding was).

    Without `doc_ids`, every finding is recomputed. With `doc_ids` (documents just imported or
    re-imported), only the findings they can change: `previous` names what replaced or deleted
    documents took part in before (`scopes_of(db, ids)` taken before the change); findings that
    cite documents no longer in the store are recomputed anyway. An import that reaches
    FULL_RUN_SHARE of the documents, or a store with findings from before scopes, gets a full run.
    """
    scopes, wanted = None, None
    if doc_ids is not None and not store_checks.unscoped_findings(db):
        ids = set(doc_ids)
        total = max(1, len(store_checks.document_ids(db)))
        # So many documents read at least as many: a full run, without first reading what they reach
        # (a query per series: minutes for a re-analysis of 10,000 documents).
        if len(ids) < FULL_RUN_SHARE * total:
            scopes = scopes_of(db, ids) | (previous or Scopes())
            wanted = scopes.sentences(db)
            if len(wanted) >= FULL_RUN_SHARE * total:
                scopes, wanted = None, None
    with db.atomic():
        store_checks.write_findings(db, scoped_findings(db, scopes, wanted), None if scopes is None else scopes.keys())
    return scopes


def run_checks(
    db: sqlite_utils.Database, doc_ids: Iterable[int] | None = None, previous: Scopes | None = None
) -> list[Finding]:
    """`update_checks`, then the findings recomputed as stored (with ids, and evidence with file
    name, title and sentence): all of them after a full run."""
    scopes = update_checks(db, doc_ids, previous)
    return store_checks.list_findings(db, scopes=None if scopes is None else scopes.keys())


def check_counts(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """`update_checks` of every finding, then (kind, verdict, how many) of the findings stored:
    what a full run reports without reading every finding back."""
    update_checks(db)
    return store_checks.finding_counts(db)


def findings(
    db: Queryable, doc_id: int | None = None, kind: str | None = None, figure_id: int | None = None
) -> list[Finding]:
    """Stored findings (of a document, a kind or a figure), evidence with file name, title and sentence."""
    return store_checks.list_findings(db, doc_id=doc_id, kind=kind, figure_id=figure_id)


__all__ = [
    "Scopes", "check_counts", "compute_findings", "compute_scoped", "findings", "run_checks", "scopes_of", "update_checks",
]
