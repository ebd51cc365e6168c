"""Re-analysis under the limits per document: a document whose worker dies or runs over its time
is named with the reason, the others are re-analysed, and what they stored is the import's."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

import pool_jobs
import pytest
from hostile_files import good_report
from reliability_table import Record

from viewer.services import reanalysis_document, reanalysis_pool
from viewer.services.file_limits import FileLimits
from viewer.services.ingest import ingest_paths
from viewer.services.reanalysis import Status, reanalyze

OLD = "旧指标"
REPORTS = 5


def _store_of_aged_reports(folder: Path) -> tuple[Path, dict[str, int]]:
    """A store of invented reports whose figures an older program filed under OLD; their ids by file name."""
    store = folder / "s.db"
    files = [good_report(folder / f"报告{n}.txt", n) for n in range(REPORTS)]
    assert ingest_paths(store, files, processes=0).ok
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE documents SET analysis_version = 1")
        conn.execute("UPDATE figures SET indicator = ?", [OLD])
        ids = {Path(p).name: int(i) for i, p in conn.execute("SELECT id, path FROM documents")}
    conn.close()
    return store, ids


def _aged(store: Path) -> set[int]:
    """Documents still holding the old program's figures."""
    conn = sqlite3.connect(store)
    try:
        return {int(r[0]) for r in conn.execute("SELECT DISTINCT doc_id FROM figures WHERE indicator = ?", [OLD])}
    finally:
        conn.close()


def _misbehaving_workers(monkeypatch: pytest.MonkeyPatch, how: str, doc_id: int) -> None:
    monkeypatch.setattr(reanalysis_pool, "reanalyse_in_worker", pool_jobs.reanalyse_or_misbehave)
    monkeypatch.setenv(pool_jobs.MISBEHAVE, f"{how}:{doc_id}")


@pytest.mark.skipif(sys.platform == "win32", reason="kills by POSIX signals")
def test_a_document_whose_worker_dies_is_named_and_the_others_reanalysed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: Record) -> None:
    store, ids = _store_of_aged_reports(tmp_path)
    victim = ids["报告2.txt"]
    _misbehaving_workers(monkeypatch, "die", victim)
    report = reanalyze(store, processes=2)
    failed = {d.doc_id: d.reason for d in report.failed}
    record("re-analysis: a worker SIGKILLed on one document", "named, the others re-analysed",
           f"{failed.get(victim)}; {report.reanalysed} of {REPORTS - 1} others re-analysed")
    assert failed == {victim: "worker died while reading 报告2.txt (killed by SIGKILL, as the system does "
                              "when memory runs out)"}
    assert report.reanalysed == REPORTS - 1 and not report.cancelled
    assert [d.status for d in report.documents if d.doc_id == victim] == [Status.FAILED]
    assert _aged(store) == {victim}  # its worker died before writing: left as it was


def test_a_document_whose_analysis_hangs_is_stopped_and_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: Record) -> None:
    store, ids = _store_of_aged_reports(tmp_path)
    victim = ids["报告3.txt"]
    _misbehaving_workers(monkeypatch, "hang", victim)
    started = time.monotonic()
    report = reanalyze(store, processes=2, limits=FileLimits(seconds=3, seconds_per_mb=0))
    took = time.monotonic() - started
    failed = {d.doc_id: d.reason for d in report.failed}
    record("re-analysis: one document's analysis hangs (limit 3 s)", "stopped and named, others re-analysed",
           f"{failed.get(victim)}; {report.reanalysed} re-analysed in {took:.1f} s")
    assert failed == {victim: "took longer than 3 s to read (the limit per file); stopped"}
    assert report.reanalysed == REPORTS - 1
    assert _aged(store) == {victim}
    assert took < 120


def test_the_time_limit_holds_in_process_on_the_main_thread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record: Record) -> None:
    store, ids = _store_of_aged_reports(tmp_path)
    victim_text = "虚构市第1号工作报告"
    real = reanalysis_document.analyze_text

    def hang_on_one(path: str, text: str, sha256: str, **options: bool) -> object:
        if text.startswith(victim_text):
            time.sleep(600)
        return real(path, text, sha256, **options)

    monkeypatch.setattr(reanalysis_document, "analyze_text", hang_on_one)
    report = reanalyze(store, processes=0, limits=FileLimits(seconds=1, seconds_per_mb=0))
    failed = {d.doc_id: d.reason for d in report.failed}
    record("re-analysis in process (processes=0), one analysis hangs", "named after the limit", f"{failed}")
    assert failed == {ids["报告1.txt"]: "took longer than 1 s to read (the limit per file); stopped"}
    assert report.reanalysed == REPORTS - 1
