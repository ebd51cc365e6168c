"""A target's chart: the actuals reported year by year, the baseline, the planned path from it to
the target (dashed), and, for the next plan, the straight line of the last five years' actuals
projected to the new target's year (dotted). Also rendered to PNG bytes for the Word export."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import QApplication

from viewer.model.plans import NextPlanRow, PlanRow, TargetKind
from viewer.services.plan_compare import straight_line
from viewer.services.plan_export import trend_key
from viewer.services.plan_progress import implied_level
from viewer.ui.i18n import in_brackets, tr

ACTUAL_COLOUR = "#1f77b4"
TARGET_COLOUR = "#d62728"
TREND_COLOUR = "#7f7f7f"
PNG_SIZE = (900, 450)


def _scale(unit: str, values: Iterable[float]) -> tuple[float, str]:
    """Money in 亿元 or 万元 as a report writes it; other units as they are."""
    biggest = max((abs(v) for v in values), default=0.0)
    if unit == "元" and biggest >= 1e8:
        return 1e8, "亿元"
    if unit == "元" and biggest >= 1e4:
        return 1e4, "万元"
    return 1.0, unit


def goal_level(row: PlanRow) -> float | None:
    """The level the target means, for the chart: a growth target's level reached from the baseline."""
    if row.kind == TargetKind.GROWTH:
        if row.baseline_value is None or row.baseline_year is None:
            return None
        return implied_level(row.baseline_value, row.target_value, row.target_year - row.baseline_year, True)
    if row.kind == TargetKind.CHANGE:
        return row.baseline_value + row.target_value if row.baseline_value is not None else None
    return row.target_value


class PlanChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent=parent, background="w")
        self.showGrid(x=True, y=True, alpha=0.25)
        self.addLegend(offset=(10, 10))
        self.getPlotItem().setMenuEnabled(False)

    def show_row(self, row: PlanRow | None, following: NextPlanRow | None = None) -> None:
        """Draw a row of an evaluation (or of a next-plan comparison: its trend and projection)."""
        self.clear()
        if row is None:
            self.setTitle("")
            return
        goal = goal_level(row)
        history = list(following.trend if following is not None and following.trend else row.history)
        values = [v for _, v in history] + [v for v in (goal, row.baseline_value) if v is not None]
        if following is not None and following.projection is not None:
            values.append(following.projection)
        factor, unit = _scale(row.level_unit or row.unit, values)
        self.setTitle(f"{row.region}{row.indicator}" + (in_brackets(unit) if unit else ""), color="k")
        self.setLabel("bottom", tr("年份"))
        if history:
            years, levels = zip(*history, strict=True)
            self.plot(list(years), [v / factor for v in levels], name=tr("实际"), pen=pg.mkPen(ACTUAL_COLOUR, width=2),
                      symbol="o", symbolBrush=ACTUAL_COLOUR, symbolSize=8)
        if goal is not None and row.baseline_value is not None and row.baseline_year is not None:
            self.plot([row.baseline_year, row.target_year], [row.baseline_value / factor, goal / factor],
                      name=tr("规划路径"), pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        if goal is not None:
            self.plot([row.target_year], [goal / factor], name=tr("目标"), pen=None, symbol="star",
                      symbolBrush=TARGET_COLOUR, symbolPen=TARGET_COLOUR, symbolSize=16)
        if following is not None and following.projection is not None and following.trend:
            line = straight_line(following.trend)
            if line is not None:
                first = following.trend[0][0]
                self.plot([first, row.target_year], [(line[0] * first + line[1]) / factor, following.projection / factor],
                          name=tr("趋势外推"), pen=pg.mkPen(TREND_COLOUR, width=2, style=Qt.PenStyle.DotLine))
        self.getPlotItem().enableAutoRange()


def png_bytes(chart: PlanChart, size: tuple[int, int] = PNG_SIZE) -> bytes:
    from pyqtgraph import exporters

    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(*size)
    chart.show()  # laid out at this size, never on screen
    QApplication.processEvents()
    exporter = exporters.ImageExporter(chart.getPlotItem())
    exporter.parameters()["width"] = size[0]
    image = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    chart.hide()
    return bytes(data.data())


_RENDERER: list[PlanChart] = []


def _renderer() -> PlanChart:
    """One hidden chart draws every exported image, for the life of the program: charts made and
    deleted per export left pyqtgraph items to be torn apart by the garbage collector before Qt
    deleted them (their sizeHint then raised in the event loop)."""
    if not _RENDERER:
        _RENDERER.append(PlanChart())
    return _RENDERER[0]


def render_charts(rows: Iterable[PlanRow], following: Iterable[NextPlanRow] = ()) -> dict[str, bytes]:
    """PNG bytes of each row's chart, by row key, and of each next-plan row's chart against the
    trend, by plan_export.trend_key (for the Word export, also from the command line)."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.ui.app import application

    application()
    chart = _renderer()
    found = {}
    for row in rows:
        chart.show_row(row)
        found[row.key] = png_bytes(chart)
    for next_row in following:
        chart.show_row(next_row.target, next_row)
        found[trend_key(next_row)] = png_bytes(chart)
    return found
