"""Which points a chart draws where, as plain data (the Qt pane only paints them).

A figure of part of a year (2023年前三季度, 1—11月, 上半年, 截至3月底) is not that year's value:
it is drawn apart from the full-year line, at the end of its period (前三季度 2023 at 2022.75,
three quarters of the way from 2022 to 2023), with its own marker and no line. A region's
targets are joined to its last full-year actual before them by a dashed segment, so a single
target does not stand alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from operator import attrgetter

from viewer.model import Point, Qualifier, Role
from viewer.services.figure_words import period_words

# "2023-H1", "2023-Q1-Q3", "2023-M01-M11", "2023-03": a year, then a part of it (not "2021-2025").
_PART = re.compile(r"^(\d{4})-(?!\d{4}$)(.+)$")
_LAST_MONTH = {"H1": 6, "H2": 12, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "Q1-Q3": 9}
_MONTHS = re.compile(r"^M(\d{2})-M(\d{2})$")
_MONTH = re.compile(r"^(\d{2})$")


@functools.lru_cache(maxsize=4096)  # a chart asks for each point it draws; periods repeat
def is_part_year(period: str) -> bool:
    """A period within one year: 2023-H1, 2023-Q1-Q3, 2023-M01-M11, 2023-03 (as of the end of March),
    2023-YTD and 2023-YTD-11 (今年以来: the year to date; 11, the month the document appeared in)."""
    return _PART.match(period) is not None


@functools.lru_cache(maxsize=4096)
def last_month(period: str) -> int:
    """The month a period ends in: 12 for a whole year or a span of years, 9 for 前三季度. A year to
    date ends in the month its document appeared in (2023-YTD-11: 11), or mid-year (6) when the
    document's date does not say."""
    part = _PART.match(period)
    if part is None:
        return 12
    sub = part.group(2)
    if sub.startswith("YTD"):
        published = _MONTH.match(sub[4:])
        return int(published.group(1)) if published and 1 <= int(published.group(1)) <= 12 else 6
    if sub in _LAST_MONTH:
        return _LAST_MONTH[sub]
    months = _MONTHS.match(sub) or _MONTH.match(sub)
    if months:
        month = int(months.group(months.lastindex or 1))
        return month if 1 <= month <= 12 else 12
    return 12


def chart_x(point: Point) -> float:
    """Where a point stands on the chart's year axis: a full year at its year, a part of a year
    at the end of that part (year - 1 + months / 12); a year to date (今年以来) at the month its
    document appeared in, else mid-year (see `last_month`)."""
    if not is_part_year(point.period):
        return float(point.year)
    return point.year - 1 + last_month(point.period) / 12


def part_year_points(points: Iterable[Point]) -> list[Point]:
    return [p for p in points if is_part_year(p.period)]


def full_year_points(points: Iterable[Point]) -> list[Point]:
    return [p for p in points if not is_part_year(p.period)]


def part_year_words(points: Iterable[Point], lang: str) -> list[str]:
    """The parts of a year among the points, in words and once each (前三季度, 1—11月), in the
    order of the months they end in: what the chart's legend names."""
    subs: dict[str, int] = {}
    for point in points:
        part = _PART.match(point.period)
        if part is not None:
            subs.setdefault(part.group(2), last_month(point.period))
    words = []
    for sub in sorted(subs, key=lambda s: (subs[s], s)):
        # the words of the part alone: the year's words are cut off ("2023年前三季度" -> "前三季度")
        whole = period_words(f"2000-{sub}", None, lang)
        words.append(sub if whole == f"2000-{sub}" else whole.replace("2000年", "").replace(" 2000", "").strip())
    return words


def point_period_words(point: Point, lang: str) -> str:
    """A point's period as the reader says it: 2023年前三季度 / Q1–Q3 2023, 2023年 / 2023."""
    return period_words(point.period, point.year, lang)


def target_path(actual_line: list[Point], targets: list[Point]) -> list[Point]:
    """The points a region's dashed target line passes through: its last full-year actual before
    the first target (when there is one), then the targets, by year. `actual_line` is the
    region's actual line (one point per year); part-year points never start it."""
    if not targets:
        return []
    ordered = sorted(targets, key=lambda p: p.year)
    first = ordered[0].year
    before = [p for p in actual_line if p.role != Role.TARGET and not is_part_year(p.period) and p.year < first]
    return ([max(before, key=lambda p: p.year)] if before else []) + ordered


# -- which value stands ------------------------------------------------------------------------
# One place decides which value stands for what the chart draws:
# - a marker stands for every report of its place (region, role, year, value, qualifier, range):
#   the latest report's figure (the document's year, then the document, then the figure: the
#   order `viewer.store.figures.series_spots` groups by), or the clicked figure at its own place;
# - the line of a (region, group) passes through one value per year: an exact value over a
#   qualified one (超过, 约, a range), and among those the latest report's. Every other value
#   keeps its marker, so a disagreement stays visible off the line.
ACTUAL, TARGET, ESTIMATE, PART = "actual", "target", "estimate", "part_year"
GROUPS = (ACTUAL, ESTIMATE, TARGET, PART)
MAX_OTHER_REGIONS = 6


def group_of(point: Point) -> str:
    """A part of a year (前三季度, 1—11月) is a group of its own whatever its role: it is not on
    the line of full years."""
    if is_part_year(point.period):
        return PART
    return {Role.TARGET: TARGET, Role.ESTIMATE: ESTIMATE}.get(point.role, ACTUAL)


def grouped(points: Iterable[Point]) -> dict[tuple[str, str], list[Point]]:
    """Points per (region, group), each list sorted by year (stable: keeps the store's order)."""
    groups: dict[tuple[str, str], list[Point]] = {}
    group_at: dict[tuple[str, str], str] = {}  # (period, role) -> group: few of them for many points
    for point in points:
        how = point.period, point.role
        group = group_at.get(how)
        if group is None:
            group = group_at[how] = group_of(point)
        groups.setdefault((point.region, group), []).append(point)
    return {key: sorted(value, key=_year) for key, value in sorted(groups.items())}


_year = attrgetter("year")


def is_exact(point: Point) -> bool:
    return point.value_high is None and point.qualifier in ("", Qualifier.EXACT)


def line_points(points: list[Point]) -> list[Point]:
    """One point per year for the line: exact before qualified, then the latest report.
    `points` are in the store's order (latest last)."""
    by_year: dict[int, Point] = {}
    for point in points:
        chosen = by_year.get(point.year)
        if chosen is None or is_exact(point) or not is_exact(chosen):
            by_year[point.year] = point
    return [by_year[year] for year in sorted(by_year)]


def drawn_regions(points: Iterable[Point], figure_id: int | None) -> set[str]:
    """The regions a chart draws first: an indicator reported for hundreds of regions would be an
    unreadable tangle of lines, so the clicked figure's region plus the `MAX_OTHER_REGIONS`
    regions with the most points (ties: by name); the region menu adds any of the others."""
    counts: dict[str, int] = {}
    clicked: set[str] = set()
    for point in points:
        counts[point.region] = counts.get(point.region, 0) + 1
        if figure_id is not None and point.figure_id == figure_id:
            clicked.add(point.region)
    return clicked | set(busiest(counts, clicked)[:MAX_OTHER_REGIONS])


def busiest(counts: dict[str, int], leave_out: Iterable[str] = ()) -> list[str]:
    """Regions by their number of points, most first (ties: by name)."""
    left_out = set(leave_out)
    return sorted((r for r in counts if r not in left_out), key=lambda r: (-counts[r], r))
