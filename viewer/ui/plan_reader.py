"""The 规划评估 dialog's reads of the store (the list of plans, each evaluation, the plans compared):
on the window's background runner (viewer.ui.ops) when the dialog has one, else at once (a
dialog on its own Library, as the screenshot script and the dialog's own tests make it).

One read of each name at a time; a request made while its name runs replaces any waiting one and
runs when it ends, so the result shown is always the latest asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from viewer.services.library import Library
    from viewer.ui.ops import Op, Ops

Work = Callable[["Library"], Any] | None  # None: nothing to read, done(None) in its turn
Done = Callable[[Any], None]


class PlanReader(QObject):
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, library: Library, ops: Ops | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.ops = library, ops
        self._prefix = f"plan_evaluation.{id(self):x}."  # this dialog's ops, apart from another's
        self._running: set[str] = set()
        self._waiting: dict[str, tuple[Work, Done]] = {}
        self._closed = False

    def read(self, name: str, work: Work, done: Done) -> None:
        """`done(work(library))` on the UI thread once the read has run (`done(None)` for no work,
        after any read of the name still running)."""
        if self._closed:
            return
        if name in self._running:
            self._waiting[name] = (work, done)
        elif work is None:
            done(None)
        elif self.ops is None:
            done(work(self.library))
        else:
            self._start(name, work, done)

    def busy(self) -> bool:
        return bool(self._running)

    def close(self) -> None:
        """The dialog closes: its reads are cancelled and their results dropped."""
        self._closed = True
        self._waiting.clear()
        if self.ops is not None:
            for name in self._running:
                self.ops.cancel(self._prefix + name)

    def _start(self, name: str, work: Work, done: Done) -> None:
        assert self.ops is not None

        def finished(result: Any) -> None:
            if self._ended(name):
                done(result)
                self._tell()

        def failed(message: str) -> None:
            if self._ended(name):
                self.failed.emit(message)
                self._tell()

        def run(op: Op) -> Any:
            return work(op.library) if work is not None else None

        if self.ops.read(self._prefix + name, run, finished, failed) is None:
            return  # the window is closing
        was_busy = self.busy()
        self._running.add(name)
        if not was_busy:
            self.busy_changed.emit(True)

    def _ended(self, name: str) -> bool:
        """A read ended: False when its result is no longer wanted (the dialog closed, or a newer
        request of the name waits and starts now)."""
        self._running.discard(name)
        if self._closed:
            return False
        waiting = self._waiting.pop(name, None)
        if waiting is not None:
            work, done = waiting
            if work is None:
                done(None)
                self._tell()
            else:
                self._start(name, work, done)
            return False
        return True

    def _tell(self) -> None:
        if not self.busy():
            self.busy_changed.emit(False)
