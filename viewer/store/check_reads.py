"""What the figure checks read besides `checks`: figures with the fields the checks use, by
sentence or by series, and the levels of a series and year in a few columns first, so that a
check reads the whole row only of the figures it can use."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from viewer.model import Figure
from viewer.store.checks import CORPUS_ORDER
from viewer.store.connection import Queryable, in_chunks

# The columns of a figure the checks read. The others (confidence, provisional, how each slot was
# found, modality, source) keep their defaults: no check reads them, and a run reads every figure
# twice. Excluded figures (not data points) are never read.
CHECK_COLUMNS = (
    "id, doc_id, span_start, span_end, text, value, value_high, unit, unit_text, kind, qualifier, year, "
    "period, period_start, period_end, indicator, region, role, sentence_start, sentence_end"
)
Sentence = tuple[int, int, str, list[Figure]]  # sentence start, end, text, figures in text order
LevelRow = tuple[int, str, str, str, str]  # id, unit, kind, role, period


def check_figure(row: Any) -> Figure:
    """A Figure from a row of CHECK_COLUMNS; arguments in field order (see `figure_from_row`)."""
    (fid, doc_id, start, end, text, value, high, unit, unit_text, kind, qualifier, year, period, p_start,
     p_end, indicator, region, role, s_start, s_end) = row
    return Figure(start, end, text, value, unit, kind, qualifier, high, unit_text, year, period, p_start, p_end,
                  indicator, region, role, s_start, s_end, 1.0, fid, doc_id)


def sentences_with_figures(db: Queryable, doc_id: int) -> list[Sentence]:
    """The sentences of a document with figures that are data points (not excluded), in text
    order, with their text and those figures in text order."""
    grouped: dict[tuple[int, int], list[Figure]] = {}
    for row in db.execute(f"SELECT {CHECK_COLUMNS} FROM figures WHERE doc_id = ? AND excluded = 0 "
                          "ORDER BY span_start", [doc_id]):
        figure = check_figure(row)
        sentence = (figure.sentence_start, figure.sentence_end)
        found = grouped.get(sentence)
        if found is None:
            grouped[sentence] = [figure]
        else:
            found.append(figure)
    if not grouped:
        return []
    row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    text = str(row[0]) if row else ""
    return [(start, end, text[start:end], found) for (start, end), found in sorted(grouped.items())]


def series_figures(db: Queryable, indicator: str, regions: Collection[str] | None = None,
                   roles: Collection[str] | None = None) -> Iterator[Figure]:
    """The figures (not excluded) of an indicator (only in `regions`, and only those with a value
    and one of `roles`, when given), by region, each region's in corpus order; read as they are
    consumed."""
    sql = f"SELECT {CHECK_COLUMNS} FROM figures WHERE indicator = ? AND excluded = 0"
    params: list[Any] = [indicator]
    if regions is not None:
        sql += " AND region IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(regions)))
    if roles is not None:
        sql += " AND value IS NOT NULL AND role IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(roles)))
    for row in db.execute(sql + f" ORDER BY region, {CORPUS_ORDER}", params):
        yield check_figure(row)


_LEVEL_ROLES = "('actual', 'share', 'estimate')"  # the roles of a level (see `year_level_rows`)


def level_units(db: Queryable, indicator: str) -> list[str]:
    """The units of an indicator's figures (excluded ones too) with a value and a role that
    reports a level: the units `year_level_rows` seeks, none for an indicator without levels."""
    return [str(r[0]) for r in db.execute(
        f"SELECT DISTINCT unit FROM figures WHERE indicator = ? AND role IN {_LEVEL_ROLES} AND value IS NOT NULL",
        [indicator])]


def year_level_rows(db: Queryable, indicator: str, units: Collection[str], region: str, year: int) -> list[LevelRow]:
    """(id, unit, kind, role, period) of the figures (not excluded) of an indicator, region and
    year with a value and a role that reports a level (actual, share, estimate), in corpus order:
    one index seek per unit. `figures_by_id` reads whole rows of those a check can use."""
    marks = ", ".join("?" * len(units))
    rows: list[LevelRow] = db.execute(
        f"SELECT id, unit, kind, role, period FROM figures WHERE indicator = ? AND unit IN ({marks}) "
        f"AND region = ? AND role IN {_LEVEL_ROLES} AND year = ? AND excluded = 0 "
        f"AND value IS NOT NULL ORDER BY {CORPUS_ORDER}",
        [indicator, *units, region, year]).fetchall()
    return rows


def figures_by_id(db: Queryable, figure_ids: Sequence[int]) -> list[Figure]:
    """The figures of these ids in the order given (ids not in the store left out), with the
    fields the checks read."""
    found: dict[int, Figure] = {}
    for chunk, marks in in_chunks(figure_ids):
        for row in db.execute(f"SELECT {CHECK_COLUMNS} FROM figures WHERE id IN ({marks})", list(chunk)):
            found[int(row[0])] = check_figure(row)
    return [found[i] for i in figure_ids if i in found]
