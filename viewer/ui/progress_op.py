"""A long write shown in a progress dialog with Cancel (an import, a re-analysis): one op of the
window's runner (viewer.ui.ops), with the dialog, the summary and a `done` signal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from viewer.services.store_problems import as_store_error
from viewer.ui.i18n import tr
from viewer.ui.ops import EVERYTHING, Op, Ops
from viewer.ui.tooltips import plain_message


class ProgressDialog(QProgressDialog):
    """Shown after 300 ms, kept open until the op ends, its Cancel asking the op to stop."""

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(label, tr("取消"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)

    def show_step(self, done: int, total: int, label: str, eta_seconds: float | None) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        if eta_seconds is not None and done < total:
            label += "\n" + tr("预计剩余 %1 秒").replace("%1", f"{eta_seconds:.0f}")
        self.setLabelText(label)

    def close_now(self) -> None:
        self.reset()
        self.hide()


class ProgressOp(QObject):
    """Runs `work(op)` as the write op `name`; `done` carries the report, or None when it failed."""

    done = Signal(object)

    def __init__(self, parent: QWidget, store_path: str | Path, name: str, title: str, preparing: str,
                 show_summary: bool, ops: Ops | None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.store_path = store_path
        self.name = name
        self.title = title
        self.show_summary = show_summary
        self.ops = ops if ops is not None else Ops(parent, store_path)
        self.op: Op | None = None
        self.report: Any = None
        self.error = ""
        self.dialog = ProgressDialog(parent, title, preparing)
        self.dialog.canceled.connect(self.cancel)

    def work(self, op: Op) -> Any:
        raise NotImplementedError

    def progress(self, value: Any) -> None:
        raise NotImplementedError

    def finished(self, report: Any) -> None:
        """The summary once the work ended (the dialog is closed)."""

    def start(self) -> Op | None:
        """None (nothing started) while an op of the same name runs."""
        self.op = self.ops.write(self.name, self.work, self._finished, self._failed, changes=EVERYTHING,
                                 progress=self._progress)
        if self.op is None:
            self.dialog.close_now()  # its timer would show it
        return self.op

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()
        self.dialog.setLabelText(tr("正在取消…"))

    def cancelled(self) -> bool:
        return self.op is not None and self.op.cancelled()

    def _progress(self, value: Any) -> None:
        if not self.cancelled():
            self.progress(value)

    def _finished(self, report: Any) -> None:
        self.report = report
        self.dialog.close_now()
        self.finished(report)
        self.done.emit(report)

    def _failed(self, message: str) -> None:
        self.error = message
        self.dialog.close_now()
        error = self.op.error if self.op is not None else None
        store_failed = error is not None and as_store_error(error, self.store_path) is not None
        if self.show_summary or store_failed:  # a store that fails is told even for quiet work
            QMessageBox.critical(self.parent_widget, self.title, plain_message(self.failure_heading() + "\n\n" + message))
        self.done.emit(None)

    def failure_heading(self) -> str:
        raise NotImplementedError
