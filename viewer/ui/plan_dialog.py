"""规划评估: choose a plan and see each target against what later reports say — the table, the
summary per status, the selected target's sources (a click shows the sentence, a double-click
opens it in the report) and chart; exclude a row with a reason; export Word or Excel. Two more
tabs: several plans side by side, and the next plan against the last five years' trend.

In the window, the list of plans and every evaluation are read on its background runner (a bar
runs while they are read); the dialog opens on the report open in the window when it states
targets, else on plan_evaluation.default_plan (the plan whose period ended last)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.model.plans import NextPlanComparison, PlanDocument, PlanEvaluation, PlanRow, PlanSource
from viewer.services import plan_evaluation, plan_export, plan_words
from viewer.ui.i18n import current_language, tr
from viewer.ui.plan_chart import PlanChart, render_charts
from viewer.ui.plan_reader import PlanReader
from viewer.ui.plan_table import PlanTable
from viewer.ui.plan_tabs import NextPlanTab, PlacesTab, plan_label
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from viewer.services.library import Library
    from viewer.ui.ops import Ops

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
__all__ = ["PlanEvaluationDialog", "open_plan_evaluation", "plan_label"]


class PlanEvaluationDialog(QDialog):
    source_requested = Signal(int, int, int)  # doc id, start, end of the figure

    def __init__(self, library: Library, parent: QWidget | None = None, ops: Ops | None = None,
                 doc_id: int | None = None) -> None:
        """With `ops` (the window's runner) the store is read off the UI thread; `doc_id`: the
        plan to open on when it states targets."""
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(tr("规划评估"))
        self.resize(1200, 760)
        self.evaluation: PlanEvaluation | None = None
        self.plans: list[PlanDocument] = []
        self._select: int | None = None  # the line to select once the evaluation is read again
        self.reader = PlanReader(library, ops, self)
        self.reader.busy_changed.connect(self._busy)
        self.reader.failed.connect(self._failed)
        self.plan_box = QComboBox()
        self.plan_box.currentIndexChanged.connect(lambda _i: self.choose_plan(self.plan_box.currentData()))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # runs while the store is read
        self.busy_bar.setFormat("")
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setToolTip(tr("正在读取文档库…"))
        self.busy_bar.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("规划")))
        top.addWidget(self.plan_box, 1)
        top.addWidget(self.busy_bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._targets_tab(), tr("目标完成情况"))
        self.places = PlacesTab(lambda: self.evaluation, self.reader)
        self.next_plan = NextPlanTab(lambda: self.evaluation, self.reader)
        self.tabs.addTab(self.places, tr("各地对比"))
        self.tabs.addTab(self.next_plan, tr("下一期规划"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._buttons()
        self.reader.read("plans", lambda lib: plan_evaluation.plan_documents(lib.conn),
                         lambda plans: self._plans_read(plans, doc_id))

    def _plans_read(self, plans: list[PlanDocument], wanted: int | None) -> None:
        self.plans = plans
        self.plan_box.blockSignals(True)
        for plan in plans:
            self.plan_box.addItem(plan_label(plan), plan.doc_id)
        self.plan_box.setCurrentIndex(-1)
        self.plan_box.blockSignals(False)
        self.places.set_plans(plans)
        self.next_plan.set_plans(plans)
        chosen = next((p for p in plans if p.doc_id == wanted), None) or plan_evaluation.default_plan(plans)
        if chosen is None:
            self.summary.setText(tr("文档库中没有含目标的文档。导入规划和之后的工作报告后再评估。"))
        else:
            self.choose_plan(chosen.doc_id)

    def busy(self) -> bool:
        """Whether the store is being read for the dialog."""
        return self.reader.busy()

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self._buttons()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, tr("规划评估"), plain_message(message))

    def _buttons(self) -> None:
        row = self.current_row()
        idle = not self.reader.busy()
        self.exclude_button.setEnabled(idle and row is not None and row.excluded is None)
        self.include_button.setEnabled(idle and row is not None and row.excluded is not None)
        for button in (self.word_button, self.excel_button):
            button.setEnabled(idle and self.evaluation is not None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.close()
        super().closeEvent(event)

    # -- the targets of one plan -------------------------------------------------------------
    def _targets_tab(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = PlanTable()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._row_selected())
        self.sources = QListWidget()
        self.sources.currentItemChanged.connect(lambda item, _old: self._show_sentence(item))
        self.sources.itemDoubleClicked.connect(self._open_source)
        self.sentence = QPlainTextEdit()
        self.sentence.setReadOnly(True)
        self.chart = PlanChart()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.sources)
        left.addWidget(self.sentence)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(left)
        bottom.addWidget(self.chart)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setSizes([420, 300])
        self.exclude_button = QPushButton(tr("排除此行…"))
        self.exclude_button.clicked.connect(lambda: self.exclude_selected())
        self.include_button = QPushButton(tr("恢复此行"))
        self.include_button.clicked.connect(self.include_selected)
        self.word_button = QPushButton(tr("导出 Word…"))
        self.word_button.clicked.connect(lambda: self.export("docx"))
        self.excel_button = QPushButton(tr("导出 Excel…"))
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        buttons = QHBoxLayout()
        for button in (self.exclude_button, self.include_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.word_button, self.excel_button):
            buttons.addWidget(button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return tab

    def choose_plan(self, doc_id: int) -> None:
        """Evaluate the plan `doc_id` (read off the UI thread in the window) and show it."""
        if self.plan_box.currentData() != doc_id:
            self.plan_box.setCurrentIndex(self.plan_box.findData(doc_id))  # comes back here
            return
        self._select = None
        self._evaluate(doc_id)

    def _evaluate(self, doc_id: int) -> None:
        self.reader.read("evaluation", lambda lib: plan_evaluation.evaluate_plan(lib.conn, doc_id), self._evaluated)

    def _evaluated(self, evaluation: PlanEvaluation) -> None:
        changed = self.evaluation is None or self.evaluation.plan.doc_id != evaluation.plan.doc_id
        self.evaluation = evaluation
        self._show_evaluation(self._select)
        if changed:
            self.places.refresh()
            self.next_plan.refresh()

    def _show_evaluation(self, select: int | None = None) -> None:
        assert self.evaluation is not None
        self.summary.setText("\n".join(plan_words.summary(self.evaluation, current_language())))
        self.table.show_rows(self.evaluation.rows)
        if self.evaluation.rows:
            self.table.selectRow(select or 0)
        else:
            self._row_selected()
        self._buttons()

    def current_row(self) -> PlanRow | None:
        line = self.table.selected_line()
        if self.evaluation is None or line is None or line >= len(self.evaluation.rows):
            return None
        return self.evaluation.rows[line]

    def _row_selected(self) -> None:
        row = self.current_row()
        self.sources.clear()
        self.sentence.clear()
        self.chart.show_row(row)
        self._buttons()
        for source in row.sources if row else ():
            label = plan_words.SOURCE_LABEL[current_language()][source.label]
            item = QListWidgetItem(f"{label}  {source.text}  《{source.doc_title}》")
            item.setData(SOURCE_ROLE, source)
            self.sources.addItem(item)
        if self.sources.count():
            self.sources.setCurrentRow(0)

    def _show_sentence(self, item: QListWidgetItem | None) -> None:
        source: PlanSource | None = item.data(SOURCE_ROLE) if item is not None else None
        self.sentence.setPlainText(source.sentence.strip() if source else "")

    def _open_source(self, item: QListWidgetItem) -> None:
        source: PlanSource = item.data(SOURCE_ROLE)
        self.source_requested.emit(source.doc_id, source.start, source.end)

    def exclude_selected(self, reason: str | None = None) -> None:
        """Leave the selected row out, asking for the reason (kept in the store and the exports)."""
        row = self.current_row()
        if row is None or self.evaluation is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("排除此行"), tr("排除理由（将写入导出的报告）："))
            if not ok:
                return
        if not reason.strip():
            QMessageBox.information(self, tr("排除此行"), tr("请填写排除理由。"))
            return
        plan_evaluation.exclude_row(self.library.db, self.evaluation.plan, row.key, reason)
        self._reevaluate()

    def include_selected(self) -> None:
        row = self.current_row()
        if row is not None and self.evaluation is not None:
            plan_evaluation.include_row(self.library.db, self.evaluation.plan, row.key)
            self._reevaluate()

    def _reevaluate(self) -> None:
        assert self.evaluation is not None
        self._select = self.table.selected_line()
        self._evaluate(self.evaluation.plan.doc_id)

    def export(self, fmt: str, path: Path | None = None) -> Path | None:
        """Write the evaluation (with the plans ticked for comparison and the next plan chosen)."""
        if self.evaluation is None:
            return None
        if path is None:
            name = f"{self.evaluation.plan.title}-评估.{fmt}"
            wanted = tr("Word 文档 (*.docx)") if fmt == "docx" else tr("Excel 工作簿 (*.xlsx)")
            chosen, _ = QFileDialog.getSaveFileName(self, tr("导出规划评估"), name, wanted)
            if not chosen:
                return None
            path = Path(chosen)
        evaluations = [self.evaluation, *self.places.compared()]
        language = current_language()
        try:
            if fmt == "docx":
                following = self.next_plan.following
                plan_export.write_plan_docx(evaluations, path, self.charts(evaluations, following), following,
                                            language)
            else:
                plan_export.write_plan_xlsx(evaluations, path, self.next_plan.following, language)
        except OSError as error:
            QMessageBox.warning(self, tr("导出规划评估"), plain_message(f"{path}: {error.strerror or error}"))
            return None
        return path

    def charts(self, evaluations: list[PlanEvaluation], following: NextPlanComparison | None = None,
               ) -> dict[str, bytes]:
        """PNG bytes of the charts the Word export holds: the rows behind schedule (by row key)
        and the next plan's targets against the trend (by plan_export.trend_key)."""
        return render_charts([row for evaluation in evaluations for row in plan_export.behind(evaluation)],
                             plan_export.against_trend(following))


def open_plan_evaluation(window: Any) -> PlanEvaluationDialog:
    """The dialog over the main window, on the report open there if it states targets; a
    double-clicked source opens its sentence in the report."""
    current = getattr(window, "current", None)  # the report open in the window
    dialog = PlanEvaluationDialog(window.library, window, getattr(window, "ops", None),
                                  current.id if current is not None else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_source(doc_id: int, start: int, end: int) -> None:
        window.open_document(doc_id, select=(start, end))
        window.raise_()

    dialog.source_requested.connect(open_source)
    dialog.show()
    return dialog
