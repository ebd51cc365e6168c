"""The 规划评估 dialog's comparison tabs: the chosen plan beside other plans ticked in a list (by
indicator), and the next plan (a 十五五 draft) against it — continuing, new and dropped
indicators, each new target against the trend, charted. Their evaluations are read by the
dialog's PlanReader (off the UI thread in the window)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.model.plans import NextPlanComparison, PlanDocument, PlanEvaluation
from viewer.services import plan_compare, plan_evaluation, plan_export
from viewer.ui.i18n import current_language, in_brackets, tr
from viewer.ui.plan_chart import PlanChart
from viewer.ui.plan_table import PlanTable

if TYPE_CHECKING:
    from viewer.services.library import Library
    from viewer.ui.plan_reader import PlanReader

DOC_ROLE = Qt.ItemDataRole.UserRole + 3
Current = Callable[[], PlanEvaluation | None]


def plan_label(plan: PlanDocument) -> str:
    place = " ".join(str(p) for p in (plan.region, plan.year) if p)
    return plan.title + in_brackets(place) if place else plan.title


class PlacesTab(QWidget):
    """Tick other plans (a province and its cities) to see them beside the chosen one."""

    def __init__(self, current: Current, reader: PlanReader) -> None:
        super().__init__()
        self.current, self.reader = current, reader
        self.evaluations: list[PlanEvaluation] = []  # of the plans ticked, as last read
        self.plans_list = QListWidget()
        self.plans_list.itemChanged.connect(lambda _item: self.refresh())
        self.table = PlanTable()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plans_list)
        split.addWidget(self.table)
        split.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("勾选要与所选规划并列对比的其他规划：")))
        layout.addWidget(split, 1)

    def set_plans(self, plans: list[PlanDocument]) -> None:
        self.plans_list.blockSignals(True)
        for plan in plans:
            item = QListWidgetItem(plan_label(plan))
            item.setData(DOC_ROLE, plan.doc_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.plans_list.addItem(item)
        self.plans_list.blockSignals(False)

    def compared(self) -> list[PlanEvaluation]:
        """The evaluations of the other plans ticked."""
        return list(self.evaluations)

    def tick(self, doc_id: int, ticked: bool = True) -> None:
        for i in range(self.plans_list.count()):
            item = self.plans_list.item(i)
            if item.data(DOC_ROLE) == doc_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        ids = [int(self.plans_list.item(i).data(DOC_ROLE)) for i in range(self.plans_list.count())
               if self.plans_list.item(i).checkState() == Qt.CheckState.Checked]
        ids = [i for i in ids if i != chosen.plan.doc_id]

        def read(library: Library) -> list[PlanEvaluation]:
            return [plan_evaluation.evaluate_plan(library.conn, i) for i in ids]

        def show(evaluations: list[PlanEvaluation]) -> None:
            self.evaluations = evaluations
            header, lines = plan_compare.compare_places_rows([chosen, *evaluations], current_language())
            self.table.show_grid(header, lines)

        self.reader.read("places", read, show)


class NextPlanTab(QWidget):
    """Choose the next plan: its indicators against the chosen plan's, and each target against the trend."""

    def __init__(self, current: Current, reader: PlanReader) -> None:
        super().__init__()
        self.current, self.reader = current, reader
        self.following: NextPlanComparison | None = None
        self.plan_box = QComboBox()
        self.plan_box.addItem(tr("（不比较）"), None)
        self.plan_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = PlanTable()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.chart = PlanChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("下一期规划（如十五五征求意见稿）")))
        top.addWidget(self.plan_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def set_plans(self, plans: list[PlanDocument]) -> None:
        self.plan_box.blockSignals(True)
        for plan in plans:
            self.plan_box.addItem(plan_label(plan), plan.doc_id)
        self.plan_box.blockSignals(False)

    def choose(self, doc_id: int | None) -> None:
        self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(doc_id)))

    def refresh(self) -> None:
        chosen = self.current()
        next_id: Any = self.plan_box.currentData()
        if chosen is not None and next_id is not None and next_id != chosen.plan.doc_id:
            self.reader.read("next_plan", lambda library: plan_compare.next_plan_rows(
                chosen, plan_evaluation.evaluate_plan(library.conn, next_id)), self._show)
        else:
            self.reader.read("next_plan", None, self._show)  # after any read still running

    def _show(self, following: NextPlanComparison | None) -> None:
        self.following = following
        header, lines = plan_export.next_plan_lines(following, current_language()) if following else ([], [])
        self.table.show_grid(header, lines)
        if lines:
            self.table.selectRow(0)
        else:
            self.chart.show_row(None)

    def _selected(self) -> None:
        line = self.table.selected_line()
        if self.following is None or line is None:
            return
        row = self.following.rows[line]
        self.chart.show_row(row.target or row.previous, row if row.target else None)
