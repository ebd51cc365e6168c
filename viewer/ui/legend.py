"""The legend above the document: figure kinds, roles, marks, and entity-type switches."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.model import FigureKind, Role
from viewer.ui import text_formats
from viewer.ui.i18n import tr
from viewer.ui.labels import entity_type_label, figure_kind_label, figure_kind_order, role_label
from viewer.ui.palette import ENTITY_COLOURS


class FormatChip(QWidget):
    """A word drawn with exactly the format the document pane uses."""

    def __init__(self, text: str, fmt: QTextCharFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._fmt = fmt
        self.setToolTip(text)

    def sizeHint(self) -> QSize:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        return QSize(metrics.horizontalAdvance(self._text) + 10, metrics.height() + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = QTextLayout(self._text, self.font())
        fmt_range = QTextLayout.FormatRange()
        fmt_range.start, fmt_range.length, fmt_range.format = 0, len(self._text), self._fmt
        layout.setFormats([fmt_range])
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(self.width())
        layout.endLayout()
        painter = QPainter(self)
        layout.draw(painter, QPointF(4, 3))
        painter.end()


class Legend(QWidget):
    entityTypesChanged = Signal(object)  # set[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 2, 6, 2)
        rows.setSpacing(0)
        row = QHBoxLayout()
        row.setSpacing(2)
        rows.addLayout(row)
        row.addWidget(QLabel(tr("数字：")))
        for kind in figure_kind_order():
            if kind in (FigureKind.NUMBER, FigureKind.POINTS):
                continue
            row.addWidget(FormatChip(figure_kind_label(kind), text_formats.figure_format(kind, Role.ACTUAL)))
        row.addSpacing(8)
        for role in (Role.TARGET, Role.ESTIMATE):
            row.addWidget(FormatChip(role_label(role), text_formats.figure_format(FigureKind.NUMBER, role)))
        weak = FormatChip(tr("需核对"), text_formats.figure_format(FigureKind.NUMBER, Role.ACTUAL, weak=True))
        weak.setToolTip(tr("需核对：指标、地区或年份系推断所得，并非读自原文"))
        row.addWidget(weak)
        row.addWidget(FormatChip(tr("需核查"), text_formats.finding_format()))
        corrected = FormatChip(tr("已更正"), text_formats.corrected_format(FigureKind.NUMBER, Role.ACTUAL))
        corrected.setToolTip(tr("审核员更正过的数字（撤销：Ctrl+Z；更正数字：F2）"))
        excluded = FormatChip(tr("不计入"), text_formats.excluded_format())
        excluded.setToolTip(tr("审核员标为不计入序列：不是数据点"))
        row.addWidget(corrected)
        row.addWidget(excluded)
        row.addWidget(FormatChip(tr("批注"), text_formats.note_format()))
        row.addWidget(FormatChip(tr("重复段落"), text_formats.repeated_format()))
        row.addWidget(FormatChip(tr("搜索结果"), text_formats.search_format()))
        row.addStretch(1)
        row = QHBoxLayout()
        rows.addLayout(row)
        row.addWidget(QLabel(tr("实体：")))
        self.type_boxes: dict[str, QCheckBox] = {}
        for entity_type, colour in ENTITY_COLOURS.items():
            box = QCheckBox(entity_type_label(entity_type))
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox {{ color: {colour}; }}")
            box.toggled.connect(self._emit_types)
            row.addWidget(box)
            self.type_boxes[entity_type] = box
        row.addStretch(1)

    def entity_types(self) -> set[str]:
        return {t for t, box in self.type_boxes.items() if box.isChecked()}

    def set_entity_types(self, types: set[str]) -> None:
        for entity_type, box in self.type_boxes.items():
            box.blockSignals(True)
            box.setChecked(entity_type in types)
            box.blockSignals(False)
        self._emit_types()

    def _emit_types(self) -> None:
        self.entityTypesChanged.emit(self.entity_types())
