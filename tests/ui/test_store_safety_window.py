"""The window checks its store once it is shown: a damaged store is opened read-only with a dialog
that says what to do; findings an interrupted import left incomplete are recomputed while the
status bar says so."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from safety_support import checkpoint, destroy_table

from viewer.ui.main_window import MainWindow


@pytest.fixture
def store(samples_copy: Path) -> Path:
    return samples_copy


def open_window(qtbot: QtBot, store: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every status bar message shown, in order."""
    shown: list[str] = []
    original = MainWindow.statusBar

    def status_bar(window: MainWindow):  # type: ignore[no-untyped-def]
        bar = original(window)
        if not getattr(bar, "_recorded", False):
            bar.messageChanged.connect(lambda text: shown.append(text) if text else None)
            bar._recorded = True  # type: ignore[attr-defined]
        return bar

    monkeypatch.setattr(MainWindow, "statusBar", status_bar)
    yield shown


def test_a_damaged_store_opens_read_only_with_a_dialog(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    checkpoint(store)
    destroy_table(store, "document_chars_data")  # not read to show the window
    window = open_window(qtbot, store, tmp_path)
    qtbot.waitUntil(lambda: window.safety.check is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "store_damaged")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(store) in box.text() and "只读" in box.text() and "policy-viewer repair" in box.text()
    badge = window.findChild(QLabel, "store_read_only")
    assert isinstance(badge, QLabel) and badge.text() == "文档库已损坏，只读"
    before = store.read_bytes()
    with pytest.raises(sqlite3.OperationalError):  # nothing is written to it any more
        window.library.add_note(window.library.documents()[0].id or 0, 0, 2, "不会写入")
    assert store.read_bytes() == before
    box.close()


def test_findings_left_incomplete_are_completed_at_start_up(
        qtbot: QtBot, store: Path, tmp_path: Path, messages: list[str]) -> None:
    conn = sqlite3.connect(store)
    expected = conn.execute("SELECT count(*) FROM checks").fetchone()[0]
    with conn:  # as an import killed in its checks leaves it
        conn.execute("DELETE FROM check_evidence")
        conn.execute("DELETE FROM checks")
        conn.execute("INSERT INTO store_state (key, value) VALUES ('checks_pending', 'killed')")
    conn.close()
    assert expected > 0
    window = open_window(qtbot, store, tmp_path)
    qtbot.waitUntil(lambda: window.safety.check is not None and not window.safety.completing
                    and not window.starting_up(), timeout=20_000)
    assert "上次导入在核查时中断，正在补完数字核查…" in messages
    assert any(m.startswith("数字核查已补完") for m in messages)
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT count(*) FROM checks").fetchone()[0] == expected
    assert conn.execute("SELECT count(*) FROM store_state WHERE key = 'checks_pending'").fetchone()[0] == 0
    conn.close()
    assert window.safety.damaged_box is None
