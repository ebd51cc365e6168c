"""The chart's places of many values (`viewer.services.series.ValueRange`): each a pale bar in its
region's colour from the lowest value to the highest, at its year (the bars of one year side by
side, in the order of the regions), with the number of values above it where there is room.
Pointing at a bar says what it stands for; a click on it is a click on its latest report's
marker. Read back through `getData()` and `ranges()`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from viewer.model import Role
from viewer.services.series import ValueRange
from viewer.ui.chart_items import Z_EMPHASIS, Z_GRID

BAR_WIDTH = 6.0  # pixels
GAP = 1.0  # pixels between the bars of one year
TOLERANCE = 2.0  # pixels beside a bar that still point at it


class RangeBars(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Every range of the chart in one item (like its markers): `hovered` is told the range under
    the mouse (None when it leaves), `clicked` a range clicked; a marker over a bar keeps the mouse."""

    def __init__(self, hovered: Callable[[ValueRange | None], None], clicked: Callable[[ValueRange], None],
                 over_marker: Callable[[Any], bool]) -> None:
        super().__init__()
        self._hovered, self._clicked, self._over_marker = hovered, clicked, over_marker
        self._ranges: list[ValueRange] = []
        self._ys: list[tuple[float, float]] = []  # low, high in the axis' unit
        self._colours: list[QColor] = []
        self._offsets: list[float] = []  # pixels from the year: the bars of a year side by side
        self._extent: tuple[float, float, float, float] | None = None
        self._under: ValueRange | None = None
        self._font = QFont()
        self._font.setPointSizeF(7.5)
        self.setZValue((Z_GRID + Z_EMPHASIS) / 2)  # under the emphasis ring, which is under everything else
        self.setAcceptHoverEvents(True)
        self.setVisible(False)

    def set_ranges(self, ranges: list[ValueRange], colours: dict[str, str], factor: float) -> None:
        """`colours`: the regions drawn, in their order, with their colours."""
        if not ranges and not self._ranges:
            return
        self.prepareGeometryChange()
        order = {region: i for i, region in enumerate(colours)}
        ranges = sorted(ranges, key=lambda r: (r.year, order.get(r.region, len(order)), r.role))
        per_year: dict[int, int] = {}
        for r in ranges:
            per_year[r.year] = per_year.get(r.year, 0) + 1
        self._offsets, seen = [], dict.fromkeys(per_year, 0)
        for r in ranges:
            self._offsets.append((seen[r.year] - (per_year[r.year] - 1) / 2) * (BAR_WIDTH + GAP))
            seen[r.year] += 1
        self._ranges = ranges
        self._ys = [(r.low / factor, r.high / factor) for r in ranges]
        self._colours = [_pale(QColor(colours.get(r.region, "#888888")), 0.22 if r.role == Role.TARGET else 0.43)
                         for r in ranges]
        xs = [float(r.year) for r in ranges]
        self._extent = (min(xs), max(xs), min(y for y, _ in self._ys), max(y for _, y in self._ys)) if xs else None
        self._under = None
        self.setVisible(bool(ranges))
        self.update()

    def ranges(self) -> list[ValueRange]:
        return list(self._ranges)

    def getData(self) -> tuple[Any, Any, Any]:
        """The bars' years, lows and highs (in the axis' unit)."""
        return (np.asarray([float(r.year) for r in self._ranges]), np.asarray([y for y, _ in self._ys]),
                np.asarray([y for _, y in self._ys]))

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: Any = None) -> tuple[Any, Any]:
        if self._extent is None:
            return None, None
        return self._extent[:2] if ax == 0 else self._extent[2:]

    def pixelPadding(self) -> float:
        return max((abs(o) for o in self._offsets), default=0.0) + BAR_WIDTH

    def boundingRect(self) -> QRectF:
        if self._extent is None:
            return QRectF()
        x_low, x_high, y_low, y_high = self._extent
        px_vector, py_vector = self.pixelVectors()
        px = (max((abs(o) for o in self._offsets), default=0.0) + BAR_WIDTH) * \
            (0.0 if px_vector is None else px_vector.length())
        py = 16 * (0.0 if py_vector is None else py_vector.length())  # the count above the bar
        return QRectF(x_low - px, y_low - py, 2 * px + x_high - x_low, 2 * py + y_high - y_low)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()

    def paint(self, painter: QPainter, *_args: Any) -> None:
        """In pixels: bars of a fixed width, their counts in a small grey font."""
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # upright bars: antialiased, much slower
        painter.setFont(self._font)
        labels: list[QRectF] = []
        for index, colour in enumerate(self._colours):
            bar = self._bar(index, transform.map)
            painter.fillRect(bar.toRect(), colour)
            label = QRectF(bar.center().x() - 12, bar.top() - 12, 24, 11)
            if not any(label.intersects(other) for other in labels):  # a count only where there is room
                labels.append(label)
                painter.setPen(QColor("#555555"))
                painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), str(self._ranges[index].values))
        painter.restore()

    def _bar(self, index: int, to_pixels: Callable[[QPointF], QPointF]) -> QRectF:
        """A bar in pixels, a little longer than its range so that a narrow one shows."""
        year = float(self._ranges[index].year)
        low, high = self._ys[index]
        bottom, top = to_pixels(QPointF(year, low)), to_pixels(QPointF(year, high))
        left = top.x() + self._offsets[index] - BAR_WIDTH / 2
        return QRectF(left, min(top.y(), bottom.y()) - 2, BAR_WIDTH, abs(bottom.y() - top.y()) + 4)

    def range_at(self, pos: QPointF) -> ValueRange | None:
        """The range whose bar is under a position of this item (in the view's coordinates)."""
        here = self.mapToDevice(pos)
        if here is None or self.getViewBox() is None:
            return None
        for index, value_range in enumerate(self._ranges):
            bar = self._bar(index, self.mapToDevice)
            if bar.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(here):
                return value_range
        return None

    def hoverEvent(self, ev: Any) -> None:
        if not ev.isExit() and self._over_marker(ev.scenePos()):
            self._under = None  # the marker's own hover says what it is
            return
        under = None if ev.isExit() else self.range_at(ev.pos())
        if under is not self._under:
            self._under = under
            self._hovered(under)

    def mouseClickEvent(self, ev: Any) -> None:
        under = self.range_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else None
        if under is None or self._over_marker(ev.scenePos()):
            ev.ignore()
            return
        ev.accept()
        self._clicked(under)


def _pale(colour: QColor, strength: float) -> QColor:
    """The colour laid over white at this strength, opaque: a translucent fill costs a blend of
    every pixel of each bar (targets paler, as their markers)."""
    return QColor(*(round(255 - (255 - c) * strength) for c in (colour.red(), colour.green(), colour.blue())))
