"""应用到所有文档 through the window: a correction with the option on previews how many figures in
how many documents will change, then writes the phrase to the user's lexicon and re-analyses:
every matching figure of the store moves and no other; a phrase that is not in the sentence is
refused with a message. Invented reports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from ui_corpus import ingest_here

from viewer.model import Figure
from viewer.services import lexicon
from viewer.services.teaching import LessonPlan
from viewer.ui.correction_dialog import CorrectionDialog
from viewer.ui.lesson_controller import TeachOption
from viewer.ui.main_window import MainWindow

REPORTS = {
    "常德2023.txt": "常德市2023年科技工作总结\n\n2023年，全市科创投入总额达到44亿元，技术合同成交额9亿元。\n",
    "益阳2023.txt": "益阳市2023年科技工作总结\n\n2023年，全市科创投入总额为27亿元。\n",
    "娄底2023.txt": "娄底市2023年科技工作总结\n\n2023年，全市研发经费投入达到21亿元。\n",
    "岳阳2023.txt": "岳阳市2023年科技工作总结\n\n2023年，全市企业研发费用加计扣除额达到30亿元，研发补贴资金总额为2亿元。\n",
    "郴州2023.txt": "郴州市2023年科技工作总结\n\n2023年，全市研发补贴资金达到1.5亿元，技术合同成交额9亿元。\n",
}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    paths = []
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    window = MainWindow(tmp_path / "store.sqlite", ingest=ingest_here,
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.start_import(paths, show_summary=False) is not None
    qtbot.waitUntil(lambda: window.importer is None, timeout=30_000)
    window.lessons.processes = 0
    return window


def figures_of(window: MainWindow, title: str) -> dict[str, tuple[str | None, str]]:
    doc = next(d for d in window.library.documents() if d.title == title)
    return {f.text: (f.indicator, f.source) for f in window.library.figures(doc.id or 0)}


def editor_for(window: MainWindow, title: str, text: str) -> tuple[CorrectionDialog, Figure]:
    doc = next(d for d in window.library.documents() if d.title == title)
    assert doc.id is not None and window.open_document(doc.id)
    target = next(f for f in window.document_pane.view.figures if f.text == text)
    dialog = window.correction_editor.ask_correct_figure(target)
    assert dialog is not None
    return dialog, target


def test_the_option_previews_then_moves_every_matching_figure_and_no_other(qtbot: QtBot, window: MainWindow) -> None:
    before = {title: figures_of(window, title) for title in ("常德市2023年科技工作总结", "益阳市2023年科技工作总结",
                                                             "娄底市2023年科技工作总结")}
    dialog, _ = editor_for(window, "常德市2023年科技工作总结", "44亿元")
    option = dialog.findChild(TeachOption)
    assert option is not None and not option.phrase.isEnabled()
    dialog.indicator.box.setEditText("研发经费投入")
    option.check.setChecked(True)
    option.phrase.setText("科创投入总额")
    questions: list[str] = []
    window.lessons.confirm = False
    window.lessons.planned.connect(lambda plan: questions.append(plan))
    taught_in: list[threading.Thread] = []
    window.lessons.taught.connect(lambda _result: taught_in.append(threading.current_thread()))
    with qtbot.waitSignal(window.lessons.planned, timeout=30_000):
        dialog.accept()
    [plan] = questions
    assert plan is not None and plan.lesson.kind == "provisional", "the phrase is the figure's provisional name"
    assert len(plan.doc_ids) == 1 and plan.preview.figures_changed == 1, \
        "the corrected figure already reads so: only 益阳's moves"
    qtbot.waitUntil(lambda: window.reanalyser is None and window.importer is None, timeout=30_000)
    assert taught_in == [threading.main_thread()]  # told on the UI thread once the op ended

    after = {title: figures_of(window, title) for title in before}
    assert after["常德市2023年科技工作总结"]["44亿元"][0] == "研发经费投入"
    assert after["益阳市2023年科技工作总结"]["27亿元"] == ("研发经费投入", "machine")
    assert after["常德市2023年科技工作总结"]["9亿元"] == before["常德市2023年科技工作总结"]["9亿元"]
    assert after["娄底市2023年科技工作总结"] == before["娄底市2023年科技工作总结"]
    assert [(e.kind, e.key, e.value) for e in lexicon.list_entries()] == [("provisional", "科创投入总额", "研发经费投入")]


def test_a_phrase_not_in_the_sentence_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog, _ = editor_for(window, "益阳市2023年科技工作总结", "27亿元")
    option = dialog.findChild(TeachOption)
    assert option is not None
    dialog.indicator.box.setEditText("研发经费投入")
    option.check.setChecked(True)
    option.phrase.setText("技术合同登记额")
    dialog.accept()
    assert "不在这个数字所在的句子里" in window.statusBar().currentMessage()
    assert window.reanalyser is None and lexicon.list_entries() == []


def test_an_alias_moves_the_figures_whose_sentence_holds_the_phrase(qtbot: QtBot, window: MainWindow) -> None:
    titles = ("岳阳市2023年科技工作总结", "郴州市2023年科技工作总结", "常德市2023年科技工作总结")
    before = {title: figures_of(window, title) for title in titles}
    dialog, _ = editor_for(window, "岳阳市2023年科技工作总结", "2亿元")
    option = dialog.findChild(TeachOption)
    assert option is not None
    dialog.indicator.box.setEditText("财政科技支出")
    option.check.setChecked(True)
    option.phrase.setText("研发补贴资金")  # not the figure's provisional name: an alias of the indicator
    plans: list[object] = []
    window.lessons.confirm = False
    window.lessons.planned.connect(plans.append)
    with qtbot.waitSignal(window.lessons.planned, timeout=30_000):
        dialog.accept()
    [plan] = plans
    assert isinstance(plan, LessonPlan) and plan.lesson.kind == "indicator"
    assert plan.preview.figures_changed == 1, "郴州's figure; 岳阳's is corrected already"
    qtbot.waitUntil(lambda: window.reanalyser is None and window.importer is None, timeout=30_000)

    after = {title: figures_of(window, title) for title in titles}
    assert after["郴州市2023年科技工作总结"]["1.5亿元"] == ("财政科技支出", "machine")
    assert after["郴州市2023年科技工作总结"]["9亿元"] == before["郴州市2023年科技工作总结"]["9亿元"]
    assert after["岳阳市2023年科技工作总结"]["30亿元"] == before["岳阳市2023年科技工作总结"]["30亿元"]
    assert after["岳阳市2023年科技工作总结"]["2亿元"] == ("财政科技支出", "reviewer")
    assert after["常德市2023年科技工作总结"] == before["常德市2023年科技工作总结"]
    assert [(e.kind, e.key, e.value) for e in lexicon.list_entries()] == [("alias", "财政科技支出", "研发补贴资金")]
