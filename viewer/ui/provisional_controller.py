"""The 临时指标 dock in the window: the list read off the UI thread when the dock is shown, and
mapping a provisional indicator (or renaming it) in one action: a preview of what moves, then the
mapping written to the user's lexicon and its documents analysed again, with progress and
cancel (the window's re-analysis runner); the library, chart and checks follow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QMessageBox

from viewer.model.provisional import MappingPlan, ProvisionalExample, ProvisionalIndicator
from viewer.ui.dock_reader import DockReader
from viewer.ui.i18n import tr
from viewer.ui.indicator_picker import pick_indicator
from viewer.ui.ops import FIGURES, Op
from viewer.ui.provisional_pane import ProvisionalPane
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.provisional import MappingResult
    from viewer.services.reanalysis import ReanalysisReport
    from viewer.ui.main_window import MainWindow
    from viewer.ui.reanalysis_worker import ReanalysisController


def _provisional_indicators(op: Op) -> list[ProvisionalIndicator]:
    from viewer.services.provisional import provisional_indicators

    return provisional_indicators(op.library.conn)


def mapping_question(plan: MappingPlan) -> str:
    first = tr("把临时指标“%1”归入指标“%2”？") if plan.to_taxonomy else tr("把临时指标“%1”改名为“%2”？")
    second = tr("将移动 %3 个数字（%4 份文档）：映射写入用户词表，并重新分析这些文档；以后导入的报告也照此归类。")
    return (first + "\n\n" + second).replace("%1", plan.phrase).replace("%2", plan.target) \
        .replace("%3", str(plan.figures)).replace("%4", str(plan.documents))


def mapping_summary(result: MappingResult) -> str:
    report = result.report
    text = tr("临时指标“%1”已归入“%2”：重新分析 %3 份文档，%4 个数字有变化。").replace("%1", result.plan.phrase) \
        .replace("%2", result.plan.target).replace("%3", str(report.reanalysed)) \
        .replace("%4", str(report.figures_changed))
    if result.remaining:
        text += " " + tr("还有 %1 份文档未重新分析，再次映射即可完成。").replace("%1", str(result.remaining))
    return text


class ProvisionalController(QObject):
    mapped = Signal(object)  # MappingResult, or None when the mapping failed
    loaded = Signal()  # the list was read again
    told = Signal(str, int)  # a message for the status bar, how long it shows (ms)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.ops = window.ops
        self.ops.changed.connect(lambda areas: self.refresh() if FIGURES in areas else None)
        self.pane = ProvisionalPane()
        self.processes: int | None = None  # worker processes of the re-analysis (None: the default)
        self.reader = DockReader(self, self.ops, "provisional", _provisional_indicators, self.pane.set_indicators,
                                 tr("临时指标读取失败：%1"))
        self.reader.loaded.connect(self.loaded)
        self.reader.told.connect(self.told)
        self.pane.refreshRequested.connect(self.reader.reload)
        self.pane.mapRequested.connect(self.ask_map)
        self.pane.renameRequested.connect(self.ask_rename)
        self.pane.exampleActivated.connect(self.show_example)

    def attach(self, dock: QDockWidget) -> None:
        """Read the list when the dock is seen, and again after a change while it is seen."""
        self.reader.attach(dock)

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """The store changed: read the list again now if it is seen, else when it is."""
        self.reader.refresh()

    def show_example(self, example: ProvisionalExample) -> None:
        if self.window.open_document(example.doc_id):
            self.window.document_pane.view.select_figure(example.figure_id)

    # -- mapping ----------------------------------------------------------------------------
    def ask_map(self, indicator: ProvisionalIndicator) -> None:
        from viewer.services.correction_choices import Origin

        prompt = tr("把临时指标“%1”（%2 个数字）归入：").replace("%1", indicator.name).replace(
            "%2", str(indicator.figures))
        choices = [o for o in self.library.corrections.choices().indicators if o.origin != Origin.PROVISIONAL]
        target = pick_indicator(self.window, choices, prompt)
        if target:
            self.map_indicator(indicator.name, target)

    def ask_rename(self, indicator: ProvisionalIndicator) -> None:
        name, accepted = QInputDialog.getText(
            self.window, tr("重命名临时指标"), tr("“%1”的新名称：").replace("%1", indicator.name),
            QLineEdit.EchoMode.Normal, indicator.name)
        if accepted and name.strip() and name.strip() != indicator.name:
            self.map_indicator(indicator.name, name.strip())

    def plan(self, phrase: str, target: str) -> MappingPlan | None:
        """What the mapping moves; None (and a message) when it cannot be made."""
        from viewer.services.provisional import MappingError, plan_mapping

        try:
            return plan_mapping(self.library.conn, phrase, target)
        except MappingError as error:
            QMessageBox.warning(self.window, tr("映射临时指标"), plain_message(tr("无法映射：%1").replace("%1", str(error))))
            return None

    def map_indicator(self, phrase: str, target: str, confirm: bool = True) -> ReanalysisController | None:
        """Preview, then (if the reviewer agrees) map and analyse again in the background."""
        plan = self.plan(phrase, target)
        if plan is None:
            return None
        if confirm:
            answer = QMessageBox.question(self.window, tr("映射临时指标"), plain_message(mapping_question(plan)))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self.start_mapping(plan)

    def start_mapping(self, plan: MappingPlan) -> ReanalysisController | None:
        results: list[MappingResult] = []
        processes = self.processes

        def map_and_reanalyse(store_path: Any, doc_ids: Sequence[int] | None, **kwargs: Any) -> ReanalysisReport:
            from viewer.services.provisional import map_provisional_indicator

            result = map_provisional_indicator(store_path, plan.phrase, plan.target, processes=processes,
                                               doc_ids=doc_ids, **kwargs)
            results.append(result)
            return result.report

        runner = self.window.start_reanalysis(list(plan.doc_ids), show_summary=False, reanalyze=map_and_reanalyse)
        if runner is None:
            self.told.emit(tr("正在导入或重新分析，请稍后再映射。"), 6000)
            return None
        self.pane.set_busy(True)
        runner.done.connect(lambda report: self._mapped(plan, results[0] if results else None, runner.error))
        return runner

    def _mapped(self, plan: MappingPlan, result: MappingResult | None, error: str) -> None:
        self.pane.set_busy(False)  # the list is read again: the mapping changed the figures
        if result is None:
            QMessageBox.warning(self.window, tr("映射临时指标"),
                                plain_message(tr("映射失败：%1").replace("%1", error or tr("未知错误"))))
        else:
            self.told.emit(mapping_summary(result), 10_000)
            chart = self.window.chart_if_loaded()
            if chart is not None:
                chart.show_indicator(plan.target)
        self.mapped.emit(result)
