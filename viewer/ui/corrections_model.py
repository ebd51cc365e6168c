"""The table of the 更正记录 dock: a correction's status, figure, change (before → after),
document, author and time. An orphaned correction (its figure gone from the text) is in red."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from viewer.model import Correction, CorrectionStatus
from viewer.ui.correction_labels import correction_summary
from viewer.ui.corrections_filter import file_name
from viewer.ui.i18n import tr
from viewer.ui.review_labels import ALERT_COLOUR
from viewer.ui.tooltips import plain_tooltip

CORRECTION_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS, FIGURE, CHANGE, AUTHOR, TIME, DOCUMENT = range(6)
COLUMNS = 6
Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    labels = {CorrectionStatus.APPLIED: tr("已应用"), CorrectionStatus.MOVED: tr("已应用（位置有变）"),
              CorrectionStatus.ORPHANED: tr("原文已不存在")}
    return labels.get(status, status)


def local_time(stamp: str) -> str:
    """An ISO time stored in UTC, shown in the computer's time zone to the minute."""
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class CorrectionsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.corrections: list[Correction] = []

    def set_corrections(self, corrections: Sequence[Correction]) -> None:
        self.beginResetModel()
        self.corrections = list(corrections)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.corrections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("状态"), tr("数字"), tr("更正"), tr("更正人"), tr("时间"), tr("文档")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.corrections):
            return None
        correction = self.corrections[index.row()]
        column = index.column()
        orphaned = correction.status == CorrectionStatus.ORPHANED
        if role == CORRECTION_ROLE:
            return correction
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(correction, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(correction, column))
        if role == Qt.ItemDataRole.ForegroundRole and orphaned and column in (STATUS, FIGURE):
            return QBrush(QColor(ALERT_COLOUR))
        if role == Qt.ItemDataRole.FontRole and orphaned and column == STATUS:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, correction: Correction, column: int) -> str:
        if column == STATUS:
            return status_label(correction.status)
        if column == FIGURE:
            return correction.quote
        if column == CHANGE:
            return correction_summary(correction)
        if column == AUTHOR:
            return correction.author
        if column == TIME:
            return local_time(correction.updated_at)
        return correction.title or file_name(correction.doc_path)

    def _tooltip(self, correction: Correction, column: int) -> str:
        if column == FIGURE:
            if correction.status == CorrectionStatus.ORPHANED:
                return tr("原文中已找不到该数字：%1").replace(
                    "%1", f"{correction.context_before}{correction.quote}{correction.context_after}")
            return correction.sentence or correction.quote
        if column == DOCUMENT:
            return correction.doc_path
        if column == TIME:
            return f"{tr('首次更正')} {local_time(correction.created_at)}"
        return self._text(correction, column)

    def row_of(self, correction_id: int) -> int:
        return next((row for row, c in enumerate(self.corrections) if c.id == correction_id), -1)
