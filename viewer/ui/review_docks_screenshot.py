"""Pictures of the 更正记录 and 临时指标 docks for the docs, on the bundled fictional samples:
a few corrections (one orphaned: its sentence was later deleted from the report) and the
store's provisional indicators with one chosen and its example sentences.

python -m viewer.ui.review_docks_screenshot OUT_DIR

Writes OUT_DIR/corrections_pane.png and OUT_DIR/provisional_pane.png. Everything happens in a
temporary folder (a copy of the samples and a store of its own).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from viewer.ui.app import application
from viewer.ui.main_window import MainWindow

# (sample file, figure as written, changes, author); the last one's sentence is then deleted.
CORRECTIONS: list[tuple[str, str, dict[str, Any], str]] = [
    ("bailu_2023_work_summary.txt", "5家", {"indicator": "国家级科技创新平台数"}, "王敏"),
    ("bailu_2023_work_summary.txt", "42个", {"indicator": "高层次人才引进数"}, "王敏"),
    ("qinglan_2022_work_report.txt", "四个", {"excluded": True}, "李立"),
    ("bailu_2023_work_summary.txt", "38.9万元", {"value": 3.89e9}, "李立"),
]


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _store(folder: Path) -> Path:
    """The samples imported, corrected, and one of them imported again without a sentence."""
    from viewer.services.corrections import correct_figure
    from viewer.services.demo import sample_paths
    from viewer.services.ingest import ingest_paths
    from viewer.services.library import Library

    reports = folder / "samples"
    reports.mkdir()
    for path in sample_paths():
        shutil.copy(path, reports / path.name)
    store = folder / "store.sqlite"
    ingest_paths(store, [reports], processes=0)
    library = Library(store)
    try:
        ids = {d.path: d.id for d in library.document_rows()}
        for name, quote, changes, author in CORRECTIONS:
            figure = next(f for f in library.figures(ids[str(reports / name)] or 0) if f.text == quote)
            correct_figure(library.db, figure.id or 0, changes, author=author)
    finally:
        library.close()
    name, quote = CORRECTIONS[-1][0], CORRECTIONS[-1][1]
    report = reports / name
    text = report.read_text(encoding="utf-8")
    gone = next(line for line in text.splitlines() if quote in line)
    report.write_text(text.replace(gone + "\n", ""), encoding="utf-8")
    ingest_paths(store, [report], processes=0)
    return store


def _show_in_chart(window: MainWindow, doc_path: str, start: int) -> None:
    """The series of the open document's figure at `start` (a corrected one) in the chart."""
    current = window.current
    if current is not None and current.path == doc_path and current.id is not None:
        figure = next((f for f in window.library.figures(current.id) if f.start == start), None)
        if figure is not None:
            window.show_figure(figure)


def take(out_dir: Path, size: tuple[int, int] = (1800, 1000)) -> list[Path]:
    application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = _store(folder)
        window = MainWindow(store, settings=QSettings(str(folder / "shot.ini"), QSettings.Format.IniFormat))
        window.resize(*size)
        counted = QEventLoop()
        window.review.findingsCounted.connect(counted.quit)
        QTimer.singleShot(120_000, counted.quit)
        window.show()
        counted.exec()
        window.resizeDocks([window.docks["chart"]], [760], Qt.Orientation.Horizontal)
        _settle()
        window.resizeDocks([window.docks["chart"], window.docks["corrections"]], [430, 470], Qt.Orientation.Vertical)
        window.docks["corrections"].raise_()
        _settle()
        pane = window.corrections.pane
        applied = next(c for c in pane.model.corrections if c.quote == CORRECTIONS[0][1])
        pane.select_correction(applied.id or 0)
        window.corrections.show_correction(applied)
        _show_in_chart(window, applied.doc_path, applied.start)
        _settle()
        written.append(out_dir / "corrections_pane.png")
        window.grab().save(str(written[-1]))

        loaded = QEventLoop()
        window.provisional.loaded.connect(loaded.quit)
        QTimer.singleShot(60_000, loaded.quit)
        window.docks["provisional"].raise_()
        loaded.exec()
        window.resizeDocks([window.docks["library"], window.docks["chart"]], [640, 420], Qt.Orientation.Horizontal)
        _settle()
        window.resizeDocks([window.docks["library"], window.docks["provisional"]], [230, 640],
                           Qt.Orientation.Vertical)
        provisional = window.provisional.pane
        chosen = provisional.model.indicators[1] if len(provisional.model.indicators) > 1 else None
        if chosen is not None:
            provisional.select_indicator(chosen.name)
            if chosen.examples:
                window.provisional.show_example(chosen.examples[0])
                window.show_figure(window.library.figure(chosen.examples[0].figure_id))
        _settle()
        written.append(out_dir / "provisional_pane.png")
        window.grab().save(str(written[-1]))
        window.close()
    return written


if __name__ == "__main__":
    from viewer.ui.standalone import folder_argument

    for path in take(folder_argument("docs/screenshots")):
        print(path)
