from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from ui_corpus import corpus_files, ingest_here

from viewer.model import ImportOutcome
from viewer.services.ingest import IngestProgress, IngestReport
from viewer.ui.import_worker import ImportController, import_summary
from viewer.ui.main_window import MainWindow


def make_window(qtbot: QtBot, store: Path, tmp_path: Path, ingest: Any = ingest_here) -> MainWindow:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings, ingest=ingest)
    qtbot.addWidget(window)
    window.show()
    return window


class SlowIngest:
    """Reports progress for each path, then waits to be cancelled (runs in the worker thread)."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.reported = threading.Event()

    def __call__(self, store: Any, paths: list[Any], progress: Any = None,
                 cancel: threading.Event | None = None) -> IngestReport:
        self.thread = threading.current_thread()
        assert progress is not None and cancel is not None
        progress(IngestProgress(1, 3, 10, 30, str(paths[0]), 0.5))
        self.reported.set()
        cancel.wait(10)
        report = IngestReport([ImportOutcome(str(paths[0]), "imported", doc_id=1)])
        report.cancelled = cancel.is_set()
        return report


def test_import_runs_off_the_ui_thread_with_progress_and_cancel(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "store.sqlite", tmp_path, ingest=SlowIngest())
    slow = window.ingest
    assert isinstance(slow, SlowIngest)
    controller = window.start_import(["a.txt", "b.txt", "c.txt"], show_summary=False)
    assert controller is not None
    assert window.start_import(["d.txt"]) is None  # one import at a time
    qtbot.waitUntil(lambda: controller.dialog.maximum() == 3, timeout=5000)
    assert controller.dialog.value() == 1 and "a.txt" in controller.dialog.labelText()
    assert slow.thread is not None and slow.thread is not threading.main_thread()
    with qtbot.waitSignal(controller.done, timeout=5000) as blocker:
        controller.dialog.canceled.emit()  # what the Cancel button and Esc do
    report = blocker.args[0]
    assert report.cancelled
    assert "取消" in import_summary(report)
    assert window.importer is None


def test_failures_are_listed_with_reasons(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(corpus_files()[2].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"this is not a zip archive")
    window = make_window(qtbot, tmp_path / "store.sqlite", tmp_path)
    controller = window.start_import([folder], show_summary=False)
    assert controller is not None
    with qtbot.waitSignal(controller.done, timeout=60_000) as blocker:
        pass
    report = blocker.args[0]
    assert [Path(o.path).name for o in report.failed] == ["broken.docx"]
    summary = import_summary(report)
    assert "broken.docx" in summary and report.failed[0].reason in summary
    assert len(window.library_pane.visible_ids()) == 1  # the library refreshed
    assert window.current is not None  # and the imported report is open


def test_an_empty_store_of_the_demo_or_self_test_gets_the_samples(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "empty.sqlite", tmp_path)
    assert window.library.is_empty()
    controller = window.import_samples_if_empty()
    assert controller is not None
    with qtbot.waitSignal(controller.done, timeout=120_000):
        pass
    assert not window.library.is_empty()
    assert window.library_pane.visible_ids()
    assert window.import_samples_if_empty() is None


def test_drop_files_starts_an_import(qtbot: QtBot, tmp_path: Path) -> None:
    calls: list[list[Any]] = []

    def record(store: Any, paths: list[Any], progress: Any = None, cancel: Any = None) -> IngestReport:
        calls.append(list(paths))
        return IngestReport()

    window = make_window(qtbot, tmp_path / "store.sqlite", tmp_path, ingest=record)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    assert window.importer is None
    window.dropEvent(event)
    controller = window.importer
    assert isinstance(controller, ImportController)
    qtbot.waitUntil(lambda: window.importer is None, timeout=5000)
    assert calls == [[str(tmp_path / "x.txt")]]
