"""The chart's pyqtgraph items, kept from one drawing to the next.

Creating a pyqtgraph item and adding it to a plot costs far more than giving it new data (its
signals are connected and the view box re-parents it), so a redraw fills the items it has and
creates only the ones it lacks; the ones it does not use are emptied and hidden. Every marker is
in one scatter item (each item costs its own data, bounds and paint), a `SpotSlice` per region's
group.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

# Stacking order: the grid, then the emphasis ring under everything, flags over the points.
Z_GRID, Z_EMPHASIS, Z_LINES, Z_SPOTS, Z_FLAGS = -2.0, -1.0, 0.0, 1.0, 2.0

SpotsSlot = Callable[[Any, Any, Any], None]


@functools.cache
def pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """One pen per look: pyqtgraph caches the rendered symbols by the pen and brush objects."""
    made: QPen = pg.mkPen(QColor(colour), width=width, style=style)
    return made


@functools.cache
def brush(colour: str) -> QBrush:
    made: QBrush = pg.mkBrush(QColor(colour))
    return made


class ItemPool:
    def __init__(self, plot: pg.PlotWidget, clicked: SpotsSlot, hovered: SpotsSlot) -> None:
        self.plot = plot
        self._clicked, self._hovered = clicked, hovered
        self._curves: list[pg.PlotCurveItem] = []
        self._ranges: list[pg.PlotCurveItem] = []
        self._used = [0, 0]  # curves and ranges handed out in this drawing

    def prepare(self, count: int) -> None:
        """Create `count` curves ahead of the first drawing, hidden."""
        self.begin()
        for _ in range(count):
            self._take(self._curves, 0, pg.PlotCurveItem)
        for item in self._curves:
            item.setVisible(False)
        self.begin()

    def begin(self) -> None:
        """A new drawing starts: every item is free again."""
        self._used = [0, 0]

    def curve(self, xs: list[float], ys: list[float], pen: Any) -> pg.PlotCurveItem:
        item = self._take(self._curves, 0, pg.PlotCurveItem)
        item.setData(xs, ys, pen=pen)
        return item

    def range_lines(self, xs: list[float], ys: list[float], pen: Any) -> pg.PlotCurveItem:
        """Vertical bars, one per pair of (x, y) points."""
        item = self._take(self._ranges, 1, lambda: pg.PlotCurveItem(connect="pairs"))
        item.setData(xs, ys, pen=pen, connect="pairs")
        return item

    def finish(self) -> None:
        """Empty and hide the items this drawing did not use: they must not count for the range."""
        for items, used in zip((self._curves, self._ranges), self._used, strict=True):
            for item in items[used:]:
                if item.isVisible():
                    item.setData([], [])
                    item.setVisible(False)

    def _take(self, items: list[Any], slot: int, create: Callable[[], Any]) -> Any:
        index = self._used[slot]
        self._used[slot] += 1
        if index < len(items):
            item = items[index]
            item.setVisible(True)
            return item
        item = create()
        item.setZValue(Z_LINES)
        self.plot.addItem(item)
        items.append(item)
        return item

    def spot_item(self) -> pg.ScatterPlotItem:
        """The one scatter item of every marker (see `SpotSlice`), hidden until filled."""
        scatter = pg.ScatterPlotItem(hoverable=True, tip=None, hoverSize=14)
        scatter.sigClicked.connect(self._clicked)
        scatter.sigHovered.connect(self._hovered)
        scatter.setZValue(Z_SPOTS)
        scatter.setVisible(False)
        self.plot.addItem(scatter)
        return scatter


class SpotSlice:
    """The markers of one region's group: a slice of the chart's one scatter item, read from it."""

    def __init__(self, scatter: pg.ScatterPlotItem, start: int, stop: int) -> None:
        self.scatter, self.start, self.stop = scatter, start, stop

    def getData(self) -> tuple[Any, Any]:
        xs, ys = self.scatter.getData()
        return xs[self.start:self.stop], ys[self.start:self.stop]

    def points(self) -> Any:
        return self.scatter.points()[self.start:self.stop]

    def pointsAt(self, pos: Any) -> list[Any]:
        return [spot for spot in self.scatter.pointsAt(pos) if self.start <= spot.index() < self.stop]

    def isVisible(self) -> bool:
        return bool(self.scatter.isVisible())

    def mapFromScene(self, pos: Any) -> Any:
        return self.scatter.mapFromScene(pos)
