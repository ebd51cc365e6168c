"""A store that cannot be written (a read-only folder such as a shared drive, a read-only file) is
shown for reading: the actions that would write are disabled, and the status bar says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from viewer.ui.i18n import tr

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

WRITING_ACTIONS = ("import", "import_folder", "reanalyse", "remove_documents", "add_note", "correct_figure",
                   "recheck", "undo", "redo")


def read_only_text() -> str:
    return tr("只读：该文档库所在的文件夹或文件不可写入。可以阅读和导出，不能导入、批注或更正。"
              "如需修改，请把它复制到可写的文件夹后再打开。")


def apply_read_only(window: MainWindow) -> QLabel:
    """Disable what writes, refuse dropped files, and say so in the status bar for good."""
    for name in WRITING_ACTIONS:
        action = window.actions_by_name.get(name)
        if action is not None:
            action.setEnabled(False)
    window.setAcceptDrops(False)
    label = QLabel(tr("只读"))
    label.setObjectName("read_only_store")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(read_only_text())
    window.statusBar().addPermanentWidget(label)
    window.statusBar().showMessage(read_only_text())
    return label
