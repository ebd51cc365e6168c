"""Choose which figures form an indicator's series, so a chart never mixes units or roles.

Values (actuals, targets, estimates) of one unit form the indicator's series; a growth rate,
change, share or rank is charted as its own series of that role.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from viewer.model import Figure, Point, Role, Series
from viewer.store import figures as store_figures
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    pass

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
    points = _once_per_document(store_figures.series_points(db, indicator, unit, roles, regions,
                                                                    with_sentences))
    return Series(indicator=indicator, unit=unit, kind=kind, points=points)


def _once_per_document(points: list[Point]) -> list[Point]:
    """A document that states the same value for the same period twice (a paragraph pasted
    twice) gives one point; two documents stating it remain two sources."""
    seen: set[tuple[int, str, int, str, str, float]] = set()
    kept = []
    for point in points:
        key = (point.doc_id, point.region, point.year, point.role, point.qualifier, point.value)
        if key not in seen:
            seen.add(key)
            kept.append(point)
    return kept


def with_sentences(db: Queryable, points: list[Point]) -> list[Point]:
    """The points with their source sentences filled in (read in one query)."""
    missing = [p.figure_id for p in points if not p.sentence]
    found = store_figures.figure_sentences(db, missing) if missing else {}
    return [replace(p, sentence=found.get(p.figure_id, "")) if not p.sentence else p for p in points]


def series_for_figure(db: Queryable, figure: Figure, regions: list[str] | None = None) -> Series:
    """The series a click on `figure` should show (empty when it has no indicator)."""
    if not figure.indicator:
        return Series(indicator="", unit=figure.unit, kind=figure.kind)
    roles = VALUE_ROLES if figure.role in VALUE_ROLES else (figure.role,)
    return series(db, figure.indicator, regions, unit=figure.unit, roles=roles)
