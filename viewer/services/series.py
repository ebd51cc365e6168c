"""Choose which figures form an indicator's series, so a chart never mixes units or roles.

Values (actuals, targets, estimates) of one unit form the indicator's series; a growth rate,
change, share or rank is charted as its own series of that role.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from viewer.model import Figure, Point, Role, Series
from viewer.services.chart import is_part_year, line_points
from viewer.store import chart_marks as store_marks
from viewer.store import figures as store_figures
from viewer.store.connection import Queryable

VALUE_ROLES = (Role.ACTUAL, Role.TARGET, Role.ESTIMATE)


def series(
    db: Queryable, indicator: str, regions: list[str] | None = None, unit: str | None = None,
    roles: tuple[str, ...] = VALUE_ROLES, with_sentences: bool = False,
) -> Series:
    found = _unit_and_kind(db, indicator, roles, unit)
    if found is None:
        return Series(indicator=indicator, unit="", kind="")
    unit, kind = found
    return Series(indicator=indicator, unit=unit, kind=kind,
                  points=_points(db, indicator, unit, roles, regions, with_sentences))


def _unit_and_kind(db: Queryable, indicator: str, roles: tuple[str, ...], unit: str | None) -> tuple[str, str] | None:
    """The unit a series is drawn in (`unit`, else the indicator's most frequent) and its kind;
    None when the indicator has no figures in these roles and no unit was asked for."""
    units = store_figures.indicator_units(db, indicator, roles)
    if unit is None and units:
        unit = units[0][0]
    if unit is None:
        return None
    return unit, next((k for u, k, _ in units if u == unit), "")


def _points(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None,
            with_sentences: bool = False) -> list[Point]:
    """A series' points, once per document: a document that states the same value for the same
    period twice (a paragraph pasted twice) gives one point; two documents stating it remain two
    sources (a part of a year stating the year's value is a point of its own). Repeats are dropped
    from the rows, before points are made of them; a document's last statement of a value stands
    (as in `chart_marks`)."""
    rows = store_figures.series_rows(db, indicator, unit, roles, regions, with_sentences)
    seen: set[tuple[Any, ...]] = set()
    points = []
    for row in reversed(rows):
        key = row[store_figures.DOC_ID], row[store_figures.REGION], row[store_figures.YEAR], \
            row[store_figures.ROLE], row[store_figures.QUALIFIER], row[store_figures.VALUE], row[store_figures.PERIOD]
        if key not in seen:
            seen.add(key)
            points.append(store_figures.point(row))
    points.reverse()
    return points


def with_sentences(db: Queryable, points: list[Point]) -> list[Point]:
    """The points with their source sentences filled in (read in one query)."""
    missing = [p.figure_id for p in points if not p.sentence]
    found = store_figures.figure_sentences(db, missing) if missing else {}
    return [replace(p, sentence=found.get(p.figure_id, "")) if not p.sentence else p for p in points]


def series_for_figure(db: Queryable, figure: Figure, regions: list[str] | None = None) -> Series:
    """The series a click on `figure` should show (empty when it has no indicator): the figures
    of its indicator and unit in its role (a value role: all value roles). The figure's own kind
    names the series; no need to ask the store which kinds the unit has."""
    if not figure.indicator:
        return Series(indicator="", unit=figure.unit, kind=figure.kind)
    roles = _roles_for(figure)
    if not figure.unit:
        return series(db, figure.indicator, regions, unit=figure.unit, roles=roles)
    return Series(indicator=figure.indicator, unit=figure.unit, kind=figure.kind,
                  points=_points(db, figure.indicator, figure.unit, roles, regions))


# -- the chart's series: one point per marker it draws ---------------------------------------
Position = tuple[Any, ...]  # (region, role, year, value, qualifier, value_high)
FlagRow = tuple[Position, int, int, str, str, str]  # position, figure, document, check kind, verdict, label


def position(point: Point) -> Position:
    return point.region, point.role, point.year, point.value, point.qualifier, point.value_high


def figure_position(figure: Figure) -> Position:
    return figure.region, figure.role, figure.year, figure.value, figure.qualifier, figure.value_high


def _roles_for(figure: Figure) -> tuple[str, ...]:
    return VALUE_ROLES if figure.role in VALUE_ROLES else (figure.role,)


# A place (region, role, year) where more full-year values than this are stated is drawn as one
# range of them (`ValueRange`), not as a column of markers: a synthetic indicator stated
# differently by each of 10,000 reports would otherwise draw thousands of markers.
DENSE_ABOVE = 12


@dataclass(frozen=True)
class ValueRange:
    """A place of many values, drawn as one range from the lowest to the highest (a range's end):
    `values` spots (the reports stating them are read when pointed at, `place_reports`). Where
    the line passes and the clicked figure remain markers of their own; a click on the range
    lands on `latest`, the latest report's."""

    region: str
    role: str
    year: int
    low: float
    high: float
    values: int
    latest: Point

    @property
    def place(self) -> tuple[str, str, int]:
        return self.region, self.role, self.year

    def holds(self, place: Position) -> bool:
        """Whether a spot (region, role, year, value, qualifier, value_high) is of this place."""
        return place[:3] == self.place


@dataclass
class ChartSeries(Series):
    """A chart's series: its markers (`points`: what placing and flagging them needs; their
    details are read by id, `point_details`) and its places of many values."""

    ranges: list[ValueRange] = field(default_factory=list)


def chart_marks(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None,
                figure: Figure | None = None) -> tuple[list[Point], list[ValueRange]]:
    """One marker per place of the chart (region, role, year and value): the latest report's, or
    the clicked `figure` at its own place; in the order of `series`, so the line takes the same
    values; `sources_at` lists every report behind a place. A place of many values is a range,
    its latest report's and its latest exact marker (where the line passes) kept among the
    markers, then dropped but for the one the line takes (and the clicked figure)."""
    rows, place_rows = store_marks.chart_marks(db, indicator, unit, roles, regions, DENSE_ABOVE)
    points = [store_marks.mark_point(row) for row in rows]
    clicked_id = figure.id if figure is not None else None
    if figure is not None and clicked_id is not None:
        _place_clicked(db, figure, clicked_id, points, place_rows, roles)
    places: dict[tuple[Any, ...], list[Point]] = {tuple(row[:3]): [] for row in place_rows}
    for point in points:
        members = places.get((point.region, point.role, point.year))
        if members is not None and not is_part_year(point.period):
            members.append(point)
    ranges, dropped = [], set()
    for row in place_rows:
        region, role, year, low, high, values, latest_id = row[store_marks.PLACE_ROW]
        members = places[(region, role, year)]
        kept = {id(p) for p in line_points(members)}
        latest = next((p for p in members if p.figure_id == latest_id), None) or \
            next((p for p in members if p.figure_id == clicked_id), None)  # the clicked figure stands for it
        if latest is None:  # the store changed since: its spots are markers
            continue
        dropped |= {id(p) for p in members if id(p) not in kept and p.figure_id != clicked_id}
        ranges.append(ValueRange(region, role, year, low, high, values, latest))
    if dropped:
        points = [p for p in points if id(p) not in dropped]
    return points, ranges


def _place_clicked(db: Queryable, figure: Figure, figure_id: int, points: list[Point],
                   place_rows: list[tuple[Any, ...]], roles: tuple[str, ...]) -> None:
    """The clicked figure stands at its own place, with the reports of its spot: instead of the
    spot's marker, or inside a place of many values, before the markers the line may take."""
    place = figure_position(figure)
    for index, point in enumerate(points):
        if position(point) == place:
            if point.figure_id != figure_id:
                clicked = store_figures.points_by_id(db, [figure_id]).get(figure_id)
                if clicked is None:
                    del points[index]
                else:
                    clicked.reports = point.reports
                    points[index] = clicked
            return
    if not any(tuple(row[:3]) == place[:3] for row in place_rows):
        return
    clicked = store_figures.points_by_id(db, [figure_id]).get(figure_id)
    if clicked is None:
        return
    clicked.reports = store_marks.spot_reports(db, figure.indicator or "", figure.unit, roles, place)
    at = next((i for i, p in enumerate(points) if (p.region, p.role, p.year) == place[:3]), len(points))
    points.insert(at, clicked)


def place_reports(db: Queryable, indicator: str, unit: str, value_range: ValueRange) -> int:
    """The reports behind a range (its place's full-year values)."""
    roles = VALUE_ROLES if value_range.role in VALUE_ROLES else (value_range.role,)
    return store_marks.place_reports(db, indicator, unit, roles, value_range.place)


def point_details(db: Queryable, points: list[Point]) -> list[Point]:
    """The chart's markers with their details (report title, figure text and span, how the
    figure was attributed), read by figure id; each keeps the reports behind it."""
    found = store_figures.points_by_id(db, [p.figure_id for p in points if not p.doc_title])
    return [replace(found[p.figure_id], reports=p.reports) if not p.doc_title and p.figure_id in found else p
            for p in points]


def chart_series(db: Queryable, indicator: str, regions: list[str] | None = None, unit: str | None = None) -> Series:
    found = _unit_and_kind(db, indicator, VALUE_ROLES, unit)
    if found is None:
        return Series(indicator=indicator, unit="", kind="")
    unit, kind = found
    points, ranges = chart_marks(db, indicator, unit, VALUE_ROLES, regions)
    return ChartSeries(indicator=indicator, unit=unit, kind=kind, points=points, ranges=ranges)


def chart_series_for_figure(db: Queryable, figure: Figure, regions: list[str] | None = None) -> Series:
    """Like `series_for_figure`, one point per place (see `chart_marks`)."""
    if not figure.indicator or not figure.unit:
        return series_for_figure(db, figure, regions)
    points, ranges = chart_marks(db, figure.indicator, figure.unit, _roles_for(figure), regions, figure)
    return ChartSeries(indicator=figure.indicator, unit=figure.unit, kind=figure.kind, points=points, ranges=ranges)


def sources_at(db: Queryable, indicator: str, unit: str, points: list[Point],
               ranges: list[ValueRange] | None = None) -> list[Point]:
    """Every report behind these chart points (their regions and roles) and the places of many
    values drawn, each document once, with sentences: what the chart exports."""
    if not points:
        return []
    roles = tuple(sorted({p.role for p in points}))
    places = {position(p) for p in points}
    found = _points(db, indicator, unit, roles, sorted({p.region for p in points}), with_sentences=True)
    if ranges:
        latest = {position(p): p for p in found}  # a spot's latest report decides where it stands
        dense = {r.place for r in ranges}
        places |= {place for place, p in latest.items() if place[:3] in dense and not is_part_year(p.period)}
    return [p for p in found if position(p) in places]


def flagged_positions(db: Queryable, indicator: str, unit: str, points: list[Point]) -> dict[Position, list[int]]:
    """position -> the figures behind it that the checks cite, for the chart points' regions and
    roles (`store.figures.spot_figure_ids`)."""
    if not points:
        return {}
    roles = tuple(sorted({p.role for p in points}))
    rows = store_figures.spot_figure_ids(db, indicator, unit, roles, sorted({p.region for p in points}))
    found: dict[Position, list[int]] = {}
    for row in rows:
        found.setdefault(tuple(row[1:]), []).append(int(row[0]))
    return found


def flag_rows_at(db: Queryable, indicator: str, unit: str, points: list[Point]) -> list[FlagRow]:
    """(position, figure id, its document, check kind, verdict, evidence label) of the checks
    citing the figures behind chart points (`store.figures.spot_flag_rows`), in the checks' order."""
    if not points:
        return []
    roles = tuple(sorted({p.role for p in points}))
    rows = store_figures.spot_flag_rows(db, indicator, unit, roles, sorted({p.region for p in points}))
    return [(tuple(row[1:7]), int(row[0]), int(row[10]), str(row[7]), str(row[8]), str(row[9])) for row in rows]
