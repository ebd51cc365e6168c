"""The review panes alone, on invented findings and notes: checks tree, marks in the text,
notes table, note dialog, chart flags and the chart's line rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import ui_fakes as fakes
from chart_support import chart_figure, store_of
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot
from test_document_pane import formats_at

from viewer.model import Point, Role, Series
from viewer.model.review import Verdict
from viewer.services.chart import line_points
from viewer.ui.chart_pane import ChartPane
from viewer.ui.checks_model import DOC_ROLE, FINDING_ROLE, ChecksModel
from viewer.ui.checks_pane import ChecksPane
from viewer.ui.document_pane import DocumentPane
from viewer.ui.note_dialog import NoteDialog, parse_tags
from viewer.ui.notes_model import NotesModel
from viewer.ui.notes_pane import NotesPane
from viewer.ui.palette import FIGURE_COLOURS, FINDING_COLOUR, NOTE_COLOUR
from viewer.ui.review_labels import FLAG_CONFLICT, FLAG_MET, FLAG_MISSED, figure_flags


def documents() -> list[Any]:
    return [fakes.make_document(1), fakes.make_document(2)]


@pytest.mark.parametrize("attention_only", [True, False])
def test_checks_model_is_a_sound_tree(qtbot: QtBot, qtmodeltester: Any, attention_only: bool) -> None:
    model = ChecksModel()
    model.set_findings(fakes.make_findings(), documents(), attention_only=attention_only)
    for doc in documents():
        model.load(doc.id)
    qtmodeltester.check(model)
    unloaded = ChecksModel()  # the tester's fetchMore turns each placeholder into the kinds
    unloaded.set_findings(fakes.make_findings(), documents(), attention_only=attention_only)
    qtmodeltester.check(unloaded)
    assert unloaded.loaded == [1, 2]


def test_checks_tree_is_document_kind_finding_and_filters(qtbot: QtBot) -> None:
    pane = ChecksPane()
    qtbot.addWidget(pane)
    pane.set_findings(fakes.make_findings(), documents())
    model = pane.model
    # needs attention: the inconsistent change (doc 1) and the conflict (docs 1 and 2)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert not model.is_loaded(1) and model.hasChildren(first)  # read when opened
    assert model.index(0, 0, first).data() is None  # only the placeholder
    pane.tree.expand(first)
    kinds = [model.index(r, 0, first).data() for r in range(model.rowCount(first))]
    assert kinds == ["增减核算（1）", "数据冲突（1）"]
    leaf = model.index(0, 0, model.index(0, 0, first))
    assert leaf.data(FINDING_ROLE).id == 11 and leaf.data(DOC_ROLE) == 1
    assert "不符" in leaf.data()
    assert "2" in pane.counts.text() and "4" in pane.counts.text()
    pane.set_attention_only(False)
    model.load(1)
    kinds = [model.index(r, 0, model.index(0, 0)).data() for r in range(model.rowCount(model.index(0, 0)))]
    assert len(kinds) == 4 and model.shown == 4
    muted = model.index(0, 0, model.index(2, 0, model.index(0, 0)))  # the met target
    assert muted.data(FINDING_ROLE).verdict == Verdict.MET
    assert muted.data(Qt.ItemDataRole.ForegroundRole).color() != QColor("#000000")


def test_checks_document_rows_are_labelled_only_when_a_view_shows_them(qtbot: QtBot) -> None:
    labelled: list[int] = []

    class Counting(ChecksModel):
        def _document_data(self, doc_id: int, role: int) -> Any:
            labelled.append(doc_id)
            return super()._document_data(doc_id, role)

    many = [fakes.make_document(i) for i in range(1, 3001)]
    counts = {d.id: (3, 0 if d.id % 3 == 0 else 2) for d in many if d.id is not None}
    model = Counting()
    model.set_counts(counts, many, lambda _doc_id: [])
    assert model.documents_listed() == 2000 and labelled == []  # the attention view hides every third one
    assert model.rowCount() < 2000 and model.canFetchMore(QModelIndex())  # handed to views by batches
    view = QTreeView()
    qtbot.addWidget(view)
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert labelled and len(set(labelled)) < 100, "only the rows in sight are labelled"
    assert model.doc_row(3000) == -1 and model.doc_row(2999) == 1999 and model.rowCount() == 2000
    last = model.index(1999, 0)
    assert last.data() == "甲市科技工作回顾（2）" and model.hasChildren(last)
    assert "需关注 2 条，共 3 条" in last.data(Qt.ItemDataRole.ToolTipRole)
    assert last.data(Qt.ItemDataRole.FontRole).weight() == QFont.Weight.DemiBold
    model.set_attention_only(False)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 3000 and model.index(2999, 0).data() == "甲市科技工作回顾（0/3）"
    assert model.index(2999, 0).data(Qt.ItemDataRole.FontRole) is None


def test_a_hidden_checks_tree_scrolls_to_the_open_document_once_shown(qtbot: QtBot) -> None:
    many = [fakes.make_document(i) for i in range(1, 301)]
    pane = ChecksPane()
    qtbot.addWidget(pane)
    pane.resize(400, 400)
    pane.set_counts({d.id: (2, 1) for d in many if d.id is not None}, many, lambda _doc_id: [],
                    lambda _id: None, (600, 300))
    pane.show_document(250)
    pane.show_document(240)  # the last one opened counts
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.tree.indexAt(QPoint(5, 5)) == pane.model.index(239, 0)
    pane.show_document(120)  # shown: at once
    assert pane.tree.indexAt(QPoint(5, 5)) == pane.model.index(119, 0)


def test_clicking_a_finding_shows_its_evidence(qtbot: QtBot) -> None:
    pane = ChecksPane()
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()
    pane.set_findings(fakes.make_findings(), documents())
    pane.show_document(1)
    index = pane.model.index(0, 0, pane.model.index(1, 0, pane.model.index(0, 0)))  # the conflict
    pane.tree.scrollTo(index)
    with qtbot.waitSignal(pane.findingActivated) as blocker:
        qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=pane.tree.visualRect(index).center())
    assert blocker.args[0].id == 12 and blocker.args[1] == 1
    assert "两份文档数值不同" in pane.message.text()
    assert pane.evidence.count() == 2 and "doc2.txt" in pane.evidence.item(1).text()
    with qtbot.waitSignal(pane.evidenceActivated) as chosen:
        pane.evidence.itemClicked.emit(pane.evidence.item(1))
    assert chosen.args[0].doc_id == 2


def test_finding_message_in_english(qtbot: QtBot) -> None:
    model = ChecksModel()
    model.language = "en"
    model.set_findings(fakes.make_findings(), documents())
    model.load(1)
    leaf = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    assert "the rate does not fit the values" in leaf.data()


def make_pane(qtbot: QtBot) -> DocumentPane:
    pane = DocumentPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    pane.show_document(fakes.make_document(), fakes.make_paragraphs(), fakes.make_figures(),
                       fakes.make_mentions(), fakes.make_findings(), fakes.make_notes())
    return pane


def test_figures_with_findings_needing_attention_are_marked(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    money, rate, count, target = fakes.make_figures()
    for figure in (money, rate, count):
        fmt = formats_at(pane.view, figure.start)
        assert fmt is not None and fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.underlineColor() == QColor(FINDING_COLOUR)
    money_fmt = formats_at(pane.view, money.start)
    assert money_fmt is not None and money_fmt.background().color() == QColor(FIGURE_COLOURS["money"])
    met = formats_at(pane.view, target.start)  # a met target needs no attention
    assert met is not None and met.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline
    tip = pane.view.tooltip_at(money.start + 1)
    assert "增速与数值不符" in tip and "分项相符" in tip and "不符" in tip
    pane.view.set_findings([])
    fmt = formats_at(pane.view, money.start)
    assert fmt is not None and fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline


def test_annotated_spans_are_shaded_and_orphaned_notes_are_not(qtbot: QtBot) -> None:
    pane = make_pane(qtbot)
    anchored, orphaned = fakes.make_notes()
    assert pane.view.annotated_spans() == [(anchored.start, anchored.end)]
    plain = anchored.start + anchored.quote.index("达")  # a character of the note outside any figure
    fmt = formats_at(pane.view, plain)
    assert fmt is not None and fmt.background().color() == QColor(NOTE_COLOUR)
    assert "核对口径" in pane.view.tooltip_at(plain)
    assert formats_at(pane.view, orphaned.start) is None or \
        formats_at(pane.view, orphaned.start).background().color() != QColor(NOTE_COLOUR)  # type: ignore[union-attr]


def test_notes_model_and_pane(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = NotesModel()
    model.set_notes(fakes.make_notes(), {1: "甲市科技工作回顾"})
    qtmodeltester.check(model)
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_notes(fakes.make_notes())
    assert pane.model.index(1, 0).data() == "原文已变更，找不到原文"
    assert "1 条找不到原文" in pane.counts.text()
    assert pane.table.isColumnHidden(4)
    pane.select_note(1)
    with qtbot.waitSignal(pane.deleteRequested) as blocker:
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert blocker.args[0].id == 1


@pytest.mark.parametrize(("typed", "tags"), [("存疑, 待核实", ("存疑", "待核实")), ("a b  a", ("a", "b")),
                                             ("口径，数据、来源", ("口径", "数据", "来源")), ("  ", ())])
def test_tags_are_split_on_commas_and_spaces(typed: str, tags: tuple[str, ...]) -> None:
    assert parse_tags(typed) == tags


def test_note_dialog_values(qtbot: QtBot) -> None:
    dialog = NoteDialog("<b>原文</b>", "旧批注", ("甲",))
    qtbot.addWidget(dialog)
    assert dialog.quote.textFormat() == Qt.TextFormat.PlainText
    dialog.body.setPlainText(" 新批注 ")
    dialog.tags.setText("甲 乙")
    assert dialog.values() == ("新批注", ("甲", "乙"))


# -- chart -----------------------------------------------------------------------------------------
def test_chart_flags_conflicts_and_target_outcomes(qtbot: QtBot, tmp_path: Path) -> None:
    library = store_of(tmp_path / "store.db", fakes.make_series())
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.show_indicator("研发投入")
    assert chart.flagged_points() == []
    conflict, missed = (chart_figure(library, "研发投入", "甲市", year, role) for year, role in
                        ((2021, Role.ACTUAL), (2025, Role.TARGET)))
    chart.set_flags({conflict.id or 0: FLAG_CONFLICT, missed.id or 0: FLAG_MISSED, 999: FLAG_MET})
    flagged = {(x, round(y, 6), flag) for x, y, flag in chart.flagged_points()}
    assert flagged == {(2021.0, 30.0, FLAG_CONFLICT), (2025.0, 50.0, FLAG_MISSED)}
    assert chart.factor == 1e8
    assert "数据冲突" in chart.legend.text() and "目标未完成" in chart.legend.text()
    assert "目标已完成" not in chart.legend.text()  # no met target among the points
    chart.set_region_visible("甲市", False)
    assert chart.flagged_points() == []
    library.close()


def test_figure_flags_from_findings() -> None:
    flags = figure_flags(fakes.make_findings())
    assert flags == {3: FLAG_CONFLICT, 4: FLAG_MET}


def point(year: int, value: float, figure_id: int, qualifier: str = "", doc_id: int = 1) -> Point:
    return Point(year, value, "甲市", Role.ACTUAL, qualifier, figure_id, doc_id, "", 0, 1, "", "", str(year))


def test_line_takes_exact_values_then_the_latest_report() -> None:
    points = [point(2020, 10, 1), point(2020, 12, 2, doc_id=2),  # two reports: the later one
              point(2021, 15, 3), point(2021, 14, 4, "more_than", doc_id=2),  # exact before qualified
              point(2022, 18, 5, "about"), point(2022, 19, 6, "more_than")]  # both qualified: the later
    line = line_points(points)
    assert [p.figure_id for p in line] == [2, 3, 6]


def test_every_value_keeps_its_marker(qtbot: QtBot, tmp_path: Path) -> None:
    series = Series("研发投入", "元", "money", [point(2020, 10e8, 1), point(2020, 12e8, 2, doc_id=2),
                                            point(2021, 15e8, 3)])
    library = store_of(tmp_path / "store.db", series, years={1: 2021, 2: 2022})
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.show_indicator("研发投入")
    (curve,) = chart.curves.values()
    assert curve.getData()[1].tolist() == [12.0, 15.0], "the later report's value on the line"
    (spots,) = chart.spots.values()
    assert sorted(spots.getData()[1].tolist()) == [10.0, 12.0, 15.0]
    library.close()
