"""Correcting figures in the window: 更正… on a figure of the document pane (its context menu,
or F2 for the figure at the cursor) or on a chart point opens the correction editor; OK makes an
undoable correction, and the document pane, the chart and the checks show it at once.

Signals for the panes built on it: `correctionsChanged` after any correction made, undone or
redone here; `correctionAccepted(figure, result)` after the editor's OK was applied (the figure
as it was, the dialog's CorrectionResult with its options). `option_hooks` are called with each
new dialog and its figure, to add options (CorrectionDialog.add_option).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from viewer.model import Figure, Point
from viewer.ui.correction_commands import correct_figure
from viewer.ui.i18n import tr
from viewer.ui.ops import FINDINGS
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.ui.correction_dialog import CorrectionDialog, CorrectionResult
    from viewer.ui.main_window import MainWindow

OptionHook = Callable[["CorrectionDialog", Figure], None]


class CorrectionEditor(QObject):
    correctionsChanged = Signal()
    correctionAccepted = Signal(object, object)  # Figure (before), CorrectionResult

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: CorrectionDialog | None = None  # the editor open now
        self.option_hooks: list[OptionHook] = []

    # -- asking ---------------------------------------------------------------------------
    def ask_correct_current(self) -> CorrectionDialog | None:
        """The editor for the figure at the document pane's cursor or selection."""
        figure = self.window.document_pane.view.current_figure()
        if figure is None:
            self.window.statusBar().showMessage(tr("请先在文档中选中一个数字（单击数字或按 F3）。"), 5000)
            return None
        return self.ask_correct_figure(figure)

    def ask_correct_point(self, point: Point) -> CorrectionDialog | None:
        """The editor for a chart point's figure, its document opened at it."""
        self.window.show_point(point)
        try:
            figure = self.window.library.figure(point.figure_id)
        except KeyError:
            return None
        return self.ask_correct_figure(figure)

    def ask_correct_figure(self, figure: Figure) -> CorrectionDialog | None:
        """Open the editor (window-modal, not blocking) for a figure as the store has it now."""
        library = self.window.library
        try:
            figure = library.figure(figure.id if figure.id is not None else -1)
            document = library.document(figure.doc_id if figure.doc_id is not None else -1)
        except KeyError:
            self.window.statusBar().showMessage(tr("该数字已不在文档库中（文档已重新导入？）。"), 5000)
            return None
        if self.dialog is not None:
            self.dialog.reject()
        from viewer.ui.correction_dialog import CorrectionDialog  # its widgets load when first opened

        dialog = CorrectionDialog(figure, document.text[figure.sentence_start:figure.sentence_end],
                                  library.corrections.choices(), library.corrections.of_figure(figure),
                                  self.window.language, document.year, self.window)
        for hook in self.option_hooks:
            hook(dialog, figure)
        dialog.finished.connect(lambda code: self._finished(dialog, code))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _finished(self, dialog: CorrectionDialog, code: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted.value and dialog.accepted_answer is not None:
            self.apply(dialog.figure, dialog.accepted_answer)

    # -- correcting -------------------------------------------------------------------------
    def apply(self, figure: Figure, result: CorrectionResult) -> None:
        """Make the editor's changes (if any), then announce the accepted answer."""
        if result.changes:
            self.correct(figure, result.changes)
        self.correctionAccepted.emit(figure, result)

    def correct(self, figure: Figure, changes: dict[str, Any]) -> bool:
        """Correct a figure as one undoable step on the window's stack. False when it failed
        (the reviewer is told why)."""
        book = self.window.library.corrections
        try:
            command = correct_figure(book, figure, changes, book.of_figure(figure), self.figure_changed)
        except (KeyError, ValueError) as error:
            QMessageBox.warning(self.window, tr("更正数字"), plain_message(tr("未能更正：%1").replace("%1", str(error))))
            return False
        self.window.review.undo_stack.push(command)
        return True

    def figure_changed(self, doc_id: int | None, start: int, end: int) -> None:
        """Show a figure's new values: the open report's marks, the chart, the checks."""
        window, library = self.window, self.window.library
        figures = library.figures(doc_id) if doc_id is not None else []
        figure = next((f for f in figures if (f.start, f.end) == (start, end)), None)
        if window.current is not None and window.current.id == doc_id and doc_id is not None:
            window.document_pane.update_figures(figures, library.corrections.of_document(doc_id))
        chart = window.chart_if_loaded()
        if chart is not None:
            chart.reload(figure if figure is not None and figure.indicator else None)
        window.ops.announce({FINDINGS})
        self.correctionsChanged.emit()
