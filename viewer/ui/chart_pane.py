"""The chart pane: paints what `viewer.services.chart_model.ChartModel` says the chart shows (an
indicator's series per region over the years, flags, the emphasised point) with pyqtgraph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from viewer.model import Figure, Point, Series
from viewer.services.chart_flags import FlagAnswer, FlagRequest, FlagSource, answer_flags, answer_from_rows
from viewer.services.chart_model import ChartModel, Drawing
from viewer.services.library import Library
from viewer.services.series import ValueRange
from viewer.ui import chart_bar, chart_export, chart_text
from viewer.ui.chart_corrections import correction_menu, point_at
from viewer.ui.chart_painter import ChartPainter, plot_widget
from viewer.ui.i18n import tr
from viewer.ui.ops import Op, Ops
from viewer.ui.review_labels import flags_from_rows
from viewer.ui.tooltips import plain_tooltip

pg.setConfigOptions(background="w", foreground="#333", antialias=True)
FLAGS_MS = 40  # the checks' flags of the points drawn: read once the chart is painted


def checks_answer(library: Library, request: FlagRequest) -> FlagAnswer:
    """The checks' flags of a request's points, read in one statement (in an op's thread, through
    its library)."""
    series = request.series
    return answer_from_rows(request, library.flag_rows_at(series.indicator, series.unit, request.points),
                            flags_from_rows)


class ChartPane(QWidget):
    pointClicked = Signal(object)  # Point
    correctionRequested = Signal(object)  # Point: 更正… chosen in its context menu

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChartModel(library)
        self._flags_later = QTimer(self, singleShot=True, interval=FLAGS_MS)
        self._flags_later.timeout.connect(self._read_flags)
        self._drawing: Drawing | None = None
        self._ops: Ops | None = None  # the flags' reads off the UI thread
        self._flag_op: Op | None = None
        self._build()
        self.reload_indicators()

    def _build(self) -> None:
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar, self.indicator_box, self.region_menu = chart_bar.tool_bar(
            self.show_indicator, self._fill_region_menu, self.ask_export_image, self.ask_export_data)
        layout.addLayout(bar)
        self.plot = plot_widget()
        self.plot.setMenuEnabled(False)
        self.plot.getAxis("bottom").setLabel(tr("年份"))
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(self._point_menu)
        self.title, self.legend, self.info = chart_bar.title_label(), chart_bar.legend_label(), chart_bar.info_label()
        for widget, stretch in ((self.title, 0), (self.plot, 1), (self.legend, 0), (self.info, 0)):
            layout.addWidget(widget, stretch)
        self.painter = ChartPainter(self.plot, self._spots_clicked, self._spots_hovered, self.title.setText,
                                    self._range_hovered, self._range_clicked)
        self.curves, self.spots, self.corrected = self.painter.curves, self.painter.spots, self.painter.corrected
        self.emphasis = self.painter.emphasis

    # -- what is shown ----------------------------------------------------------------------
    @property
    def factor(self) -> float:
        return self.painter.factor

    @property
    def unit_label(self) -> str:
        return self.painter.unit_label

    @property
    def series(self) -> Series | None:
        return self.model.series

    @property
    def flag_source(self) -> FlagSource | None:
        return self.model.flag_source

    @flag_source.setter
    def flag_source(self, source: FlagSource | None) -> None:
        """Whether the chart shows the checks' flags: with a store in a file they are read off the
        UI thread through a connection of the read's own (`checks_answer`), with one in memory
        through `source` itself."""
        self.model.flag_source = source

    def reload_indicators(self) -> None:
        current = self.indicator_box.currentText()
        self.indicator_box.clear()
        self.indicator_box.addItems(self.model.indicators())
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
        series = self.model.figure_series(figure)
        if series is None:
            self.info.setText(tr("该数字未关联指标：%1").replace("%1", figure.text))
            return False
        self._show(series, figure.id)
        if not series.points:
            self.info.setText(tr("指标“%1”暂无可绘制的数据点（数字缺少年份或地区）。").replace("%1", series.indicator))
            return False
        return True

    def show_indicator(self, indicator: str) -> None:
        series = self.model.indicator_series(indicator)
        if series is not None:
            self._show(series, None)

    def reload(self, figure: Figure | None = None) -> None:
        """The store changed (a figure was corrected): read the indicators and the series drawn
        again, or `figure`'s series when it has an indicator."""
        self.reload_indicators()
        shown, emphasised = self.model.forget()
        if figure is not None and figure.indicator:
            self.show_figure(figure)
        elif shown is not None:
            again = self.model.indicator_series(shown.indicator)
            if again is not None:
                self._show(again, emphasised)

    def _show(self, series: Series, emphasised: int | None) -> None:
        if not self.model.show(series, emphasised):  # drawn already: move the mark
            self.painter.paint_emphasis(self.model.emphasis())
            return
        if self.indicator_box.findText(series.indicator) < 0:
            self.indicator_box.addItem(series.indicator)
        self.indicator_box.setCurrentText(series.indicator)
        self._draw()

    def _fill_region_menu(self) -> None:
        chart_bar.fill_region_menu(self.region_menu, self.model.region_choices(), self.set_region_visible)

    def set_region_visible(self, region: str, visible: bool) -> None:
        self.model.set_region_visible(region, visible)
        self._draw()

    def visible_points(self) -> list[Point]:
        return self.model.visible_points()

    # -- painting ---------------------------------------------------------------------------
    def _draw(self) -> None:
        drawing = self._drawing = self.model.drawing()
        if drawing is not None:
            self.info.setText(chart_text.info_text(drawing))
            self.legend.setText(chart_text.legend_html(drawing))
            self._layout.activate()  # the labels' heights now: the plot is painted once, in its size
        self.painter.paint(drawing)
        if self.model.flags_pending:
            self._flags_later.start()  # read once the chart is shown

    def _read_flags(self) -> None:
        """Read the flags of the points drawn: off the UI thread (a connection of the read's own)
        when the store is a file, the checks' flags as `flag_source` has them for the window;
        here through `flag_source` for a store in memory, which no other connection sees."""
        library = self.model.library
        if library is None or self._flag_op is not None or not self.model.flags_pending:
            return  # a read runs (the next starts when it ends), or every point drawn was asked about
        request = self.model.flag_request()
        if request is None:
            return
        source = self.model.flag_source
        if library.in_memory and source is not None:
            self._apply_flags(answer_flags(library, request, source))
            return
        if self._ops is None:
            self._ops = Ops(self, library.store_path)
        self._flag_op = self._ops.read("chart flags", lambda op: checks_answer(op.library, request),
                                       self._flags_read, self._flags_failed)

    def _flags_read(self, answer: FlagAnswer) -> None:
        self._flag_op = None
        self._apply_flags(answer)
        if self.model.flags_pending:  # another series drawn meanwhile
            self._read_flags()

    def _flags_failed(self, message: str) -> None:
        """The flags are marks beside the chart: a failed read leaves them out and says why."""
        self._flag_op = None
        self.info.setText(message)

    def _apply_flags(self, answer: FlagAnswer) -> None:
        if self.model.apply_flags(answer) and self._drawing is not None:
            self._drawing.flags = self.model.flag_marks(self._drawing.points)
            self.painter.paint_flags(self._drawing.flags)
            self.legend.setText(chart_text.legend_html(self._drawing))

    def flags_scheduled(self) -> bool:
        """The checks' flags of the chart drawn are still to be read or being read (they are read
        once it is shown)."""
        return self._flags_later.isActive() or self._flag_op is not None

    def cancel_pending(self) -> None:
        """The store is closing: drop the flag reading scheduled after a drawing, stop the one running."""
        self._flags_later.stop()
        self.model.flag_source = None
        if self._ops is not None:
            self._ops.shut_down()
        self._flag_op = None

    def reload_flags(self) -> None:
        """The checks ran again: ask the flag source afresh."""
        if self.model.forget_flags():
            self._draw()

    def set_flags(self, flags: dict[int, str]) -> None:
        if self.model.set_flags(flags):
            self._draw()

    def flagged_points(self) -> list[tuple[float, float, str]]:
        """(year, value in the chart's unit, flag) of every flagged point drawn."""
        return list(self.painter.flag_marks.flagged)

    def corrected_points(self) -> list[Point]:
        """The points drawn that the reviewer corrected (framed in the reviewer's colour)."""
        return self.corrected.points()

    def emphasised_points(self) -> list[tuple[float, float]]:
        return self.painter.emphasised()

    # -- interaction ------------------------------------------------------------------------
    def _spots_clicked(self, _item: Any, spots: Any, _event: Any = None) -> None:
        if len(spots):
            self.activate_point(spots[0].data())

    def activate_point(self, point: Point) -> None:
        point = self.model.details(point)
        self.model.emphasised = point.figure_id
        self.painter.paint_emphasis(self.model.emphasis())
        self.pointClicked.emit(point)

    def _range_clicked(self, value_range: ValueRange) -> None:
        """A click on a range is a click on its latest report's marker."""
        self.activate_point(value_range.latest)

    def _range_hovered(self, value_range: ValueRange | None) -> None:
        box = self.painter.value_ranges.getViewBox()
        text = "" if value_range is None else chart_text.range_text(value_range, self.model.range_reports(value_range),
                                                                     self.factor, self.unit_label)
        if box is not None:
            box.setToolTip(plain_tooltip(text))
        if text:
            self.info.setText(text)

    def point_menu_at(self, pos: QPoint) -> QMenu | None:
        """The context menu of the point under a position of the plot; None off any point."""
        point = point_at(self.plot, [self.painter.scatter], pos)
        return correction_menu(self, None if point is None else self.model.details(point),
                               self.correctionRequested.emit)

    def _point_menu(self, pos: QPoint) -> None:
        menu = self.point_menu_at(pos)
        if menu is not None:
            menu.exec(self.plot.mapToGlobal(pos))
            menu.deleteLater()

    def _spots_hovered(self, item: pg.ScatterPlotItem, spots: Any, _event: Any = None) -> None:
        box = item.getViewBox()
        point: Point | None = self.model.details(spots[0].data()) if len(spots) else None
        if box is not None:
            box.setToolTip(self.point_tooltip(point) if point is not None else "")
        if point is not None:
            self.info.setText(chart_text.hover_text(point, self.factor, self.unit_label, self.model.indicator()))

    def point_summary(self, point: Point) -> str:
        return chart_text.point_summary(point, self.factor, self.unit_label)

    def point_tooltip(self, point: Point) -> str:
        """The tooltip of a marker, its details read by id (once per series drawn)."""
        point = self.model.details(point)
        return chart_text.point_tooltip(point, self.factor, self.unit_label, self.model.indicator(),
                                        self.model.sentence_of(point))

    def value_ranges(self) -> list[ValueRange]:
        """The places of many values drawn as ranges."""
        return self.painter.value_ranges.ranges()

    # -- export -----------------------------------------------------------------------------
    def export_image(self, path: Path) -> None:
        chart_export.export_image(self.plot, path)

    def export_data(self, path: Path) -> None:
        chart_export.export_series(self.model.export_series(), path)

    def ask_export_image(self) -> None:
        chart_export.ask_path(self, tr("导出图表"), "chart.png", "PNG (*.png);;SVG (*.svg)", self.export_image)

    def ask_export_data(self) -> None:
        chart_export.ask_path(self, tr("导出数据"), "series.csv", "CSV (*.csv);;Excel (*.xlsx)", self.export_data)


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
