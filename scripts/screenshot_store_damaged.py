"""Screenshot of a damaged store in the window (under Xvfb): the sample reports are imported into a
temporary store, the pages of its search index overwritten, and the window opened on it; it checks
the store once shown, opens it read-only and says what to do.

xvfb-run -a .venv/bin/python scripts/screenshot_store_damaged.py [OUT.png] [--lang en]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from viewer.services.demo import sample_paths
from viewer.services.ingest import ingest_paths
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def damaged_store(folder: Path) -> Path:
    store = folder / "审阅" / "store.db"
    store.parent.mkdir()
    ingest_paths(store, sample_paths(), processes=0)
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'document_chars_data'")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    noise = random.Random(14)
    with open(store, "r+b") as file:
        for page in pages:
            file.seek((page - 1) * size)
            file.write(noise.randbytes(size))
    return store


def main(out: str, lang: str) -> None:
    application(language=lang)
    with tempfile.TemporaryDirectory() as folder:
        store = damaged_store(Path(folder))
        window = MainWindow(store, settings=QSettings(str(Path(folder) / "w.ini"), QSettings.Format.IniFormat))
        window.resize(1270, 840)
        window.show()
        window.open_first_document()
        loop = QEventLoop()
        QTimer.singleShot(2500, loop.quit)
        loop.exec()
        window.screen().grabWindow(0).save(out)
        print(f"damaged dialog shown: {window.safety.damaged_box is not None} -> {out}")
        window.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    language = "en" if "--lang" in args and args[args.index("--lang") + 1] == "en" else "zh"
    paths = [a for a in args if not a.startswith("--") and a not in ("en", "zh")]
    main(paths[0] if paths else "docs/screenshots/store-damaged-zh.png", language)
