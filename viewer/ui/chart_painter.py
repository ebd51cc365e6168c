"""Paint a `viewer.services.chart_model.Drawing` on a pyqtgraph plot: lines, markers, ranges, the
emphasis ring, the checks' flags and the reviewer's frames, in the axis' unit (亿元 …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt

from viewer.services.chart_model import XY, Drawing
from viewer.services.series import ValueRange
from viewer.ui import chart_items, chart_style, chart_text
from viewer.ui.chart_corrections import CorrectedMarks
from viewer.ui.chart_items import (
    Z_EMPHASIS,
    Z_GRID,
    Z_LINES,
    CurveLine,
    CurveSet,
    ItemPool,
    SpotSlice,
    SpotsSlot,
)
from viewer.ui.chart_marks import FlagMarks, MarkScatter
from viewer.ui.chart_ranges import RangeBars
from viewer.ui.i18n import in_brackets
from viewer.ui.labels import figure_kind_label
from viewer.ui.units import scale_for


class SteadyLabelAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """An axis that lays its label out again only when the label's text changes: pyqtgraph does it
    at each change of the view's range (for an SI prefix), a rich-text layout each time."""

    _label_html: str | None = None

    def _updateLabel(self) -> None:
        html = self.labelString()
        if html != self._label_html:
            self._label_html = html
            super()._updateLabel()
        else:  # what pyqtgraph does besides laying the label out
            self.picture = None
            self.update()


def plot_widget() -> pg.PlotWidget:
    return pg.PlotWidget(axisItems={side: SteadyLabelAxis(side) for side in ("left", "bottom")})


class ChartPainter:
    def __init__(self, plot: pg.PlotWidget, clicked: SpotsSlot, hovered: SpotsSlot,
                 set_title: Callable[[str], None], range_hovered: Callable[[ValueRange | None], None],
                 range_clicked: Callable[[ValueRange], None]) -> None:
        self.plot, self._set_title = plot, set_title
        self.factor, self.unit_label = 1.0, ""
        self.curves: dict[tuple[str, str], CurveLine] = {}
        self.spots: dict[tuple[str, str], SpotSlice] = {}
        self.items = ItemPool(plot, clicked, hovered)
        self.lines = CurveSet()
        self.lines.setZValue(Z_LINES)
        self.lines.setVisible(False)
        plot.addItem(self.lines)
        self.scatter = self.items.spot_item()
        self.value_ranges = RangeBars(range_hovered, range_clicked, self._marker_at)
        plot.addItem(self.value_ranges)
        self.emphasis = MarkScatter(size=24, symbol="o", pen=pg.mkPen("#e8590c", width=3), brush=pg.mkBrush(None))
        self.emphasis.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the point
        self.emphasis.setZValue(Z_EMPHASIS)
        plot.addItem(self.emphasis)
        self.flag_marks = FlagMarks(plot)
        # The grid as an item of its own at the axes' ticks: the axes' own grid (showGrid) costs
        # half of each paint of the chart.
        self.grid = pg.GridItem(pen=pg.mkPen("#333333"), textPen=None)
        self.grid.setZValue(Z_GRID)
        plot.addItem(self.grid)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setStyle(tickLength=0)  # the grid marks the ticks
        view = plot.getPlotItem().getViewBox()
        view.sigRangeChanged.connect(self._grid_at_ticks)
        view.sigResized.connect(self._grid_at_ticks)
        self.corrected = CorrectedMarks(plot)
        self._labels = ("", "")
        self._colours: dict[str, str] = {}

    def paint(self, drawing: Drawing | None) -> None:
        """Fill the items with a drawing (reusing them); None empties the chart."""
        self.curves.clear()
        self.spots.clear()
        self.items.begin()
        if drawing is None:
            self.items.finish()
            self.lines.set_lines([])
            self.scatter.setData([], [])
            self.scatter.setVisible(False)
            self.value_ranges.set_ranges([], {}, 1.0)
            return
        series = drawing.series
        self.factor, self.unit_label = scale_for(series.unit, drawing.values())
        self._set_labels(figure_kind_label(series.kind) + in_brackets(self.unit_label), chart_text.series_title(series))
        colours = chart_style.region_colours(drawing.regions)
        self._colours = {r: c.name() for r, c in colours.items()}
        scale = 1 / self.factor
        lines = [CurveLine(self.lines, curve.xs, [y * scale for y in curve.ys],
                           chart_items.pen(self._colours[curve.region], 2, chart_style.line_style(curve.group)))
                 for curve in drawing.curves]
        self.lines.set_lines(lines)
        self.curves.update(((c.region, c.group), line) for c, line in zip(drawing.curves, lines, strict=True))
        self._paint_spots(drawing, colours, scale)
        for region, (xs, ys) in drawing.ranges.items():
            self.items.range_lines(xs, [y * scale for y in ys], chart_items.pen(self._colours[region], 4))
        self.value_ranges.set_ranges(drawing.value_ranges, self._colours, self.factor)
        self.paint_emphasis(drawing.emphasis)
        self.corrected.draw(drawing.points, self.factor)
        self.paint_flags(drawing.flags)
        self.items.finish()
        years = [p.year for p in drawing.points]
        if years:
            self.plot.getAxis("bottom").setTickSpacing(major=max(1, (max(years) - min(years)) // 8 + 1), minor=1)
            self._fit(drawing)

    def _paint_spots(self, drawing: Drawing, colours: dict[str, Any], scale: float) -> None:
        """Every marker in the one scatter item (an item each costs its own data and paint);
        `spots` has each region's group as a slice of it."""
        xs: list[float] = []
        ys: list[float] = []
        points: list[Any] = []
        symbols: list[str] = []
        sizes: list[float] = []
        pens: list[Any] = []
        brushes: list[Any] = []
        hollow = chart_items.brush(chart_style.HOLLOW)
        for spots in drawing.spots:
            start = len(xs)
            styles = [chart_style.spot_style(p.qualifier, spots.group) for p in spots.points]
            fill = chart_items.brush(chart_style.fill_colour(spots.group, colours[spots.region]))
            xs += spots.xs
            ys += [y * scale for y in spots.ys]
            points += spots.points
            symbols += [s.symbol for s in styles]
            sizes += [s.size for s in styles]
            pens += [chart_items.pen(self._colours[spots.region], 2)] * len(styles)
            brushes += [hollow if weak else fill for weak in spots.hollow]
            self.spots[(spots.region, spots.group)] = SpotSlice(self.scatter, start, len(xs))
        self.scatter.set_spots(xs, ys, points, symbols, sizes, pens, brushes)
        self.scatter.setVisible(bool(xs))

    def _fit(self, drawing: Drawing) -> None:
        """The view fits the drawing's points and ranges now, not at the next paint (from the
        drawing's numbers: asking the items for their bounds costs more than drawing them)."""
        xs = [x for spots in drawing.spots for x in spots.xs]
        ys = [y / self.factor for spots in drawing.spots for y in spots.ys]
        ys += [y / self.factor for _xs, high_low in drawing.ranges.values() for y in high_low]
        xs += [float(r.year) for r in drawing.value_ranges]
        ys += [y / self.factor for r in drawing.value_ranges for y in (r.low, r.high)]
        self.plot.getPlotItem().getViewBox().setRange(xRange=(min(xs), max(xs)), yRange=(min(ys), max(ys)),
                                                      padding=0.12)
        self.plot.scene().prepareForPaint()  # the new view's transform too: else a second paint follows

    def _grid_at_ticks(self, *_args: Any) -> None:
        view = self.plot.getPlotItem().getViewBox()
        (x_low, x_high), (y_low, y_high) = view.viewRange()
        xs = self.plot.getAxis("bottom").tickSpacing(x_low, x_high, max(1.0, view.width()))
        ys = self.plot.getAxis("left").tickSpacing(y_low, y_high, max(1.0, view.height()))
        self.grid.setTickSpacing(x=[xs[0][0]], y=[ys[0][0]])  # at the major ticks

    def _marker_at(self, scene_pos: Any) -> bool:
        """Whether a marker is under a position of the scene: a range under it leaves it the mouse."""
        return self.scatter.isVisible() and bool(len(self.scatter.pointsAt(self.scatter.mapFromScene(scene_pos))))

    def paint_flags(self, flags: list[tuple[float, float, str]]) -> None:
        self.flag_marks.draw(flags, self.factor)

    def paint_emphasis(self, marks: list[XY]) -> None:
        self.emphasis.setData([x for x, _y in marks], [y / self.factor for _x, y in marks])

    def emphasised(self) -> list[XY]:
        xs, ys = self.emphasis.getData()
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    def _set_labels(self, axis: str, title: str) -> None:
        """Labels are HTML items that are slow to set: only when they change."""
        if self._labels != (axis, title):
            self._labels = (axis, title)
            self.plot.getAxis("left").setLabel(axis)
            self._set_title(title)
