"""The 临时指标 dock: provisional indicators with counts and example sentences; mapping one to a
taxonomy indicator (or renaming it) in one action, previewed, run off the UI thread, after
which the list, the open document and the chart show the figures under their new indicator."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from message_text import shown_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from viewer.model.provisional import ProvisionalExample, ProvisionalIndicator
from viewer.services import lexicon
from viewer.services.correction_choices import IndicatorOption
from viewer.services.ingest import ingest_paths
from viewer.services.provisional import MappingResult
from viewer.store import open_store
from viewer.ui import provisional_controller
from viewer.ui.indicator_picker import IndicatorPicker
from viewer.ui.main_window import MainWindow
from viewer.ui.provisional_model import DOCUMENTS, EXAMPLE, FIGURES, NAME, UNITS
from viewer.ui.provisional_pane import EXAMPLE_ROLE, ProvisionalPane


def example(figure_id: int, figure: str, sentence: str) -> ProvisionalExample:
    return ProvisionalExample(figure_id, 1, figure, sentence, "甲市科技工作回顾")


def invented() -> list[ProvisionalIndicator]:
    return [
        ProvisionalIndicator("技术转移工作站数", 3, 2, ("家",), (
            example(1, "12家", "全市建成技术转移工作站12家，<i>并非标记</i>。"),
            example(2, "5家", "全年新增技术转移工作站5家。"))),
        ProvisionalIndicator("充电桩数", 2, 2, ("个",), (example(3, "860个", "建成充电桩860个。"),)),
        ProvisionalIndicator("数字乡村示范点数", 1, 1, ("个", "家"), ()),
    ]


def column(pane: ProvisionalPane, number: int) -> list[object]:
    return [pane.model.index(row, number).data() for row in range(pane.model.rowCount())]


def test_the_list_shows_counts_units_and_examples(qtbot: QtBot) -> None:
    pane = ProvisionalPane()
    qtbot.addWidget(pane)
    pane.set_indicators(invented())
    assert column(pane, NAME) == ["技术转移工作站数", "充电桩数", "数字乡村示范点数"]
    assert column(pane, FIGURES) == [3, 2, 1] and column(pane, DOCUMENTS) == [2, 2, 1]
    assert column(pane, UNITS) == ["家", "个", "个、家"]
    assert column(pane, EXAMPLE)[1] == "建成充电桩860个。"
    assert pane.counts.text() == "3 个临时指标 · 6 个数字"
    tip = pane.model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;" in tip
    assert html.unescape(tip).count("12家（甲市科技工作回顾）：全市建成技术转移工作站12家，<i>并非标记</i>。") == 1
    assert not pane.map_button.isEnabled()
    assert pane.select_indicator("技术转移工作站数")
    assert pane.map_button.isEnabled() and pane.rename_button.isEnabled()
    assert [pane.examples.item(r).text() for r in range(pane.examples.count())] == [
        "12家 — 甲市科技工作回顾\n全市建成技术转移工作站12家，<i>并非标记</i>。",
        "5家 — 甲市科技工作回顾\n全年新增技术转移工作站5家。"]
    with qtbot.waitSignal(pane.exampleActivated) as chosen:
        pane.examples.itemClicked.emit(pane.examples.item(1))
    assert chosen.args[0].figure_id == 2 and pane.examples.item(1).data(EXAMPLE_ROLE).figure == "5家"


def test_filter_actions_and_busy(qtbot: QtBot) -> None:
    pane = ProvisionalPane()
    qtbot.addWidget(pane)
    pane.set_indicators(invented())
    pane.filter_edit.setText("充电")
    assert pane.shown_names() == ["充电桩数"] and pane.counts.text() == "显示 1 / 3 个临时指标"
    pane.filter_edit.setText("新增")  # words of an example sentence
    assert pane.shown_names() == ["技术转移工作站数"]
    pane.filter_edit.clear()
    pane.select_indicator("充电桩数")
    with qtbot.waitSignal(pane.mapRequested) as mapped:
        pane.map_button.click()
    assert mapped.args[0].name == "充电桩数"
    with qtbot.waitSignal(pane.renameRequested) as renamed:
        pane.context_menu().actions()[1].trigger()
    assert renamed.args[0].name == "充电桩数"
    pane.set_busy(True)
    assert not pane.map_button.isEnabled() and not pane.context_menu().actions()[0].isEnabled()
    with qtbot.assertNotEmitted(pane.mapRequested):
        pane.map_button.click()
    pane.set_busy(False)
    pane.set_indicators(list(reversed(invented())))  # a refresh keeps the chosen row
    assert pane.current_indicator() is not None and pane.current_indicator().name == "充电桩数"  # type: ignore[union-attr]


def test_the_indicator_picker_searches_names_aliases_and_groups(qtbot: QtBot) -> None:
    choices = [IndicatorOption("技术转移机构数", group="技术市场", unit_kind="count", aliases=("技术转移机构",)),
               IndicatorOption("研发经费投入", group="研发投入", unit_kind="money", aliases=("R&D经费", "研发投入")),
               IndicatorOption("高新技术企业数", group="创新主体", unit_kind="count", aliases=("高企",))]
    picker = IndicatorPicker(choices, "把临时指标“充电桩数”归入：")
    qtbot.addWidget(picker)
    assert picker.shown_names() == ["技术转移机构数", "研发经费投入", "高新技术企业数"]
    picker.search.setText("r&d")
    assert picker.shown_names() == ["研发经费投入"] and picker.chosen() == "研发经费投入"
    picker.search.setText("创新主体")
    assert picker.shown_names() == ["高新技术企业数"]
    picker.search.setText("没有这个")
    assert picker.shown_names() == [] and picker.chosen() is None


# -- in the window, on a store -------------------------------------------------------------

REPORTS = {  # invented
    "衡阳.txt": ("衡阳市2023年科技工作总结\n\n"
                 "2023年，全市研发经费投入达到52亿元，同比增长9%。全市建成技术转移工作站12家，建成充电桩860个。\n\n"
                 "全年新增技术转移工作站5家。全市技术合同成交额31亿元。\n"),
    "邵阳.txt": ("邵阳市2022年科技工作报告\n\n"
                 "2022年，全市建成技术转移工作站8家，建成充电桩300个，高新技术企业达到210家。\n"),
}
STATION, TARGET = "技术转移工作站数", "技术转移机构数"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(lexicon.ENV_VARIABLE, str(tmp_path / "lexicon.toml"))
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "store.db"
    assert ingest_paths(path, [folder], processes=0).ok
    return path


@pytest.fixture
def window(qtbot: QtBot, store: Path, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.provisional.processes = 0
    window.show()
    qtbot.waitExposed(window)
    assert window.provisional.pane.model.rowCount() == 0  # read only when the dock is shown
    with qtbot.waitSignal(window.provisional.loaded, timeout=20_000):
        window.docks["provisional"].raise_()
    yield window


def indicators_in_store(store: Path) -> list[str | None]:
    db = open_store(store)
    try:
        return [r[0] for r in db.execute("SELECT indicator FROM figures ORDER BY id")]
    finally:
        db.conn.close()


def test_the_dock_lists_the_stores_provisional_indicators(window: MainWindow) -> None:
    pane = window.provisional.pane
    assert pane.shown_names()[:2] == [STATION, "充电桩数"]
    assert column(pane, FIGURES)[:2] == [3, 2]
    pane.select_indicator(STATION)
    example_item = pane.examples.item(0)
    pane.examples.itemClicked.emit(example_item)
    view = window.document_pane.view
    start, end = view.selected_span()
    assert view.text()[start:end] == example_item.data(EXAMPLE_ROLE).figure


def test_mapping_in_one_action_moves_the_figures_and_refreshes(
        qtbot: QtBot, window: MainWindow, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = indicators_in_store(store)
    pane = window.provisional.pane
    pane.select_indicator(STATION)
    asked: list[str] = []
    monkeypatch.setattr(provisional_controller, "pick_indicator", lambda _parent, choices, _prompt:
                        TARGET if TARGET in {c.name for c in choices} and STATION not in {c.name for c in choices}
                        else None)
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text: asked.append(shown_text(text))
                        or QMessageBox.StandardButton.Yes)
    window.open_first_document()
    with qtbot.waitSignal(window.provisional.mapped, timeout=60_000) as blocker:
        pane.map_button.click()
        assert pane.busy and not pane.map_button.isEnabled()
    result = blocker.args[0]
    assert isinstance(result, MappingResult) and result.remaining == 0
    assert asked and f"“{STATION}”归入指标“{TARGET}”" in asked[0] and "3 个数字（2 份文档）" in asked[0]
    after = indicators_in_store(store)
    assert [a for b, a in zip(before, after, strict=True) if b != a] == [TARGET] * 3
    assert [b for b, a in zip(before, after, strict=True) if b != a] == [STATION] * 3
    qtbot.waitUntil(lambda: STATION not in pane.shown_names())
    assert not pane.busy and "充电桩数" in pane.shown_names()
    assert "已归入" in window.statusBar().currentMessage()
    assert not [f for f in window.document_pane.view.figures if f.indicator == STATION]
    chart = window.chart
    assert chart.series is not None and chart.series.indicator == TARGET
    assert [(e.kind, e.key, e.value) for e in lexicon.list_entries()] == [("provisional", STATION, TARGET)]


def test_renaming_asks_for_a_name_and_a_refusal_changes_nothing(
        qtbot: QtBot, window: MainWindow, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pane = window.provisional.pane
    pane.select_indicator("充电桩数")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args: ("公共充电桩数", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    pane.rename_button.click()
    assert window.reanalyser is None and "充电桩数" in indicators_in_store(store)
    assert not lexicon.user_lexicon_path().exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.provisional.mapped, timeout=60_000):
        pane.rename_button.click()
    assert indicators_in_store(store).count("公共充电桩数") == 2 and "充电桩数" not in indicators_in_store(store)
    qtbot.waitUntil(lambda: "公共充电桩数" in pane.shown_names())


def test_a_mapping_that_cannot_be_made_says_why(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(shown_text(text)))
    assert window.provisional.map_indicator(STATION, STATION, confirm=False) is None
    assert warned and "itself" in warned[0] and window.reanalyser is None
