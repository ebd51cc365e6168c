"""What start-up waits for: the chart and the finding counts, read once; the store check starts
only after them, runs beside the window in use (its reads do not wait) and is not part of
"ready"; the library list asks nothing of each row unless a filter is chosen."""

from __future__ import annotations

import gc
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.model import Document
from viewer.services.library import Library
from viewer.services.store_guard import StoreCheck
from viewer.ui import store_safety
from viewer.ui.library_pane import FILTER_ROLE, DocumentTableModel, LibraryPane
from viewer.ui.main_window import MainWindow


@pytest.fixture
def store(samples_copy: Path) -> Path:
    return samples_copy


def open_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.restore_session()  # the first report opened, as at launch
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_store_check_starts_after_the_start_up_work_and_ready_does_not_wait_for_it(
        qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    entered = threading.Event()
    real_check = store_safety.check_store
    seen_at_start: list[tuple[bool, bool, bool]] = []

    def held_check(conn: sqlite3.Connection) -> StoreCheck:
        entered.set()
        assert release.wait(20), "the test never let the check go on"
        return real_check(conn)

    monkeypatch.setattr(store_safety, "check_store", held_check)
    window = open_window(qtbot, store, tmp_path)
    window.ops.started.connect(lambda name: seen_at_start.append(
        (window.chart_if_loaded() is not None, window.ops.busy("count"), window.review.checks_pane.model.rowCount() > 0))
        if name == "store_check" else None)
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    assert seen_at_start == [(True, False, True)], "the check started before the chart and the counts were done"
    assert not window.starting_up(), "ready must not wait for the store check"
    assert not window.store_checked() and window.ops.busy("store_check")
    # the window's reads go on while the check holds its own connection
    documents = window.library.document_rows()
    assert documents and window.open_document(documents[-1].id or 0)
    assert window.library.document_findings(documents[-1].id or 0) is not None
    release.set()
    qtbot.waitUntil(window.store_checked, timeout=20_000)
    assert window.safety.check is not None and window.safety.check.ok


def test_the_store_check_starts_at_the_latest_after_a_while(
        qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work that never ends (here: a read that keeps running) does not put the check off for good."""
    monkeypatch.setattr("viewer.ui.main_window.CHECK_AT_LATEST_MS", 300)
    window = open_window(qtbot, store, tmp_path)
    stop = threading.Event()
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=20_000)
    window.ops.read("endless", lambda op: stop.wait(20))
    assert window.starting_up()
    qtbot.waitUntil(window.store_checked, timeout=20_000)
    stop.set()
    qtbot.waitUntil(lambda: not window.ops.busy("endless"), timeout=20_000)


def test_start_up_reads_the_open_reports_findings_once(
        qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = Library.document_findings

    def counted(self: Library, doc_id: int):  # type: ignore[no-untyped-def]
        asked.append(doc_id)
        return real(self, doc_id)

    monkeypatch.setattr(Library, "document_findings", counted)
    window = open_window(qtbot, store, tmp_path)
    qtbot.waitUntil(lambda: not window.starting_up() and window.store_checked(), timeout=20_000)
    assert window.current is not None and asked.count(window.current.id or 0) == 1, asked
    window.ops.announce({"findings"})  # findings changed later: the open report's are read again
    qtbot.waitUntil(lambda: asked.count(window.current.id or 0) == 2 if window.current else False, timeout=5000)


def many_documents(count: int) -> list[Document]:
    return [Document(f"/d{i}.txt", "", "", f"报告{i:05d}", ("甲市", "乙市")[i % 2], year=2020 + i % 4,
                     kind=("report", "plan")[i % 2], id=i + 1) for i in range(count)]


def test_the_library_list_asks_nothing_of_each_row_without_a_filter(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = DocumentTableModel.data

    def data(self: DocumentTableModel, index, role=0):  # type: ignore[no-untyped-def]
        if role == FILTER_ROLE:
            asked.append(index.row())
        return real(self, index, role)

    monkeypatch.setattr(DocumentTableModel, "data", data)
    pane = LibraryPane()
    qtbot.addWidget(pane)
    resets: list[int] = []
    layouts: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    pane.model.layoutChanged.connect(lambda: layouts.append(1))
    documents = many_documents(500)
    pane.set_documents(documents, {"regions": ["甲市", "乙市"], "years": [2020, 2021, 2022, 2023],
                                   "kinds": ["plan", "report"]})
    assert asked == [] and len(pane.visible_ids()) == 500
    assert (resets, layouts) == ([1], []), "the list is sorted within its one reset"
    assert [d.year for d in pane.model.documents()] == sorted((d.year for d in documents), reverse=True)
    pane.region_box.setCurrentIndex(pane.region_box.findData("乙市"))
    assert len(asked) == 500 and len(pane.visible_ids()) == 250  # a filter chosen: each row once
    pane.words.setText("报告0001")
    assert sorted(pane.visible_ids()) == [12, 14, 16, 18, 20]
    pane.words.setText("")
    pane.region_box.setCurrentIndex(0)
    asked.clear()
    pane.set_documents(documents[:10], {})
    assert asked == [] and len(pane.visible_ids()) == 10


def test_the_library_filter_matches_whole_fields(qtbot: QtBot) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    documents = [Document("/a.txt", "", "", "甲 report.x", "甲市", year=2021, kind="report", id=1),
                 Document("/b.txt", "", "", "乙", "甲市郊区", year=2021, kind="report", id=2),
                 Document("/c.txt", "", "", "丙", None, year=None, kind="plan", id=3)]
    pane.set_documents(documents, {"regions": ["甲市", "甲市郊区"], "years": [2021], "kinds": ["plan", "report"]})
    pane.region_box.setCurrentIndex(pane.region_box.findData("甲市"))
    assert pane.visible_ids() == [1]  # not 甲市郊区, which begins with it
    pane.region_box.setCurrentIndex(0)
    pane.words.setText("REPORT.X")  # case-insensitive, the dot a dot
    assert pane.visible_ids() == [1]
    pane.words.setText("REPORTxX")
    assert pane.visible_ids() == []
    pane.words.setText("")
    pane.kind_box.setCurrentIndex(pane.kind_box.findData("plan"))
    assert pane.visible_ids() == [3]


def test_the_chart_modules_load_in_a_thread() -> None:
    from viewer.ui.startup import CHART_MODULE, load_chart_in_background

    try:
        load_chart_in_background().join(60)
        assert CHART_MODULE in sys.modules and "pyqtgraph" in sys.modules
        assert gc.get_freeze_count() > 0  # what start-up made is left out of the full collections
    finally:
        gc.unfreeze()


def test_the_filter_values_come_from_the_list_read_as_the_store_gives_them(store: Path) -> None:
    from viewer.ui.library_pane import filter_values_of

    library = Library(store)
    try:
        assert filter_values_of(library.document_rows()) == library.filter_values()
        documents = [*many_documents(6), Document("/n.txt", "", "", "无", None, year=None, kind="news", id=99)]
        assert filter_values_of(documents) == {"regions": ["乙市", "甲市"], "years": [2020, 2021, 2022, 2023],
                                               "kinds": ["news", "plan", "report"]}
    finally:
        library.close()
