"""A store imported by an older analysis does not keep its attribution forever: importing an
unchanged file whose document an older ANALYSIS_VERSION stored analyses and stores it again
("reanalysed"), as a changed file is replaced, keeping the reviewer's notes and corrections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from viewer.model import NoteStatus
from viewer.services import ingest as ingest_service
from viewer.services import notes
from viewer.services.ingest import ingest_paths
from viewer.store import documents as store_documents
from viewer.store import figures as store_figures
from viewer.store import open_store
from viewer.text.analysis import ANALYSIS_VERSION, analyze_text

# Invented report (not from the corpus).
TEXT = ("青溪区2023年科技工作总结\n\n"
        "2023年，全区研发经费投入达到12.5亿元，同比增长9.2%。\n\n"
        "全区新增高新技术企业46家，区级财政科技专项经费3000万元。\n")


def attribution(figures: list[Any]) -> list[tuple[Any, ...]]:
    return [(f.start, f.end, f.value, f.indicator, f.region, f.year, f.role, f.provisional, f.indicator_how,
             f.region_how, f.period_how, f.modality) for f in figures]


def import_once(store: Path, path: Path) -> str:
    report = ingest_paths(store, [path], processes=0)
    assert report.ok, report.outcomes
    [outcome] = report.outcomes
    return outcome.status


def age(store: Path, doc_id: int, version: int) -> None:
    """Make the stored document look as an older analysis left it: its version, and figures
    attributed otherwise, without the slots' provenance (as before migration 12)."""
    db = open_store(store)
    with db.conn:
        db.conn.execute("UPDATE documents SET analysis_version = ? WHERE id = ?", [version, doc_id])
        db.conn.execute("UPDATE figures SET indicator = '旧指标', indicator_how = '', region_how = '', "
                        "period_how = '', provisional = 0 WHERE doc_id = ?", [doc_id])
    db.conn.close()


def test_an_older_analysis_is_replaced_on_import_and_notes_stay(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = tmp_path / "s.db", tmp_path / "青溪区.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert import_once(store, path) == "imported"
    db = open_store(store)
    doc_id, sha, version = store_documents.stored_analysis(db, str(path.resolve())) or (0, "", 0)
    assert version == ANALYSIS_VERSION
    start = TEXT.index("12.5亿元")
    note = notes.add_note(db, doc_id, start, start + len("12.5亿元"), body="与统计公报核对", tags=["存疑"])
    store_documents.update_metadata(db, doc_id, title="青溪区科技工作总结（更正）")
    db.conn.close()
    age(store, doc_id, ANALYSIS_VERSION - 1)

    checked: list[list[int]] = []
    update_checks = ingest_service.update_checks
    monkeypatch.setattr(ingest_service, "update_checks",
                        lambda db, doc_ids, previous: checked.append(doc_ids) or update_checks(db, doc_ids, previous))
    assert import_once(store, path) == "reanalysed"
    db = open_store(store)
    assert store_documents.stored_analysis(db, str(path.resolve())) == (doc_id, sha, ANALYSIS_VERSION)
    stored = store_figures.document_figures(db, doc_id)
    assert attribution(stored) == attribution(analyze_text(str(path.resolve()), TEXT, sha).figures)
    assert all(f.indicator != "旧指标" for f in stored) and all(f.period_how for f in stored)
    [kept] = notes.list_notes(db, doc_id)
    assert (kept.id, kept.start, kept.body, kept.status) == (note.id, note.start, "与统计公报核对", NoteStatus.ANCHORED)
    assert store_documents.get_document(db, doc_id).title == "青溪区科技工作总结（更正）"  # type: ignore[union-attr]
    assert checked == [[doc_id]], "the checks of a re-analysed document run again"
    db.conn.close()
    assert import_once(store, path) == "unchanged"


def test_a_store_from_a_newer_analysis_is_left_alone(tmp_path: Path) -> None:
    store, path = tmp_path / "s.db", tmp_path / "青溪区.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert import_once(store, path) == "imported"
    db = open_store(store)
    doc_id = db.execute("SELECT id FROM documents").fetchone()[0]
    db.conn.close()
    age(store, doc_id, ANALYSIS_VERSION + 1)
    assert import_once(store, path) == "unchanged"
    db = open_store(store)
    assert {f.indicator for f in store_figures.document_figures(db, doc_id)} == {"旧指标"}
    db.conn.close()


def test_the_command_line_reports_reanalysed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from viewer.cli import main

    store, path = tmp_path / "s.db", tmp_path / "青溪区.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["ingest", str(path), "--store", str(store), "--processes", "0"]) == 0
    age(store, 1, 1)
    capsys.readouterr()
    assert main(["ingest", str(path), "--store", str(store), "--processes", "0"]) == 0
    assert "1 reanalysed" in capsys.readouterr().out
