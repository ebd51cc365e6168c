"""No widget interprets report text as markup (issue 14, "HTML in tooltips").

Two invented reports whose file names, titles, sentences and notes hold HTML (bold, an image from
a local file) are imported; the window opens one, lists the checks, shows a finding's evidence
and the notes; then every widget, action, view item and tooltip is walked. A text Qt would read as
rich text (a tooltip or an automatic-format label whose text looks like markup, or a rich-text
label) may hold report text only escaped; a plain text must not show escaped entities."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import html
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot
from reliability_table import Record

from viewer.model.review import CheckKind
from viewer.services.ingest import ingest_paths
from viewer.services.notes import add_note
from viewer.store import open_store
from viewer.ui.main_window import MainWindow

MARKUP = '<b>粗体</b><img src="file:///tmp/policy-viewer-probe.png">'
TAGS = ("<b>", "<img")
ROLES = {Qt.ItemDataRole.DisplayRole: "display", Qt.ItemDataRole.ToolTipRole: "tooltip"}


def _report(value: int, title_first: bool) -> str:
    title = f"{MARKUP}株洲市2023年科技工作报告" if title_first else f"株洲市2023年{MARKUP}科技工作报告"
    return (f"{title}\n\n"
            f"{MARKUP}2023年，全市高新技术企业达到{value}家，技术合同成交额{value // 4}亿元。\n\n"
            f"全市新增省级研发平台{value // 10}个。{MARKUP}\n")


def _ingest(*args: object, **kwargs: object) -> object:
    return ingest_paths(*args, processes=0, **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Shown:
    where: str
    text: str
    rich: bool


def _rich(text: str, fmt: Qt.TextFormat) -> bool:
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def _model_texts(model: QAbstractItemModel, name: str, parent: QModelIndex = QModelIndex()) -> Iterator[Shown]:  # noqa: B008
    for row in range(model.rowCount(parent)):
        column = 0
        while (index := model.index(row, column, parent)).isValid():  # list models hide columnCount
            column += 1
            for role, kind in ROLES.items():
                value = index.data(role)
                if isinstance(value, str) and value:
                    # Views paint DisplayRole as plain text; tooltips are guessed.
                    rich = role == Qt.ItemDataRole.ToolTipRole and GuiQt.mightBeRichText(value)
                    yield Shown(f"{name} {kind} [{row},{column - 1}]", value, rich)
        first = model.index(row, 0, parent)
        if model.rowCount(first):
            yield from _model_texts(model, name, first)


def shown_texts(window: MainWindow) -> list[Shown]:
    found: list[Shown] = []
    for widget in [window, *window.findChildren(QWidget)]:
        name = _name(widget)
        if widget.toolTip():
            found.append(Shown(f"{name} tooltip", widget.toolTip(), GuiQt.mightBeRichText(widget.toolTip())))
        if isinstance(widget, QLabel) and widget.text():
            found.append(Shown(f"{name} label", widget.text(), _rich(widget.text(), widget.textFormat())))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            found.extend(_model_texts(widget.model(), name))
    for action in window.findChildren(QAction):
        if action.toolTip():
            found.append(Shown(f"action {action.text()!r} tooltip", action.toolTip(),
                               GuiQt.mightBeRichText(action.toolTip())))
    return found


def _name(widget: QWidget) -> str:
    """The attribute that holds the widget in a pane (ChecksPane.evidence), else its class."""
    parent = widget.parentWidget()
    while parent is not None:
        for attribute, value in vars(parent).items():
            if value is widget:
                return f"{type(parent).__name__}.{attribute}"
        parent = parent.parentWidget()
    return type(widget).__name__


def _as_shown(item: Shown) -> str:
    if not item.rich:
        return item.text
    document = QTextDocument()
    document.setHtml(item.text)
    return document.toPlainText()


def _expand(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.hasChildren(index) or model.canFetchMore(index):
            _expand(model, index)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "<b>甲报告<i>.txt").write_text(_report(120, True), encoding="utf-8")
    (folder / "<img src=x>乙.txt").write_text(_report(160, False), encoding="utf-8")
    store = tmp_path / "store.sqlite"
    assert ingest_paths(store, [folder], processes=0).count("imported") == 2
    db = open_store(store)
    doc_id = db.execute("SELECT id FROM documents ORDER BY id").fetchone()[0]
    add_note(db, doc_id, 0, 4, body=f"请核对{MARKUP}", tags=[MARKUP])
    db.conn.close()
    shown = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                       ingest=_ingest)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    with qtbot.waitSignal(shown.review.findingsCounted, timeout=30_000):
        shown.show()
    qtbot.waitExposed(shown)
    yield shown


def test_no_widget_reads_report_text_as_markup(qtbot: QtBot, window: MainWindow, record: Record) -> None:
    findings = [f for f in window.library.findings(kind=CheckKind.CONFLICT) if len(f.doc_ids) > 1]
    assert findings, "the two reports disagree: a conflict between them is listed"
    doc_id = findings[0].evidence[0].doc_id
    assert window.open_document(doc_id)
    pane = window.review.checks_pane
    _expand(pane.tree.model())
    assert findings[0].id is not None and pane.select_finding(findings[0].id, doc_id)
    window.search("高新技术企业")
    qtbot.waitUntil(lambda: window.search_pane.documents.topLevelItemCount() > 0, timeout=10_000)
    place = next(e for e in window.library.entities() if e.name == "株洲市")
    window.show_entity(place)
    qtbot.waitUntil(lambda: window.entity_pane.documents.count() > 0, timeout=10_000)

    texts = shown_texts(window)
    interpreted = [t for t in texts if t.rich and any(tag in t.text for tag in TAGS)]
    entities = [t for t in texts if not t.rich and html.escape(MARKUP) in t.text]
    reached = sorted({t.where.split(" [")[0] for t in texts if MARKUP in _as_shown(t)})
    record("report HTML in widgets and tooltips", "shown as text everywhere",
           f"{len(interpreted)} interpreted, {len(entities)} shown as entities, text seen in {len(reached)} places")
    assert not interpreted, [(t.where, t.text[:80]) for t in interpreted]
    assert not entities, [(t.where, t.text[:80]) for t in entities]
    for pane in ("librarypane", "checkspane.tree", "checkspane.evidence", "notespane", "searchpane.results",
                 "searchpane.documents", "entitypane.documents", "documentpane.title"):
        assert any(pane in where.lower() for where in reached), (pane, reached)


def test_document_text_keeps_the_markup_as_characters(window: MainWindow, record: Record) -> None:
    doc_id = window.library.documents()[0].id
    assert doc_id is not None and window.open_document(doc_id)
    document = window.document_pane.view.document()
    images = [1 for block in _blocks(document) for fragment in _fragments(block) if fragment.charFormat().isImageFormat()]
    record("report HTML in the document pane", "characters, no image", f"{len(images)} images")
    assert MARKUP in document.toPlainText() and not images


def _blocks(document: QTextDocument) -> Iterator[object]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block: object) -> Iterator[object]:
    iterator = block.begin()  # type: ignore[attr-defined]
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1

