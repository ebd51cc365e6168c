"""`policy-viewer --self-test`: drive the real window through the figure <-> chart round trip.

Prints the timings as JSON and returns 0, or prints the failed step and returns 1. Each
interaction is timed until the widget showing its result has painted it; launch_to_* are timed
from the start of the process (Linux), imports included.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from viewer.model import Figure, Point
from viewer.ui.app import application
from viewer.ui.bench_hooks import PaintTimeout, seconds_since_process_start, until_painted
from viewer.ui.main_window import MainWindow


class SelfTestFailure(Exception):
    pass


def _wait_for_import(window: MainWindow, timeout_ms: int = 300_000) -> None:
    importer = window.import_samples_if_empty()
    if importer is None:
        return
    loop = QEventLoop()
    importer.done.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if window.library.is_empty():
        raise SelfTestFailure("import of the bundled samples left the store empty")


def _wait_for_startup(window: MainWindow, timeout_s: float = 60.0) -> None:
    """Let the work deferred at start-up finish, as it would before a reader's first click: the
    timings below are of the interactions, not of start-up work running beside them."""
    deadline = time.perf_counter() + timeout_s
    while window.starting_up():
        if time.perf_counter() > deadline:
            raise SelfTestFailure(f"start-up work still running after {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.005)


def _wait_for_store_check(window: MainWindow, timeout_s: float = 120.0) -> None:
    """The store check runs after ready, on the other core: the interactions are timed once it
    has ended, not beside it."""
    deadline = time.perf_counter() + timeout_s
    while not window.store_checked():
        if time.perf_counter() > deadline:
            raise SelfTestFailure(f"the store check still running after {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.005)


def _pick_figure(window: MainWindow) -> Figure:
    """The first linked figure (in document order) whose chart has two distinct points or more.
    Asks for the chart's series, as a click does: reading every source of a series would make
    this choice, not the viewing, the self-test's peak memory."""
    library = window.library
    for document in sorted(library.document_rows(), key=lambda d: d.id or 0):
        assert document.id is not None
        for figure in library.figures(document.id):
            if figure.indicator and figure.id is not None:
                points = library.chart_series_for_figure(figure).points
                if len({(p.year, p.value) for p in points}) >= 2:
                    return figure
    raise SelfTestFailure("no document has a linked figure whose series has two points")


def _click_figure(window: MainWindow, figure: Figure) -> float:
    """Seconds from the click on the figure until the chart has painted its series."""
    view = window.document_pane.view
    view.select_span(figure.start, figure.start)
    QApplication.processEvents()
    rect = view.cursorRect()
    chart = window.chart
    seconds, _cpu = until_painted(
        chart.plot.viewport(),
        lambda: QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                 rect.center() + QPoint(3, 0)),
        lambda: chart.series is not None and chart.series.indicator == figure.indicator)
    return seconds


def _open(window: MainWindow, doc_id: int) -> float:
    """Seconds from the call until the report's text has been painted."""
    opened: list[bool] = []
    seconds, _cpu = until_painted(window.document_pane.view.viewport(),
                                  lambda: opened.append(window.open_document(doc_id)),
                                  lambda: window.current is not None and window.current.id == doc_id)
    if not all(opened):
        raise SelfTestFailure(f"open document {doc_id}")
    return seconds


def _click_point(window: MainWindow, point: Point) -> None:
    chart = window.chart
    box = chart.plot.getPlotItem().getViewBox()
    scene = box.mapViewToScene(QPointF(point.year, point.value / chart.factor))
    QTest.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     chart.plot.mapFromScene(scene))


def _lone_point(window: MainWindow, figure: Figure) -> Point:
    """A point of another figure, preferably from another document, not hidden under others."""
    points = window.chart.visible_points()
    spots: dict[tuple[int, float], list[Point]] = {}
    for point in points:
        spots.setdefault((point.year, round(point.value / window.chart.factor, 1)), []).append(point)
    lone = [group[0] for group in spots.values() if len(group) == 1 and group[0].figure_id != figure.id]
    candidates = lone or [p for p in points if p.figure_id != figure.id] or points
    chosen: Point = sorted(candidates, key=lambda p: (p.doc_id == figure.doc_id, p.year))[0]
    return chosen


def _round_trip(window: MainWindow, started: float) -> dict[str, float]:
    timings = {}
    launched = seconds_since_process_start()
    launched_at = time.perf_counter() - launched if launched is not None else None  # on perf_counter's clock
    until_painted(window.document_pane.view.viewport(), window.show)
    timings["startup_to_window_s"] = time.perf_counter() - started
    timings["window_shown_at"] = time.time()  # lets a caller measure from process launch
    if launched_at is not None:
        timings["launch_to_window_s"] = time.perf_counter() - launched_at
    _wait_for_startup(window)
    timings["startup_to_idle_s"] = time.perf_counter() - started
    if launched_at is not None:
        timings["launch_to_ready_s"] = time.perf_counter() - launched_at
    _wait_for_store_check(window)
    if launched_at is not None:
        timings["launch_to_store_checked_s"] = time.perf_counter() - launched_at
    _wait_for_import(window)
    figure = _pick_figure(window)
    assert figure.doc_id is not None and figure.id is not None
    timings["open_document_s"] = _open(window, figure.doc_id)
    timings["figure_click_to_chart_s"] = _click_figure(window, figure)
    series = window.chart.series
    if series is None or series.indicator != figure.indicator:
        raise SelfTestFailure(f"click on figure {figure.id} ({figure.text}) did not chart {figure.indicator}")
    drawn = sum(len(spots.getData()[0]) for spots in window.chart.spots.values())
    if drawn < 2:
        raise SelfTestFailure(f"chart of {figure.indicator} shows {drawn} points, expected at least 2")
    if not window.chart.emphasised_points():
        raise SelfTestFailure("the clicked figure's point is not emphasised")
    QApplication.processEvents()
    target = _lone_point(window, figure)
    clicked: list[Point] = []
    window.chart.pointClicked.connect(clicked.append)
    _click_point(window, target)
    if not clicked:
        raise SelfTestFailure(f"click on the point of figure {target.figure_id} was not received")
    point = clicked[0]
    if window.current is None or window.current.id != point.doc_id:
        raise SelfTestFailure(f"click on point of figure {point.figure_id} did not open document {point.doc_id}")
    if window.document_pane.view.selected_span() != (point.start, point.end):
        raise SelfTestFailure(f"click on point did not select {point.text!r} at {point.start}")
    largest = window.library.largest_document_id()
    if largest is not None and largest != point.doc_id:
        timings["open_largest_document_s"] = _open(window, largest)
    return timings


def peak_rss_mb() -> float | None:
    """This program's peak resident memory (Linux: VmHWM). Not getrusage's ru_maxrss, which
    carries over the peak of a large parent that forked this process."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def run_self_test(store_path: str | Path) -> int:
    started = time.perf_counter()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "self-test.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store_path, settings=settings)
        window.resize(1500, 950)
        try:
            timings = _round_trip(window, started)
        except (SelfTestFailure, PaintTimeout) as failure:
            print(json.dumps({"ok": False, "failed": str(failure)}, ensure_ascii=False))
            return 1
        finally:
            window.close()
            app.processEvents()
    peak = peak_rss_mb()
    if peak is not None:
        timings["peak_rss_mb"] = peak
    print(json.dumps({"ok": True, **{k: v if k.endswith("_at") else round(v, 4) for k, v in timings.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(run_self_test(sys.argv[1] if len(sys.argv) > 1 else "db/viewer.sqlite"))
