from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.resources import resource_path
from viewer.ui.i18n import install_language, tr

UI = Path(__file__).resolve().parents[2] / "viewer" / "ui"


def tr_strings() -> set[str]:
    found = set()
    for path in UI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args and \
                    isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def catalogue() -> dict[str, str]:
    root = ElementTree.parse(resource_path("i18n", "viewer_en.ts")).getroot()
    entries = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")]
        entries[source] = forms[0] if forms else (translation.text or "")
    return entries


def test_every_ui_string_has_an_english_translation() -> None:
    entries = catalogue()
    missing = sorted(s for s in tr_strings() if not entries.get(s))
    assert not missing, f"add these to resources/i18n/viewer_en.ts: {missing}"


def test_compiled_catalogue_is_what_lrelease_makes_of_the_source(tmp_path: Path) -> None:
    """Compared by content, not file times (a fresh clone makes every time equal)."""
    ts, qm = resource_path("i18n", "viewer_en.ts"), resource_path("i18n", "viewer_en.qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    made = tmp_path / "viewer_en.qm"
    run = subprocess.run([str(lrelease), str(ts), "-qm", str(made)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert qm.read_bytes() == made.read_bytes(), \
        "viewer_en.qm is stale: pyside6-lrelease resources/i18n/viewer_en.ts -qm resources/i18n/viewer_en.qm"


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    assert install_language("en")
    yield
    install_language("zh")


def test_english_menus(english: None, qtbot: QtBot) -> None:
    assert tr("文件(&F)") == "&File"
    assert tr("%n 个数字", 1) == "1 figure" and tr("%n 个数字", 3) == "3 figures"


def test_chinese_is_the_default() -> None:
    install_language("zh")
    assert tr("文件(&F)") == "文件(&F)"
    assert tr("%n 个数字", 3) == "3 个数字"


def test_window_in_english(english: None, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from viewer.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "store.sqlite", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Review", "&Help"]
    assert window.docks["library"].windowTitle() == "Library"


def test_review_tools_in_english(english: None, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from viewer.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "store.sqlite", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.docks["checks"].windowTitle() == "Checks" and window.docks["notes"].windowTitle() == "Notes"
    assert window.actions_by_name["add_note"].text() == "Add note…"
    assert window.actions_by_name["export_review"].text() == "Export review report…"
    assert window.review.checks_pane.filter_box.itemText(0) == "Needs attention"
