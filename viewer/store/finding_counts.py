"""The counts of findings the window shows at start-up, kept by the writes of findings
(db/migrations/0022): per document, the findings with evidence in it and how many need
attention (document_finding_counts), and per verdict, the findings stored (verdict_counts).
Start-up reads one row per document and a few per verdict instead of counting every finding."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection

from viewer.model.review import Verdict
from viewer.store.connection import Queryable, in_chunks

_ATTENTION = tuple(sorted(Verdict.ATTENTION))
_IN_ATTENTION = f"verdict IN ({', '.join('?' * len(_ATTENTION))})"


def documents_with_findings_of(conn: sqlite3.Connection, check_filter: str, parameters: list[object]) -> set[int]:
    """The documents with evidence of the findings `SELECT id FROM checks WHERE {check_filter}`
    selects: their counts change when those findings are deleted."""
    return {int(r[0]) for r in conn.execute(
        f"SELECT DISTINCT doc_id FROM check_evidence WHERE check_id IN (SELECT id FROM checks WHERE {check_filter})",
        parameters)}


def recount_all(conn: sqlite3.Connection) -> None:
    """Every document's counts again: one GROUP BY over the evidence in its (doc_id, check_id)
    index; the findings that need attention are listed once rather than looked up row by row."""
    conn.execute("DELETE FROM document_finding_counts")
    conn.execute(
        "INSERT INTO document_finding_counts (doc_id, findings, attention) "
        "SELECT doc_id, count(DISTINCT check_id), count(DISTINCT CASE WHEN check_id IN "
        f"(SELECT id FROM checks WHERE {_IN_ATTENTION}) THEN check_id END) "
        "FROM check_evidence GROUP BY doc_id", _ATTENTION)


def recount(conn: sqlite3.Connection, doc_ids: Collection[int]) -> None:
    """The counts of `doc_ids` again, from their evidence; a document left without findings
    loses its row."""
    for chunk, marks in in_chunks(sorted(doc_ids)):
        conn.execute(f"DELETE FROM document_finding_counts WHERE doc_id IN ({marks})", chunk)
        conn.execute(
            "INSERT INTO document_finding_counts (doc_id, findings, attention) "
            f"SELECT e.doc_id, count(DISTINCT e.check_id), count(DISTINCT CASE WHEN c.{_IN_ATTENTION} "
            "THEN e.check_id END) FROM check_evidence e JOIN checks c ON c.id = e.check_id "
            f"WHERE e.doc_id IN ({marks}) GROUP BY e.doc_id", [*_ATTENTION, *chunk])


def document_finding_counts(db: Queryable) -> dict[int, tuple[int, int]]:
    """doc id -> (findings with evidence in it, of which need attention); documents without
    findings are left out."""
    return {int(r[0]): (int(r[1]), int(r[2]))
            for r in db.execute("SELECT doc_id, findings, attention FROM document_finding_counts")}


def verdicts_of(conn: sqlite3.Connection, check_filter: str, parameters: list[object]) -> Counter[str]:
    """verdict -> findings among those `SELECT id FROM checks WHERE {check_filter}` selects."""
    return Counter({str(r[0]): int(r[1]) for r in conn.execute(
        f"SELECT verdict, count(*) FROM checks WHERE {check_filter} GROUP BY verdict", parameters)})


def add_verdicts(conn: sqlite3.Connection, change: Counter[str], *, replace_all: bool = False) -> None:
    """Add `change` (negative: findings deleted) to the counts per verdict, or make them `change`
    when `replace_all`; a verdict left without findings loses its row."""
    if replace_all:
        conn.execute("DELETE FROM verdict_counts")
    conn.executemany(
        "INSERT INTO verdict_counts (verdict, findings) VALUES (?, ?) "
        "ON CONFLICT (verdict) DO UPDATE SET findings = findings + excluded.findings",
        [(verdict, n) for verdict, n in sorted(change.items()) if n])
    conn.execute("DELETE FROM verdict_counts WHERE findings <= 0")


def finding_totals(db: Queryable) -> tuple[int, int]:
    """(findings stored, of which need attention)."""
    everything = attention = 0
    for verdict, findings in db.execute("SELECT verdict, findings FROM verdict_counts"):
        everything += int(findings)
        attention += int(findings) if verdict in Verdict.ATTENTION else 0
    return everything, attention
