"""Corpus search: a query box, how many hits in all and in each document, and the hits (document,
snippet with the terms marked), a page at a time as the list scrolls."""

from __future__ import annotations

import sys
import time
from collections import Counter

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model import DocumentHits, SearchHit, SearchTotals
from viewer.ui.i18n import in_brackets, tr
from viewer.ui.search_results import HIT_ROLE, Fetch, HitDelegate, SearchResultsModel, snippet_marks
from viewer.ui.tooltips import plain_tooltip

__all__ = ["SearchPane", "snippet_marks", "totals_of"]

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENTS_LISTED = 1000
DOCUMENT_ROWS = 5  # rows of the per-document counts shown without scrolling


def totals_of(hits: list[SearchHit]) -> SearchTotals:
    """The totals of a search whose every hit is listed."""
    first: dict[int, SearchHit] = {}
    sentences: Counter[int] = Counter()
    occurrences: Counter[int] = Counter()
    for hit in hits:
        first.setdefault(hit.doc_id, hit)
        sentences[hit.doc_id] += 1
        occurrences[hit.doc_id] += len(hit.spans)
    return SearchTotals(tuple(DocumentHits(doc_id, hit.title, hit.path, sentences[doc_id], occurrences[doc_id])
                              for doc_id, hit in first.items()))


class SearchPane(QWidget):
    hitActivated = Signal(object)  # SearchHit
    queryRequested = Signal(str)
    documentChosen = Signal(object)  # a document id, or None for every document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.query_text = ""
        self.totals: SearchTotals | None = None
        self.seconds: float | None = None
        self.error = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("搜索全部报告（Ctrl+K）"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(lambda: self.queryRequested.emit(self.query.text().strip()))
        layout.addWidget(self.query)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.documents = QTreeWidget()
        self.documents.setColumnCount(2)
        self.documents.setHeaderHidden(True)
        self.documents.setRootIsDecorated(False)
        self.documents.setUniformRowHeights(True)
        self.documents.header().setStretchLastSection(False)
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.itemSelectionChanged.connect(self._document_selected)
        self.documents.hide()
        layout.addWidget(self.documents)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.clicked.connect(self._activated)
        self.results.activated.connect(self._activated)
        layout.addWidget(self.results, 1)
        self.listed = QLabel()
        self.listed.setTextFormat(Qt.TextFormat.PlainText)
        self.listed.setStyleSheet("QLabel { color: #666; }")
        layout.addWidget(self.listed)
        self.model.rowsInserted.connect(self._show_listed)
        self.model.modelReset.connect(self._show_listed)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # -- what the controller tells it ------------------------------------------------------------
    def show_hits(self, query: str, hits: list[SearchHit], seconds: float | None = None,
                  fetch: Fetch | None = None, page: int = 0) -> None:
        """The first page of a new search; `fetch` loads the next `page` hits as the list scrolls.
        When the page holds every hit, the totals are known at once."""
        self.query_text, self.seconds, self.error = query, seconds, ""
        self.model.set_hits(hits, fetch, page)
        self.totals = None if self.model.has_more() else totals_of(hits)
        self._show_documents()
        self._show_status()

    def show_totals(self, query: str, totals: SearchTotals) -> None:
        if query == self.query_text and self.totals is None:
            self.totals = totals
            self._show_documents()
            self._show_status()

    def show_totals_failed(self, query: str, error: str) -> None:
        if query == self.query_text and self.totals is None:
            self.error = error
            self._show_status()

    def show_document_hits(self, hits: list[SearchHit], fetch: Fetch | None = None, page: int = 0) -> None:
        """The first page of the hits in the document chosen (or in all of them again)."""
        self.model.set_hits(hits, fetch, page)
        self.results.scrollToTop()

    def chosen_document(self) -> int | None:
        items = self.documents.selectedItems()
        value = items[0].data(0, DOC_ID_ROLE) if items else None
        return int(value) if isinstance(value, int) else None

    def choose_document(self, doc_id: int | None) -> None:
        for row in range(self.documents.topLevelItemCount()):
            item = self.documents.topLevelItem(row)
            if item is not None and item.data(0, DOC_ID_ROLE) == doc_id \
                    and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.documents.setCurrentItem(item)
                return

    # -- display ---------------------------------------------------------------------------------
    def _show_status(self) -> None:
        query, totals = self.query_text, self.totals
        if not query:
            text = ""
        elif totals is None:
            text = tr("“%1”：已列出前 %2 句，正在统计总数…").replace("%1", query) \
                .replace("%2", str(len(self.model.hits)))
            if self.error:
                text = tr("“%1”：统计总数失败（%2）").replace("%1", query).replace("%2", self.error)
        elif not totals.documents:
            text = tr("“%1”：没有结果").replace("%1", query)
        else:
            text = tr("“%1”：共 %2，%3").replace("%1", query).replace("%2", tr("%n 处", totals.occurrences)) \
                .replace("%3", tr("%n 个文档", len(totals.documents)))
        if query and self.seconds is not None:
            text += in_brackets(f"{self.seconds * 1000:.0f} ms")
        self.status.setText(text)

    def _show_listed(self) -> None:
        listed, totals, chosen = len(self.model.hits), self.totals, self.chosen_document()
        if totals is None or not listed:
            self.listed.setText("")
            return
        of = totals.hits if chosen is None else next((d.hits for d in totals.documents if d.doc_id == chosen), listed)
        text = tr("已列出 %1 / %2 句").replace("%1", str(listed)).replace("%2", str(of))
        if self.model.has_more():
            text += tr("，向下滚动加载更多")
        self.listed.setText(text)

    def _show_documents(self) -> None:
        self.documents.blockSignals(True)
        self.documents.clear()
        totals = self.totals
        if totals is None or len(totals.documents) < 2:
            self.documents.hide()
            self.documents.blockSignals(False)
            self._show_listed()
            return
        every = QTreeWidgetItem([tr("全部文档"), tr("%n 处", totals.occurrences)])
        every.setData(0, DOC_ID_ROLE, None)
        items = [every]
        for document in totals.documents[:DOCUMENTS_LISTED]:
            item = QTreeWidgetItem([document.title or document.path, tr("%n 处", document.occurrences)])
            item.setData(0, DOC_ID_ROLE, document.doc_id)
            item.setToolTip(0, plain_tooltip(document.path))
            items.append(item)
        if len(totals.documents) > DOCUMENTS_LISTED:
            rest = QTreeWidgetItem([tr("另有 %1 个文档").replace("%1", str(len(totals.documents) - DOCUMENTS_LISTED))])
            rest.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items.append(rest)
        for item in items:
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.documents.addTopLevelItems(items)
        self.documents.setCurrentItem(every)
        rows = min(len(items), DOCUMENT_ROWS + 1)
        self.documents.setFixedHeight(self.documents.sizeHintForRow(0) * rows + 2 * self.documents.frameWidth())
        self.documents.show()
        self.documents.blockSignals(False)
        self._show_listed()

    def _document_selected(self) -> None:
        if self.documents.selectedItems():
            self.documentChosen.emit(self.chosen_document())

    def activate_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hitActivated.emit(hit)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.search_pane STORE"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = SearchPane()

    def page(doc_id: int | None) -> Fetch:
        return lambda last: library.search(pane.query_text, 50, after=last, doc_id=doc_id)

    def search(query: str) -> None:
        started = time.perf_counter()
        hits = library.search(query, 50)
        pane.show_hits(query, hits, time.perf_counter() - started, page(None), 50)
        if pane.totals is None:
            pane.show_totals(query, library.search_totals(query))

    pane.queryRequested.connect(search)
    pane.documentChosen.connect(lambda doc_id: pane.show_document_hits(
        library.search(pane.query_text, 50, doc_id=doc_id), page(doc_id), 50))
    return run_alone(pane, "search pane")


if __name__ == "__main__":
    sys.exit(main())
