"""Plan evaluation on hostile input, generated at run time: plans whose titles and sentences start
with formula characters or hold control characters, targets of zero or equal to their baseline, a
target year before the base year, a plan with no later report, an empty store; each is evaluated
and exported as docx and xlsx, and the files reopened."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from reliability_table import Record

from viewer.cli import main
from viewer.services.ingest import ingest_paths
from viewer.services.plan_evaluation import evaluate_plan, plan_documents
from viewer.services.plan_export import write_plan_docx, write_plan_xlsx
from viewer.store import open_store

STARTS = ["=", "+", "-", "@", "\uff1d"]


def _plan(n: int, start: str) -> str:
    # Invented: a hostile first character on the title and the sentences, a bell character inside.
    return (f"{start}衡阳市“十四五”科技创新规划{n}\n\n规划基年为2020年。\n\n"
            f"{start}2020年，全市高新技术企业达到300家，研发经费投入强度为2.0%。\n\n"
            f"{start}到2025年，全市高新技术企业数达到300家，研发经费投入强度达到0%，\x07技术合同成交额达到50亿元。\n\n"
            f"到2019年，全市科技型中小企业达到100家。\n")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for n, start in enumerate(STARTS):
        (folder / f"{'x' if start in '=+-@' else ''}{n}.txt").write_text(_plan(n, start), encoding="utf-8")
    (folder / "report.txt").write_text("2024年衡阳市科技工作总结\n\n2023年，全市高新技术企业达到280家。\n",
                                       encoding="utf-8")
    path = tmp_path / "s.db"
    assert ingest_paths(path, [folder], processes=0).ok
    return path


def test_hostile_plans_evaluate_and_export(store: Path, tmp_path: Path, record: Record) -> None:
    db = open_store(store)
    plans = plan_documents(db)
    evaluations = [evaluate_plan(db, p.doc_id) for p in plans]
    rows = [r for e in evaluations for r in e.rows]
    record("plans with formula titles", f"{len(STARTS)} plans evaluated", f"{len(evaluations)} plans, {len(rows)} rows")
    assert len(evaluations) == len(STARTS)
    level = [r for r in rows if r.indicator == "高新技术企业数"]
    record("target equal to its baseline", "no progress figure, no division by zero, behind when below",
           f"progress {[r.progress for r in level][:1]}, status {[r.status for r in level][:1]}")
    assert all(r.progress is None and r.status == "behind" for r in level)
    word, book = tmp_path / "e.docx", tmp_path / "e.xlsx"
    write_plan_docx(evaluations, word)
    write_plan_xlsx(evaluations, book)
    text = "\n".join(p.text for p in Document(str(word)).paragraphs)
    sheets = load_workbook(book)
    formulas = [c.coordinate for ws in sheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    with zipfile.ZipFile(book) as archive:
        raw = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/"))
    record("formula text in xlsx", "no formula cell", f"{len(formulas)} formula cells, <f> in XML: {'<f>' in raw}")
    assert not formulas and "<f>" not in raw
    record("control character in docx", "file written and reopened", f"{len(text)} characters of text")
    assert "衡阳市" in text
    db.conn.close()


def test_an_empty_store_and_a_plan_without_reports(tmp_path: Path, record: Record,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.db"
    code = main(["evaluate", "--store", str(empty)])
    err = capsys.readouterr().err
    record("evaluate on an empty store", "exit 0, says no document states a target", f"exit {code}: {err.strip()}")
    assert code == 0 and "no document in the store states a target" in err
    code = main(["evaluate", "1", "--store", str(empty)])
    err = capsys.readouterr().err
    record("evaluate a missing plan id", "exit 2 with the reason", f"exit {code}: {err.strip()[:60]}")
    assert code == 2 and "no document with targets is named '1'" in err
