"""文件 → 重新分析…: the stored reports are analysed again off the UI thread, with progress and
Cancel; afterwards the open document, the library and the findings show the new analysis."""

from __future__ import annotations

import dataclasses
import threading
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from message_text import shown_text
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from viewer.model import AnalyzedDocument
from viewer.services import reanalysis_document
from viewer.services.import_lock import import_lock
from viewer.services.reanalysis import ReanalysisProgress, ReanalysisReport, reanalyze
from viewer.ui.i18n import install_language, tr
from viewer.ui.main_window import MainWindow
from viewer.ui.reanalysis_worker import reanalysis_summary


def make_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def store(samples_copy: Path) -> Path:
    return samples_copy


def test_the_menu_reanalyses_and_the_open_document_shows_the_new_figures(
        qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store, tmp_path)
    window.reanalyze = partial(reanalyze, processes=0)
    window.open_first_document()
    assert window.current is not None and window.current.id is not None
    doc_id = window.current.id
    shown = window.document_pane.view.figures
    indicator = next(f.indicator for f in shown if f.indicator)
    moved = [f.text for f in shown if f.indicator == indicator]
    real = reanalysis_document.analyze_text

    def new_lexicon(path: str, text: str, sha256: str, with_index: bool = True) -> AnalyzedDocument:
        analysed = real(path, text, sha256, with_index)
        analysed.figures = [dataclasses.replace(f, indicator="评审后指标") if f.indicator == indicator else f
                            for f in analysed.figures]
        return analysed

    monkeypatch.setattr(reanalysis_document, "analyze_text", new_lexicon)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text: asked.append(shown_text(text))
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(shown_text(text)))

    window.actions_by_name["reanalyse"].trigger()

    controller = window.reanalyser
    assert controller is not None and asked and str(len(window.library.documents())) in asked[0]
    with qtbot.waitSignal(controller.done, timeout=60_000) as blocker:
        pass
    report = blocker.args[0]
    assert isinstance(report, ReanalysisReport) and report.ok
    assert doc_id in report.changed_documents
    assert window.reanalyser is None
    assert [f.text for f in window.document_pane.view.figures if f.indicator == "评审后指标"] == moved
    assert not [f for f in window.document_pane.view.figures if f.indicator == indicator]
    assert told == [reanalysis_summary(report)]
    assert window.statusBar().currentMessage() == told[0].splitlines()[0]


class SlowReanalysis:
    """Reports progress for one document, then waits to be cancelled (in the worker thread)."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None

    def __call__(self, store: Any, doc_ids: Any, progress: Any = None,
                 cancel: threading.Event | None = None) -> ReanalysisReport:
        self.thread = threading.current_thread()
        assert progress is not None and cancel is not None
        progress(ReanalysisProgress(1, 4, 100, 400, "青岚市科技工作总结", 0.5))
        cancel.wait(10)
        return ReanalysisReport(total=4, cancelled=cancel.is_set())


def test_progress_and_cancel_off_the_ui_thread(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    slow = SlowReanalysis()
    window.reanalyze = slow
    controller = window.start_reanalysis(show_summary=False)
    assert controller is not None
    assert window.start_reanalysis() is None  # one at a time
    qtbot.waitUntil(lambda: controller.dialog.maximum() == 4, timeout=5000)
    assert controller.dialog.value() == 1 and "青岚市科技工作总结" in controller.dialog.labelText()
    assert slow.thread is not None and slow.thread is not threading.main_thread()
    with qtbot.waitSignal(controller.done, timeout=5000) as blocker:
        controller.dialog.canceled.emit()  # what the Cancel button and Esc do
    assert blocker.args[0].cancelled
    assert "取消" in reanalysis_summary(blocker.args[0])
    assert window.reanalyser is None


def test_the_dialog_says_it_waits_for_an_import_into_the_store(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, store, tmp_path)
    window.reanalyze = partial(reanalyze, processes=0)
    with import_lock(store):  # an import (another process's, say) holds the store
        controller = window.start_reanalysis(show_summary=False)
        assert controller is not None
        qtbot.waitUntil(lambda: controller.dialog.labelText() == tr("正在等待另一个导入或重新分析完成…"), timeout=5000)
        blocker = qtbot.waitSignal(controller.done, timeout=30000)
    with blocker:
        pass
    assert blocker.args[0].ok and blocker.args[0].reanalysed == blocker.args[0].total > 0


def test_the_menu_entry_speaks_english(qtbot: QtBot) -> None:
    assert install_language("en")
    try:
        assert tr("重新分析…") == "Re-analyse…"
        assert tr("已重新分析 %1 / %2：%3") == "Re-analysed %1 of %2: %3"
    finally:
        install_language("zh")
