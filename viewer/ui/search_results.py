"""The list of search hits: a model that loads the next page when the view scrolls to its end
(Qt's fetchMore), and a delegate that draws a hit's title and snippet with the terms marked."""

from __future__ import annotations

from collections.abc import Callable
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
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.model import SearchHit
from viewer.ui.palette import SEARCH_COLOUR
from viewer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
Fetch = Callable[[SearchHit], list[SearchHit]]  # the page after a hit


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
        self._fetch: Fetch | None = None
        self._page = 0

    def set_hits(self, hits: list[SearchHit], fetch: Fetch | None = None, page: int = 0) -> None:
        """The first page of hits; `fetch` gives the `page` hits after a hit, when the view needs them.
        A page shorter than `page` is the last."""
        self.beginResetModel()
        self.hits = list(hits)
        self._fetch = fetch if page > 0 and len(hits) >= page else None
        self._page = page
        self.endResetModel()

    def has_more(self) -> bool:
        return self._fetch is not None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None or not self.hits:
            return
        more = self._fetch(self.hits[-1])
        if len(more) < self._page:
            self._fetch = None
        if more:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(more) - 1)
            self.hits.extend(more)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(hit.path)
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
