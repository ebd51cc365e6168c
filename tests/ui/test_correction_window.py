"""Correcting a figure through the window: the editor opened from the document pane (context
menu, F2) or a chart point, driven like a reviewer would; the chart, the marks in the text and
the checks change at once; undo and redo; the correction survives a re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_corpus import ingest_here

from viewer.model import Figure, Source
from viewer.ui import text_formats
from viewer.ui.chart_corrections import point_at
from viewer.ui.correction_dialog import CorrectionDialog
from viewer.ui.document_menu import figure_context_menu
from viewer.ui.main_window import MainWindow

# Invented reports.
REPORT_2023 = ("湘潭市2023年科技工作总结\n\n"
               "2023年，全市研发经费投入达到52亿元，同比增长9.5%。\n\n"
               "全市技术合同成交额31亿元，科技咨询热线96322全天开放。\n\n"
               "高新区二期工程完成投资8亿元，新认定高新技术企业120家。\n")
REPORT_2022 = ("湘潭市2022年科技工作总结\n\n"
               "2022年，全市研发经费投入达到47亿元。\n\n"
               "全市技术合同成交额26亿元，新认定高新技术企业98家。\n")


def wait_import(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> None:
    assert window.start_import(paths, show_summary=False) is not None
    qtbot.waitUntil(lambda: window.importer is None, timeout=30_000)


@pytest.fixture
def reports(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "湘潭2023.txt", tmp_path / "湘潭2022.txt"
    first.write_text(REPORT_2023, encoding="utf-8")
    second.write_text(REPORT_2022, encoding="utf-8")
    return first, second


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, reports: tuple[Path, Path]) -> MainWindow:
    window = MainWindow(tmp_path / "store.sqlite", ingest=ingest_here,
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    wait_import(qtbot, window, list(reports))
    open_report(window, "湘潭市2023年科技工作总结")
    return window


def open_report(window: MainWindow, title: str) -> int:
    doc = next(d for d in window.library.documents() if d.title == title)
    assert doc.id is not None and window.open_document(doc.id)
    return doc.id


def figure(window: MainWindow, text: str) -> Figure:
    return next(f for f in window.document_pane.view.figures if f.text == text)


def chart_data(window: MainWindow) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """What the chart draws, read back from its items: (region, group) -> (year, value) points."""
    found = {}
    for key, item in window.chart.spots.items():
        xs, ys = item.getData()
        found[key] = list(zip(xs.tolist(), ys.tolist(), strict=True))
    return found


def corrected_marks(window: MainWindow) -> list[tuple[float, float]]:
    xs, ys = window.chart.corrected.item.getData()
    return list(zip(xs.tolist(), ys.tolist(), strict=True))


def open_editor(qtbot: QtBot, window: MainWindow, text: str) -> CorrectionDialog:
    """Select the figure in the text and press F2, as a reviewer would."""
    view = window.document_pane.view
    target = figure(window, text)
    view.select_span(target.start, target.end)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    dialog = window.correction_editor.dialog
    assert dialog is not None and dialog.isVisible() and dialog.figure.id == target.id
    return dialog


def test_correcting_the_indicator_moves_the_point_and_undo_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    contracts = figure(window, "31亿元")
    window.show_figure(contracts)
    assert window.chart.series is not None and window.chart.series.indicator == "技术合同成交额"
    assert chart_data(window)[("湘潭市", "actual")] == [(2022.0, 26.0), (2023.0, 31.0)]
    assert corrected_marks(window) == []

    dialog = open_editor(qtbot, window, "31亿元")
    assert dialog.indicator.name() == "技术合同成交额" and dialog.place.label() == "湘潭市"
    dialog.indicator.box.setEditText("技术合同登记额")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.correction_editor.dialog is None

    corrected = window.library.figure(contracts.id or 0)
    assert (corrected.indicator, corrected.source) == ("技术合同登记额", Source.REVIEWER)
    chart = window.chart
    assert chart.series is not None and chart.series.indicator == "技术合同登记额"
    assert chart_data(window) == {("湘潭市", "actual"): [(2023.0, 31.0)]}
    assert corrected_marks(window) == [(2023.0, 31.0)]
    assert [p.figure_id for p in chart.corrected_points()] == [contracts.id]
    assert "审核员更正" in chart.legend.text()
    assert "审核员更正" in chart.point_tooltip(chart.corrected_points()[0])
    view = window.document_pane.view
    assert [f.id for f in view.corrected_figures()] == [contracts.id]
    tip = view.tooltip_at(contracts.start)
    assert "审核员更正" in tip and "技术合同成交额 → <b>技术合同登记额</b>" in tip
    assert "1 个已更正" in window.document_pane.details.text()

    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.isEnabled() and "更正 31亿元" in undo.text()
    undo.trigger()
    restored = window.library.figure(contracts.id or 0)
    assert (restored.indicator, restored.source) == ("技术合同成交额", Source.MACHINE)
    assert chart.series is not None and chart.series.indicator == "技术合同成交额"
    assert chart_data(window)[("湘潭市", "actual")] == [(2022.0, 26.0), (2023.0, 31.0)]
    assert corrected_marks(window) == [] and view.corrected_figures() == []
    assert window.library.corrections.all() == []

    redo.trigger()
    assert window.library.figure(contracts.id or 0).indicator == "技术合同登记额"
    assert chart_data(window) == {("湘潭市", "actual"): [(2023.0, 31.0)]}
    assert corrected_marks(window) == [(2023.0, 31.0)]


def test_the_value_is_typed_as_written_and_a_second_correction_merges(qtbot: QtBot, window: MainWindow) -> None:
    spending = figure(window, "52亿元")
    window.show_figure(spending)
    dialog = open_editor(qtbot, window, "52亿元")
    assert (dialog.value.edit.text(), dialog.value.unit.currentText()) == ("52", "亿元")
    dialog.value.edit.setText("53")
    assert "5,300,000,000 元" in dialog.value.note.text()
    dialog.accept()
    assert window.library.figure(spending.id or 0).value == 5.3e9
    assert chart_data(window)[("湘潭市", "actual")] == [(2022.0, 47.0), (2023.0, 53.0)]

    dialog = open_editor(qtbot, window, "52亿元")
    assert dialog.value.edit.text() == "53"
    assert dialog.corrected_note is not None and "数值" in dialog.corrected_note.text()
    dialog.period.kind.setCurrentIndex(dialog.period.kind.findData("H1"))
    dialog.accept()
    now = window.library.figure(spending.id or 0)
    assert (now.value, now.period, now.year) == (5.3e9, "2023-H1", 2023)
    (correction,) = window.library.corrections.all()
    assert correction.changes == {"value": 5.3e9, "period": "2023-H1"}

    undo = window.actions_by_name["undo"]
    undo.trigger()  # the period: the value stays corrected
    now = window.library.figure(spending.id or 0)
    assert (now.value, now.period, now.source) == (5.3e9, "2023", Source.REVIEWER)
    undo.trigger()  # the value
    now = window.library.figure(spending.id or 0)
    assert (now.value, now.source) == (5.2e9, Source.MACHINE) and not undo.isEnabled()
    assert chart_data(window)[("湘潭市", "actual")] == [(2022.0, 47.0), (2023.0, 52.0)]


def test_an_excluded_figure_leaves_the_chart_and_is_struck_through(qtbot: QtBot, window: MainWindow) -> None:
    phase = figure(window, "二期")
    window.show_figure(phase)
    assert window.chart.series is not None and window.chart.series.indicator == phase.indicator
    assert chart_data(window) == {("湘潭市", "actual"): [(2023.0, 2.0)]}
    dialog = open_editor(qtbot, window, "二期")
    qtbot.keyClick(dialog.excluded, Qt.Key.Key_Space)
    assert dialog.excluded.isChecked() and not dialog.fields.isEnabled()
    qtbot.keyClick(dialog.excluded, Qt.Key.Key_Return)
    assert window.correction_editor.dialog is None
    now = window.library.figure(phase.id or 0)
    assert now.excluded and now.indicator is None and now.region is None and now.source == Source.REVIEWER
    assert chart_data(window) == {}
    view = window.document_pane.view
    spans = [s for s in view.highlight_spans() if (s.start, s.end) == (phase.start, phase.end)]
    assert spans and spans[0].fmt == text_formats.excluded_format() and spans[0].fmt.fontStrikeOut()
    assert "不计入序列" in view.tooltip_at(phase.start)

    dialog = open_editor(qtbot, window, "二期")  # the editor shows what the machine read
    assert dialog.excluded.isChecked() and dialog.indicator.name() == phase.indicator
    dialog.excluded.setChecked(False)
    dialog.accept()  # back to the machine's values: no correction is left
    now = window.library.figure(phase.id or 0)
    assert (now.excluded, now.indicator, now.source) == (False, phase.indicator, Source.MACHINE)
    assert window.library.corrections.all() == []


def test_a_correction_survives_reimporting_the_file(qtbot: QtBot, window: MainWindow,
                                                    reports: tuple[Path, Path]) -> None:
    contracts = figure(window, "31亿元")
    assert window.correction_editor.correct(contracts, {"indicator": "技术合同登记额"})
    reports[0].write_text(REPORT_2023.replace("同比增长9.5%", "同比增长9.6%"), encoding="utf-8")
    wait_import(qtbot, window, [reports[0]])
    again = figure(window, "31亿元")
    assert (again.indicator, again.source) == ("技术合同登记额", Source.REVIEWER)
    assert [f.text for f in window.document_pane.view.corrected_figures()] == ["31亿元"]
    window.show_figure(again)
    assert window.chart.series is not None and window.chart.series.indicator == "技术合同登记额"
    assert corrected_marks(window) == [(2023.0, 31.0)]
    window.actions_by_name["undo"].trigger()  # the command outlives the re-import
    assert figure_in_store(window, "31亿元").indicator == "技术合同成交额"


def figure_in_store(window: MainWindow, text: str) -> Figure:
    assert window.current is not None and window.current.id is not None
    return next(f for f in window.library.figures(window.current.id) if f.text == text)


def test_context_menu_of_a_figure_and_of_a_chart_point_open_the_editor(qtbot: QtBot, window: MainWindow) -> None:
    view = window.document_pane.view
    contracts = figure(window, "31亿元")
    view.select_span(contracts.start, contracts.end)
    rect = view.cursorRect()
    menu = figure_context_menu(view, QPoint(rect.left() - 4, rect.center().y()))
    action = next(a for a in menu.actions() if a.objectName() == "correct_figure")
    assert "31亿元" in action.text()
    action.trigger()
    dialog = window.correction_editor.dialog
    assert dialog is not None and dialog.figure.id == contracts.id
    dialog.reject()

    window.show_figure(contracts)
    chart = window.chart
    assert ("湘潭市", "actual") in chart.spots
    scene = chart.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(2023, 31))
    pos = chart.plot.mapFromScene(scene)
    point = point_at(chart.plot, chart.spots.values(), pos)
    assert point is not None and point.figure_id == contracts.id
    assert point_at(chart.plot, chart.spots.values(), pos + QPoint(60, 60)) is None
    assert chart.point_menu_at(pos + QPoint(60, 60)) is None  # off any point: no menu
    menu = chart.point_menu_at(pos)
    assert menu is not None and [a.text() for a in menu.actions()] == ["更正“31亿元”…"]
    with qtbot.waitSignal(chart.correctionRequested) as asked:
        menu.actions()[0].trigger()
    assert asked.args[0].figure_id == contracts.id
    dialog = window.correction_editor.dialog
    assert dialog is not None and dialog.figure.id == contracts.id
    assert window.document_pane.view.current_figure() == figure(window, "31亿元")
    dialog.reject()
    QApplication.processEvents()
    assert window.correction_editor.dialog is None and window.library.corrections.all() == []


def test_f2_without_a_figure_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    view = window.document_pane.view
    view.select_span(0, 0)
    action = window.actions_by_name["correct_figure"]
    assert action.shortcut().toString() == "F2"
    action.trigger()
    assert window.correction_editor.dialog is None
    assert "选中一个数字" in window.statusBar().currentMessage()
