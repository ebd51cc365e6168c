"""UI speed: start-up, opening the largest report, figure click -> chart, corpus search.

    QT_QPA_PLATFORM=offscreen python bench/ui_bench.py [--store STORE] [--repeat N]

Without --store, a store is built from ../shared/corpus in a temporary folder. Prints the
median of each measurement against its budget (a benchmark, not a pass/fail test).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGETS_MS = {"startup_to_window": 1000.0, "open_largest_document": 30.0, "figure_click_to_chart": 20.0,
              "corpus_search": 30.0}
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# From interpreter start-up to the first paint of the document text.
STARTUP_PROBE = """
import time, sys
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from viewer.ui.app import application
app = application()
from viewer.ui.main_window import MainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.perf_counter() - started
            QTimer.singleShot(0, app.quit)
        return False

window = MainWindow(sys.argv[1], settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
probe = FirstPaint()
window.document_pane.view.viewport().installEventFilter(probe)
window.restore_session()
window.show()
app.exec()
print(probe.at, "jieba" in sys.modules)
window.close()
"""


def build_store(folder: Path) -> Path:
    from viewer.services.ingest import ingest_paths

    store = folder / "bench.sqlite"
    ingest_paths(store, sorted(CORPUS.glob("*.txt")), processes=0)
    return store


def startup(store: Path, repeat: int, folder: Path) -> list[float]:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for n in range(repeat):
        ini = folder / f"startup{n}.ini"
        out = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(store), str(ini)], capture_output=True,
                             text=True, env=env, cwd=ROOT, check=True).stdout.split()
        if out[1] == "True":
            print("WARNING: jieba was imported at start-up")
        times.append(float(out[0]))
    return times


def in_process(store: Path, repeat: int, folder: Path) -> dict[str, list[float]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow

    app = application()
    window = MainWindow(store, settings=QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.resize(1500, 950)
    window.show()
    app.processEvents()
    library = window.library
    documents = library.documents()
    largest = max(documents, key=lambda d: len(library.document(d.id or 0).text))
    other = next(d for d in documents if d.id != largest.id)
    results: dict[str, list[float]] = {name: [] for name in BUDGETS_MS if name != "startup_to_window"}
    cpu: dict[str, list[float]] = {name: [] for name in results}
    for _ in range(repeat):
        window.open_document(other.id or 0)
        app.processEvents()
        started, cpu_started = time.perf_counter(), time.process_time()
        window.open_document(largest.id or 0)
        window.document_pane.view.viewport().repaint()
        results["open_largest_document"].append(time.perf_counter() - started)
        cpu["open_largest_document"].append(time.process_time() - cpu_started)
    figures = [f for d in documents for f in library.figures(d.id or 0) if f.indicator][:repeat * 2]
    window.show_figure(figures[-1])  # pyqtgraph's first draw warms caches
    for figure in figures:
        started, cpu_started = time.perf_counter(), time.process_time()
        window.show_figure(figure)
        window.chart.plot.viewport().repaint()
        results["figure_click_to_chart"].append(time.perf_counter() - started)
        cpu["figure_click_to_chart"].append(time.process_time() - cpu_started)
    queries = ["研发", "高新技术企业", "创新平台", "科技成果转化", "专利", "人才"]
    QApplication.processEvents()
    first = time.perf_counter()
    library.search("研发投入")
    print(f"first search (cold): {(time.perf_counter() - first) * 1000:.0f} ms")
    for _ in range(max(1, repeat // len(queries))):
        for query in queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            window.search(query)
            results["corpus_search"].append(time.perf_counter() - started)
            cpu["corpus_search"].append(time.process_time() - cpu_started)
    window.close()
    for name, times in cpu.items():
        print(f"{name:24s} median CPU time {statistics.median(times) * 1000:6.1f} ms (CPU time, less sensitive to machine load)")
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = Path(args.store) if args.store else build_store(folder)
        results = {"startup_to_window": startup(store, max(3, args.repeat // 3), folder)}
        results.update(in_process(store, args.repeat, folder))
    summary = {}
    for name, times in results.items():
        median = statistics.median(times) * 1000
        budget = BUDGETS_MS[name]
        summary[name] = {"median_ms": round(median, 1), "budget_ms": budget, "ratio": round(median / budget, 2),
                         "runs": len(times)}
        print(f"{name:24s} median {median:8.1f} ms  budget {budget:6.0f} ms  ratio {median / budget:5.2f}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
