"""Re-analyse the stored reports off the UI thread, with a progress dialog, Cancel and a summary."""

from __future__ import annotations

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
    from viewer.services.reanalysis import ReanalysisProgress, ReanalysisReport

ReanalyzeFunction = Callable[..., "ReanalysisReport"]


def _default_reanalyze(*args: Any, **kwargs: Any) -> ReanalysisReport:
    """Imported on first use: the analysis pulls in jieba, which start-up must not load."""
    from viewer.services.reanalysis import reanalyze

    return reanalyze(*args, **kwargs)


class ReanalysisWorker(QObject):
    progressed = Signal(object)  # ReanalysisProgress
    finished = Signal(object)  # ReanalysisReport
    failed = Signal(str, bool)  # message, whether the store itself failed

    def __init__(self, store_path: str | Path, doc_ids: Sequence[int] | None, reanalyze: ReanalyzeFunction) -> None:
        super().__init__()
        self.store_path = store_path
        self.doc_ids = None if doc_ids is None else list(doc_ids)
        self.cancel_event = threading.Event()
        self._reanalyze = reanalyze

    @Slot()
    def run(self) -> None:
        try:
            report = self._reanalyze(self.store_path, self.doc_ids, progress=self.progressed.emit,
                                     cancel=self.cancel_event)
        except Exception as error:  # report anything to the user rather than lose it in a thread
            self.failed.emit(failure_text(error, self.store_path), as_store_error(error, self.store_path) is not None)
            return
        self.finished.emit(report)


class ReanalysisController(QObject):
    """Owns one re-analysis: the thread, the worker and the progress dialog."""

    done = Signal(object)  # ReanalysisReport, or None when the re-analysis itself failed

    def __init__(self, parent: QWidget, store_path: str | Path, doc_ids: Sequence[int] | None = None,
                 reanalyze: ReanalyzeFunction = _default_reanalyze, show_summary: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.show_summary = show_summary
        self.report: ReanalysisReport | None = None
        self.error = ""
        self.worker_thread = QThread(self)
        self.worker = ReanalysisWorker(store_path, doc_ids, reanalyze)
        self.worker.moveToThread(self.worker_thread)
        self.dialog = QProgressDialog(tr("正在准备重新分析…"), tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("重新分析"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.worker_thread.start()

    def cancel(self) -> None:
        self.worker.cancel_event.set()
        self.dialog.setLabelText(tr("正在取消…"))

    def stop(self) -> None:
        """Cancel and wait for the worker (the window is closing)."""
        self.worker.cancel_event.set()
        self.worker_thread.quit()
        self.worker_thread.wait(10_000)

    def _progress(self, progress: ReanalysisProgress) -> None:
        if self.worker.cancel_event.is_set():
            return
        self.dialog.setMaximum(max(progress.total, 1))
        self.dialog.setValue(progress.done)
        label = tr("已重新分析 %1 / %2：%3").replace("%1", str(progress.done)) \
            .replace("%2", str(progress.total)).replace("%3", progress.current)
        eta = progress.eta_seconds
        if eta is not None and progress.done < progress.total:
            label += "\n" + tr("预计剩余 %1 秒").replace("%1", f"{eta:.0f}")
        self.dialog.setLabelText(label)

    def _finished(self, report: ReanalysisReport) -> None:
        self.report = report
        self._close()
        if self.show_summary:
            QMessageBox.information(self.parent_widget, tr("重新分析"), plain_message(reanalysis_summary(report)))
        self.done.emit(report)

    def _failed(self, message: str, store_failed: bool) -> None:
        self.error = message
        self._close()
        if self.show_summary or store_failed:  # a store that fails is told even for quiet work
            QMessageBox.critical(self.parent_widget, tr("重新分析"), plain_message(tr("重新分析失败：") + "\n\n" + message))
        self.done.emit(None)

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.worker_thread.quit()
        self.worker_thread.wait()


def reanalysis_summary(report: ReanalysisReport) -> str:
    lines = [tr("重新分析了 %1 份报告：%2 份报告中的 %3 个数字有变化，失败 %4。")
             .replace("%1", str(report.reanalysed)).replace("%2", str(len(report.changed_documents)))
             .replace("%3", str(report.figures_changed)).replace("%4", str(len(report.failed)))]
    if report.cancelled:
        lines.append(tr("重新分析已取消；已分析的报告已保存。"))
    for document in report.failed[:30]:
        lines.append(f"• {document.title or document.doc_id}{colon()}{document.reason}")
    return "\n".join(lines)


def ask_reanalysis(parent: QWidget, documents: int) -> bool:
    """Whether the user wants every stored report analysed again."""
    if documents == 0:
        QMessageBox.information(parent, tr("重新分析"), tr("文档库中还没有报告。"))
        return False
    answer = QMessageBox.question(
        parent, tr("重新分析"),
        tr("用当前的程序和词库重新分析文档库中的全部 %1 份报告？不需要原文件；批注和更正会保留。")
        .replace("%1", str(documents)))
    return answer == QMessageBox.StandardButton.Yes
