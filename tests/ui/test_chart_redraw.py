"""Redrawing the chart reuses its pyqtgraph items: a new series fills the items there are,
hides the ones it does not need, and the view fits the points drawn, not the leftovers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import ui_fakes as fakes
from chart_support import store_of
from pytestqt.qtbot import QtBot

from viewer.model import Series
from viewer.ui.chart_pane import ChartPane

BOTH, SMALL, LARGE = "研发投入", "研发投入·乙市", "研发投入·乙市×10"


def one_region(series: Series, region: str, name: str, scale: float = 1.0) -> Series:
    points = [replace(p, value=p.value * scale) for p in series.points if p.region == region]
    return Series(name, series.unit, series.kind, points)


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> Iterator[ChartPane]:
    """Three indicators of invented reports: 研发投入 of 甲市 and 乙市, and 乙市's alone (as it is
    and ten times larger)."""
    both = fakes.make_series()
    library = store_of(tmp_path / "store.db", both, one_region(both, "乙市", SMALL),
                       one_region(both, "乙市", LARGE, scale=10.0))
    pane = ChartPane(library)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    yield pane
    library.close()


def plot_items(pane: ChartPane) -> list[Any]:
    return list(pane.plot.getPlotItem().getViewBox().addedItems)


def data_count(item: Any) -> int:
    if not hasattr(item, "getData"):  # the grid
        return 1
    xs = item.getData()[0]
    return 0 if xs is None else len(xs)


def test_redrawing_adds_no_items_and_hides_the_unused(pane: ChartPane) -> None:
    pane.show_indicator(BOTH)
    drawn = plot_items(pane)
    assert len(pane.spots) == 4  # 甲市 actual and target, 乙市 actual and estimate
    for _ in range(3):
        pane.show_indicator(LARGE)
        pane.show_indicator(BOTH)
    pane.show_indicator(LARGE)
    assert plot_items(pane) == drawn, "a redraw must reuse the items, not add new ones"
    shown = [item for item in plot_items(pane) if item.isVisible() and data_count(item)]
    assert {spots.scatter for spots in pane.spots.values()} | {line.item for line in pane.curves.values()} <= set(shown)
    assert sum(len(spots.getData()[0]) for spots in pane.spots.values()) == len(pane.visible_points()), \
        "the one scatter item holds the markers drawn, no leftovers"
    hidden = [item for item in plot_items(pane) if not item.isVisible()]
    assert all(data_count(item) == 0 for item in hidden)
    assert pane.painter.lines.lines() == list(pane.curves.values()), "the one line item draws this drawing's lines"
    assert sorted(p.year for p in pane.visible_points()) == [2021, 2022, 2023]


def test_the_view_fits_the_points_drawn_only(pane: ChartPane) -> None:
    pane.show_indicator(BOTH)
    pane.show_indicator(SMALL)
    (x_low, x_high), (y_low, y_high) = pane.plot.getPlotItem().getViewBox().viewRange()
    assert 2020 < x_low < 2021 and 2023 < x_high < 2024, "hidden 甲市 items (2020, 2025) must not widen it"
    values = [p.value / pane.factor for p in pane.visible_points()]
    assert sorted(p.year for p in pane.visible_points()) == [2021, 2022, 2023]
    assert y_low < min(values) and max(values) < y_high < 2 * max(values)


def test_styles_survive_reuse(pane: ChartPane) -> None:
    pane.show_indicator(BOTH)
    target_brush = pane.spots[("甲市", "target")].points()[0].brush().color().name()
    pane.show_indicator(SMALL)
    pane.show_indicator(BOTH)
    assert pane.spots[("甲市", "target")].points()[0].brush().color().name() == target_brush != "#ffffff"
    symbols = {spot.data().year: spot.symbol() for spot in pane.spots[("乙市", "actual")].points()}
    assert symbols == {2021: "o", 2023: "t1"}
    assert pane.spots[("乙市", "estimate")].points()[0].symbol() == "d"
