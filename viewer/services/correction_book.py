"""The reviewer's corrections of figures as the window uses them (`Library.corrections`): make,
undo and redo one, read those of a document, and what the correction editor offers.

Reading a document's corrections is a store read, done whenever a document opens; the writing
service (viewer.services.corrections, which recomputes checks) is imported on first use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from viewer.model import Correction, CorrectionStatus, Figure
from viewer.store import corrections as store_corrections
from viewer.store import review_queries
from viewer.store.connection import change_version

if TYPE_CHECKING:
    import sqlite_utils

    from viewer.services.correction_choices import EditorChoices


class CorrectionBook:
    def __init__(self, conn: sqlite3.Connection, db: Callable[[], sqlite_utils.Database]) -> None:
        self.conn = conn
        self._db = db  # the same connection through sqlite-utils, made on the first write
        self._choices: tuple[tuple[int, int], EditorChoices] | None = None

    def correct(self, figure_id: int, changes: dict[str, Any], author: str | None = None) -> Correction | None:
        """Set fields of a figure (see services.corrections.correct_figure); the correction now
        applied, or None when the figure is back to the machine's values."""
        from viewer.services import corrections

        return corrections.correct_figure(self._db(), figure_id, changes, author)

    def undo(self, correction_id: int) -> Correction:
        """Remove a correction; its figure has the machine's values again. Returns it for `restore`."""
        from viewer.services import corrections

        return corrections.undo_correction(self._db(), correction_id)

    def restore(self, correction: Correction) -> Correction:
        """Make a removed correction again, with its id."""
        from viewer.services import corrections

        return corrections.restore_correction(self._db(), correction)

    def exists(self, correction_id: int) -> bool:
        return store_corrections.get_correction(self.conn, correction_id) is not None

    def of_document(self, doc_id: int) -> list[Correction]:
        """A document's corrections (orphaned ones too), in text order."""
        path = review_queries.document_path(self.conn, doc_id)
        return store_corrections.corrections_of_path(self.conn, path) if path is not None else []

    def of_figure(self, figure: Figure) -> Correction | None:
        """The correction applied to a figure, if any."""
        if figure.doc_id is None:
            return None
        return next((c for c in self.of_document(figure.doc_id) if (c.start, c.end) == (figure.start, figure.end)
                     and c.status != CorrectionStatus.ORPHANED), None)

    def all(self) -> list[Correction]:
        """Every correction, newest first, with its document's title and sentence."""
        return store_corrections.list_corrections(self.conn)

    def choices(self) -> EditorChoices:
        """What the editor offers; read again once the store changed (here or elsewhere)."""
        from viewer.services.correction_choices import editor_choices

        version = change_version(self.conn)
        if self._choices is None or self._choices[0] != version:
            self._choices = (version, editor_choices(self.conn))
        return self._choices[1]
