"""The search pane's link to the store: the first page at once, the next pages as the list
scrolls, the totals counted off the UI thread, and a document chosen among the totals."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from viewer.model import SearchHit, SearchTotals
from viewer.services.library import Library
from viewer.ui.ops import Op, Ops
from viewer.ui.search_pane import SearchPane
from viewer.ui.search_results import Fetch

PAGE = 50
MARKED = 5000  # hits marked in the open document at most
TASK = "search_totals"


class SearchController(QObject):
    def __init__(self, parent: QWidget, library: Library, ops: Ops, pane: SearchPane,
                 timings: dict[str, float]) -> None:
        """`timings["search"]`: how long the last first page took."""
        super().__init__(parent)
        self.library = library
        self.ops = ops
        self.pane = pane
        self.timings = timings
        self.query = ""
        self.doc_id: int | None = None  # the document chosen among the totals
        self._wanted = ""  # the query whose totals are wanted
        self.pane.queryRequested.connect(self.search)
        self.pane.documentChosen.connect(self.choose_document)

    def search(self, query: str) -> None:
        started = time.perf_counter()
        self.query, self.doc_id = query, None
        hits = self.library.search(query, PAGE) if query else []
        seconds = time.perf_counter() - started
        self.timings["search"] = seconds
        self.pane.show_hits(query, hits, seconds, self._pages(None), PAGE)
        if query and self.pane.totals is None:
            self._count(query)

    def choose_document(self, doc_id: int | None) -> None:
        self.doc_id = doc_id
        self.pane.show_document_hits(self.library.search(self.query, PAGE, doc_id=doc_id), self._pages(doc_id), PAGE)

    def spans_in(self, doc_id: int) -> list[tuple[int, int]]:
        """Where the query's hits are in a document, to mark them in its text."""
        if not self.query:
            return []
        return [span for hit in self.library.search(self.query, MARKED, doc_id=doc_id) for span in hit.spans]

    def _pages(self, doc_id: int | None) -> Fetch:
        query = self.query

        def after(last: SearchHit) -> list[SearchHit]:
            return self.library.search(query, PAGE, after=last, doc_id=doc_id)

        return after

    def _count(self, query: str) -> None:
        """Count in a thread; a newer query interrupts the count running and is counted after it."""
        if self.ops.busy(TASK):
            if query != self._wanted:
                self.ops.cancel(TASK)  # interrupts the count of the older query
            self._wanted = query
            return
        self._wanted = query

        def count(op: Op) -> SearchTotals:
            return op.library.search_totals(query)

        def done(result: SearchTotals) -> None:
            if self._wanted != query:
                self._count(self._wanted)
            else:
                self.pane.show_totals(query, result)

        def failed(error: str) -> None:
            if self._wanted != query or (running is not None and running.cancelled()):
                self._count(self._wanted)  # interrupted for a newer query (which may be this one again)
            else:
                self.pane.show_totals_failed(query, error)

        running = self.ops.read(TASK, count, done, failed)
