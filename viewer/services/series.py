"""Choose which figures form an indicator's series, so a chart never mixes units or roles.

Values (actuals, targets, estimates) of one unit form the indicator's series; a growth rate,
change, share or rank is charted as its own series of that role.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from viewer.model import Figure, Point, Role, Series
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
    (as in `chart_points`)."""
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


def chart_points(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None,
                 figure: Figure | None = None) -> list[Point]:
    """One point per place of the chart (region, role, year and value): the latest report's, or
    the clicked `figure` at its own place. In the order of `series`, so the line takes the same
    values; `sources_at` lists every report behind a place."""
    points = store_figures.spot_points(db, indicator, unit, roles, regions)
    if figure is None or figure.id is None:
        return points
    place = figure_position(figure)
    for index, point in enumerate(points):
        if position(point) == place and point.figure_id != figure.id:  # the clicked figure stands there
            clicked = store_figures.points_by_id(db, [figure.id]).get(figure.id)
            if clicked is None:
                del points[index]
            else:
                clicked.reports = point.reports
                points[index] = clicked
            break
    return points


def chart_series(db: Queryable, indicator: str, regions: list[str] | None = None, unit: str | None = None) -> Series:
    found = _unit_and_kind(db, indicator, VALUE_ROLES, unit)
    if found is None:
        return Series(indicator=indicator, unit="", kind="")
    unit, kind = found
    return Series(indicator=indicator, unit=unit, kind=kind,
                  points=chart_points(db, indicator, unit, VALUE_ROLES, regions))


def chart_series_for_figure(db: Queryable, figure: Figure, regions: list[str] | None = None) -> Series:
    """Like `series_for_figure`, one point per place (see `chart_points`)."""
    if not figure.indicator or not figure.unit:
        return series_for_figure(db, figure, regions)
    return Series(indicator=figure.indicator, unit=figure.unit, kind=figure.kind,
                  points=chart_points(db, figure.indicator, figure.unit, _roles_for(figure), regions, figure))


def sources_at(db: Queryable, indicator: str, unit: str, points: list[Point]) -> list[Point]:
    """Every report behind these chart points (their regions and roles), each document once,
    with sentences: what the chart exports."""
    if not points:
        return []
    roles = tuple(sorted({p.role for p in points}))
    places = {position(p) for p in points}
    found = _points(db, indicator, unit, roles, sorted({p.region for p in points}), with_sentences=True)
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
