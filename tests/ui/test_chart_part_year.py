"""The chart through the window, on invented reports: parts of a year drawn apart from the
full-year line, a single target joined to the last actual, the part-year question in the checks
panel and on the chart, and a drawn chart (not empty axes) at start-up. Read through the items'
`getData()`, not pixels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from viewer.model import Figure
from viewer.model.review import CheckKind
from viewer.services.ingest import ingest_paths
from viewer.ui import chart_style
from viewer.ui.chart_pane import ChartPane
from viewer.ui.main_window import MainWindow

REGION = "常德市"
REPORT = ("常德市2023年科技工作总结\n\n"
          "2021年，常德市技术合同成交额70.2亿元。\n\n"
          "2022年，常德市技术合同成交额85.6亿元。\n\n"
          "2023年上半年，常德市技术合同成交额41.2亿元。\n\n"
          "2023年前三季度，常德市技术合同成交额72.3亿元。\n\n"
          "2023年1—11月，常德市技术合同成交额{eleven}。\n\n"
          "2023年，常德市技术合同成交额102.4亿元。\n\n"
          "到2025年，常德市技术合同成交额达到150亿元。\n")


def make_store(folder: Path, eleven: str = "93.8亿元") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "常德工作总结.txt"
    path.write_text(REPORT.format(eleven=eleven), encoding="utf-8")
    store = folder / "store.db"
    assert ingest_paths(store, [path], processes=0).ok
    return store


def open_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.restore_session()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=30_000)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    yield open_window(qtbot, make_store(tmp_path / "plausible"), tmp_path)


def full_year_figure(window: MainWindow) -> Figure:
    assert window.current is not None and window.current.id is not None
    return next(f for f in window.library.figures(window.current.id) if f.text == "102.4亿元")


def test_parts_of_a_year_stand_apart_from_the_full_year_line(qtbot: QtBot, window: MainWindow) -> None:
    window.show_figure(full_year_figure(window))
    chart = window.chart
    xs, ys = chart.curves[(REGION, chart_style.ACTUAL)].getData()
    assert xs.tolist() == [2021.0, 2022.0, 2023.0], "the full-year line passes through full years only"
    assert ys.tolist() == pytest.approx([70.2, 85.6, 102.4])
    assert (REGION, chart_style.PART) not in chart.curves, "parts of a year are not joined by a line"
    part = chart.spots[(REGION, chart_style.PART)]
    xs, ys = part.getData()
    assert xs.tolist() == pytest.approx([2022.5, 2022.75, 2023 - 1 / 12]), "each at the end of its period"
    assert ys.tolist() == pytest.approx([41.2, 72.3, 93.8])
    assert {spot.symbol() for spot in part.points()} == {chart_style.PART_SYMBOL}
    assert chart_style.PART_SYMBOL not in {s.symbol() for s in chart.spots[(REGION, chart_style.ACTUAL)].points()}
    legend = chart.legend.text()
    assert "部分年度" in legend and "上半年、前三季度、1—11月" in legend
    eleven = next(s.data() for s in part.points() if s.data().period == "2023-M01-M11")
    assert "2023年1—11月" in chart.point_summary(eleven) and "2023年1—11月" in chart.point_tooltip(eleven)


def test_a_single_target_is_joined_to_the_last_actual_by_a_dashed_segment(window: MainWindow) -> None:
    window.show_figure(full_year_figure(window))
    target = window.chart.curves[(REGION, chart_style.TARGET)]
    xs, ys = target.getData()
    assert xs.tolist() == [2023.0, 2025.0] and ys.tolist() == pytest.approx([102.4, 150])
    assert target.opts["pen"].style() == Qt.PenStyle.DashLine


def test_the_chart_draws_the_selected_indicator_at_start_up(window: MainWindow) -> None:
    chart = window.chart
    assert chart.series is not None and chart.series.points
    assert chart.indicator_box.currentText() == chart.series.indicator == "技术合同成交额"
    assert chart.curves and chart.spots
    (x_low, x_high), (_y_low, y_high) = chart.plot.getPlotItem().getViewBox().viewRange()
    assert x_low < 2021 and x_high > 2025 and y_high > 100, "the series' range, not empty 0–1 axes"


def test_a_pane_with_nothing_drawn_selects_nothing(qtbot: QtBot, window: MainWindow) -> None:
    pane = ChartPane(window.library)
    qtbot.addWidget(pane)
    assert pane.indicator_box.count() > 0 and pane.indicator_box.currentIndex() == -1
    assert pane.series is None and pane.indicator_box.placeholderText()
    assert pane.show_first_indicator() and pane.indicator_box.currentText() == pane.series.indicator


def test_a_part_far_above_the_whole_year_is_asked_about_and_ringed(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, make_store(tmp_path / "slipped", "93.8万亿元"), tmp_path)
    pane = window.review.checks_pane
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    assert window.current is not None and window.current.id is not None
    [finding] = [f for f in window.review.document_findings(window.current.id) if f.kind == CheckKind.PART_YEAR]
    assert pane.select_finding(finding.id or 0, window.current.id), "listed under 需关注"
    assert pane.message.text().startswith("部分年度超全年 · 请核实")
    assert window.document_pane.view.selected_span()[1] > window.document_pane.view.selected_span()[0]
    window.show_figure(full_year_figure(window))
    chart = window.chart
    qtbot.waitUntil(lambda: any(flag == "outlier" for _x, _y, flag in chart.flagged_points()), timeout=5_000)
    [(x, y, _flag)] = [p for p in chart.flagged_points() if p[2] == "outlier"]
    assert x == pytest.approx(2023 - 1 / 12) and y == pytest.approx(93.8e12 / chart.factor)
