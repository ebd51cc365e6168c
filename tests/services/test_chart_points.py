"""A chart's markers read in one statement (`store.chart_marks.chart_marks`) are the points the spots
and their figures read one after the other gave, without their details (read by id when pointed
at, `point_details`): the same latest report per marker, the same count of reports behind it,
the clicked figure at its own place; and the grouped part reads only the chart's covering index."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from viewer.model import Figure, Point, Role
from viewer.services import series as series_service
from viewer.store import chart_marks as store_marks
from viewer.store import figures as store_figures
from viewer.store import open_store

INDICATOR, UNIT = "技术合同成交额", "元"
REGIONS = ["青溪区", "白沙县", "云岭市", "石门镇"]
ROLES = (Role.ACTUAL, Role.TARGET, Role.ESTIMATE)
TEXT = "青溪区技术合同登记额达到8.5亿元（虚构的句子）。"


def invented_store(path: Path, seed: int) -> sqlite_utils.Database:
    """Reports of several years (one without a year) stating the indicator for a few regions:
    the same values again and again (many reports behind one marker), some qualified, some
    ranges, some in another unit or without a year (not drawn)."""
    db = open_store(path)
    rng = random.Random(seed)
    for doc_id in range(1, 41):
        year = None if doc_id % 13 == 0 else rng.choice([2019, 2020, 2021, 2022])
        db.execute("INSERT INTO documents (id, path, file_name, sha256, title, year, text, chars, imported_at) "
                   "VALUES (?, ?, ?, 'x', ?, ?, ?, ?, '2026-01-01')",
                   [doc_id, f"/r/{doc_id}.txt", f"{doc_id}.txt", f"报告{doc_id}", year, TEXT, len(TEXT)])
        for n in range(rng.randint(1, 6)):
            value = float(rng.choice([8.5, 9.0, 10.0, 12.5]) * 1e8)
            high = value * 1.2 if rng.random() < 0.1 else None
            db.execute(
                "INSERT INTO figures (doc_id, span_start, span_end, text, value, value_high, unit, kind, qualifier, "
                "year, period, indicator, region, role, sentence_start, sentence_end, region_how, period_how) "
                "VALUES (?, ?, ?, '8.5亿元', ?, ?, ?, 'money', ?, ?, ?, ?, ?, ?, 0, 10, ?, 'running')",
                [doc_id, n, n + 5, value, high, rng.choice([UNIT, UNIT, UNIT, "%"]),
                 rng.choice(["", "", "more_than", "about"]), None if rng.random() < 0.05 else rng.randint(2018, 2023),
                 "", INDICATOR, rng.choice(REGIONS), rng.choice(ROLES), rng.choice(["clause", "guessed"])])
    db.conn.commit()
    return db


def two_reads(db: sqlite_utils.Database, regions: list[str] | None, figure: Figure | None) -> list[Point]:
    """The points as read before: the spots, then their figures by id."""
    spots = store_figures.series_spots(db, INDICATOR, UNIT, ROLES, regions)
    clicked = (series_service.figure_position(figure), figure.id or 0) if figure is not None else None
    ids = [clicked[1] if clicked is not None and spot[:6] == clicked[0] else int(spot[7]) for spot in spots]
    found = store_figures.points_by_id(db, ids)
    points = []
    for spot, figure_id in zip(spots, ids, strict=True):
        point = found.get(figure_id)
        if point is not None:
            point.reports = int(spot[6])
            points.append(point)
    return points


def marker(point: Point) -> Point:
    """A point as the chart reads it for its marker: without the details read when pointed at."""
    return replace(point, doc_title="", start=0, end=0, text="", indicator_how="", modality="actual")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_statement_gives_the_points_of_two_reads(tmp_path: Path, seed: int) -> None:
    db = invented_store(tmp_path / "s.db", seed)
    for regions in (None, REGIONS[:2], [REGIONS[3]]):
        points = series_service.chart_marks(db, INDICATOR, UNIT, ROLES, regions)[0]
        assert points == [marker(p) for p in two_reads(db, regions, None)]
        assert series_service.point_details(db, points) == two_reads(db, regions, None)
        assert any(p.reports > 1 for p in points) and len(points) > 10, "markers standing for several reports"
    drawn = [f for d in range(1, 41) for f in store_figures.document_figures(db, d)
             if f.unit == UNIT and f.year is not None]
    for figure in drawn[::3]:  # a click: the clicked figure stands at its own place, its details read
        points = series_service.chart_marks(db, INDICATOR, UNIT, ROLES, None, figure)[0]
        expected = two_reads(db, None, figure)
        assert [marker(p) for p in points] == [marker(p) for p in expected]
        assert series_service.point_details(db, points) == expected
        assert figure.id in {p.figure_id for p in points}


def test_a_clicked_figure_stands_for_its_place_with_the_reports_behind_it(tmp_path: Path) -> None:
    db = invented_store(tmp_path / "s.db", 4)
    latest = {series_service.position(p): p for p in series_service.chart_marks(db, INDICATOR, UNIT, ROLES, None)[0]}
    behind = next(p for p in latest.values() if p.reports > 1)
    older = next(f for d in range(1, 41) for f in store_figures.document_figures(db, d)
                 if f.unit == UNIT and series_service.figure_position(f) == series_service.position(behind)
                 and f.id != behind.figure_id)
    points = series_service.chart_marks(db, INDICATOR, UNIT, ROLES, None, older)[0]
    shown = next(p for p in points if series_service.position(p) == series_service.position(behind))
    assert (shown.figure_id, shown.reports) == (older.id, behind.reports)
    assert len(points) == len(latest)


def test_the_grouped_part_reads_only_the_covering_index(tmp_path: Path) -> None:
    db = invented_store(tmp_path / "s.db", 5)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    assert store_marks.chart_marks(db, INDICATOR, UNIT, ROLES, REGIONS[:2], 12)[0] != []
    db.conn.set_trace_callback(None)
    [query] = statements
    plan = [str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + query)]
    assert any("SEARCH f USING COVERING INDEX figures_series" in step for step in plan), plan
    assert not any(step.startswith("SCAN") and "figures" in step for step in plan), plan
