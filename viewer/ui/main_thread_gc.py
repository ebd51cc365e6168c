"""Python's garbage collector, run on the UI thread only.

The collector runs in whichever thread happens to allocate when a generation fills up. Work off
the UI thread (an export building an xlsx, a search count) allocates a lot, so it would often be
the thread that collects; a Qt object caught in a reference cycle would then be destroyed from
that thread, which Qt does not allow (it crashed the window now and then, in the collector).
Automatic collection is therefore switched off and a timer on the UI thread collects, by
generation, as the automatic collector would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                collect_now(generation)
                return


def collect_now(generation: int = 2) -> None:
    """Collect after the deletions Qt has pending: a widget closed with deleteLater() whose Python
    side is garbage would otherwise be torn apart by the collector first, and its C++ destructor
    would then call Python methods of a half-cleared object (pyqtgraph's sizeHint raises)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect(generation)


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Install once per application (further calls return the collector installed)."""
    existing = app.findChild(MainThreadCollector)
    return existing if isinstance(existing, MainThreadCollector) else MainThreadCollector(app)
