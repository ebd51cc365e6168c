"""The chart pane's ranges of a place of many values, through the pane and getData(): the bar's
year, lowest and highest value (in the axis' unit) and count, the line and the clicked figure's
emphasis as before, a click on the bar landing on the latest report's figure with its details,
and what pointing at the bar says (in Chinese and in English)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chart_support import store_of
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from viewer.model import Point, Role, Series
from viewer.services.library import Library
from viewer.services.series import DENSE_ABOVE
from viewer.ui import chart_text, i18n
from viewer.ui.chart_pane import ChartPane

INDICATOR = "研发投入"
MANY = DENSE_ABOVE + 3


def point(year: int, value: float, doc_id: int, qualifier: str = "") -> Point:
    return Point(year, value, "甲市", Role.ACTUAL, qualifier, 0, doc_id, f"甲市科技报告{doc_id}", 0, 1, "", "",
                 str(year))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """甲市 2021 stated as 10, 11, … 亿元 by `MANY` reports, then "more than 40亿元" by a later one."""
    points = [point(2021, (10 + i) * 1e8, 1 + i) for i in range(MANY)]
    points += [point(2021, 40e8, MANY + 1, "more_than"), point(2020, 9e8, 1), point(2022, 30e8, 2)]
    library = store_of(tmp_path / "s.db", Series(INDICATOR, "元", "money", points),
                       years={d: 2022 for d in range(1, MANY + 2)})
    yield library
    library.close()


@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> ChartPane:
    pane = ChartPane(library)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    return pane


def widget_pos(pane: ChartPane, x: float, y: float) -> object:
    view_box = pane.plot.getPlotItem().getViewBox()
    return pane.plot.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))


def test_a_place_of_many_values_is_one_bar(pane: ChartPane, library: Library) -> None:
    clicked = next(f for f in library.figures(4) if f.year == 2021)  # 13亿元, inside the bar
    assert pane.show_figure(clicked)
    xs, lows, highs = pane.painter.value_ranges.getData()
    assert (xs.tolist(), lows.tolist(), highs.tolist()) == ([2021.0], [10.0], [40.0]) and pane.unit_label == "亿元"
    assert [r.values for r in pane.value_ranges()] == [MANY + 1]
    xs, ys = pane.curves[("甲市", "actual")].getData()
    assert dict(zip(xs.tolist(), ys.tolist(), strict=True))[2021.0] == pytest.approx(9 + MANY), \
        "the line passes where it did: the latest exact value"
    assert pane.emphasised_points() == [(2021.0, pytest.approx(13.0))]
    assert pane.painter.value_ranges.zValue() < pane.emphasis.zValue(), "the emphasis ring shows over the bar"
    assert "1 处数值众多，画作区间" in pane.info.text()


def test_a_click_on_the_bar_lands_on_the_latest_report(qtbot: QtBot, pane: ChartPane, library: Library) -> None:
    pane.show_figure(next(f for f in library.figures(1) if f.year == 2020))
    qtbot.wait(50)
    with qtbot.waitSignal(pane.pointClicked, timeout=2000) as blocker:
        qtbot.mouseClick(pane.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos(pane, 2021, 15))
    clicked = blocker.args[0]
    assert (clicked.value, clicked.doc_title) == (40e8, f"甲市科技报告{MANY + 1}"), "with its details, read by id"
    assert clicked.text and clicked.end > clicked.start
    assert pane.emphasised_points() == [(2021.0, pytest.approx(40.0))]


def test_pointing_at_the_bar_says_what_it_stands_for(qtbot: QtBot, pane: ChartPane, library: Library) -> None:
    pane.show_figure(next(f for f in library.figures(1) if f.year == 2020))
    qtbot.wait(50)
    qtbot.mouseMove(pane.plot.viewport(), widget_pos(pane, 2021, 15))
    qtbot.waitUntil(lambda: "份报告" in pane.info.text(), timeout=2000)
    said = pane.info.text()
    assert "甲市 2021年" in said and "10–40 亿元" in said and f"{MANY + 1} 份报告给出 {MANY + 1} 个不同数值" in said
    assert said in pane.plot.getPlotItem().getViewBox().toolTip()


def test_the_bar_speaks_english_on_request(pane: ChartPane, library: Library) -> None:
    assert i18n.install_language("en")
    try:
        pane.show_figure(next(f for f in library.figures(1) if f.year == 2020))
        [value_range] = pane.value_ranges()
        pane._range_hovered(value_range)
        said = pane.info.text()
        assert f"{MANY + 1} reports give {MANY + 1} different values" in said and "份" not in said
        assert "drawn as ranges" in pane.legend.text() or "many values" in pane.legend.text()
    finally:
        i18n.install_language("zh")


def test_one_report_of_many_values_is_said_in_the_singular(pane: ChartPane, library: Library) -> None:
    assert i18n.install_language("en")
    try:
        pane.show_figure(next(f for f in library.figures(1) if f.year == 2020))
        [value_range] = pane.value_ranges()
        said = chart_text.range_text(value_range, 1, 1e8, "100 million yuan")
        assert f"1 report gives {MANY + 1} different values" in said
        assert f"2 reports give {MANY + 1}" in chart_text.range_text(value_range, 2, 1e8, "100 million yuan")
    finally:
        i18n.install_language("zh")
