"""Start-up timestamps for bench/launch.py. With POLICY_VIEWER_BENCH_STAMPS=1 the window prints
`bench-stamp shown T` once its text is first painted and `bench-stamp ready T` once the work it
defers until after that paint is done, then closes. T is time.monotonic(): CLOCK_MONOTONIC, one
clock for every process on Linux, so the benchmark times both from before it spawned the program."""

from __future__ import annotations

import os
import time
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

STAMPS_VARIABLE = "POLICY_VIEWER_BENCH_STAMPS"


class StartingWindow(Protocol):
    def starting_up(self) -> bool: ...
    def close(self) -> bool: ...


def stamp(name: str) -> None:
    print(f"bench-stamp {name} {time.monotonic():.6f}", flush=True)


class _StartupStamps(QObject):
    """Filters the first paint of `painted`; the stamp is taken once the paint has been processed."""

    def __init__(self, window: StartingWindow, painted: QWidget) -> None:
        super().__init__(painted)
        self.window = window
        self.painted = painted
        self.poll = QTimer(self)
        self.poll.setInterval(1)
        self.poll.timeout.connect(self._check_ready)
        painted.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.painted:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        stamp("shown")
        self.poll.start()

    def _check_ready(self) -> None:
        if not self.window.starting_up():
            self.poll.stop()
            QTimer.singleShot(0, self._ready)  # after the paints the last start-up work asked for

    def _ready(self) -> None:
        stamp("ready")
        self.window.close()
        QApplication.quit()


def stamp_startup_if_asked(window: StartingWindow, painted: QWidget) -> None:
    """Call after window.show(), before the event loop runs: this filter then sees the first
    paint of `painted` before the window's own filters do."""
    if os.environ.get(STAMPS_VARIABLE) == "1":
        _StartupStamps(window, painted)
