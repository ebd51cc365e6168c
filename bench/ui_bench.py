"""The waits in the window, through real input and with the paint: a click on a figure until the
chart is painted, a click on a library row until the report's text is painted, Enter in the
search box until the result list is painted; each against its baselines from the same run.

    python bench/ui_bench.py [--store STORE] [--repeat 15] [--json OUT] [--indicator NAME ...]

Input goes through QTest: a mouse click on the document viewport at a figure's cursorRect, on
the library table at a row's rect; the query committed into the search box as an input method
does, then Enter (the wait starts at Enter). The clock stops once a Paint event of the widget
that shows the result (the chart's PlotWidget viewport, the document viewport, the result
list's viewport) has been processed with the result in place: the filter sees the Paint, a zero
timer posted from it runs after it (viewer.ui.bench_hooks.until_painted). The checks' flags that
the chart reads once it is shown are waited for after each click: neither the next click nor the
repaint baseline counts them. Baselines: the store
reads alone (a click: Library.busiest_regions and chart_series_for_figure; an open:
every read open_document makes; Library.search's first page), a repaint of the same widget with
nothing changed, and a bare QTextEdit's (the document view's class) and QPlainTextEdit's
setPlainText of the same report until painted. Without --store, a store of ../shared/corpus is
built in a temporary folder. Start-up: bench/launch.py. Medians; CPU time beside wall time.
--indicator NAME (repeatable) also times a click on the first figure of that indicator (its
chart drawn after another one each time), against the budget of any interaction: the synthetic
stores' 惠及企业数 and 各类科技奖补资金 are stated differently by nearly every report.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CORPUS = REPO.parent / "shared" / "corpus"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer.ui.bench_hooks import until_painted  # noqa: E402  (after sys.path)

BUDGETS_MS = {"click_to_chart_painted": 20.0, "open_largest_text_painted": 30.0, "search_list_painted": 100.0}
ANY_INTERACTION_MS = 100.0
CLICK_READS = "baseline: the store reads of a click, alone"
READS = "baseline: the store reads of an open, alone"
QUERIES = ["研发", "高新技术企业", "创新平台", "科技成果转化", "专利", "人才"]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    started, cpu_started = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - started, time.process_time() - cpu_started


def quiet_offscreen_warning() -> None:
    """The offscreen platform says it cannot propagate size hints each time a dock shows."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def build_store(folder: Path) -> Path:
    from viewer.services.ingest import ingest_paths

    store = folder / "bench.sqlite"
    ingest_paths(store, sorted(CORPUS.glob("*.txt")), processes=0)
    return store


class Bench:
    def __init__(self, store: Path, folder: Path) -> None:
        from PySide6.QtCore import QSettings

        from viewer.ui.app import application
        from viewer.ui.main_window import MainWindow

        self.app = application()
        self.window = MainWindow(store, settings=QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
        self.window.resize(1500, 950)
        self.window.show()
        self.wait_for_startup()
        self.library = self.window.library
        self.results: dict[str, list[tuple[float, float]]] = {}

    def record(self, name: str, times: tuple[float, float]) -> None:
        self.results.setdefault(name, []).append(times)

    def wait_for_startup(self, timeout_s: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout_s
        while self.window.starting_up():
            if time.perf_counter() > deadline:
                raise SystemExit(f"start-up work still running after {timeout_s:.0f} s")
            self.app.processEvents()
            time.sleep(0.002)
        self.app.processEvents()

    def settle(self) -> None:
        """Everything posted so far processed: the next measurement starts from an idle window."""
        for _ in range(3):
            self.app.processEvents()

    # -- library row -> text painted ----------------------------------------------------------
    def click_row(self, doc_id: int) -> Callable[[], object]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        pane = self.library_pane()
        index = pane.proxy.mapFromSource(pane.model.index(pane.model.row_of(doc_id), 0))
        pane.table.scrollTo(index)
        self.settle()
        point = pane.table.visualRect(index).center()
        return lambda: QTest.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton,
                                        Qt.KeyboardModifier.NoModifier, point)

    def library_pane(self) -> Any:
        self.window.docks["library"].show()
        self.window.docks["library"].raise_()
        return self.window.library_pane

    def open_by_click(self, doc_id: int) -> tuple[float, float]:
        click = self.click_row(doc_id)
        window = self.window
        return until_painted(window.document_pane.view.viewport(), click,
                             lambda: window.current is not None and window.current.id == doc_id)

    def open_largest(self, repeat: int) -> int:
        largest = self.library.largest_document_id()
        rows = self.library.document_rows()
        other = next((d.id for d in rows if d.id != largest), None)
        if largest is None or other is None:
            raise SystemExit("the store needs two reports or more")
        for n in range(repeat + 1):
            self.open_by_click(other)
            self.settle()
            times = self.open_by_click(largest)
            if n:  # the first is a warm-up
                self.record("open_largest_text_painted", times)
                self.record(READS, timed(lambda: self.store_reads(largest)))
        return largest

    def store_reads(self, doc_id: int) -> None:
        """What open_document reads from the store, alone."""
        library = self.library
        library.document(doc_id)
        library.paragraphs(doc_id)
        library.figures(doc_id)
        library.mentions(doc_id)
        library.corrections.of_document(doc_id)
        self.window.review.document_findings(doc_id)
        self.window.review.notes_for_document(doc_id)

    def bare_text(self, doc_id: int, repeat: int) -> None:
        """The same report in a bare QTextEdit (the document view's class) and QPlainTextEdit."""
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        text = self.library.document(doc_id).text
        view = self.window.document_pane.view
        for widget_class in (QTextEdit, QPlainTextEdit):
            bare = widget_class()
            bare.setReadOnly(True)
            bare.setFont(view.font())
            bare.resize(view.size())
            bare.show()
            self.settle()
            for n in range(repeat + 1):
                bare.clear()
                self.settle()
                times = until_painted(bare.viewport(), lambda b=bare: b.setPlainText(text))
                if n:
                    self.record(f"baseline: bare {widget_class.__name__}.setPlainText + paint", times)
            bare.close()
        repaint = view.viewport()
        for _ in range(repeat):
            self.record("baseline: document viewport repaint", until_painted(repaint, repaint.update))

    # -- figure click -> chart painted --------------------------------------------------------
    def chartable_figures(self, wanted: int, documents_read: int = 200) -> list[Any]:
        """Linked figures whose charts have two points or more, one per indicator, in document order."""
        chosen: dict[str, Any] = {}
        for document in sorted(self.library.document_rows(), key=lambda d: d.id or 0)[:documents_read]:
            for figure in self.library.figures(document.id or 0):
                if figure.indicator and figure.indicator not in chosen and figure.id is not None:
                    points = self.library.chart_series_for_figure(figure).points
                    if len({(p.year, p.value) for p in points}) >= 2:
                        chosen[figure.indicator] = figure
                if len(chosen) >= wanted:
                    return list(chosen.values())
        return list(chosen.values())

    def click_figure(self, figure: Any) -> Callable[[], object]:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        window = self.window
        if window.current is None or window.current.id != figure.doc_id:
            self.open_by_click(figure.doc_id)
        view = window.document_pane.view
        view.select_span(figure.start, figure.start)  # scrolled into view
        self.settle()
        point = view.cursorRect().center() + QPoint(3, 0)
        return lambda: QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                        point)

    def figure_clicks(self, repeat: int) -> None:
        figures = self.chartable_figures(max(2, min(repeat, 12)))
        if len(figures) < 2:
            raise SystemExit("the store needs two indicators with charts of two points or more")
        window = self.window
        window.docks["chart"].show()
        activated: list[Any] = []
        window.document_pane.view.figureActivated.connect(activated.append)
        for n in range(repeat + 1):
            figure = figures[n % len(figures)]
            click = self.click_figure(figure)
            chart = window.chart
            activated.clear()
            times = until_painted(chart.plot.viewport(), click,
                                  lambda f=figure, c=chart: c.series is not None and c.series.indicator == f.indicator)
            if not activated or activated[0].id != figure.id:
                raise SystemExit(f"the click at figure {figure.id} ({figure.text}) did not activate it")
            self.wait_for_flags(chart)  # read once the chart is shown: not in the next measurement
            if n:
                self.record("click_to_chart_painted", times)
                regions = sorted({p.region for p in chart.series.points if p.region}) if chart.series else []
                ranked = self.library.busiest_regions(figure.indicator, 8)
                asked = regions if regions and len(ranked) > 7 else None
                self.record(CLICK_READS, timed(lambda f=figure, r=asked: (
                    self.library.busiest_regions(f.indicator, 8), self.library.chart_series_for_figure(f, r))))
                self.record("baseline: chart viewport repaint", until_painted(chart.plot.viewport(),
                                                                              chart.plot.viewport().update))
            self.settle()

    def indicator_clicks(self, indicators: list[str], repeat: int) -> None:
        """A click on the first figure of each indicator, another chart drawn before each."""
        other = self.chartable_figures(1)[0]
        window = self.window
        window.docks["chart"].show()
        for indicator in indicators:
            row = self.library.conn.execute(
                "SELECT id FROM figures WHERE indicator = ? AND year IS NOT NULL AND region IS NOT NULL "
                "AND value IS NOT NULL ORDER BY id LIMIT 1", [indicator]).fetchone()
            if row is None:
                raise SystemExit(f"no figure of {indicator} to click")
            figure = self.library.figure(int(row[0]))
            for n in range(repeat + 1):
                for clicked in (other, figure):
                    click = self.click_figure(clicked)
                    chart = window.chart
                    times = until_painted(chart.plot.viewport(), click, lambda f=clicked, c=chart: (
                        c.series is not None and c.series.indicator == f.indicator))
                    self.wait_for_flags(chart)
                    if n and clicked is figure:
                        self.record(f"click_to_chart_painted[{indicator}]", times)
                    self.settle()

    def wait_for_flags(self, chart: Any) -> None:
        while chart.flags_scheduled():
            self.app.processEvents()
            time.sleep(0.002)
        self.settle()

    # -- Enter in the search box -> result list painted ---------------------------------------
    def searches(self, repeat: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        window = self.window
        window.focus_search()
        pane = window.search_pane
        self.settle()
        for n in range(repeat + 1):
            query = QUERIES[n % len(QUERIES)]
            pane.query.clear()
            typed = QInputMethodEvent()  # as an input method commits Chinese (QTest types ASCII only)
            typed.setCommitString(query)
            QApplication.sendEvent(pane.query, typed)
            self.settle()
            times = until_painted(pane.results.viewport(),
                                  lambda: QTest.keyClick(pane.query, Qt.Key.Key_Return),
                                  lambda q=query: pane.query_text == q and pane.model.rowCount() > 0)
            if n:
                self.record("search_list_painted", times)
                self.record("baseline: Library.search first page (query alone)",
                            timed(lambda q=query: self.library.search(q, 50)))
                self.record("baseline: result list repaint", until_painted(pane.results.viewport(),
                                                                           pane.results.viewport().update))
            self.settle()
        while window.ops.busy():  # the totals counted off the UI thread
            self.app.processEvents()
            time.sleep(0.002)

    def close(self) -> None:
        self.window.close()
        self.app.processEvents()


def report(results: dict[str, list[tuple[float, float]]]) -> dict[str, dict[str, float]]:
    summary: dict[str, dict[str, float]] = {}
    for name, runs in results.items():
        summary[name] = {"median_ms": statistics.median(w for w, _ in runs) * 1000,
                         "cpu_median_ms": statistics.median(c for _, c in runs) * 1000, "runs": len(runs)}
    groups = [("click_to_chart_painted", CLICK_READS,
               "baseline: chart viewport repaint"),
              ("open_largest_text_painted", READS, "baseline: bare QTextEdit.setPlainText + paint",
               "baseline: bare QPlainTextEdit.setPlainText + paint", "baseline: document viewport repaint"),
              ("search_list_painted", "baseline: Library.search first page (query alone)",
               "baseline: result list repaint")]
    for name, figure in summary.items():
        if name.startswith("click_to_chart_painted["):
            print(f"{name:<58} {figure['median_ms']:7.1f} ms  (CPU {figure['cpu_median_ms']:6.1f})  "
                  f"budget {ANY_INTERACTION_MS:.0f} ms, ratio {figure['median_ms'] / ANY_INTERACTION_MS:.2f}")
    for measured, *baselines in groups:
        if measured not in summary:
            continue
        figure = summary[measured]
        budget = BUDGETS_MS[measured]
        print(f"{measured:<58} {figure['median_ms']:7.1f} ms  (CPU {figure['cpu_median_ms']:6.1f})  "
              f"budget {budget:.0f} ms, ratio {figure['median_ms'] / budget:.2f}")
        for name in baselines:
            base = summary[name]
            print(f"  {name:<56} {base['median_ms']:7.1f} ms  (CPU {base['cpu_median_ms']:6.1f})  "
                  f"measured / this = {figure['median_ms'] / max(base['median_ms'], 1e-3):5.1f}")
    return summary


def main() -> int:
    from machine import describe, machine_state

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--indicator", action="append", default=[],
                        help="also time a click on a figure of this indicator (repeatable)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quiet_offscreen_warning()
    before = machine_state()
    print(describe(before))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = args.store if args.store else build_store(folder)
        if not store.exists():
            print(f"{store}: no such store", file=sys.stderr)
            return 1
        bench = Bench(store, folder)
        try:
            largest = bench.open_largest(args.repeat)
            bench.bare_text(largest, args.repeat)
            bench.figure_clicks(args.repeat)
            bench.indicator_clicks(args.indicator, args.repeat)
            bench.searches(args.repeat)
        finally:
            bench.close()
    print(f"medians of {args.repeat} runs after a warm-up; wall time (CPU time of this process):")
    summary = report(bench.results)
    after = machine_state()
    print(describe(after))
    if args.json:
        args.json.write_text(json.dumps({"store": str(args.store or "corpus"), "results": summary,
                                         "budgets_ms": BUDGETS_MS, "machine_before": before,
                                         "machine_after": after}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
