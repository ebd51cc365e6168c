"""The chart's pyqtgraph items, kept from one drawing to the next.

Creating a pyqtgraph item and adding it to a plot costs far more than giving it new data (its
signals are connected and the view box re-parents it), so a redraw fills the items it has and
creates only the ones it lacks; the ones it does not use are emptied and hidden. Each item also
costs its own data, bounds and paint at every drawing: every marker is in one scatter item (a
`SpotSlice` per region's group), every line in one `CurveSet` (a `CurveLine` each).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

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
    """The range bars' items, kept from one drawing to the next, and the markers' item."""

    def __init__(self, plot: pg.PlotWidget, clicked: SpotsSlot, hovered: SpotsSlot) -> None:
        self.plot = plot
        self._clicked, self._hovered = clicked, hovered
        self._ranges: list[pg.PlotCurveItem] = []
        self._used = 0  # range items handed out in this drawing

    def begin(self) -> None:
        """A new drawing starts: every item is free again."""
        self._used = 0

    def range_lines(self, xs: list[float], ys: list[float], pen: Any) -> pg.PlotCurveItem:
        """Vertical bars, one per pair of (x, y) points."""
        if self._used < len(self._ranges):
            item = self._ranges[self._used]
            item.setVisible(True)
        else:
            item = pg.PlotCurveItem(connect="pairs")
            item.setZValue(Z_LINES)
            self.plot.addItem(item)
            self._ranges.append(item)
        self._used += 1
        item.setData(xs, ys, pen=pen, connect="pairs")
        return item

    def finish(self) -> None:
        """Empty and hide the items this drawing did not use: they must not count for the range."""
        for item in self._ranges[self._used:]:
            if item.isVisible():
                item.setData([], [])
                item.setVisible(False)

    def spot_item(self) -> SpotScatter:
        """The one scatter item of every marker (see `SpotSlice`), hidden until filled."""
        scatter = SpotScatter(hoverable=True, tip=None, hoverSize=14)
        scatter.sigClicked.connect(self._clicked)
        scatter.sigHovered.connect(self._hovered)
        scatter.setZValue(Z_SPOTS)
        scatter.setVisible(False)
        self.plot.addItem(scatter)
        return scatter


class SpotScatter(pg.ScatterPlotItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """The markers' scatter item, filled by `set_spots` as `setData` fills it with a symbol, size,
    pen and brush per point, at a fraction of its cost: `setData` makes numpy ask each QPen and
    QBrush whether it is a sequence and renders or finds each point's look in its atlas, where a
    chart has a few looks for hundreds of points."""

    data: Any  # pyqtgraph's record of the points (x, y, size, symbol, pen, brush, data, sourceRect …)

    def set_spots(self, xs: list[float], ys: list[float], data: list[Any], symbols: list[str],
                  sizes: list[float], pens: list[QPen], brushes: list[QBrush]) -> None:
        if not (self.opts["pxMode"] and self.opts["useCache"]):
            self.setData(x=xs, y=ys, data=data, symbol=symbols, size=sizes, pen=pens, brush=brushes)
            return
        looks: dict[tuple[str, float, int, int], int] = {}
        look_of = np.fromiter((looks.setdefault(look, len(looks))
                               for look in zip(symbols, sizes, map(id, pens), map(id, brushes), strict=True)),
                              dtype=np.intp, count=len(xs))
        firsts = np.unique(look_of, return_index=True)[1].tolist()  # a point of each look, in look order
        spots: Any = np.zeros(len(xs), dtype=self.data.dtype)  # np.empty costs ten times more with object fields
        spots["x"], spots["y"] = xs, ys
        spots["size"] = np.array([sizes[i] for i in firsts], dtype=float)[look_of]
        for field, values in (("symbol", symbols), ("pen", pens), ("brush", brushes)):
            spots[field] = _objects([values[i] for i in firsts])[look_of]
        spots["data"] = _objects(data)
        spots["item"] = None
        spots["visible"] = True
        styles = [(symbols[i], sizes[i], pens[i], brushes[i]) for i in firsts]
        spots["sourceRect"] = np.array(self.fragmentAtlas[styles], dtype=spots.dtype["sourceRect"])[look_of]
        # what setData does besides (ScatterPlotItem.clear, addPoints, updateSpots)
        self.data = spots
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=spots)
        self.invalidate()
        self.sigPlotChanged.emit(self)


def _objects(values: list[Any]) -> Any:
    """An object array of `values`, each put in as it is (numpy asks nothing of them)."""
    array = np.empty(len(values), dtype=object)
    for index, value in enumerate(values):
        array[index] = value
    return array


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


class CurveSet(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Every line of the chart in one item, each a path with its pen, drawn as a PlotCurveItem
    draws one (antialiased, `drawPath`): an item per line costs its own bounds and paint."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[CurveLine] = []
        self._bounds: QRectF | None = None
        self._extent: tuple[float, float, float, float] | None = None  # x and y low, high
        self._padding = 0.0  # pixels: half the widest pen, as PlotCurveItem pads

    def set_lines(self, lines: list[CurveLine]) -> None:
        self.prepareGeometryChange()
        self._lines = lines
        xs = [x for line in lines for x in line.xs]
        ys = [y for line in lines for y in line.ys]
        self._extent = (min(xs), max(xs), min(ys), max(ys)) if xs else None
        self._padding = max((line.pen.widthF() * 0.7072 for line in lines), default=0.0)
        self._bounds = None
        self.setVisible(bool(lines))
        self.update()

    def lines(self) -> list[CurveLine]:
        return list(self._lines)

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: Any = None) -> tuple[Any, Any]:
        if self._extent is None:
            return None, None
        return self._extent[:2] if ax == 0 else self._extent[2:]

    def pixelPadding(self) -> float:
        return self._padding

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            if self._extent is None:
                return QRectF()
            x_low, x_high, y_low, y_high = self._extent
            px = py = 0.0
            if self._padding > 0:
                px_vector, py_vector = self.pixelVectors()
                px = 0.0 if px_vector is None else px_vector.length() * self._padding
                py = 0.0 if py_vector is None else py_vector.length() * self._padding
            self._bounds = QRectF(x_low - px, y_low - py, 2 * px + x_high - x_low, 2 * py + y_high - y_low)
        return self._bounds

    def viewTransformChanged(self) -> None:
        self._bounds = None
        self.prepareGeometryChange()

    def paint(self, painter: QPainter, *_args: Any) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, bool(pg.getConfigOption("antialias")))
        for line in self._lines:
            painter.setPen(line.pen)
            painter.drawPath(line.path)


class CurveLine:
    """One line of a `CurveSet`: its points and pen (`opts["pen"]`, as a PlotCurveItem has it)."""

    def __init__(self, item: CurveSet, xs: list[float], ys: list[float], pen: QPen) -> None:
        self.item, self.xs, self.ys, self.pen = item, xs, ys, pen
        self.opts = {"pen": pen}
        self.path = pg.arrayToQPath(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), connect="all")

    def getData(self) -> tuple[Any, Any]:
        return np.asarray(self.xs, dtype=float), np.asarray(self.ys, dtype=float)

    def isVisible(self) -> bool:
        return bool(self.item.isVisible())
