"""The screenshots of issue #13 items 1 and 6, saved under docs/screenshots/:

- search-totals.png: a search with its totals (共 N 处，M 个文档), the documents with their counts
  and the first page of hits; search-totals-pane.png is the search pane alone;
- entity-jump.png: an entity clicked in the sidebar, its first mention scrolled to and selected,
  then 下一处 pressed (第 2 / n 处).

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_search_entities.py STORE [OUT_FOLDER] [QUERY]

STORE is copied first; any store with reports (the README's five, or the samples) will do.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from viewer.model import Entity
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()


def search_shot(window: MainWindow, query: str, out: Path) -> None:
    dock = window.docks["search"]
    window.resizeDocks([window.docks["chart"], dock], [260, 640], Qt.Orientation.Vertical)
    window.focus_search()
    window.search_pane.query.setText(query)
    window.search(query)
    deadline = time.monotonic() + 60
    while window.search_pane.totals is None and time.monotonic() < deadline:
        settle(0.05)
    first = window.search_pane.model.hits[0]
    window.show_hit(first)
    settle()
    window.grab().save(str(out / "search-totals.png"))
    dock.grab().save(str(out / "search-totals-pane.png"))


def far_entity(window: MainWindow) -> tuple[int, Entity]:
    """A person or organisation named several times, first well below the top of its report."""
    best: tuple[int, int, Entity] | None = None
    for document in window.library.documents():
        if document.id is None:
            continue
        for entity in window.library.entities(document.id):
            if entity.id is None or entity.type not in ("person", "org"):
                continue
            mentions = window.library.entity_mentions(entity.id, document.id)
            if len(mentions) >= 3 and (best is None or mentions[0].start > best[1]):
                best = (document.id, mentions[0].start, entity)
    if best is None:
        raise SystemExit("no entity with three mentions in the store")
    return best[0], best[2]


def entity_shot(window: MainWindow, out: Path) -> None:
    doc_id, entity = far_entity(window)
    window.open_document(doc_id)
    window.docks["entities"].show()
    window.docks["entities"].raise_()
    settle(0.5)  # the sidebar lists the report's entities after its text is on screen
    window.entity_pane.select_entity(entity.id or 0)
    window.entity_pane.next_mention.click()
    settle()
    window.grab().save(str(out / "entity-jump.png"))


def main(argv: list[str]) -> int:
    store = Path(argv[0])
    out = Path(argv[1]) if len(argv) > 1 else Path("docs/screenshots")
    query = argv[2] if len(argv) > 2 else "研发"
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(store, copy)
        window = MainWindow(copy, settings=QSettings(str(Path(folder) / "shot.ini"), QSettings.Format.IniFormat))
        window.resize(1600, 960)
        window.show()
        settle(1.0)
        window.open_first_document()
        settle()
        search_shot(window, query, out)
        entity_shot(window, out)
        window.close()
    for name in ("search-totals.png", "search-totals-pane.png", "entity-jump.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
