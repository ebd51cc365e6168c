"""How points look in the chart: grouped per region and role, marked by qualifier."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from viewer.model import Point, Qualifier, Role
from viewer.ui.i18n import tr
from viewer.ui.palette import REGION_COLOURS

ACTUAL, TARGET, ESTIMATE = "actual", "target", "estimate"
GROUPS = (ACTUAL, ESTIMATE, TARGET)


def group_of(point: Point) -> str:
    if point.role == Role.TARGET:
        return TARGET
    if point.role == Role.ESTIMATE:
        return ESTIMATE
    return ACTUAL


def group_label(group: str) -> str:
    return {ACTUAL: tr("实际"), TARGET: tr("目标"), ESTIMATE: tr("预计")}[group]


def grouped(points: list[Point]) -> dict[tuple[str, str], list[Point]]:
    """Points per (region, group), each list sorted by year (stable: keeps the store's order)."""
    groups: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for point in points:
        groups[(point.region, group_of(point))].append(point)
    return {key: sorted(value, key=lambda p: p.year) for key, value in sorted(groups.items())}


def line_points(points: list[Point]) -> list[Point]:
    """One point per year for the line: the last reported (the store orders by document year).

    Every point keeps its marker; the line shows the trend, not a vertical zigzag through
    several reports' values for the same year.
    """
    by_year: dict[int, Point] = {}
    for point in points:
        by_year[point.year] = point
    return [by_year[year] for year in sorted(by_year)]


def region_colour(regions: list[str], region: str) -> QColor:
    index = regions.index(region) if region in regions else 0
    return QColor(REGION_COLOURS[index % len(REGION_COLOURS)])


def line_style(group: str) -> Qt.PenStyle:
    return {ACTUAL: Qt.PenStyle.SolidLine, TARGET: Qt.PenStyle.DashLine,
            ESTIMATE: Qt.PenStyle.DotLine}[group]


def symbol_for(point: Point) -> str:
    """Qualified values are not exact: an arrow-like triangle points where the value lies."""
    if point.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return "t1"  # triangle pointing up
    if point.qualifier == Qualifier.UNDER:
        return "t"  # triangle pointing down
    if point.qualifier == Qualifier.ABOUT:
        return "star"
    if group_of(point) == ESTIMATE:
        return "d"
    return "o"


def is_hollow(point: Point) -> bool:
    return group_of(point) == TARGET


@dataclass(frozen=True)
class SpotStyle:
    symbol: str
    hollow: bool
    size: float


def spot_style(point: Point) -> SpotStyle:
    return SpotStyle(symbol_for(point), is_hollow(point), 11.0 if point.qualifier else 9.0)
