"""Run one piece of store work (a review export, a re-check) off the UI thread.

The work gets its own Library: a SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from viewer.services.library import Library
from viewer.ui.store_errors import failure_text

Work = Callable[[Library], Any]


class _Worker(QObject):
    finished = Signal(object, float)  # result, seconds
    failed = Signal(str)

    def __init__(self, store_path: str | Path, work: Work) -> None:
        super().__init__()
        self.store_path = store_path
        self.work = work

    @Slot()
    def run(self) -> None:
        started = time.perf_counter()
        try:
            library = Library(self.store_path)
        except Exception as error:  # a store that cannot be opened: told to the user
            self.failed.emit(failure_text(error, self.store_path))
            return
        try:
            result = self.work(library)
        except Exception as error:  # shown to the user, not lost in a thread
            self.failed.emit(failure_text(error, self.store_path))
            return
        finally:
            library.close()
        self.finished.emit(result, time.perf_counter() - started)


class BackgroundTask(QObject):
    """One run of `work(library)` in a thread; `done` carries (result, seconds, error)."""

    done = Signal(object, float, str)

    def __init__(self, parent: QObject, store_path: str | Path, work: Work) -> None:
        super().__init__(parent)
        self.thread_ = QThread(self)
        self.worker = _Worker(store_path, work)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        # Bound slots of this object (it lives in the UI thread): the calls are queued to it.
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.thread_.start()

    @Slot(object, float)
    def _finished(self, result: object, seconds: float) -> None:
        self._finish(result, seconds, "")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._finish(None, 0.0, message)

    def _finish(self, result: object, seconds: float, error: str) -> None:
        self.wait()
        self.done.emit(result, seconds, error)

    def wait(self) -> None:
        self.thread_.quit()
        self.thread_.wait()
