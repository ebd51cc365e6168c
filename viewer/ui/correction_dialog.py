"""The correction editor: set a figure's indicator, place, period, role, value and unit, or say
it is not a data point (不计入序列: a phone number, a phase 二期, a tier 第一梯队).

It shows the figure in its sentence and what the analysis read. `answer()` gives a
`CorrectionResult`: the fields that change. Others add options below the fields with
`add_option` (e.g. 应用到所有文档); their values come back in `CorrectionResult.options`.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from viewer.model import CORRECTABLE, Correction, Figure
from viewer.services.correction_choices import EditorChoices
from viewer.services.correction_periods import period_parts
from viewer.ui.correction_fields import IndicatorField, PeriodField, PlaceField, ValueField, widgets_in_order
from viewer.ui.correction_labels import correction_summary, field_text
from viewer.ui.i18n import tr
from viewer.ui.palette import REVIEWER_COLOUR
from viewer.ui.units import qualified_value

SENTENCE_CHARS = 160  # of the sentence shown around the figure


@dataclass(frozen=True)
class CorrectionResult:
    figure_id: int
    changes: dict[str, Any]  # field -> the reviewer's value: only the fields that differ from the figure now
    values: dict[str, Any]  # every correctable field as the editor ended (excluded: the others as shown)
    options: dict[str, Any] = field(default_factory=dict)  # key of add_option -> its value

    @property
    def excluded(self) -> bool:
        return bool(self.values.get("excluded"))


def _differs(name: str, new: Any, old: Any) -> bool:
    if name in ("value", "value_high") and isinstance(new, int | float) and isinstance(old, int | float):
        return not math.isclose(new, old, rel_tol=1e-12, abs_tol=1e-12)
    return bool(new != old)


def sentence_with_figure(sentence: str, figure: Figure) -> str:
    """The sentence with the figure in 【】, cut to SENTENCE_CHARS around it."""
    at = figure.start - figure.sentence_start
    if not sentence or not 0 <= at <= len(sentence) or sentence[at:at + len(figure.text)] != figure.text:
        return sentence[:SENTENCE_CHARS]
    after = at + len(figure.text)
    shown = f"{sentence[:at]}【{figure.text}】{sentence[after:]}"
    if len(shown) > SENTENCE_CHARS:
        start = max(0, at - SENTENCE_CHARS // 2)
        shown = ("…" if start else "") + shown[start:start + SENTENCE_CHARS] + "…"
    return " ".join(shown.split())


class CorrectionDialog(QDialog):
    def __init__(self, figure: Figure, sentence: str, choices: EditorChoices, correction: Correction | None = None,
                 language: str = "zh", fallback_year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure, self.correction, self.choices = figure, correction, choices
        self.setWindowTitle(tr("更正数字"))
        self._options: dict[str, Callable[[], Any]] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading(figure, sentence))
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 4, 0, 0)
        self.indicator = IndicatorField(choices)
        self.place = PlaceField(choices)
        self.period = PeriodField()
        self.role = QComboBox()
        for option in choices.roles:
            self.role.addItem(option.label(language), option.code)
        self.value = ValueField()
        for text, row, buddy in ((tr("指标(&I)："), self.indicator, self.indicator.box),
                                 (tr("地区(&P)："), self.place, self.place.edit),
                                 (tr("时期(&Y)："), self.period, self.period.kind),
                                 (tr("角色(&R)："), self.role, self.role),
                                 (tr("数值(&V)："), self.value, self.value.edit)):
            label = QLabel(text)
            label.setBuddy(buddy)  # Alt+the letter moves there
            form.addRow(label, row)
        layout.addWidget(self.fields)
        self.excluded = QCheckBox(tr("不计入序列(&X)：不是数据点（如电话号码、二期、第一梯队）"))
        self.excluded.toggled.connect(lambda checked: self.fields.setEnabled(not checked))
        layout.addWidget(self.excluded)
        self.options_layout = QVBoxLayout()
        layout.addLayout(self.options_layout)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #c92a2a; }")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(figure, correction, fallback_year)
        order = [*widgets_in_order([self.indicator, self.place, self.period, self.role, self.value]), self.excluded]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.indicator.box.setFocus()
        self.setMinimumWidth(560)

    def _heading(self, figure: Figure, sentence: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        quote = QLabel(sentence_with_figure(sentence, figure) or figure.text)
        machine = QLabel(self._machine_line(figure))
        for label in (quote, machine):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)
        machine.setStyleSheet("QLabel { color: #555; }")
        self.corrected_note: QLabel | None = None
        if self.correction is not None:
            self.corrected_note = QLabel(tr("已更正：%1").replace("%1", correction_summary(self.correction)))
            self.corrected_note.setTextFormat(Qt.TextFormat.PlainText)
            self.corrected_note.setWordWrap(True)
            self.corrected_note.setStyleSheet(f"QLabel {{ color: {REVIEWER_COLOUR}; }}")
            layout.addWidget(self.corrected_note)
        return box

    def _machine_line(self, figure: Figure) -> str:
        """What the analysis read: the figure's fields, the corrected ones as they were before."""
        machine = {name: getattr(figure, name) for name in CORRECTABLE}
        if self.correction is not None:
            machine.update(self.correction.machine)
        shown = Figure(figure.start, figure.end, figure.text, machine["value"], machine["unit"] or "", figure.kind,
                       figure.qualifier, machine["value_high"])
        parts = [machine["indicator"] or tr("（无指标）"), machine["region"] or tr("（无地区）"),
                 field_text("period", machine["period"] or (str(machine["year"]) if machine["year"] else "")),
                 field_text("role", machine["role"]), qualified_value(shown, shown.unit)]
        return tr("机器识别：%1").replace("%1", " · ".join(parts))

    def _fill(self, figure: Figure, correction: Correction | None, fallback_year: int | None) -> None:
        indicator, region = figure.indicator, figure.region
        if figure.excluded and correction is not None:  # an excluded figure keeps no indicator or place
            indicator = correction.changes.get("indicator", correction.machine.get("indicator"))
            region = correction.changes.get("region", correction.machine.get("region"))
        self.indicator.set_name(indicator)
        self.place.set_label(region)
        self.period.set_parts(period_parts(figure.period, figure.year, figure.period_start, figure.period_end),
                              fallback_year)
        index = self.role.findData(figure.role)
        if index < 0:
            self.role.addItem(figure.role, figure.role)
            index = self.role.count() - 1
        self.role.setCurrentIndex(index)
        self.value.set_value(figure.value, figure.value_high, figure.unit, figure.unit_text)
        self.excluded.setChecked(figure.excluded)
        self._shown = self._read_shown()

    def _read_shown(self) -> dict[str, Any]:
        """The period and value fields as the boxes read them: a period or unit the boxes cannot
        show exactly (1–2月 of a year's months 2–5, 5成) is kept while the reviewer leaves them."""
        shown: dict[str, Any] = {}
        for read in (self.period.fields, self.value.fields):
            with contextlib.suppress(ValueError):
                shown.update(read())
        return shown

    # -- options others add ----------------------------------------------------------------
    def add_option(self, key: str, widget: QWidget, value: Callable[[], Any]) -> None:
        """Show `widget` below the fields; `value()` is read into CorrectionResult.options[key]."""
        self.options_layout.addWidget(widget)
        self._options[key] = value

    # -- the answer ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every correctable field as the editor shows it. Raises ValueError naming a problem."""
        found: dict[str, Any] = {"indicator": self.indicator.name(), "region": self.place.label()}
        for fields in (self.period.fields(), self.value.fields()):
            untouched = all(self._shown.get(name) == value for name, value in fields.items())
            found.update({name: getattr(self.figure, name) for name in fields} if untouched else fields)
        found["role"] = str(self.role.currentData())
        found["excluded"] = self.excluded.isChecked()
        return found

    def answer(self) -> CorrectionResult:
        figure = self.figure
        options = {key: read() for key, read in self._options.items()}
        if self.excluded.isChecked():
            try:
                values = self.values()
            except ValueError:
                values = {"excluded": True}
            changes = {} if figure.excluded else {"excluded": True}
            return CorrectionResult(figure.id or 0, changes, values, options)
        values = self.values()
        changes = {name: value for name, value in values.items() if _differs(name, value, getattr(figure, name))}
        return CorrectionResult(figure.id or 0, changes, values, options)

    def accept(self) -> None:
        try:
            self.accepted_answer = self.answer()
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()

    accepted_answer: CorrectionResult | None = None
