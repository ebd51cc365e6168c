"""The read-only text of one report, with figures, mentions, repeats, findings, notes and hits
highlighted, all in one QSyntaxHighlighter pass."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from viewer.model import (
    Correction,
    CorrectionStatus,
    Document,
    Figure,
    Mention,
    Paragraph,
    Source,
    weak_slots,
)
from viewer.model.review import Finding, Note
from viewer.ui import text_formats
from viewer.ui.correction_labels import correction_tooltip
from viewer.ui.document_menu import figure_context_menu
from viewer.ui.highlight import (
    LAYER_ENTITY,
    LAYER_ENTITY_SELECTED,
    LAYER_FIGURE,
    LAYER_FINDING,
    LAYER_NOTE,
    LAYER_PARAGRAPH,
    LAYER_SEARCH,
    DocumentHighlighter,
    StyledSpan,
)
from viewer.ui.review_labels import findings_by_figure
from viewer.ui.tooltips import figure_tooltip, findings_tooltip, mention_tooltip, notes_tooltip
from viewer.ui.utf16 import Utf16Map

__all__ = ["DocumentView", "figure_tooltip"]

DEFAULT_POINT_SIZE = 13.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 32.0
LINE_HEIGHT_PERCENT = 175


class DocumentView(QTextEdit):
    figureActivated = Signal(object)  # Figure
    correctionRequested = Signal(object)  # Figure: 更正… chosen in its context menu
    fontSizeChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.document_model: Document | None = None
        self.figures: list[Figure] = []
        self.mentions: list[Mention] = []
        self.paragraphs: list[Paragraph] = []
        self._figure_starts: list[int] = []
        self._mention_starts: list[int] = []
        self._figure_weak: list[bool] = []  # per figure: has it a weak slot (viewer.model.weak_slots)
        self._utf16 = Utf16Map("")
        self._entity_types: set[str] | None = None  # None = all visible
        self._selected_spans: list[tuple[int, int]] = []
        self._search_spans: list[tuple[int, int]] = []
        self.figure_findings: dict[int, list[Finding]] = {}  # figure id -> its findings
        self.notes: list[Note] = []
        self.corrections: dict[tuple[int, int], Correction] = {}  # figure span -> the correction applied to it
        self.language = "zh"  # of finding messages
        self._point_size = DEFAULT_POINT_SIZE
        self._own_document: QTextDocument | None = None
        self._highlighter = DocumentHighlighter(self.document())
        self._press_pos = QPoint()
        self.set_point_size(DEFAULT_POINT_SIZE)

    # -- content -------------------------------------------------------------------------
    def show_document(self, document: Document, paragraphs: Sequence[Paragraph] = (),
                      figures: Sequence[Figure] = (), mentions: Sequence[Mention] = (),
                      entity_types: set[str] | None = None,
                      search_spans: Sequence[tuple[int, int]] = (), findings: Sequence[Finding] = (),
                      notes: Sequence[Note] = (), corrections: Sequence[Correction] = ()) -> None:
        self.document_model = document
        self.paragraphs = list(paragraphs)
        self._take_figures(figures, corrections)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._mention_starts = [m.start for m in self.mentions]
        self._selected_spans = []
        self._search_spans = list(search_spans)
        self._entity_types = None if entity_types is None else set(entity_types)
        self.figure_findings = findings_by_figure(findings, document.id)
        self.notes = list(notes)
        # Qt would turn \r into a block break; keep positions by showing it as a space.
        text = document.text.replace("\r", " ")
        self._utf16 = Utf16Map(text)
        self._replace_document(text)

    def _take_figures(self, figures: Sequence[Figure], corrections: Sequence[Correction]) -> None:
        self.figures = sorted(figures, key=lambda f: (f.start, f.end))
        self._figure_starts = [f.start for f in self.figures]
        self._figure_weak = [bool(weak_slots(f)) for f in self.figures]
        self.corrections = {(c.start, c.end): c for c in corrections if c.status != CorrectionStatus.ORPHANED}

    def set_figures(self, figures: Sequence[Figure], corrections: Sequence[Correction] = ()) -> None:
        """The open report's figures changed (a correction): mark them again, text and view kept."""
        self._take_figures(figures, corrections)
        self._rebuild_highlights()

    def clear_document(self) -> None:
        self.document_model = None
        self.figures, self.mentions, self.paragraphs = [], [], []
        self.figure_findings, self.notes, self.corrections = {}, [], {}
        self._figure_starts, self._mention_starts = [], []
        self._figure_weak = []
        self._utf16 = Utf16Map("")
        self._replace_document("")

    def _replace_document(self, text: str) -> None:
        """Build and highlight the new document off-screen, then swap it in: one layout."""
        old = self._own_document
        document = QTextDocument(self)
        document.setDocumentMargin(18)
        document.setDefaultFont(self._font())
        cursor = QTextCursor(document)
        cursor.setBlockFormat(self._block_format())
        cursor.insertText(text)
        self._compact_blank_lines(document)
        self._highlighter = DocumentHighlighter(document)
        self._rebuild_highlights()
        self.setDocument(document)
        self._own_document = document
        if old is not None:
            old.deleteLater()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _compact_blank_lines(self, document: QTextDocument) -> None:
        """Paragraphs already have a bottom margin: blank lines between them add little."""
        blank = QTextBlockFormat()
        # A fixed height: a proportional one below 100% breaks Qt's hit-testing after it.
        blank.setLineHeight(self._point_size * 0.5, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor = QTextCursor(document)
        block = document.firstBlock()
        while block.isValid():
            if block.length() <= 1 or not block.text().strip():
                cursor.setPosition(block.position())
                cursor.setBlockFormat(blank)
            block = block.next()

    def _block_format(self) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(self._point_size * 0.9)
        return block

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._point_size)
        return font

    # -- highlight layers ------------------------------------------------------------------
    def set_entity_types(self, types: set[str] | None) -> None:
        """Show mentions of these entity types only (None: all)."""
        self._entity_types = None if types is None else set(types)
        self._rebuild_highlights()

    def set_selected_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        self._selected_spans = list(spans)
        self._rebuild_highlights()

    def set_search_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        self._search_spans = list(spans)
        self._rebuild_highlights()

    def set_findings(self, findings: Sequence[Finding]) -> None:
        doc_id = self.document_model.id if self.document_model else None
        self.figure_findings = findings_by_figure(findings, doc_id)
        self._rebuild_highlights()

    def set_notes(self, notes: Sequence[Note]) -> None:
        self.notes = list(notes)
        self._rebuild_highlights()

    def flagged_figures(self) -> list[Figure]:
        """Figures marked in the text: they have a finding that needs attention."""
        return [f for f in self.figures if f.id is not None
                and any(x.needs_attention for x in self.figure_findings.get(f.id, ()))]

    def weak_figures(self) -> list[Figure]:
        """Figures marked as weak in the text: an indicator, place or year was guessed, not read."""
        return [f for f, weak in zip(self.figures, self._figure_weak, strict=True) if weak]

    def annotated_spans(self) -> list[tuple[int, int]]:
        """Spans of the notes whose text is still there (orphaned notes are listed, not marked)."""
        return [(n.start, n.end) for n in self.notes if not n.orphaned]

    def highlight_spans(self) -> list[StyledSpan]:
        spans: list[StyledSpan] = []
        for paragraph in self.paragraphs:
            if paragraph.repeats > 1:
                spans.append(StyledSpan(paragraph.start, paragraph.end, LAYER_PARAGRAPH,
                                        text_formats.repeated_format()))
        note = text_formats.note_format()
        spans.extend(StyledSpan(s, e, LAYER_NOTE, note) for s, e in self.annotated_spans())
        for mention in self.mentions:
            if self._entity_types is None or mention.type in self._entity_types:
                spans.append(StyledSpan(mention.start, mention.end, LAYER_ENTITY,
                                        text_formats.entity_format(mention.type)))
        for figure, weak in zip(self.figures, self._figure_weak, strict=True):
            if figure.excluded:
                fmt = text_formats.excluded_format()
            elif figure.source == Source.REVIEWER:
                fmt = text_formats.corrected_format(figure.kind, figure.role)
            else:
                fmt = text_formats.figure_format(figure.kind, figure.role, weak)
            spans.append(StyledSpan(figure.start, figure.end, LAYER_FIGURE, fmt))
        marked = text_formats.finding_format()
        spans.extend(StyledSpan(f.start, f.end, LAYER_FINDING, marked) for f in self.flagged_figures())
        selected = text_formats.selected_entity_format()
        spans.extend(StyledSpan(s, e, LAYER_ENTITY_SELECTED, selected) for s, e in self._selected_spans)
        hit = text_formats.search_format()
        spans.extend(StyledSpan(s, e, LAYER_SEARCH, hit) for s, e in self._search_spans)
        return spans

    def _rebuild_highlights(self) -> None:
        self._highlighter.set_spans(self.highlight_spans(), self._utf16)

    # -- positions and selection ----------------------------------------------------------
    def text(self) -> str:
        return self.document_model.text if self.document_model else ""

    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] (code points) and scroll it into the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16.to_utf16(start))
        cursor.setPosition(self._utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._centre_cursor()

    def _centre_cursor(self) -> None:
        rect = self.cursorRect()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def selected_span(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (self._utf16.to_code_point(cursor.selectionStart()),
                self._utf16.to_code_point(cursor.selectionEnd()))

    def position_at(self, pos: QPoint) -> int:
        """The code-point offset of the character under a viewport position."""
        cursor = self.cursorForPosition(pos)
        utf16 = cursor.position()
        rect = self.cursorRect(cursor)
        if pos.x() < rect.x() and utf16 > 0:
            utf16 -= 1  # cursorForPosition rounds to the nearest gap; we want the character
        return self._utf16.to_code_point(utf16)

    def current_figure(self) -> Figure | None:
        """The figure the selection starts in, or else the one at the cursor."""
        start, end = self.selected_span()
        return self.figure_at(start) or (self.figure_at(start - 1) if start == end and start > 0 else None)

    def corrected_figures(self) -> list[Figure]:
        """Figures marked as the reviewer's: corrected, or not counted as data points."""
        return [f for f in self.figures if f.source == Source.REVIEWER or f.excluded]

    def figure_at(self, position: int) -> Figure | None:
        index = bisect_right(self._figure_starts, position) - 1
        if index >= 0 and self.figures[index].start <= position < self.figures[index].end:
            return self.figures[index]
        return None

    def mention_at(self, position: int) -> Mention | None:
        index = bisect_right(self._mention_starts, position) - 1
        if index >= 0 and self.mentions[index].start <= position < self.mentions[index].end:
            return self.mentions[index]
        return None

    def select_figure(self, figure: Figure | int) -> Figure | None:
        """Select a figure given itself or its id; returns the figure shown."""
        for candidate in self.figures:
            if candidate is figure or (isinstance(figure, int) and candidate.id == figure) or (
                isinstance(figure, Figure) and (candidate.start, candidate.end) == (figure.start, figure.end)
            ):
                self.select_span(candidate.start, candidate.end)
                return candidate
        return None

    def step_figure(self, forward: bool = True) -> Figure | None:
        """Select the next (or previous) figure from the cursor and announce it."""
        if not self.figures:
            return None
        start, end = self.selected_span()
        if forward:
            index = bisect_left(self._figure_starts, start) if start == end else bisect_right(
                self._figure_starts, start)
            figure = self.figures[index % len(self.figures)]
        else:
            figure = self.figures[bisect_left(self._figure_starts, start) - 1]
        self.select_span(figure.start, figure.end)
        self.figureActivated.emit(figure)
        return figure

    # -- font size ---------------------------------------------------------------------------
    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, size: float) -> None:
        size = min(max(size, MIN_POINT_SIZE), MAX_POINT_SIZE)
        self._point_size = size
        self.document().setDefaultFont(self._font())
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setBlockFormat(self._block_format())
        self._compact_blank_lines(self.document())
        self.fontSizeChanged.emit(size)

    def zoom(self, steps: int) -> None:
        self.set_point_size(self._point_size + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_POINT_SIZE)

    # -- mouse -----------------------------------------------------------------------------
    def request_correction(self, figure: Figure) -> None:
        self.select_span(figure.start, figure.end)
        self.correctionRequested.emit(figure)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = figure_context_menu(self, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = (event.position().toPoint() - self._press_pos).manhattanLength()
        if event.button() == Qt.MouseButton.LeftButton and moved < 4:
            figure = self.figure_at(self.position_at(event.position().toPoint()))
            if figure is not None:
                self.select_span(figure.start, figure.end)
                self.figureActivated.emit(figure)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self.position_at(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, position: int) -> str:
        """The figure (with its findings) or mention under `position`, and notes on it."""
        tip = ""
        figure = self.figure_at(position)
        mention = self.mention_at(position)
        if figure is not None:
            tip = figure_tooltip(figure)
            correction = self.corrections.get((figure.start, figure.end))
            if correction is not None:
                tip += correction_tooltip(correction)
            findings = self.figure_findings.get(figure.id, []) if figure.id is not None else []
            if findings:
                tip += findings_tooltip(findings, self.language)
        elif mention is not None:
            tip = mention_tooltip(mention)
        notes = [n for n in self.notes if not n.orphaned and n.start <= position < n.end]
        if notes:
            tip += notes_tooltip(notes)
        return tip
