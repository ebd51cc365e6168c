"""The 规划评估 dialog on invented reports: choose a plan, the table with each target's status,
a source's sentence on a click and in the report on a double-click, a row excluded with a reason,
Word and Excel exports, plans side by side and the next plan."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from docx import Document
from plan_support import doc_id, plan_store
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.services import plan_evaluation
from viewer.services.library import Library
from viewer.ui.main_window import MainWindow
from viewer.ui.plan_dialog import PlanEvaluationDialog, open_plan_evaluation


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return plan_store(tmp_path)


@pytest.fixture
def dialog(qtbot: QtBot, store: Path) -> PlanEvaluationDialog:
    shown = PlanEvaluationDialog(Library(store))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def column(dialog: PlanEvaluationDialog, header: str) -> list[str]:
    grid = dialog.table.grid
    index = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())].index(header)
    return [grid.item(r, index).text() for r in range(grid.rowCount())]


def choose(dialog: PlanEvaluationDialog, title: str) -> None:
    conn = dialog.library.conn
    dialog.choose_plan(doc_id(conn, title))


def settled(qtbot: QtBot, dialog: PlanEvaluationDialog) -> None:
    """Wait for the dialog's reads on the window's runner."""
    qtbot.waitUntil(lambda: dialog.evaluation is not None and not dialog.busy(), timeout=30_000)


def test_a_plan_shows_each_target_with_its_status_and_summary(dialog: PlanEvaluationDialog) -> None:
    assert dialog.plan_box.count() == 3
    choose(dialog, "十四五”科技创新发展规划")
    assert column(dialog, "指标")[0] == "高新技术企业数"
    statuses = column(dialog, "状态")
    assert statuses.count("已完成") == 1 and statuses.count("进度滞后") == 4 and statuses.count("进度正常") == 3
    assert "已完成目标1项，未完成7项" in dialog.summary.text()
    assert dialog.chart.getPlotItem().titleLabel.text.startswith("岳阳市高新技术企业数")


def test_a_source_shows_its_sentence_and_a_double_click_asks_for_it(dialog: PlanEvaluationDialog,
                                                                   qtbot: QtBot) -> None:
    choose(dialog, "十四五”科技创新发展规划")
    dialog.table.selectRow(1)  # 研发经费投入强度
    assert [dialog.sources.item(i).text().split()[0] for i in range(dialog.sources.count())] == ["目标", "基期", "实际"]
    dialog.sources.setCurrentRow(2)
    assert dialog.sentence.toPlainText().startswith("2023年，全市高新技术企业达到820家，研发经费投入强度达到2.0%")
    with qtbot.waitSignal(dialog.source_requested) as asked:
        dialog.sources.itemDoubleClicked.emit(dialog.sources.item(2))
    doc, start, end = asked.args
    text = dialog.library.document(doc).text
    assert text[start:end] == "2.0%"


def test_a_row_is_excluded_with_a_reason_and_restored(dialog: PlanEvaluationDialog) -> None:
    choose(dialog, "十四五”科技创新发展规划")
    dialog.table.selectRow(5)
    assert dialog.current_row().indicator == "每万人口发明专利拥有量"  # type: ignore[union-attr]
    dialog.exclude_selected("统计口径调整")
    assert column(dialog, "状态")[5] == "已排除" and "排除理由：统计口径调整" in column(dialog, "说明")[5]
    assert "另有1项经评审人员排除" in dialog.summary.text()
    assert dialog.include_button.isEnabled() and not dialog.exclude_button.isEnabled()
    dialog.include_selected()
    assert column(dialog, "状态")[5] == "尚无实际数据"


def test_exports_write_word_and_excel(dialog: PlanEvaluationDialog, tmp_path: Path) -> None:
    choose(dialog, "十四五”科技创新发展规划")
    dialog.places.tick(doc_id(dialog.library.conn, "常德市"))
    dialog.next_plan.choose(doc_id(dialog.library.conn, "十五五"))
    word = dialog.export("docx", tmp_path / "评估.docx")
    assert word is not None
    doc = Document(str(word))
    # the charts of the rows behind schedule (both plans), then the next plan's three continuing
    # targets against the trend, each after its paragraph
    assert len(doc.inline_shapes) == 5 + 3
    texts = [p.text for p in doc.paragraphs]
    trend = texts.index("新目标与近年趋势")
    assert trend > texts.index("进度滞后指标")
    told = [t for t in texts[trend + 1:] if "按近年趋势外推为" in t]
    assert [t.split("：")[0] for t in told] == ["岳阳市高新技术企业数", "岳阳市研发经费投入强度", "岳阳市技术合同成交额"]
    pictures = [p for p in doc.paragraphs[trend + 1:] if p._p.xpath(".//pic:pic")]
    assert len(pictures) == 3
    assert dialog.export("xlsx", tmp_path / "评估.xlsx") == tmp_path / "评估.xlsx"


def test_plans_side_by_side_and_the_next_plan(dialog: PlanEvaluationDialog) -> None:
    choose(dialog, "十四五”科技创新发展规划")
    dialog.places.tick(doc_id(dialog.library.conn, "常德市"))
    grid = dialog.places.table.grid
    assert grid.columnCount() == 3 and grid.horizontalHeaderItem(2).text().startswith("常德市")
    assert grid.item(1, 2).text().startswith("进度滞后")  # Changde's R&D intensity
    dialog.next_plan.choose(doc_id(dialog.library.conn, "十五五"))
    changes = [dialog.next_plan.table.grid.item(r, 2).text() for r in range(dialog.next_plan.table.grid.rowCount())]
    assert changes.count("延续") == 3 and changes.count("新增") == 1 and "取消" in changes
    dialog.next_plan.table.selectRow(0)
    names = [label.text for _, label in dialog.next_plan.chart.getPlotItem().legend.items]
    assert names == ["实际", "规划路径", "目标", "趋势外推"]


def test_the_window_opens_the_dialog_and_a_source_in_the_report(qtbot: QtBot, store: Path, tmp_path: Path) -> None:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.restore_session()
    window.show()
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=30_000)
    window.open_document(doc_id(window.library.conn, "常德市“十四五”"))
    action = next(a for a in window.actions() if a.text() == "规划评估…")
    action.trigger()
    dialog = window.findChild(PlanEvaluationDialog)
    assert dialog is not None and dialog.isVisible()
    settled(qtbot, dialog)
    assert dialog.evaluation is not None and dialog.evaluation.plan.region == "常德市", "the open report's plan"
    choose(dialog, "十四五”科技创新发展规划")
    settled(qtbot, dialog)
    dialog.table.selectRow(0)
    dialog.sources.itemDoubleClicked.emit(dialog.sources.item(2))
    assert window.current is not None and window.current.title == "2024年岳阳市科技工作总结"
    assert window.document_pane.view.textCursor().selectedText() == "820家"
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(PlanEvaluationDialog) is None, timeout=5_000)


def test_in_the_window_plans_are_read_off_the_ui_thread_and_the_ended_plan_comes_first(
        qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    evaluate = plan_evaluation.evaluate_plan

    def watched(conn: object, doc: int) -> object:
        threads.append(threading.current_thread().name)
        return evaluate(conn, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_evaluation, "evaluate_plan", watched)
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=30_000)
    assert window.current is None
    dialog = open_plan_evaluation(window)
    shown: list[bool] = []
    dialog.reader.busy_changed.connect(shown.append)
    assert dialog.busy() and dialog.busy_bar.isVisible() and not dialog.word_button.isEnabled()
    settled(qtbot, dialog)
    assert not dialog.busy_bar.isVisible() and dialog.word_button.isEnabled()
    assert shown[-1] is False
    wanted = plan_evaluation.default_plan(dialog.plans)
    assert dialog.evaluation is not None and wanted is not None
    assert dialog.evaluation.plan.doc_id == wanted.doc_id and dialog.plan_box.currentData() == wanted.doc_id
    assert dialog.plans[0].doc_id != wanted.doc_id  # not simply the newest document listed
    assert threads and threading.main_thread().name not in threads
    dialog.table.selectRow(5)
    dialog.exclude_selected("统计口径调整")  # written, then read again on the runner
    assert dialog.busy()
    settled(qtbot, dialog)
    assert column(dialog, "状态")[5] == "已排除" and dialog.current_row() is dialog.evaluation.rows[5]
    dialog.close()
