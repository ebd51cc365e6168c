"""The review tools in the window: checks panel -> document, marks, chart flags, notes with
undo/redo, orphaned notes after a re-import, re-checks and the review report."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot
from ui_corpus import ingest_here

from viewer.model.review import CheckKind, Finding, NoteStatus, Verdict
from viewer.services.library import Library
from viewer.store import checks as store_checks
from viewer.ui import note_dialog
from viewer.ui.main_window import MainWindow
from viewer.ui.notes_model import STATUS
from viewer.ui.review_labels import FLAG_CONFLICT


def open_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        ingest=ingest_here)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    with qtbot.waitSignal(window.review.findingsCounted, timeout=30_000):  # counted after it is shown
        window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, samples_store: Path, tmp_path: Path) -> Iterator[MainWindow]:
    copy = tmp_path / "store.sqlite"
    shutil.copy(samples_store, copy)
    yield open_window(qtbot, copy, tmp_path)


def conflict(window: MainWindow, across: bool = True) -> Finding:
    """A disagreement the reviewer must look at: between reports (worded as a question), or
    within one report (a flagged conflict)."""
    found = [f for f in window.library.findings(kind=CheckKind.CONFLICT) if f.needs_attention
             and (len(f.doc_ids) > 1 if across else f.verdict == Verdict.CONFLICT)]
    assert found, "the samples should hold a conflict " + ("between two reports" if across else "in a report")
    return found[0]


def test_clicking_a_finding_opens_its_evidence(qtbot: QtBot, window: MainWindow) -> None:
    finding = conflict(window)
    pane = window.review.checks_pane
    first, other = finding.evidence[0], next(e for e in finding.evidence if e.doc_id != finding.evidence[0].doc_id)
    assert finding.id is not None and pane.select_finding(finding.id, first.doc_id)
    index = pane.tree.currentIndex()
    window.open_first_document()  # somewhere else, so the click must move the document pane
    pane.tree.scrollTo(index)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=pane.tree.visualRect(index).center())
    assert window.current is not None and window.current.id == first.doc_id
    view = window.document_pane.view
    assert view.selected_span() == (first.start, first.end)
    assert (first.start, first.end) in view._selected_spans
    assert finding.message.split("：")[0] in pane.message.text()
    row = next(i for i in range(pane.evidence.count()) if pane.evidence.item(i).text().startswith("另一数值"))
    pane.evidence.itemClicked.emit(pane.evidence.item(row))
    assert window.current.id == other.doc_id
    assert view.selected_span() == (other.start, other.end)
    assert view.textCursor().selectedText() == other.text


def test_flagged_figures_are_marked_in_text_and_chart(qtbot: QtBot, window: MainWindow) -> None:
    finding = conflict(window, across=False)
    evidence = finding.evidence[0]
    assert evidence.figure_id is not None
    window.open_document(evidence.doc_id)
    view = window.document_pane.view
    assert evidence.figure_id in {f.id for f in view.flagged_figures()}
    block = view.document().findBlock(view._utf16.to_utf16(evidence.start))
    offset = view._utf16.to_utf16(evidence.start) - block.position()
    styles = [r.format.underlineStyle() for r in block.layout().formats() if r.start <= offset < r.start + r.length]
    assert styles == [QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert finding.message in view.tooltip_at(evidence.start)
    figure = window.library.figure(evidence.figure_id)
    window.show_figure(figure)
    expected = (float(evidence.year or 0), pytest.approx((evidence.value or 0) / window.chart.factor), FLAG_CONFLICT)
    qtbot.waitUntil(lambda: expected in window.chart.flagged_points(), timeout=5_000)  # read once it is shown
    assert "数据冲突" in window.chart.legend.text()


def test_notes_add_edit_delete_with_undo_and_redo(qtbot: QtBot, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_first_document()
    assert window.current is not None and window.current.id is not None
    doc_id, view, pane = window.current.id, window.document_pane.view, window.review.notes_pane
    answers: list[Any] = [("口径存疑", ("存疑", "待核实"))]
    monkeypatch.setattr(note_dialog, "ask_note", lambda *args: answers.pop(0))
    window.actions_by_name["add_note"].trigger()  # nothing selected: nothing asked
    assert answers and window.library.notes(doc_id) == []
    view.select_span(10, 16)
    window.actions_by_name["add_note"].trigger()
    (note,) = window.library.notes(doc_id)
    assert (note.start, note.end, note.body, note.tags) == (10, 16, "口径存疑", ("存疑", "待核实"))
    assert note.quote == view.text()[10:16]
    assert pane.model.rowCount() == 1 and view.annotated_spans() == [(10, 16)]
    assert window.actions_by_name["add_note"].shortcut().toString() == "Ctrl+M"

    answers.append(("口径已核对", ("已核",)))
    index = pane.model.index(0, 2)
    pane.table.doubleClicked.emit(index)
    assert window.library.notes(doc_id)[0].body == "口径已核对"
    pane.select_note(note.id or 0)
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert window.library.notes(doc_id) == [] and pane.model.rowCount() == 0 and view.annotated_spans() == []

    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.shortcut().toString() == "Ctrl+Z" and "Ctrl+Shift+Z" in [s.toString() for s in redo.shortcuts()]
    undo.trigger()  # the delete: the note is back with its id
    (restored,) = window.library.notes(doc_id)
    assert restored.id == note.id and restored.body == "口径已核对"
    undo.trigger()  # the edit
    assert window.library.notes(doc_id)[0].body == "口径存疑"
    undo.trigger()  # the add
    assert window.library.notes(doc_id) == [] and not undo.isEnabled()
    for _ in range(3):
        redo.trigger()
    assert window.library.notes(doc_id) == [] and not redo.isEnabled()
    undo.trigger()
    assert [n.id for n in window.library.notes(doc_id)] == [note.id]
    assert pane.model.rowCount() == 1 and view.annotated_spans() == [(10, 16)]


def wait_import(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> None:
    controller = window.start_import(paths, show_summary=False)
    assert controller is not None
    qtbot.waitUntil(lambda: window.importer is None, timeout=30_000)


def test_orphaned_note_is_shown_after_a_changed_file_is_reimported(qtbot: QtBot, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("甲市科技工作报告\n全年研发投入达到34.94亿元。\n新建创新平台12家。\n", encoding="utf-8")
    window = MainWindow(tmp_path / "store.sqlite",
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat), ingest=ingest_here)
    qtbot.addWidget(window)
    window.show()
    wait_import(qtbot, window, [report])
    assert window.current is not None and window.current.id is not None
    doc_id, text = window.current.id, window.current.text
    kept, gone = text.index("研发投入"), text.index("新建创新平台")
    window.review.add_note(doc_id, kept, kept + 4, "核对投入")
    window.review.add_note(doc_id, gone, gone + 6, "平台数量")
    report.write_text("甲市科技工作报告（修订）\n全年研发投入达到35亿元。\n", encoding="utf-8")
    wait_import(qtbot, window, [report])
    pane = window.review.notes_pane
    assert pane.model.rowCount() == 2, "an orphaned note is never dropped"
    statuses = {pane.model.index(r, 2).data(): pane.model.index(r, STATUS).data() for r in range(2)}
    assert statuses["平台数量"] == "原文已变更，找不到原文"
    assert statuses["核对投入"] == "已重新定位"
    assert "找不到原文" in pane.counts.text()
    view = window.document_pane.view
    assert view.text() == window.library.document(doc_id).text  # the changed text is shown
    moved = next(n for n in window.library.notes(doc_id) if n.status == NoteStatus.MOVED)
    assert view.annotated_spans() == [(moved.start, moved.end)]
    assert view.text()[moved.start:moved.end] == "研发投入"


def test_review_report_is_exported_off_the_ui_thread(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window.review.add_note(1, 0, 4, "标题核对")
    writers: list[threading.Thread] = []
    original = Library.write_review

    def recording(library: Library, *args: Any) -> None:
        writers.append(threading.current_thread())
        original(library, *args)

    monkeypatch.setattr(Library, "write_review", recording)
    out = tmp_path / "review.xlsx"
    started = time.perf_counter()
    with qtbot.waitSignal(window.review.exported, timeout=30_000) as blocker:
        task = window.review.export_review(out, "xlsx")
        assert task is not None and window.review.export_review(out, "xlsx") is None  # one at a time
    assert blocker.args[2] == "" and blocker.args[0] == out
    assert time.perf_counter() - started < 10
    assert len(writers) == 1 and writers[0] is not threading.main_thread()
    book = openpyxl.load_workbook(out, read_only=True)
    sheets = {name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
    assert len(sheets) >= 2
    cells = " ".join(str(c) for rows in sheets.values() for row in rows for c in row if c is not None)
    assert "标题核对" in cells and conflict(window).message.split("：")[0] in cells
    assert "审阅报告已导出" in window.statusBar().currentMessage()


def test_recheck_refreshes_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    # As if the checks had never run: no findings, and none counted (the writes of findings keep
    # the counts the panel reads, migration 22).
    store_checks.replace_findings(window.library.db, [])
    with qtbot.waitSignal(window.review.findingsCounted, timeout=30_000):
        window.review.refresh_findings()
    assert window.review.counts == {} and window.review.checks_pane.model.rowCount() == 0
    with qtbot.waitSignal(window.review.findingsCounted, timeout=30_000), \
            qtbot.waitSignal(window.review.rechecked, timeout=30_000) as blocker:
        window.actions_by_name["recheck"].trigger()
    assert blocker.args[1] == ""
    assert window.review.counts and window.review.checks_pane.model.rowCount() > 0
    assert window.review.flags_for(list(conflict(window, across=False).figure_ids))


def test_a_note_written_is_announced_and_every_note_is_read_off_the_ui_thread(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_first_document()
    assert window.current is not None and window.current.id is not None
    pane = window.review.notes_pane
    with qtbot.waitSignal(window.review.notesRead, timeout=10_000):
        pane.all_documents.setChecked(True)
    assert pane.model.rowCount() == 0
    announced: list[frozenset[str]] = []
    window.ops.changed.connect(announced.append)
    readers: list[threading.Thread] = []
    notes = Library.notes

    def note_reader(library: Library, *args: Any) -> Any:
        readers.append(threading.current_thread())
        return notes(library, *args)

    monkeypatch.setattr(Library, "notes", note_reader)
    with qtbot.waitSignal(window.review.notesRead, timeout=10_000):
        window.review.add_note(window.current.id, 2, 6, "来源待查")
    assert announced == [frozenset({"notes"})]
    assert pane.model.rowCount() == 1 and pane.model.index(0, 2).data() == "来源待查"
    assert any(t is not threading.main_thread() for t in readers)  # the store's notes, in the op's thread
