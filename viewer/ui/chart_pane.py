"""The chart pane: an indicator's series per region over the years (pyqtgraph).

Which value the line takes when a region has several for one year is decided in
`chart_style.line_points`: an exact value before a qualified one, then the latest report's;
the other values keep their markers. Points whose figure the checks found in a conflict or
out of line are ringed; targets the checks found met or missed are ringed green or crossed red
(`set_flags`; `flagged_points` gives what is drawn).
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model import Figure, Point, Role, Series
from viewer.services.chart import chart_x, part_year_words, point_period_words, target_path
from viewer.ui import chart_export, chart_items, chart_style
from viewer.ui.attribution_labels import WEAK_COLOUR, point_slot_words, weak_summary
from viewer.ui.chart_corrections import CorrectedMarks, is_corrected, point_at
from viewer.ui.chart_items import Z_EMPHASIS, Z_FLAGS, ItemPool
from viewer.ui.chart_marks import MarkScatter
from viewer.ui.i18n import colon, current_language, in_brackets, list_separator, tr
from viewer.ui.labels import figure_kind_label, qualifier_label, role_label
from viewer.ui.palette import REVIEWER_COLOUR
from viewer.ui.series_export import write_series
from viewer.ui.units import format_number, scale_for

pg.setConfigOptions(background="w", foreground="#333", antialias=True)


class SeriesSource(Protocol):
    def indicators(self) -> list[str]: ...

    def series(self, indicator: str, regions: list[str] | None = None) -> Series: ...

    def series_for_figure(self, figure_id: int, regions: list[str] | None = None) -> Series: ...


@runtime_checkable
class RegionCounts(Protocol):
    """A source that can say in which regions an indicator is reported, and read a series for
    some regions only (a store of many regions)."""

    def indicator_region_counts(self, indicator: str) -> dict[str, int]: ...

    def series_for_figure(self, figure_id: int, regions: list[str] | None = None) -> Series: ...


@runtime_checkable
class SpotSource(Protocol):
    """A source that gives one point per marker (a place reported by many documents is one
    point: the latest report, or the clicked figure) and the reports behind them on request."""

    def chart_series(self, indicator: str, regions: list[str] | None = None) -> Series: ...

    def chart_series_for_figure(self, figure: Figure, regions: list[str] | None = None) -> Series: ...

    def sources_at(self, indicator: str, unit: str, points: list[Point]) -> list[Point]: ...

    def figures_at(self, indicator: str, unit: str, points: list[Point]) -> dict[tuple[Any, ...], list[int]]: ...


@runtime_checkable
class SentenceSource(Protocol):
    """A source whose series points come without their sentences, read on demand."""

    def with_sentences(self, points: list[Point]) -> list[Point]: ...


def series_title(series: Series) -> str:
    """The indicator, and the measure when the series is not its values: a chart of increases
    (新增N家) must not read as a chart of totals."""
    measures = {p.role for p in series.points} - {Role.ACTUAL, Role.TARGET, Role.ESTIMATE}
    if len(measures) == 1:
        return f"{series.indicator} · {role_label(measures.pop())}"
    return series.indicator


class ChartPane(QWidget):
    pointClicked = Signal(object)  # Point
    correctionRequested = Signal(object)  # Point: 更正… chosen in its context menu

    def __init__(self, source: SeriesSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.series: Series | None = None
        self.factor, self.unit_label = 1.0, ""
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.spots: dict[tuple[str, str], pg.ScatterPlotItem] = {}
        self.emphasis = MarkScatter(size=24, symbol="o", pen=pg.mkPen("#e8590c", width=3),
                                    brush=pg.mkBrush(None))
        self.emphasis.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the point
        self.emphasis.setZValue(Z_EMPHASIS)
        self.emphasised_figure: int | None = None
        self.flags: dict[int, str] = {}  # figure id -> flag (review_labels.FLAG_*)
        # Where flags come from, asked only about the points drawn; else set_flags gives them.
        self.flag_source: Callable[[list[int]], dict[int, str]] | None = None
        self._asked_flags: set[int] = set()
        self._flags_later = QTimer(self)
        self._flags_later.setSingleShot(True)
        self._flags_later.timeout.connect(self._flags_behind_points)
        self._region_counts: dict[str, int] = {}  # every region of the indicator, read or not
        self._series_figure: int | None = None  # the figure whose series is drawn
        self._series_figure_model: Figure | None = None
        self._region_cache: dict[str, dict[str, int]] = {}  # indicator -> region counts
        self.flag_item = MarkScatter(pxMode=True)
        self.flag_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.flag_item.setZValue(Z_FLAGS)
        self._flagged: list[tuple[float, float, str]] = []
        self._hidden_regions: set[str] = set()
        self._labels = ("", "")
        self._build()
        self.reload_indicators()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("指标：")))
        self.indicator_box = QComboBox()
        self.indicator_box.setMinimumContentsLength(10)
        self.indicator_box.setPlaceholderText(tr("选择指标…"))
        self.indicator_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator_box.activated.connect(lambda _index: self.show_indicator(self.indicator_box.currentText()))
        bar.addWidget(self.indicator_box, 1)
        self.region_button = QToolButton()
        self.region_button.setText(tr("地区"))
        self.region_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.region_menu = QMenu(self.region_button)
        self.region_button.setMenu(self.region_menu)
        self.region_menu.aboutToShow.connect(self._fill_region_menu)
        bar.addWidget(self.region_button)
        export = QToolButton()
        export.setText(tr("导出"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(tr("导出图表（PNG/SVG）…"), self.ask_export_image)
        menu.addAction(tr("导出数据（CSV/Excel）…"), self.ask_export_data)
        export.setMenu(menu)
        bar.addWidget(export)
        layout.addLayout(bar)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.getAxis("bottom").setLabel(tr("年份"))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("QLabel { font-weight: 600; font-size: 11pt; }")
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        self.items = ItemPool(self.plot, self._spots_clicked, self._spots_hovered)
        self.items.prepare(1 + chart_style.MAX_OTHER_REGIONS)  # the actual values of the regions drawn
        self.plot.addItem(self.emphasis)
        self.plot.addItem(self.flag_item)
        self.corrected = CorrectedMarks(self.plot)
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(self._point_menu)
        # A Qt label, not pyqtgraph's LegendItem: that one costs milliseconds per redraw.
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.info = QLabel(tr("点击文档中的数字以查看其指标序列。"))
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("QLabel { color: #555; padding: 2px; }")
        layout.addWidget(self.info)

    # -- data -------------------------------------------------------------------------------
    def set_source(self, source: SeriesSource | None) -> None:
        self.source = source
        self.reload_indicators()

    def reload_indicators(self) -> None:
        self._region_cache.clear()  # the store changed
        current = self.indicator_box.currentText()
        self.indicator_box.clear()
        if self.source is not None:
            self.indicator_box.addItems(self.source.indicators())
        if current and self.series is not None:
            self.indicator_box.setCurrentText(current)
        else:  # nothing is drawn: nothing is selected (the box shows its placeholder)
            self.indicator_box.setCurrentIndex(-1)

    def show_first_indicator(self) -> bool:
        """Draw the first indicator of the list (the most reported) when nothing is drawn yet: a
        chart at start-up, not empty axes. False when there is none or a series is drawn."""
        if self.series is not None or self.indicator_box.count() == 0:
            return False
        self.show_indicator(self.indicator_box.itemText(0))
        return self.series is not None

    def show_figure(self, figure: Figure) -> bool:
        """Draw the figure's indicator and mark its point. False if it has no indicator."""
        if not figure.indicator or self.source is None:
            self.info.setText(tr("该数字未关联指标：%1").replace("%1", figure.text))
            return False
        regions = self._first_regions(figure.indicator, figure.region)
        self._series_figure = figure.id
        self._series_figure_model = figure
        if isinstance(self.source, SpotSource):
            series = self.source.chart_series_for_figure(figure, regions)
        elif figure.id is not None:
            series = self.source.series_for_figure(figure.id, regions) if regions else \
                self.source.series_for_figure(figure.id)
        else:
            series = self.source.series(figure.indicator, regions)
        self.show_series(series, figure.id)
        if not series.points:
            self.info.setText(tr("指标“%1”暂无可绘制的数据点（数字缺少年份或地区）。").replace("%1", figure.indicator))
            return False
        return True

    def reload(self, figure: Figure | None = None) -> None:
        """The store changed (a figure was corrected): read the indicators and the series drawn
        again, or `figure`'s series when it has an indicator."""
        self.reload_indicators()
        shown, emphasised, self.series = self.series, self.emphasised_figure, None
        if figure is not None and figure.indicator:
            self.show_figure(figure)
        elif shown is not None and self.source is not None:
            regions = self._first_regions(shown.indicator, None)
            source = self.source
            series = source.chart_series(shown.indicator, regions) if isinstance(source, SpotSource) else \
                source.series(shown.indicator, regions)
            self.show_series(series, emphasised)

    def show_indicator(self, indicator: str) -> None:
        if self.source is not None and indicator:
            regions = self._first_regions(indicator, None)
            self._series_figure, self._series_figure_model = None, None
            source = self.source
            series = source.chart_series(indicator, regions) if isinstance(source, SpotSource) else \
                source.series(indicator, regions)
            self.show_series(series, None)

    def _first_regions(self, indicator: str, region: str | None) -> list[str] | None:
        """Of an indicator reported in many regions, the ones to read from the store first (see
        `chart_style.drawn_regions`), ranked by the store's counts; None: all of them."""
        counts = self._region_cache.get(indicator)
        if counts is None:
            counts = self.source.indicator_region_counts(indicator) if isinstance(self.source, RegionCounts) else {}
            self._region_cache[indicator] = counts
        self._region_counts = counts
        if len(counts) <= 1 + chart_style.MAX_OTHER_REGIONS:
            return None
        others = sorted((r for r in counts if r != region), key=lambda r: (-counts[r], r))
        return ([region] if region else []) + others[: chart_style.MAX_OTHER_REGIONS]

    def _load_region(self, region: str) -> None:
        """Add a region not read yet (chosen in the region menu) to the series."""
        series, source = self.series, self.source
        if series is None or not isinstance(source, RegionCounts) or region in {p.region for p in series.points}:
            return
        if isinstance(source, SpotSource):
            figure = self._series_figure_model
            more = source.chart_series_for_figure(figure, [region]) if figure is not None else \
                source.chart_series(series.indicator, [region])
        elif self._series_figure is not None:
            more = source.series_for_figure(self._series_figure, [region])
        else:
            more = source.series(series.indicator, [region])
        known = {p.figure_id for p in series.points}
        self.series = Series(series.indicator, series.unit, series.kind,
                             series.points + [p for p in more.points if p.figure_id not in known])

    def show_series(self, series: Series, emphasise_figure: int | None = None) -> None:
        """Draw a series: of many regions, those `chart_style.drawn_regions` picks."""
        if self.series is not None and _same_series(self.series, series):
            self.emphasised_figure = emphasise_figure  # the chart is drawn already: move the mark
            hidden = {p.region for p in series.points if p.figure_id == emphasise_figure} & self._hidden_regions
            if hidden:
                self._hidden_regions -= hidden
                self._draw()
            else:
                self._draw_emphasis(self.visible_points())
            return
        self.series = series
        self.emphasised_figure = emphasise_figure
        drawn = chart_style.drawn_regions(series.points, emphasise_figure)
        self._hidden_regions = {p.region for p in series.points if p.region not in drawn}
        self._asked_flags.clear()
        if self.flag_source is not None:
            self.flags = {}
        if self.indicator_box.findText(series.indicator) < 0:
            self.indicator_box.addItem(series.indicator)
        self.indicator_box.setCurrentText(series.indicator)
        self._draw()

    def _fill_region_menu(self) -> None:
        """Built when opened: the drawn regions first, then the others by number of points."""
        self.region_menu.clear()
        if self.series is None:
            return
        counts = dict(self._region_counts)
        loaded: dict[str, int] = {}
        for point in self.series.points:
            loaded[point.region] = loaded.get(point.region, 0) + 1
        counts.update(loaded)
        hidden = self._hidden_regions | (set(counts) - set(loaded))
        regions = sorted(counts, key=lambda r: (r in hidden, -counts[r], r))
        for region in regions:
            action = QAction(region, self.region_menu)
            action.setCheckable(True)
            action.setChecked(region not in hidden)
            action.toggled.connect(lambda checked, r=region: self.set_region_visible(r, checked))
            self.region_menu.addAction(action)

    def set_region_visible(self, region: str, visible: bool) -> None:
        if visible:
            self._load_region(region)
        (self._hidden_regions.discard if visible else self._hidden_regions.add)(region)
        self._draw()

    def visible_points(self) -> list[Point]:
        if self.series is None:
            return []
        return [p for p in self.series.points if p.region not in self._hidden_regions]

    # -- drawing ----------------------------------------------------------------------------
    def _draw(self) -> None:
        self.curves.clear()
        self.spots.clear()
        self.items.begin()
        series = self.series
        if series is None:
            self.items.finish()
            return
        points = self.visible_points()
        values = [p.value for p in points] + [p.value_high for p in points if p.value_high is not None]
        self.factor, self.unit_label = scale_for(series.unit, values)
        self._set_labels(figure_kind_label(series.kind) + in_brackets(self.unit_label), series_title(series))
        self._fetch_flags(points)
        regions = sorted({p.region for p in points})
        colours = chart_style.region_colours(regions)
        actual_lines: dict[str, list[Point]] = {}
        for (region, group), group_points in chart_style.grouped(points).items():
            line = self._draw_group(region, group, group_points, colours[region], actual_lines.get(region, []))
            if group == chart_style.ACTUAL:
                actual_lines[region] = line
        self._draw_emphasis(points)
        self._draw_flags(points)
        self.corrected.draw(points, self.factor)
        self._draw_ranges(points, colours)
        self.items.finish()
        self.legend.setText(self._legend_html(regions, colours, points))
        years = [p.year for p in points]
        if years:
            self.plot.getAxis("bottom").setTickSpacing(major=max(1, (max(years) - min(years)) // 8 + 1),
                                                       minor=1)
        if points:
            self.plot.getPlotItem().getViewBox().autoRange(padding=0.12)  # now, not at the next paint
        self.info.setText(tr("%1：%2 个数据点，%3 个地区").replace("%1", series.indicator)
                          .replace("%2", str(len(points))).replace("%3", str(len(regions))))
        hidden = len({p.region for p in series.points}) - len(regions)
        if hidden:
            self.info.setText(self.info.text() + tr("（另有 %1 个地区未显示，见“地区”菜单）").replace("%1", str(hidden)))

    def _set_labels(self, axis: str, title: str) -> None:
        """Labels are HTML items that are slow to set: only when they change."""
        if self._labels != (axis, title):
            self._labels = (axis, title)
            self.plot.getAxis("left").setLabel(axis)
            self.title.setText(title)

    def _draw_group(self, region: str, group: str, points: list[Point], colour: QColor,
                    actual_line: list[Point]) -> list[Point]:
        """Draw a group's markers and line; returns the points the line passes through. Parts of a
        year have no line; targets' line starts at the region's last actual (`actual_line`)."""
        xs = [chart_x(p) for p in points]
        ys = [p.value / self.factor for p in points]
        line = [] if group == chart_style.PART else chart_style.line_points(points)
        if group == chart_style.TARGET:
            line = target_path(actual_line, line)
        if line:
            self.curves[(region, group)] = self.items.curve(
                [chart_x(p) for p in line], [p.value / self.factor for p in line],
                chart_items.pen(colour.name(), 2, chart_style.line_style(group)))
        # Symbols and sizes as arrays, one pen and brush for the group: pyqtgraph styles hundreds of
        # spots at once. Points to check (weak) are hollow: then a brush per spot, of two.
        styles = [chart_style.spot_style(point) for point in points]
        fill = chart_items.brush(chart_style.fill_colour(group, colour))
        if any(chart_style.is_hollow(p) for p in points):
            hollow = chart_items.brush(chart_style.HOLLOW)
            brush: Any = [hollow if chart_style.is_hollow(p) else fill for p in points]
        else:
            brush = fill
        self.spots[(region, group)] = self.items.scatter(
            x=xs, y=ys, data=points, symbol=[s.symbol for s in styles], size=[s.size for s in styles],
            pen=chart_items.pen(colour.name(), 2), brush=brush)
        return line

    def _legend_html(self, regions: list[str], colours: dict[str, QColor], points: list[Point]) -> str:
        """Escaped region names in their colours, then what the line and marker styles mean."""
        groups = {key[1] for key in self.spots}
        drawn = {key[0] for key in self.spots}
        parts = [f"<span style='color:{colours[r].name()}'>&#9632; {html.escape(r)}</span>"
                 for r in regions if r in drawn]
        samples = {chart_style.ACTUAL: "●——", chart_style.ESTIMATE: "◆‥‥",
                   chart_style.TARGET: "<span style='color:#aaa'>●</span>- - -"}
        parts += [f"{samples[g]} {html.escape(chart_style.group_label(g))}" for g in chart_style.GROUPS
                  if g in groups and g in samples]
        if chart_style.PART in groups:
            words = chart_style.group_label(chart_style.PART) + colon() + \
                list_separator().join(part_year_words(points, current_language()))
            parts.append(f"■ {html.escape(words + in_brackets(tr('不在全年线上')))}")
        if any(p.qualifier in ("more_than", "at_least") for p in points):
            parts.append(f"▲ {html.escape(tr('不少于/超过'))}")
        if any(chart_style.is_hollow(p) for p in points):
            parts.append(f"○ {html.escape(tr('空心：需核对（指标、地区或年份系推断）'))}")
        shown = {flag for _x, _y, flag in self._flagged}
        parts += [f"{chart_style.flag_sample(f)} {html.escape(chart_style.flag_label(f))}"
                  for f in chart_style.FLAG_STYLES if f in shown]
        parts += [part for part in (self.corrected.legend(),) if part]
        return "&nbsp;&nbsp; ".join(parts)

    def _draw_ranges(self, points: list[Point], colours: dict[str, QColor]) -> None:
        """A bar from the low to the high value of each range, one item per region."""
        bars: dict[str, tuple[list[float], list[float]]] = {}
        for point in points:
            if point.value_high is not None:
                xs, ys = bars.setdefault(point.region, ([], []))
                xs += [chart_x(point), chart_x(point)]
                ys += [point.value / self.factor, point.value_high / self.factor]
        for region, (xs, ys) in bars.items():
            self.items.range_lines(xs, ys, chart_items.pen(colours[region].name(), 4))

    def _draw_emphasis(self, points: list[Point]) -> None:
        marked = [p for p in points if p.figure_id == self.emphasised_figure]
        self.emphasis.setData([chart_x(p) for p in marked], [p.value / self.factor for p in marked])

    def _fetch_flags(self, points: list[Point]) -> None:
        """Ask `flag_source` about the drawn points not asked about yet."""
        if self.flag_source is None:
            return
        new = [p.figure_id for p in points if p.figure_id not in self._asked_flags]
        if new:
            self._asked_flags.update(new)
            self.flags.update(self.flag_source(new))
            if isinstance(self.source, SpotSource):
                self._flags_later.start()  # the figures behind the markers, once the chart is shown

    def cancel_pending(self) -> None:
        """The store is closing: drop the flag reading scheduled after a drawing."""
        self._flags_later.stop()
        self.flag_source = None

    def _flags_behind_points(self) -> None:
        """A marker stands for every report of its place: it takes a flag any of them has."""
        series, source = self.series, self.source
        if series is None or self.flag_source is None or not isinstance(source, SpotSource):
            return
        points = self.visible_points()
        behind = source.figures_at(series.indicator, series.unit, points)
        others = [i for ids in behind.values() for i in ids if i not in self._asked_flags]
        if not others:
            return
        self._asked_flags.update(others)
        found = self.flag_source(others)
        changed = False
        for point in points:
            if point.figure_id not in self.flags:
                place = (point.region, point.role, point.year, point.value, point.qualifier, point.value_high)
                flag = next((found[i] for i in behind.get(place, ()) if i in found), None)
                if flag is not None:
                    self.flags[point.figure_id] = flag
                    changed = True
        if changed:
            self._draw()

    def reload_flags(self) -> None:
        """The checks ran again: ask `flag_source` afresh."""
        if self.flag_source is not None:
            self.flags, self._asked_flags = {}, set()
            if self.series is not None:
                self._draw()

    def set_flags(self, flags: dict[int, str]) -> None:
        if flags != self.flags:
            self.flags = dict(flags)
            if self.series is not None:
                self._draw()

    def _draw_flags(self, points: list[Point]) -> None:
        spots, self._flagged = [], []
        for point in points:
            flag = self.flags.get(point.figure_id)
            if flag is None:
                continue
            style = chart_style.FLAG_STYLES[flag]
            x, y = chart_x(point), point.value / self.factor
            self._flagged.append((x, y, flag))
            pen = pg.mkPen(style.colour, width=2.5,
                           style=Qt.PenStyle.DashLine if style.dashed else Qt.PenStyle.SolidLine)
            spots.append({"pos": (x, y), "symbol": style.symbol, "size": style.size, "pen": pen,
                          "brush": pg.mkBrush(style.colour) if style.symbol == "x" else pg.mkBrush(None)})
        self.flag_item.setData(spots=spots)

    def flagged_points(self) -> list[tuple[float, float, str]]:
        """(year, value in the chart's unit, flag) of every flagged point drawn."""
        return list(self._flagged)

    def corrected_points(self) -> list[Point]:
        """The points drawn that the reviewer corrected (framed in the reviewer's colour)."""
        return self.corrected.points()

    def emphasised_points(self) -> list[tuple[float, float]]:
        xs, ys = self.emphasis.getData()
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    # -- interaction ------------------------------------------------------------------------
    def _spots_clicked(self, _item: Any, spots: Any, _event: Any = None) -> None:
        if len(spots):
            self.activate_point(spots[0].data())

    def activate_point(self, point: Point) -> None:
        self.emphasised_figure = point.figure_id
        self._draw_emphasis(self.visible_points())
        self.pointClicked.emit(point)

    def point_menu_at(self, pos: QPoint) -> QMenu | None:
        """The context menu of the point under a position of the plot; None off any point."""
        point = point_at(self.plot, self.spots.values(), pos)
        if point is None:
            return None
        menu = QMenu(self)
        menu.addAction(tr("更正“%1”…").replace("%1", point.text or tr("该数据点")),
                       lambda: self.correctionRequested.emit(point))
        return menu

    def _point_menu(self, pos: QPoint) -> None:
        menu = self.point_menu_at(pos)
        if menu is not None:
            menu.exec(self.plot.mapToGlobal(pos))
            menu.deleteLater()

    def _spots_hovered(self, item: pg.ScatterPlotItem, spots: Any, _event: Any = None) -> None:
        box = item.getViewBox()
        if not len(spots):
            if box is not None:
                box.setToolTip("")
            return
        point: Point = spots[0].data()
        if box is not None:
            box.setToolTip(self.point_tooltip(point))
        self.info.setText(" · ".join(t for t in (self.point_summary(point), self.point_check(point)) if t))

    def point_summary(self, point: Point) -> str:
        value = format_number(point.value / self.factor)
        if point.value_high is not None:
            value += "–" + format_number(point.value_high / self.factor)
        qualifier = f"{qualifier_label(point.qualifier)} " if point.qualifier else ""
        return (f"{point.region} {point_period_words(point, current_language())}{colon()}{qualifier}{value} "
                f"{self.unit_label}" + in_brackets(role_label(point.role)))

    def point_check(self, point: Point) -> str:
        """Which of the point's indicator, region and year to check, and how each was found ("" if none)."""
        if not point.weak:
            return ""
        indicator = self.series.indicator if self.series is not None else ""
        return weak_summary(point_slot_words(point, indicator), point.weak)

    def point_tooltip(self, point: Point) -> str:
        """Escaped rich text: the source sentence is shown as text."""
        others = ""
        if point.reports > 1:
            others = "<br><i>" + html.escape(tr("另有 %1 份报告给出同一数值").replace("%1", str(point.reports - 1))) + "</i>"
        check = self.point_check(point)
        if check:
            check = f"<br><span style='color:{WEAK_COLOUR}'>{html.escape(check)}</span>"
        if is_corrected(point):
            check += f"<br><span style='color:{REVIEWER_COLOUR}'>{html.escape(tr('审核员更正'))}</span>"
        return (f"<b>{html.escape(self.point_summary(point))}</b>{check}<br>"
                f"{html.escape(point.doc_title)}<br>"
                f"<span style='color:#555'>{html.escape(self._sentence_of(point))}</span>{others}")

    def _sentence_of(self, point: Point) -> str:
        if point.sentence or not isinstance(self.source, SentenceSource):
            return point.sentence
        return self.source.with_sentences([point])[0].sentence

    def _points_with_sentences(self, points: list[Point]) -> list[Point]:
        if isinstance(self.source, SentenceSource) and any(not p.sentence for p in points):
            return self.source.with_sentences(points)
        return points

    # -- export -----------------------------------------------------------------------------
    def export_image(self, path: Path) -> None:
        chart_export.export_image(self.plot, path)

    def export_data(self, path: Path) -> None:
        if self.series is not None:
            visible = self.visible_points()
            points = self.source.sources_at(self.series.indicator, self.series.unit, visible) \
                if isinstance(self.source, SpotSource) else self._points_with_sentences(visible)
            write_series(Series(self.series.indicator, self.series.unit, self.series.kind, points), path)

    def ask_export_image(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("导出图表"), "chart.png", "PNG (*.png);;SVG (*.svg)")
        if name:
            self.export_image(Path(name))

    def ask_export_data(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("导出数据"), "series.csv",
                                              "CSV (*.csv);;Excel (*.xlsx)")
        if name:
            self.export_data(Path(name))


def _same_series(old: Series, new: Series) -> bool:
    return (old.indicator, old.unit, [p.figure_id for p in old.points]) == \
        (new.indicator, new.unit, [p.figure_id for p in new.points])


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.chart_pane STORE [INDICATOR]"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = ChartPane(library)
    indicators = library.indicators()
    if len(args) > 1 or indicators:
        pane.show_indicator(args[1] if len(args) > 1 else indicators[0])
    return run_alone(pane, "chart pane")


if __name__ == "__main__":
    sys.exit(main())
