"""Find in the open document (Ctrl+F): every match highlighted, Enter steps through them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.ui.i18n import tr


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of every non-overlapping occurrence, ignoring case."""
    if not needle:
        return []
    haystack, needle = text.casefold(), needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß → ss): search as written
        haystack, needle = text, needle
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


class FindBar(QWidget):
    matchesChanged = Signal(object)  # list[tuple[int, int]]
    matchChosen = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel(tr("查找：")))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("在本文档中查找"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self._return_pressed)
        row.addWidget(self.edit, 1)
        self.count = QLabel()
        row.addWidget(self.count)
        for label, tip, slot in ((tr("上一个"), "Shift+Enter", self.previous_match),
                                 (tr("下一个"), "Enter", self.next_match),
                                 ("✕", "Esc", self.close_bar)):
            button = QToolButton()
            button.setText(label)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)

    def set_text(self, text: str, announce: bool = True) -> None:
        """A new text to search; with announce=False the caller reads `matches` itself."""
        self._text = text
        self.blockSignals(not announce)
        self._search(self.edit.text())
        self.blockSignals(False)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.edit.clear()
        self.hide()
        self.closed.emit()

    def _search(self, needle: str) -> None:
        self.matches = find_all(self._text, needle)
        self.current = -1
        self.count.setText(tr("%n 处", len(self.matches)) if needle else "")
        self.matchesChanged.emit(self.matches)

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self.matchChosen.emit(*self.matches[self.current])

    def _return_pressed(self) -> None:
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_match()
        else:
            self.next_match()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
