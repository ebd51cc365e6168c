"""The window's one runner of work off the UI thread (viewer.ui.ops): reads and writes in a
thread with their own Library, one per name, progress and cancel, a success callback, the areas a
write changed announced, failures told in one place."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from viewer.services.library import Library
from viewer.ui.ops import FINDINGS, NOTES, Op, Ops


@pytest.fixture
def ops(qtbot: QtBot, tmp_path: Path) -> Ops:
    store = tmp_path / "store.sqlite"
    Library(store).close()
    parent = QWidget()
    qtbot.addWidget(parent)
    return Ops(parent, store)


def test_a_read_runs_in_its_own_thread_and_calls_back_on_the_ui_thread(qtbot: QtBot, ops: Ops) -> None:
    seen: dict[str, object] = {}

    def work(op: Op) -> bool:
        seen["thread"] = threading.current_thread()
        return op.library.is_empty()

    got: list[object] = []
    op = ops.read("empty", work, lambda result: got.append((result, threading.current_thread())))
    assert op is not None and ops.busy("empty") and ops.busy()
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got == [(True, threading.main_thread())]
    assert seen["thread"] is not threading.main_thread()
    assert not ops.busy() and op.seconds > 0


def test_one_op_per_name_at_a_time(qtbot: QtBot, ops: Ops) -> None:
    release = threading.Event()
    done: list[str] = []
    first = ops.read("same", lambda op: release.wait(10), lambda _r: done.append("first"))
    assert first is not None and not ops.writing()  # a read: closing the window interrupts it
    assert ops.read("same", lambda op: None, lambda _r: done.append("second")) is None
    assert ops.read("other", lambda op: None, lambda _r: done.append("other")) is not None
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    assert sorted(done) == ["first", "other"]


def test_progress_reaches_the_ui_thread_and_cancel_stops_the_work(qtbot: QtBot, ops: Ops) -> None:
    steps: list[tuple[object, threading.Thread]] = []

    def work(op: Op) -> str:
        op.progress(1)
        op.cancel_event.wait(10)
        return "cancelled" if op.cancelled() else "ran out"

    results: list[object] = []
    op = ops.write("long", work, results.append, changes=(),
                   progress=lambda value: steps.append((value, threading.current_thread())))
    assert op is not None and ops.writing()
    qtbot.waitUntil(lambda: bool(steps), timeout=10_000)
    assert steps == [(1, threading.main_thread())]
    ops.cancel("long")
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == ["cancelled"]


def test_a_write_announces_what_it_changed_before_its_callback_even_when_it_failed(
        qtbot: QtBot, ops: Ops) -> None:
    events: list[object] = []
    ops.changed.connect(lambda areas: events.append(areas))

    ops.write("notes", lambda op: 1, lambda result: events.append(("done", result)), changes={NOTES})
    qtbot.waitUntil(lambda: len(events) == 2, timeout=10_000)
    assert events == [frozenset({NOTES}), ("done", 1)]

    def broken(op: Op) -> None:
        raise ValueError("half written")

    events.clear()
    ops.write("checks", broken, lambda _r: events.append("done"), lambda message: events.append(message),
              changes={FINDINGS})
    qtbot.waitUntil(lambda: len(events) == 2, timeout=10_000)
    assert events == [frozenset({FINDINGS}), "ValueError: half written"]


def test_a_failure_without_its_own_handler_is_told_in_one_place(qtbot: QtBot, ops: Ops,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: told.append((title, text)))

    def broken(op: Op) -> None:
        raise RuntimeError("<b>report</b> text")

    ops.read("broken", broken, lambda _r: None, title="Work")
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    title, text = told[0]
    assert title == "Work" and "RuntimeError" in text and "&lt;b&gt;report&lt;/b&gt;" in text


def test_a_store_error_is_shown_in_the_store_error_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    store = tmp_path / "not-a-store.sqlite"
    store.write_bytes(b"this is not a database, only text " * 200)
    parent = QWidget()
    qtbot.addWidget(parent)
    ops = Ops(parent, store)
    ops.read("read", lambda op: op.library.is_empty(), lambda _r: None)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "store_error") is not None, timeout=10_000)
    box = parent.findChild(QMessageBox, "store_error")
    assert box is not None and str(store) in box.text()
    box.close()


def test_shutting_down_interrupts_a_read_and_drops_its_callbacks(qtbot: QtBot, ops: Ops) -> None:
    started = threading.Event()
    got: list[object] = []

    def endless(op: Op) -> object:
        conn = op.library.conn
        started.set()
        return conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n").fetchone()

    ops.read("endless", endless, got.append, got.append)
    assert started.wait(10)
    qtbot.wait(200)  # the query runs (an interrupt reaches only a statement running)
    ops.shut_down()
    qtbot.wait(50)
    assert not ops.busy() and got == []
    assert ops.read("after", lambda op: None, got.append) is None  # nothing starts once closing


def test_a_read_cancelled_before_it_opens_the_store_fails_without_opening_it(qtbot: QtBot, ops: Ops) -> None:
    go = threading.Event()
    opened: list[object] = []

    def work(op: Op) -> object:
        go.wait(10)
        opened.append(op.library)
        return None

    failures: list[str] = []
    op = ops.read("late", work, lambda _r: None, failures.append)
    assert op is not None
    op.cancel()
    go.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert opened == [] and "OpCancelled" in failures[0]
