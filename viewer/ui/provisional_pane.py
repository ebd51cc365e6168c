"""The 临时指标 dock: the provisional indicators of the store (phrases the taxonomy lacks), with
their figure and document counts and example sentences; each can be mapped to an indicator of
the taxonomy, or renamed, in one action (the window's ProvisionalController does it)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model.provisional import ProvisionalExample, ProvisionalIndicator
from viewer.ui.i18n import tr
from viewer.ui.provisional_model import (
    DOCUMENTS,
    FIGURES,
    INDICATOR_ROLE,
    NAME,
    UNITS,
    ProvisionalModel,
    indicator_matches,
)

EXAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2


class ProvisionalPane(QWidget):
    mapRequested = Signal(object)  # ProvisionalIndicator: file it under an indicator of the taxonomy
    renameRequested = Signal(object)  # ProvisionalIndicator: give it another name
    exampleActivated = Signal(object)  # ProvisionalExample: show it in its report
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProvisionalModel()
        self.all_indicators: list[ProvisionalIndicator] = []
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("筛选临时指标或例句…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._apply_filter())
        bar.addWidget(self.filter_edit, 1)
        self.refresh_button = QToolButton()
        self.refresh_button.setText(tr("刷新"))
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        actions = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        actions.addWidget(self.counts, 1)
        self.map_button = QToolButton()
        self.map_button.setText(tr("映射到指标…"))
        self.map_button.setToolTip(tr("把该临时指标的全部数字归入分类表中的一个指标（写入用户词表并重新分析）"))
        self.map_button.clicked.connect(lambda: self._emit_current(self.mapRequested))
        self.rename_button = QToolButton()
        self.rename_button.setText(tr("重命名…"))
        self.rename_button.setToolTip(tr("给该临时指标换一个名称（写入用户词表并重新分析）"))
        self.rename_button.clicked.connect(lambda: self._emit_current(self.renameRequested))
        actions.addWidget(self.map_button)
        actions.addWidget(self.rename_button)
        layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((NAME, 150), (FIGURES, 48), (DOCUMENTS, 48), (UNITS, 60)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_examples())
        self.table.doubleClicked.connect(lambda _index: self._emit_current(self.mapRequested))
        splitter.addWidget(self.table)
        self.examples = QListWidget()
        self.examples.setWordWrap(True)
        self.examples.setAlternatingRowColors(True)
        self.examples.setToolTip(tr("单击例句，在文档中查看"))
        self.examples.itemActivated.connect(self._example_chosen)
        self.examples.itemClicked.connect(self._example_chosen)
        splitter.addWidget(self.examples)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.set_indicators([])

    # -- contents -------------------------------------------------------------------------
    def set_indicators(self, indicators: Sequence[ProvisionalIndicator]) -> None:
        self.all_indicators = list(indicators)
        self._apply_filter()

    def set_busy(self, busy: bool) -> None:
        """While a mapping runs, no other can start."""
        self.busy = busy
        self._enable_actions()

    def _apply_filter(self) -> None:
        current = self.current_indicator()
        words = self.filter_edit.text()
        shown = [i for i in self.all_indicators if indicator_matches(i, words)]
        self.model.set_indicators(shown)
        figures = sum(i.figures for i in self.all_indicators)
        text = tr("%n 个临时指标", len(self.all_indicators)) + " · " + tr("%n 个数字", figures)
        if len(shown) != len(self.all_indicators):
            text = tr("显示 %1 / %2 个临时指标").replace("%1", str(len(shown))).replace(
                "%2", str(len(self.all_indicators)))
        self.counts.setText(text)
        if current is None or not self.select_indicator(current.name):
            self._show_examples()

    def shown_names(self) -> list[str]:
        return [i.name for i in self.model.indicators]

    def select_indicator(self, name: str) -> bool:
        row = self.model.row_of(name)
        if row >= 0:
            self.table.selectRow(row)
        self._show_examples()
        return row >= 0

    def current_indicator(self) -> ProvisionalIndicator | None:
        index = self.table.currentIndex()
        indicator = index.data(INDICATOR_ROLE) if index.isValid() else None
        return indicator if isinstance(indicator, ProvisionalIndicator) else None

    def _show_examples(self) -> None:
        self.examples.clear()
        indicator = self.current_indicator()
        for example in indicator.examples if indicator is not None else ():
            item = QListWidgetItem(f"{example.figure} — {example.title}\n{' '.join(example.sentence.split())}")
            item.setData(EXAMPLE_ROLE, example)
            self.examples.addItem(item)
        self._enable_actions()

    def _enable_actions(self) -> None:
        chosen = self.current_indicator() is not None and not self.busy
        self.map_button.setEnabled(chosen)
        self.rename_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------
    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
            self.context_menu().exec(self.table.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        map_action = menu.addAction(tr("映射到指标…"), lambda: self._emit_current(self.mapRequested))
        rename_action = menu.addAction(tr("重命名…"), lambda: self._emit_current(self.renameRequested))
        for action in (map_action, rename_action):
            action.setEnabled(not self.busy)
        return menu

    def _example_chosen(self, item: QListWidgetItem) -> None:
        example = item.data(EXAMPLE_ROLE)
        if isinstance(example, ProvisionalExample):
            self.exampleActivated.emit(example)

    def _emit_current(self, signal: SignalInstance) -> None:
        indicator = self.current_indicator()
        if indicator is not None and not self.busy:
            signal.emit(indicator)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.provisional_pane [STORE]"""
    from viewer.services.provisional import provisional_indicators
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = ProvisionalPane()
    pane.set_indicators(provisional_indicators(library.conn))
    pane.refreshRequested.connect(lambda: pane.set_indicators(provisional_indicators(library.conn)))
    return run_alone(pane, "provisional indicators")


if __name__ == "__main__":
    sys.exit(main())
