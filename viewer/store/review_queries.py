"""Cheap reads for the panes of a large store: counts, one document's share, lookups by id.

The panes never load every finding or every document row: they ask for per-document counts
(kept when findings are written: viewer/store/finding_counts.py), then for one document's
findings when it is shown, then for one finding's full evidence when it is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from viewer.model import Document
from viewer.model.review import Evidence, Finding
from viewer.store.connection import Queryable, in_chunks

_CHECK_COLUMNS = "id, kind, verdict, pattern, message, message_en, stated, computed, unit"
_EVIDENCE_COLUMNS = (
    "e.label, e.doc_id, e.span_start, e.span_end, e.text, e.sentence_start, e.sentence_end, "
    "e.figure_id, e.value, e.unit, e.year"
)


def document_rows(db: Queryable) -> list[Document]:
    """Every document for the library list, without text, hash or import time.

    Only columns stored before the text are read, so SQLite does not walk each row's
    overflow pages.
    """
    return [
        Document(id=r[0], path=r[1], sha256="", text="", title=r[2], region=r[3], year=r[4], kind=r[5],
                 published=r[6])
        for r in db.execute(
            "SELECT id, path, title, region, year, kind, published FROM documents ORDER BY year DESC, title"
        )
    ]


def document_path(db: Queryable, doc_id: int) -> str | None:
    row = db.execute("SELECT path FROM documents WHERE id = ?", [doc_id]).fetchone()
    return str(row[0]) if row else None


def largest_document_id(db: Queryable) -> int | None:
    row = db.execute("SELECT id FROM documents ORDER BY length(text) DESC, id LIMIT 1").fetchone()
    return int(row[0]) if row else None


def documents_by_id(db: Queryable, doc_ids: Iterable[int]) -> list[Document]:
    """The listed documents (as `document_rows` gives them), in library order."""
    ids = sorted(set(doc_ids))
    found: list[Document] = []
    for chunk, marks in in_chunks(ids):
        found += [
            Document(id=r[0], path=r[1], sha256="", text="", title=r[2], region=r[3], year=r[4], kind=r[5],
                     published=r[6])
            for r in db.execute(
                "SELECT id, path, title, region, year, kind, published FROM documents "
                f"WHERE id IN ({marks})", chunk)
        ]
    found.sort(key=lambda d: (-(d.year or 0), d.title))
    return found


def entity_document_ids(db: Queryable, entity_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT doc_id FROM entity_spans WHERE entity_id = ?", [entity_id])]


def document_findings(db: Queryable, doc_id: int) -> list[Finding]:
    """Findings with evidence in the document, carrying only that document's evidence (without
    sentence text): enough to list and mark them. `finding` gives all the evidence."""
    local: dict[int, list[Evidence]] = {}
    for row in db.execute(
        f"SELECT e.check_id, {_EVIDENCE_COLUMNS} FROM check_evidence e WHERE e.doc_id = ? "
        "ORDER BY e.check_id, e.idx", [doc_id]
    ):
        local.setdefault(row[0], []).append(_evidence(row[1:]))
    findings = _checks(db, list(local))
    for finding in findings:
        finding.evidence = tuple(local[finding.id or -1])
    return findings


def finding(db: Queryable, finding_id: int) -> Finding | None:
    """One finding with all its evidence, each with its document's file name and title and the
    text of its sentence."""
    found = _checks(db, [finding_id])
    if not found:
        return None
    rows = db.execute(
        f"SELECT {_EVIDENCE_COLUMNS}, COALESCE(d.file_name, ''), COALESCE(d.title, ''), "
        "COALESCE(substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), '') "
        "FROM check_evidence e LEFT JOIN documents d ON d.id = e.doc_id WHERE e.check_id = ? ORDER BY e.idx",
        [finding_id],
    )
    found[0].evidence = tuple(_evidence(r[:11], file_name=r[11], title=r[12], sentence=r[13]) for r in rows)
    return found[0]


def figure_flag_rows(db: Queryable, figure_ids: Iterable[int]) -> list[tuple[int, str, str, str]]:
    """(figure id, check kind, verdict, evidence label) of the findings that could flag these
    figures in a chart: conflicts, outliers (of a series or of part of a year) and targets."""
    ids = sorted(set(figure_ids))
    rows: list[tuple[int, str, str, str]] = []
    for chunk, marks in in_chunks(ids):
        rows += [
            (int(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in db.execute(
                "SELECT e.figure_id, c.kind, c.verdict, e.label FROM check_evidence e CROSS JOIN checks c "
                "ON c.id = e.check_id "
                f"WHERE e.figure_id IN ({marks}) "
                "AND c.kind IN ('conflict', 'outlier', 'part_year', 'target') ORDER BY c.id, e.idx", chunk)
        ]
    return rows


def _checks(db: Queryable, check_ids: list[int]) -> list[Finding]:
    found: list[Finding] = []
    for chunk, marks in in_chunks(check_ids):
        found += [
            Finding(id=r[0], kind=r[1], verdict=r[2], pattern=r[3], message=r[4], message_en=r[5], stated=r[6],
                    computed=r[7], unit=r[8], evidence=())
            for r in db.execute(
                f"SELECT {_CHECK_COLUMNS} FROM checks WHERE id IN ({marks})", chunk)
        ]
    found.sort(key=lambda f: f.id or 0)
    return found


def _evidence(row: Any, file_name: str = "", title: str = "", sentence: str = "") -> Evidence:
    label, doc, start, end, text, s_start, s_end, figure, value, unit, year = row
    return Evidence(label=label, doc_id=doc, start=start, end=end, text=text, sentence_start=s_start,
                    sentence_end=s_end, figure_id=figure, value=value, unit=unit, year=year,
                    file_name=file_name, title=title, sentence=sentence)

