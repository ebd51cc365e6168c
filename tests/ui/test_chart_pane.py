from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import ui_fakes as fakes
from chart_support import chart_figure, store_of
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen
from pytestqt.qtbot import QtBot

from viewer.model import Figure, Point, Series
from viewer.services.library import Library
from viewer.ui import chart_style
from viewer.ui.chart_pane import ChartPane


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """研发投入 of 甲市 (document 1) and 乙市 (document 2), 高新技术企业数 of 甲市."""
    companies = Series("高新技术企业数", "家", "count", [replace(p, value=p.value / 1e7) for p in fakes.make_series().points
                                                      if p.region == "甲市"])
    library = store_of(tmp_path / "store.db", fakes.make_series(), companies)
    yield library
    library.close()


@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> ChartPane:
    pane = ChartPane(library)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    return pane


def money(library: Library, year: int = 2022) -> Figure:
    return chart_figure(library, "研发投入", "甲市", year)


def symbols_by_year(pane: ChartPane, key: tuple[str, str]) -> dict[int, str]:
    return {spot.data().year: spot.symbol() for spot in pane.spots[key].points()}


def test_figure_click_draws_its_series_in_yi_yuan(pane: ChartPane, library: Library) -> None:
    assert pane.show_figure(money(library))
    xs, ys = pane.curves[("甲市", "actual")].getData()
    assert xs.tolist() == [2020, 2021, 2022]
    assert ys.tolist() == pytest.approx([25, 30, 34.94])
    assert pane.unit_label == "亿元"
    assert "亿元" in pane.plot.getAxis("left").labelText
    assert pane.emphasised_points() == [(2022.0, pytest.approx(34.94))]


def test_targets_estimates_and_qualified_values_are_distinct(pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    target_pen: QPen = pane.curves[("甲市", "target")].opts["pen"]
    actual_pen: QPen = pane.curves[("甲市", "actual")].opts["pen"]
    assert target_pen.style() == Qt.PenStyle.DashLine and actual_pen.style() == Qt.PenStyle.SolidLine
    assert pane.curves[("乙市", "estimate")].opts["pen"].style() == Qt.PenStyle.DotLine
    symbols = symbols_by_year(pane, ("乙市", "actual"))
    assert symbols[2023] == "t1" and symbols[2021] == "o"
    target_brush = pane.spots[("甲市", "target")].points()[0].brush().color()
    actual_brush = pane.spots[("甲市", "actual")].points()[0].brush().color()
    assert target_brush.lightness() > actual_brush.lightness() and target_brush.name() != chart_style.HOLLOW, \
        "targets are pale; hollow is for the points to check"


def test_unlinked_figure_draws_nothing(pane: ChartPane) -> None:
    assert not pane.show_figure(fakes.make_figures()[1])
    assert pane.curves == {}


def test_region_can_be_hidden_from_the_pane(pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    assert ("乙市", "actual") in pane.curves
    pane.region_menu.aboutToShow.emit()  # the menu is built when opened
    actions = {a.text(): a for a in pane.region_menu.actions()}
    actions["乙市"].setChecked(False)
    assert all(region == "甲市" for region, _ in pane.curves)


def test_clicking_a_point_emits_it(qtbot: QtBot, pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    qtbot.wait(50)
    view_box = pane.plot.getPlotItem().getViewBox()
    scene_pos = view_box.mapViewToScene(QPointF(2021, 30))
    widget_pos = pane.plot.mapFromScene(scene_pos)
    with qtbot.waitSignal(pane.pointClicked, timeout=2000) as blocker:
        qtbot.mouseClick(pane.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    assert blocker.args[0].figure_id == money(library, 2021).id
    assert pane.emphasised_points() == [(2021.0, pytest.approx(30))]


def test_hover_text_cites_the_source(pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    point = next(p for p in pane.visible_points() if (p.region, p.year) == ("甲市", 2022))
    tip = pane.point_tooltip(point)
    assert "34.94 亿元" in tip and "甲市科技工作回顾" in tip and "全年研发投入达到" in tip


def test_sentences_are_read_on_hover_and_export_only(pane: ChartPane, library: Library, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[int]] = []
    read = Library.with_sentences

    def with_sentences(self: Library, points: list[Point]) -> list[Point]:
        asked.append([p.figure_id for p in points])
        return read(self, points)

    monkeypatch.setattr(Library, "with_sentences", with_sentences)
    pane.show_figure(money(library))
    assert asked == [], "drawing a series must not read sentences"
    point = next(p for p in pane.visible_points() if (p.region, p.year) == ("甲市", 2022))
    assert point.sentence == ""
    assert "全年研发投入达到" in pane.point_tooltip(point)
    assert asked == [[point.figure_id]]
    pane.export_data(tmp_path / "s.csv")
    with (tmp_path / "s.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["sentence"] for row in rows)


def test_hover_says_how_many_reports_a_marker_stands_for(pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    point = pane.visible_points()[0]
    assert "另有" not in pane.point_tooltip(point)
    point.reports = 3
    assert "另有 2 份报告给出同一数值" in pane.point_tooltip(point)


def test_choose_indicator_from_pane(pane: ChartPane) -> None:
    pane.indicator_box.setCurrentText("高新技术企业数")
    pane.show_indicator(pane.indicator_box.currentText())
    assert pane.series is not None and pane.series.indicator == "高新技术企业数"


def test_exports(pane: ChartPane, library: Library, tmp_path: Path) -> None:
    pane.show_figure(money(library))
    for name in ("c.png", "c.svg", "s.csv", "s.xlsx"):
        target = tmp_path / name
        (pane.export_image if name.startswith("c") else pane.export_data)(target)
        assert target.stat().st_size > 100, name
    with (tmp_path / "s.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 7 and {r["region"] for r in rows} == {"甲市", "乙市"}


def test_same_series_only_moves_the_mark(pane: ChartPane, library: Library) -> None:
    pane.show_figure(money(library))
    curve = pane.curves[("甲市", "actual")]
    pane.show_figure(money(library, 2020))
    assert pane.curves[("甲市", "actual")] is curve  # not redrawn
    assert pane.emphasised_points() == [(2020.0, pytest.approx(25))]


def test_a_series_of_increases_says_so_in_its_title() -> None:
    from viewer.ui.chart_text import series_title

    def point(role: str) -> Point:
        return Point(year=2022, value=166.0, region="荆州市", role=role, qualifier="", figure_id=1, doc_id=1,
                     doc_title="t", start=0, end=4, sentence="s", text="166家")

    assert series_title(Series("高新技术企业数", "家", "count", [point("change")])) == "高新技术企业数 · 增减量"
    assert series_title(Series("高新技术企业数", "家", "count", [point("actual"), point("target")])) == "高新技术企业数"
