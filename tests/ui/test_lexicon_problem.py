"""A user lexicon with a mistake is told in the window, not only on the console: the window
still opens and analyses with the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from viewer import cli_lexicon
from viewer.ui.main_window import MainWindow


def test_a_broken_lexicon_is_told_in_the_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('[[indicator]]\nname = "不存在的指标名称"\naliases = ["某某"]\n', encoding="utf-8")
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(lexicon))
    monkeypatch.setattr(cli_lexicon, "problem", "")
    assert cli_lexicon.configure_lexicon(None) is None, "the window goes on with the bundled data"
    assert "lexicon.toml" in cli_lexicon.problem and "不存在的指标名称" in cli_lexicon.problem

    window = MainWindow(tmp_path / "store.sqlite",
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    box = window.tell_lexicon_problem(cli_lexicon.problem)
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert "不存在的指标名称" in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    assert "用户词表" in window.statusBar().currentMessage()
    box.close()


def test_a_good_lexicon_leaves_no_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_VIEWER_LEXICON", str(tmp_path / "none.toml"))
    monkeypatch.setattr(cli_lexicon, "problem", "")
    assert cli_lexicon.configure_lexicon(None) is None and cli_lexicon.problem == ""
