"""A place of many values (one region, role and year stated differently by many reports) is drawn as
one range, on a fresh store of invented reports: its lowest and highest value and how many values,
the line through the same value as every marker would give it, the clicked figure's own marker,
a click on the range landing on the latest report's figure, the details of a marker read by id
when pointed at, the export of every report behind it and the checks' flags inside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chart_support import store_of

from viewer.model import Point, Role, Series
from viewer.services import series as series_service
from viewer.services.chart import full_year_points, is_part_year, line_points
from viewer.services.chart_model import ChartModel, Drawing
from viewer.services.library import Library
from viewer.services.series import DENSE_ABOVE
from viewer.store import chart_marks as store_marks
from viewer.store import figures as store_figures

INDICATOR, UNIT = "研发投入", "元"
MANY = DENSE_ABOVE + 4  # reports stating 2021 of 甲市 differently, exactly


def point(year: int, value: float, doc_id: int, qualifier: str = "", period: str = "",
          region: str = "甲市") -> Point:
    return Point(year, value, region, Role.ACTUAL, qualifier, 0, doc_id, f"甲市科技报告{doc_id}", 0, 1, "", "",
                 period or str(year))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """甲市 2021: `MANY` reports each an exact value (10, 11, … 亿元), then a later one "more than
    40亿元", a part of 2021 and a second report of the 12亿元; 2020 and 2022 once; 乙市 a few."""
    points = [point(2021, (10 + i) * 1e8, doc_id=1 + i) for i in range(MANY)]
    latest = MANY + 1
    points += [point(2021, 40e8, latest, qualifier="more_than"), point(2021, 5e8, 3, period="2021-H1"),
               point(2021, 12e8, latest + 1), point(2020, 9e8, 1), point(2022, 30e8, 2),
               point(2021, 7e8, 4, region="乙市"), point(2022, 8e8, 5, region="乙市")]
    library = store_of(tmp_path / "s.db", Series(INDICATOR, UNIT, "money", points),
                       years={d: 2022 for d in range(1, latest + 2)} | {latest + 1: 2020})
    yield library
    library.close()


def every_spot(library: Library) -> list[Point]:
    """Each spot's latest report's point, as the chart drew every one of them before."""
    spots = store_figures.series_spots(library.conn, INDICATOR, UNIT, series_service.VALUE_ROLES)
    found = store_figures.points_by_id(library.conn, [int(s[7]) for s in spots])
    return [found[int(s[7])] for s in spots]


def shown(library: Library, figure_id: int | None = None) -> tuple[ChartModel, Drawing]:
    model = ChartModel(library)
    if figure_id is None:
        series = model.indicator_series(INDICATOR)
    else:
        series = model.figure_series(library.figure(figure_id))
    assert series is not None and model.show(series, figure_id)
    drawing = model.drawing()
    assert drawing is not None
    return model, drawing


def line_at(drawing: Drawing, region: str, year: int) -> float:
    curve = next(c for c in drawing.curves if (c.region, c.group) == (region, "actual"))
    return dict(zip(curve.xs, curve.ys, strict=True))[float(year)]


def test_a_place_of_many_values_is_one_range_and_the_line_keeps_its_value(library: Library) -> None:
    _model, drawing = shown(library)
    [place] = drawing.value_ranges
    assert (place.region, place.role, place.year) == ("甲市", Role.ACTUAL, 2021)
    assert (place.low, place.high, place.values) == (10e8, 40e8, MANY + 1), "the part of 2021 is drawn apart"
    before = [p for p in every_spot(library) if p.region == "甲市" and not is_part_year(p.period)]
    expected = line_points(before)
    assert line_at(drawing, "甲市", 2021) == next(p.value for p in expected if p.year == 2021) == (9 + MANY) * 1e8
    at_2021 = [(p.value, p.period) for p in drawing.points if (p.region, p.year) == ("甲市", 2021)]
    assert sorted(at_2021) == [(5e8, "2021-H1"), ((9 + MANY) * 1e8, "2021")], "the line's marker and the part"
    assert place.latest.value == 40e8 and place.latest.qualifier == "more_than", "a click lands on the latest"
    assert [r for r in drawing.value_ranges if r.region == "乙市"] == []
    assert len(drawing.points) < len(every_spot(library))


def test_the_clicked_figure_inside_a_range_stands_at_its_own_value(library: Library) -> None:
    clicked = next(f for f in library.figures(5) if f.year == 2021)
    model, drawing = shown(library, clicked.id)
    assert drawing.emphasis == [(2021.0, clicked.value)]
    marker = next(p for p in drawing.points if p.figure_id == clicked.id)
    assert marker.reports == 1 and marker.doc_title == "甲市科技报告5"
    assert line_at(drawing, "甲市", 2021) == (9 + MANY) * 1e8, "the line does not move to the clicked value"
    twice = next(f for f in library.figures(MANY + 2) if f.year == 2021)  # report 3's 12亿元, stated again
    assert twice.value == 12e8
    again = model.figure_series(twice)
    assert again is not None and model.show(again, twice.id)
    assert next(p for p in model.visible_points() if p.figure_id == twice.id).reports == 2
    model.emphasised = drawing.value_ranges[0].latest.figure_id  # a click on the range
    assert model.emphasis() == [(2021.0, 40e8)]


def test_details_are_read_by_id_when_pointed_at_once_per_chart(library: Library,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[int]] = []
    read = Library.point_details

    def point_details(self: Library, points: list[Point]) -> list[Point]:
        asked.append([p.figure_id for p in points])
        return read(self, points)

    monkeypatch.setattr(Library, "point_details", point_details)
    model, drawing = shown(library)
    assert asked == [] and all(p.doc_title == "" and p.text == "" for p in drawing.points), "the chart reads no details"
    marker = drawing.points[0]
    detailed = model.details(marker)
    assert detailed.doc_title.startswith("甲市科技报告") and detailed.text and detailed.reports == marker.reports
    assert detailed == store_figures.points_by_id(library.conn, [marker.figure_id])[marker.figure_id]
    assert model.details(marker) is detailed and asked == [[marker.figure_id]], "read once"
    assert model.range_reports(drawing.value_ranges[0]) == MANY + 2, "the reports of the full-year values"


def test_export_lists_every_report_behind_a_range(library: Library) -> None:
    model, _drawing = shown(library)
    exported = model.export_series()
    assert exported is not None
    behind = series_service.sources_at(library.conn, INDICATOR, UNIT, every_spot(library))
    assert exported.points == behind and len(behind) == MANY + 7
    assert all(p.sentence for p in exported.points)


def test_flagged_values_inside_a_range_show_their_flags(library: Library) -> None:
    library.run_checks()
    model, drawing = shown(library)
    inside = next(p for p in every_spot(library) if p.year == 2021 and p.value == 11e8)
    model.flag_source = lambda ids: {i: "conflict" for i in ids}
    model.forget_flags()
    assert model.read_flags()
    marks = {(x, y) for x, y, flag in model.flag_marks(model.visible_points()) if flag == "conflict"}
    assert (2021.0, inside.value) in marks, "a value inside the range keeps its flag, on the range"
    assert (2021.0, (9 + MANY) * 1e8) in marks, "the line's marker keeps its own"
    assert drawing.value_ranges[0].holds(series_service.position(inside))


@pytest.mark.parametrize("period", ["2023", "2021-2025", "", "2023-H1", "2023-H2", "2023-Q1", "2023-Q1-Q3",
                                    "2023-M01-M11", "2023-03", "2023-YTD", "2023-YTD-11", "2023-", "203-H1",
                                    "2023-2024-H1", "x2023-H1"])
def test_the_stores_part_of_a_year_agrees_with_the_charts(library: Library, period: str) -> None:
    sql = f"SELECT {store_marks.PART_YEAR.format(':period')}"
    assert bool(library.conn.execute(sql, {"period": period}).fetchone()[0]) == is_part_year(period)


def test_a_few_values_at_a_place_stay_markers(tmp_path: Path) -> None:
    points = [point(2021, (10 + i) * 1e8, doc_id=1 + i) for i in range(DENSE_ABOVE)]
    library = store_of(tmp_path / "s.db", Series(INDICATOR, UNIT, "money", points))
    _model, drawing = shown(library)
    assert drawing.value_ranges == [] and len(full_year_points(drawing.points)) == DENSE_ABOVE
    library.close()
