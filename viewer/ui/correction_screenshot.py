"""Pictures of correcting a figure, for the docs: the window with a corrected figure (marked in
the text and framed in the chart), and the correction editor open over the window.

python -m viewer.ui.correction_screenshot STORE OUT_DIR --edit FIGURE_ID [--indicator NAME]
    [--correct FIGURE_ID --set FIELD=VALUE ...]

Writes OUT_DIR/correction_window.png (with --correct), correction_editor.png (the editor over
the window) and correction_dialog.png (the editor alone). The store is copied first: the
corrections go into the copy, never into STORE.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _parse_sets(pairs: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for pair in pairs:
        name, _, raw = pair.partition("=")
        try:
            changes[name] = json.loads(raw)
        except json.JSONDecodeError:
            changes[name] = raw
    return changes


def _over(window_shot: QPixmap, dialog_shot: QPixmap, at: QPoint) -> QPixmap:
    """The editor drawn over the window, with a thin frame as a window manager would draw."""
    result = QPixmap(window_shot)
    painter = QPainter(result)
    painter.fillRect(0, 0, result.width(), result.height(), QColor(0, 0, 0, 60))
    painter.setPen(QColor("#666"))
    painter.drawRect(at.x() - 1, at.y() - 1, dialog_shot.width() + 1, dialog_shot.height() + 1)
    painter.drawPixmap(at, dialog_shot)
    painter.end()
    return result


def take(store: str, out_dir: Path, edit: int, indicator: str | None = None, correct: int | None = None,
         changes: dict[str, Any] | None = None, size: tuple[int, int] = (1600, 960)) -> list[Path]:
    application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.sqlite"
        shutil.copy(store, copy)
        window = MainWindow(copy, settings=QSettings(str(Path(folder) / "shot.ini"), QSettings.Format.IniFormat))
        window.resize(*size)
        counted = QEventLoop()
        window.review.findingsCounted.connect(counted.quit)
        QTimer.singleShot(120_000, counted.quit)
        window.show()
        counted.exec()
        library = window.library
        if correct is not None and changes:
            figure = library.figure(correct)
            assert figure.doc_id is not None
            window.open_document(figure.doc_id)
            window.correction_editor.correct(figure, changes)
            corrected = library.figure(correct)
            window.show_figure(corrected)
            window.document_pane.view.select_span(corrected.start, corrected.start)  # its mark unselected
            _settle()
            written.append(out_dir / "correction_window.png")
            window.grab().save(str(written[-1]))
        figure = library.figure(edit)
        assert figure.doc_id is not None
        window.open_document(figure.doc_id)
        window.show_figure(figure)
        window.document_pane.view.select_figure(edit)
        dialog = window.correction_editor.ask_correct_figure(figure)
        assert dialog is not None
        if indicator:
            dialog.indicator.set_name(indicator)
        dialog.adjustSize()
        at = QPoint((window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 3)
        _settle()
        dialog_shot = dialog.grab()
        written.append(out_dir / "correction_dialog.png")
        dialog_shot.save(str(written[-1]))
        written.append(out_dir / "correction_editor.png")
        _over(window.grab(), dialog_shot, at).save(str(written[-1]))
        dialog.reject()
        window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viewer.ui.correction_screenshot")
    parser.add_argument("store")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--edit", type=int, required=True, help="the figure whose editor is shown")
    parser.add_argument("--indicator", help="typed into the editor's indicator box")
    parser.add_argument("--correct", type=int, help="a figure corrected first (shown in the chart)")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    args = parser.parse_args(argv)
    for path in take(args.store, args.out_dir, args.edit, args.indicator, args.correct, _parse_sets(args.set)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
