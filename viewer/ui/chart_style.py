"""How points look in the chart: grouped per region and role, marked by qualifier, flagged by
the checks.

The line of a (region, role) group passes through one value per year. When several reports
give a value for the same year, the line takes an exact value over a qualified one (超过, 约,
a range), and among those the latest report's (the store orders points by document year, then
figure id); every other value keeps its marker, so a disagreement stays visible as a marker
off the line (and, when the checks found it, as a flagged conflict).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from viewer.model import Point, Qualifier, Role
from viewer.services.chart import is_part_year
from viewer.ui.i18n import tr
from viewer.ui.palette import REGION_COLOURS
from viewer.ui.review_labels import (
    ALERT_COLOUR,
    FINE_COLOUR,
    FLAG_CONFLICT,
    FLAG_MET,
    FLAG_MISSED,
    FLAG_OUTLIER,
    QUESTION_COLOUR,
)

ACTUAL, TARGET, ESTIMATE, PART = "actual", "target", "estimate", "part_year"
GROUPS = (ACTUAL, ESTIMATE, TARGET, PART)


def group_of(point: Point) -> str:
    """A part of a year (前三季度, 1—11月) is a group of its own, whatever its role: it is not on
    the line of full years (see viewer.services.chart)."""
    return PART if is_part_year(point.period) else _group(point.role)


def _group(role: str) -> str:
    if role == Role.TARGET:
        return TARGET
    if role == Role.ESTIMATE:
        return ESTIMATE
    return ACTUAL


def group_label(group: str) -> str:
    return {ACTUAL: tr("实际"), TARGET: tr("目标"), ESTIMATE: tr("预计"), PART: tr("部分年度")}[group]


def grouped(points: list[Point]) -> dict[tuple[str, str], list[Point]]:
    """Points per (region, group), each list sorted by year (stable: keeps the store's order)."""
    groups: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for point in points:
        groups[(point.region, group_of(point))].append(point)
    return {key: sorted(value, key=lambda p: p.year) for key, value in sorted(groups.items())}


def is_exact(point: Point) -> bool:
    return point.value_high is None and point.qualifier in ("", Qualifier.EXACT)


def line_points(points: list[Point]) -> list[Point]:
    """One point per year for the line (see the module's docstring): exact before qualified,
    then the latest report. `points` are in the store's order."""
    by_year: dict[int, Point] = {}
    for point in points:
        chosen = by_year.get(point.year)
        if chosen is None or is_exact(point) or not is_exact(chosen):
            by_year[point.year] = point
    return [by_year[year] for year in sorted(by_year)]


def region_colours(regions: list[str]) -> dict[str, QColor]:
    """Each region's colour by its place in `regions` (the drawn ones: at most 7, all distinct)."""
    return {region: QColor(REGION_COLOURS[i % len(REGION_COLOURS)]) for i, region in enumerate(regions)}


MAX_OTHER_REGIONS = 6


def drawn_regions(points: list[Point], figure_id: int | None) -> set[str]:
    """The regions a chart draws first. An indicator reported for hundreds of regions would be
    an unreadable tangle of lines (and slow to draw): the chart draws the clicked figure's
    region plus the `MAX_OTHER_REGIONS` regions with the most points (ties: by name); the
    region menu adds any of the others."""
    counts: dict[str, int] = {}
    clicked: set[str] = set()
    for point in points:
        counts[point.region] = counts.get(point.region, 0) + 1
        if figure_id is not None and point.figure_id == figure_id:
            clicked.add(point.region)
    others = sorted((r for r in counts if r not in clicked), key=lambda r: (-counts[r], r))
    return clicked | set(others[:MAX_OTHER_REGIONS])


def line_style(group: str) -> Qt.PenStyle:
    return {ACTUAL: Qt.PenStyle.SolidLine, TARGET: Qt.PenStyle.DashLine,
            ESTIMATE: Qt.PenStyle.DotLine, PART: Qt.PenStyle.NoPen}[group]


def symbol_for(point: Point) -> str:
    return _symbol(point.qualifier, group_of(point))


PART_SYMBOL = "s"  # a part of a year: a square, off the line


def _symbol(qualifier: str, group: str) -> str:
    """Qualified values are not exact: an arrow-like triangle points where the value lies."""
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return "t1"  # triangle pointing up
    if qualifier == Qualifier.UNDER:
        return "t"  # triangle pointing down
    if qualifier == Qualifier.ABOUT:
        return "star"
    if group == ESTIMATE:
        return "d"
    if group == PART:
        return PART_SYMBOL
    return "o"


HOLLOW = "#ffffff"  # the fill of a hollow marker


def is_hollow(point: Point) -> bool:
    """A point whose figure has a weak slot (an indicator, place or year guessed, not read:
    `viewer.model.weak_slots`) is drawn hollow: 需核对."""
    return bool(point.weak)


def fill_colour(group: str, colour: QColor) -> str:
    """What fills the markers of a group: estimates paler, targets palest (hollow is for the
    points to check, see `is_hollow`)."""
    if group == TARGET:
        return colour.lighter(175).name()
    return (colour.lighter(140) if group == ESTIMATE else colour).name()


@dataclass(frozen=True)
class SpotStyle:
    symbol: str
    size: float


def spot_style(point: Point) -> SpotStyle:
    return _spot_style(point.qualifier, group_of(point))


@functools.cache
def _spot_style(qualifier: str, group: str) -> SpotStyle:
    return SpotStyle(_symbol(qualifier, group), 11.0 if qualifier else 9.0)


@dataclass(frozen=True)
class FlagStyle:
    symbol: str
    size: float
    colour: str
    dashed: bool


FLAG_STYLES = {
    FLAG_CONFLICT: FlagStyle("o", 24.0, ALERT_COLOUR, True),  # a dashed red ring
    FLAG_OUTLIER: FlagStyle("o", 24.0, QUESTION_COLOUR, True),  # a dashed orange ring
    FLAG_MET: FlagStyle("o", 17.0, FINE_COLOUR, False),  # a green ring round the target
    FLAG_MISSED: FlagStyle("x", 13.0, ALERT_COLOUR, False),  # a red cross over the target
}


def flag_label(flag: str) -> str:
    return {FLAG_CONFLICT: tr("数据冲突"), FLAG_OUTLIER: tr("异常值"), FLAG_MET: tr("目标已完成"),
            FLAG_MISSED: tr("目标未完成")}[flag]


def flag_sample(flag: str) -> str:
    """The legend's picture of a flag, as escaped-safe rich text."""
    style = FLAG_STYLES[flag]
    glyph = {"o": "◯", "x": "✕"}[style.symbol]
    return f"<span style='color:{style.colour}'>{glyph}</span>"
