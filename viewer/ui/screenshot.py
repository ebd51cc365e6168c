"""Save a picture of the window with a report open and a figure clicked (for the docs).

python -m viewer.ui.screenshot STORE OUT.png [DOC_ID] [FIGURE_ID]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def take(store: str, out: Path, doc_id: int | None = None, figure_id: int | None = None,
         size: tuple[int, int] = (1560, 940)) -> None:
    application()
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "shot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings=settings)
        window.resize(*size)
        window.show()
        library = window.library
        if figure_id is not None:
            figure = library.figure(figure_id)
        else:
            documents = [d for d in library.documents() if doc_id is None or d.id == doc_id]
            figures = [f for d in documents if d.id is not None for f in library.figures(d.id)
                       if f.indicator and f.id is not None and len(library.series_for_figure(f.id).points) > 4]
            figure = figures[0]
        assert figure.doc_id is not None
        window.open_document(figure.doc_id)
        window.document_pane.view.select_figure(figure.id or 0)
        window.show_figure(figure)
        window.search_pane.query.setText(figure.indicator or "")
        window.search(figure.indicator or "")
        window.document_pane.view.select_figure(figure.id or 0)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out))
        window.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    numbers: list[int | None] = [int(a) for a in arguments[2:4]]
    numbers += [None, None]
    take(arguments[0], Path(arguments[1]), numbers[0], numbers[1])
