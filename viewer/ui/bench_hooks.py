"""What the benchmarks and the self-test time the window with.

Start-up stamps for bench/launch.py: with POLICY_VIEWER_BENCH_STAMPS=1 the window prints
`bench-stamp shown T` once its text is first painted, `bench-stamp ready T` once the work it
defers until after that paint is done (the first chart and the finding counts drawn), and
`bench-stamp checked T` once the store check that runs after that has ended; then
`bench-peak-rss KB` (the process's VmHWM) and it closes. T is time.monotonic(): CLOCK_MONOTONIC,
one clock for every process on Linux, so the benchmark times each from before it spawned the
program. Between ready and checked, `bench-stall S` gives the longest time the UI thread did not
answer its timer (the check must not hold it).
`until_painted`: an interaction timed until the widget showing its result has painted it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

STAMPS_VARIABLE = "POLICY_VIEWER_BENCH_STAMPS"


class StartingWindow(Protocol):
    def starting_up(self) -> bool: ...
    def store_checked(self) -> bool: ...
    def close(self) -> bool: ...


def stamp(name: str) -> None:
    print(f"bench-stamp {name} {time.monotonic():.6f}", flush=True)


def peak_rss_kb() -> int | None:
    """The process's peak resident memory (VmHWM, Linux); None where it cannot be read."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class _StartupStamps(QObject):
    """Filters the first paint of `painted`; the stamp is taken once the paint has been processed."""

    def __init__(self, window: StartingWindow, painted: QWidget) -> None:
        super().__init__(painted)
        self.window = window
        self.painted = painted
        self.poll = QTimer(self)
        self.poll.setInterval(1)
        self.poll.timeout.connect(self._check_ready)
        self.watch = QTimer(self)  # between ready and checked: how long the UI thread goes unanswered
        self.watch.setInterval(5)
        self.watch.timeout.connect(self._check_checked)
        self.last_tick = 0.0
        self.longest_stall = 0.0
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
        self.last_tick = time.monotonic()
        self.watch.start()

    def _check_checked(self) -> None:
        now = time.monotonic()
        self.longest_stall = max(self.longest_stall, now - self.last_tick)
        self.last_tick = now
        if self.window.store_checked():
            self.watch.stop()
            stamp("checked")
            print(f"bench-stall {self.longest_stall:.6f}", flush=True)
            print(f"bench-peak-rss {peak_rss_kb() or 0}", flush=True)
            self.window.close()
            QApplication.quit()


def stamp_startup_if_asked(window: StartingWindow, painted: QWidget) -> None:
    """Call after window.show(), before the event loop runs: this filter then sees the first
    paint of `painted` before the window's own filters do."""
    if os.environ.get(STAMPS_VARIABLE) == "1":
        _StartupStamps(window, painted)


class PaintTimeout(Exception):
    pass


class _PaintProbe(QObject):
    def __init__(self, widget: QWidget, after_paint: Callable[[], None]) -> None:
        super().__init__()
        self.widget = widget
        self.after_paint = after_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.widget:
            QTimer.singleShot(0, self.after_paint)  # runs once the paint has been processed
        return False


def until_painted(widget: QWidget, action: Callable[[], object], done: Callable[[], bool] = lambda: True,
                  timeout_ms: int = 20_000) -> tuple[float, float]:
    """Wall and CPU seconds (this process) from the start of `action` until a Paint event of
    `widget` has been processed with `done()` true after it."""
    loop = QEventLoop()
    ended: list[tuple[float, float]] = []

    def after_paint() -> None:
        if not ended and done():
            ended.append((time.perf_counter(), time.process_time()))
            loop.quit()

    probe = _PaintProbe(widget, after_paint)
    widget.installEventFilter(probe)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(loop.quit)
    timeout.start(timeout_ms)
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        action()
        if not ended:
            loop.exec()
    finally:
        timeout.stop()
        widget.removeEventFilter(probe)
    if not ended:
        raise PaintTimeout(f"{type(widget).__name__} not painted with the result within {timeout_ms} ms")
    return ended[0][0] - started, ended[0][1] - cpu_started


def seconds_since_process_start() -> float | None:
    """Seconds since the kernel started this process (Linux: /proc/self/stat against
    CLOCK_BOOTTIME, to the clock tick, 10 ms), so start-up is timed from the launch, imports
    included; None where that cannot be read."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, after the command name
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
