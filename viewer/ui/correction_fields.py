"""The fields of the correction editor: an indicator searched by name, alias or group (or a new
name), a place of the gazetteer shown with its hierarchy, a period, and a value in a unit as
written (86 亿元) with the base unit the store keeps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.services.correction_choices import EditorChoices, IndicatorOption, Origin, PlaceOption
from viewer.services.correction_periods import PERIOD_KINDS, PeriodKind, PeriodParts, period_fields
from viewer.services.correction_values import read_value, unit_choices, written_value
from viewer.ui.correction_labels import period_kind_label
from viewer.ui.i18n import tr
from viewer.ui.tooltips import plain_tooltip
from viewer.ui.units import format_number

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # what typing matches: a name with its aliases and group
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # what choosing puts in the field
NOTE_STYLE = "QLabel { color: #666; }"


class SearchCompleter(QCompleter):
    """Matches anywhere in SEARCH_ROLE, case-insensitively; a chosen row fills in its VALUE_ROLE."""

    def __init__(self, model: QStandardItemModel, parent: QWidget) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(VALUE_ROLE) or "")


def _item(display: str, value: str, search: str, tip: str) -> QStandardItem:
    item = QStandardItem(display)
    item.setData(value, VALUE_ROLE)
    item.setData(search, SEARCH_ROLE)
    item.setToolTip(plain_tooltip(tip))
    item.setEditable(False)
    return item


def _note() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(NOTE_STYLE)
    label.setWordWrap(True)
    return label


def origin_label(option: IndicatorOption) -> str:
    where = {Origin.TAXONOMY: tr("指标库"), Origin.USER: tr("用户词库"), Origin.PROVISIONAL: tr("暂定指标")}
    parts = [where.get(option.origin, option.origin), option.group]
    parts.append(tr("库中 %1 个数字").replace("%1", str(option.figures)))
    return " · ".join(p for p in parts if p)


class IndicatorField(QWidget):
    """An editable combo box: the list of the taxonomy (by group) and the store's provisional
    names; typing filters it by name, alias or group; a name of one's own is allowed."""

    def __init__(self, choices: EditorChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.model = QStandardItemModel(self)
        for option in choices.indicators:
            tip = "\n".join(p for p in (origin_label(option), option.definition) if p)
            self.model.appendRow(_item(option.name, option.name,
                                       " ".join((option.name, *option.aliases, option.group)), tip))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.box = QComboBox()
        self.box.setEditable(True)
        self.box.setModel(self.model)
        self.box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.box.setMaxVisibleItems(16)
        self.box.setMinimumContentsLength(18)
        self.box.setCompleter(SearchCompleter(self.model, self.box))
        line = self.box.lineEdit()
        assert line is not None
        line.setPlaceholderText(tr("输入指标名、别名或分组筛选；也可输入新名称"))
        self.note = _note()
        layout.addWidget(self.box)
        layout.addWidget(self.note)
        self.setFocusProxy(self.box)
        self.box.editTextChanged.connect(self._describe)

    def set_name(self, name: str | None) -> None:
        self.box.setEditText(name or "")
        self._describe()

    def name(self) -> str | None:
        return self.box.currentText().strip() or None

    def _describe(self) -> None:
        name = self.name()
        option = self.choices.indicator(name) if name else None
        if option is not None:
            self.note.setText(origin_label(option))
        elif name:
            self.note.setText(tr("新名称：作为暂定指标"))
        else:
            self.note.setText(tr("无指标：不进入任何序列"))


class PlaceField(QWidget):
    """A line edit completed from the gazetteer: typing 醴陵 offers 湖南省 › 株洲市 › 醴陵市."""

    def __init__(self, choices: EditorChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.model = QStandardItemModel(self)
        for option in choices.places:
            search = " ".join((option.display, *option.aliases))
            self.model.appendRow(_item(option.display, option.label, search, option.kind))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("输入地名筛选，如 株洲、醴陵；留空表示无地区"))
        self.edit.setCompleter(SearchCompleter(self.model, self.edit))
        self.note = _note()
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._describe)

    def set_label(self, label: str | None) -> None:
        self.edit.setText(label or "")
        self._describe()

    def place(self) -> PlaceOption | None:
        return self.choices.place(self.edit.text())

    def label(self) -> str | None:
        """The place's label; None when empty. Raises ValueError for a name the gazetteer lacks."""
        text = self.edit.text().strip()
        if not text:
            return None
        option = self.place()
        if option is None:
            raise ValueError(tr("地名库中没有“%1”：请从列表中选择。").replace("%1", text))
        return option.label

    def _describe(self) -> None:
        text = self.edit.text().strip()
        option = self.place()
        if option is not None:
            self.note.setText(option.display)
        else:
            self.note.setText(tr("无地区：不进入任何序列") if not text else tr("地名库中没有该地名"))


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccelerated(True)
    return spin


class PeriodField(QWidget):
    """[kind] [first year –] [year] [month]: the boxes a kind needs are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for kind in PERIOD_KINDS:
            self.kind.addItem(period_kind_label(kind), kind)
        self.first_year = _spin(1949, 2100)
        self.dash = QLabel("–")
        self.year = _spin(1949, 2100)
        self.month = _spin(1, 12)
        self.month.setPrefix("N = ")
        for widget in (self.kind, self.first_year, self.dash, self.year, self.month):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._show_boxes)

    def set_parts(self, parts: PeriodParts, fallback_year: int | None) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(parts.kind), 0))
        year = parts.year or fallback_year or 2024
        self.year.setValue(year)
        self.first_year.setValue(parts.first_year or year - 4)
        self._show_boxes()
        self.month.setValue(parts.month or (0 if parts.kind == PeriodKind.YTD else 12))

    def parts(self) -> PeriodParts:
        kind = str(self.kind.currentData())
        if kind == PeriodKind.NONE:
            return PeriodParts(kind)
        month = self.month.value() if kind in (PeriodKind.MONTHS, PeriodKind.AS_OF, PeriodKind.YTD) else None
        return PeriodParts(kind, self.year.value(), self.first_year.value() if kind == PeriodKind.SPAN else None,
                           None if kind == PeriodKind.YTD and month == 0 else month)

    def fields(self) -> dict[str, Any]:
        """year, period, period_start, period_end. Raises ValueError for an impossible period."""
        try:
            return period_fields(self.parts())
        except ValueError as error:
            raise ValueError(tr("时期有误：跨年时期的起始年须早于截止年。")) from error

    def _show_boxes(self) -> None:
        kind = self.kind.currentData()
        self.first_year.setVisible(kind == PeriodKind.SPAN)
        self.dash.setVisible(kind == PeriodKind.SPAN)
        self.year.setVisible(kind != PeriodKind.NONE)
        to_date = kind == PeriodKind.YTD
        self.month.setVisible(kind in (PeriodKind.MONTHS, PeriodKind.AS_OF) or to_date)
        # 今年以来: the month the document appeared in, or none ("—") when its date does not say
        self.month.setMinimum(2 if kind == PeriodKind.MONTHS else 0 if to_date else 1)
        self.month.setSpecialValueText(tr("发布月不详") if to_date else "")
        self.month.setPrefix(tr("发布月：") if to_date else "N = ")


class ValueField(QWidget):
    """The value as written (86, 1.2万, 10–20) in a unit as written (亿元), and what the store
    will keep in its base unit (= 8,600,000,000 元)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("如 86、1.2万、10–20"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setMinimumContentsLength(6)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        self.note = _note()
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.edit.textChanged.connect(self._describe)
        self.unit.editTextChanged.connect(self._describe)

    def set_value(self, value: float | None, value_high: float | None, unit: str, unit_text: str) -> None:
        text, written = written_value(value, value_high, unit, unit_text)
        self.unit.clear()
        self.unit.addItems(list(dict.fromkeys([written, *unit_choices(unit)])))
        self.unit.setEditText(written)
        self.edit.setText(text)
        self._describe()

    def fields(self) -> dict[str, Any]:
        """value, value_high and unit in the base unit. Raises ValueError naming the problem."""
        try:
            value, high, unit = read_value(self.edit.text(), self.unit.currentText())
        except ValueError as error:
            raise ValueError(tr("数值有误：请输入数字，如 86、1.2万，或区间 10–20（上限不小于下限）。")) from error
        return {"value": value, "value_high": high, "unit": unit}

    def _describe(self) -> None:
        try:
            fields = self.fields()
        except ValueError as error:
            self.note.setText(str(error))
            self.note.setStyleSheet("QLabel { color: #c92a2a; }")
        else:
            self.note.setStyleSheet(NOTE_STYLE)
            shown = [format_number(v) for v in (fields["value"], fields["value_high"]) if v is not None]
            self.note.setText(tr("存为：%1 %2（基本单位）").replace("%1", "–".join(shown) or "—")
                              .replace("%2", fields["unit"]))
        self.changed.emit()


def widgets_in_order(fields: Sequence[QWidget]) -> list[QWidget]:
    """The focusable boxes of the fields, in the order a reviewer tabs through them."""
    order: list[QWidget] = []
    for field in fields:
        if isinstance(field, IndicatorField):
            order.append(field.box)
        elif isinstance(field, PlaceField):
            order.append(field.edit)
        elif isinstance(field, PeriodField):
            order += [field.kind, field.first_year, field.year, field.month]
        elif isinstance(field, ValueField):
            order += [field.edit, field.unit]
        else:
            order.append(field)
    return order
