"""The 更正记录 dock: every correction listed (orphaned ones in red, never dropped), filtered by
words, status, field and document; a row jumps to its figure's sentence; undoing one from the
dock is undoable on the window's stack."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot
from ui_corpus import ingest_here

from viewer.model import Correction, CorrectionStatus, Source
from viewer.services import corrections as corrections_service
from viewer.services.ingest import ingest_paths
from viewer.store import open_store
from viewer.ui.corrections_filter import CorrectionFilter, filtered
from viewer.ui.corrections_model import AUTHOR, CHANGE, DOCUMENT, FIGURE, STATUS, TIME
from viewer.ui.corrections_pane import CorrectionsPane
from viewer.ui.main_window import MainWindow
from viewer.ui.review_labels import ALERT_COLOUR


def correction(cid: int, quote: str, changes: dict[str, object], machine: dict[str, object],
               status: str = CorrectionStatus.APPLIED, path: str = "/报告/甲市.txt", title: str = "甲市科技工作回顾",
               author: str = "审核员", sentence: str = "") -> Correction:
    return Correction(doc_path=path, start=10 * cid, end=10 * cid + len(quote), quote=quote, changes=changes,
                      machine=machine, doc_id=1, author=author, status=status, id=cid,
                      created_at="2024-03-01T02:00:00+00:00", updated_at=f"2024-03-0{cid}T02:30:00+00:00",
                      title=title, sentence=sentence or f"全市指标达到{quote}。")


def invented() -> list[Correction]:
    return [
        correction(1, "45亿元", {"indicator": "技术合同登记额"}, {"indicator": "技术合同成交额"}),
        correction(2, "12%", {"year": 2022}, {"year": 2023}, author="李四",
                   sentence="同比增长12%，<b>不是标记</b>。"),
        correction(3, "12345", {"excluded": True}, {"excluded": False, "indicator": None, "region": None},
                   status=CorrectionStatus.ORPHANED, path="/报告/乙市.txt", title="乙市工作报告"),
        correction(4, "86亿元", {"value": 8.7e9}, {"value": 8.6e9}, status=CorrectionStatus.MOVED,
                   path="/报告/乙市.txt", title="乙市工作报告"),
    ]


def cells(pane: CorrectionsPane, column: int) -> list[str]:
    model = pane.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_every_correction_is_listed_and_the_orphaned_one_stands_out(qtbot: QtBot) -> None:
    pane = CorrectionsPane()
    qtbot.addWidget(pane)
    pane.set_corrections(invented())
    assert cells(pane, FIGURE) == ["45亿元", "12%", "12345", "86亿元"]
    assert cells(pane, CHANGE)[0] == "指标：技术合同成交额 → 技术合同登记额"
    assert cells(pane, STATUS) == ["已应用", "已应用", "原文已不存在", "已应用（位置有变）"]
    assert cells(pane, DOCUMENT) == ["甲市科技工作回顾", "甲市科技工作回顾", "乙市工作报告", "乙市工作报告"]
    assert cells(pane, AUTHOR) == ["审核员", "李四", "审核员", "审核员"]
    assert all(len(t) == 16 and t.startswith("2024-03-0") for t in cells(pane, TIME))
    red = pane.model.index(2, STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color().name() == ALERT_COLOUR
    assert pane.model.index(0, STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    assert pane.counts.text() == "4 条更正 · 1 条原文已不存在"
    # the sentence in the tooltip is text, never markup
    tip = pane.model.index(1, FIGURE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in tip and html.unescape(tip).count("<b>不是标记</b>") == 1
    orphan_tip = html.unescape(pane.model.index(2, FIGURE).data(Qt.ItemDataRole.ToolTipRole))
    assert "原文中已找不到该数字" in orphan_tip and "12345" in orphan_tip


def test_filters_by_words_status_field_and_document(qtbot: QtBot) -> None:
    pane = CorrectionsPane()
    qtbot.addWidget(pane)
    pane.set_corrections(invented())
    pane.filter_edit.setText("登记额")
    assert cells(pane, FIGURE) == ["45亿元"]
    pane.filter_edit.setText("李四")
    assert cells(pane, FIGURE) == ["12%"]
    assert pane.counts.text() == "显示 1 / 4 条更正 · 1 条原文已不存在"
    pane.filter_edit.clear()
    pane.status_box.setCurrentIndex(pane.status_box.findData(CorrectionStatus.ORPHANED))
    assert cells(pane, FIGURE) == ["12345"]
    pane.status_box.setCurrentIndex(0)
    pane.field_box.setCurrentIndex(pane.field_box.findData("year"))
    assert cells(pane, FIGURE) == ["12%"]
    pane.field_box.setCurrentIndex(0)
    pane.set_current_document("/报告/乙市.txt")
    pane.set_all_scope(False)
    assert cells(pane, FIGURE) == ["12345", "86亿元"]
    assert pane.table.isColumnHidden(DOCUMENT)
    pane.set_current_document("/报告/甲市.txt")
    assert cells(pane, FIGURE) == ["45亿元", "12%"]
    pane.set_all_scope(True)
    assert len(cells(pane, FIGURE)) == 4 and not pane.table.isColumnHidden(DOCUMENT)
    pane.set_filter(CorrectionFilter(text="乙市", status=CorrectionStatus.MOVED))
    assert cells(pane, FIGURE) == ["86亿元"]


def test_the_filter_is_plain_python() -> None:
    found = filtered(invented(), CorrectionFilter(text="technology contract registered", field="indicator"))
    assert found == []  # English words match the English change text only where it says them
    assert [c.quote for c in filtered(invented(), CorrectionFilter(text="indicator"))] == ["45亿元"]
    assert [c.quote for c in filtered(invented(), CorrectionFilter(doc_path="/报告/乙市.txt",
                                                                      status=CorrectionStatus.ORPHANED))] == ["12345"]


def test_rows_activate_and_ask_for_undo(qtbot: QtBot) -> None:
    pane = CorrectionsPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_corrections(invented())
    assert not pane.undo_button.isEnabled()
    rect = pane.table.visualRect(pane.model.index(1, FIGURE))
    with qtbot.waitSignal(pane.correctionActivated) as clicked:
        qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args[0].id == 2 and pane.undo_button.isEnabled()
    with qtbot.waitSignal(pane.correctionActivated) as entered:
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert entered.args[0].id == 2
    with qtbot.waitSignal(pane.undoRequested) as deleted:
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert deleted.args[0].id == 2
    menu = pane.context_menu()
    assert [a.text() for a in menu.actions()] == ["转到出处", "撤销更正"]
    with qtbot.waitSignal(pane.undoRequested) as undone:
        menu.actions()[1].trigger()
    assert undone.args[0].id == 2
    pane.set_corrections(list(reversed(invented())))  # a refresh keeps the chosen row
    assert pane.current_correction() is not None and pane.current_correction().id == 2  # type: ignore[union-attr]


# -- in the window, on a store -------------------------------------------------------------

# Invented report; the second version loses the sentence of the firms.
REPORT = ("衡阳市2023年科技工作总结\n\n"
          "2023年，全市研发经费投入达到86亿元，同比增长12%。\n\n"
          "全市技术合同成交额45亿元。全市科技型中小企业达到320家。\n")
CHANGED = ("衡阳市2023年科技工作总结\n\n"
           "2023年，全市研发经费投入达到86亿元，同比增长12%。\n\n"
           "全市技术合同成交额45亿元。\n")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Three corrections, one of them orphaned by a re-import of the changed report."""
    path, report = tmp_path / "store.db", tmp_path / "衡阳.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert ingest_paths(path, [report], processes=0).ok
    db = open_store(path)
    try:
        by_text = {r[1]: r[0] for r in db.execute("SELECT id, text FROM figures")}
        corrections_service.correct_figure(db, by_text["45亿元"], {"indicator": "技术合同登记额"}, author="审核员")
        corrections_service.correct_figure(db, by_text["12%"], {"year": 2022}, author="李四")
        corrections_service.correct_figure(db, by_text["320家"], {"value": 330.0}, author="审核员")
    finally:
        db.conn.close()
    report.write_text(CHANGED, encoding="utf-8")
    assert ingest_paths(path, [report], processes=0).ok
    return path


@pytest.fixture
def window(qtbot: QtBot, store: Path, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        ingest=ingest_here)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.docks["corrections"].show()
    window.docks["corrections"].raise_()
    qtbot.waitUntil(lambda: window.corrections.pane.model.rowCount() == 3)
    yield window


def test_the_dock_lists_the_stores_corrections_with_the_orphaned_one(window: MainWindow) -> None:
    pane = window.corrections.pane
    assert sorted(cells(pane, FIGURE)) == ["12%", "320家", "45亿元"]
    statuses = dict(zip(cells(pane, FIGURE), cells(pane, STATUS), strict=True))
    assert statuses["320家"] == "原文已不存在" and statuses["45亿元"] == "已应用"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("视图"))
    assert window.docks["corrections"].toggleViewAction() in view_menu.actions()
    assert window.docks["corrections"].windowTitle() == "更正记录"


def test_a_row_opens_the_document_at_the_figures_sentence(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.corrections.pane
    row = cells(pane, FIGURE).index("45亿元")
    rect = pane.table.visualRect(pane.model.index(row, FIGURE))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.document_pane.view
    start, end = view.selected_span()
    assert view.text()[start:end] == "45亿元"
    [(s_start, s_end)] = view._selected_spans
    assert view.text()[s_start:s_end].startswith("全市技术合同成交额45亿元")
    orphan = cells(pane, FIGURE).index("320家")
    assert not window.corrections.show_correction(pane.model.corrections[orphan])
    assert "320家" in window.statusBar().currentMessage() and "更正未应用" in window.statusBar().currentMessage()
    assert window.current is not None and window.current.title.startswith("衡阳市")


def test_undo_from_the_dock_is_undoable(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.corrections.pane
    chosen = pane.model.corrections[cells(pane, FIGURE).index("45亿元")]
    window.corrections.show_correction(chosen)
    figure = next(f for f in window.document_pane.view.figures if f.text == "45亿元")
    assert (figure.indicator, figure.source) == ("技术合同登记额", Source.REVIEWER)
    pane.undoRequested.emit(chosen)
    assert sorted(cells(pane, FIGURE)) == ["12%", "320家"]
    figure = next(f for f in window.document_pane.view.figures if f.text == "45亿元")
    assert (figure.indicator, figure.source) == ("技术合同成交额", Source.MACHINE)
    stack = window.review.undo_stack
    assert stack.undoText() == "撤销更正 45亿元"
    stack.undo()
    assert sorted(cells(pane, FIGURE)) == ["12%", "320家", "45亿元"]
    figure = next(f for f in window.document_pane.view.figures if f.text == "45亿元")
    assert (figure.indicator, figure.source) == ("技术合同登记额", Source.REVIEWER)
    stack.redo()
    assert window.library.figure(figure.id or 0).indicator == "技术合同成交额"


def test_an_import_refreshes_the_dock(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    report = tmp_path / "衡阳.txt"
    report.write_text(REPORT, encoding="utf-8")  # the firms' sentence is back: the correction applies again
    importer = window.start_import([report], show_summary=False)
    assert importer is not None
    with qtbot.waitSignal(importer.done, timeout=60_000):
        pass
    statuses = dict(zip(cells(window.corrections.pane, FIGURE), cells(window.corrections.pane, STATUS), strict=True))
    assert statuses["320家"] != "原文已不存在"


def test_a_correction_made_in_the_editor_is_listed_at_once(window: MainWindow) -> None:
    pane = window.corrections.pane
    figure = next(f for d in window.library.document_rows() if d.id is not None
                  for f in window.library.figures(d.id) if f.text == "86亿元")
    assert window.correction_editor.correct(figure, {"year": 2022})
    assert sorted(cells(pane, FIGURE)) == ["12%", "320家", "45亿元", "86亿元"]
    window.review.undo_stack.undo()
    assert sorted(cells(pane, FIGURE)) == ["12%", "320家", "45亿元"]


def test_an_orphaned_correction_can_be_removed_and_brought_back(window: MainWindow) -> None:
    pane = window.corrections.pane
    orphan = pane.model.corrections[cells(pane, FIGURE).index("320家")]
    assert window.corrections.remove_correction(orphan)
    assert sorted(cells(pane, FIGURE)) == ["12%", "45亿元"]
    window.review.undo_stack.undo()
    statuses = dict(zip(cells(pane, FIGURE), cells(pane, STATUS), strict=True))
    assert statuses["320家"] == "原文已不存在"
    assert not window.corrections.remove_correction(Correction("/无此文件.txt", 0, 1, "1", {"year": 2020}))
