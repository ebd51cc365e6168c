"""A reviewer's corrections of figures: make, undo and redo one; apply them again after a
document is re-imported or re-analysed; list them.

A correction keeps the figure's text (the quote) and a little context, like a note, and the
fields the reviewer set. It is applied to the figure's row (the chart, checks and exports read
figures), which then says source = reviewer. After a new analysis of its document it is found
again by its quote and applied to the figure there, or marked orphaned and kept.
"""

from __future__ import annotations

import datetime
import getpass
from typing import TYPE_CHECKING, Any

from viewer.model import CORRECTABLE, Correction, CorrectionStatus, Figure, Source
from viewer.services.checks import update_checks
from viewer.services.checks.scopes import scopes_of
from viewer.services.notes import CONTEXT_CHARS, locate
from viewer.store import corrections as store_corrections
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store.connection import Queryable
from viewer.text.indicators import load_lexicon

if TYPE_CHECKING:
    import sqlite_utils

# Not a data point: the figure keeps no indicator or place, so it is in no series.
_EXCLUDED_FIELDS = {"indicator": None, "region": None}


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _author() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        return ""


def figure_fields(figure: Figure, names: list[str] | tuple[str, ...] = CORRECTABLE) -> dict[str, Any]:
    """The correctable fields of a figure, as a correction stores them."""
    return {name: getattr(figure, name) for name in names}


def _effective(changes: dict[str, Any]) -> dict[str, Any]:
    """What a correction writes onto its figure: an excluded figure also loses indicator and place."""
    return {**changes, **_EXCLUDED_FIELDS} if changes.get("excluded") else dict(changes)


def _set_fields(db: sqlite_utils.Database, figure_id: int, fields: dict[str, Any], source: str) -> None:
    """Write fields onto a figure; an indicator written is provisional unless the lexicon in use
    (taxonomy and the user's) holds it."""
    if "indicator" in fields:
        indicator = fields["indicator"]
        fields = {**fields, "provisional": bool(indicator) and load_lexicon().get(indicator) is None}
    store_corrections.set_figure_fields(db, figure_id, fields, source)


def _check_changes(changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"not a correctable field: {', '.join(sorted(unknown))}")
    if "value" in changes and changes["value"] is not None and not isinstance(changes["value"], int | float):
        raise ValueError("value must be a number")
    if "year" in changes and changes["year"] is not None and not isinstance(changes["year"], int):
        raise ValueError("year must be a whole number")


def correction_of_figure(db: Queryable, figure: Figure) -> Correction | None:
    """The correction applied to a figure (matched by document and span), if any."""
    doc = store_documents.get_document(db, figure.doc_id or 0)
    if doc is None:
        return None
    for correction in store_corrections.corrections_of_path(db, doc.path):
        if (correction.start, correction.end) == (figure.start, figure.end) \
                and correction.status != CorrectionStatus.ORPHANED:
            return correction
    return None


def correct_figure(
    db: sqlite_utils.Database, figure_id: int, changes: dict[str, Any], author: str | None = None
) -> Correction | None:
    """Set fields of a figure as the reviewer says, merged with any earlier correction of it.
    Returns the correction now applied (None when the fields are back to the machine's: the
    correction is then removed). Checks the figure took part in are recomputed."""
    _check_changes(changes)
    figure = store_figures.get_figure(db, figure_id)
    if figure is None or figure.doc_id is None:
        raise KeyError(f"no figure {figure_id}")
    doc = store_documents.get_document(db, figure.doc_id)
    if doc is None:
        raise KeyError(f"no document {figure.doc_id}")
    previous = scopes_of(db, [figure.doc_id])
    with db.atomic():
        existing = correction_of_figure(db, figure)
        machine = dict(existing.machine) if existing else {}
        wanted = dict(existing.changes) if existing else {}
        wanted.update(changes)
        for name in _effective(wanted):
            machine.setdefault(name, getattr(figure, name))  # the analysis' value, before any correction
        wanted = {name: value for name, value in wanted.items() if value != machine.get(name)}
        if existing is not None and existing.id is not None:
            store_corrections.delete_correction(db, existing.id)
        _set_fields(db, figure_id, machine, Source.MACHINE)
        correction = None
        if wanted:
            now = _now()
            correction = Correction(
                doc_id=doc.id, doc_path=doc.path, start=figure.start, end=figure.end, quote=figure.text,
                context_before=doc.text[max(0, figure.start - CONTEXT_CHARS) : figure.start],
                context_after=doc.text[figure.end : figure.end + CONTEXT_CHARS], changes=wanted,
                machine={name: machine[name] for name in _effective(wanted)},
                author=existing.author if existing else (author if author is not None else _author()),
                status=CorrectionStatus.APPLIED, created_at=existing.created_at if existing else now,
                updated_at=now, id=existing.id if existing else None,
            )
            correction.id = store_corrections.insert_correction(db, correction)
            _set_fields(db, figure_id, _effective(wanted), Source.REVIEWER)
    update_checks(db, doc_ids=[figure.doc_id], previous=previous)
    return correction


def undo_correction(db: sqlite_utils.Database, correction_id: int) -> Correction:
    """Remove a correction and give its figure back the machine's values; returns the
    correction, so that `restore_correction` can make it again (redo)."""
    correction = get_correction(db, correction_id)
    figure_id = _applied_figure(db, correction)
    previous = scopes_of(db, [correction.doc_id]) if correction.doc_id is not None else None
    with db.atomic():
        store_corrections.delete_correction(db, correction_id)
        if figure_id is not None:
            _set_fields(db, figure_id, correction.machine, Source.MACHINE)
    if correction.doc_id is not None:
        update_checks(db, doc_ids=[correction.doc_id], previous=previous)
    return correction


def restore_correction(db: sqlite_utils.Database, correction: Correction) -> Correction:
    """Make an undone correction again, with its id, on its document's current figures."""
    if correction.id is None:
        raise ValueError("only a correction that was stored can be restored")
    if store_corrections.get_correction(db, correction.id) is not None:
        raise ValueError(f"correction {correction.id} exists already")
    previous = scopes_of(db, [correction.doc_id]) if correction.doc_id is not None else None
    with db.atomic():
        store_corrections.insert_correction(db, correction)
        found = store_documents.find_by_path(db, correction.doc_path)
        if found is not None:
            _reapply(db, found[0], [get_correction(db, correction.id)])
    if found is not None:
        update_checks(db, doc_ids=[found[0]], previous=previous)
    return get_correction(db, correction.id)


def get_correction(db: Queryable, correction_id: int) -> Correction:
    correction = store_corrections.get_correction(db, correction_id)
    if correction is None:
        raise KeyError(f"no correction {correction_id}")
    return correction


def list_corrections(db: Queryable, doc_id: int | None = None) -> list[Correction]:
    """Every correction (newest first), or those of one document; orphaned ones included."""
    found = store_corrections.list_corrections(db)
    if doc_id is None:
        return found
    doc = store_documents.get_document(db, doc_id)
    return [c for c in found if doc is not None and c.doc_path == doc.path]


def reapply_corrections(db: sqlite_utils.Database, doc_id: int) -> None:
    """Apply a document's corrections to the figures just written for it (in the writer's
    transaction, after `save_document` or a re-analysis): each is found again by its quote."""
    doc = store_documents.get_document(db, doc_id)
    if doc is not None:
        _reapply(db, doc_id, store_corrections.corrections_of_path(db, doc.path))


def reapply_to_document(db: sqlite_utils.Database, doc_id: int, corrections: list[Correction]) -> None:
    """Apply corrections just handed to a document (a new version of theirs) to its figures,
    found again by their quotes (in the writer's transaction)."""
    _reapply(db, doc_id, corrections)


def _reapply(db: sqlite_utils.Database, doc_id: int, corrections: list[Correction]) -> None:
    if not corrections:
        return
    doc = store_documents.get_document(db, doc_id)
    if doc is None:
        return
    spans = store_corrections.figure_spans(db, doc_id)
    for correction in corrections:
        span = locate(doc.text, correction)
        figure_id = _figure_at(spans, span) if span is not None else None
        if span is None or figure_id is None:
            correction.status = CorrectionStatus.ORPHANED
        else:
            figure = store_figures.get_figure(db, figure_id)
            assert figure is not None
            correction.machine = figure_fields(figure, list(_effective(correction.changes)))
            moved = span != (correction.start, correction.end) or correction.doc_id != doc_id
            correction.status = CorrectionStatus.MOVED if moved else CorrectionStatus.APPLIED
            correction.doc_id, (correction.start, correction.end) = doc_id, span
            _set_fields(db, figure_id, _effective(correction.changes), Source.REVIEWER)
        store_corrections.update_correction(db, correction)


def _figure_at(spans: list[tuple[int, int, int]], span: tuple[int, int]) -> int | None:
    """The figure over a located quote: the one sharing most of its characters."""
    start, end = span
    best, best_overlap = None, 0
    for figure_id, f_start, f_end in spans:
        overlap = min(end, f_end) - max(start, f_start)
        if overlap > best_overlap:
            best, best_overlap = figure_id, overlap
    return best


def _applied_figure(db: Queryable, correction: Correction) -> int | None:
    if correction.doc_id is None or correction.status == CorrectionStatus.ORPHANED:
        return None
    for figure_id, start, end in store_corrections.figure_spans(db, correction.doc_id):
        if (start, end) == (correction.start, correction.end):
            return figure_id
    return None
