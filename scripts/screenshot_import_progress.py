"""Screenshot of an import running as an op of the window's runner (viewer.ui.ops): python
scripts/screenshot_import_progress.py OUT.png (under Xvfb). The bundled samples are imported into
a fresh store, each step held for a second so the progress dialog can be seen; once the import
ends, the panes have read the store again through Ops.changed."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def slowed_ingest(store: Any, paths: Any, progress: Any = None, **kwargs: Any) -> Any:
    from viewer.services.ingest import ingest_paths

    def step(value: Any) -> None:
        progress(value)
        time.sleep(1.0)

    return ingest_paths(store, paths, progress=step, **kwargs)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: str) -> None:
    from viewer.services.demo import sample_paths

    application()
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(folder / "store.sqlite", settings=QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat),
                        ingest=slowed_ingest)
    window.resize(1400, 860)
    window.show()
    wait(800)
    importer = window.start_import(sample_paths(), show_summary=False)
    assert importer is not None
    wait(1800)
    window.screen().grabWindow(0).save(out)
    print(f"dialog: {importer.dialog.labelText()!r} {importer.dialog.value()}/{importer.dialog.maximum()}; "
          f"ops running: {sorted(window.ops.running)} -> {out}")
    while window.importer is not None:
        wait(100)
    print(f"after the import: {window.library_pane.model.rowCount()} documents listed, "
          f"{len(window.review.counts)} documents with findings counted, open: "
          f"{window.current.title if window.current else None}")
    window.close()


if __name__ == "__main__":
    main(sys.argv[1])
