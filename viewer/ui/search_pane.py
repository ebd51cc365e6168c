"""Corpus search: a query box and results (document, snippet with the hits marked)."""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model import SearchHit
from viewer.ui.i18n import in_brackets, tr
from viewer.ui.palette import SEARCH_COLOUR

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def snippet_marks(hit: SearchHit) -> list[tuple[int, int]]:
    """The hit spans as (start, length) within the snippet."""
    marks = []
    for start, end in hit.spans:
        local_start = max(start - hit.snippet_offset, 0)
        local_end = min(end - hit.snippet_offset, len(hit.snippet))
        if local_start < local_end:
            marks.append((local_start, local_end - local_start))
    return marks


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path
        if role == HIT_ROLE:
            return hit
        return None


def _utf16_marks(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    def units(cp: int) -> int:
        return len(text[:cp].encode("utf-16-le")) // 2

    return [(units(s), units(s + n) - units(s)) for s, n in marks]


class HitDelegate(QStyledItemDelegate):
    """Title in bold, then the snippet with hit words on a highlight; plain text only."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.lineSpacing() * 4 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        rect: QRect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight().color().lighter(170))
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(font)
        painter.setFont(bold)
        painter.setPen(QColor("#1a56b0"))
        title = QFontMetrics(bold).elidedText(hit.title, Qt.TextElideMode.ElideRight, rect.width() - 12)
        painter.drawText(rect.adjusted(6, 4, -6, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         title)
        layout = QTextLayout(hit.snippet.replace("\n", " "), font)
        ranges = []
        for start, length in _utf16_marks(hit.snippet, snippet_marks(hit)):
            fmt_range = QTextLayout.FormatRange()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(SEARCH_COLOUR))
            fmt_range.start, fmt_range.length, fmt_range.format = start, length, fmt
            ranges.append(fmt_range)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        for _ in range(3):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width() - 12)
            line.setPosition(QPointF(0, y))
            y += metrics.lineSpacing()
        layout.endLayout()
        painter.setPen(option.palette.text().color())
        layout.draw(painter, QPointF(rect.left() + 6, rect.top() + 6 + metrics.lineSpacing()))
        painter.setPen(QColor("#e0e0e0"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


class SearchPane(QWidget):
    hitActivated = Signal(object)  # SearchHit
    queryRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("搜索全部报告（Ctrl+K）"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(lambda: self.queryRequested.emit(self.query.text().strip()))
        layout.addWidget(self.query)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.clicked.connect(self._activated)
        self.results.activated.connect(self._activated)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def show_hits(self, query: str, hits: list[SearchHit], seconds: float | None = None) -> None:
        self.model.set_hits(hits)
        documents = len({h.doc_id for h in hits})
        text = tr("“%1”：%2 条结果，%3 篇文档").replace("%1", query).replace("%2", str(len(hits))) \
            .replace("%3", str(documents))
        if seconds is not None:
            text += in_brackets(f"{seconds * 1000:.0f} ms")
        self.status.setText(text if query else "")

    def activate_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hitActivated.emit(hit)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.search_pane STORE"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = SearchPane()

    def search(query: str) -> None:
        started = time.perf_counter()
        pane.show_hits(query, library.search(query), time.perf_counter() - started)

    pane.queryRequested.connect(search)
    return run_alone(pane, "search pane")


if __name__ == "__main__":
    sys.exit(main())
