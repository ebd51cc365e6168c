"""The table of the 批注 dock: a note's status, quote, body, tags and document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from viewer.model.review import Note
from viewer.ui.i18n import tr
from viewer.ui.review_labels import ALERT_COLOUR, note_status_label
from viewer.ui.tooltips import plain_tooltip

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS, QUOTE, BODY, TAGS, DOCUMENT = range(5)
Index = QModelIndex | QPersistentModelIndex


class NotesModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.notes: list[Note] = []
        self.titles: dict[int, str] = {}  # document id -> title, for the document column

    def set_notes(self, notes: Sequence[Note], titles: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self.titles = dict(titles or {})
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("状态"), tr("原文"), tr("批注"), tr("标签"), tr("文档")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.notes):
            return None
        note = self.notes[index.row()]
        column = index.column()
        if role == NOTE_ROLE:
            return note
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(note, column, full=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(note, column, full=True))
        if role == Qt.ItemDataRole.ForegroundRole and note.orphaned and column in (STATUS, QUOTE):
            return QBrush(QColor(ALERT_COLOUR))
        return None

    def _text(self, note: Note, column: int, full: bool) -> str:
        if column == STATUS:
            return note_status_label(note.status)
        if column == QUOTE:
            quote = " ".join(note.quote.split())
            return quote if full or len(quote) <= 40 else quote[:39] + "…"
        if column == BODY:
            return note.body
        if column == TAGS:
            return ", ".join(note.tags)
        if note.doc_id is not None and note.doc_id in self.titles:
            return self.titles[note.doc_id]
        return note.doc_path

    def row_of(self, note_id: int) -> int:
        return next((row for row, n in enumerate(self.notes) if n.id == note_id), -1)
