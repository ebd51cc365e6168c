"""What a reviewer made on a document, carried over to its newly written analysis: after any
write of a document's figures (import, re-import, re-analysis), call `reattach_reviewer_work`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.services.corrections import reapply_corrections
from viewer.services.notes import reanchor_notes

if TYPE_CHECKING:
    import sqlite_utils


def reattach_reviewer_work(db: sqlite_utils.Database, doc_id: int) -> None:
    """Re-anchor the notes of a document just written and apply its corrections again to its new
    figures (in the writer's transaction)."""
    reanchor_notes(db, doc_id)
    reapply_corrections(db, doc_id)
