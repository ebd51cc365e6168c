"""Provisional indicators as the store holds them: which, how many figures in how many
documents, their units and a few example figures with their sentences.

A figure counts under its provisional indicator while the analysis named it: a figure whose
indicator a reviewer corrected, or that the reviewer excluded, is no longer the phrase's.
"""

from __future__ import annotations

from viewer.model.provisional import ProvisionalExample, ProvisionalIndicator
from viewer.store.connection import Queryable, in_chunks

# The figures still filed under their provisional indicator (`f` is figures).
_STILL_PROVISIONAL = (
    "f.provisional = 1 AND f.excluded = 0 AND f.indicator IS NOT NULL AND (f.source = 'machine' OR NOT EXISTS ("
    "SELECT 1 FROM corrections c JOIN documents cd ON cd.path = c.doc_path WHERE cd.id = f.doc_id "
    "AND c.span_start = f.span_start AND c.span_end = f.span_end AND c.status != 'orphaned' "
    "AND json_type(c.changes, '$.indicator') IS NOT NULL))"
)


def provisional_indicators(db: Queryable, examples: int = 3) -> list[ProvisionalIndicator]:
    """Every provisional indicator, most figures first, with up to `examples` example figures
    (in document order). One pass over the figures table (an index would be walked for every
    row with an indicator), counted here; then the examples' sentences by id."""
    figures: dict[str, int] = {}
    documents: dict[str, set[int]] = {}
    units: dict[str, dict[str, int]] = {}
    first: dict[str, list[tuple[int, int, int]]] = {}  # name -> (doc id, start, figure id), the earliest
    rows = db.execute(
        f"SELECT f.indicator, f.doc_id, f.unit, f.span_start, f.id FROM figures f NOT INDEXED WHERE {_STILL_PROVISIONAL}"
    )
    for name, doc_id, unit, start, figure_id in rows:
        figures[name] = figures.get(name, 0) + 1
        documents.setdefault(name, set()).add(doc_id)
        by_unit = units.setdefault(name, {})
        by_unit[unit] = by_unit.get(unit, 0) + 1
        if examples > 0:
            earliest = first.setdefault(name, [])
            earliest.append((doc_id, start, figure_id))
            if len(earliest) > 4 * examples:  # keep the list short; sorted once at the end
                earliest.sort()
                del earliest[examples:]
    shown = _examples({name: sorted(found)[:examples] for name, found in first.items()}, db)
    ordered = sorted(figures, key=lambda name: (-figures[name], name))
    return [
        ProvisionalIndicator(name, figures[name], len(documents[name]),
                             tuple(sorted(units[name], key=lambda u: (-units[name][u], u))), tuple(shown.get(name, ())))
        for name in ordered
    ]


def _examples(chosen: dict[str, list[tuple[int, int, int]]], db: Queryable) -> dict[str, list[ProvisionalExample]]:
    ids = [figure_id for found in chosen.values() for _, _, figure_id in found]
    read: dict[int, ProvisionalExample] = {}
    for chunk, marks in in_chunks(ids):
        for figure_id, doc_id, text, sentence, title in db.execute(
            "SELECT f.id, f.doc_id, f.text, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start), "
            f"d.title FROM figures f JOIN documents d ON d.id = f.doc_id WHERE f.id IN ({marks})",
            chunk,
        ):
            read[figure_id] = ProvisionalExample(figure_id, doc_id, text, sentence, title)
    return {name: [read[i] for _, _, i in found if i in read] for name, found in chosen.items()}


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
