"""Search in the window: the totals of hits and documents, per-document counts, more hits on
scrolling, a document chosen among the totals; on invented reports (tests/search_support.py)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from search_support import (
    CROWDED_HITS,
    CROWDED_OCCURRENCES,
    MIDDLE_HITS,
    TOTAL_HITS,
    TOTAL_OCCURRENCES,
    WORD,
    ingest_reports,
)

from viewer.model import SearchTotals
from viewer.services.library import Library
from viewer.ui.i18n import install_language
from viewer.ui.main_window import MainWindow
from viewer.ui.search_pane import SearchPane


@pytest.fixture(scope="module")
def reports_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search-reports")
    return ingest_reports(folder / "reports", folder / "store.db")


@pytest.fixture
def window(qtbot: QtBot, reports_store: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store = tmp_path / "store.db"
    shutil.copy(reports_store, store)
    window = MainWindow(store, settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    yield window


def search(qtbot: QtBot, window: MainWindow, query: str) -> SearchPane:
    window.focus_search()
    pane = window.search_pane
    pane.query.setText(query)  # keyClicks types ASCII only
    qtbot.keyClick(pane.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.totals is not None, timeout=10_000)
    return pane


def document_rows(pane: SearchPane) -> list[tuple[str, str]]:
    return [(pane.documents.topLevelItem(r).text(0), pane.documents.topLevelItem(r).text(1))
            for r in range(pane.documents.topLevelItemCount())]


def test_totals_and_per_document_counts_show_every_document(qtbot: QtBot, window: MainWindow) -> None:
    pane = search(qtbot, window, WORD)
    assert len({h.doc_id for h in pane.model.hits}) == 1  # the first page is the crowded report's
    assert f"共 {TOTAL_OCCURRENCES} 处，3 个文档" in pane.status.text()
    assert document_rows(pane) == [("全部文档", f"{TOTAL_OCCURRENCES} 处"),
                                   ("甲市科技走廊建设情况通报", f"{CROWDED_OCCURRENCES} 处"),
                                   ("乙县科技工作总结", "1 处"), ("丙区创新发展报告", f"{MIDDLE_HITS} 处")]
    assert pane.listed.text() == f"已列出 50 / {TOTAL_HITS} 句，向下滚动加载更多"
    install_language("en")
    try:
        pane._show_status()
        assert f"“{WORD}”: {TOTAL_OCCURRENCES} matches in 3 documents" in pane.status.text()
    finally:
        install_language("zh")


def test_scrolling_to_the_end_loads_the_next_page(qtbot: QtBot, window: MainWindow) -> None:
    pane = search(qtbot, window, WORD)
    assert pane.model.rowCount() == 50
    bar = pane.results.verticalScrollBar()
    for expected in (100, TOTAL_HITS):
        qtbot.waitUntil(lambda: bar.maximum() > bar.value())  # the list laid out, more below
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda expected=expected: pane.model.rowCount() == expected)
    bar.setValue(bar.maximum())
    qtbot.wait(50)
    assert pane.model.rowCount() == TOTAL_HITS and not pane.model.has_more()
    hits = pane.model.hits
    assert [(h.doc_id, h.sentence_start) for h in hits] == sorted({(h.doc_id, h.sentence_start) for h in hits})
    assert pane.listed.text() == f"已列出 {TOTAL_HITS} / {TOTAL_HITS} 句"


def test_choosing_a_document_lists_its_hits_and_opens_them(qtbot: QtBot, window: MainWindow) -> None:
    pane = search(qtbot, window, WORD)
    third = pane.documents.topLevelItem(3)
    rect = pane.documents.visualItemRect(third)
    qtbot.mouseClick(pane.documents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.model.rowCount() == MIDDLE_HITS
    doc_id = pane.model.hits[0].doc_id
    assert {h.doc_id for h in pane.model.hits} == {doc_id}
    assert pane.listed.text() == f"已列出 {MIDDLE_HITS} / {MIDDLE_HITS} 句"
    pane.activate_row(MIDDLE_HITS - 1)
    assert window.current is not None and window.current.id == doc_id
    assert len(window.document_pane._hit_spans) == MIDDLE_HITS  # every hit of the document marked
    start, end = window.document_pane.view.selected_span()
    assert window.document_pane.view.text()[start:end] == WORD
    pane.choose_document(None)
    assert pane.model.rowCount() == 50 and pane.model.has_more()


def test_a_search_with_one_page_has_its_totals_at_once(qtbot: QtBot, window: MainWindow) -> None:
    window.search("会议提到")
    pane = window.search_pane
    assert pane.totals is not None and pane.totals.hits == 1
    assert not pane.documents.isVisible()  # one document: nothing to choose
    window.search("量子测量")
    assert pane.status.text().startswith("“量子测量”：没有结果")
    assert CROWDED_HITS > 50  # the crowded report alone fills the first page


def test_a_query_asked_again_while_its_interrupted_count_ends_gets_its_totals(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    entered, release = threading.Event(), threading.Event()
    counted: list[str] = []
    totals = Library.search_totals

    def interrupted_first(library: Library, query: str) -> SearchTotals:
        counted.append(query)
        if not release.is_set():
            entered.set()
            release.wait(10)
            raise sqlite3.OperationalError("interrupted")  # what an interrupted count raises
        return totals(library, query)

    monkeypatch.setattr(Library, "search_totals", interrupted_first)
    pane = window.search_pane
    window.search(WORD)
    assert entered.wait(10)  # its count runs
    window.search("科技")  # more than a page: its count interrupts the count of WORD
    window.search(WORD)  # asked again before that interrupted count has ended
    release.set()
    qtbot.waitUntil(lambda: pane.totals is not None, timeout=10_000)
    assert pane.query_text == WORD and pane.totals is not None and pane.totals.hits == TOTAL_HITS
    assert counted == [WORD, WORD] and not pane.error
