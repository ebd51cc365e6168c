"""A store that cannot be used reaches the reviewer as a message in the window (Chinese by
default, English on request) naming the file and the reason; the program exits with the command
line's code for it, and no traceback is printed. Background work and imports say the same."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from message_text import shown_text
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from viewer.cli import main
from viewer.services.store_problems import EXIT_NOT_A_STORE, EXIT_STORE_TOO_NEW, EXIT_STORE_UNAVAILABLE
from viewer.ui.i18n import install_language
from viewer.ui.import_worker import ImportController
from viewer.ui.ops import Op
from viewer.ui.startup import run_gui


def newer_store(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QMessageBox]]:
    """The message boxes the program shows, answered at once."""
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    yield shown
    install_language("zh")


def test_a_newer_store_at_start_up_is_a_dialog_and_exit_code_3(
        qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox], capfd: pytest.CaptureFixture[str]) -> None:
    store = newer_store(tmp_path / "新的.db")
    assert run_gui(store) == EXIT_STORE_TOO_NEW
    (box,) = boxes
    assert box.icon() == QMessageBox.Icon.Critical and box.windowTitle() == "文档库无法使用"
    assert str(store) in box.text() and "更新版本" in box.text() and "结构版本 99" in box.text()
    assert "Traceback" not in capfd.readouterr().err


def test_in_english_on_request(qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox],
                               capfd: pytest.CaptureFixture[str]) -> None:
    store = newer_store(tmp_path / "new.db")
    assert run_gui(store, lang="en") == EXIT_STORE_TOO_NEW
    text = boxes[0].text()
    assert boxes[0].windowTitle() == "The library cannot be used"
    assert str(store) in text and "newer version of the program (schema 99" in text
    assert not set("（）：，。；") & set(text)
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(("make", "code", "words"), [
    (lambda p: p.write_text("not a database " * 200, encoding="utf-8"), EXIT_NOT_A_STORE, "不是本程序的文档库"),
    (lambda p: p.mkdir(), EXIT_STORE_UNAVAILABLE, "无法打开或写入"),
])
def test_other_store_errors_through_the_command(
        qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox], capfd: pytest.CaptureFixture[str],
        make: object, code: int, words: str) -> None:
    store = tmp_path / "store.db"
    make(store)  # type: ignore[operator]
    assert main(["--store", str(store)]) == code  # the window, as `policy-viewer` opens it
    assert words in boxes[0].text() and str(store) in boxes[0].text()
    assert "Traceback" not in capfd.readouterr().err
    assert main(["search", "研发", "--store", str(store)]) == code  # the command line: the same code
    err = capfd.readouterr().err
    assert str(store) in err and "Traceback" not in err


def test_a_background_task_says_why_the_store_failed(qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox]) -> None:
    from PySide6.QtCore import QObject

    store = newer_store(tmp_path / "new.db")
    owner = QObject()
    op = Op(owner, "read", store, lambda op: op.library.is_empty())
    with qtbot.waitSignal(op.ended, timeout=10_000):
        op.start()
    error = op.message
    assert op.result is None and str(store) in error and "更新版本" in error and "StoreTooNewError" not in error


def test_an_import_into_a_store_that_fails_is_told_even_for_the_samples(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: told.append(shown_text(text)))
    store = newer_store(tmp_path / "new.db")
    report = tmp_path / "r.txt"
    report.write_text("某市科技工作报告\n\n2021年研发投入10亿元。", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(parent, store, [report], show_summary=False)
    with qtbot.waitSignal(controller.done, timeout=30_000) as done:
        controller.start()
    assert done.args == [None]
    assert len(told) == 1 and str(store) in told[0] and "更新版本" in told[0]


def test_a_quiet_reanalysis_of_a_store_that_fails_is_told(qtbot: QtBot, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    from viewer.ui.reanalysis_worker import ReanalysisController

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: told.append(shown_text(text)))
    store = tmp_path / "store.db"
    store.write_text("not a database " * 200, encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ReanalysisController(parent, store, show_summary=False)
    with qtbot.waitSignal(controller.done, timeout=30_000) as done:
        controller.start()
    assert done.args == [None]
    assert len(told) == 1 and str(store) in told[0] and "不是本程序的文档库" in told[0]


def test_a_full_disk_or_a_lock_at_start_up_is_told_with_exit_code_5(
        qtbot: QtBot, tmp_path: Path, boxes: list[QMessageBox], monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    from viewer.store import connection

    real = sqlite3.connect

    def tiny(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA max_page_count = 4")  # writing more is SQLite's "disk is full"
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(connection.sqlite3, "connect", tiny)
        assert run_gui(tmp_path / "full.db") == EXIT_STORE_UNAVAILABLE
    assert "磁盘已满" in boxes[-1].text() and str(tmp_path / "full.db") in boxes[-1].text()
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.1)
    try:
        assert run_gui(tmp_path / "locked.db") == EXIT_STORE_UNAVAILABLE
        assert "另一个程序使用" in boxes[-1].text()
        assert main(["search", "研发", "--store", str(tmp_path / "locked.db")]) == EXIT_STORE_UNAVAILABLE
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capfd.readouterr().err
    assert "locked by another program" in err and "Traceback" not in err
