"""A dock's list read off the UI thread, and only while the dock is seen: a change while it is
hidden (or behind another dock's tab) marks it stale and it is read when shown; a change during a
read reads it once more when that read ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget

from viewer.ui.ops import Op, Ops


class DockReader(QObject):
    loaded = Signal()
    told = Signal(str, int)  # a message for the status bar, and how long it stays (ms)

    def __init__(self, parent: QObject, ops: Ops, name: str, read: Callable[[Op], Any],
                 show: Callable[[Any], None], failure: str) -> None:
        """`read(op)` runs on the runner as op `name`; `show(result)` on the UI thread; `failure`
        is the translated message when the read fails, %1 standing for the error."""
        super().__init__(parent)
        self.ops, self.name, self.read, self.show, self.failure = ops, name, read, show, failure
        self.dock: QDockWidget | None = None
        self._seen = False  # a dock behind another's tab reports isVisible(): this follows the tab
        self._stale = True  # the store changed since the list was read
        self._again = False  # the store changed while the list was being read

    def attach(self, dock: QDockWidget) -> None:
        self.dock = dock
        dock.visibilityChanged.connect(self._visibility_changed)

    def _visibility_changed(self, visible: bool) -> None:
        self._seen = visible
        if visible and self._stale:
            self.reload()

    def refresh(self) -> None:
        """The store changed: read the list again now if the dock is seen, else when it is."""
        self._stale = True
        if self.dock is None or self._seen:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self._again = self.ops.read(self.name, self.read, self._done, self._failed) is None

    def _done(self, result: Any) -> None:
        if not self._read_again():
            self.show(result)
            self.loaded.emit()

    def _failed(self, error: str) -> None:
        if not self._read_again():
            self.told.emit(self.failure.replace("%1", error), 8000)

    def _read_again(self) -> bool:
        if self._again:
            self._again = False
            self.reload()
            return True
        return False
