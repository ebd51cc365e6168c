"""Corrections on the chart: points the reviewer corrected are framed by a square in the
reviewer's colour (`CorrectedMarks`, read back through `getData()`), and a point's context menu
offers 更正… (`point_at` finds the point under the mouse)."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QWidget

from viewer.model import Point, Source
from viewer.services.chart import chart_x
from viewer.ui.chart_items import Z_FLAGS, pen
from viewer.ui.chart_marks import MarkScatter
from viewer.ui.i18n import tr
from viewer.ui.palette import REVIEWER_COLOUR

MARK_SYMBOL, MARK_SIZE = "s", 19.0


def is_corrected(point: Point) -> bool:
    return point.source == Source.REVIEWER


class CorrectedMarks:
    def __init__(self, plot: pg.PlotWidget) -> None:
        self.item = MarkScatter(pxMode=True, symbol=MARK_SYMBOL, size=MARK_SIZE,
                                pen=pen(REVIEWER_COLOUR, 2.0), brush=pg.mkBrush(None))
        self.item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the point
        self.item.setZValue(Z_FLAGS)
        plot.addItem(self.item)
        self._marked: list[Point] = []

    def draw(self, points: Iterable[Point], factor: float) -> None:
        self._marked = [p for p in points if is_corrected(p)]
        self.item.setData([chart_x(p) for p in self._marked], [p.value / factor for p in self._marked])

    def points(self) -> list[Point]:
        """The corrected points drawn."""
        return list(self._marked)


def corrected_legend(points: Iterable[Point]) -> str:
    """The legend's entry (rich text, escaped), "" when no corrected point is drawn."""
    if not any(is_corrected(p) for p in points):
        return ""
    return f"<span style='color:{REVIEWER_COLOUR}'>□</span> {html.escape(tr('审核员更正'))}"


def correction_menu(parent: QWidget, point: Point | None, request: Callable[[Point], None]) -> QMenu | None:
    """A point's context menu (更正…); None off any point."""
    if point is None:
        return None
    menu = QMenu(parent)
    menu.addAction(tr("更正“%1”…").replace("%1", point.text or tr("该数据点")), lambda: request(point))
    return menu


def point_at(plot: pg.PlotWidget, scatters: Iterable[pg.ScatterPlotItem], pos: QPoint) -> Point | None:
    """The point drawn under a position of the plot widget (the topmost of several)."""
    scene_pos = plot.mapToScene(pos)
    for item in scatters:
        if not item.isVisible():
            continue
        spots: Any = item.pointsAt(item.mapFromScene(scene_pos))
        if len(spots):
            found = spots[0].data()
            if isinstance(found, Point):
                return found
    return None
