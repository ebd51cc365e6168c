"""Read figures and the points of an indicator's series, with their provenance."""

from __future__ import annotations

from typing import Any

from viewer.model import Figure, Point, weak_slots
from viewer.store.connection import Queryable, in_chunks

FIGURE_COLUMNS = (
    "id, doc_id, span_start, span_end, text, value, value_high, unit, unit_text, kind, qualifier, year, "
    "period, period_start, period_end, indicator, region, role, sentence_start, sentence_end, confidence, "
    "provisional, indicator_how, region_how, period_how, modality, source, excluded"
)


def figure_from_row(row: Any) -> Figure:
    """A Figure from a row of FIGURE_COLUMNS; arguments in field order, as keywords cost three
    times as much for a class of 26 fields and the checks read every figure (tests check the order)."""
    (fid, doc_id, start, end, text, value, high, unit, unit_text, kind, qualifier, year, period, p_start,
     p_end, indicator, region, role, s_start, s_end, confidence, provisional, indicator_how, region_how,
     period_how, modality, source, excluded) = row
    return Figure(start, end, text, value, unit, kind, qualifier, high, unit_text, year, period, p_start, p_end,
                  indicator, region, role, s_start, s_end, confidence, fid, doc_id, bool(provisional),
                  indicator_how, region_how, period_how, modality, source, bool(excluded))


def document_figures(db: Queryable, doc_id: int) -> list[Figure]:
    return [
        figure_from_row(r)
        for r in db.execute(f"SELECT {FIGURE_COLUMNS} FROM figures WHERE doc_id = ? ORDER BY span_start", [doc_id])
    ]


def get_figure(db: Queryable, figure_id: int) -> Figure | None:
    row = db.execute(f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?", [figure_id]).fetchone()
    return figure_from_row(row) if row else None


def all_figures(db: Queryable) -> list[tuple[str, str, Figure]]:
    """Every figure with its document's file name and sentence, in document order."""
    sql = (
        f"SELECT d.file_name, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start), "
        f"{', '.join('f.' + c.strip() for c in FIGURE_COLUMNS.split(','))} "
        "FROM figures f JOIN documents d ON d.id = f.doc_id ORDER BY d.file_name, f.span_start"
    )
    return [(r[0], r[1], figure_from_row(r[2:])) for r in db.execute(sql)]


def indicator_units(db: Queryable, indicator: str, roles: tuple[str, ...]) -> list[tuple[str, str, int]]:
    """(unit, kind, count) of an indicator's figures with a value in these roles, most frequent
    first (ties: by unit, then kind), from the counts migration 21 keeps."""
    marks = ", ".join("?" * len(roles))
    return [
        (r[0], r[1], r[2])
        for r in db.execute(
            f"SELECT unit, kind, sum(figures) n FROM indicator_unit_counts WHERE indicator = ? AND role IN ({marks}) "
            "AND valued = 1 GROUP BY unit, kind ORDER BY n DESC, unit, kind",
            [indicator, *roles],
        )
    ]


_POINT_COLUMNS = (
    "f.year, f.value, f.region, f.role, f.qualifier, f.id, f.doc_id, d.title, f.span_start, f.span_end, "
    "{sentence}, f.text, f.period, f.value_high, f.indicator, f.provisional, f.indicator_how, f.region_how, "
    "f.period_how, f.modality, f.source"
)
# A point's place in the rows of `series_rows`.
YEAR, VALUE, REGION, ROLE, QUALIFIER, FIGURE_ID, DOC_ID = range(7)
PERIOD = 12


def series_rows(
    db: Queryable,
    indicator: str,
    unit: str,
    roles: tuple[str, ...],
    regions: list[str] | None = None,
    with_sentences: bool = False,
) -> list[tuple[Any, ...]]:
    """The rows of a series' points (make them with `point`), ordered by region, year, role, the
    document's year, the document and the figure. Source sentences are read from each document's text, which
    costs more than the rest of the query for a series over hundreds of documents, so only on
    request (exports); a chart asks `figure_sentences` for the point under the mouse."""
    sentence = "substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start)" if with_sentences else "''"
    where, params = series_filter(indicator, unit, roles, regions)
    sql = (
        f"SELECT {_POINT_COLUMNS.format(sentence=sentence)} FROM figures f JOIN documents d ON d.id = f.doc_id "
        f"WHERE {where} ORDER BY f.region, f.year, f.role, d.year, f.doc_id, f.id"
    )
    return db.execute(sql, params).fetchall()


def series_filter(
    indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None
) -> tuple[str, list[Any]]:
    """The WHERE clause (on figures `f`) of a series' drawable figures, with its parameters."""
    where = (
        f"f.indicator = ? AND f.unit = ? AND f.role IN ({', '.join('?' * len(roles))}) "
        "AND f.year IS NOT NULL AND f.value IS NOT NULL"
    )
    # With regions named, `region IS NOT NULL` must not be there too: SQLite reads it as a range
    # of the index and scans every region of the indicator (31,000 entries instead of 9,000 at
    # 10,000 reports) rather than seeking each region named.
    if regions:
        where += f" AND f.region IN ({', '.join('?' * len(regions))})"
    else:
        where += " AND f.region IS NOT NULL"
    return where, [indicator, unit, *roles, *(regions or [])]


def point(row: tuple[Any, ...]) -> Point:
    """A chart point from a row of `_POINT_COLUMNS`. Arguments in field order: keywords cost
    twice as much, and a chart makes hundreds of points per click."""
    (year, value, region, role, qualifier, figure_id, doc_id, title, start, end, sentence, text, period, high,
     indicator, provisional, indicator_how, region_how, period_how, modality, source) = row
    provisional = bool(provisional)
    # weak_slots reads a Figure: the slots it looks at, the rest as the point's
    attributed = Figure(start, end, text, value, "", "", "", None, "", year, "", None, None, indicator, region,
                        role, 0, 0, 1.0, figure_id, doc_id, provisional, indicator_how, region_how, period_how,
                        modality, source)
    return Point(year, value, region, role, qualifier, figure_id, doc_id, title, start, end, sentence, text, period,
                 high, 1, provisional, indicator_how, region_how, period_how, modality, weak_slots(attributed),
                 source)


def figure_sentences(db: Queryable, figure_ids: list[int]) -> dict[int, str]:
    """figure id -> the sentence it was found in."""
    found: dict[int, str] = {}
    for chunk, marks in in_chunks(figure_ids):
        rows = db.execute(
            "SELECT f.id, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) "
            f"FROM figures f JOIN documents d ON d.id = f.doc_id WHERE f.id IN ({marks})",
            chunk,
        )
        found.update((int(r[0]), str(r[1])) for r in rows)
    return found


def indicator_region_counts(db: Queryable, indicator: str) -> dict[str, int]:
    """region -> figures of the indicator there (any unit or role), as the triggers of migration
    18 keep them: enough to rank which regions a chart draws first."""
    return {
        str(r[0]): int(r[1])
        for r in db.execute("SELECT region, figures FROM indicator_region_counts WHERE indicator = ?", [indicator])
    }


def busiest_regions(db: Queryable, indicator: str, limit: int) -> list[str]:
    """The `limit` regions with the most figures of the indicator (ties: by name, as Python orders
    strings: UTF-8 bytes compare in code point order)."""
    return [str(r[0]) for r in db.execute(
        "SELECT region FROM indicator_region_counts WHERE indicator = ? ORDER BY figures DESC, region LIMIT ?",
        [indicator, limit])]


def indicator_names(db: Queryable) -> list[tuple[str, int]]:
    """(indicator, figures) for every indicator, most figures first (ties: by name), from the
    counts migration 21 keeps."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT indicator, sum(figures) n FROM indicator_unit_counts GROUP BY indicator ORDER BY n DESC, indicator"
        )
    ]


# The order of a series' reports (see `series_rows`): the document's year, the document, the
# figure, packed in one integer (13, 20 and 30 bits) so that SQL's max() picks the latest report
# of a group and names its figure. The year is read from document_years (migration 20), a few
# pages, rather than from each figure's documents row.
_REPORT_KEY = "(((coalesce(d.year, -1) + 1) << 50) | (f.doc_id << 30) | f.id)"
FIGURE_BITS = (1 << 30) - 1
_SPOT_COLUMNS = "f.region, f.role, f.year, f.value, f.qualifier, f.value_high"


def series_spots(
    db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str] | None = None,
) -> list[tuple[Any, ...]]:
    """One row per place a chart draws: (region, role, year, value, qualifier, value_high,
    reports, latest figure id), in the order of `series_rows`, the latest report standing for
    the others. Many reports stating the same value for the same year and region are one marker;
    the rows do not grow with them."""
    where, params = series_filter(indicator, unit, roles, regions)
    sql = f"{grouped_spots(where)} ORDER BY f.region, f.year, f.role, k"
    return [(*r[:7], r[7] & FIGURE_BITS) for r in db.execute(sql, params)]


def grouped_spots(where: str) -> str:
    return (f"SELECT {_SPOT_COLUMNS}, count(DISTINCT f.doc_id) AS reports, max({_REPORT_KEY}) AS k "
            f"FROM figures f JOIN document_years d ON d.id = f.doc_id WHERE {where} GROUP BY {_SPOT_COLUMNS}")


def points_by_id(db: Queryable, figure_ids: list[int]) -> dict[int, Point]:
    """figure id -> its point (without the sentence)."""
    found: dict[int, Point] = {}
    for chunk, marks in in_chunks(figure_ids):
        rows = db.execute(
            f"SELECT {_POINT_COLUMNS.format(sentence=repr(''))} FROM figures f JOIN documents d ON d.id = f.doc_id "
            f"WHERE f.id IN ({marks})", chunk)
        found.update((int(r[FIGURE_ID]), point(r)) for r in rows)
    return found


def spot_figure_ids(
    db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str],
) -> list[tuple[Any, ...]]:
    """(figure id, region, role, year, value, qualifier, value_high) of the figures behind the
    spots of these regions (`series_spots`) that a check which can flag a chart point cites (a
    conflict, an outlier, a part of a year, a target): few, however many reports there are."""
    where, params = series_filter(indicator, unit, roles, regions)
    cited = ("EXISTS (SELECT 1 FROM check_evidence e CROSS JOIN checks c ON c.id = e.check_id "
             "WHERE e.figure_id = f.id AND c.kind IN ('conflict', 'outlier', 'part_year', 'target'))")
    return db.execute(f"SELECT f.id, {_SPOT_COLUMNS} FROM figures f WHERE {where} AND {cited}", params).fetchall()


def spot_flag_rows(
    db: Queryable, indicator: str, unit: str, roles: tuple[str, ...], regions: list[str],
) -> list[tuple[Any, ...]]:
    """(figure id, region, role, year, value, qualifier, value_high, check kind, verdict,
    evidence label, document id) of the evidence that cites the figures behind the spots of
    these regions in a check which can flag a chart point, in the order of the checks and their
    evidence: what `spot_figure_ids` and the findings' rows of its figures give, in one statement."""
    where, params = series_filter(indicator, unit, roles, regions)
    return db.execute(
        f"SELECT f.id, {_SPOT_COLUMNS}, c.kind, c.verdict, e.label, f.doc_id FROM figures f "
        "JOIN check_evidence e ON e.figure_id = f.id JOIN checks c ON c.id = e.check_id "
        f"WHERE {where} AND c.kind IN ('conflict', 'outlier', 'part_year', 'target') ORDER BY c.id, e.idx",
        params).fetchall()


def figure_at_span(db: Queryable, doc_id: int, start: int, end: int) -> tuple[int, int, int] | None:
    """(figure id, sentence start, sentence end) of the document's figure spanning start..end."""
    row = db.execute(
        "SELECT id, sentence_start, sentence_end FROM figures WHERE doc_id = ? AND span_start = ? AND span_end = ?",
        [doc_id, start, end],
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]), int(row[2]))
