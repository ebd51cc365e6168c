"""Findings of the figure checks with their evidence, and what the checks read.

Each finding is stored with its scope (see db/migrations/0006_checks_scale.sql), named by a row of
check_scopes (0023): a run replaces either every finding or exactly the findings of the scopes it
recomputed, in one transaction, with the time of the run in check_runs. This module is the only
writer of findings: it deletes a finding's evidence with it (check_evidence has no foreign key to
cascade), and the scopes and runs no finding has any more (viewer/store/finding_tables.py).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from viewer.model.review import CheckKind, Evidence, Finding
from viewer.store import finding_counts as kept_counts
from viewer.store import finding_tables
from viewer.store.connection import Queryable, in_chunks

if TYPE_CHECKING:
    import sqlite_utils

_CHECK_COLUMNS = "id, kind, verdict, pattern, message, message_en, stated, computed, unit"
_EVIDENCE_COLUMNS = (
    "label, doc_id, span_start, span_end, text, sentence_start, sentence_end, figure_id, value, unit, year"
)
_IN_JSON = "IN (SELECT value FROM json_each(?))"
_OF_SCOPES = f"scope_id IN (SELECT id FROM check_scopes WHERE scope {_IN_JSON})"  # findings of a JSON list of scopes
# Findings on one span in the order of the check kinds, as a run that computed each kind in turn
# stored them: a run streaming documents and series interleaves the kinds.
_KIND_ORDER = "CASE kind " + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(CheckKind.ALL)) + " END"


def replace_findings(
    db: sqlite_utils.Database, scoped: list[tuple[str, Finding]], scopes: Collection[str] | None = None
) -> list[Finding]:
    """Store `(scope, finding)` pairs in one transaction, replacing the stored findings of
    `scopes` (every stored finding when None); returns the findings with their ids."""
    stored: list[Finding] = []
    write_findings(db, scoped, scopes, stored.append)
    return stored


def write_findings(
    db: sqlite_utils.Database, scoped: Iterable[tuple[str, Finding]], scopes: Collection[str] | None = None,
    stored: Callable[[Finding], object] | None = None,
) -> int:
    """`replace_findings` for findings as they are computed: `scoped` is consumed once and written
    in batches, so a run need not hold every finding; `stored` sees each with its id. Returns how
    many were written."""
    written = 0
    recounted: set[int] = set()  # the documents whose finding counts change, when scoped
    verdicts: Counter[str] = Counter()  # the change in the findings per verdict
    runs: Counter[int] = Counter()  # the change in the findings per run of the checks
    with db.atomic():
        if scopes is None:
            for table in ("check_evidence", "checks", "check_scopes", "check_runs"):
                db.conn.execute(f"DELETE FROM {table}")
        else:
            keys: list[object] = [json.dumps(sorted(scopes))]
            recounted = kept_counts.documents_with_findings_of(db.conn, _OF_SCOPES, keys)
            verdicts.subtract(kept_counts.verdicts_of(db.conn, _OF_SCOPES, keys))
            runs.subtract(finding_tables.runs_of(db.conn, _OF_SCOPES, keys))
            db.conn.execute(f"DELETE FROM check_evidence WHERE check_id IN (SELECT id FROM checks WHERE {_OF_SCOPES})",
                            keys)
            db.conn.execute(f"DELETE FROM checks WHERE {_OF_SCOPES}", keys)
        run_id = finding_tables.new_run(db.conn)
        scope_ids = finding_tables.ScopeIds(db.conn, emptied=scopes is None)
        # Ids as SQLite would give them (one more than the largest), so that rows go in batches.
        next_id = int(db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM checks").fetchone()[0])
        check_rows: list[tuple[Any, ...]] = []
        evidence_rows: list[tuple[Any, ...]] = []
        for scope, finding in scoped:
            first = finding.evidence[0] if finding.evidence else None
            check_id = next_id + written
            check_rows.append(
                (check_id, finding.kind, finding.verdict, finding.pattern, finding.message, finding.message_en,
                 finding.stated, finding.computed, finding.unit, first.doc_id if first else None,
                 first.start if first else None, first.end if first else None, run_id, scope_ids.of(scope)))
            evidence_rows += [
                (check_id, index, e.label, e.doc_id, e.start, e.end, e.text, e.sentence_start, e.sentence_end,
                 e.figure_id, e.value, e.unit, e.year)
                for index, e in enumerate(finding.evidence)
            ]
            verdicts[finding.verdict] += 1
            if scopes is not None:
                recounted.update(e.doc_id for e in finding.evidence)
            if len(evidence_rows) >= _EVIDENCE_BATCH:
                _write_batch(db, check_rows, evidence_rows)
            if stored is not None:
                stored(replace(finding, id=check_id))
            written += 1
        _write_batch(db, check_rows, evidence_rows)
        scope_ids.write_new()
        if scopes is None:
            kept_counts.recount_all(db.conn)
        else:
            finding_tables.drop_unused_scopes(db.conn, keys)
            kept_counts.recount(db.conn, recounted)
        runs[run_id] += written
        finding_tables.count_runs(db.conn, runs)
        kept_counts.add_verdicts(db.conn, verdicts, replace_all=scopes is None)
    return written


_EVIDENCE_BATCH = 5000  # evidence rows held before they are written with their findings


def _write_batch(db: sqlite_utils.Database, checks: list[tuple[Any, ...]], evidence: list[tuple[Any, ...]]) -> None:
    db.conn.executemany(
        "INSERT INTO checks (id, kind, verdict, pattern, message, message_en, stated, computed, unit, doc_id, "
        "span_start, span_end, run_id, scope_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", checks)
    db.conn.executemany(
        f"INSERT INTO check_evidence (check_id, idx, {_EVIDENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        evidence)
    checks.clear()
    evidence.clear()


def finding_counts(db: Queryable, scopes: Collection[str] | None = None) -> list[tuple[str, str, int]]:
    """(kind, verdict, how many) of the stored findings (of some scopes), by kind and verdict."""
    where, params = ("", []) if scopes is None else (f" WHERE {_OF_SCOPES}", [json.dumps(sorted(scopes))])
    return [(str(r[0]), str(r[1]), int(r[2])) for r in db.execute(
        f"SELECT kind, verdict, count(*) FROM checks{where} GROUP BY kind, verdict ORDER BY kind, verdict", params)]


def list_findings(
    db: Queryable, doc_id: int | None = None, kind: str | None = None, figure_id: int | None = None,
    scopes: Collection[str] | None = None,
) -> list[Finding]:
    """Stored findings, optionally only those with evidence in a document or on a figure, of a kind,
    or of some scopes.

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
    if scopes is not None:
        where.append(_OF_SCOPES)
        params.append(json.dumps(sorted(scopes)))
    sql = f"SELECT {_CHECK_COLUMNS} FROM checks" + (" WHERE " + " AND ".join(where) if where else "")
    findings = [
        Finding(id=r[0], kind=r[1], verdict=r[2], pattern=r[3], message=r[4], message_en=r[5], stated=r[6],
                computed=r[7], unit=r[8], evidence=())
        for r in db.execute(sql + f" ORDER BY doc_id, span_start, {_KIND_ORDER}, id", params)
    ]
    evidence = _evidence(db, [f.id for f in findings if f.id is not None])
    for finding in findings:
        finding.evidence = tuple(evidence.get(finding.id or -1, []))
    return findings


def _evidence(db: Queryable, check_ids: list[int]) -> dict[int, list[Evidence]]:
    """Evidence of these findings with file name, title and sentence; each document's text is read
    once, not once per evidence row."""
    rows: list[Any] = []
    columns = ", ".join("e." + c.strip() for c in _EVIDENCE_COLUMNS.split(","))
    for chunk, marks in in_chunks(check_ids):
        rows += db.execute(
            f"SELECT e.check_id, {columns}, COALESCE(d.file_name, ''), COALESCE(d.title, '') "
            "FROM check_evidence e LEFT JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.check_id IN ({marks}) ORDER BY e.check_id, e.idx", chunk
        ).fetchall()
    sentences: list[str] = [""] * len(rows)
    by_document: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        by_document.setdefault(row[2], []).append(index)
    for doc_id, indexes in by_document.items():
        found = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        text = str(found[0]) if found else ""
        for index in indexes:
            sentences[index] = text[rows[index][6] : rows[index][7]]
    evidence: dict[int, list[Evidence]] = {}
    for row, sentence in zip(rows, sentences, strict=True):
        label, doc, start, end, text, s_start, s_end, figure, value, unit, year, file_name, title = row[1:]
        evidence.setdefault(row[0], []).append(
            Evidence(label=label, doc_id=doc, start=start, end=end, text=text, sentence_start=s_start,
                     sentence_end=s_end, figure_id=figure, value=value, unit=unit, year=year,
                     file_name=file_name, title=title, sentence=sentence)
        )
    return evidence


# -- what the checks read -------------------------------------------------------------------------

def document_labels(db: Queryable) -> dict[int, tuple[int | None, str]]:
    """doc id -> (year, title or file name) of every document (columns stored before the text)."""
    return {int(r[0]): (r[1], str(r[2] or r[3])) for r in db.execute("SELECT id, year, title, file_name FROM documents")}


def document_ids(db: Queryable) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT id FROM documents ORDER BY id")]


# Corpus order: documents, their sentences, the figures of a sentence in text order.
CORPUS_ORDER = "doc_id, sentence_start, sentence_end, span_start, id"


def indicators(db: Queryable) -> list[str]:
    """Every indicator the figures name."""
    return [str(r[0]) for r in db.execute("SELECT DISTINCT indicator FROM figures WHERE indicator IS NOT NULL")]


def series_sentences(db: Queryable, series: Iterable[tuple[str, str]]) -> dict[int, set[tuple[int, int]]]:
    """doc id -> (start, end) of the sentences with a figure of one of these (indicator, region)."""
    found: dict[int, set[tuple[int, int]]] = {}
    for indicator, region in series:
        for doc_id, start, end in db.execute(
            "SELECT doc_id, sentence_start, sentence_end FROM figures WHERE indicator = ? AND region = ?",
            [indicator, region],
        ):
            found.setdefault(int(doc_id), set()).add((int(start), int(end)))
    return found


def document_series(db: Queryable, doc_ids: Collection[int]) -> set[tuple[str, str]]:
    """(indicator, region) of the figures of these documents."""
    return {
        (str(r[0]), str(r[1]))
        for r in db.execute(
            f"SELECT DISTINCT indicator, region FROM figures WHERE doc_id {_IN_JSON} "
            "AND indicator IS NOT NULL AND region IS NOT NULL", [json.dumps(sorted(doc_ids))])
    }


def document_hashes(db: Queryable, doc_ids: Collection[int]) -> set[int]:
    """Fingerprints of the paragraphs of these documents."""
    return {
        int(r[0])
        for r in db.execute(
            f"SELECT DISTINCT text_hash FROM paragraphs WHERE doc_id {_IN_JSON} AND text_hash IS NOT NULL",
            [json.dumps(sorted(doc_ids))])
    }


def finding_scopes(db: Queryable, doc_ids: Collection[int]) -> set[str]:
    """Scopes of the stored findings with evidence in these documents or in documents no longer
    in the store."""
    gone = [int(r[0]) for r in db.execute(
        "SELECT doc_id FROM (SELECT DISTINCT doc_id FROM check_evidence) "
        "WHERE doc_id NOT IN (SELECT id FROM documents)")]
    return {
        str(r[0])
        for r in db.execute(
            "SELECT scope FROM check_scopes WHERE id IN (SELECT DISTINCT c.scope_id FROM check_evidence e "
            f"JOIN checks c ON c.id = e.check_id WHERE e.doc_id {_IN_JSON})", [json.dumps(sorted({*doc_ids, *gone}))])
    }


def unscoped_findings(db: Queryable) -> bool:
    """Whether findings stored before scopes existed are left (only a full run replaces them)."""
    return db.execute("SELECT 1 FROM checks WHERE scope_id IN (SELECT id FROM check_scopes WHERE scope = '') "
                      "LIMIT 1").fetchone() is not None


def repeated_paragraphs(db: Queryable, hashes: Collection[int] | None, shown: int) -> Iterator[tuple[Any, ...]]:
    """Paragraphs that occur more than once in the store (only those with these fingerprints,
    when given), in document order: (hash, doc id, start, end, first `shown` characters, has figures)."""
    sql = (
        "SELECT p.text_hash, p.doc_id, p.span_start, p.span_end, substr(d.text, p.span_start + 1, ?), "
        "EXISTS (SELECT 1 FROM figures f WHERE f.doc_id = p.doc_id "
        "AND f.span_start >= p.span_start AND f.span_end <= p.span_end) "
        "FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
        "JOIN paragraph_copies c ON c.text_hash = p.text_hash WHERE c.copies > 1"
    )
    params: list[Any] = [shown]
    if hashes is not None:  # as text: JSON numbers need not keep 64 bits
        sql += " AND p.text_hash IN (SELECT CAST(value AS INTEGER) FROM json_each(?))"
        params.append(json.dumps([str(h) for h in sorted(hashes)]))
    yield from db.execute(sql + " ORDER BY p.doc_id, p.span_start", params)
