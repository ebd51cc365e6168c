"""The table of the 临时指标 dock: a provisional indicator's name, figures, documents, units and
first example sentence (all its examples in the tooltip, as plain text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.model.provisional import ProvisionalExample, ProvisionalIndicator
from viewer.ui.i18n import colon, in_brackets, list_separator, tr
from viewer.ui.tooltips import plain_tooltip

INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, FIGURES, DOCUMENTS, UNITS, EXAMPLE = range(5)
COLUMNS = 5
EXAMPLE_CHARS = 60
Index = QModelIndex | QPersistentModelIndex


def example_line(example: ProvisionalExample) -> str:
    return f"{example.figure}{in_brackets(example.title)}{colon()}{' '.join(example.sentence.split())}"


def indicator_matches(indicator: ProvisionalIndicator, words: str) -> bool:
    """Whether every word is in the name, a unit or an example sentence."""
    haystack = "\n".join((indicator.name, *indicator.units, *(e.sentence for e in indicator.examples))).casefold()
    return all(word.casefold() in haystack for word in words.split())


class ProvisionalModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.indicators: list[ProvisionalIndicator] = []

    def set_indicators(self, indicators: Sequence[ProvisionalIndicator]) -> None:
        self.beginResetModel()
        self.indicators = list(indicators)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.indicators)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("临时指标"), tr("数字"), tr("文档"), tr("单位"), tr("例句")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.indicators):
            return None
        indicator = self.indicators[index.row()]
        column = index.column()
        if role == INDICATOR_ROLE:
            return indicator
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(indicator, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [example_line(e) for e in indicator.examples]
            return plain_tooltip("\n".join(lines)) if column in (NAME, EXAMPLE) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (FIGURES, DOCUMENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, indicator: ProvisionalIndicator, column: int) -> Any:
        if column == NAME:
            return indicator.name
        if column == FIGURES:
            return indicator.figures
        if column == DOCUMENTS:
            return indicator.documents
        if column == UNITS:
            return list_separator().join(indicator.units)
        if not indicator.examples:
            return ""
        sentence = " ".join(indicator.examples[0].sentence.split())
        return sentence if len(sentence) <= EXAMPLE_CHARS else sentence[: EXAMPLE_CHARS - 1] + "…"

    def row_of(self, name: str) -> int:
        return next((row for row, i in enumerate(self.indicators) if i.name == name), -1)
