"""Start-up stays light: the window is shown before pyqtgraph, openpyxl, sqlite-utils or jieba
are imported, and within a second. Measured in a fresh interpreter, since other tests in this
process import all of them. The budget is checked on the process's CPU time, which other jobs
on a busy 2-core machine do not inflate; wall time only has a loose bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow

PROBE = """
import json, sys, time
started, cpu_started = time.perf_counter(), time.process_time()
from PySide6.QtCore import QSettings
from viewer.ui.app import application
app = application(language="zh")
from viewer.ui.main_window import MainWindow
window = MainWindow(sys.argv[1], settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.restore_session()
window.show()
shown, cpu = time.perf_counter() - started, time.process_time() - cpu_started
heavy = sorted(m for m in ("pyqtgraph", "openpyxl", "sqlite_utils", "jieba", "rjieba") if m in sys.modules)
for _ in range(500):  # the deferred work: the chart (pyqtgraph) and the checks panel's counts
    app.processEvents()
    time.sleep(0.01)
    if window.review.checks_pane.model.rowCount() and window.chart_if_loaded() is not None:
        break
print(json.dumps({"shown_s": shown, "cpu_s": cpu, "heavy": heavy, "current": window.current is not None,
                  "findings": window.review.checks_pane.model.rowCount(), "chart": window.chart_if_loaded() is not None}))
window.close()
"""


def test_window_shows_without_heavy_modules(corpus_store: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE, str(corpus_store), str(tmp_path / "s.ini")],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["heavy"] == [], f"imported before the window was shown: {measured['heavy']}"
    assert measured["current"], "the first report should be open at start-up"
    assert measured["findings"] > 0 and measured["chart"], "the deferred panes load after the window is shown"
    assert measured["cpu_s"] <= 1.0, f"start-up took {measured['cpu_s']:.2f} s of CPU"
    assert measured["shown_s"] <= 3.0, f"start-up took {measured['shown_s']:.2f} s"


def test_start_up_work_waits_for_the_first_paint(qtbot: QtBot, corpus_store: Path, tmp_path: Path) -> None:
    """The chart and the finding counts load after the window is painted, not before it; the
    window says when that work is over."""
    window = MainWindow(corpus_store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.starting_up() and window.chart_if_loaded() is None
    painted: list[bool] = []
    window.document_pane.view.viewport().installEventFilter(
        filter_ := _PaintSpy(lambda: painted.append(window.chart_if_loaded() is None)))
    qtbot.waitUntil(lambda: not window.starting_up(), timeout=30_000)
    assert painted and painted[0], "the first paint must come before the chart is built"
    assert window.chart_if_loaded() is not None and window.review.checks_pane.model.rowCount() > 0
    window.document_pane.view.viewport().removeEventFilter(filter_)


class _PaintSpy(QObject):
    def __init__(self, seen: Callable[[], None]) -> None:
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen()
        return False
