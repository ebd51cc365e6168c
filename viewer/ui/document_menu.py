"""The document pane's context menu: the standard one (copy, select all), with 更正… first
when it opens over a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from viewer.ui.i18n import tr

if TYPE_CHECKING:
    from viewer.ui.document_view import DocumentView


def figure_context_menu(view: DocumentView, pos: QPoint) -> QMenu:
    """The menu at a viewport position of `view`."""
    menu = view.createStandardContextMenu(pos)
    figure = view.figure_at(view.position_at(pos))
    if figure is not None:
        correct = QAction(tr("更正“%1”…").replace("%1", figure.text), menu)
        correct.setObjectName("correct_figure")
        correct.triggered.connect(lambda _checked=False, f=figure: view.request_correction(f))
        if menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, correct)
            menu.insertSeparator(first)
        else:
            menu.addAction(correct)
    return menu
