"""Worker processes write their documents themselves: two writers at once must give the store a
single writer gives, row for row."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from corpus_support import REPO
from viewer.services.ingest import ingest_paths
from viewer.services.library import Library


def _synthetic_reports(folder: Path, count: int) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(REPO / "bench"))
    make_corpus.generate(folder, count=count, size_kb=6, seed=3, workers=1)


def _content(store: Path) -> dict[str, object]:
    conn = sqlite3.connect(store)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        by_file = "SELECT d.file_name, {cols} FROM {table} t JOIN documents d ON d.id = t.doc_id ORDER BY 1, 2, 3"
        return {
            "figures": conn.execute(by_file.format(cols="t.span_start, t.value, t.indicator, t.region",
                                                   table="figures")).fetchall(),
            "sentences": conn.execute(by_file.format(cols="t.span_start, t.span_end", table="sentences")).fetchall(),
            "mentions": conn.execute(by_file.format(cols="t.span_start, t.entity_id IS NOT NULL",
                                                    table="mentions")).fetchall(),
            "findings": sorted(conn.execute("SELECT kind, verdict, message FROM checks").fetchall()),
        }
    finally:
        conn.close()


def _hits(store: Path, query: str) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    library = Library(store)
    try:
        files = {d.id: Path(d.path).name for d in library.documents()}
        return sorted((files[h.doc_id], h.spans) for h in library.search(query, limit=10_000))
    finally:
        library.close()


def test_two_writing_workers_give_what_one_writer_gives(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    _synthetic_reports(reports, 40)
    single = ingest_paths(tmp_path / "one.db", [reports], processes=0)
    double = ingest_paths(tmp_path / "two.db", [reports], processes=2)
    assert single.count("imported") == double.count("imported") == 40
    one, two = _content(tmp_path / "one.db"), _content(tmp_path / "two.db")
    assert one == two
    for query in ("研发", "高新技术企业", "亿元"):
        hits = _hits(tmp_path / "two.db", query)
        assert hits and hits == _hits(tmp_path / "one.db", query), query


def test_a_cancelled_pool_import_reports_exactly_what_it_wrote(tmp_path: Path) -> None:
    import threading

    reports = tmp_path / "reports"
    _synthetic_reports(reports, 30)
    cancel = threading.Event()

    def on_progress(progress: object) -> None:
        if getattr(progress, "done", 0) == 4:
            cancel.set()

    report = ingest_paths(tmp_path / "s.db", [reports], progress=on_progress, cancel=cancel, processes=2)
    assert report.cancelled
    imported = {o.doc_id for o in report.outcomes if o.status == "imported"}
    conn = sqlite3.connect(tmp_path / "s.db")
    stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
    conn.close()
    assert 4 <= len(imported) < 30
    assert stored == imported, "every document written is reported, and nothing after the stop is written"
    rest = ingest_paths(tmp_path / "s.db", [reports], processes=2)
    assert rest.count("unchanged") == len(imported) and rest.count("imported") == 30 - len(imported)
