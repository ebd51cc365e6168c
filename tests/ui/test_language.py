"""Language: Qt's own dialogs speak Chinese in the Chinese UI; English text never carries
full-width punctuation; the language switches at run time, without a restart."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from viewer.resources import resource_path
from viewer.ui.i18n import install_language, qt_catalogue_folders
from viewer.ui.main_window import MainWindow

UI = Path(__file__).resolve().parents[2] / "viewer" / "ui"
FULL_WIDTH = set("（）：，。；、")
# Code that must hold full-width punctuation: the helpers that give it in Chinese only, and the
# pattern that splits a reviewer's tags as typed.
ALLOWED = {("i18n.py", "："), ("i18n.py", "（"), ("i18n.py", "）"), ("i18n.py", "、"),
           ("note_dialog.py", "[,，、;；\\s]+")}
# An invented report written with ASCII punctuation only: any full-width mark in the English
# window then comes from the program, not from the document.
REPORT = ("Qingxi 2023 keji gongzuo zongjie\n\n"
          "2023年全市研发经费投入达到45.6亿元,比上年增加5.2亿元,增长12.9%.\n\n"
          "2022年全市研发经费投入40.4亿元.全市高新技术企业达到320家,其中新增58家.\n\n"
          "中关村科技园区和清溪大学联合建设实验室3个.\n")


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    install_language("zh")
    yield
    install_language("zh")


def test_qt_dialogs_speak_chinese_in_the_chinese_ui(chinese: None, qtbot: QtBot) -> None:
    assert any((folder / "qtbase_zh_CN.qm").exists() for folder in qt_catalogue_folders())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["确定", "取消"]
    box = QMessageBox(QMessageBox.Icon.Question, "x", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"是(&Y)", "否(&N)"}
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert "取消" in {b.text() for b in dialog.findChildren(QPushButton)}
    install_language("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert [b.text() for b in english.buttons()] == ["OK", "Cancel"]


def english_tables() -> dict[str, str]:
    """Every English string of the translation tables: the UI's catalogue and the services' words
    for the review report and the exports."""
    from viewer.services import confidence, correction_rows, figure_words, review_cells
    from viewer.services.checks.verdicts import VERDICT_EN

    found: dict[str, str] = {}
    root = ElementTree.parse(resource_path("i18n", "viewer_en.ts")).getroot()
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        for form in translation.findall("numerusform") or [translation]:
            found[form.text or ""] = f"viewer_en.ts: {message.findtext('source')}"
    tables = [VERDICT_EN, review_cells.KIND_EN, review_cells.HEADERS["en"], review_cells.NOTE_STATUS["en"],
              review_cells.PUNCTUATION["en"], correction_rows.FIELD_EN, correction_rows.STATUS_EN,
              correction_rows.HEADERS["en"], confidence.INDICATOR_HOW_EN, confidence.REGION_HOW_EN,
              confidence.PERIOD_HOW_EN, confidence.MODALITY_EN, confidence.SLOT_EN, figure_words.KIND_WORDS["en"],
              figure_words.QUALIFIER_WORDS["en"], figure_words.ROLE_WORDS["en"]]
    for table in tables:
        for key, value in table.items():
            found[str(value)] = f"services table, key {key}"
    return found


def test_english_tables_carry_no_full_width_punctuation() -> None:
    wrong = {text: where for text, where in english_tables().items() if FULL_WIDTH & set(text)}
    assert not wrong, wrong


def code_punctuation() -> list[str]:
    """String constants in the UI's code, outside tr() and docstrings, with full-width marks."""
    found = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
                skip.update(id(a) for a in node.args)
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and \
                    isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip and \
                    FULL_WIDTH & set(node.value) and (path.name, node.value) not in ALLOWED:
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_ui_code_puts_no_full_width_punctuation_between_translated_words() -> None:
    found = code_punctuation()
    assert not found, "use i18n.colon(), in_brackets() or list_separator():\n" + "\n".join(found)


@pytest.fixture
def report_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from viewer.services.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("ascii-report")
    (folder / "qingxi.txt").write_text(REPORT, encoding="utf-8")
    store = folder / "store.db"
    assert ingest_paths(store, [folder / "qingxi.txt"], processes=0).ok
    return store


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps it private: one column
        return 1


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        for column in range(columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
        child = model.index(row, 0, parent)
        if not isinstance(model, QAbstractListModel) and model.rowCount(child):
            yield from model_texts(model, child)
    for column in range(columns(model, parent)):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield header


def window_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) of what the window shows: titles, menus, actions, labels, buttons, fields,
    lists and trees with their tooltips, and the status bar."""
    yield "window title", window.windowTitle()
    yield "status bar", window.statusBar().currentMessage()
    for action in window.findChildren(type(window.actions_by_name["quit"])):
        yield "action", action.text()
        yield "action tooltip", action.toolTip()
    for menu_action in window.menuBar().actions():
        yield "menu", menu_action.text()
    widgets: list[QWidget] = window.findChildren(QWidget)
    for widget in widgets:
        yield f"{type(widget).__name__} tooltip", widget.toolTip()
        if isinstance(widget, QDockWidget):
            yield "dock", widget.windowTitle()
        elif isinstance(widget, (QLabel, QAbstractButton)):
            yield type(widget).__name__, widget.text()
        elif isinstance(widget, QLineEdit):
            yield "field placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield "choice", widget.itemText(i)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield "tab", widget.tabText(i)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in model_texts(widget.model()):
                yield f"{type(widget).__name__} of {type(widget.parent()).__name__}", text


def test_the_english_window_shows_no_full_width_punctuation(qtbot: QtBot, report_store: Path,
                                                            tmp_path: Path) -> None:
    assert install_language("en")
    try:
        window = MainWindow(report_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.restore_session()
        window.show()
        qtbot.waitUntil(lambda: not window.starting_up(), timeout=20_000)
        assert window.current is not None and window.current.id is not None
        figures = window.library.figures(window.current.id)
        window.show_figure(next(f for f in figures if f.indicator))
        window.search("研发")
        for tree in window.findChildren(QTreeView):
            tree.expandAll()
        shown = [(where, text) for where, text in window_texts(window) if text]
        assert len(shown) > 100
        wrong = [(where, text) for where, text in shown if FULL_WIDTH & set(text)]
        assert not wrong, wrong
    finally:
        install_language("zh")


def test_switching_language_rebuilds_the_window_without_a_restart(qtbot: QtBot, report_store: Path,
                                                                   tmp_path: Path) -> None:
    install_language("zh")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow(report_store, settings)
    first.restore_session()
    first.show()
    qtbot.waitExposed(first)
    doc_id = first.current.id if first.current else None
    assert doc_id is not None and first.docks["library"].windowTitle() == "文档库"
    try:
        first.actions_by_name["language_en"].trigger()
        english = next(w for w in _open_windows() if w is not first)
        qtbot.addWidget(english)
        assert english.isVisible() and not first.isVisible() and english.language == "en"
        assert [a.text() for a in english.menuBar().actions()][:3] == ["&File", "&Edit", "&View"]
        assert english.docks["library"].windowTitle() == "Library"
        assert english.review.checks_pane.filter_box.itemText(0) == "Needs attention"
        assert english.current is not None and english.current.id == doc_id  # the same report, open
        assert settings.value("ui/language") == "en"
        assert english.actions_by_name["language_en"].isChecked()
        chinese = english.set_language("zh")
        assert chinese is not None
        qtbot.addWidget(chinese)
        assert chinese.docks["library"].windowTitle() == "文档库" and chinese.language == "zh"
    finally:
        install_language("zh")


def _open_windows() -> list[MainWindow]:
    from viewer.ui.language_switch import open_windows

    return list(open_windows)


def test_no_switch_while_an_import_runs(qtbot: QtBot, report_store: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    install_language("zh")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = MainWindow(report_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.importer = object()  # type: ignore[assignment]
    window.actions_by_name["language_en"].trigger()
    window.importer = None
    assert told and "完成后再切换" in told[0] and window.language == "zh" and window.isVisibleTo(None) is False
    assert window.actions_by_name["language_zh"].isChecked()


def test_the_reviewer_is_asked_before_the_undo_history_goes(qtbot: QtBot, report_store: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    install_language("zh")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_args: asked.append(text) or QMessageBox.StandardButton.No)
    window = MainWindow(report_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.restore_session()
    window.show()
    assert window.current is not None and window.current.id is not None
    window.review.add_note(window.current.id, 0, 4, "invented note")
    assert window.set_language("en") is None
    assert asked and "撤销记录将清空" in asked[0] and window.isVisible()
    assert window.actions_by_name["language_zh"].isChecked()
