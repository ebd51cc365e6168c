"""Marks drawn over a chart's points (flags, the reviewer's frames, the emphasis ring)."""

from __future__ import annotations

import functools
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt

from viewer.ui.chart_items import Z_FLAGS, brush, pen
from viewer.ui.chart_style import FLAG_STYLES


class MarkScatter(pg.ScatterPlotItem):  # type: ignore[misc]
    """A scatter that never takes a click: pyqtgraph gives a click to the topmost item with a
    spot under the cursor whatever its accepted mouse buttons, so a flag drawn over a point would
    swallow the click meant for the point below."""

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()


class FlagMarks:
    """The checks' flags over the points: rings and crosses (`chart_style.FLAG_STYLES`)."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.item = MarkScatter(pxMode=True)
        self.item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the point
        self.item.setZValue(Z_FLAGS)
        plot.addItem(self.item)
        self.flagged: list[tuple[float, float, str]] = []  # (x, y in the chart's unit, flag)

    def draw(self, flags: list[tuple[float, float, str]], factor: float) -> None:
        self.flagged = [(x, y / factor, flag) for x, y, flag in flags]
        styles = [FLAG_STYLES[flag] for _x, _y, flag in flags]
        self.item.setData(x=[x for x, _y, _f in self.flagged], y=[y for _x, y, _f in self.flagged],
                          symbol=[s.symbol for s in styles], size=[s.size for s in styles],
                          pen=[_flag_pen(s.colour, s.dashed) for s in styles],
                          brush=[brush(s.colour) if s.symbol == "x" else NO_BRUSH for s in styles])


NO_BRUSH = pg.mkBrush(None)


@functools.cache
def _flag_pen(colour: str, dashed: bool) -> Any:
    return pen(colour, 2.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
