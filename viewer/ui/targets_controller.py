"""The 目标 dock in the window: its targets read off the UI thread whenever the checks' results
change (start-up, import, re-analysis, 重新核查), and a chosen target opened at its sentence with
its series charted (the target joined to the last actual by a dashed segment)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from viewer.services.targets_view import TargetRow, target_rows
from viewer.ui.dock_reader import DockReader
from viewer.ui.i18n import tr
from viewer.ui.ops import Ops
from viewer.ui.targets_pane import TargetsPane

if TYPE_CHECKING:
    from viewer.model import Figure
    from viewer.ui.document_view import DocumentView


class TargetsController(QObject):
    loaded = Signal()  # the pane shows the store's targets
    told = Signal(str, int)  # a message for the status bar, how long it shows (ms)

    def __init__(self, parent: QWidget, ops: Ops, view: DocumentView, open_document: Callable[[int], bool],
                 show_figure: Callable[[Figure], None]) -> None:
        """Call `refresh` when the findings change."""
        super().__init__(parent)
        self.ops = ops
        self.view = view
        self.open_document = open_document
        self.show_figure = show_figure
        self.pane = TargetsPane()
        self.reader = DockReader(self, ops, "targets", lambda op: target_rows(op.library.conn), self.pane.set_rows,
                                 tr("目标读取失败：%1"))  # a scan of the store's figures
        self.reader.loaded.connect(self.loaded)
        self.reader.told.connect(self.told)
        self.pane.targetActivated.connect(self.show_target)

    def attach(self, dock: QDockWidget) -> None:
        """Read the targets when the dock is seen, not while it is hidden (4 s of a worker's time
        for the 220,000 targets of 10,000 reports)."""
        self.reader.attach(dock)

    def refresh(self) -> None:
        """The findings changed: read the targets again now if the dock is seen, else when it is."""
        self.reader.refresh()

    def show_target(self, target: TargetRow) -> bool:
        """Open the target's report with the target selected, and chart its series."""
        if not self.open_document(target.doc_id):
            self.told.emit(tr("该目标所在的文档已不在文档库中。"), 5000)
            return False
        figure = self.view.select_figure(target.figure_id)
        if figure is None:
            self.view.select_span(target.start, target.end)
        elif figure.indicator:
            self.show_figure(figure)
        return True
