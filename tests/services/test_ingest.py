"""Ingest: the corpus, re-runs, changed files, bad input, and a crash in the middle of a batch."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import psutil
import pytest

from corpus_support import CORPUS, REPO, corpus_files
from viewer.services.demo import sample_paths
from viewer.services.ingest import IngestProgress, ingest_paths
from viewer.store import open_store


def counts(store: Path) -> dict[str, int]:
    db = open_store(store)
    try:
        return {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "paragraphs", "sentences", "figures", "mentions")
        }
    finally:
        db.conn.close()


def integrity(store: Path) -> str:
    conn = sqlite3.connect(store)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_corpus_is_imported_with_all_derived_rows(corpus_store: Path) -> None:
    found = counts(corpus_store)
    assert found["documents"] == 5
    assert found["sentences"] > 500
    assert found["figures"] > 300
    assert found["mentions"] > 300
    assert integrity(corpus_store) == "ok"


def test_importing_again_changes_nothing(corpus_store: Path) -> None:
    before = counts(corpus_store)
    report = ingest_paths(corpus_store, corpus_files(), processes=2)
    assert report.count("unchanged") == 5 and report.count("imported") == 0
    assert counts(corpus_store) == before


def test_stored_text_is_the_file_text_and_spans_index_it(corpus_store: Path) -> None:
    db = open_store(corpus_store)
    for path, text in db.execute("SELECT path, text FROM documents"):
        assert text == Path(path).read_text(encoding="utf-8").replace("\r\n", "\n")
    for text, start, end, figure in db.execute(
        "SELECT d.text, f.span_start, f.span_end, f.text FROM figures f JOIN documents d ON d.id = f.doc_id"
    ):
        assert text[start:end] == figure


def test_repeated_paragraphs_of_001_are_marked(corpus_store: Path) -> None:
    db = open_store(corpus_store)
    repeated = db.execute(
        "SELECT count(*) FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
        "JOIN paragraph_copies c ON c.text_hash = p.text_hash WHERE d.file_name LIKE '001_%' AND c.copies > 1"
    ).fetchone()[0]
    assert repeated >= 20


def test_copy_counts_follow_replacements(tmp_path: Path) -> None:
    from viewer.services.library import Library

    shared = "全市高新技术企业总数达到900家，比上年增长百分之二十五，成效明显。\n"
    (tmp_path / "a.txt").write_text("甲市科技工作报告\n" + shared, encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙市科技工作报告\n" + shared + shared, encoding="utf-8")
    ingest_paths(tmp_path / "s.db", [tmp_path], processes=0)
    library = Library(tmp_path / "s.db")
    ids = {Path(d.path).name: d.id or 0 for d in library.documents()}
    assert [p.repeats for p in library.paragraphs(ids["a.txt"])] == [1, 3]
    (tmp_path / "b.txt").write_text("乙市科技工作报告\n另一段完全不同的内容，与甲市报告无关，说明工作进展。\n", encoding="utf-8")
    ingest_paths(tmp_path / "s.db", [tmp_path], processes=0)
    library.reload()
    assert [p.repeats for p in library.paragraphs(ids["a.txt"])] == [1, 1]
    db = open_store(tmp_path / "s.db")
    assert db.execute("SELECT count(*) FROM paragraph_copies WHERE copies <= 0").fetchone()[0] == 0


def test_changed_file_replaces_its_rows_and_a_copy_is_not_imported_twice(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    report_file = tmp_path / "报告 一.txt"
    report_file.write_text("某市科技工作报告标题\n2021年全市高新技术企业达到120家。\n", encoding="utf-8")
    assert ingest_paths(store, [report_file], processes=0).count("imported") == 1
    report_file.write_text("某市科技工作报告标题\n2022年全市高新技术企业达到150家，增长25%。\n", encoding="utf-8")
    assert ingest_paths(store, [report_file], processes=0).count("replaced") == 1
    db = open_store(store)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert "150家" in db.execute("SELECT text FROM documents").fetchone()[0]
    assert "120家" not in " ".join(r[0] for r in db.execute("SELECT text FROM figures"))
    copy = tmp_path / "copy.txt"
    shutil.copy(report_file, copy)
    again = ingest_paths(store, [copy], processes=0)
    assert again.count("unchanged") == 1 and "same content" in again.outcomes[0].reason


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Files that must fail, by name, with a word their reason must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    docx = folder / "truncated.docx"
    buffer = folder / "full.zip"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 200)
    docx.write_bytes(buffer.read_bytes()[:150])
    buffer.unlink()
    (folder / "scanned.pdf").write_bytes(_pdf_without_text())
    (folder / "huge.txt").write_text("研发投入" * 5_250_000, encoding="utf-8")  # 21 MB, one line
    (folder / "unreadable.txt").mkdir()  # a folder with a report's name cannot be read as a file
    (folder / "unreadable.txt" / "readme.md").write_text("", encoding="utf-8")
    return {"empty.txt": "empty", "binary.txt": "binary", "truncated.docx": "docx", "scanned.pdf": "text layer",
            "huge.txt": "too large", "readme.md": "empty"}


def _pdf_without_text() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    out = BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 200, 200, fill=1)
    page.showPage()
    page.save()
    return out.getvalue()


def test_bad_input_is_named_with_its_reason_and_the_rest_is_imported(tmp_path: Path) -> None:
    expected = make_bad_inputs(tmp_path / "批次 材料")
    good = tmp_path / "批次 材料" / "株洲 报告.txt"
    good.write_text("株洲市科技工作报告\n2022年全市技术合同成交额达到150亿元。\n", encoding="utf-8")
    (tmp_path / "批次 材料" / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    store = tmp_path / "s.db"
    report = ingest_paths(store, [tmp_path / "批次 材料"], processes=2)
    by_name = {Path(o.path).name: o for o in report.outcomes}
    for name, word in expected.items():
        assert by_name[name].status == "failed", by_name[name]
        assert word in by_name[name].reason, by_name[name]
    assert by_name["株洲 报告.txt"].status == "imported"
    assert by_name["table.xls"].status == "skipped"
    assert not report.ok
    assert counts(store)["documents"] == 1
    assert integrity(store) == "ok"
    db = open_store(store)
    assert db.execute("SELECT count(*) FROM import_failures").fetchone()[0] == len(expected)


def test_progress_is_reported_and_cancel_stops_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        (folder / f"r{i:02d}.txt").write_text(f"报告{i}号标题行\n{2010 + i}年全市研发经费投入{i + 1}亿元。\n" * 50,
                                              encoding="utf-8")
    seen: list[IngestProgress] = []
    cancel = threading.Event()

    def on_progress(p: IngestProgress) -> None:
        seen.append(p)
        if p.done == 3:
            cancel.set()

    report = ingest_paths(tmp_path / "s.db", [folder], progress=on_progress, cancel=cancel, processes=0)
    assert report.cancelled
    assert [p.done for p in seen] == [1, 2, 3]
    assert seen[-1].total == 12 and 0 < seen[-1].bytes_done < seen[-1].bytes_total
    assert counts(tmp_path / "s.db")["documents"] == 3
    rest = ingest_paths(tmp_path / "s.db", [folder], processes=0)
    assert rest.count("unchanged") == 3 and rest.count("imported") == 9


@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_a_batch_stopped_midway_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path: Path, how: str) -> None:
    store = tmp_path / "s.db"
    command = [sys.executable, "-m", "viewer.cli", "ingest", str(CORPUS), "--store", str(store), "--processes", "1"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if store.exists():
            try:
                if counts(store)["documents"] >= 1:
                    break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be stopped"
    workers = psutil.Process(process.pid).children(recursive=True)
    assert workers, "the batch runs in a worker process"
    process.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
    process.wait(timeout=30)
    _gone, lingering = psutil.wait_procs(workers, timeout=15)
    assert not lingering, f"worker processes outlived the import: {lingering}"
    if how == "interrupt":
        assert process.returncode == 130, process.stderr.read() if process.stderr else ""
    stopped_at = counts(store)["documents"]
    assert 1 <= stopped_at < 5
    assert integrity(store) == "ok"
    rerun = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(store)["documents"] == 5
    db = open_store(store)
    assert db.execute("SELECT count(*) FROM (SELECT path FROM documents GROUP BY path HAVING count(*) > 1)"
                      ).fetchone()[0] == 0
    assert integrity(store) == "ok"


def test_samples_exist_and_import(tmp_path: Path) -> None:
    samples = sample_paths()
    assert len(samples) >= 3
    for path in samples:
        assert "虚构" in path.read_text(encoding="utf-8").splitlines()[0]
    report = ingest_paths(tmp_path / "s.db", samples, processes=0)
    assert report.count("imported") == len(samples), report.outcomes
