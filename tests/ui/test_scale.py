"""The window on a synthetic store of many reports: what it loads is bounded by what is shown
(one document's findings, a page of entities, a few regions of a chart), not by the store."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import ui_fakes as fakes
from chart_support import chart_figure, store_of
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viewer.model import Entity, Point, Role, Series
from viewer.services.chart import MAX_OTHER_REGIONS
from viewer.services.library import Library
from viewer.ui import entity_model
from viewer.ui.chart_pane import ChartPane
from viewer.ui.checks_model import DOC_ROLE, FINDING_ROLE, ChecksModel
from viewer.ui.entity_pane import EntityPane
from viewer.ui.library_pane import LibraryPane
from viewer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 60


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated reports of 8 kB, ingested (and checked) once per session."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # the worker processes look it up by name
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("synthetic")
    module.generate(folder / "corpus", count=DOCUMENTS, size_kb=8)
    from viewer.services.ingest import ingest_paths

    store = folder / "store.db"
    report = ingest_paths(store, [folder / "corpus"], processes=2)
    assert report.count("imported") == DOCUMENTS, report.outcomes
    return store


@pytest.fixture
def window(qtbot: QtBot, synthetic_store: Path, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    def everything(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the window must not read every finding")

    monkeypatch.setattr(Library, "findings", everything)
    copy = tmp_path / "store.db"
    shutil.copy(synthetic_store, copy)
    window = MainWindow(copy, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitSignal(window.review.findingsCounted, timeout=60_000):
        window.show()
    yield window


def test_checks_panel_loads_only_the_open_documents_findings(qtbot: QtBot, window: MainWindow) -> None:
    model = window.review.checks_pane.model
    assert model.rowCount() > 1, "the synthetic reports should have findings in several documents"
    assert model.loaded == []  # counts only, until a document is shown
    window.open_first_document()
    current = window.current
    assert current is not None and current.id is not None
    listed = model.doc_row(current.id) >= 0
    assert model.loaded == ([current.id] if listed else [])
    unloaded = [r for r in range(model.rowCount()) if model.index(r, 0).data(DOC_ROLE) not in model.loaded]
    assert all(model.rowCount(model.index(r, 0)) == 1 and model.hasChildren(model.index(r, 0))
               and not model.is_loaded(model.index(r, 0).data(DOC_ROLE))
               for r in unloaded)  # expandable, nothing read yet: only the placeholder
    other = unloaded[0]
    window.review.checks_pane.tree.expand(model.index(other, 0))
    assert len(model.loaded) == (2 if listed else 1)
    kinds = model.index(other, 0)
    assert model.rowCount(kinds) >= 1 and model.index(0, 0, model.index(0, 0, kinds)).data(FINDING_ROLE)


def test_a_chosen_finding_comes_with_all_its_evidence(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.review.checks_pane
    pane.set_attention_only(False)
    model = pane.model
    doc_id = model.index(0, 0).data(DOC_ROLE)
    assert model.load(doc_id)
    leaf = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    listed = leaf.data(FINDING_ROLE)
    assert all(e.doc_id == doc_id for e in listed.evidence)  # listed with this document's evidence only
    with qtbot.waitSignal(pane.findingActivated) as chosen:
        pane.tree.clicked.emit(leaf)
    full = chosen.args[0]
    assert full.id == listed.id and len(full.evidence) >= len(listed.evidence)
    assert all(e.title for e in full.evidence)  # with its sources
    assert pane.evidence.count() >= min(len(full.evidence), 1)


def test_library_list_is_one_model_without_row_widgets(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.library_pane
    assert pane.model.rowCount() == DOCUMENTS
    table = pane.table
    assert all(table.indexWidget(pane.proxy.index(r, c)) is None
               for r in range(pane.proxy.rowCount()) for c in range(pane.proxy.columnCount()))
    few = LibraryPane()
    qtbot.addWidget(few)
    few.set_documents(pane.model.documents()[:3], {})
    assert len(few.findChildren(QWidget)) == len(pane.findChildren(QWidget))  # widgets do not grow with rows
    assert all(not d.text for d in pane.model.documents())  # the list holds no report text


def test_sorting_keeps_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.library_pane
    doc_id = pane.model.documents()[-1].id
    assert doc_id is not None
    pane.select_document(doc_id)
    pane.table.sortByColumn(0, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder)
    titles = [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]
    assert titles == sorted(titles)
    assert pane.table.currentIndex().data(DOC_ROLE) == doc_id


def test_entities_of_all_documents_are_read_off_the_ui_thread_and_paged(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entity_model, "PAGE", 5)
    pane = window.entity_pane
    pane.all_documents.setChecked(True)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=30_000)
    every = window.library.entities()
    assert pane.model.listed() <= 5 * pane.model.rowCount() < len(every)
    last = min(every, key=lambda e: (e.mentions, e.name))  # on the last page of its type
    assert last.id is not None and pane.select_entity(last.id) is not None
    pane.filter.setText(last.name)
    names = [pane.model.entity(pane.model.index(r, 0, pane.model.index(t, 0)))
             for t in range(pane.model.rowCount()) for r in range(pane.model.rowCount(pane.model.index(t, 0)))]
    assert any(e is not None and e.id == last.id for e in names)


# -- without a store ----------------------------------------------------------------------------
def point(region: str, year: int, figure_id: int) -> Point:
    return Point(year, 1.0 + year % 7, region, Role.ACTUAL, "", figure_id, 1, "", 0, 1, "", "", str(year))


def test_chart_draws_the_clicked_region_and_the_busiest_others(qtbot: QtBot, tmp_path: Path) -> None:
    """40 regions, region i reported in 40 - i years: the chart reads and draws 7 of them."""
    regions = [f"地区{i:02d}" for i in range(40)]
    points = [point(r, 2000 + y, i * 100 + y) for i, r in enumerate(regions) for y in range(40 - i)]
    library = store_of(tmp_path / "store.db", Series("研发投入", "%", "percent", points))
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.show_figure(chart_figure(library, "研发投入", "地区30", 2005))
    drawn = {region for region, _group in chart.curves}
    assert drawn == {"地区30", *regions[:MAX_OTHER_REGIONS]}
    assert chart.series is not None and {p.region for p in chart.series.points} == drawn, "only those were read"
    chart.region_menu.aboutToShow.emit()
    actions = {a.text(): a for a in chart.region_menu.actions()}
    assert len(actions) == 40 and not actions["地区39"].isChecked()
    actions["地区39"].setChecked(True)  # read and drawn on request
    assert ("地区39", "actual") in chart.curves and "地区39" in {p.region for p in chart.series.points}
    library.close()


def test_checks_model_asks_only_for_the_documents_it_shows(qtbot: QtBot) -> None:
    findings = fakes.make_findings()
    asked: list[int] = []
    by_doc = {1: [f for f in findings if 1 in f.doc_ids], 2: [f for f in findings if 2 in f.doc_ids]}
    model = ChecksModel()
    model.set_counts({1: (len(by_doc[1]), 2), 2: (len(by_doc[2]), 1), 7: (3, 0)},
                     [fakes.make_document(1), fakes.make_document(2)],
                     lambda doc_id: asked.append(doc_id) or by_doc.get(doc_id, []))
    assert model.rowCount() == 2 and asked == []  # document 7 has nothing that needs attention
    conflict = next(f for f in findings if len(f.doc_ids) > 1)
    assert conflict.id is not None
    assert len(model.finding_index(conflict.id, 2)) == 1 and asked == [2]
    assert model.finding_index(conflict.id) == model.finding_index(conflict.id, 2)  # loaded ones only
    assert asked == [2]


def test_entity_model_pages_and_filters_every_entity(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entity_model, "PAGE", 10)
    entities = [Entity(f"机构{i:03d}", "org", id=i, mentions=100 - i, documents=1) for i in range(35)]
    pane = EntityPane()
    qtbot.addWidget(pane)
    pane.set_entities(entities)
    head = pane.model.index(0, 0)
    assert pane.model.rowCount(head) == 11 and pane.model.more_type(pane.model.index(10, 0, head)) == "org"
    pane.tree.clicked.emit(pane.proxy.mapFromSource(pane.model.index(10, 0, head)))
    assert pane.model.rowCount(pane.model.index(0, 0)) == 21
    pane.filter.setText("机构034")
    head = pane.model.index(0, 0)
    assert pane.model.rowCount(head) == 1 and pane.model.index(0, 0, head).data() == "机构034"
