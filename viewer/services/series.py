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
    units = store_figures.indicator_units(db, indicator, roles)
    if unit is None and units:
        unit = units[0][0]
    kind = next((k for u, k, _ in units if u == unit), "")
    if unit is None:
        return Series(indicator=indicator, unit="", kind="")
    return Series(indicator=indicator, unit=unit, kind=kind,
                  points=_points(db, indicator, unit, roles, regions, with_sentences))


def _points(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None,
            with_sentences: bool = False) -> list[Point]:
    """A series' points, once per document: a document that states the same value for the same
    period twice (a paragraph pasted twice) gives one point; two documents stating it remain two
    sources. Repeats are dropped from the rows, before points are made of them."""
    rows = store_figures.series_rows(db, indicator, unit, roles, regions, with_sentences)
    seen: set[tuple[Any, ...]] = set()
    points = []
    for row in rows:
        key = row[store_figures.DOC_ID], row[store_figures.REGION], row[store_figures.YEAR], \
            row[store_figures.ROLE], row[store_figures.QUALIFIER], row[store_figures.VALUE]
        if key not in seen:
            seen.add(key)
            points.append(store_figures.point(row))
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
    roles = VALUE_ROLES if figure.role in VALUE_ROLES else (figure.role,)
    if not figure.unit:
        return series(db, figure.indicator, regions, unit=figure.unit, roles=roles)
    return Series(indicator=figure.indicator, unit=figure.unit, kind=figure.kind,
                  points=_points(db, figure.indicator, figure.unit, roles, regions))
