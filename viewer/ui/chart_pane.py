"""The chart pane: paints what `viewer.services.chart_model.ChartModel` says the chart shows (an
indicator's series per region over the years, flags, the emphasised point) with pyqtgraph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
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

from viewer.model import Figure, Point, Series
from viewer.services.chart_model import ChartModel, Drawing, FlagSource
from viewer.services.library import Library
from viewer.ui import chart_export, chart_text
from viewer.ui.chart_corrections import point_at
from viewer.ui.chart_painter import ChartPainter
from viewer.ui.i18n import tr
from viewer.ui.series_export import write_series

pg.setConfigOptions(background="w", foreground="#333", antialias=True)
FLAGS_BEHIND_MS = 40  # the flags of the reports behind the markers: read once the chart is painted


class ChartPane(QWidget):
    pointClicked = Signal(object)  # Point
    correctionRequested = Signal(object)  # Point: 更正… chosen in its context menu

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChartModel(library)
        self._flags_later = QTimer(self, singleShot=True, interval=FLAGS_BEHIND_MS)
        self._flags_later.timeout.connect(self._flags_behind_points)
        self._drawing: Drawing | None = None
        self._build()
        self.reload_indicators()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("指标：")))
        self.indicator_box = QComboBox(minimumContentsLength=10, placeholderText=tr("选择指标…"))
        self.indicator_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator_box.activated.connect(lambda _index: self.show_indicator(self.indicator_box.currentText()))
        bar.addWidget(self.indicator_box, 1)
        self.region_menu = self._menu_button(bar, tr("地区"))
        self.region_menu.aboutToShow.connect(self._fill_region_menu)
        export = self._menu_button(bar, tr("导出"))
        export.addAction(tr("导出图表（PNG/SVG）…"), self.ask_export_image)
        export.addAction(tr("导出数据（CSV/Excel）…"), self.ask_export_data)
        layout.addLayout(bar)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.getAxis("bottom").setLabel(tr("年份"))
        self.title = QLabel(textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("QLabel { font-weight: 600; font-size: 11pt; }")
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        self.painter = ChartPainter(self.plot, self._spots_clicked, self._spots_hovered, self.title.setText)
        self.curves, self.spots, self.corrected = self.painter.curves, self.painter.spots, self.painter.corrected
        self.emphasis = self.painter.emphasis
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(self._point_menu)
        # A Qt label, not pyqtgraph's LegendItem: that one costs milliseconds per redraw.
        self.legend = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        layout.addWidget(self.legend)
        self.info = QLabel(tr("点击文档中的数字以查看其指标序列。"), textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.info.setStyleSheet("QLabel { color: #555; padding: 2px; }")
        layout.addWidget(self.info)

    def _menu_button(self, bar: QHBoxLayout, text: str) -> QMenu:
        button = QToolButton()
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        button.setMenu(menu)
        bar.addWidget(button)
        return menu

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
            self._draw_emphasis()
            return
        if self.indicator_box.findText(series.indicator) < 0:
            self.indicator_box.addItem(series.indicator)
        self.indicator_box.setCurrentText(series.indicator)
        self._draw()

    def _fill_region_menu(self) -> None:
        """Built when opened: the drawn regions first, then the others by number of points."""
        self.region_menu.clear()
        for region, drawn in self.model.region_choices():
            action = QAction(region, self.region_menu, checkable=True, checked=drawn)
            action.toggled.connect(lambda checked, r=region: self.set_region_visible(r, checked))
            self.region_menu.addAction(action)

    def set_region_visible(self, region: str, visible: bool) -> None:
        self.model.set_region_visible(region, visible)
        self._draw()

    def visible_points(self) -> list[Point]:
        return self.model.visible_points()

    # -- painting ---------------------------------------------------------------------------
    def _draw(self) -> None:
        drawing = self._drawing = self.model.drawing()
        self.painter.paint(drawing)
        if drawing is not None:
            self.legend.setText(self.painter.paint_flags(drawing))
            self.info.setText(chart_text.info_text(drawing))
            if self.model.flags_pending:
                self._flags_later.start()  # the figures behind the markers, once the chart is shown

    def _draw_emphasis(self) -> None:
        self.painter.paint_emphasis(self.model.emphasis())

    def _flags_behind_points(self) -> None:
        drawing = self._drawing
        if self.model.flags_behind_points() and drawing is not None:
            drawing.flags = self.model.flag_marks(drawing.points)
            self.legend.setText(self.painter.paint_flags(drawing))

    def cancel_pending(self) -> None:
        """The store is closing: drop the flag reading scheduled after a drawing."""
        self._flags_later.stop()
        self.model.flag_source = None

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
        xs, ys = self.emphasis.getData()
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    # -- interaction ------------------------------------------------------------------------
    def _spots_clicked(self, _item: Any, spots: Any, _event: Any = None) -> None:
        if len(spots):
            self.activate_point(spots[0].data())

    def activate_point(self, point: Point) -> None:
        self.model.emphasised = point.figure_id
        self._draw_emphasis()
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
        point: Point | None = spots[0].data() if len(spots) else None
        if box is not None:
            box.setToolTip(self.point_tooltip(point) if point is not None else "")
        if point is not None:
            self.info.setText(" · ".join(t for t in (self.point_summary(point), self.point_check(point)) if t))

    def point_summary(self, point: Point) -> str:
        return chart_text.point_summary(point, self.factor, self.unit_label)

    def point_check(self, point: Point) -> str:
        return chart_text.point_check(point, self.series.indicator if self.series is not None else "")

    def point_tooltip(self, point: Point) -> str:
        return chart_text.point_tooltip(self.point_summary(point), self.point_check(point), point,
                                        self.model.sentence_of(point))

    # -- export -----------------------------------------------------------------------------
    def export_image(self, path: Path) -> None:
        chart_export.export_image(self.plot, path)

    def export_data(self, path: Path) -> None:
        series = self.model.export_series()
        if series is not None:
            write_series(series, path)

    def ask_export_image(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("导出图表"), "chart.png", "PNG (*.png);;SVG (*.svg)")
        if name:
            self.export_image(Path(name))

    def ask_export_data(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("导出数据"), "series.csv", "CSV (*.csv);;Excel (*.xlsx)")
        if name:
            self.export_data(Path(name))


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
