"""A damaged store, an import stopped in its checks, backups: nothing may cost the reviewer's
notes, corrections, metadata edits or merges, and no command may answer with a traceback.

The store is built from invented reports (bench/make_corpus.py, generated at run time)."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_table import Record
from safety_support import checkpoint, destroy_table, overwrite_middle

from viewer.model import Source
from viewer.services.backup import backup_store
from viewer.services.ingest import ingest_paths
from viewer.services.library import Library
from viewer.store.state import checks_pending, store_id
from viewer.store.work_journal import journal_path

REPO = Path(__file__).resolve().parents[2]
NOTES = ("核对此处的投入口径", "与上年报告的数字不一致", "需要补充来源")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("invented")
    module.generate(folder, count=24, size_kb=8, seed=14, workers=1)
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("built") / "store.db"
    report = ingest_paths(store, [corpus], processes=0)
    assert report.count("imported") == 24, report.outcomes
    return store


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.db"
    shutil.copy(built, copy)
    return copy


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "viewer.cli", *args], capture_output=True, text=True,
                          timeout=600, cwd=REPO)


def reviewer_work(store: Path) -> dict[str, object]:
    """Notes on three documents, a correction, a metadata edit and a merge; what was made."""
    library = Library(store)
    try:
        documents = library.documents()
        for document, body in zip(documents, NOTES, strict=False):
            assert document.id is not None
            library.add_note(document.id, 5, 15, body, ("复核",))
        target = documents[3]
        assert target.id is not None
        figure = next(f for f in library.figures(target.id) if f.id is not None and f.value is not None)
        library.corrections.correct(figure.id or 0, {"year": 2001})
        library.update_metadata(documents[4].id or 0, title="评审员改过的标题", year=2011)
        orgs = [e for e in library.entities(type_="org") if e.id is not None]
        library.merge_entities(orgs[0].id or 0, orgs[1].id or 0)
        return {"figure_path": target.path, "figure_start": figure.start, "metadata_path": documents[4].path,
                "merge": (orgs[0].name, orgs[1].name)}
    finally:
        library.close()


def test_a_damaged_store_refuses_an_import_with_one_line(store: Path, tmp_path: Path, record: Record) -> None:
    checkpoint(store)
    overwrite_middle(store)
    before = store.read_bytes()
    new = tmp_path / "new"
    new.mkdir()
    (new / "新报告.txt").write_text("青岚市二〇二五年研发投入达到十二亿元，比上年增长百分之八。\n", encoding="utf-8")
    done = cli("--store", str(store), "ingest", str(new), "--processes", "0")
    lines = done.stderr.strip().splitlines()
    observed = f"exit {done.returncode}, {len(lines)} line(s), file {'unchanged' if store.read_bytes() == before else 'WRITTEN'}"
    record("ingest into a store with 64 KB overwritten mid-file", "exit 4, one line naming repair, nothing written",
           observed)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and len(lines) == 1
    assert "damaged" in lines[0] and "policy-viewer repair" in lines[0] and str(store) in lines[0]
    assert store.read_bytes() == before
    meta = cli("--store", str(store), "meta", "1", "--year", "2015")
    record("meta on the damaged store", "exit 4, no traceback", f"exit {meta.returncode}")
    assert meta.returncode == 4 and "Traceback" not in meta.stderr


def test_notes_on_a_destroyed_page_come_back_through_journal_and_repair(
        store: Path, corpus: Path, record: Record) -> None:
    made = reviewer_work(store)
    checkpoint(store)
    for table in ("notes", "corrections", "entity_merges"):
        destroy_table(store, table)
    overwrite_middle(store)
    done = cli("--store", str(store), "repair", "--processes", "0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    library = Library(store)
    try:
        notes = {n.body for n in library.notes()}
        stored = {d.path: d for d in library.documents()}
        figure_path = str(made["figure_path"])
        corrected = [f for d in stored.values() if d.path == figure_path and d.id is not None
                     for f in library.figures(d.id) if f.source == Source.REVIEWER]
        merged = library.conn.execute("SELECT canonical FROM entity_merges WHERE alias = ?",
                                      [made["merge"][0]]).fetchone()  # type: ignore[index]
        integrity = library.conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        library.close()
    lost_paths = [line.strip() for line in done.stdout.splitlines() if line.startswith("  /")]
    record("notes after their pages and 64 KB were overwritten, then repair",
           f"{len(NOTES)} of {len(NOTES)} notes back", f"{len(notes & set(NOTES))} of {len(NOTES)} back")
    assert set(NOTES) <= notes, done.stdout
    if figure_path in stored:
        assert corrected and corrected[0].year == 2001
    metadata_path = str(made["metadata_path"])
    if metadata_path in stored:
        assert (stored[metadata_path].title, stored[metadata_path].year) == ("评审员改过的标题", 2011)
    assert merged is not None and merged[0] == made["merge"][1]  # type: ignore[index]
    assert integrity == "ok"
    assert "restored from store.db.work-journal.jsonl: 3 notes, 1 corrections, 1 merges" in done.stdout
    record("repair lists the documents it could not read", "their paths, to import again",
           f"{len(stored)} rebuilt, {len(lost_paths)} listed")
    assert len(stored) + len(lost_paths) == 24
    assert all(Path(p).parent == corpus.resolve() for p in lost_paths)
    again = ingest_paths(store, [corpus], processes=0)
    assert again.count("imported") == len(lost_paths)
    library = Library(store)
    try:
        assert len(library.documents()) == 24 and set(NOTES) <= {n.body for n in library.notes()}
    finally:
        library.close()


def test_restore_work_puts_the_journal_into_a_fresh_store(
        store: Path, corpus: Path, tmp_path: Path, record: Record) -> None:
    reviewer_work(store)
    fresh = tmp_path / "fresh.db"
    ingest_paths(fresh, [corpus], processes=0)
    journal = journal_path(store)
    done = cli("--store", str(fresh), "restore-work", str(journal))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    again = cli("--store", str(fresh), "restore-work", str(journal))
    library = Library(fresh)
    try:
        notes = [n for n in library.notes() if n.body in NOTES]
        anchored = [n for n in notes if n.doc_id is not None and n.status == "anchored"]
        reviewer = library.conn.execute("SELECT count(*) FROM figures WHERE source = 'reviewer'").fetchone()[0]
    finally:
        library.close()
    record("restore-work into a fresh store of the same reports", "3 notes anchored, 1 correction applied",
           f"{len(anchored)} notes anchored, {reviewer} correction applied")
    assert len(notes) == 3 and len(anchored) == 3 and reviewer == 1
    assert "3 notes, 1 corrections, 1 merges, 1 metadata edits" in done.stdout
    assert "0 notes, 0 corrections, 0 merges" in again.stdout  # a second run restores nothing twice


def test_an_import_stopped_in_its_checks_leaves_them_pending_and_the_next_completes_them(
        store: Path, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: Record) -> None:
    expected = sqlite3.connect(store).execute("SELECT count(*) FROM checks").fetchone()[0]
    fresh = tmp_path / "fresh.db"
    import viewer.services.ingest as ingest_service

    def killed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # as a kill in the middle of the checks

    with monkeypatch.context() as patch:
        patch.setattr(ingest_service, "update_checks", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest_paths(fresh, [corpus], processes=0)
    conn = sqlite3.connect(fresh)
    left = conn.execute("SELECT count(*) FROM checks").fetchone()[0]
    pending = checks_pending(conn)
    conn.close()
    record("import killed in its checks", "store says findings pending", f"pending={pending}, {left} findings")
    assert pending and left == 0
    again = ingest_paths(fresh, [corpus], processes=0)
    conn = sqlite3.connect(fresh)
    after = conn.execute("SELECT count(*) FROM checks").fetchone()[0]
    still = checks_pending(conn)
    conn.close()
    record("re-import of the same files after the kill", f"checks completed ({expected} findings)",
           f"{again.count('unchanged')} unchanged, {after} findings, pending={still}")
    assert again.count("unchanged") == 24 and after == expected and expected > 0 and not still


def test_backup_is_a_sound_copy_with_its_own_identity(store: Path, tmp_path: Path, record: Record) -> None:
    reviewer_work(store)
    out = tmp_path / "copy" / "backup.db"
    done = cli("--store", str(store), "backup", "--out", str(out))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    conn = sqlite3.connect(out)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "notes", "figures")]
    copy_id = store_id(conn)
    conn.close()
    original = sqlite3.connect(store)
    assert counts == [original.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("documents", "notes", "figures")]
    assert copy_id and copy_id != store_id(original)
    original.close()
    record("policy-viewer backup", "integrity_check ok, same rows", f"integrity_check {integrity}, rows {counts}")
    assert integrity == "ok"
    default = backup_store(store)
    assert default.out.parent == store.parent and not default.problems


def test_a_store_is_copied_before_its_migration(store: Path, record: Record) -> None:
    from viewer.store import connect

    def make_old() -> None:  # as schema 13 left it
        conn = sqlite3.connect(store)
        conn.executescript("DROP TRIGGER notes_uid_given; DROP TRIGGER corrections_uid_given; "
                           "DROP INDEX notes_uid; DROP INDEX corrections_uid; DROP TABLE store_state; "
                           "ALTER TABLE notes DROP COLUMN uid; ALTER TABLE corrections DROP COLUMN uid; "
                           "DELETE FROM _sqlite_migrations WHERE name LIKE '0014%'; PRAGMA user_version = 13;")
        conn.close()

    for _ in range(3):
        make_old()
        connect(store).close()
        time.sleep(1.1)  # the copies are named by the second
    copies = sorted(store.parent.glob("store.db.before-schema-13-*.bak"))
    sound = [sqlite3.connect(c).execute("PRAGMA integrity_check").fetchone()[0] == "ok" for c in copies]
    record("migration of an older store", "a sound copy beside it first (last 2 kept)",
           f"{len(copies)} copies, sound={all(sound)}")
    assert len(copies) == 2 and all(sound)


KILLED_IN_CHECKS = """
import os, signal, sys
import viewer.services.ingest as ingest
ingest.update_checks = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
ingest.ingest_paths(sys.argv[1], [sys.argv[2]], processes=0)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_in_its_checks_is_completed_by_the_next_import(
        corpus: Path, tmp_path: Path, record: Record) -> None:
    fresh = tmp_path / "killed.db"
    done = subprocess.run([sys.executable, "-c", KILLED_IN_CHECKS, str(fresh), str(corpus)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    conn = sqlite3.connect(fresh)
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    pending = checks_pending(conn)
    conn.close()
    record("import process SIGKILLed in its checks", "documents kept, findings pending",
           f"exit {done.returncode}, {documents} documents, pending={pending}")
    assert done.returncode == -9 and documents == 24 and pending
    exported = cli("--store", str(fresh), "export", "checks", "--format", "csv", "--out", str(tmp_path / "c.csv"))
    record("export of the findings meanwhile", "says they are incomplete",
           "said so" if "findings are incomplete" in exported.stderr else "silent")
    assert exported.returncode == 0 and "findings are incomplete" in exported.stderr
    cli_done = cli("--store", str(fresh), "ingest", str(corpus), "--processes", "0")
    conn = sqlite3.connect(fresh)
    findings = conn.execute("SELECT count(*) FROM checks").fetchone()[0]
    still = checks_pending(conn)
    conn.close()
    record("policy-viewer ingest of the same folder afterwards", "unchanged files, findings completed",
           f"exit {cli_done.returncode}, {findings} findings, pending={still}")
    assert cli_done.returncode == 0 and "24 unchanged" in cli_done.stdout and findings > 0 and not still
