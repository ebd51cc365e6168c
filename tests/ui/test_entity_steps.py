"""A click on an entity brings its first mention on screen, selected; next and previous step
through the others (buttons, F4 / Shift+F4) and the sidebar says 第 k / n 处. Invented reports
(tests/search_support.py): 姚沐川 is named three times, first far below the report's first screen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from search_support import PERSON, ingest_reports

from viewer.model import Entity, Mention
from viewer.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def reports_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("entity-reports")
    return ingest_reports(folder / "reports", folder / "store.db")


@pytest.fixture
def window(qtbot: QtBot, reports_store: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store = tmp_path / "store.db"
    shutil.copy(reports_store, store)
    window = MainWindow(store, settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window


def doc_id_of(window: MainWindow, file_name: str) -> int:
    return next(d.id for d in window.library.documents() if d.path.endswith(file_name) and d.id is not None)


def person(window: MainWindow) -> Entity:
    return next(e for e in window.library.entities() if e.name == PERSON)


def click_entity(qtbot: QtBot, window: MainWindow, entity: Entity) -> None:
    pane = window.entity_pane
    qtbot.waitUntil(lambda: pane.model.find(entity.id or 0).isValid())
    index = pane.proxy.mapFromSource(pane.model.find(entity.id or 0))
    pane.tree.scrollTo(index)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=pane.tree.visualRect(index).center())


def on_screen(window: MainWindow, mention: Mention) -> bool:
    view = window.document_pane.view
    return view.selected_span() == (mention.start, mention.end) and \
        view.viewport().rect().contains(view.cursorRect())


def test_a_click_scrolls_to_the_first_mention_and_steps_through_the_others(qtbot: QtBot, window: MainWindow) -> None:
    long_report = doc_id_of(window, "d_long.txt")
    window.open_document(long_report)
    view = window.document_pane.view
    entity = person(window)
    mentions = window.library.entity_mentions(entity.id or 0, long_report)
    assert len(mentions) == 3
    view.verticalScrollBar().setValue(0)
    view.select_span(0, 0)
    first_line = view.cursorForPosition(view.viewport().rect().bottomLeft()).position()
    assert mentions[0].start > first_line, "the first mention must start below the first screen"
    click_entity(qtbot, window, entity)
    assert on_screen(window, mentions[0])
    assert window.entity_pane.mention_position.text() == "第 1 / 3 处"
    assert view._selected_spans == [(m.start, m.end) for m in mentions]
    window.entity_pane.next_mention.click()
    assert on_screen(window, mentions[1]) and window.entity_pane.mention_position.text() == "第 2 / 3 处"
    window.actions_by_name["next_mention"].trigger()  # F4
    assert on_screen(window, mentions[2]) and window.entity_pane.mention_position.text() == "第 3 / 3 处"
    window.actions_by_name["next_mention"].trigger()  # around to the first
    assert on_screen(window, mentions[0])
    window.actions_by_name["previous_mention"].trigger()  # Shift+F4: around to the last
    assert on_screen(window, mentions[2])
    window.entity_pane.previous_mention.click()
    assert on_screen(window, mentions[1]) and window.entity_pane.mention_position.text() == "第 2 / 3 处"
    assert window.actions_by_name["next_mention"].shortcut().toString() == "F4"
    assert window.actions_by_name["previous_mention"].shortcut().toString() == "Shift+F4"


def test_next_steps_from_where_the_reader_is(qtbot: QtBot, window: MainWindow) -> None:
    long_report = doc_id_of(window, "d_long.txt")
    window.open_document(long_report)
    entity = person(window)
    mentions = window.library.entity_mentions(entity.id or 0, long_report)
    click_entity(qtbot, window, entity)
    view = window.document_pane.view
    view.select_span(mentions[1].end + 5, mentions[1].end + 5)  # the reader moved on past the second
    window.step_mention(True)
    assert on_screen(window, mentions[2])
    view.select_span(mentions[1].end + 5, mentions[1].end + 5)
    window.step_mention(False)
    assert on_screen(window, mentions[1])


def test_an_entity_not_in_the_open_report_opens_the_first_report_naming_it(qtbot: QtBot, window: MainWindow) -> None:
    window.open_document(doc_id_of(window, "a_crowded.txt"))
    window.entity_pane.all_documents.setChecked(True)  # every entity of the store
    entity = person(window)
    click_entity(qtbot, window, entity)
    long_report = doc_id_of(window, "d_long.txt")
    assert window.current is not None and window.current.id == long_report
    first = window.library.entity_mentions(entity.id or 0, long_report)[0]
    assert on_screen(window, first)
    assert window.entity_pane.mention_position.text() == "第 1 / 3 处"
    assert window.entity_pane.documents.count() == 1
