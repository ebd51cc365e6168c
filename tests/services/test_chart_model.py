"""The chart model without Qt, on fresh stores of invented reports: which value stands for a
marker and for the line, which regions are read and drawn, the drawing as plain curves and
spots, the emphasis, the checks' flags (of the markers and of the reports behind them), and
what 导出数据 writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chart_support import chart_figure, store_of

from viewer.model import Point, Role, Series
from viewer.services.chart import MAX_OTHER_REGIONS, PART, TARGET, drawn_regions, line_points
from viewer.services.chart_model import ChartModel, Drawing
from viewer.services.library import Library

INDICATOR = "研发投入"


def point(year: int, value: float, region: str = "甲市", role: str = Role.ACTUAL, qualifier: str = "",
          doc_id: int = 1, period: str = "", figure_id: int = 0) -> Point:
    return Point(year, value, region, role, qualifier, figure_id, doc_id, f"甲乙两市报告{doc_id}", 0, 1, "", "",
                 period or str(year))


def series(*points: Point) -> Series:
    return Series(INDICATOR, "元", "money", list(points))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """甲市: 2020 stated by two reports alike, 2021 stated differently by two reports, a part of
    2022, 2022, a target for 2025; 乙市: 2021 at least 15 and 2022 as a range."""
    library = store_of(tmp_path / "s.db", series(
        point(2020, 10e8), point(2020, 10e8, doc_id=2),
        point(2021, 14e8), point(2021, 15e8, doc_id=2),
        point(2022, 9e8, period="2022-Q1-Q3", doc_id=2), point(2022, 16e8, doc_id=2),
        point(2025, 30e8, role=Role.TARGET),
        point(2021, 15e8, "乙市", qualifier="at_least", doc_id=2),
    ), years={1: 2021, 2: 2022})
    library.db.conn.execute("UPDATE figures SET value_high = 7e8, value = 5e8 WHERE region = '乙市'")
    library.db.conn.commit()
    yield library
    library.close()


def drawn(library: Library, year: int = 2022) -> tuple[ChartModel, Drawing]:
    model = ChartModel(library)
    series = model.figure_series(chart_figure(library, INDICATOR, "甲市", year))
    assert series is not None and model.show(series, chart_figure(library, INDICATOR, "甲市", year).id)
    drawing = model.drawing()
    assert drawing is not None
    return model, drawing


def by_key(drawing: Drawing) -> tuple[dict[tuple[str, str], list[tuple[float, float]]], dict[tuple[str, str], list[Point]]]:
    curves = {(c.region, c.group): list(zip(c.xs, c.ys, strict=True)) for c in drawing.curves}
    return curves, {(s.region, s.group): s.points for s in drawing.spots}


def test_a_marker_stands_for_its_reports_and_the_line_takes_the_latest(library: Library) -> None:
    _model, drawing = drawn(library)
    curves, spots = by_key(drawing)
    assert curves[("甲市", "actual")] == [(2020.0, 10e8), (2021.0, 15e8), (2022.0, 16e8)]
    jia = spots[("甲市", "actual")]
    assert [(p.year, p.value, p.reports) for p in jia] == [(2020, 10e8, 2), (2021, 14e8, 1), (2021, 15e8, 1),
                                                          (2022, 16e8, 1)], "one marker per place"
    assert curves[("甲市", TARGET)] == [(2022.0, 16e8), (2025.0, 30e8)], "a target joined to the last actual"
    assert ("甲市", PART) not in curves and [p.period for p in spots[("甲市", PART)]] == ["2022-Q1-Q3"]
    assert [s.xs for s in drawing.spots if s.group == PART] == [[2021.75]]
    assert drawing.ranges == {"乙市": ([2021.0, 2021.0], [5e8, 7e8])}
    assert drawing.emphasis == [(2022.0, 16e8)]
    assert drawing.regions == ["乙市", "甲市"] and drawing.hidden_regions == 0


def test_the_line_rule_exact_first_then_latest() -> None:
    points = [point(2020, 10, figure_id=1), point(2020, 12, doc_id=2, figure_id=2),
              point(2021, 15, figure_id=3), point(2021, 14, qualifier="more_than", doc_id=2, figure_id=4),
              point(2022, 18, qualifier="about", figure_id=5), point(2022, 19, qualifier="more_than", figure_id=6)]
    assert [p.figure_id for p in line_points(points)] == [2, 3, 6]


def test_drawn_regions_rule() -> None:
    few = [point(2000 + y, 1, r, figure_id=n * 10 + y) for n, (r, k) in enumerate([("甲", 3), ("乙", 5), ("丙", 1)])
           for y in range(k)]
    assert drawn_regions(few, None) == {"甲", "乙", "丙"}
    many = [point(2000, 1, f"r{i:02d}", figure_id=i) for i in range(20)] + [point(2001, 1, "r19", figure_id=99)]
    chosen = drawn_regions(many, 5)
    assert "r05" in chosen and "r19" in chosen and len(chosen) == 1 + MAX_OTHER_REGIONS


def test_of_many_regions_only_the_drawn_are_read_and_more_on_request(tmp_path: Path) -> None:
    regions = [f"地区{i:02d}" for i in range(12)]
    library = store_of(tmp_path / "s.db", series(*(point(2000 + y, 1e8 + y, r) for i, r in enumerate(regions)
                                                   for y in range(12 - i))))
    model = ChartModel(library)
    clicked = chart_figure(library, INDICATOR, "地区10", 2001)
    shown = model.figure_series(clicked)
    assert shown is not None and model.show(shown, clicked.id)
    assert {p.region for p in shown.points} == {"地区10", *regions[:MAX_OTHER_REGIONS]}
    choices = model.region_choices()
    assert len(choices) == 12 and dict(choices)["地区11"] is False and dict(choices)["地区10"] is True
    model.set_region_visible("地区11", True)
    assert "地区11" in {p.region for p in model.visible_points()}
    model.set_region_visible("地区00", False)
    drawing = model.drawing()
    assert drawing is not None and "地区00" not in drawing.regions and drawing.hidden_regions == 1
    library.close()


def test_the_same_series_moves_only_the_emphasis(library: Library) -> None:
    model, _drawing = drawn(library)
    clicked = chart_figure(library, INDICATOR, "甲市", 2021)  # the only report of its place
    again = model.figure_series(clicked)
    assert again is not None and not model.show(again, clicked.id)
    assert model.emphasis() == [(2021.0, 14e8)]


def test_flags_are_read_once_shown_and_only_of_the_figures_the_checks_cite(tmp_path: Path) -> None:
    """2021 of 甲市 is stated as 14 by reports 1 and 3 (one marker: report 3's) and as 15 by
    report 2: the checks find a conflict. Report 1's 14 is behind report 3's marker."""
    library = store_of(tmp_path / "s.db", series(point(2020, 10e8), point(2021, 14e8), point(2021, 15e8, doc_id=2),
                                                 point(2021, 14e8, doc_id=3), point(2025, 30e8, role=Role.TARGET)),
                       years={1: 2021, 2: 2022, 3: 2023})
    library.run_checks()
    every = [f.id or 0 for d in (1, 2, 3) for f in library.figures(d)]
    cited = sorted({row[0] for row in library.figure_flag_rows(every)})
    conflicts = {row[0] for row in library.figure_flag_rows(every) if row[1] == "conflict"}
    assert conflicts and len(cited) < len(every)
    marker = {f.id for f in library.figures(3)}  # flagged here only through report 1's figure behind it
    asked: list[list[int]] = []

    def flags(ids: list[int]) -> dict[int, str]:
        asked.append(ids)
        return {i: "conflict" for i in ids if i in conflicts - marker}

    model = ChartModel(library)
    model.flag_source = flags
    shown = model.indicator_series(INDICATOR)
    assert shown is not None and model.show(shown, None)
    drawing = model.drawing()
    assert drawing is not None and drawing.flags == [] and model.flags_pending and asked == [], \
        "drawing asks nothing: the flags are read once the chart is shown"
    assert model.read_flags() and not model.flags_pending
    assert asked == [cited], "one question, about the cited figures only"
    marked = {(x, y) for x, y, flag in model.flag_marks(model.visible_points()) if flag == "conflict"}
    assert marked == {(2021.0, 14e8), (2021.0, 15e8)}, "report 3's marker takes report 1's flag"
    assert not model.read_flags() and len(asked) == 1, "asked once"
    again = model.drawing()
    assert again is not None and {(x, y) for x, y, _f in again.flags} == marked and not model.flags_pending
    assert model.forget_flags() and model.flags == {}
    library.close()


def test_export_lists_every_report_behind_the_markers_with_sentences(library: Library) -> None:
    model, drawing = drawn(library)
    exported = model.export_series()
    assert exported is not None and len(exported.points) == len(drawing.points) + 1  # 2020 twice
    assert all(p.sentence for p in exported.points)
    first = drawing.points[0]
    assert first.sentence == "", "a drawing reads no sentences"
    assert model.sentence_of(first) == next(p.sentence for p in exported.points if p.figure_id == first.figure_id)


def test_a_figure_without_indicator_has_no_series(library: Library) -> None:
    figure = chart_figure(library, INDICATOR, "甲市", 2022)
    figure.indicator = None
    assert ChartModel(library).figure_series(figure) is None
