from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from pytestqt.qtbot import QtBot

from viewer.model import Figure
from viewer.ui.main_window import MainWindow
from viewer.ui.self_test import run_self_test


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def store(corpus_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.sqlite"
    shutil.copy(corpus_store, copy)
    return copy


@pytest.fixture
def window(qtbot: QtBot, store: Path, settings: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    yield window


def charted_figure(window: MainWindow) -> Figure:
    for document in window.library.documents():
        assert document.id is not None
        for figure in window.library.figures(document.id):
            if figure.indicator and figure.id is not None:
                points = window.library.series_for_figure(figure.id).points
                if len({(p.year, p.value) for p in points}) >= 3:
                    return figure
    raise AssertionError("no figure with a series of three points in the corpus store")


def click_figure(qtbot: QtBot, window: MainWindow, figure: Figure) -> None:
    view = window.document_pane.view
    view.select_span(figure.start, figure.start)
    qtbot.wait(10)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect().center() + QPoint(3, 0))


def test_library_lists_the_corpus(window: MainWindow) -> None:
    assert len(window.library_pane.visible_ids()) == 5
    assert window.library_pane.region_box.count() >= 3


def test_figure_click_charts_its_series(qtbot: QtBot, window: MainWindow) -> None:
    figure = charted_figure(window)
    assert figure.doc_id is not None and window.open_document(figure.doc_id)
    click_figure(qtbot, window, figure)
    series = window.library.series_for_figure(figure.id or 0)
    assert window.chart.series is not None and window.chart.series.indicator == figure.indicator
    drawn = sorted((x, round(y, 6)) for spots in window.chart.spots.values()
                   for x, y in zip(*(a.tolist() for a in spots.getData()), strict=True))
    expected = sorted((float(p.year), round(p.value / window.chart.factor, 6)) for p in series.points)
    assert drawn == expected
    for curve in window.chart.curves.values():  # lines: one value per year
        years = curve.getData()[0].tolist()
        assert years == sorted(set(years))
    marked = window.chart.emphasised_points()
    assert figure.value is not None and len(marked) == 1
    assert marked[0] == (float(figure.year or 0), pytest.approx(figure.value / window.chart.factor))
    assert window.document_pane.view.selected_span() == (figure.start, figure.end)


def test_point_click_opens_and_selects_its_figure(qtbot: QtBot, window: MainWindow) -> None:
    figure = charted_figure(window)
    assert figure.doc_id is not None
    window.open_document(figure.doc_id)
    click_figure(qtbot, window, figure)
    qtbot.wait(20)
    chart = window.chart
    positions: dict[tuple[int, float], int] = {}
    for point in chart.visible_points():
        key = (point.year, round(point.value, 3))
        positions[key] = positions.get(key, 0) + 1
    target = next(p for p in chart.visible_points()
                  if p.figure_id != figure.id and positions[(p.year, round(p.value, 3))] == 1)
    box = chart.plot.getPlotItem().getViewBox()
    pos = chart.plot.mapFromScene(box.mapViewToScene(QPointF(target.year, target.value / chart.factor)))
    with qtbot.waitSignal(chart.pointClicked) as blocker:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    clicked = blocker.args[0]  # with its details, read by id (the chart's markers have none)
    assert clicked.figure_id == target.figure_id and clicked.text and clicked.end > clicked.start
    assert window.current is not None and window.current.id == target.doc_id
    assert window.document_pane.view.selected_span() == (clicked.start, clicked.end)
    assert window.document_pane.view.textCursor().selectedText() == clicked.text


def test_entity_click_marks_mentions_and_lists_documents(qtbot: QtBot, window: MainWindow) -> None:
    window.open_first_document()
    qtbot.waitUntil(lambda: window.entity_pane.model.rowCount() > 0)  # the sidebar follows the text
    current = window.current
    assert current is not None and current.id is not None
    entity = max(window.library.entities(current.id), key=lambda e: e.mentions)
    window.entity_pane.select_entity(entity.id or 0)
    mentions = window.library.entity_mentions(entity.id or 0, current.id)
    assert window.document_pane.view._selected_spans == [(m.start, m.end) for m in mentions]
    assert window.entity_pane.documents.count() == len(window.library.entity_documents(entity.id or 0))
    item = window.entity_pane.documents.item(window.entity_pane.documents.count() - 1)
    window.entity_pane.documents.itemClicked.emit(item)
    assert window.current is not None
    first = window.library.entity_mentions(entity.id or 0, window.current.id or 0)[0]
    assert window.document_pane.view.selected_span() == (first.start, first.end)


def test_search_opens_document_at_hit(window: MainWindow) -> None:
    window.search_pane.query.setText("研发")
    window.search_pane.query.returnPressed.emit()
    hits = window.search_pane.model.hits
    assert hits, "searching 研发 in the corpus found nothing"
    hit = hits[-1]
    window.search_pane.activate_row(len(hits) - 1)  # on the last row, the list loads the next page
    assert window.current is not None and window.current.id == hit.doc_id
    start, end = window.document_pane.view.selected_span()
    assert (start, end) == hit.spans[0]
    assert window.document_pane.view.text()[start:end] == "研发"


def test_session_is_restored(qtbot: QtBot, store: Path, settings: QSettings) -> None:
    first = MainWindow(store, settings=settings)
    qtbot.addWidget(first)
    first.show()
    documents = first.library.documents()
    chosen = documents[-1].id
    assert chosen is not None
    first.open_document(chosen)
    first.document_pane.view.zoom(3)
    first.docks["chart"].hide()
    first.document_pane.legend.type_boxes["org"].setChecked(False)
    first.close()
    second = MainWindow(store, settings=settings)
    qtbot.addWidget(second)
    second.restore_session()
    second.show()
    assert second.current is not None and second.current.id == chosen
    assert second.document_pane.view.point_size() == first.document_pane.view.point_size()
    assert second.docks["chart"].isHidden()
    assert "org" not in second.document_pane.legend.entity_types()
    second.close()


def test_self_test_passes_on_the_corpus(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_self_test(store) == 0
    out = capsys.readouterr().out
    assert '"ok": true' in out and "figure_click_to_chart_s" in out


def test_next_figure_shortcut_follows_into_the_chart(window: MainWindow) -> None:
    window.open_first_document()
    view = window.document_pane.view
    view.select_span(0, 0)
    window.actions_by_name["next_figure"].trigger()
    first = view.figures[0]
    assert view.selected_span() == (first.start, first.end)
    linked = next(f for f in view.figures if f.indicator)
    while view.selected_span() != (linked.start, linked.end):
        window.actions_by_name["next_figure"].trigger()
    assert window.chart.series is not None and window.chart.series.indicator == linked.indicator
    assert window.actions_by_name["next_figure"].shortcut().toString() == "F3"
    assert window.actions_by_name["search"].shortcut().toString() == "Ctrl+K"


def _tab_bars(window: MainWindow) -> list[tuple[bool, list[str]]]:
    from PySide6.QtWidgets import QTabBar

    return [(bar.isVisible(), [bar.tabText(i) for i in range(bar.count())])
            for bar in window.findChildren(QTabBar) if bar.parent() is window]


def test_only_the_tab_bars_of_the_dock_groups_show(qtbot: QtBot, store: Path, settings: QSettings) -> None:
    """No stray tab bar over the chart: at first start and with the layout of a saved session."""
    for _ in range(2):
        window = MainWindow(store, settings=settings)
        qtbot.addWidget(window)
        window.restore_session()
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda w=window: len(w.tabifiedDockWidgets(w.docks["search"])) == 3)
        qtbot.wait(50)
        shown = sorted(tabs for visible, tabs in _tab_bars(window) if visible)
        assert shown == [["全文搜索", "更正记录", "目标", "批注"], ["实体", "临时指标", "核查"]], _tab_bars(window)
        window.close()
