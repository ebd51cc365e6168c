"""Pictures of the chart's parts of a year and of the 目标 dock for the docs, on invented reports
written to a temporary store.

python -m viewer.ui.targets_screenshot OUT_FOLDER  (writes chart_part_year.png, targets_view.png)
"""

from __future__ import annotations

import sys
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
REPORTS = {
    "常德市2021年科技工作要点.txt": (
        "常德市2021年科技工作要点\n\n2020年，常德市技术合同成交额62.5亿元，高新技术企业320家。\n\n"
        "到2023年，常德市技术合同成交额达到100亿元，高新技术企业达到500家。\n\n"
        "到2025年，常德市研发经费投入达到80亿元。\n"),
    "常德市2023年科技工作总结.txt": (
        "常德市2023年科技工作总结\n\n2021年，常德市技术合同成交额70.2亿元。\n\n"
        "2022年，常德市技术合同成交额85.6亿元，高新技术企业388家。\n\n"
        "2023年上半年，常德市技术合同成交额41.2亿元。\n\n2023年前三季度，常德市技术合同成交额72.3亿元。\n\n"
        "2023年1—11月，常德市技术合同成交额93.8亿元，高新技术企业4.2万家。\n\n"
        "2023年，常德市技术合同成交额102.4亿元，高新技术企业420家。\n"),
    "岳阳市2023年科技工作总结.txt": (
        "岳阳市2023年科技工作总结\n\n2021年，岳阳市技术合同成交额55.1亿元。\n\n"
        "2022年，岳阳市技术合同成交额63.7亿元。\n\n2023年前三季度，岳阳市技术合同成交额51.9亿元。\n\n"
        "2023年，岳阳市技术合同成交额74.8亿元。\n\n到2025年，岳阳市技术合同成交额达到110亿元。\n"),
}


def _settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _open(folder: Path) -> MainWindow:
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "store.sqlite"
    report = ingest_paths(store, [folder / name for name in REPORTS], processes=0)
    if not report.ok:
        raise SystemExit(f"the invented reports did not import: {report.outcomes}")
    window = MainWindow(store, settings=QSettings(str(folder / "shot.ini"), QSettings.Format.IniFormat))
    window.resize(1600, 960)
    loaded = QEventLoop()
    window.targets.loaded.connect(loaded.quit)
    QTimer.singleShot(120_000, loaded.quit)
    window.show()
    loaded.exec()  # the findings counted, then the targets read, off the UI thread
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
    take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
