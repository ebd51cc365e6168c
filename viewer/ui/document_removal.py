"""Removing documents in the window: several selected in the library (context menu, Delete, or
文件 → 移除文档…), a confirmation that says how many notes and corrections hang on them and what
happens to them (kept, orphaned; re-attached when the file is imported again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QMessageBox, QWidget

from viewer.model.library_changes import RemovalPreview, RemovalReport
from viewer.services.store_problems import as_store_error
from viewer.ui.i18n import tr
from viewer.ui.library_pane import DOC_ID_ROLE
from viewer.ui.ops import LONG_WRITES
from viewer.ui.store_errors import store_error_box

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

LISTED = 8  # titles named in the confirmation; the rest are counted
T = TypeVar("T")


def write_or_tell(window: MainWindow, write: Callable[[], T]) -> T | None:
    """Run a write to the store with a wait cursor; a store that cannot be written (read-only,
    locked, full) is told in the store error dialog, and None returned."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return write()
    except Exception as error:
        problem = as_store_error(error, window.store_path)
        if problem is None:
            raise
        QApplication.restoreOverrideCursor()
        store_error_box(window, problem).exec()
        return None
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def removal_message_box(parent: QWidget | None, preview: RemovalPreview) -> QMessageBox:
    """The confirmation: which documents, and what becomes of their notes, corrections and findings."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("移除文档"),
                      tr("从文档库中移除 %1 份文档？").replace("%1", str(len(preview.documents))), parent=parent)
    names = [f"• {d.title or d.path}" for d in preview.documents[:LISTED]]
    if len(preview.documents) > LISTED:
        names.append(tr("…另有 %1 份").replace("%1", str(len(preview.documents) - LISTED)))
    work = tr("它们有 %1 条批注、%2 条更正。批注和更正不会删除：它们保留在文档库中，标为“已失效”，"
              "可在 批注（全部文档）和 更正记录 中查看；再次导入同一文件时会重新挂回原处。") \
        .replace("%1", str(preview.notes)).replace("%2", str(preview.corrections))
    effects = tr("引用这些文档的 %1 条核查结果将重新核查；搜索、图表和审阅报告不再包含它们。移除不能撤销，但原文件不受影响，重新导入即可恢复。") \
        .replace("%1", str(preview.findings))
    box.setInformativeText("\n".join(names) + "\n\n" + work + "\n\n" + effects)
    box.setTextFormat(Qt.TextFormat.PlainText)
    remove = box.addButton(tr("移除"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    remove.setObjectName("remove_button")
    return box


def confirm_removal(parent: QWidget, preview: RemovalPreview) -> bool:
    box = removal_message_box(parent, preview)
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "remove_button")


def removal_summary(report: RemovalReport) -> str:
    return tr("已移除 %1 份文档；%2 条批注、%3 条更正已保留（已失效）。") \
        .replace("%1", str(len(report.removed))).replace("%2", str(report.notes_orphaned)) \
        .replace("%3", str(report.corrections_orphaned))


class DocumentRemoval(QObject):
    """The library's multi-selection, its context menu and the removal itself."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.confirm: Callable[[QWidget, RemovalPreview], bool] = confirm_removal
        table = window.library_pane.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.ask_remove)

    def selected_ids(self) -> list[int]:
        table = self.window.library_pane.table
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return sorted({int(index.data(DOC_ID_ROLE)) for index in rows if index.data(DOC_ID_ROLE) is not None})

    def menu_for(self, doc_ids: list[int]) -> QMenu:
        menu = QMenu(self.window)
        action = menu.addAction(tr("移除 %1 份文档…").replace("%1", str(len(doc_ids))))
        action.setEnabled(bool(doc_ids))
        action.triggered.connect(lambda _checked=False: self.ask_remove(doc_ids))
        return menu

    def _menu(self, position: QPoint) -> None:
        table = self.window.library_pane.table
        self.menu_for(self.selected_ids()).exec(table.viewport().mapToGlobal(position))

    def ask_remove(self, doc_ids: list[int] | None = None) -> RemovalReport | None:
        """Remove the documents (the selected ones by default) once the reviewer confirms."""
        window = self.window
        ids = self.selected_ids() if doc_ids is None else doc_ids
        if not ids and window.current is not None and window.current.id is not None:
            ids = [window.current.id]
        if not ids or window.ops.busy(*LONG_WRITES):
            return None
        preview = window.library.removal_preview(ids)
        if not preview.documents or not self.confirm(window, preview):
            return None
        return self.remove([d.doc_id for d in preview.documents])

    def remove(self, doc_ids: list[int]) -> RemovalReport | None:
        report = write_or_tell(self.window, lambda: self.window.library.remove_documents(doc_ids))
        if report is None:
            return None
        self.window.documents_changed({d.doc_id for d in report.removed})
        self.window.statusBar().showMessage(removal_summary(report), 10000)
        return report
