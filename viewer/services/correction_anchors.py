"""Where a listed correction is anchored now: the document now stored from its file, and its figure
and the figure's sentence there while the correction is applied."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model import Correction, CorrectionStatus
from viewer.store import documents as store_documents
from viewer.store.connection import Queryable


@dataclass(frozen=True)
class CorrectionAnchor:
    doc_id: int | None  # None: no document of the store comes from the correction's file
    figure: tuple[int, int] | None = None  # the figure's span; None for an orphaned correction
    sentence: tuple[int, int] | None = None
    figure_id: int | None = None


def correction_anchor(db: Queryable, correction: Correction) -> CorrectionAnchor:
    found = store_documents.find_by_path(db, correction.doc_path)
    if found is None:
        return CorrectionAnchor(None)
    doc_id = found[0]
    if correction.status == CorrectionStatus.ORPHANED:
        return CorrectionAnchor(doc_id)
    row = db.execute(
        "SELECT id, sentence_start, sentence_end FROM figures WHERE doc_id = ? AND span_start = ? AND span_end = ?",
        [doc_id, correction.start, correction.end],
    ).fetchone()
    if row is None:
        return CorrectionAnchor(doc_id)
    return CorrectionAnchor(doc_id, (correction.start, correction.end), (int(row[1]), int(row[2])), int(row[0]))
