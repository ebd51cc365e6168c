"""规划评估: choose a plan and see each target against what later reports say — the table, the
summary per status, the selected target's sources (a click shows the sentence, a double-click
opens it in the report) and chart; exclude a row with a reason; export Word or Excel. Two more
tabs: several plans side by side, and the next plan against the last five years' trend."""

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
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.model.plans import PlanDocument, PlanEvaluation, PlanRow, PlanSource
from viewer.services import plan_evaluation, plan_export, plan_words
from viewer.ui.i18n import current_language, tr
from viewer.ui.plan_chart import PlanChart, png_bytes
from viewer.ui.plan_table import PlanTable
from viewer.ui.plan_tabs import NextPlanTab, PlacesTab, plan_label
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.library import Library

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
__all__ = ["PlanEvaluationDialog", "open_plan_evaluation", "plan_label"]


class PlanEvaluationDialog(QDialog):
    source_requested = Signal(int, int, int)  # doc id, start, end of the figure

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(tr("规划评估"))
        self.resize(1200, 760)
        self.evaluation: PlanEvaluation | None = None
        self.plans: list[PlanDocument] = plan_evaluation.plan_documents(library.conn)
        self.plan_box = QComboBox()
        for plan in self.plans:
            self.plan_box.addItem(plan_label(plan), plan.doc_id)
        self.plan_box.currentIndexChanged.connect(lambda _i: self.choose_plan(self.plan_box.currentData()))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("规划")))
        top.addWidget(self.plan_box, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._targets_tab(), tr("目标完成情况"))
        self.places = PlacesTab(self.plans, lambda: self.evaluation, library)
        self.next_plan = NextPlanTab(self.plans, lambda: self.evaluation, library)
        self.tabs.addTab(self.places, tr("各地对比"))
        self.tabs.addTab(self.next_plan, tr("下一期规划"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        if not self.plans:
            self.summary.setText(tr("文档库中没有含目标的文档。导入规划和之后的工作报告后再评估。"))
        else:
            self.choose_plan(self.plans[0].doc_id)

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
        if self.plan_box.currentData() != doc_id:
            self.plan_box.setCurrentIndex(self.plan_box.findData(doc_id))  # comes back here
            return
        self.evaluation = plan_evaluation.evaluate_plan(self.library.conn, doc_id)
        self._show_evaluation()
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
        self.exclude_button.setEnabled(row is not None and row.excluded is None)
        self.include_button.setEnabled(row is not None and row.excluded is not None)
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
        line = self.table.selected_line()
        self.evaluation = plan_evaluation.evaluate_plan(self.library.conn, self.evaluation.plan.doc_id)
        self._show_evaluation(line)

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
                plan_export.write_plan_docx(evaluations, path, self.charts(evaluations), self.next_plan.following,
                                            language)
            else:
                plan_export.write_plan_xlsx(evaluations, path, self.next_plan.following, language)
        except OSError as error:
            QMessageBox.warning(self, tr("导出规划评估"), plain_message(f"{path}: {error.strerror or error}"))
            return None
        return path

    def charts(self, evaluations: list[PlanEvaluation]) -> dict[str, bytes]:
        chart = PlanChart()
        found = {}
        for evaluation in evaluations:
            for row in plan_export.behind(evaluation):
                chart.show_row(row)
                found[row.key] = png_bytes(chart)
        chart.close()
        return found

def open_plan_evaluation(window: Any) -> PlanEvaluationDialog:
    """The dialog over the main window, on the report open there if it states targets; a
    double-clicked source opens its sentence in the report."""
    dialog = PlanEvaluationDialog(window.library, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_source(doc_id: int, start: int, end: int) -> None:
        window.open_document(doc_id, select=(start, end))
        window.raise_()

    dialog.source_requested.connect(open_source)
    current = getattr(window, "current", None)  # the report open in the window, when it states targets
    if current is not None and any(p.doc_id == current.id for p in dialog.plans):
        dialog.choose_plan(current.id)
    dialog.show()
    return dialog
