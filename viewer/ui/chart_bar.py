"""The widgets around the chart: the bar (指标 box, 地区 menu, 导出 menu) and its labels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton

from viewer.ui.i18n import tr


def tool_bar(show_indicator: Callable[[str], None], fill_regions: Callable[[], None],
             export_image: Callable[[], None], export_data: Callable[[], None]) -> tuple[QHBoxLayout, QComboBox, QMenu]:
    """The bar, its indicator box and its region menu (filled when opened)."""
    bar = QHBoxLayout()
    bar.addWidget(QLabel(tr("指标：")))
    box = QComboBox(minimumContentsLength=10, placeholderText=tr("选择指标…"))
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.activated.connect(lambda _index: show_indicator(box.currentText()))
    bar.addWidget(box, 1)
    regions = _menu_button(bar, tr("地区"))
    regions.aboutToShow.connect(fill_regions)
    export = _menu_button(bar, tr("导出"))
    export.addAction(tr("导出图表（PNG/SVG）…"), export_image)
    export.addAction(tr("导出数据（CSV/Excel）…"), export_data)
    return bar, box, regions


def fill_region_menu(menu: QMenu, choices: list[tuple[str, bool]], set_visible: Callable[[str, bool], None]) -> None:
    """Built when opened: the drawn regions first, then the others by number of points."""
    menu.clear()
    for region, drawn in choices:
        action = QAction(region, menu, checkable=True, checked=drawn)
        action.toggled.connect(lambda checked, r=region: set_visible(r, checked))
        menu.addAction(action)


def _menu_button(bar: QHBoxLayout, text: str) -> QMenu:
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    bar.addWidget(button)
    return menu


def title_label() -> QLabel:
    title = QLabel(textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter)
    title.setStyleSheet("QLabel { font-weight: 600; font-size: 11pt; }")
    return title


def legend_label() -> QLabel:
    """A Qt label, not pyqtgraph's LegendItem: that one costs milliseconds per redraw."""
    return QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)


def info_label() -> QLabel:
    info = QLabel(tr("点击文档中的数字以查看其指标序列。"), textFormat=Qt.TextFormat.PlainText, wordWrap=True)
    info.setStyleSheet("QLabel { color: #555; padding: 2px; }")
    return info
