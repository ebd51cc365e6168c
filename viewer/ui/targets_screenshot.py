"""Pictures of the chart's parts of a year and of the 目标 dock for the docs, on the invented
reports of docs/screenshots/invented imported into a temporary store.

python -m viewer.ui.targets_screenshot OUT_FOLDER  (writes chart_part_year.png, targets_view.png)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from viewer.model.review import CheckKind
from viewer.services.ingest import ingest_paths
from viewer.services.targets_view import TargetStatus
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow

# Invented figures for two real places (the place table knows them); no sentence of a real report.
REPORTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "invented"


def _settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _open(folder: Path) -> MainWindow:
    store = folder / "store.sqlite"
    report = ingest_paths(store, sorted(REPORTS.glob("*.txt")), processes=0)
    if not report.ok or not report.outcomes:
        raise SystemExit(f"the invented reports in {REPORTS} did not import: {report.outcomes}")
    window = MainWindow(store, settings=QSettings(str(folder / "shot.ini"), QSettings.Format.IniFormat))
    window.resize(1600, 960)
    loaded = QEventLoop()
    window.targets.loaded.connect(loaded.quit)
    QTimer.singleShot(120_000, loaded.quit)
    window.show()
    window.docks["targets"].raise_()
    loaded.exec()  # the targets read off the UI thread
    _settle()
    return window


def take(out: Path) -> None:
    application()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        window = _open(Path(folder))
        library = window.library
        [question] = [f for f in library.findings(kind=CheckKind.PART_YEAR)]
        part = question.evidence[0]
        figure = next(f for f in library.figures(part.doc_id) if f.text == "93.8亿元")
        window.open_document(figure.doc_id or 0)
        window.show_figure(figure)
        window.docks["checks"].raise_()
        _settle()
        window.review.checks_pane.select_finding(question.id or 0, part.doc_id)
        window.document_pane.view.select_figure(figure.id or 0)
        _settle()
        window.grab().save(str(out / "chart_part_year.png"))
        window.docks["targets"].raise_()
        window.docks["library"].raise_()
        pane = window.targets.pane
        pane.set_status("")
        row = next(r for r, target in enumerate(pane.visible_rows()) if target.status == TargetStatus.MET)
        pane.activate_row(row)
        _settle()
        window.grab().save(str(out / "targets_view.png"))
        window.close()


if __name__ == "__main__":
    from viewer.ui.standalone import folder_argument

    take(folder_argument("docs/screenshots"))
