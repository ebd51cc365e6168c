"""A correction of a figure as one QUndoCommand on the window's stack.

The correction is made before the command is pushed (`correct_figure`, so that a failure is
reported, not swallowed by the stack); undo and redo then move between the two states by
correction: the one applied before (or none) and the one applied after (or none, when the
reviewer set the machine's values back).
Corrections keep their ids when undone and made again, and are found again by their quote, so
the command stays valid across a re-import of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from viewer.model import Correction, Figure
from viewer.ui.i18n import tr

# Where a change happened: (document id, start, end) of the figure.
Changed = Callable[[int | None, int, int], None]


class CorrectionStore(Protocol):
    def correct(self, figure_id: int, changes: dict[str, Any], author: str | None = None) -> Correction | None: ...

    def undo(self, correction_id: int) -> Correction: ...

    def restore(self, correction: Correction) -> Correction: ...

    def exists(self, correction_id: int) -> bool: ...


def correct_figure(store: CorrectionStore, figure: Figure, changes: dict[str, Any],
                   before: Correction | None, changed: Changed) -> CorrectFigure:
    """Correct the figure now; the command to push (its first redo only says what changed)."""
    before = replace(before) if before is not None else None
    after = store.correct(figure.id or 0, changes)
    return CorrectFigure(store, figure, before, after, changed)


class CorrectFigure(QUndoCommand):
    def __init__(self, store: CorrectionStore, figure: Figure, before: Correction | None,
                 after: Correction | None, changed: Changed) -> None:
        super().__init__(tr("更正 %1").replace("%1", figure.text))
        self.store, self.changed = store, changed
        self.before, self.after = before, after
        self.where: tuple[int | None, int, int] = (figure.doc_id, figure.start, figure.end)
        self._done = False  # the correction was made before the command was pushed

    def redo(self) -> None:
        if not self._done:
            self._done = True
        else:
            self.before, self.after = self._switch(self.before, self.after)
        self.changed(*self.where)

    def undo(self) -> None:
        self.after, self.before = self._switch(self.after, self.before)
        self.changed(*self.where)

    def _switch(self, current: Correction | None,
                wanted: Correction | None) -> tuple[Correction | None, Correction | None]:
        """Remove `current` (the machine's values come back), then make `wanted` again; both as
        the store has them now."""
        if current is not None and current.id is not None and self.store.exists(current.id):
            current = self.store.undo(current.id)
            self.where = (current.doc_id, current.start, current.end)
        if wanted is not None and wanted.id is not None and not self.store.exists(wanted.id):
            wanted = self.store.restore(wanted)
            self.where = (wanted.doc_id, wanted.start, wanted.end)
        return current, wanted
