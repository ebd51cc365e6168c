"""What a plan evaluation reads (documents with targets, the figures of their indicators) and the
reviewer's exclusions of its rows."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from viewer.model import Figure
from viewer.store.connection import Queryable, in_chunks, write_transaction
from viewer.store.figures import FIGURE_COLUMNS, figure_from_row
from viewer.store.reviewer_rows import put_plan_exclusion, record_plan_exclusion

if TYPE_CHECKING:
    import sqlite_utils

HEAD_CHARS = 1500  # of a document's text, where a plan says what it is (十四五, 到2025年, 规划基年)
_COLUMNS = ", ".join("f." + c.strip() for c in FIGURE_COLUMNS.split(","))


DocumentRow = tuple[int, str, str | None, int | None, str, str, str, int]
_DOCUMENTS = (
    f"SELECT d.id, d.title, d.region, d.year, d.kind, d.path, substr(d.text, 1, {HEAD_CHARS}), "
    "(SELECT count(*) FROM figures f WHERE f.doc_id = d.id AND f.modality = 'target' "
    "AND f.value IS NOT NULL AND f.excluded = 0) AS n FROM documents d "
)


def _document_row(r: tuple[object, ...]) -> DocumentRow:
    return (int(str(r[0])), str(r[1]), r[2] if r[2] is None else str(r[2]), r[3] if r[3] is None else int(str(r[3])),
            str(r[4]), str(r[5]), str(r[6]), int(str(r[7])))


def documents_with_targets(db: Queryable) -> list[DocumentRow]:
    """(id, title, region, year, kind, path, head of the text, targets) of every document that
    states a target or is filed as a plan."""
    sql = _DOCUMENTS + "WHERE d.kind = 'plan' OR n > 0 ORDER BY d.year DESC, d.title"
    return [_document_row(r) for r in db.execute(sql)]


def document_with_targets(db: Queryable, doc_id: int) -> DocumentRow | None:
    row = db.execute(_DOCUMENTS + "WHERE d.id = ?", [doc_id]).fetchone()
    return _document_row(row) if row else None


def document_text(db: Queryable, doc_id: int) -> str | None:
    row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return str(row[0]) if row else None


def plan_figures(db: Queryable, doc_id: int) -> list[Figure]:
    """Every figure of a document that is a data point, in text order."""
    sql = f"SELECT {_COLUMNS} FROM figures f WHERE f.doc_id = ? AND f.excluded = 0 ORDER BY f.span_start"
    return [figure_from_row(r) for r in db.execute(sql, [doc_id])]


def figures_of(db: Queryable, indicators: Sequence[str], regions: Sequence[str],
               ) -> list[tuple[Figure, int | None, str]]:
    """(figure, its document's year, title) of every figure of these indicators in these regions
    (all roles and modalities; not the excluded)."""
    if not indicators or not regions:
        return []
    found: list[tuple[Figure, int | None, str]] = []
    region_marks = ", ".join("?" * len(regions))
    for chunk, marks in in_chunks(list(indicators)):
        sql = (
            f"SELECT {_COLUMNS}, d.year, d.title FROM figures f JOIN documents d ON d.id = f.doc_id "
            f"WHERE f.indicator IN ({marks}) AND f.region IN ({region_marks}) AND f.excluded = 0 "
            "AND f.value IS NOT NULL AND f.year IS NOT NULL"
        )
        found.extend((figure_from_row(r[:-2]), r[-2], str(r[-1])) for r in db.execute(sql, [*chunk, *regions]))
    return found


def region_levels(db: Queryable, regions: Sequence[str], first_year: int, last_year: int,
                  ) -> list[tuple[Figure, int | None, str]]:
    """(figure, document year, title) of the actual levels in these regions and years, any
    indicator: where a target reported under another name is looked for."""
    if not regions:
        return []
    marks = ", ".join("?" * len(regions))
    sql = (
        f"SELECT {_COLUMNS}, d.year, d.title FROM figures f JOIN documents d ON d.id = f.doc_id "
        f"WHERE f.region IN ({marks}) AND f.year BETWEEN ? AND ? AND f.role IN ('actual', 'share') "
        "AND f.modality = 'actual' AND f.indicator IS NOT NULL AND f.excluded = 0 AND f.value IS NOT NULL"
    )
    return [(figure_from_row(r[:-2]), r[-2], str(r[-1])) for r in db.execute(sql, [*regions, first_year, last_year])]


def sentences(db: Queryable, figure_ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk, marks in in_chunks(list(figure_ids)):
        rows = db.execute(
            "SELECT f.id, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) "
            f"FROM figures f JOIN documents d ON d.id = f.doc_id WHERE f.id IN ({marks})", chunk)
        found.update((int(r[0]), str(r[1])) for r in rows)
    return found


# -- the reviewer's exclusions ---------------------------------------------------------------
def exclusions(db: Queryable, doc_path: str) -> dict[str, str]:
    """row key -> reason, for the plan stored from `doc_path`."""
    rows = db.execute("SELECT row_key, reason FROM plan_exclusions WHERE doc_path = ?", [doc_path])
    return {str(r[0]): str(r[1]) for r in rows}


def exclude(db: sqlite_utils.Database, doc_path: str, row_key: str, reason: str, author: str = "") -> None:
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    with write_transaction(db):
        put_plan_exclusion(db.conn, {"doc_path": doc_path, "row_key": row_key, "reason": reason, "author": author,
                                     "created_at": now})
        record_plan_exclusion(db.conn, doc_path, row_key)  # the journal beside the store


def include(db: sqlite_utils.Database, doc_path: str, row_key: str) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM plan_exclusions WHERE doc_path = ? AND row_key = ?", [doc_path, row_key])
        record_plan_exclusion(db.conn, doc_path, row_key)


def exclusion_rows(db: Queryable) -> list[tuple[Any, ...]]:
    """(doc_path, row_key, reason, author, created_at) of every exclusion."""
    return db.execute("SELECT doc_path, row_key, reason, author, created_at FROM plan_exclusions "
                      "ORDER BY doc_path, row_key").fetchall()
