"""What the figure checks read besides `checks`: the levels of a series and year in a few columns
first, so that a check reads the whole row only of the figures it can use."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from viewer.model import Figure
from viewer.store.checks import CORPUS_ORDER
from viewer.store.connection import Queryable, in_chunks
from viewer.store.figures import FIGURE_COLUMNS, figure_from_row

LevelRow = tuple[int, str, str, str, str]  # id, unit, kind, role, period


def year_level_rows(db: Queryable, indicator: str, units: Collection[str], region: str, year: int) -> list[LevelRow]:
    """(id, unit, kind, role, period) of the figures (not excluded) of an indicator, region and
    year with a value and a role that reports a level (actual, share, estimate), in corpus order:
    one index seek per unit. `figures_by_id` reads whole rows of those a check can use."""
    marks = ", ".join("?" * len(units))
    rows: list[LevelRow] = db.execute(
        f"SELECT id, unit, kind, role, period FROM figures WHERE indicator = ? AND unit IN ({marks}) "
        "AND region = ? AND role IN ('actual', 'share', 'estimate') AND year = ? AND excluded = 0 "
        f"AND value IS NOT NULL ORDER BY {CORPUS_ORDER}",
        [indicator, *units, region, year]).fetchall()
    return rows


def figures_by_id(db: Queryable, figure_ids: Sequence[int]) -> list[Figure]:
    """The figures of these ids in the order given (ids not in the store left out)."""
    found: dict[int, Figure] = {}
    for chunk, marks in in_chunks(figure_ids):
        for row in db.execute(f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id IN ({marks})", list(chunk)):
            found[int(row[0])] = figure_from_row(row)
    return [found[i] for i in figure_ids if i in found]
