"""Read every target figure with the outcome the target check stored for it and the actual it
was compared with."""

from __future__ import annotations

from typing import Any

from viewer.store.connection import Queryable, in_chunks

# The target check's finding on a figure (None: the check did not look at it).
_TARGET_CHECK = (
    "(SELECT e.check_id FROM check_evidence e JOIN checks c ON c.id = e.check_id "
    "WHERE e.figure_id = f.id AND e.label = 'target' AND c.kind = 'target' ORDER BY e.check_id LIMIT 1)"
)
TARGET_COLUMNS = (
    "figure_id", "doc_id", "doc_title", "start", "end", "sentence_start", "sentence_end", "text", "indicator",
    "region", "year", "period", "value", "unit", "check_id",
)
ACTUAL_COLUMNS = ("check_id", "verdict", "text", "year", "doc_id", "start", "end", "figure_id")


def target_figures(db: Queryable) -> list[dict[str, Any]]:
    """Every target figure not excluded by the reviewer (TARGET_COLUMNS), by indicator, region,
    year and document."""
    sql = (
        "SELECT f.id, f.doc_id, d.title, f.span_start, f.span_end, f.sentence_start, f.sentence_end, f.text, "
        f"f.indicator, f.region, f.year, f.period, f.value, f.unit, {_TARGET_CHECK} "
        "FROM figures f JOIN documents d ON d.id = f.doc_id WHERE f.role = 'target' AND NOT f.excluded "
        "ORDER BY f.indicator IS NULL, f.indicator, f.region, f.year, d.year, f.doc_id, f.span_start"
    )
    return [dict(zip(TARGET_COLUMNS, row, strict=True)) for row in db.execute(sql)]


def check_outcomes(db: Queryable, check_ids: list[int]) -> dict[int, dict[str, Any]]:
    """check id -> its verdict and the first actual it cites (ACTUAL_COLUMNS; text and the rest
    None when it cites none)."""
    found: dict[int, dict[str, Any]] = {}
    for chunk, marks in in_chunks(check_ids):
        rows = db.execute(
            "SELECT c.id, c.verdict, e.text, e.year, e.doc_id, e.span_start, e.span_end, e.figure_id FROM checks c "
            "LEFT JOIN check_evidence e ON e.id = (SELECT a.id FROM check_evidence a WHERE a.check_id = c.id "
            "AND a.label = 'actual' ORDER BY a.idx LIMIT 1) "
            f"WHERE c.id IN ({marks})", chunk)
        found.update((int(row[0]), dict(zip(ACTUAL_COLUMNS, row, strict=True))) for row in rows)
    return found
