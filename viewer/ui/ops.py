"""One runner for the window's work off the UI thread (Anki's CollectionOp / QueryOp).

`ops.read(name, work, done)` and `ops.write(name, work, done, changes=...)` run `work(op)` in a
thread, one op per name at a time; `op.library` is a Library of the op's own (a SQLite
connection belongs to the thread that opened it), opened on first use. The work reports
progress with `op.progress(value)` (the op's `progressed` signal, on the UI thread) and polls
`op.cancelled()`. `done(result)` runs on the UI thread when the work succeeds; a failure goes to
the op's `failed(message)` if it has one, else to `Ops.report_failure`, the one place store
errors are shown. A write then says which areas of the store it may have changed, however it
ended: `Ops.changed` carries them and each pane decides what to read again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.services.library import Library
from viewer.services.store_problems import as_store_error
from viewer.ui.i18n import tr
from viewer.ui.store_errors import failure_text, store_error_box
from viewer.ui.tooltips import plain_message

DOCUMENTS, FIGURES, FINDINGS, NOTES, ENTITIES, CORRECTIONS = (
    "documents", "figures", "findings", "notes", "entities", "corrections")
EVERYTHING = frozenset({DOCUMENTS, FIGURES, FINDINGS, NOTES, ENTITIES, CORRECTIONS})
LONG_WRITES = ("import", "reanalysis")  # the ops shown in a progress dialog (viewer.ui.progress_op)

Work = Callable[["Op"], Any]
Done = Callable[[Any], None]
Failed = Callable[[str], None]
Progress = Callable[[Any], None]


class OpCancelled(Exception):
    """A read cancelled before it opened the store."""


class Op(QObject):
    """One run of `work(op)` in a thread; `ended` fires on the UI thread once it has stopped."""

    progressed = Signal(object)  # emitted on the UI thread
    ended = Signal()
    _reported = Signal()  # emitted by the work's thread: a value waits in _steps
    _finished = Signal()  # emitted by the work's thread as it ends

    def __init__(self, parent: QObject | None, name: str, store_path: str | Path, work: Work,
                 interruptible: bool = False) -> None:
        super().__init__(parent)
        self.name = name
        self.store_path = store_path
        self.work = work
        self.interruptible = interruptible  # a read: cancelling it interrupts its query
        self.result: Any = None
        self.error: BaseException | None = None
        self.message = ""  # the error in words
        self.seconds = 0.0
        self._cancel = threading.Event()
        # Progress values cross threads in a Python queue; the signal that says one waits carries none.
        self._steps: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._library: Library | None = None
        # A Python thread: the work is Python, and no Qt object of the op lives outside the UI thread.
        self._thread = threading.Thread(target=self._run_and_tell, name=f"op {name}", daemon=True)
        self._finished.connect(self._work_finished)  # queued: this object lives in the UI thread
        self._reported.connect(self._relay)  # queued: this object lives in the UI thread

    @property
    def library(self) -> Library:
        """The op's own Library, opened on first use in the op's thread."""
        with self._lock:
            if self._library is None:
                if self._cancel.is_set() and self.interruptible:
                    raise OpCancelled(self.name)
                self._library = Library(self.store_path)
            return self._library

    def progress(self, value: object) -> None:
        """From the work: `progressed` carries `value` to the UI thread."""
        self._steps.put(value)
        self._reported.emit()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """For services that take a threading.Event to poll."""
        return self._cancel

    def cancel(self) -> None:
        self._cancel.set()
        if self.interruptible:
            with self._lock:
                if self._library is not None:
                    self._library.interrupt()

    def start(self) -> None:
        self._thread.start()

    def wait(self, ms: int | None = None) -> bool:
        """Wait for the work to end; whether it has."""
        self._thread.join(None if ms is None else ms / 1000)
        return not self._thread.is_alive()

    def _run_and_tell(self) -> None:
        self._run()
        self._finished.emit()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self.result = self.work(self)
        except Exception as error:  # told to the user, not lost in a thread
            self.error = error
            self.message = failure_text(error, self.store_path)
        finally:
            with self._lock:
                if self._library is not None:
                    self._library.close()
                    self._library = None
        self.seconds = time.perf_counter() - started

    @Slot()
    def _relay(self) -> None:
        try:
            value = self._steps.get_nowait()
        except queue.Empty:  # drained already, by _work_finished
            return
        self.progressed.emit(value)

    @Slot()
    def _work_finished(self) -> None:
        self._thread.join()
        while not self._steps.empty():  # every step is shown before the end
            self.progressed.emit(self._steps.get_nowait())
        self.ended.emit()


class Ops(QObject):
    """The window's ops: at most one per name, all stopped when the window closes."""

    changed = Signal(frozenset)  # the areas of the store a write may have changed
    started = Signal(str)
    finished = Signal(str)

    def __init__(self, parent: QWidget, store_path: str | Path) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.store_path = store_path
        self.running: dict[str, Op] = {}
        self.closing = False

    def read(self, name: str, work: Work, done: Done | None = None, failed: Failed | None = None,
             title: str = "", progress: Progress | None = None) -> Op | None:
        """Read the store off the UI thread; None (nothing started) while an op of that name runs.
        Closing the window (or `cancel`) interrupts the query running."""
        return self._start(name, work, done, failed, title, progress, None, interruptible=True)

    def write(self, name: str, work: Work, done: Done | None = None, failed: Failed | None = None,
              title: str = "", progress: Progress | None = None, changes: Iterable[str] = EVERYTHING) -> Op | None:
        """Write off the UI thread; `changes` are announced when it ends, even after a failure (a
        write that failed may have written part of its work). `progress(value)`: what the work
        passed to op.progress, on the UI thread."""
        return self._start(name, work, done, failed, title, progress, frozenset(changes), interruptible=False)

    def busy(self, *names: str) -> bool:
        """Whether any op (or one of `names`) runs."""
        return any(name in self.running for name in names) if names else bool(self.running)

    def writing(self) -> bool:
        """Whether a write runs (closing the window waits for it; a read is interrupted)."""
        return any(not op.interruptible for op in self.running.values())

    def cancel(self, name: str) -> None:
        op = self.running.get(name)
        if op is not None:
            op.cancel()

    def announce(self, areas: Iterable[str]) -> None:
        """Work done on the UI thread changed these areas of the store."""
        self.changed.emit(frozenset(areas))

    def report_failure(self, title: str, op: Op) -> None:
        """The one place a failed op is told: a store error in its dialog, anything else in a message."""
        problem = as_store_error(op.error, self.store_path) if op.error is not None else None
        if problem is not None:
            store_error_box(self.parent_widget, problem).open()
        else:
            QMessageBox.warning(self.parent_widget, title or tr("后台任务"), plain_message(op.message))

    def shut_down(self) -> None:
        """The window closes: cancel every op (a read is interrupted) and wait for it (a thread
        must not outlive the window that owns it)."""
        self.closing = True
        for op in list(self.running.values()):
            op.cancel()
        for op in list(self.running.values()):
            op.wait()
        self.running.clear()

    def _start(self, name: str, work: Work, done: Done | None, failed: Failed | None, title: str,
               progress: Progress | None, changes: frozenset[str] | None, interruptible: bool) -> Op | None:
        if name in self.running or self.closing:
            return None
        op = Op(self, name, self.store_path, work, interruptible)

        def ended() -> None:
            self.running.pop(name, None)
            op.deleteLater()
            if self.closing:
                return
            if changes:
                self.changed.emit(changes)
            if op.error is None:
                if done is not None:
                    done(op.result)
            elif failed is not None:
                failed(op.message)
            else:
                self.report_failure(title, op)
            self.finished.emit(name)

        op.ended.connect(ended)
        if progress is not None:
            op.progressed.connect(progress)
        self.running[name] = op
        op.start()
        self.started.emit(name)
        return op
