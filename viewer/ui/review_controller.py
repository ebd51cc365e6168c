"""The review tools of the main window: the 核查 and 批注 docks, undoable notes, re-checks and
the review report, the last two run off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.model.review import Evidence, Finding, Note
from viewer.services.library import Library
from viewer.ui import note_dialog
from viewer.ui.checks_model import evidence_in
from viewer.ui.checks_pane import ChecksPane
from viewer.ui.i18n import tr
from viewer.ui.note_commands import AddNote, DeleteNote, EditNote
from viewer.ui.notes_pane import NotesPane
from viewer.ui.ops import FINDINGS, NOTES, Op, Ops
from viewer.ui.review_labels import flags_from_rows

if TYPE_CHECKING:
    from viewer.ui.document_view import DocumentView
    from viewer.ui.library_pane import DocumentTableModel

CACHED_DOCUMENTS = 8


class ReviewController(QObject):
    exported = Signal(object, float, str)  # path, seconds, error ("" when it worked)
    rechecked = Signal(float, str)  # seconds, error
    findingsCounted = Signal()
    told = Signal(str, int)  # a message for the status bar, how long it shows (ms)
    notesRead = Signal()  # every note of the store is listed

    def __init__(self, parent: QWidget, library: Library, ops: Ops, view: DocumentView,
                 documents: DocumentTableModel, language: str, current_id: Callable[[], int | None],
                 open_document: Callable[[int], bool]) -> None:
        """`view`: the report's text; `documents`: the library's list; `current_id()`: the open
        report; `open_document(doc_id)`: open one, False when it is gone."""
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.ops = ops
        self.view = view
        self.documents = documents
        self.language = language
        self._current_id = current_id
        self.open_document = open_document
        self.counts: dict[int, tuple[int, int]] = {}  # doc id -> (findings, of which need attention)
        self.totals = (0, 0)
        self._cache: dict[int, list[Finding]] = {}  # doc id -> its findings
        self._recount = False
        self._notes_again = False  # the notes changed while every note was being read
        self.checks_pane = ChecksPane()
        self.checks_pane.language = language
        self.notes_pane = NotesPane()
        self.undo_stack = QUndoStack(self)
        self.ops.changed.connect(self._store_changed)
        self.checks_pane.findingActivated.connect(self.show_finding)
        self.checks_pane.evidenceActivated.connect(self.show_evidence)
        self.checks_pane.recheckRequested.connect(self.recheck)
        self.notes_pane.noteActivated.connect(self.show_note)
        self.notes_pane.editRequested.connect(self.ask_edit_note)
        self.notes_pane.deleteRequested.connect(self.delete_note)
        self.notes_pane.scopeChanged.connect(lambda _all: self.refresh_notes())

    def _store_changed(self, areas: frozenset[str]) -> None:
        if FINDINGS in areas:
            self.refresh_findings()
        if NOTES in areas:
            self.refresh_notes()

    @property
    def current_id(self) -> int | None:
        return self._current_id()

    # -- findings ---------------------------------------------------------------------------
    def refresh_findings(self, open_report: bool = True) -> None:
        """Count the findings per document off the UI thread, then fill the checks panel; the
        open report's findings (marks in the text) are read now: they are few. `open_report`
        False: its marks are current (at start-up, the report was opened with them)."""
        if open_report:
            self._cache.clear()
            doc_id = self.current_id
            if doc_id is not None:
                self.view.set_findings(self.document_findings(doc_id))
        if self.ops.busy("count"):
            self._recount = True
            return
        self._recount = False

        def count(op: Op) -> tuple[dict[int, tuple[int, int]], tuple[int, int]]:
            return op.library.document_finding_counts(), op.library.finding_totals()

        def failed(error: str) -> None:
            if self._recount:
                self.refresh_findings()
            else:
                self.told.emit(tr("核查结果统计失败：%1").replace("%1", error), 8000)

        def done(result: tuple[dict[int, tuple[int, int]], tuple[int, int]]) -> None:
            if self._recount:
                self.refresh_findings()
                return
            self.counts, self.totals = result
            self.checks_pane.set_counts(self.counts, self.documents.documents(),
                                        self.document_findings, self.library.finding, self.totals)
            self.checks_pane.show_document(self.current_id)
            self.findingsCounted.emit()

        self.ops.read("count", count, done, failed)

    def document_findings(self, doc_id: int) -> list[Finding]:
        """The document's findings (only their evidence in it); the last few documents' are kept."""
        if doc_id not in self._cache:
            if len(self._cache) >= CACHED_DOCUMENTS:
                del self._cache[next(iter(self._cache))]
            self._cache[doc_id] = self.library.document_findings(doc_id)
        return self._cache[doc_id]

    def flags_for(self, figure_ids: list[int]) -> dict[int, str]:
        """figure id -> chart flag, for the figures of a series."""
        return flags_from_rows(self.library.figure_flag_rows(figure_ids))

    def show_finding(self, finding: Finding, doc_id: int) -> None:
        spans = [(e.start, e.end) for e in evidence_in(finding, doc_id)]
        if spans and self.open_document(doc_id):
            self.view.set_selected_spans(spans)
            self.view.select_span(*spans[0])

    def show_evidence(self, evidence: Evidence) -> None:
        if self.open_document(evidence.doc_id):
            self.view.select_span(evidence.start, evidence.end)

    def recheck(self) -> Op | None:
        """Run every check again; the findings are read again once it ends (however it ended)."""
        def ended(error: str) -> None:
            seconds = op.seconds if op is not None else 0.0
            self._report(tr("核查完成（%1 秒）").replace("%1", f"{seconds:.2f}"), op, tr("重新核查"))
            self.rechecked.emit(seconds, error)

        op = self.ops.write("recheck", lambda op: op.library.run_checks(), lambda _result: ended(""), ended,
                            changes={FINDINGS})
        return op

    # -- notes ------------------------------------------------------------------------------
    def notes_for_document(self, doc_id: int) -> list[Note]:
        return self.library.notes(doc_id)

    def refresh_notes(self, shown: list[Note] | None = None) -> None:
        """Notes in the dock and in the text; `shown`: those of the open report, in the text
        already. Every note of the store (the dock's 全部文档) is read off the UI thread."""
        doc_id = self.current_id
        current = shown if shown is not None else self.library.notes(doc_id) if doc_id is not None else []
        if shown is None:
            self.view.set_notes(current)
        if self.notes_pane.all_scope():
            self._all_notes()
        else:
            self.notes_pane.set_notes(current)

    def _all_notes(self) -> None:
        def done(notes: list[Note]) -> None:
            if self._notes_again:
                self._notes_again = False
                self.refresh_notes()
            elif self.notes_pane.all_scope():
                self.notes_pane.set_notes(notes, self.documents.titles())
                self.notesRead.emit()

        def failed(error: str) -> None:
            self._notes_again = False
            self.told.emit(tr("批注读取失败：%1").replace("%1", error), 8000)

        self._notes_again = self.ops.read("notes", lambda op: op.library.notes(), done, failed) is None

    def ask_add_note(self) -> None:
        start, end = self.view.selected_span()
        doc_id = self.current_id
        if doc_id is None or start == end:
            self.told.emit(tr("请先在文档中选中要批注的文字。"), 4000)
            return
        answer = note_dialog.ask_note(self.parent_widget, self.view.text()[start:end])
        if answer is not None:
            self.add_note(doc_id, start, end, *answer)

    def add_note(self, doc_id: int, start: int, end: int, body: str, tags: tuple[str, ...] = ()) -> None:
        self.undo_stack.push(AddNote(self.library, doc_id, (start, end), body, tags, self._notes_changed))

    def ask_edit_note(self, note: Note) -> None:
        answer = note_dialog.ask_note(self.parent_widget, note.quote, note.body, note.tags)
        if answer is not None and answer != (note.body, note.tags):
            self.edit_note(note, *answer)

    def edit_note(self, note: Note, body: str, tags: tuple[str, ...]) -> None:
        self.undo_stack.push(EditNote(self.library, note, body, tags, self._notes_changed))

    def delete_note(self, note: Note) -> None:
        self.undo_stack.push(DeleteNote(self.library, note, self._notes_changed))

    def _notes_changed(self) -> None:
        self.ops.announce({NOTES})

    def show_note(self, note: Note) -> None:
        if note.doc_id is None or not self.open_document(note.doc_id):
            return
        if note.orphaned:
            self.told.emit(tr("该批注的原文已变更，找不到原文。"), 5000)
        else:
            self.view.select_span(note.start, note.end)

    # -- review report ----------------------------------------------------------------------
    def ask_export_review(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, tr("导出审阅报告"), "review.xlsx", "Excel (*.xlsx);;HTML (*.html)")
        if name:
            fmt = "html" if name.lower().endswith((".html", ".htm")) or "html" in chosen.lower() else "xlsx"
            self.export_review(Path(name), fmt)

    def export_review(self, path: Path, fmt: str = "xlsx") -> Op | None:
        """Write the review report (a file; the store does not change) off the UI thread."""
        language = self.language

        def ended(error: str) -> None:
            seconds = op.seconds if op is not None else 0.0
            message = tr("审阅报告已导出：%1（%2 秒）").replace("%1", str(path)).replace("%2", f"{seconds:.2f}")
            self._report(message, op, tr("导出审阅报告"))
            self.exported.emit(path, seconds, error)

        op = self.ops.write("export", lambda op: op.library.write_review(fmt, path, language),
                            lambda _result: ended(""), ended, changes=())
        return op

    def _report(self, message: str, op: Op | None, title: str) -> None:
        if op is not None and op.error is not None:
            self.ops.report_failure(title, op)
        else:
            self.told.emit(message, 8000)
