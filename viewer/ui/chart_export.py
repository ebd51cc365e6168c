"""Save the chart as a picture: PNG through pyqtgraph, SVG through Qt's own generator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.model import Series
from viewer.ui.series_export import write_series


def ask_path(parent: QWidget, caption: str, name: str, filters: str, write: Callable[[Path], None]) -> None:
    """Ask where to save, and save there unless the reviewer cancels."""
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, name, filters)
    if chosen:
        write(Path(chosen))


def export_series(series: Series | None, path: Path) -> None:
    """The chart's data (CSV or Excel by the suffix); nothing when no series is drawn."""
    if series is not None:
        write_series(series, path)


def export_image(plot: pg.PlotWidget, path: Path) -> None:
    if path.suffix.lower() == ".svg":
        export_svg(plot, path)
        return
    from pyqtgraph import exporters

    exporter = exporters.ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = max(1200, int(plot.width() * 2))
    exporter.export(str(path))


def export_svg(plot: pg.PlotWidget, path: Path) -> None:
    """pyqtgraph's SVGExporter cannot parse the paths Qt 6.11 writes, so render with Qt."""
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(plot.width(), plot.height()))
    generator.setViewBox(QRect(0, 0, plot.width(), plot.height()))
    painter = QPainter(generator)
    plot.render(painter)
    painter.end()
