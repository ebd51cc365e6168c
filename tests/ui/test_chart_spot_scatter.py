"""The markers' scatter item filled by `SpotScatter.set_spots` holds what pyqtgraph's own
`setData` would: positions, data, each point's symbol, size, pen and brush, and where its look
is in the item's atlas (what the paint draws from)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from viewer.ui import chart_items
from viewer.ui.chart_items import SpotScatter

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c"]


def spots(count: int) -> dict[str, list[Any]]:
    symbols = [("o", "t1", "d", "s")[i % 4] for i in range(count)]
    return {"xs": [2015.0 + i % 7 for i in range(count)], "ys": [float(i * i % 13) for i in range(count)],
            "data": [("point", i) for i in range(count)], "symbols": symbols,
            "sizes": [9.0 if s == "o" else 11.0 for s in symbols],
            "pens": [chart_items.pen(COLOURS[i % 3], 2) for i in range(count)],
            "brushes": [chart_items.brush(COLOURS[i % 2] if i % 5 else "#ffffff") for i in range(count)]}


def atlas_rects(item: pg.ScatterPlotItem, given: dict[str, list[Any]]) -> list[tuple[int, ...]]:
    looks = list(zip(given["symbols"], given["sizes"], given["pens"], given["brushes"], strict=True))
    return [tuple(item.fragmentAtlas[[look]][0]) for look in looks]


@pytest.mark.parametrize("count", [0, 1, 40])
def test_set_spots_holds_what_set_data_would(qtbot: QtBot, count: int) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    ours, theirs = SpotScatter(hoverable=True, tip=None), pg.ScatterPlotItem(hoverable=True, tip=None)
    plot.addItem(ours)
    plot.addItem(theirs)
    for given in (spots(60), spots(count)):  # what the items held before is gone
        ours.set_spots(**given)
        theirs.setData(x=given["xs"], y=given["ys"], data=given["data"], symbol=given["symbols"],
                       size=given["sizes"], pen=given["pens"], brush=given["brushes"])
    assert [list(a) for a in ours.getData()] == [list(a) for a in theirs.getData()]
    for field in ("size", "symbol", "visible", "data", "hovered", "item"):
        assert ours.data[field].tolist() == theirs.data[field].tolist(), field
    for field in ("pen", "brush"):  # the very objects: the atlas knows a look by them
        assert all(a is b for a, b in zip(ours.data[field], theirs.data[field], strict=True)), field
    assert [tuple(r) for r in ours.data["sourceRect"]] == atlas_rects(ours, given)
    assert [tuple(r) for r in theirs.data["sourceRect"]] == atlas_rects(theirs, given)
    assert ours.pixelPadding() == theirs.pixelPadding()
    assert ours.dataBounds(0) == theirs.dataBounds(0) and ours.dataBounds(1) == theirs.dataBounds(1)
    spot = [(s.pos().x(), s.pos().y(), s.data(), s.symbol(), s.size()) for s in ours.points()]
    assert spot == [(s.pos().x(), s.pos().y(), s.data(), s.symbol(), s.size()) for s in theirs.points()]
