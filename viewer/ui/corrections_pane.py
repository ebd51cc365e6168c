"""The 更正记录 dock: every correction a reviewer made, orphaned ones included and in red,
filtered by words, status, the field changed and document; a row jumps to its sentence."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model import CORRECTABLE, Correction, CorrectionStatus
from viewer.ui.correction_labels import field_label
from viewer.ui.corrections_filter import CorrectionFilter, filtered
from viewer.ui.corrections_model import (
    AUTHOR,
    CHANGE,
    CORRECTION_ROLE,
    DOCUMENT,
    FIGURE,
    STATUS,
    TIME,
    CorrectionsModel,
    status_label,
)
from viewer.ui.i18n import tr

STATUSES = (CorrectionStatus.APPLIED, CorrectionStatus.MOVED, CorrectionStatus.ORPHANED)


class CorrectionsTable(QTableView):
    activateRequested = Signal()
    undoRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activateRequested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.undoRequested.emit()
            return
        super().keyPressEvent(event)


class CorrectionsPane(QWidget):
    correctionActivated = Signal(object)  # Correction: show it at its sentence
    undoRequested = Signal(object)  # Correction: give its figure the machine's values back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CorrectionsModel()
        self.all_corrections: list[Correction] = []
        self.current_path: str | None = None  # the open document's file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._action_bar())
        self.table = CorrectionsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((STATUS, 124), (FIGURE, 80), (CHANGE, 300), (AUTHOR, 60), (TIME, 120)):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(lambda index: self._emit_at(index, self.correctionActivated))
        self.table.activateRequested.connect(lambda: self._emit_current(self.correctionActivated))
        self.table.undoRequested.connect(lambda: self._emit_current(self.undoRequested))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_actions())
        layout.addWidget(self.table, 1)
        self.set_corrections([])

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("筛选：数字、指标、文档、更正人…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._apply_filter())
        bar.addWidget(self.filter_edit, 1)
        self.status_box = QComboBox()
        self.status_box.addItem(tr("全部状态"), "")
        for status in STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.field_box = QComboBox()
        self.field_box.addItem(tr("全部字段"), "")
        for name in CORRECTABLE:
            self.field_box.addItem(field_label(name), name)
        self.scope_box = QComboBox()
        self.scope_box.addItem(tr("全部文档"), True)
        self.scope_box.addItem(tr("当前文档"), False)
        for box in (self.status_box, self.field_box, self.scope_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _index: self._apply_filter())
            bar.addWidget(box)
        return bar

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.counts, 1)
        self.show_button = QToolButton()
        self.show_button.setText(tr("转到出处"))
        self.show_button.clicked.connect(lambda: self._emit_current(self.correctionActivated))
        self.undo_button = QToolButton()
        self.undo_button.setText(tr("撤销更正"))
        self.undo_button.setToolTip(tr("删除这条更正，数字恢复为程序识别的值（可用“撤销”恢复）"))
        self.undo_button.clicked.connect(lambda: self._emit_current(self.undoRequested))
        bar.addWidget(self.show_button)
        bar.addWidget(self.undo_button)
        return bar

    # -- contents -------------------------------------------------------------------------
    def set_corrections(self, corrections: Sequence[Correction]) -> None:
        """Every correction of the store (the pane filters them)."""
        self.all_corrections = list(corrections)
        self._apply_filter()

    def set_current_document(self, path: str | None) -> None:
        """The open document's file, for the 当前文档 scope."""
        if path != self.current_path:
            self.current_path = path
            if not self.all_scope():
                self._apply_filter()

    def all_scope(self) -> bool:
        return bool(self.scope_box.currentData())

    def set_all_scope(self, all_documents: bool) -> None:
        self.scope_box.setCurrentIndex(0 if all_documents else 1)

    def current_filter(self) -> CorrectionFilter:
        return CorrectionFilter(
            text=self.filter_edit.text(), status=str(self.status_box.currentData() or ""),
            field=str(self.field_box.currentData() or ""),
            doc_path=None if self.all_scope() else (self.current_path or ""),
        )

    def set_filter(self, chosen: CorrectionFilter) -> None:
        """Show the corrections `chosen` accepts (its doc_path None: all documents, else this one)."""
        for box, value in ((self.status_box, chosen.status), (self.field_box, chosen.field)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.scope_box.blockSignals(True)
        self.set_all_scope(chosen.doc_path is None)
        self.scope_box.blockSignals(False)
        if chosen.doc_path is not None:
            self.current_path = chosen.doc_path
        self.filter_edit.blockSignals(True)
        self.filter_edit.setText(chosen.text)
        self.filter_edit.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        current = self.current_correction()
        shown = filtered(self.all_corrections, self.current_filter())
        self.model.set_corrections(shown)
        self.table.setColumnHidden(DOCUMENT, not self.all_scope())
        orphaned = sum(1 for c in self.all_corrections if c.status == CorrectionStatus.ORPHANED)
        text = tr("%n 条更正", len(self.all_corrections))
        if len(shown) != len(self.all_corrections):
            text = tr("显示 %1 / %2 条更正").replace("%1", str(len(shown))).replace(
                "%2", str(len(self.all_corrections)))
        if orphaned:
            text += " · " + tr("%n 条原文已不存在", orphaned)
        self.counts.setText(text)
        if current is not None and current.id is not None:
            self.select_correction(current.id)
        self._enable_actions()

    def shown_corrections(self) -> list[Correction]:
        return list(self.model.corrections)

    def select_correction(self, correction_id: int) -> bool:
        row = self.model.row_of(correction_id)
        if row >= 0:
            self.table.selectRow(row)
        self._enable_actions()
        return row >= 0

    def current_correction(self) -> Correction | None:
        index = self.table.currentIndex()
        correction = index.data(CORRECTION_ROLE) if index.isValid() else None
        return correction if isinstance(correction, Correction) else None

    def _enable_actions(self) -> None:
        chosen = self.current_correction() is not None
        self.show_button.setEnabled(chosen)
        self.undo_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------
    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        """The menu of the chosen row: go to its sentence, undo it."""
        menu = QMenu(self)
        menu.addAction(tr("转到出处"), lambda: self._emit_current(self.correctionActivated))
        menu.addAction(tr("撤销更正"), lambda: self._emit_current(self.undoRequested))
        return menu

    def _emit_at(self, index: QModelIndex, signal: SignalInstance) -> None:
        correction = index.data(CORRECTION_ROLE)
        if isinstance(correction, Correction):
            signal.emit(correction)

    def _emit_current(self, signal: SignalInstance) -> None:
        correction = self.current_correction()
        if correction is not None:
            signal.emit(correction)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.corrections_pane [STORE]"""
    from viewer.services.corrections import list_corrections
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = CorrectionsPane()
    pane.set_corrections(list_corrections(library.conn))
    return run_alone(pane, "corrections pane")


if __name__ == "__main__":
    sys.exit(main())
