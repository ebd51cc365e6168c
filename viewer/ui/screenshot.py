"""Save a picture of the window for the docs: a report open, a figure clicked (one the checks
flagged, when there is one), its finding chosen in 核查, and a note in 批注.

python -m viewer.ui.screenshot STORE OUT.png [DOC_ID] [FIGURE_ID]

The store is copied first: the example note goes into the copy, never into STORE.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from viewer.model import Figure
from viewer.services.library import Library
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def choose_figure(library: Library, flags_for: Callable[[list[int]], dict[int, str]],
                  doc_id: int | None) -> Figure:
    documents = [d for d in library.document_rows() if doc_id is None or d.id == doc_id]
    figures = [f for d in documents if d.id is not None for f in library.figures(d.id)
               if f.indicator and f.id is not None and len(library.series_for_figure(f.id).points) > 3]
    flags = flags_for([f.id for f in figures if f.id is not None])
    flagged = [f for f in figures if f.id in flags]
    return (flagged or figures)[0]


def take(store: str, out: Path, doc_id: int | None = None, figure_id: int | None = None,
         size: tuple[int, int] = (1600, 960)) -> None:
    application()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.sqlite"
        shutil.copy(store, copy)
        settings = QSettings(str(Path(folder) / "shot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(copy, settings=settings)
        window.resize(*size)
        counted = QEventLoop()
        window.review.findingsCounted.connect(counted.quit)
        QTimer.singleShot(120_000, counted.quit)
        window.show()
        counted.exec()  # the checks panel counts its findings off the UI thread
        library = window.library
        figure = library.figure(figure_id) if figure_id is not None else choose_figure(
            library, window.review.flags_for, doc_id)
        assert figure.doc_id is not None and figure.id is not None
        window.open_document(figure.doc_id)
        window.review.add_note(figure.doc_id, figure.sentence_start, figure.sentence_end,
                               "与上年报告口径是否一致？", ("存疑", "待核实"))
        window.show_figure(figure)
        window.docks["checks"].raise_()
        window.docks["notes"].raise_()
        for _ in range(5):
            QApplication.processEvents()
        finding = next((f for f in library.findings(figure_id=figure.id) if f.needs_attention), None)
        if finding is not None and finding.id is not None:
            window.review.checks_pane.select_finding(finding.id, figure.doc_id)
        window.document_pane.view.select_figure(figure.id)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out))
        window.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if len(arguments) not in (2, 3, 4) or not all(a.isdigit() for a in arguments[2:]) \
            or not Path(arguments[0]).is_file():
        sys.exit("usage: python -m viewer.ui.screenshot STORE OUT.png [DOC_ID] [FIGURE_ID]\n"
                 "STORE: an existing store (it is copied first); OUT.png: the picture of the window")
    numbers: list[int | None] = [int(a) for a in arguments[2:4]]
    numbers += [None, None]
    take(arguments[0], Path(arguments[1]), numbers[0], numbers[1])
