"""The 目标 dock: every target of the store — indicator, place, target and its year, the latest
actual, and whether it was met — filtered by outcome; a row opens the target's sentence.

The checks panel shows by default only what needs attention, so met targets are hidden there;
here every target is listed (viewer.services.targets_view)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.services.figure_words import period_words
from viewer.services.targets_view import TargetRow, TargetStatus, status_counts
from viewer.ui.i18n import CONTEXT, current_language, in_brackets, list_separator, tr
from viewer.ui.review_labels import ALERT_COLOUR, FINE_COLOUR, MUTED_COLOUR, QUESTION_COLOUR

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
INDICATOR, REGION, TARGET, YEAR, ACTUAL, STATUS, DOCUMENT = range(7)
Index = QModelIndex | QPersistentModelIndex
ALL_STATUSES = ""  # the filter's choice of every status


TABLE = "targets table"  # the translations of this dock: 目标 is "Target" here, not the role word "target"


def table_word(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text, TABLE)


def dock_title() -> str:
    return table_word("目标")


def status_label(status: str) -> str:
    return {TargetStatus.MET: tr("已完成"), TargetStatus.MISSED: tr("未完成"),
            TargetStatus.NOT_REPORTED: tr("尚无实际数据"), TargetStatus.CANNOT_CHECK: tr("无法确定"),
            TargetStatus.UNCHECKED: tr("未核对")}.get(status, status)


def status_colour(status: str) -> str:
    return {TargetStatus.MET: FINE_COLOUR, TargetStatus.MISSED: ALERT_COLOUR,
            TargetStatus.CANNOT_CHECK: QUESTION_COLOUR}.get(status, MUTED_COLOUR)


class TargetsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TargetRow] = []

    def set_rows(self, rows: Sequence[TargetRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [table_word(w) for w in ("指标", "地区", "目标值", "目标年份", "最新实际", "状态", "文档")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == TARGET_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.doc_title if index.column() == DOCUMENT else self.text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATUS:
            return QBrush(QColor(status_colour(row.status)))
        return None

    def text(self, row: TargetRow, column: int) -> str:
        language = current_language()
        if column == INDICATOR:
            return row.indicator or tr("（未关联）")
        if column == REGION:
            return row.region or "—"
        if column == TARGET:
            return row.text
        if column == YEAR:
            return period_words(row.period, row.year, language) or "—"
        if column == ACTUAL:
            if not row.actual_text:
                return "—"
            year = period_words("", row.actual_year, language)
            return row.actual_text + (in_brackets(year) if year else "")
        if column == STATUS:
            return status_label(row.status)
        return row.doc_title


class StatusFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.status = ALL_STATUSES

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self.status or not isinstance(model, TargetsModel):
            return True
        return model.rows[source_row].status == self.status


class TargetsPane(QWidget):
    targetActivated = Signal(object)  # TargetRow: open its sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TargetsModel()
        self.proxy = StatusFilter()
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.filter_box = QComboBox()
        self.filter_box.addItem(tr("全部目标"), ALL_STATUSES)
        for status in TargetStatus.ALL:
            self.filter_box.addItem(status_label(status), status)
        self.filter_box.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.filter_box.currentData()))
        bar.addWidget(self.filter_box)
        self.counts = QLabel(tr("正在读取目标…"))
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        bar.addWidget(self.counts, 1)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: Sequence[TargetRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        counts = status_counts(list(rows))
        shown = [f"{status_label(s)} {counts[s]}" for s in TargetStatus.ALL if counts[s]]
        self.counts.setText(tr("共 %1 个目标").replace("%1", str(len(rows)))
                            + (in_brackets(list_separator().join(shown)) if shown else ""))

    def set_status(self, status: str) -> None:
        """Show the targets of one status (ALL_STATUSES: all of them), as the filter box would."""
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(status)))

    def visible_rows(self) -> list[TargetRow]:
        return [self.proxy.index(r, 0).data(TARGET_ROLE) for r in range(self.proxy.rowCount())]

    def activate_row(self, row: int) -> None:
        """Choose the `row`-th visible target as a click would."""
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if isinstance(target, TargetRow):
            self.targetActivated.emit(target)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.targets_pane STORE"""
    from viewer.services.targets_view import target_rows
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = TargetsPane()
    pane.set_rows(target_rows(library.conn))
    return run_alone(pane, "targets pane")


if __name__ == "__main__":
    sys.exit(main())
