"""A dialog to choose an indicator of the taxonomy, searched by name, alias or group."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.services.correction_choices import IndicatorOption
from viewer.ui.i18n import in_brackets, list_separator, tr
from viewer.ui.tooltips import plain_tooltip

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def choice_matches(choice: IndicatorOption, words: str) -> bool:
    """Whether every word of `words` is in the indicator's name, an alias or its group."""
    haystack = "\n".join((choice.name, *choice.aliases, choice.group)).casefold()
    return all(word.casefold() in haystack for word in words.split())


class IndicatorPicker(QDialog):
    def __init__(self, choices: Sequence[IndicatorOption], prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("选择指标"))
        self.choices = list(choices)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索指标名称或别名…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(420, 480)
        self._fill("")

    def _fill(self, words: str) -> None:
        self.list.clear()
        for choice in self.choices:
            if choice_matches(choice, words):
                shown = choice.name + (in_brackets(choice.group) if choice.group else "")
                item = QListWidgetItem(shown)
                item.setData(NAME_ROLE, choice.name)
                if choice.aliases:
                    item.setToolTip(plain_tooltip(tr("别名：%1").replace("%1", list_separator().join(choice.aliases))))
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(self.list.currentItem() is not None)

    def shown_names(self) -> list[str]:
        return [str(self.list.item(row).data(NAME_ROLE)) for row in range(self.list.count())]

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else None


def pick_indicator(parent: QWidget, choices: Sequence[IndicatorOption], prompt: str) -> str | None:
    dialog = IndicatorPicker(choices, prompt, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
