"""Import reports off the UI thread (an op of the window's runner), with a progress dialog, Cancel,
and a failure list."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.ui.i18n import colon, tr
from viewer.ui.ops import Op, Ops
from viewer.ui.progress_op import ProgressOp
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.ingest import IngestProgress, IngestReport

IngestFunction = Callable[..., "IngestReport"]


def _default_ingest(*args: Any, **kwargs: Any) -> IngestReport:
    """Imported on first use: the analysis pulls in jieba, which start-up must not load."""
    from viewer.services.ingest import ingest_paths

    return ingest_paths(*args, **kwargs)


def accepts(function: Callable[..., Any], name: str) -> bool:
    """Whether `function` takes the keyword `name` (a test's stand-in may not)."""
    parameters = inspect.signature(function).parameters.values()
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


WAITING = "waiting"  # progress: another import or re-analysis into the store runs, this one waits for it


class ImportController(ProgressOp):
    """One import: the op "import" and its progress dialog; `done` carries the IngestReport, or
    None when the import itself failed."""

    def __init__(self, parent: QWidget, store_path: str | Path, paths: Sequence[str | Path],
                 ingest: IngestFunction = _default_ingest, show_summary: bool = True, ops: Ops | None = None) -> None:
        super().__init__(parent, store_path, "import", tr("导入报告"), tr("正在准备导入…"), show_summary, ops)
        self.paths = list(paths)
        self._ingest = ingest

    def work(self, op: Op) -> IngestReport:
        extra = {"waiting": lambda: op.progress(WAITING)} if accepts(self._ingest, "waiting") else {}
        return self._ingest(self.store_path, self.paths, progress=op.progress, cancel=op.cancel_event, **extra)

    def progress(self, value: IngestProgress | str) -> None:
        if isinstance(value, str):
            self.dialog.setLabelText(tr("正在等待另一个导入或重新分析完成…"))
            return
        label = tr("已导入 %1 / %2：%3").replace("%1", str(value.done)).replace("%2", str(value.total)) \
            .replace("%3", Path(value.current).name)
        self.dialog.show_step(value.done, value.total, label, value.eta_seconds)

    def finished(self, report: IngestReport) -> None:
        if self.show_summary and (report.failed or report.cancelled):
            QMessageBox.warning(self.parent_widget, tr("导入报告"), plain_message(import_summary(report)))

    def failure_heading(self) -> str:
        return tr("导入失败：")


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
