"""Screenshot of issue #14 "HTML in tooltips", on invented reports whose title and sentences hold
HTML (bold, an image from a local file): the library's tooltip and the checks panel show the
markup as characters. Saved as docs/screenshots/tooltip-plain-text.png.

xvfb-run -a .venv/bin/python scripts/screenshot_plain_tooltips.py [OUT_FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QToolTip

from viewer.services.ingest import ingest_paths
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow

MARKUP = '<b>粗体</b><img src="file:///usr/share/pixmaps/debian-logo.png">'


def report(value: int, title: str) -> str:
    return (f"{title}\n\n{MARKUP}2023年，全市高新技术企业达到{value}家，技术合同成交额{value // 4}亿元。\n\n"
            f"全市新增省级研发平台{value // 10}个。\n")


def settle(rounds: int = 30) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def main(out_folder: Path) -> None:
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        reports = Path(folder) / "reports"
        reports.mkdir()
        (reports / "<b>甲.txt").write_text(report(120, f"株洲市2023年{MARKUP}科技工作报告"), encoding="utf-8")
        (reports / "乙.txt").write_text(report(160, "株洲市2023年科技工作简报"), encoding="utf-8")
        store = Path(folder) / "store.sqlite"
        ingest_paths(store, [reports], processes=0)
        window = MainWindow(store, settings=QSettings(str(Path(folder) / "w.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.move(0, 0)
        window.show()
        settle()
        table = window.library_pane.table
        hostile = next(row for row in range(table.model().rowCount())
                       if "<b>" in str(table.model().index(row, 0).data()))
        index = table.model().index(hostile, 0)
        window.open_document(window.library.documents()[0].id or 0)
        settle()
        rect = table.visualRect(index)
        where = table.viewport().mapToGlobal(rect.center())
        QToolTip.showText(where, str(index.data(3)), table.viewport())  # 3: Qt.ToolTipRole
        settle(60)
        screen = QGuiApplication.primaryScreen()
        shot = screen.grabWindow(0, 0, 0, 1280, 800)
        out_folder.mkdir(parents=True, exist_ok=True)
        shot.save(str(out_folder / "tooltip-plain-text.png"))
        window.close()
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
