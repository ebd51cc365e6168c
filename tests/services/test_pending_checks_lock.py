"""Completing pending findings stands aside while an import or re-analysis holds the store: the
one that marked them pending finishes them."""

from __future__ import annotations

from pathlib import Path

from viewer.services.checks_state import complete_pending_checks
from viewer.services.import_lock import import_lock
from viewer.services.ingest import ingest_paths
from viewer.store import open_store
from viewer.store.state import checks_pending, mark_checks_pending


def test_pending_checks_wait_for_the_holder_of_the_import_lock(tmp_path: Path) -> None:
    report = tmp_path / "甲.txt"
    report.write_text("甲市2023年科技工作总结\n\n2023年，全市技术合同成交额12亿元。\n", encoding="utf-8")
    store = tmp_path / "s.db"
    ingest_paths(store, [report], processes=0)
    db = open_store(store)
    mark_checks_pending(db.conn)
    with import_lock(store):
        assert complete_pending_checks(db, store) is False
        assert checks_pending(db.conn)
    assert complete_pending_checks(db, store) is True
    assert not checks_pending(db.conn)
    db.conn.close()
