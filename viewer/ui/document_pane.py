"""The centre pane: a report's heading, the highlight legend, its text and a find bar."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from viewer.model import Correction, Document, Figure, Mention, Paragraph, weak_slots
from viewer.model.review import Finding, Note
from viewer.ui.document_view import DocumentView
from viewer.ui.find_bar import FindBar
from viewer.ui.i18n import tr
from viewer.ui.legend import Legend


def kind_name(kind: str) -> str:
    return {"news": tr("新闻"), "plan": tr("规划"), "report": tr("报告")}.get(kind, kind)


def document_heading(document: Document) -> str:
    details = [document.region or "", str(document.year or ""), kind_name(document.kind),
               document.published or ""]
    return " · ".join(d for d in details if d)


class DocumentPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("QLabel { font-size: 15pt; font-weight: 600; padding: 6px 10px 0 10px; }")
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setStyleSheet("QLabel { color: #666; padding: 0 10px 4px 10px; }")
        self.legend = Legend()
        self.view = DocumentView()
        self.find_bar = FindBar()
        self.find_bar.hide()
        for widget in (self.title, self.details, self.legend, self.view, self.find_bar):
            layout.addWidget(widget)
        layout.setStretchFactor(self.view, 1)
        self._hit_spans: list[tuple[int, int]] = []
        self._find_spans: list[tuple[int, int]] = []
        self.legend.entityTypesChanged.connect(self.view.set_entity_types)
        self.find_bar.matchesChanged.connect(self._set_find_spans)
        self.find_bar.matchChosen.connect(self.view.select_span)
        self.find_bar.closed.connect(self.view.setFocus)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.title.setText(tr("未打开文档"))
        self.details.setText(tr("从左侧文档库选择一篇报告，或通过 文件 → 导入报告… 添加。"))
        self.view.clear_document()

    def show_document(self, document: Document, paragraphs: Sequence[Paragraph] = (),
                      figures: Sequence[Figure] = (), mentions: Sequence[Mention] = (),
                      findings: Sequence[Finding] = (), notes: Sequence[Note] = (),
                      corrections: Sequence[Correction] = ()) -> None:
        self.title.setText(document.title or document.path)
        self._describe(document, figures)
        self._hit_spans = []
        self.find_bar.set_text(document.text, announce=False)
        self._find_spans = list(self.find_bar.matches)
        self.view.show_document(document, paragraphs, figures, mentions, self.legend.entity_types(),
                                self._find_spans, findings, notes, corrections)

    def _describe(self, document: Document, figures: Sequence[Figure]) -> None:
        linked = sum(1 for f in figures if f.indicator)
        summary = tr("%n 个数字", len(figures)) + " · " + tr("%n 个已关联指标", linked)
        weak = sum(1 for f in figures if weak_slots(f))
        if weak:
            summary += " · " + tr("%n 个需核对", weak)
        corrected = sum(1 for f in figures if f.source == "reviewer")
        if corrected:
            summary += " · " + tr("%n 个已更正", corrected)
        self.details.setText(" · ".join(p for p in (document_heading(document), summary) if p))

    def update_figures(self, figures: Sequence[Figure], corrections: Sequence[Correction] = ()) -> None:
        """The open report's figures changed (a correction): heading counts and marks again."""
        if self.view.document_model is not None:
            self._describe(self.view.document_model, figures)
            self.view.set_figures(figures, corrections)

    def set_hit_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        self._hit_spans = list(spans)
        self.view.set_search_spans(self._hit_spans + self._find_spans)

    def _set_find_spans(self, spans: list[tuple[int, int]]) -> None:
        self._find_spans = spans
        self.view.set_search_spans(self._hit_spans + self._find_spans)

    def open_find(self) -> None:
        self.find_bar.open_bar()


def main(argv: list[str] | None = None) -> int:
    """Show one document of a store alone: python -m viewer.ui.document_pane STORE [DOC_ID]."""
    from viewer.ui.standalone import open_library, run_alone

    args = sys.argv[1:] if argv is None else argv
    library = open_library(args[0] if args else None)
    pane = DocumentPane()
    documents = library.documents()
    if documents:
        doc_id = int(args[1]) if len(args) > 1 else documents[0].id
        assert doc_id is not None
        pane.show_document(library.document(doc_id), library.paragraphs(doc_id),
                           library.figures(doc_id), library.mentions(doc_id))
    return run_alone(pane, "document pane")


if __name__ == "__main__":
    sys.exit(main())
