"""The 核查 dock: findings by document and kind, a verdict filter, and the chosen finding's
message with every piece of evidence (file, sentence) to click."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
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
from viewer.ui.checks_model import DOC_ROLE, FINDING_ROLE, ChecksModel
from viewer.ui.i18n import tr
from viewer.ui.review_labels import (
    check_kind_label,
    evidence_label,
    finding_message,
    verdict_colour,
    verdict_label,
)

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecksPane(QWidget):
    findingActivated = Signal(object, int)  # Finding, the document it was chosen under
    evidenceActivated = Signal(object)  # Evidence
    recheckRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents: list[Document] = []
        self.current: Finding | None = None
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
        self.documents = list(documents)
        self.model.set_findings(findings, self.documents)
        self._after_rebuild()

    def set_attention_only(self, attention_only: bool) -> None:
        self.filter_box.setCurrentIndex(0 if attention_only else 1)
        if attention_only != self.model.attention_only:
            self.model.set_attention_only(attention_only, self.documents)
            self._after_rebuild()

    def _after_rebuild(self) -> None:
        self._expand()
        total = len(self.model.findings)
        self.counts.setText(tr("需关注 %1 条，共 %2 条").replace("%1", str(self.model.attention_count()))
                            .replace("%2", str(total)))
        if self.current is not None and self.current.id is not None:
            still = next((f for f in self.model.findings if f.id == self.current.id), None)
            self.show_detail(still)

    def _expand(self) -> None:
        """Documents open; with the "needs attention" filter, their kinds too, except repeated
        paragraphs (long, and shaded in the text anyway)."""
        self.tree.expandToDepth(0)
        if not self.model.attention_only:
            return
        for d in range(self.model.rowCount()):
            doc_index = self.model.index(d, 0)
            for k in range(self.model.rowCount(doc_index)):
                kind_index = self.model.index(k, 0, doc_index)
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
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
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
        for evidence in finding.evidence:
            place = Path(evidence.file_name).name or evidence.title
            item = QListWidgetItem(f"{evidence_label(evidence.label)}：{evidence.text} — {place}\n"
                                   f"{evidence.sentence}")
            item.setData(EVIDENCE_ROLE, evidence)
            item.setToolTip(evidence.title)
            self.evidence.addItem(item)

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
    pane.set_findings(library.findings(), library.documents())
    return run_alone(pane, "checks pane")


if __name__ == "__main__":
    sys.exit(main())
