"""The library: every document with title, region, year and kind; filters and sorting."""

from __future__ import annotations

import re
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.model import Document
from viewer.ui.document_pane import kind_name
from viewer.ui.i18n import tr
from viewer.ui.tooltips import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # region, year, kind and title in one string, for DocumentFilter
TITLE, REGION, YEAR, KIND = range(4)
CELL_PADDING = 16  # pixels around a cell's text
MEASURED_LABELS = 16  # a filter column is as wide as the longest of this many of its labels
SEPARATOR = "\x1f"


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: list[Document] = []
        self._rows: dict[int, int] = {}  # doc id -> row

    def set_documents(self, documents: list[Document], column: int | None = None,
                      order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """`column`: sorted by it first, within the one reset (a filter above the model then asks
        about each row once, not again for a sort after it)."""
        self.beginResetModel()
        self._documents = list(documents) if column is None else _sorted(documents, column, order)
        self._rows = {d.id: i for i, d in enumerate(self._documents) if d.id is not None}
        self.endResetModel()

    def documents(self) -> list[Document]:
        """In the order given (the store's: newest year first, then title)."""
        return list(self._documents)

    def titles(self) -> dict[int, str]:
        return {d.id: d.title or d.path for d in self._documents if d.id is not None}

    def document_at(self, row: int) -> Document:
        return self._documents[row]

    def row_of(self, doc_id: int) -> int:
        return self._rows.get(doc_id, -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in one Python sort: a sorting proxy would ask `data` n log n times."""
        self.layoutAboutToBeChanged.emit()
        ranked = _ranked(self._documents, column, order)
        new_row = {old: new for new, old in enumerate(ranked)}
        self._documents = [self._documents[i] for i in ranked]
        self._rows = {d.id: i for i, d in enumerate(self._documents) if d.id is not None}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [self.index(new_row[p.row()], p.column()) for p in persistent])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("标题"), tr("地区"), tr("年份"), tr("类型"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (document.title or document.path, document.region or "",
                    str(document.year or ""), kind_name(document.kind))[column]
        if role == SORT_ROLE:
            return _sort_key(document, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{document.title}\n{document.path}")
        if role == DOC_ID_ROLE:
            return document.id
        if role == FILTER_ROLE:
            return SEPARATOR.join((document.region or "", str(document.year or ""), document.kind or "",
                                   document.title or ""))
        return None


def _sort_key(document: Document, column: int) -> str | int:
    return (document.title, document.region or "", document.year or 0, document.kind)[column]


def _ranked(documents: list[Document], column: int, order: Qt.SortOrder) -> list[int]:
    """The rows in sorted order (a stable sort: ties keep their order)."""
    keys = [_sort_key(d, column) for d in documents]
    return sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)


def _sorted(documents: list[Document], column: int, order: Qt.SortOrder) -> list[Document]:
    return [documents[i] for i in _ranked(documents, column, order)]


def filter_values_of(documents: list[Document]) -> dict[str, list[Any]]:
    """The regions, years and kinds of these documents, as Library.filter_values reads them from
    the store (distinct, none missing, sorted; numbers before text, as SQLite orders them): the
    list read already holds them, so the store need not be scanned three times more."""
    def distinct(values: set[Any]) -> list[Any]:
        return sorted((v for v in values if v is not None), key=lambda v: (isinstance(v, str), v))

    return {"regions": distinct({d.region for d in documents}), "years": distinct({d.year for d in documents}),
            "kinds": distinct({d.kind for d in documents})}


class DocumentFilter(QSortFilterProxyModel):
    """Keep documents matching the chosen region, year, kind and title words: one pattern over
    FILTER_ROLE, so that with no filter chosen (an empty pattern) Qt lets every row through
    without asking the model about each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region: str | None = None
        self.year: int | None = None
        self.kind: str | None = None
        self.words = ""
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(TITLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_filters(self, region: str | None, year: int | None, kind: str | None, words: str = "") -> None:
        if (region, year, kind, words.strip()) == (self.region, self.year, self.kind, self.words):
            return  # unchanged: filtering again would ask about every row
        self.region, self.year, self.kind, self.words = region, year, kind, words.strip()
        self.setFilterRegularExpression(self._pattern())

    def _pattern(self) -> QRegularExpression:
        if (self.region, self.year, self.kind, self.words) == (None, None, None, ""):
            return QRegularExpression()
        field = f"[^{SEPARATOR}]*"
        fields = [field if value is None else re.escape(str(value)) for value in (self.region, self.year, self.kind)]
        pattern = "^" + SEPARATOR.join(fields) + SEPARATOR + ".*" + re.escape(self.words)
        options = (QRegularExpression.PatternOption.CaseInsensitiveOption
                   | QRegularExpression.PatternOption.DotMatchesEverythingOption)
        return QRegularExpression(pattern, options)


class LibraryPane(QWidget):
    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        filters = QGridLayout()
        self.region_box, self.year_box, self.kind_box = QComboBox(), QComboBox(), QComboBox()
        for column, box in enumerate((self.region_box, self.year_box, self.kind_box)):
            box.currentIndexChanged.connect(self._apply_filters)
            filters.addWidget(box, 0, column)
        self.words = QLineEdit()
        self.words.setPlaceholderText(tr("按标题筛选"))
        self.words.setClearButtonEnabled(True)
        self.words.textChanged.connect(self._apply_filters)
        filters.addWidget(self.words, 1, 0, 1, 3)
        layout.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(YEAR, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Sized from the filter values in `set_documents`: sizing to contents asks the model
        # for rows of data (eight roles a cell) at every layout change.
        for column in (REGION, YEAR, KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

    def set_documents(self, documents: list[Document], filter_values: dict[str, list[Any]]) -> None:
        header = self.table.horizontalHeader()
        self.model.set_documents(documents, header.sortIndicatorSection(), header.sortIndicatorOrder())
        regions = [(str(v), v) for v in filter_values.get("regions", [])]
        years = [(str(v), v) for v in filter_values.get("years", [])]
        kinds = [(kind_name(v), v) for v in filter_values.get("kinds", [])]
        self._fill(self.region_box, tr("全部地区"), regions)
        self._fill(self.year_box, tr("全部年份"), years)
        self._fill(self.kind_box, tr("全部类型"), kinds)
        for column, values in ((REGION, regions), (YEAR, years), (KIND, kinds)):
            self._fit_column(column, [label for label, _ in values])
        self._apply_filters()

    def _fit_column(self, column: int, labels: list[str]) -> None:
        """Wide enough for its header and every value the column can show."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        longest = sorted(labels, key=len, reverse=True)[:MEASURED_LABELS]  # 700 regions: 20 ms to measure all
        widest = max((metrics.horizontalAdvance(label) for label in longest), default=0)
        header.resizeSection(column, max(widest + CELL_PADDING, header.sectionSizeFromContents(column).width()))

    @staticmethod
    def _fill(box: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.region_box.currentData(), self.year_box.currentData(),
                               self.kind_box.currentData(), self.words.text())

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(row, 0).data(DOC_ID_ROLE) for row in range(self.proxy.rowCount())]

    def select_document(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id is not None:
            self.documentActivated.emit(int(doc_id))


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.library_pane STORE"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = LibraryPane()
    documents = library.document_rows()
    pane.set_documents(documents, filter_values_of(documents))
    return run_alone(pane, "library pane")


if __name__ == "__main__":
    sys.exit(main())
