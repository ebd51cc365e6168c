"""Through the window: removing several documents from the library (context menu, confirmation
naming the notes and corrections kept), a new version found after an import and replaced, the
demo in its own store and window, and the samples offered for removal from a reviewer's store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_changes_support import OTHER, TITLE, VERSION_1, VERSION_2
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from ui_corpus import ingest_here

from viewer.model.library_changes import RemovalPreview, VersionMatch
from viewer.services import notes
from viewer.services.demo import demo_store_path, sample_paths
from viewer.services.ingest import ingest_paths
from viewer.services.library import Library
from viewer.ui import demo_window
from viewer.ui.document_removal import removal_message_box
from viewer.ui.main_window import MainWindow
from viewer.ui.notes_model import NOTE_ROLE
from viewer.ui.versions_dialog import VersionsDialog

THIRD = ("松漠县科技局2024年工作要点\n发布单位：松漠县科学技术局\n时间：2024-02-02\n\n"
         "今年全县计划新增科技型中小企业三十家，建设县级科技创新服务中心一处。\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        ingest=ingest_here)
    qtbot.addWidget(window)
    window.show()
    window.open_first_document()
    return window


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    report = ingest_paths(path, [write(tmp_path / "in" / "柏川.txt", VERSION_1), write(tmp_path / "in" / "松漠.txt",
                          OTHER), write(tmp_path / "in" / "要点.txt", THIRD)], processes=0)
    assert report.ok, report.outcomes
    return path


def doc_id_of(window: MainWindow, name: str) -> int:
    [found] = [d.id for d in window.library.document_rows() if d.path.endswith(name)]
    assert found is not None
    return found


def select(window: MainWindow, doc_ids: list[int]) -> None:
    table = window.library_pane.table
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for doc_id in doc_ids:
        index = window.library_pane.proxy.mapFromSource(window.library_pane.model.index(
            window.library_pane.model.row_of(doc_id), 0))
        table.selectionModel().select(index, flags)


def test_removing_two_selected_documents_keeps_their_notes(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    first, other = doc_id_of(window, "柏川.txt"), doc_id_of(window, "松漠.txt")
    text = window.library.document(first).text
    start = text.index("技术合同成交额")
    window.library.add_note(first, start, start + 7, "核对口径")
    window.open_document(first)
    assert window.chart is not None  # loaded: the removal redraws it
    select(window, [first, other])
    assert window.removal.selected_ids() == sorted([first, other])
    asked: list[RemovalPreview] = []

    def confirm(_parent: QWidget, preview: RemovalPreview) -> bool:
        asked.append(preview)
        return True

    window.removal.confirm = confirm
    menu = window.removal.menu_for(window.removal.selected_ids())
    [action] = menu.actions()
    assert action.text() == "移除 2 份文档…"
    action.trigger()

    assert [(len(p.documents), p.notes, p.corrections) for p in asked] == [(2, 1, 0)]
    assert len(window.library_pane.visible_ids()) == 1
    assert window.current is not None and window.current.id not in (first, other)  # another report opened
    assert "已移除 2 份文档" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.review.notesRead, timeout=10_000):  # every note, read off the UI thread
        window.review.notes_pane.all_documents.setChecked(True)
    model = window.review.notes_pane.model
    [kept] = [model.index(r, 0).data(NOTE_ROLE) for r in range(model.rowCount())]
    assert kept.body == "核对口径" and kept.orphaned and kept.doc_id is None
    assert window.library.search("技术合同成交额") == []


def test_the_confirmation_says_what_happens_to_notes_and_corrections(qtbot: QtBot, store: Path,
                                                                     tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    first = doc_id_of(window, "柏川.txt")
    preview = window.library.removal_preview([first])
    box = removal_message_box(window, preview)
    assert box.text() == "从文档库中移除 1 份文档？"
    info = box.informativeText()
    assert TITLE in info and "0 条批注、0 条更正" in info and "不会删除" in info and "重新挂回" in info
    assert box.defaultButton() is box.escapeButton()  # Enter and Esc cancel

    window.removal.confirm = lambda _parent, _preview: False
    select(window, [first])
    assert window.removal.ask_remove() is None
    assert first in window.library_pane.visible_ids()


def test_a_new_version_found_after_an_import_is_replaced(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    old = doc_id_of(window, "柏川.txt")
    text = window.library.document(old).text
    start = text.index("技术合同成交额")
    note = window.library.add_note(old, start, start + 7, "留意口径")
    offered: list[list[VersionMatch]] = []
    told: list[str] = []

    def ask(_parent: QWidget, matches: list[VersionMatch]) -> list[VersionMatch]:
        offered.append(matches)
        return matches

    window.version_offer.ask = ask
    window.version_offer.tell = told.append
    controller = window.start_import([write(tmp_path / "修订" / "柏川_修订.txt", VERSION_2)], show_summary=False)
    assert controller is not None
    with qtbot.waitSignal(controller.done, timeout=60_000):
        pass
    [[match]] = offered
    assert match.old.doc_id == old and match.new.path.endswith("柏川_修订.txt") and match.notes == 1
    assert told and "批注 1 条移到新版本，0 条已失效" in told[0]
    paths = [d.path for d in window.library.document_rows()]
    assert not any(p.endswith("in/柏川.txt") for p in paths) and any(p.endswith("柏川_修订.txt") for p in paths)
    moved = notes.get_note(window.library.db, note.id or 0)
    assert moved.doc_id == match.new.doc_id


def test_the_versions_dialog_lists_the_pairs_and_lets_one_be_kept(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    ingest_paths(store, [write(tmp_path / "修订" / "柏川_修订.txt", VERSION_2)], processes=0)
    library = Library(store)
    new = [d.id for d in library.document_rows() if d.path.endswith("柏川_修订.txt")]
    matches = library.find_versions([i for i in new if i is not None])
    library.close()
    dialog = VersionsDialog(matches)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "柏川_修订.txt" and dialog.table.item(0, 1).text() == "柏川.txt"
    assert dialog.table.item(0, 2).text() == "5 / 6"
    assert dialog.chosen() == matches
    dialog.table.item(0, 0).setCheckState(dialog.table.item(0, 0).checkState().Unchecked)
    assert dialog.chosen() == []


def test_the_demo_opens_in_its_own_store_and_window(qtbot: QtBot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = make_window(qtbot, tmp_path / "mine.db", tmp_path)
    assert "帮助 → 示例" in window.document_pane.details.text()  # the empty store says what to do
    demo = window.actions_by_name["demo"]
    demo.trigger()
    opened = window.demo_window
    assert opened is not None and opened.is_demo and opened.store_path == demo_store_path()
    qtbot.addWidget(opened)
    assert "示例文档库" in opened.windowTitle() and "示例" not in window.windowTitle()
    assert opened.importer is not None
    with qtbot.waitSignal(opened.importer.done, timeout=120_000):
        pass
    assert len(opened.library.document_rows()) == len(sample_paths())
    assert "示例文档库" in opened.windowTitle()
    assert window.library.is_empty(), "the reviewer's store never gets the samples"
    assert window.open_demo() is opened  # raised, not opened twice
    assert demo_window.build_demo(opened) is None  # built: nothing to import


def test_a_store_holding_the_samples_is_offered_their_removal(qtbot: QtBot, store: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths(store, sample_paths(), processes=0)
    window = make_window(qtbot, store, tmp_path)
    questions: list[str] = []

    def no(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    assert demo_window.offer_sample_removal(window) is None
    assert f"{len(sample_paths())} 份软件自带的虚构示例报告" in questions[0]
    assert demo_window.offer_sample_removal(window) is None and len(questions) == 1  # asked once per store
    assert len(window.library.sample_documents()) == len(sample_paths())
    report = demo_window.offer_sample_removal(window, ask=False)
    assert report is None  # declined: kept
    window.session.settings.remove(demo_window.DECLINED_KEY)
    report = demo_window.offer_sample_removal(window, ask=False)
    assert report is not None and len(report.removed) == len(sample_paths())
    assert window.library.sample_documents() == [] and len(window.library_pane.visible_ids()) == 3


def test_a_store_that_cannot_be_written_is_told_not_raised(qtbot: QtBot, store: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store, tmp_path)
    first = doc_id_of(window, "柏川.txt")

    def read_only(_ids: list[int]) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    shown: list[str] = []
    monkeypatch.setattr(window.library, "remove_documents", read_only)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.removal.confirm = lambda _parent, _preview: True
    assert window.removal.ask_remove([first]) is None
    assert shown and str(store) in shown[0]
    assert first in window.library_pane.visible_ids()


def test_a_pair_kept_side_by_side_is_not_offered_again(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    offered: list[list[VersionMatch]] = []

    def keep_both(_parent: QWidget, matches: list[VersionMatch]) -> list[VersionMatch]:
        offered.append(matches)
        return []

    window.version_offer.ask = keep_both
    revised = write(tmp_path / "修订" / "柏川_修订.txt", VERSION_2)
    for _ in range(2):  # imported, then unchanged
        controller = window.start_import([revised], show_summary=False)
        assert controller is not None
        with qtbot.waitSignal(controller.done, timeout=60_000):
            pass
    assert len(offered) == 1
    assert len(window.library.document_rows()) == 4  # both versions kept
    window.version_offer.ask = lambda _parent, matches: offered.append(matches) or matches
    window.version_offer.tell = lambda _text: None
    window.session.settings.remove("versions/kept")
    controller = window.start_import([revised], show_summary=False)
    assert controller is not None
    with qtbot.waitSignal(controller.done, timeout=60_000):
        pass
    assert len(offered) == 2, "an unchanged revision imported again is offered (once the pair is forgotten)"
    assert len(window.library.document_rows()) == 3
