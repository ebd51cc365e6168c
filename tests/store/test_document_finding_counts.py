"""Finding counts per document and per verdict, kept when findings are written (migration 0022)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from tests.migration_support import store_at_schema, write_findings_before_23
from viewer.model.review import Evidence, Finding, Verdict
from viewer.store import checks as store_checks
from viewer.store import finding_counts, open_store

VERDICTS = ("consistent", "inconsistent", "cannot_check", "conflict", "question", "met", "missed",
            "not_reported", "repeated")


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    database = open_store(":memory:")
    yield database
    database.conn.close()


def finding(verdict: str, *doc_ids: int) -> Finding:
    proofs = tuple(Evidence(label="value", doc_id=d, start=i, end=i + 2, text="甲乙", sentence_start=0, sentence_end=9)
                   for i, d in enumerate(doc_ids))
    return Finding(kind="conflict", verdict=verdict, message=verdict, message_en=verdict, evidence=proofs)


def counted_from_findings(db: sqlite_utils.Database) -> dict[int, tuple[int, int]]:
    """What the counts must be, from the stored findings themselves."""
    findings: dict[int, set[int]] = {}
    attention: dict[int, set[int]] = {}
    for stored in store_checks.list_findings(db):
        for proof in stored.evidence:
            findings.setdefault(proof.doc_id, set()).add(stored.id or 0)
            if stored.verdict in Verdict.ATTENTION:
                attention.setdefault(proof.doc_id, set()).add(stored.id or 0)
    return {doc: (len(ids), len(attention.get(doc, ()))) for doc, ids in findings.items()}


def totals_from_findings(db: sqlite_utils.Database) -> tuple[int, int]:
    stored = store_checks.list_findings(db)
    return len(stored), sum(f.verdict in Verdict.ATTENTION for f in stored)


def test_a_finding_is_counted_once_in_each_document_it_cites(db: sqlite_utils.Database) -> None:
    store_checks.replace_findings(db, [("doc:1", finding("conflict", 1, 1, 2)), ("doc:1", finding("consistent", 1)),
                                       ("doc:3", finding("met", 3))])
    assert finding_counts.document_finding_counts(db) == {1: (2, 1), 2: (1, 1), 3: (1, 0)}
    assert finding_counts.finding_totals(db) == (3, 1)


def test_a_scoped_rewrite_recounts_the_documents_it_touches(db: sqlite_utils.Database) -> None:
    store_checks.replace_findings(db, [("doc:1", finding("question", 1, 2)), ("doc:2", finding("missed", 2)),
                                       ("series:a\tb", finding("repeated", 4))])
    store_checks.replace_findings(db, [("doc:1", finding("met", 5))], scopes={"doc:1"})
    assert finding_counts.document_finding_counts(db) == {2: (1, 1), 4: (1, 1), 5: (1, 0)}, "document 1 lost its row"
    assert finding_counts.finding_totals(db) == (3, 2)
    store_checks.replace_findings(db, [], scopes={"doc:2", "series:a\tb"})
    assert finding_counts.document_finding_counts(db) == {5: (1, 0)}
    store_checks.replace_findings(db, [])
    assert finding_counts.document_finding_counts(db) == {}
    assert finding_counts.finding_totals(db) == (0, 0)
    assert db.execute("SELECT count(*) FROM verdict_counts").fetchone()[0] == 0, "no row without findings"


def test_random_rewrites_keep_the_counts_of_the_findings_stored(db: sqlite_utils.Database) -> None:
    chance = random.Random(16)
    scopes = [f"doc:{n}" for n in range(6)] + ["series:x\ty", "series:z\tw"]
    for _ in range(30):
        written = [(chance.choice(scopes), finding(chance.choice(VERDICTS),
                                                   *chance.choices(range(1, 9), k=chance.randint(1, 4))))
                   for _ in range(chance.randint(0, 12))]
        rewritten = None if chance.random() < 0.2 else set(chance.sample(scopes, 3)) | {s for s, _ in written}
        store_checks.replace_findings(db, written, scopes=rewritten)
        assert finding_counts.document_finding_counts(db) == counted_from_findings(db)
        assert finding_counts.finding_totals(db) == totals_from_findings(db)


def test_the_migration_counts_the_findings_already_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = store_at_schema(tmp_path / "old.db", 21, monkeypatch)
    write_findings_before_23(old, [("doc:1", finding("inconsistent", 1, 2, 2)), ("doc:2", finding("met", 2))])
    assert not {"document_finding_counts", "verdict_counts"} & set(old.table_names())
    expected = counted_from_findings(old)
    assert expected == {1: (1, 1), 2: (2, 1)} and totals_from_findings(old) == (2, 1)
    old.conn.close()
    upgraded = open_store(tmp_path / "old.db")
    assert finding_counts.document_finding_counts(upgraded) == expected
    assert finding_counts.finding_totals(upgraded) == (2, 1)
    upgraded.conn.close()
