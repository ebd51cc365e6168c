"""Findings in the store: replaced as a whole in one transaction, read back by document, exported."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from viewer.model.review import CheckKind
from viewer.services import checks as checks_service
from viewer.services.checks import findings, parts, run_checks
from viewer.services.checks.rows import CHECK_COLUMNS, check_rows, export_checks
from viewer.services.ingest import ingest_paths
from viewer.store import open_store

TEXTS = {
    "a.txt": "株洲市2021年工作总结\n\n全市各类科技创新平台达100家，其中国家级60家、省级50家。\n\n"
             "2020年，组织463家企业备案，较去年增加78家，同比增长25%。\n",
    "b.txt": "株洲市2022年工作要点\n\n力争2022年株洲市技术合同成交额达到200亿元。\n",
}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert ingest_paths(tmp_path / "s.db", [tmp_path / n for n in TEXTS], processes=0).ok
    database = open_store(tmp_path / "s.db")
    yield database
    database.conn.close()


def counts(db: sqlite_utils.Database) -> tuple[int, int]:
    return (db.execute("SELECT count(*) FROM checks").fetchone()[0],
            db.execute("SELECT count(*) FROM check_evidence").fetchone()[0])


def test_a_rerun_replaces_the_findings(db: sqlite_utils.Database) -> None:
    first = run_checks(db)
    assert {f.kind for f in first} >= {CheckKind.PARTS, CheckKind.CHANGE, CheckKind.TARGET}
    stored = counts(db)
    assert stored == (len(first), sum(len(f.evidence) for f in first))
    again = run_checks(db)
    assert counts(db) == stored
    assert [f.message for f in again] == [f.message for f in first]
    assert len({f.id for f in again}) == len(again)


def test_a_failing_check_keeps_the_old_findings(db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    run_checks(db)
    before = counts(db)

    def broken(corpus: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(parts, "check", broken)
    with pytest.raises(RuntimeError):
        checks_service.run_checks(db)
    assert counts(db) == before


def test_findings_are_read_by_document_kind_and_figure(db: sqlite_utils.Database) -> None:
    run_checks(db)
    doc_a, doc_b = (db.execute("SELECT id FROM documents WHERE file_name = ?", [n]).fetchone()[0] for n in TEXTS)
    in_a = findings(db, doc_id=doc_a)
    assert {f.kind for f in in_a} >= {CheckKind.PARTS, CheckKind.CHANGE}
    assert all(e.file_name == "a.txt" and e.title and e.sentence for f in in_a for e in f.evidence)
    in_b = findings(db, doc_id=doc_b)
    assert [f.kind for f in in_b] == [CheckKind.TARGET] and in_b[0].evidence[0].file_name == "b.txt"
    [total] = [e for f in findings(db, kind=CheckKind.PARTS) for e in f.evidence if e.label == "total"]
    on_total = findings(db, figure_id=total.figure_id)
    assert CheckKind.PARTS in {f.kind for f in on_total}
    assert all(total.figure_id in f.figure_ids for f in on_total)


def test_check_rows_export_as_jsonl_and_csv(db: sqlite_utils.Database, tmp_path: Path) -> None:
    run_checks(db)
    rows = check_rows(db)
    assert len(rows) == len(findings(db)) >= 3 and all(set(r) == set(CHECK_COLUMNS) for r in rows)
    [parts_row] = [r for r in rows if r["kind"] == "parts"]
    assert parts_row["verdict"] == "inconsistent" and parts_row["documents"] == ["a.txt"]
    assert parts_row["stated"] == 100 and parts_row["computed"] == 110
    assert parts_row["figures"] == ["total: 100家", "part: 60家", "part: 50家"]
    assert parts_row["spans"][0].startswith("a.txt:") and "其中" in parts_row["sentences"][0]
    out = io.StringIO()
    assert export_checks(db, "jsonl", None, out) == len(rows)
    assert [json.loads(line)["kind"] for line in out.getvalue().splitlines()] == [r["kind"] for r in rows]
    export_checks(db, "csv", tmp_path / "checks.csv")
    with open(tmp_path / "checks.csv", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["verdict"] for r in table] == [r["verdict"] for r in rows]
    assert json.loads(table[0]["documents"]) == rows[0]["documents"]
