"""The 更正记录 dock in the window: listing the store's corrections, jumping to a correction's
sentence, and undoing one (an undoable command on the window's stack)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDockWidget

from viewer.model import Correction, CorrectionStatus
from viewer.services import corrections as corrections_service
from viewer.services.correction_anchors import correction_anchor
from viewer.ui.corrections_pane import CorrectionsPane
from viewer.ui.i18n import tr

if TYPE_CHECKING:
    from viewer.services.library import Library
    from viewer.ui.main_window import MainWindow


class RemoveCorrection(QUndoCommand):
    """Undo a correction (its figure gets the machine's values back); undoing this makes it again."""

    def __init__(self, library: Library, correction: Correction, changed: Callable[[Correction], None]) -> None:
        super().__init__(tr("撤销更正 %1").replace("%1", correction.quote))
        self.library, self.correction, self.changed = library, correction, changed

    def redo(self) -> None:
        self.correction = corrections_service.undo_correction(self.library.db, self.correction.id or 0)
        self.changed(self.correction)

    def undo(self) -> None:
        self.correction = corrections_service.restore_correction(self.library.db, self.correction)
        self.changed(self.correction)


class CorrectionsController(QObject):
    correctionsChanged = Signal()  # a correction was undone or made again from here

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pane = CorrectionsPane(window.language)
        self.dock: QDockWidget | None = None
        self._stale = True
        self.pane.correctionActivated.connect(self.show_correction)
        self.pane.undoRequested.connect(self.remove_correction)

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
        self.pane.set_corrections(corrections_service.list_corrections(self.window.library.conn))

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

    def remove_correction(self, correction: Correction) -> None:
        if correction.id is None:
            return
        self.window.review.undo_stack.push(RemoveCorrection(self.window.library, correction, self._changed))

    def _changed(self, correction: Correction) -> None:
        """The figure of `correction` changed: its document, the chart and the checks show it."""
        window = self.window
        place = correction_anchor(window.library.conn, correction)
        if place.doc_id is not None and window.current is not None and window.current.id == place.doc_id:
            window.open_document(place.doc_id, select=place.figure, reload=True)
        chart = window.chart_if_loaded()
        if chart is not None:
            chart.reload_indicators()
            if place.figure_id is not None:
                window.show_figure(window.library.figure(place.figure_id))
        window.review.refresh_findings()
        self.refresh()
        self.correctionsChanged.emit()
