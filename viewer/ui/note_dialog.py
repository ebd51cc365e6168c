"""The small dialog to write a note: its text and tags (comma or space separated)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from viewer.ui.i18n import tr

_TAG_SEPARATORS = re.compile(r"[,，、;；\s]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags in the order typed, once each; commas (also Chinese ones) or spaces separate them."""
    return tuple(dict.fromkeys(t for t in _TAG_SEPARATORS.split(text) if t))


class NoteDialog(QDialog):
    def __init__(self, quote: str, body: str = "", tags: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("批注"))
        layout = QFormLayout(self)
        shown = " ".join(quote.split())
        self.quote = QLabel(shown if len(shown) <= 120 else shown[:119] + "…")
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("QLabel { color: #555; }")
        layout.addRow(tr("原文："), self.quote)
        self.body = QPlainTextEdit(body)
        self.body.setTabChangesFocus(True)
        self.body.setMinimumSize(360, 100)
        layout.addRow(tr("批注："), self.body)
        self.tags = QLineEdit(", ".join(tags))
        self.tags.setPlaceholderText(tr("用逗号或空格分隔，如：存疑, 待核实"))
        layout.addRow(tr("标签："), self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.body.setFocus()

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.body.toPlainText().strip(), parse_tags(self.tags.text())


def ask_note(parent: QWidget, quote: str, body: str = "",
             tags: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]] | None:
    """Body and tags, or None when the reviewer cancels."""
    dialog = NoteDialog(quote, body, tags, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()
