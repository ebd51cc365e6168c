from __future__ import annotations

from typing import Any

import pytest
import ui_fakes as fakes
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from viewer.model import Document, SearchHit
from viewer.ui.entity_pane import EntityPane
from viewer.ui.library_pane import DOC_ID_ROLE, REGION, YEAR, DocumentTableModel, LibraryPane
from viewer.ui.search_pane import SearchPane, snippet_marks


def documents() -> list[Document]:
    rows = [(1, "甲市报告", "甲市", 2022, "report"), (2, "乙市规划", "乙市", 2021, "plan"),
            (3, "甲市新闻", "甲市", 2023, "news"), (4, "无年份", None, None, "news")]
    return [Document(f"/d{i}.txt", "x", "", title, region, year=year, kind=kind, id=i)
            for i, title, region, year, kind in rows]


FILTERS = {"regions": ["乙市", "甲市"], "years": [2021, 2022, 2023], "kinds": ["news", "plan", "report"]}


def test_library_model_and_filters(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_documents(documents(), FILTERS)
    qtmodeltester.check(pane.model)
    qtmodeltester.check(pane.proxy)
    assert sorted(pane.visible_ids()) == [1, 2, 3, 4]
    pane.region_box.setCurrentIndex(pane.region_box.findData("甲市"))
    assert sorted(pane.visible_ids()) == [1, 3]
    pane.kind_box.setCurrentIndex(pane.kind_box.findData("news"))
    assert pane.visible_ids() == [3]
    pane.region_box.setCurrentIndex(0)
    pane.kind_box.setCurrentIndex(0)
    pane.year_box.setCurrentIndex(pane.year_box.findData(2021))
    assert pane.visible_ids() == [2]
    pane.year_box.setCurrentIndex(0)
    pane.words.setText("规划")
    assert pane.visible_ids() == [2]


def test_library_sorts_by_year_and_opens(qtbot: QtBot) -> None:
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_documents(documents(), FILTERS)
    pane.table.sortByColumn(YEAR, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder)
    assert pane.visible_ids() == [4, 2, 1, 3]
    with qtbot.waitSignal(pane.documentActivated) as blocker:
        pane.table.clicked.emit(pane.proxy.index(1, 0))
    assert blocker.args == [2]
    assert pane.proxy.index(1, 0).data(DOC_ID_ROLE) == 2


def test_library_columns_fit_their_values_without_reading_rows(qtbot: QtBot,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Region, year and kind columns are sized from the filter values, so showing and selecting
    rows in a library of thousands never sizes columns by asking the model for rows."""
    pane = LibraryPane()
    qtbot.addWidget(pane)
    long_region = "新疆维吾尔自治区克孜勒苏柯尔克孜自治州"
    many = [Document(f"/d{i}.txt", "x", "", f"报告{i}", long_region if i == 7 else "甲市", year=2000 + i % 20,
                     kind="report", id=i) for i in range(1, 500)]
    asked: list[int] = []
    original = DocumentTableModel.data

    def counting(self: DocumentTableModel, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        asked.append(index.row())
        return original(self, index, role)

    monkeypatch.setattr(DocumentTableModel, "data", counting)
    pane.set_documents(many, {"regions": ["甲市", long_region], "years": list(range(2000, 2020)), "kinds": ["report"]})
    pane.resize(900, 400)
    pane.show()
    qtbot.waitExposed(pane)
    pane.select_document(400)
    header = pane.table.horizontalHeader()
    metrics = pane.table.fontMetrics()
    assert header.sectionSize(REGION) >= metrics.horizontalAdvance(long_region)
    assert header.sectionSize(YEAR) >= metrics.horizontalAdvance("2019")
    assert len(set(asked)) < 100, "only the rows on screen should be read"


def test_entity_tree_counts_filter_and_documents(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    pane = EntityPane()
    qtbot.addWidget(pane)
    pane.set_entities(fakes.make_entities())
    qtmodeltester.check(pane.model)
    top = [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]
    assert top == ["地点（2）", "机构（1）", "政策文件（1）"]
    assert pane.model.index(0, 1).data() == "5"
    pane.filter.setText("乙")
    assert pane.proxy.rowCount() == 1
    place = pane.proxy.index(0, 0)
    assert pane.proxy.rowCount(place) == 1 and pane.proxy.index(0, 0, place).data() == "乙市"
    with qtbot.waitSignal(pane.entityActivated) as blocker:
        pane.tree.clicked.emit(pane.proxy.index(0, 0, place))
    entity = blocker.args[0]
    assert entity.name == "乙市"
    pane.set_documents(entity, documents()[:2])
    assert pane.documents.count() == 2
    with qtbot.waitSignal(pane.documentChosen) as chosen:
        pane.documents.itemClicked.emit(pane.documents.item(1))
    assert chosen.args == [2, 2]
    with qtbot.waitSignal(pane.scopeChanged) as scope:
        pane.all_documents.setChecked(True)
    assert scope.args == [True]


def test_search_results_mark_hits(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    pane = SearchPane()
    qtbot.addWidget(pane)
    pane.resize(400, 400)
    pane.show()
    hit = SearchHit(1, "甲市报告", "/d1.txt", 100, 120, "……研发投入达到34.94亿元", 98,
                    ((100, 104), (200, 205)))
    pane.show_hits("研发投入", [hit, hit], 0.002)
    qtmodeltester.check(pane.model)
    assert snippet_marks(hit) == [(2, 4)]
    assert hit.snippet[2:6] == "研发投入"
    assert "共 4 处，1 个文档" in pane.status.text()  # every hit listed: the totals are known
    pane.results.viewport().repaint()
    with qtbot.waitSignal(pane.hitActivated) as blocker:
        pane.activate_row(1)
    assert blocker.args[0] == hit
    with qtbot.waitSignal(pane.queryRequested) as query:
        pane.query.setText(" 创新 ")
        pane.query.returnPressed.emit()
    assert query.args == ["创新"]
