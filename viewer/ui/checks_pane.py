"""The 核查 dock: findings by document and kind, a verdict filter, and the chosen finding's
message with every piece of evidence (file, sentence) to click."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.model import Document
from viewer.model.review import CheckKind, Evidence, Finding
from viewer.ui.checks_model import DOC_ROLE, FINDING_ROLE, ChecksModel, Counts, Loader
from viewer.ui.i18n import colon, tr
from viewer.ui.review_labels import (
    check_kind_label,
    evidence_label,
    finding_message,
    verdict_colour,
    verdict_label,
)
from viewer.ui.tooltips import plain_tooltip

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
EVIDENCE_SHOWN = 200  # a paragraph repeated in every report has thousands of places


class ChecksPane(QWidget):
    findingActivated = Signal(object, int)  # Finding, the document it was chosen under
    evidenceActivated = Signal(object)  # Evidence
    recheckRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents: list[Document] = []
        self.current: Finding | None = None
        self.document_id: int | None = None  # the document being read
        self.finding_loader: Callable[[int], Finding | None] = lambda _id: None
        self._scroll_to = QPersistentModelIndex()  # the open document's row, to scroll to once shown
        self.model = ChecksModel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.filter_box = QComboBox()
        self.filter_box.addItem(tr("需关注"), True)
        self.filter_box.addItem(tr("全部结果"), False)
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.set_attention_only(bool(self.filter_box.currentData())))
        bar.addWidget(self.filter_box)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.counts, 1)
        self.recheck_button = QToolButton()
        self.recheck_button.setText(tr("重新核查"))
        self.recheck_button.clicked.connect(self.recheckRequested.emit)
        bar.addWidget(self.recheck_button)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.expanded.connect(self._expanded)
        self.tree.activated.connect(self._activate)
        self.tree.clicked.connect(self._activate)
        splitter.addWidget(self.tree)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(tr("选择一条核查结果以查看说明和依据。"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.message)
        self.evidence = QListWidget()
        self.evidence.setWordWrap(True)
        self.evidence.itemActivated.connect(self._evidence_chosen)
        self.evidence.itemClicked.connect(self._evidence_chosen)
        detail_layout.addWidget(self.evidence, 1)
        splitter.addWidget(detail)
        splitter.setSizes([300, 160])
        layout.addWidget(splitter, 1)

    @property
    def language(self) -> str:
        return self.model.language

    @language.setter
    def language(self, language: str) -> None:
        self.model.language = language

    def set_findings(self, findings: Sequence[Finding], documents: Sequence[Document]) -> None:
        """A small in-memory list of findings (tests, the pane run alone)."""
        self.documents = list(documents)
        by_id = {f.id: f for f in findings if f.id is not None}
        self.finding_loader = by_id.get
        self.model.set_findings(findings, self.documents)
        self._after_rebuild()

    def set_counts(self, counts: Counts, documents: Sequence[Document], loader: Loader,
                   finding_loader: Callable[[int], Finding | None], totals: tuple[int, int]) -> None:
        """Per-document counts; `loader(doc_id)` lists a document's findings when its row opens,
        `finding_loader(id)` gives a chosen finding with all its evidence."""
        self.documents = list(documents)
        self.finding_loader = finding_loader
        self.model.set_counts(counts, self.documents, loader, totals)
        self._after_rebuild()

    def set_attention_only(self, attention_only: bool) -> None:
        self.filter_box.setCurrentIndex(0 if attention_only else 1)
        if attention_only != self.model.attention_only:
            self.model.set_attention_only(attention_only)
            self._after_rebuild()

    def _after_rebuild(self) -> None:
        if self.document_id is not None:
            self.show_document(self.document_id)
        total, attention = self.model.totals
        self.counts.setText(tr("需关注 %1 条，共 %2 条").replace("%1", str(attention)).replace("%2", str(total)))
        if self.current is not None and self.current.id is not None:
            self.show_detail(self.finding_loader(self.current.id))

    def show_document(self, doc_id: int | None) -> None:
        """Open the row of the document being read (its findings load) and close the previous one."""
        previous = self.model.doc_row(self.document_id) if self.document_id is not None else -1
        if previous >= 0 and doc_id != self.document_id:
            self.tree.collapse(self.model.index(previous, 0))
        self.document_id = doc_id
        self._scroll_to = QPersistentModelIndex()
        row = self.model.doc_row(doc_id) if doc_id is not None else -1
        if row >= 0 and doc_id is not None:
            self.model.load(doc_id)  # before the view expands the row, not from inside it
            index = self.model.index(row, 0)
            self.tree.expand(index)
            self._scroll_to = QPersistentModelIndex(index)
            if self.tree.isVisible():
                self._scroll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._scroll()

    def _scroll(self) -> None:
        """Bring the open document's row to the top. Scrolling lays out every row the tree holds
        (a Python call or two per document): a hidden tree (a tab behind another) does it when shown."""
        if self._scroll_to.isValid():
            self.tree.scrollTo(self.model.index(self._scroll_to.row(), 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self._scroll_to = QPersistentModelIndex()

    def _expanded(self, index: QModelIndex) -> None:
        """A document opens with its kinds, in the "needs attention" view, except repeated
        paragraphs (long, and shaded in the text anyway)."""
        if index.parent().isValid():
            return
        self.model.fetchMore(index)
        if not self.model.attention_only:
            return
        for k in range(self.model.rowCount(index)):
            kind_index = self.model.index(k, 0, index)
            first = self.model.index(0, 0, kind_index).data(FINDING_ROLE)
            if isinstance(first, Finding) and first.kind != CheckKind.REPEAT:
                self.tree.expand(kind_index)

    def select_finding(self, finding_id: int, doc_id: int | None = None) -> bool:
        """Choose a finding as a click would; False if the filter hides it."""
        places = self.model.finding_index(finding_id, doc_id)
        if not places:
            return False
        d, k, r = places[0]
        index = self.model.index(r, 0, self.model.index(k, 0, self.model.index(d, 0)))
        self.tree.expand(index.parent().parent())
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._activate(index)
        return True

    def _activate(self, index: QModelIndex) -> None:
        listed = index.data(FINDING_ROLE)
        if isinstance(listed, Finding):
            finding = self.finding_loader(listed.id) if listed.id is not None else None
            finding = finding or listed
            self.show_detail(finding)
            self.findingActivated.emit(finding, int(index.data(DOC_ROLE)))

    def show_detail(self, finding: Finding | None) -> None:
        self.current = finding
        self.evidence.clear()
        if finding is None:
            self.message.setText(tr("选择一条核查结果以查看说明和依据。"))
            return
        heading = dict.fromkeys((check_kind_label(finding.kind), verdict_label(finding.verdict)))
        self.message.setText(" · ".join(heading) + "\n" + finding_message(finding, self.language))
        self.message.setStyleSheet(f"QLabel {{ color: {verdict_colour(finding.verdict).name()}; }}"
                                   if finding.needs_attention else "")
        for evidence in finding.evidence[:EVIDENCE_SHOWN]:
            place = Path(evidence.file_name).name or evidence.title
            item = QListWidgetItem(f"{evidence_label(evidence.label)}{colon()}{evidence.text} — {place}\n"
                                   f"{evidence.sentence}")
            item.setData(EVIDENCE_ROLE, evidence)
            item.setToolTip(plain_tooltip(evidence.title))
            self.evidence.addItem(item)
        hidden = len(finding.evidence) - EVIDENCE_SHOWN
        if hidden > 0:
            self.evidence.addItem(tr("另有 %1 处依据未列出").replace("%1", str(hidden)))

    def _evidence_chosen(self, item: QListWidgetItem) -> None:
        evidence = item.data(EVIDENCE_ROLE)
        if isinstance(evidence, Evidence):
            self.evidenceActivated.emit(evidence)


def main(argv: list[str] | None = None) -> int:
    """python -m viewer.ui.checks_pane STORE"""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = ChecksPane()
    pane.set_counts(library.document_finding_counts(), library.document_rows(), library.document_findings,
                    library.finding, library.finding_totals())
    return run_alone(pane, "checks pane")


if __name__ == "__main__":
    sys.exit(main())
