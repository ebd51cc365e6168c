"""What a chart reads to draw an indicator's series: a marker per spot with what placing,
drawing and flagging it needs, and places of many values as one row each; the rest of a
marker (report title, figure text) is read by id when the reviewer points at it
(`viewer.store.figures.points_by_id`)."""

from __future__ import annotations

import functools
from typing import Any

from viewer.model import Modality, Point
from viewer.model.figures import slots_to_check
from viewer.store.connection import Queryable
from viewer.store.figures import FIGURE_BITS, grouped_spots, series_filter

# A period within one year (2023-H1, 2023-Q1-Q3, 2023-03, 2023-YTD), in SQL: what
# viewer.services.chart.is_part_year says of a period (tests check that they agree).
PART_YEAR = ("({0} GLOB '[0-9][0-9][0-9][0-9]-?*' "
              "AND {0} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]')")
_EXACT = "(s.value_high IS NULL AND s.qualifier = '')"
# What a chart places and flags a marker with: the spot (`series_spots`), its reports, its
# latest figure and that figure's document, period, and how it was attributed.
_MARK_COLUMNS = ("s.region, s.role, s.year, s.value, s.qualifier, s.value_high, s.reports, g.id AS figure_id, "
                 "g.doc_id, g.period, g.provisional, g.region_how, g.period_how, g.source")
# A place of many values: (region, role, year, lowest value, highest value or range end, values,
# the latest report's figure id), in the order of `series_spots`.
PLACE_ROW = slice(0, 7)


def chart_marks(
    db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None, dense_above: int,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What a chart draws, in one statement: (markers, places). A place (region, role, year) with
    more than `dense_above` spots of full years is a place of many values: one row of
    `PLACE_ROW` for it, and of its spots only its latest and its latest exact one (where the
    line passes) among the markers. Every other spot is a marker. Markers are rows of
    `_MARK_COLUMNS` in the order of `series_spots`; the rows read grow with the places, not with
    the values stated at one place."""
    where, params = series_filter(indicator, unit, roles, regions)
    # m: each spot with its latest figure's columns, read once (the markers'), and whether it is
    # of a part of a year; its rows are materialized, for the places and for the markers.
    sql = (
        f"WITH s AS ({grouped_spots(where)}), "
        f"m AS MATERIALIZED (SELECT {_MARK_COLUMNS}, s.k, {PART_YEAR.format('g.period')} AS part FROM s "
        f"JOIN figures g ON g.id = s.k & {FIGURE_BITS}), "
        "dense AS MATERIALIZED (SELECT region, role, year, min(value) AS low, "
        "max(coalesce(value_high, value)) AS high, count(*) AS n, max(k) AS latest, "
        f"max(CASE WHEN {_EXACT} THEN k END) AS exact_latest FROM m s WHERE NOT part "
        "GROUP BY region, role, year HAVING count(*) > ?) "
        "SELECT 0, m.* FROM m LEFT JOIN dense p ON p.region = m.region AND p.role = m.role AND p.year = m.year "
        "WHERE m.part OR p.region IS NULL OR m.k IN (p.latest, p.exact_latest) "
        f"UNION ALL SELECT 1, p.region, p.role, p.year, p.low, p.high, p.n, p.latest & {FIGURE_BITS}, NULL, "
        "NULL, NULL, NULL, NULL, NULL, NULL, p.latest, NULL FROM dense p "
        "ORDER BY 2, 4, 3, 16"
    )
    marks: list[tuple[Any, ...]] = []
    places: list[tuple[Any, ...]] = []
    for row in db.execute(sql, [*params, dense_above]):
        (places if row[0] else marks).append(row[1:15])
    return marks, places


def place_reports(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], place: tuple[Any, ...]) -> int:
    """The reports stating a full-year value at a place (region, role, year): what a place of many
    values (`chart_marks`) stands for, read when the reviewer points at it. A spot stands where
    its latest report's figure says (a part of a year is drawn apart)."""
    region, role, year = place
    where, params = series_filter(indicator, unit, roles, [region])
    where += " AND f.role = ? AND f.year = ?"
    params += [role, year]
    row = db.execute(
        f"WITH s AS ({grouped_spots(where)}), full AS (SELECT s.value, s.qualifier, s.value_high FROM s "
        f"JOIN figures g ON g.id = s.k & {FIGURE_BITS} WHERE NOT {PART_YEAR.format('g.period')}) "
        f"SELECT count(DISTINCT f.doc_id) FROM figures f JOIN full ON full.value = f.value "
        f"AND full.qualifier IS f.qualifier AND full.value_high IS f.value_high WHERE {where}",
        [*params, *params]).fetchone()
    return int(row[0]) if row else 0


def spot_reports(db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], place: tuple[Any, ...]) -> int:
    """The reports stating a value at one spot (region, role, year, value, qualifier, value_high)."""
    region, role, year, value, qualifier, high = place
    where, params = series_filter(indicator, unit, roles, [region])
    row = db.execute(
        f"SELECT count(DISTINCT f.doc_id) FROM figures f WHERE {where} AND f.role = ? AND f.year = ? "
        "AND f.value = ? AND f.qualifier IS ? AND f.value_high IS ?",
        [*params, role, year, value, qualifier, high]).fetchone()
    return int(row[0]) if row else 0


def mark_point(row: tuple[Any, ...]) -> Point:
    """A chart marker from a row of `_MARK_COLUMNS`: what placing, drawing and flagging it needs;
    its details (report title, figure text and span, how it was attributed) are read by id
    (`points_by_id`) when the reviewer points at it."""
    region, role, year, value, qualifier, high, reports, figure_id, doc_id, period, provisional, region_how, \
        period_how, source = row
    provisional = bool(provisional)
    return Point(year, value, region, role, qualifier, figure_id, doc_id, "", 0, 0, "", "", period, high, reports,
                 provisional, "", region_how, period_how, Modality.ACTUAL,
                 _weak(provisional, region_how, period_how, source), source)


@functools.lru_cache(maxsize=256)
def _weak(provisional: bool, region_how: str, period_how: str, source: str) -> tuple[str, ...]:
    """`weak_slots` of a series' figure (it has an indicator, a region and a year): few kinds."""
    return slots_to_check(True, True, True, provisional, region_how, period_how, source)
