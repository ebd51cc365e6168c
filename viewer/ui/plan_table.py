"""Tables of the 规划评估 dialog: an evaluation's rows, and any grid of words (places side by side,
the next plan), read-only, with a status column in its colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from viewer.model.plans import PlanRow, PlanStatus
from viewer.services import plan_words
from viewer.ui.i18n import current_language
from viewer.ui.review_labels import ALERT_COLOUR, FINE_COLOUR, MUTED_COLOUR, QUESTION_COLOUR

ROW_KEY = Qt.ItemDataRole.UserRole + 1
SHOWN = ("指标", "地区", "基期值", "基期年", "目标", "目标年", "属性", "最新实际", "实际年份", "进度", "时间进度", "状态", "说明")
STATUS_COLOURS = {PlanStatus.MET: FINE_COLOUR, PlanStatus.ON_TRACK: FINE_COLOUR, PlanStatus.BEHIND: ALERT_COLOUR,
                  PlanStatus.OTHER_NAME: QUESTION_COLOUR, PlanStatus.UNCLEAR: QUESTION_COLOUR}


def status_colour(row: PlanRow) -> str:
    return MUTED_COLOUR if row.excluded is not None else STATUS_COLOURS.get(row.status, MUTED_COLOUR)


def _item(text: object) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(False)
    return item


class PlanTable(QTableView):
    """A read-only grid; rows of an evaluation carry their key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QStandardItemModel(self)
        self.setModel(self.grid)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def show_rows(self, rows: Sequence[PlanRow]) -> None:
        language = current_language()
        headers = plan_words.HEADERS[language]
        shown = [headers[plan_words.HEADERS["zh"].index(name)] for name in SHOWN]
        self.grid.clear()
        self.grid.setHorizontalHeaderLabels(shown)
        status_column = shown.index(headers[plan_words.HEADERS["zh"].index("状态")])
        for row in rows:
            cells = plan_words.row_cells(row, language)
            items = [_item(cells[name]) for name in shown]
            items[0].setData(row.key, ROW_KEY)
            items[status_column].setForeground(QBrush(QColor(status_colour(row))))
            if row.excluded is not None:
                for item in items:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
            self.grid.appendRow(items)
        self.resizeColumnsToContents()

    def show_grid(self, header: Sequence[str], lines: Sequence[Sequence[str]]) -> None:
        self.grid.clear()
        self.grid.setHorizontalHeaderLabels(list(header))
        for line in lines:
            self.grid.appendRow([_item(text) for text in line])
        self.resizeColumnsToContents()

    def selected_line(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def key_at(self, line: int) -> str | None:
        item = self.grid.item(line, 0)
        key = item.data(ROW_KEY) if item is not None else None
        return str(key) if key is not None else None
