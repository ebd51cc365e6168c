"""Where a listed correction is anchored now: the document now stored from its file, and its figure
and the figure's sentence there while the correction is applied."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model import Correction, CorrectionStatus
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
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
    found_figure = store_figures.figure_at_span(db, doc_id, correction.start, correction.end)
    if found_figure is None:
        return CorrectionAnchor(doc_id)
    figure_id, sentence_start, sentence_end = found_figure
    return CorrectionAnchor(doc_id, (correction.start, correction.end), (sentence_start, sentence_end), figure_id)
