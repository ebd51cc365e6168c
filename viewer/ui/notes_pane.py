"""The 批注 dock: the notes of the open report (or of all reports), orphaned ones included."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model.review import Note
from viewer.ui.i18n import tr
from viewer.ui.notes_model import BODY, DOCUMENT, NOTE_ROLE, QUOTE, STATUS, TAGS, NotesModel


class NotesTable(QTableView):
    deleteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)


class NotesPane(QWidget):
    noteActivated = Signal(object)  # Note: show it in its report
    editRequested = Signal(object)  # Note
    deleteRequested = Signal(object)  # Note
    scopeChanged = Signal(bool)  # all documents?

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NotesModel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.all_documents = QCheckBox(tr("全部文档"))
        self.all_documents.toggled.connect(self.scopeChanged.emit)
        bar.addWidget(self.all_documents)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.counts, 1)
        self.edit_button = QToolButton()
        self.edit_button.setText(tr("编辑"))
        self.edit_button.clicked.connect(lambda: self._emit_current(self.editRequested))
        self.delete_button = QToolButton()
        self.delete_button.setText(tr("删除"))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.deleteRequested))
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.table = NotesTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((STATUS, 90), (QUOTE, 150), (BODY, 190), (TAGS, 80)):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(lambda index: self._emit_at(index, self.editRequested))
        self.table.deleteRequested.connect(lambda: self._emit_current(self.deleteRequested))
        layout.addWidget(self.table, 1)
        self.set_notes([])

    def all_scope(self) -> bool:
        return self.all_documents.isChecked()

    def set_notes(self, notes: Sequence[Note], titles: dict[int, str] | None = None) -> None:
        current = self.current_note()
        self.model.set_notes(notes, titles)
        self.table.setColumnHidden(DOCUMENT, not self.all_scope())
        orphaned = sum(1 for n in notes if n.orphaned)
        text = tr("%n 条批注", len(notes))
        if orphaned:
            text += " · " + tr("%n 条找不到原文", orphaned)
        self.counts.setText(text)
        if current is not None and current.id is not None:
            self.select_note(current.id)

    def select_note(self, note_id: int) -> bool:
        row = self.model.row_of(note_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def current_note(self) -> Note | None:
        index = self.table.currentIndex()
        note = index.data(NOTE_ROLE) if index.isValid() else None
        return note if isinstance(note, Note) else None

    def _clicked(self, index: QModelIndex) -> None:
        self._emit_at(index, self.noteActivated)

    def _emit_at(self, index: QModelIndex, signal: SignalInstance) -> None:
        note = index.data(NOTE_ROLE)
        if isinstance(note, Note):
            signal.emit(note)

    def _emit_current(self, signal: SignalInstance) -> None:
        note = self.current_note()
        if note is not None:
            signal.emit(note)
