"""Findings of the figure checks with their evidence: replace all at once, read back with sources."""

from __future__ import annotations

import datetime
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from viewer.model.review import Evidence, Finding
from viewer.store.connection import Queryable

if TYPE_CHECKING:
    import sqlite_utils

_CHECK_COLUMNS = "id, kind, verdict, pattern, message, message_en, stated, computed, unit"
_EVIDENCE_COLUMNS = (
    "label, doc_id, span_start, span_end, text, sentence_start, sentence_end, figure_id, value, unit, year"
)


def replace_findings(db: sqlite_utils.Database, findings: list[Finding]) -> list[Finding]:
    """Replace every stored finding by `findings` in one transaction; returns them with their ids."""
    checked_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    stored: list[Finding] = []
    with db.atomic():
        db.conn.execute("DELETE FROM check_evidence")
        db.conn.execute("DELETE FROM checks")
        for finding in findings:
            first = finding.evidence[0] if finding.evidence else None
            cursor = db.conn.execute(
                "INSERT INTO checks (kind, verdict, pattern, message, message_en, stated, computed, unit, doc_id, "
                "span_start, span_end, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (finding.kind, finding.verdict, finding.pattern, finding.message, finding.message_en,
                 finding.stated, finding.computed, finding.unit, first.doc_id if first else None,
                 first.start if first else None, first.end if first else None, checked_at),
            )
            check_id = int(cursor.lastrowid)  # type: ignore[arg-type]
            db.conn.executemany(
                f"INSERT INTO check_evidence (check_id, idx, {_EVIDENCE_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (check_id, index, e.label, e.doc_id, e.start, e.end, e.text, e.sentence_start,
                     e.sentence_end, e.figure_id, e.value, e.unit, e.year)
                    for index, e in enumerate(finding.evidence)
                ],
            )
            stored.append(replace(finding, id=check_id))
    return stored


def list_findings(
    db: Queryable, doc_id: int | None = None, kind: str | None = None, figure_id: int | None = None
) -> list[Finding]:
    """Stored findings, optionally only those with evidence in a document or on a figure, or of a kind.

    Evidence comes with its document's file name and title and the text of its sentence.
    """
    where: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        where.append("id IN (SELECT check_id FROM check_evidence WHERE doc_id = ?)")
        params.append(doc_id)
    if figure_id is not None:
        where.append("id IN (SELECT check_id FROM check_evidence WHERE figure_id = ?)")
        params.append(figure_id)
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    sql = f"SELECT {_CHECK_COLUMNS} FROM checks" + (" WHERE " + " AND ".join(where) if where else "")
    findings = [
        Finding(id=r[0], kind=r[1], verdict=r[2], pattern=r[3], message=r[4], message_en=r[5], stated=r[6],
                computed=r[7], unit=r[8], evidence=())
        for r in db.execute(sql + " ORDER BY doc_id, span_start, id", params)
    ]
    evidence = _evidence(db, [f.id for f in findings if f.id is not None])
    for finding in findings:
        finding.evidence = tuple(evidence.get(finding.id or -1, []))
    return findings


def _evidence(db: Queryable, check_ids: list[int]) -> dict[int, list[Evidence]]:
    found: dict[int, list[Evidence]] = {}
    if not check_ids:
        return found
    columns = ", ".join("e." + c.strip() for c in _EVIDENCE_COLUMNS.split(","))
    for first in range(0, len(check_ids), 500):
        chunk = check_ids[first : first + 500]
        sql = (
            f"SELECT e.check_id, {columns}, COALESCE(d.file_name, ''), COALESCE(d.title, ''), "
            "COALESCE(substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), '') "
            "FROM check_evidence e LEFT JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.check_id IN ({', '.join('?' * len(chunk))}) ORDER BY e.check_id, e.idx"
        )
        for row in db.execute(sql, chunk):
            (label, doc, start, end, text, s_start, s_end, figure, value, unit, year, file_name, title,
             sentence) = row[1:]
            found.setdefault(row[0], []).append(
                Evidence(label=label, doc_id=doc, start=start, end=end, text=text, sentence_start=s_start,
                         sentence_end=s_end, figure_id=figure, value=value, unit=unit, year=year,
                         file_name=file_name, title=title, sentence=sentence)
            )
    return found


def finding_counts(db: Queryable) -> dict[tuple[str, str], int]:
    """(kind, verdict) -> number of findings."""
    return {(r[0], r[1]): r[2] for r in db.execute("SELECT kind, verdict, count(*) FROM checks GROUP BY 1, 2")}
