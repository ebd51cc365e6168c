"""Screenshot of a store opened from a read-only folder: python scripts/screenshot_read_only.py
STORE_IN_A_READ_ONLY_FOLDER OUT.png (under Xvfb). The import, note and correction actions are
disabled and the status bar says why."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def main(store: str, out: str) -> None:
    application()
    window = MainWindow(store, settings=QSettings("policy-viewer-screenshot", "read-only"))
    window.resize(1400, 860)
    window.show()
    window.open_first_document()
    file_menu = window.menuBar().actions()[0].menu()
    loop = QEventLoop()
    QTimer.singleShot(1500, loop.quit)
    loop.exec()
    file_menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    QTimer.singleShot(500, loop.quit)
    loop.exec()
    window.screen().grabWindow(0).save(out)
    print(f"read-only: {window.library.read_only}; import enabled: "
          f"{window.actions_by_name['import'].isEnabled()} -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
