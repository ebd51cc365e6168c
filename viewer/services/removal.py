"""Remove documents from a store, keeping the reviewer's work on them.

A removed document loses its text and everything derived from it (paragraphs, sentences,
figures, mentions); the findings that cited it are recomputed without it, and search no longer
finds it (search reads the stored texts). Its notes and corrections are not deleted: they are
the reviewer's own work. They stay in the store, orphaned (no document, their path, quote and
span kept), listed in the 批注 (全部文档) and 更正记录 panes and the corrections export, and are
attached again when a file of the same path is imported again (reattach_reviewer_work finds them
by path and quote).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from viewer.model.library_changes import RemovalPreview, RemovalReport
from viewer.services.checks import update_checks
from viewer.services.checks.scopes import scopes_of
from viewer.store import documents as store_documents
from viewer.store import library_changes as store_changes
from viewer.store import write_transaction
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils


def removal_preview(db: Queryable, doc_ids: Iterable[int]) -> RemovalPreview:
    """What removing these documents touches (ids not in the store are left out)."""
    docs = store_changes.document_refs(db, doc_ids)
    notes, corrections = store_changes.reviewer_work_counts(db, docs)
    findings = store_changes.findings_citing(db, [d.doc_id for d in docs])
    return RemovalPreview(tuple(docs), notes, corrections, findings)


def remove_documents(db: sqlite_utils.Database, doc_ids: Iterable[int]) -> RemovalReport:
    """Remove documents in one write transaction (their notes and corrections kept, orphaned),
    then recompute the findings they took part in."""
    wanted = sorted(set(doc_ids))
    docs = store_changes.document_refs(db, wanted)
    unknown = tuple(sorted(set(wanted) - {d.doc_id for d in docs}))
    if not docs:
        return RemovalReport((), 0, 0, unknown)
    ids = [d.doc_id for d in docs]
    previous = scopes_of(db, ids)  # what the documents took part in
    with write_transaction(db):
        notes, corrections = store_changes.orphan_reviewer_work(db, docs)
        for doc_id in ids:
            store_documents.delete_document(db, doc_id)
    update_checks(db, doc_ids=[], previous=previous)
    return RemovalReport(tuple(docs), notes, corrections, unknown)
