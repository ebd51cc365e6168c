"""Import reports off the UI thread, with a progress dialog, Cancel, and a failure list."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from viewer.services.store_problems import as_store_error
from viewer.ui.i18n import colon, tr
from viewer.ui.store_errors import failure_text
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.ingest import IngestProgress, IngestReport

IngestFunction = Callable[..., "IngestReport"]


def _default_ingest(*args: Any, **kwargs: Any) -> IngestReport:
    """Imported on first use: the analysis pulls in jieba, which start-up must not load."""
    from viewer.services.ingest import ingest_paths

    return ingest_paths(*args, **kwargs)


class ImportWorker(QObject):
    progressed = Signal(object)  # IngestProgress
    finished = Signal(object)  # IngestReport
    failed = Signal(str, bool)  # message, whether the store itself failed
    waiting = Signal()  # another import into the store runs: this one waits for it

    def __init__(self, store_path: str | Path, paths: Sequence[str | Path],
                 ingest: IngestFunction = _default_ingest) -> None:
        super().__init__()
        self.store_path = store_path
        self.paths = list(paths)
        self.cancel_event = threading.Event()
        self._ingest = ingest

    @Slot()
    def run(self) -> None:
        try:
            extra = {"waiting": self.waiting.emit} if _accepts(self._ingest, "waiting") else {}
            report = self._ingest(self.store_path, self.paths, progress=self.progressed.emit,
                                  cancel=self.cancel_event, **extra)
        except Exception as error:  # report anything to the user rather than lose it in a thread
            self.failed.emit(failure_text(error, self.store_path), as_store_error(error, self.store_path) is not None)
            return
        self.finished.emit(report)

    def cancel(self) -> None:
        self.cancel_event.set()


def _accepts(function: IngestFunction, name: str) -> bool:
    parameters = inspect.signature(function).parameters.values()
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


class ImportController(QObject):
    """Owns one import: the thread, the worker and the progress dialog."""

    done = Signal(object)  # IngestReport, or None when the import itself failed

    def __init__(self, parent: QWidget, store_path: str | Path, paths: Sequence[str | Path],
                 ingest: IngestFunction = _default_ingest, show_summary: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.show_summary = show_summary
        self.report: IngestReport | None = None
        self.error = ""
        self.worker_thread = QThread(self)
        self.worker = ImportWorker(store_path, paths, ingest)
        self.worker.moveToThread(self.worker_thread)
        self.dialog = QProgressDialog(tr("正在准备导入…"), tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("导入报告"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.waiting.connect(lambda: self.dialog.setLabelText(tr("正在等待另一个导入完成…")))

    def start(self) -> None:
        self.worker_thread.start()

    def cancel(self) -> None:
        self.worker.cancel()
        self.dialog.setLabelText(tr("正在取消…"))

    def _progress(self, progress: IngestProgress) -> None:
        self.dialog.setMaximum(max(progress.total, 1))
        self.dialog.setValue(progress.done)
        eta = progress.eta_seconds
        label = tr("已导入 %1 / %2：%3").replace("%1", str(progress.done)).replace("%2", str(progress.total)) \
            .replace("%3", Path(progress.current).name)
        if eta is not None and progress.done < progress.total:
            label += "\n" + tr("预计剩余 %1 秒").replace("%1", f"{eta:.0f}")
        self.dialog.setLabelText(label)

    def _finished(self, report: IngestReport) -> None:
        self.report = report
        self._stop()
        if self.show_summary and (report.failed or report.cancelled):
            QMessageBox.warning(self.parent_widget, tr("导入报告"), plain_message(import_summary(report)))
        self.done.emit(report)

    def _failed(self, message: str, store_failed: bool) -> None:
        self.error = message
        self._stop()
        if self.show_summary or store_failed:  # a store that fails is told even for the samples
            QMessageBox.critical(self.parent_widget, tr("导入报告"), plain_message(tr("导入失败：") + "\n\n" + message))
        self.done.emit(None)

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.worker_thread.quit()
        self.worker_thread.wait()


def import_summary(report: IngestReport) -> str:
    lines = [tr("新导入 %1，更新 %2，重新分析 %3，未变 %4，失败 %5。")
             .replace("%1", str(report.count("imported"))).replace("%2", str(report.count("replaced")))
             .replace("%3", str(report.count("reanalysed"))).replace("%4", str(report.count("unchanged")))
             .replace("%5", str(len(report.failed)))]
    if report.cancelled:
        lines.append(tr("导入已取消。"))
    skipped = [o for o in report.outcomes if o.status == "skipped"]
    for outcome in [*report.failed, *skipped][:30]:
        lines.append(f"• {Path(outcome.path).name}{colon()}{outcome.reason}")
    return "\n".join(lines)
