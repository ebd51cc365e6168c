"""Provisional indicators as the store holds them: which, how many figures in how many
documents, their units and a few example figures with their sentences.

A figure counts under its provisional indicator while the analysis named it: a figure whose
indicator a reviewer corrected, or that the reviewer excluded, is no longer the phrase's.
"""

from __future__ import annotations

from viewer.model.provisional import ProvisionalExample, ProvisionalIndicator
from viewer.store.connection import Queryable

# The figures still filed under their provisional indicator (`f` is figures).
_STILL_PROVISIONAL = (
    "f.provisional = 1 AND f.excluded = 0 AND f.indicator IS NOT NULL AND (f.source = 'machine' OR NOT EXISTS ("
    "SELECT 1 FROM corrections c JOIN documents cd ON cd.path = c.doc_path WHERE cd.id = f.doc_id "
    "AND c.span_start = f.span_start AND c.span_end = f.span_end AND c.status != 'orphaned' "
    "AND json_type(c.changes, '$.indicator') IS NOT NULL))"
)


def provisional_indicators(db: Queryable, examples: int = 3) -> list[ProvisionalIndicator]:
    """Every provisional indicator, most figures first, with up to `examples` example figures
    (in document order)."""
    counts = db.execute(
        "SELECT f.indicator, count(*), count(DISTINCT f.doc_id) FROM figures f "
        f"WHERE {_STILL_PROVISIONAL} GROUP BY f.indicator ORDER BY 2 DESC, 1"
    ).fetchall()
    units: dict[str, list[str]] = {}
    for name, unit, _n in db.execute(
        f"SELECT f.indicator, f.unit, count(*) n FROM figures f WHERE {_STILL_PROVISIONAL} "
        "GROUP BY f.indicator, f.unit ORDER BY f.indicator, n DESC, f.unit"
    ):
        units.setdefault(name, []).append(unit)
    shown: dict[str, list[ProvisionalExample]] = {}
    if examples > 0:
        rows = db.execute(
            "SELECT e.indicator, e.id, e.doc_id, e.text, "
            "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), d.title "
            "FROM (SELECT f.indicator, f.id, f.doc_id, f.text, f.sentence_start, f.sentence_end, "
            "row_number() OVER (PARTITION BY f.indicator ORDER BY f.doc_id, f.span_start) AS n "
            f"FROM figures f WHERE {_STILL_PROVISIONAL}) e JOIN documents d ON d.id = e.doc_id "
            "WHERE e.n <= ? ORDER BY e.indicator, e.n",
            [examples],
        )
        for name, figure_id, doc_id, text, sentence, title in rows:
            shown.setdefault(name, []).append(ProvisionalExample(figure_id, doc_id, text, sentence, title))
    return [
        ProvisionalIndicator(name, figures, documents, tuple(units.get(name, ())), tuple(shown.get(name, ())))
        for name, figures, documents in counts
    ]


def provisional_figures(db: Queryable, name: str) -> list[tuple[int, int]]:
    """(figure id, document id) of the figures filed under the provisional indicator `name`."""
    rows = db.execute(
        f"SELECT f.id, f.doc_id FROM figures f WHERE f.indicator = ? AND {_STILL_PROVISIONAL} ORDER BY f.id",
        [name],
    )
    return [(int(r[0]), int(r[1])) for r in rows]


def is_provisional(db: Queryable, name: str) -> bool:
    """Whether some figure is filed under the provisional indicator `name`."""
    row = db.execute(f"SELECT 1 FROM figures f WHERE f.indicator = ? AND {_STILL_PROVISIONAL} LIMIT 1",
                     [name]).fetchone()
    return row is not None
