"""Re-analysis in worker processes: the store it leaves is the one the import left, row for row;
cancelled, it reports exactly the documents it rewrote."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from tests.services.test_ingest_writers import _content, _synthetic_reports
from viewer.services.ingest import ingest_paths
from viewer.services.reanalysis import ReanalysisProgress, reanalyze

OLD = "旧指标"


def _age(store: Path) -> None:
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE documents SET analysis_version = 1")
        conn.execute("UPDATE figures SET indicator = ?, region = NULL", [OLD])
    conn.close()


def _current(store: Path) -> set[int]:
    """Documents the re-analysis has rewritten (their figures are not the aged ones)."""
    conn = sqlite3.connect(store)
    try:
        rows = conn.execute("SELECT id FROM documents WHERE analysis_version > 1 AND NOT EXISTS "
                            "(SELECT 1 FROM figures f WHERE f.doc_id = documents.id AND f.indicator = ?)", [OLD])
        return {int(r[0]) for r in rows}
    finally:
        conn.close()


def _with_figures(store: Path) -> set[int]:
    conn = sqlite3.connect(store)
    try:
        return {int(r[0]) for r in conn.execute("SELECT DISTINCT doc_id FROM figures")}
    finally:
        conn.close()


def test_two_workers_restore_what_the_import_stored_and_a_cancel_reports_what_was_written(tmp_path: Path) -> None:
    _synthetic_reports(tmp_path / "corpus", 12)
    store = tmp_path / "s.db"
    assert ingest_paths(store, [tmp_path / "corpus"], processes=2).ok
    imported = _content(store)
    with_figures = _with_figures(store)
    _age(store)
    cancel = threading.Event()

    def stop_after_two(progress: ReanalysisProgress) -> None:
        if progress.done == 2:
            cancel.set()

    cancelled = reanalyze(store, progress=stop_after_two, cancel=cancel, processes=2)

    assert cancelled.cancelled and 2 <= len(cancelled.documents) < 12
    assert {d.doc_id for d in cancelled.documents} == _current(store)
    conn = sqlite3.connect(store)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    report = reanalyze(store, processes=2)

    assert report.ok and report.reanalysed == 12
    assert set(report.changed_documents) == with_figures - {d.doc_id for d in cancelled.documents}
    assert _content(store) == imported
