"""Checks after an import recompute only what the imported documents can change, and give the
findings a full run gives: ingest A, B then C incrementally == a full run over A, B, C."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from checks_support import finding_key

from corpus_support import corpus_files
from viewer.services.checks import Scopes, compute_scoped, findings, run_checks, scopes_of
from viewer.store import documents as store_documents
from viewer.store import open_store
from viewer.text.analysis import analyze_file, file_sha256

SHARED = "全市累计支持青年科技人才2800余名，其中博士学历的近600名，带动新增就业岗位上万个，成效明显。"
TEXTS = {
    "a.txt": "株洲市2021年工作总结\n\n2021年，株洲市技术合同成交额182.6亿元，比2020年增长20%。\n\n"
             f"力争2023年株洲市高新技术企业达到1100家。\n\n{SHARED}\n",
    "b.txt": "株洲市2022年工作总结\n\n2022年，株洲市技术合同成交额200亿元。\n\n"
             "2020年，株洲市高新技术企业800家。\n\n全市各类科技创新平台达100家，其中国家级60家、省级50家。\n",
    "c.txt": "株洲市2023年工作总结\n\n2023年，株洲市高新技术企业1200家。\n\n2020年，株洲市技术合同成交额150亿元。\n\n"
             f"2022年，株洲市技术合同成交额20亿元。\n\n{SHARED}\n",
}


def stored(db: sqlite_utils.Database) -> list[str]:
    return sorted(finding_key(f) for f in findings(db))


def full_run(db: sqlite_utils.Database) -> list[str]:
    run_checks(db)
    return stored(db)


def save(db: sqlite_utils.Database, path: Path) -> int:
    """Store a document as an import does, without checking it."""
    return store_documents.save_document(db, analyze_file(path, file_sha256(path)))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name: (tmp_path / name).resolve() for name in TEXTS}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    database = open_store(tmp_path / "store.db")
    yield database
    database.conn.close()


def test_importing_c_incrementally_gives_the_findings_of_a_full_run(
    db: sqlite_utils.Database, files: dict[str, Path]
) -> None:
    save(db, files["a.txt"])
    save(db, files["b.txt"])
    run_checks(db)
    before = stored(db)
    c = save(db, files["c.txt"])
    recomputed = run_checks(db, doc_ids=[c])
    incremental = stored(db)
    assert incremental == full_run(db)
    assert incremental != before and recomputed
    cross = [f for f in findings(db, doc_id=c) if len(f.doc_ids) > 1]
    kinds = {f.kind for f in cross}
    assert kinds >= {"target", "change", "repeat"}, kinds  # C changed findings that cite A or B
    # Recomputing C's own document scope only would miss them: the test can tell.
    own_only = {finding_key(f) for _, f in compute_scoped(db, Scopes(docs=frozenset({c})))}
    assert not {finding_key(f) for f in cross} <= own_only


def test_replacing_a_document_recomputes_what_its_old_version_touched(
    db: sqlite_utils.Database, files: dict[str, Path]
) -> None:
    ids = {name: save(db, path) for name, path in files.items()}
    run_checks(db)
    files["a.txt"].write_text(TEXTS["a.txt"].replace("1100家", "1300家").replace(SHARED, ""), encoding="utf-8")
    previous = scopes_of(db, [ids["a.txt"]])
    assert save(db, files["a.txt"]) == ids["a.txt"]
    run_checks(db, doc_ids=[ids["a.txt"]], previous=previous)
    incremental = stored(db)
    assert incremental == full_run(db)
    assert any("1300家" in f for f in incremental) and not any("1100家" in f for f in incremental)


def test_deleting_a_document_removes_and_recomputes_its_findings(
    db: sqlite_utils.Database, files: dict[str, Path]
) -> None:
    ids = {name: save(db, path) for name, path in files.items()}
    run_checks(db)
    with_c = stored(db)
    previous = scopes_of(db, [ids["c.txt"]])
    store_documents.delete_document(db, ids["c.txt"])
    run_checks(db, doc_ids=[], previous=previous)
    incremental = stored(db)
    assert incremental == full_run(db) != with_c
    assert all(ids["c.txt"] not in f.doc_ids for f in findings(db))


def test_findings_citing_a_deleted_document_go_even_without_its_scopes(
    db: sqlite_utils.Database, files: dict[str, Path]
) -> None:
    ids = {name: save(db, path) for name, path in files.items()}
    run_checks(db)
    store_documents.delete_document(db, ids["c.txt"])
    run_checks(db, doc_ids=[])
    assert all(ids["c.txt"] not in f.doc_ids for f in findings(db))


def test_findings_stored_before_scopes_existed_are_replaced_by_a_full_run(
    db: sqlite_utils.Database, files: dict[str, Path]
) -> None:
    ids = {name: save(db, path) for name, path in files.items()}
    run_checks(db)
    everything = stored(db)
    db.conn.execute("INSERT INTO check_scopes (scope) VALUES ('')")  # as migration 6 left them
    db.conn.execute("UPDATE checks SET scope_id = (SELECT id FROM check_scopes WHERE scope = '')")
    db.conn.execute("DELETE FROM check_scopes WHERE scope <> ''")
    run_checks(db, doc_ids=[ids["a.txt"]])
    assert stored(db) == everything
    assert db.execute("SELECT count(*) FROM check_scopes WHERE scope = ''").fetchone()[0] == 0


def test_the_reports_checked_one_at_a_time_match_a_full_run(tmp_path: Path) -> None:
    db = open_store(tmp_path / "corpus.db")
    try:
        reports = corpus_files()
        for path in reports[:2]:
            save(db, path)
        run_checks(db)
        for path in reports[2:]:
            run_checks(db, doc_ids=[save(db, path)])
        incremental = stored(db)
        assert len(incremental) >= 30
        assert incremental == full_run(db)
    finally:
        db.conn.close()
