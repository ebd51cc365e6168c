"""Re-analyse the stored reports off the UI thread (an op of the window's runner), with a progress
dialog, Cancel and a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.ui.i18n import colon, tr
from viewer.ui.import_worker import WAITING, accepts
from viewer.ui.ops import Op, Ops
from viewer.ui.progress_op import ProgressOp
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.reanalysis import ReanalysisProgress, ReanalysisReport

ReanalyzeFunction = Callable[..., "ReanalysisReport"]


def _default_reanalyze(*args: Any, **kwargs: Any) -> ReanalysisReport:
    """Imported on first use: the analysis pulls in jieba, which start-up must not load."""
    from viewer.services.reanalysis import reanalyze

    return reanalyze(*args, **kwargs)


class ReanalysisController(ProgressOp):
    """One re-analysis: the op "reanalysis" and its progress dialog; `done` carries the
    ReanalysisReport, or None when the re-analysis itself failed."""

    def __init__(self, parent: QWidget, store_path: str | Path, doc_ids: Sequence[int] | None = None,
                 reanalyze: ReanalyzeFunction = _default_reanalyze, show_summary: bool = True,
                 ops: Ops | None = None) -> None:
        super().__init__(parent, store_path, "reanalysis", tr("重新分析"), tr("正在准备重新分析…"), show_summary, ops)
        self.doc_ids = None if doc_ids is None else list(doc_ids)
        self._reanalyze = reanalyze

    def work(self, op: Op) -> ReanalysisReport:
        extra = {"waiting": lambda: op.progress(WAITING)} if accepts(self._reanalyze, "waiting") else {}
        return self._reanalyze(self.store_path, self.doc_ids, progress=op.progress, cancel=op.cancel_event, **extra)

    def progress(self, value: ReanalysisProgress | str) -> None:
        if isinstance(value, str):
            self.dialog.setLabelText(tr("正在等待另一个导入或重新分析完成…"))
            return
        label = tr("已重新分析 %1 / %2：%3").replace("%1", str(value.done)) \
            .replace("%2", str(value.total)).replace("%3", value.current)
        self.dialog.show_step(value.done, value.total, label, value.eta_seconds)

    def finished(self, report: ReanalysisReport) -> None:
        if self.show_summary:
            QMessageBox.information(self.parent_widget, tr("重新分析"), plain_message(reanalysis_summary(report)))

    def failure_heading(self) -> str:
        return tr("重新分析失败：")


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
