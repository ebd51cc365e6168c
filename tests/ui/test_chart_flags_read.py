"""The chart's flags are read off the UI thread once it is shown (a store in a file): the window
goes on while the read runs, an answer for a series no longer drawn is dropped and the series
drawn meanwhile is asked about; and a marker follows a corrected document year (the latest
report stands for its place)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from chart_support import chart_figure, store_of
from pytestqt.qtbot import QtBot

from viewer.model import Point, Role, Series
from viewer.services.chart_flags import answer_flags
from viewer.services.chart_model import ChartModel
from viewer.services.library import Library
from viewer.ui import chart_pane as chart_pane_module
from viewer.ui.chart_pane import ChartPane, checks_answer
from viewer.ui.review_labels import FLAG_CONFLICT, flags_from_rows

FIRST, SECOND = "研发投入", "技术合同成交额"


def point(year: int, value: float, doc_id: int, region: str = "甲市") -> Point:
    return Point(year, value, region, Role.ACTUAL, "", 0, doc_id, f"甲乙两市报告{doc_id}", 0, 1, "", "", str(year))


def conflicting(indicator: str, year: int, doc_ids: tuple[int, int]) -> Series:
    """Two reports stating different values for the same year: the checks find a conflict."""
    return Series(indicator, "元", "money", [point(year - 1, 8e8, doc_ids[0]), point(year, 14e8, doc_ids[0]),
                                            point(year, 15e8, doc_ids[1])])


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """Each indicator: two reports in conflict; 甲市's 14 of 2021 also stated by a later report 5 (two
    figures behind one marker)."""
    library = store_of(tmp_path / "s.db", conflicting(FIRST, 2021, (1, 2)), conflicting(SECOND, 2022, (3, 4)),
                       Series(FIRST, "元", "money", [point(2021, 14e8, 5)]),
                       years={1: 2021, 2: 2022, 3: 2022, 4: 2023, 5: 2024})
    library.run_checks()
    yield library
    library.close()


def figure_ids(library: Library, doc_ids: tuple[int, ...]) -> set[int]:
    return {f.id or 0 for d in doc_ids for f in library.figures(d)}


def test_flags_are_read_off_the_ui_thread_and_stale_ones_dropped(
        qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.flag_source = lambda ids: flags_from_rows(library.figure_flag_rows(ids))  # as the window sets it
    entered, release = threading.Event(), threading.Event()
    asked: list[tuple[str, str]] = []  # (indicator, thread) of each read
    answer = chart_pane_module.checks_answer

    def held_answer(*args: Any) -> Any:
        asked.append((args[1].series.indicator, threading.current_thread().name))
        entered.set()
        release.wait(10)
        return answer(*args)

    monkeypatch.setattr(chart_pane_module, "checks_answer", held_answer)
    chart.show_indicator(FIRST)
    qtbot.waitUntil(entered.is_set, timeout=5_000)  # the UI thread runs while the read is held
    assert asked == [(FIRST, "op chart flags")] and chart.flags_scheduled() and chart.flagged_points() == []
    chart.show_indicator(SECOND)  # another series while the first one's flags are read
    release.set()
    qtbot.waitUntil(lambda: not chart.flags_scheduled(), timeout=5_000)
    assert [indicator for indicator, _thread in asked] == [FIRST, SECOND]
    assert chart.series is not None and chart.series.indicator == SECOND
    assert set(chart.model.flags) and set(chart.model.flags) <= figure_ids(library, (3, 4)), \
        "the first series' answer is dropped"
    assert {(x, round(y * chart.factor), flag) for x, y, flag in chart.flagged_points()} == \
        {(2022.0, 14e8, FLAG_CONFLICT), (2022.0, 15e8, FLAG_CONFLICT)}


def test_a_dropped_answer_is_asked_again_for_the_series_drawn(
        qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The flags forgotten (the checks ran again) while a read runs: its answer is stale, the
    series drawn is asked about again."""
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.flag_source = lambda ids: flags_from_rows(library.figure_flag_rows(ids))
    entered, release = threading.Event(), threading.Event()
    answer, reads = chart_pane_module.checks_answer, []

    def held_answer(*args: Any) -> Any:
        reads.append(args[1].generation)
        entered.set()
        release.wait(10)
        return answer(*args)

    monkeypatch.setattr(chart_pane_module, "checks_answer", held_answer)
    chart.show_indicator(FIRST)
    qtbot.waitUntil(entered.is_set, timeout=5_000)
    chart.reload_flags()
    release.set()
    qtbot.waitUntil(lambda: not chart.flags_scheduled(), timeout=5_000)
    assert len(reads) == 2 and reads[0] != reads[1]
    assert {flag for _x, _y, flag in chart.flagged_points()} == {FLAG_CONFLICT}


def test_flags_of_a_store_in_memory_are_read_through_the_flag_source(qtbot: QtBot, library: Library) -> None:
    """No other connection sees a store in memory: its flags come from `flag_source`, here."""
    memory = Library(":memory:")
    library.conn.backup(memory.conn)
    chart = ChartPane(memory)
    qtbot.addWidget(chart)
    threads: list[str] = []

    def flags(ids: list[int]) -> dict[int, str]:
        threads.append(threading.current_thread().name)
        return flags_from_rows(memory.figure_flag_rows(ids))

    chart.flag_source = flags
    chart.show_indicator(FIRST)
    qtbot.waitUntil(lambda: not chart.flags_scheduled(), timeout=5_000)
    assert threads == [threading.main_thread().name]
    assert {flag for _x, _y, flag in chart.flagged_points()} == {FLAG_CONFLICT}
    memory.close()


def test_one_read_answers_as_the_figures_behind_and_their_findings_do(library: Library) -> None:
    """`checks_answer` (the window's read, one statement) gives what asking the figures behind
    the points and then their findings gives, also when some figures were asked about before."""
    def flags(ids: list[int]) -> dict[int, str]:
        return flags_from_rows(library.figure_flag_rows(ids))

    model = ChartModel(library)
    model.flag_source = flags
    for indicator in (FIRST, SECOND):
        shown = model.indicator_series(indicator)
        assert shown is not None and model.show(shown, None) and model.drawing() is not None
        request = model.flag_request()
        assert request is not None
        expected = answer_flags(library, request, flags)
        assert expected.found and checks_answer(library, request) == expected
        assert indicator == SECOND or max(len(ids) for ids in expected.behind.values()) == 2
        halfway = replace(request, asked=frozenset(expected.asked[:1]))
        assert checks_answer(library, halfway) == answer_flags(library, halfway, flags)


def test_the_marker_follows_a_corrected_document_year(qtbot: QtBot, tmp_path: Path) -> None:
    """甲市 2021 is stated alike by reports 1 (of 2021) and 2 (of 2022): report 2's figure stands
    for the marker until report 1's year is corrected to 2023."""
    library = store_of(tmp_path / "s.db", Series(FIRST, "元", "money", [
        point(2020, 9e8, 1), point(2021, 14e8, 1), point(2021, 14e8, 2)]), years={1: 2021, 2: 2022})
    chart = ChartPane(library)
    qtbot.addWidget(chart)
    chart.show_indicator(FIRST)

    def marker() -> Point:
        (spots,) = chart.spots.values()
        (found,) = [spot.data() for spot in spots.points() if spot.data().year == 2021]
        return found

    assert marker().doc_id == 2 and marker().reports == 2
    library.update_metadata(1, year=2023)
    chart.reload()
    assert marker().doc_id == 1 and marker().figure_id == chart_figure(library, FIRST, "甲市", 2021).id
    assert marker().reports == 2
    library.close()
