"""The 更正记录 dock in the window: listing the store's corrections, jumping to a correction's
sentence, and undoing one: the correction editor's undoable command (correction_commands) on the
window's stack, its figure shown again by the editor; the list follows every correction change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QMessageBox

from viewer.model import Correction, CorrectionStatus, Figure
from viewer.services.correction_anchors import correction_anchor
from viewer.ui.correction_commands import CorrectFigure
from viewer.ui.corrections_pane import CorrectionsPane
from viewer.ui.i18n import tr
from viewer.ui.ops import CORRECTIONS
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class CorrectionsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pane = CorrectionsPane()
        self.dock: QDockWidget | None = None
        self._stale = True
        self.pane.correctionActivated.connect(self.show_correction)
        self.pane.undoRequested.connect(self.remove_correction)
        window.correction_editor.correctionsChanged.connect(self.refresh)
        window.ops.changed.connect(lambda areas: self.refresh() if CORRECTIONS in areas else None)

    def attach(self, dock: QDockWidget) -> None:
        """Read the corrections when the dock is shown (not at start-up while it is hidden)."""
        self.dock = dock
        dock.visibilityChanged.connect(lambda visible: self.reload() if visible and self._stale else None)

    def refresh(self) -> None:
        """The corrections changed (an import, a re-analysis, a correction): read them again now
        if the dock is shown, else when it is."""
        self._stale = True
        if self.dock is None or self.dock.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        current = self.window.current
        self.pane.set_current_document(current.path if current is not None else None)
        self.pane.set_corrections(self.window.library.corrections.all())

    def document_opened(self) -> None:
        current = self.window.current
        self.pane.set_current_document(current.path if current is not None else None)

    def show_correction(self, correction: Correction) -> bool:
        """Open the correction's document at its figure, the figure's sentence marked. An orphaned
        correction opens its document, if it is still in the store, and says the figure is gone."""
        place = correction_anchor(self.window.library.conn, correction)
        status = self.window.statusBar()
        if place.doc_id is None:
            status.showMessage(tr("该更正所在的文档已不在文档库中：%1").replace("%1", correction.doc_path), 6000)
            return False
        if not self.window.open_document(place.doc_id):
            return False
        view = self.window.document_pane.view
        if place.figure is None or correction.status == CorrectionStatus.ORPHANED:
            view.set_selected_spans([])
            status.showMessage(tr("该更正的数字“%1”已不在文档中，更正未应用。").replace("%1", correction.quote), 6000)
            return False
        view.set_selected_spans([place.sentence] if place.sentence is not None else [])
        view.select_span(*place.figure)
        return True

    def remove_correction(self, correction: Correction) -> bool:
        """Undo a correction (its figure gets the machine's values back) as one step on the
        window's stack; undoing that step makes the correction again."""
        book = self.window.library.corrections
        if correction.id is None or not book.exists(correction.id):
            return False
        anchor = correction_anchor(self.window.library.conn, correction)
        try:
            removed = book.undo(correction.id)
        except (KeyError, ValueError) as error:
            QMessageBox.warning(self.window, tr("撤销更正"), plain_message(tr("未能撤销更正：%1").replace("%1", str(error))))
            return False
        # The command reads only the figure's text and place.
        figure = Figure(removed.start, removed.end, removed.quote, None, "", "", doc_id=anchor.doc_id)
        command = CorrectFigure(book, figure, removed, None, self.window.correction_editor.figure_changed)
        command.setText(tr("撤销更正 %1").replace("%1", removed.quote))
        self.window.review.undo_stack.push(command)
        return True
