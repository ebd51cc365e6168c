"""The screenshots of issue #13 items 7 and 8, saved under docs/screenshots/:

- store-error-zh.png / store-error-en.png: the dialog for a store written by a newer version;
- qt-file-dialog-zh.png: Qt's own file dialog in the Chinese interface (Qt's catalogue loaded);
- language-question-zh.png: Qt's Yes/No buttons in Chinese, in the language switch's question;
- window-en.png: the window in English on the project's fictional sample reports.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_dialogs.py [OUT_FOLDER]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from viewer.services.demo import sample_paths
from viewer.services.ingest import ingest_paths
from viewer.services.library import Library
from viewer.services.store_problems import StoreError
from viewer.ui.app import application
from viewer.ui.i18n import install_language, tr
from viewer.ui.main_window import MainWindow
from viewer.ui.store_errors import store_error_box


def settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def save(widget: QWidget, out: Path) -> None:
    widget.show()
    settle()
    widget.grab().save(str(out))
    widget.close()
    print(out)


def newer_store_error(folder: Path) -> StoreError:
    path = folder / "审阅" / "store.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    try:
        Library(path)
    except StoreError as error:
        return error
    raise AssertionError("the store opened")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application(language="zh")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        error = newer_store_error(folder)
        save(store_error_box(None, error), out / "store-error-zh.png")
        install_language("en")
        save(store_error_box(None, error), out / "store-error-en.png")
        install_language("zh")
        dialog = QFileDialog(None, tr("导入报告"), str(folder))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.resize(760, 460)
        save(dialog, out / "qt-file-dialog-zh.png")
        question = QMessageBox(QMessageBox.Icon.Question, tr("界面语言"),
                               tr("切换界面语言会重新打开窗口，撤销记录将清空（已做的修改都已保存）。现在切换吗？"),
                               QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        save(question, out / "language-question-zh.png")
        store = folder / "samples.db"
        ingest_paths(store, sample_paths(), processes=0)
        settings = QSettings(str(folder / "shot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        window.resize(1500, 900)
        window.restore_session()
        window.show()
        settle()
        english = window.set_language("en")
        assert english is not None
        english.resize(1500, 900)
        documents = english.library_pane.model.documents()
        figure = next(f for d in documents if d.id is not None for f in english.library.figures(d.id)
                      if f.indicator and f.id is not None and len(english.library.series_for_figure(f.id).points) > 2)
        assert figure.doc_id is not None and figure.id is not None
        english.open_document(figure.doc_id)
        english.show_figure(figure)
        english.document_pane.view.select_figure(figure.id)
        english.docks["checks"].raise_()
        settle(30)
        english.grab().save(str(out / "window-en.png"))
        print(out / "window-en.png")
        english.close()
        install_language("zh")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots")
