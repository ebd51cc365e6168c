"""Switching the interface language while the program runs, without a restart.

Qt swaps catalogues at once (its own dialogs and buttons follow), but every pane sets its words,
column titles and models when it is built. So the window is built again in the new language, on
the same store, where the reviewer was: size, docks, document, font size and entity filters come
back through the saved session. What does not come back is the undo history (its commands act on
the old window's panes): the reviewer is asked first when there is something to undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from viewer.ui.i18n import install_language, tr

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

# The windows built by a switch: Python must hold them, the caller that built the first one
# holds only that one.
open_windows: list[MainWindow] = []


def _busy(window: MainWindow) -> bool:
    return window.importer is not None or window.reanalyser is not None or window.ops.writing()


def switch_language(window: MainWindow, language: str) -> MainWindow | None:
    """The window again in `language`, shown where `window` was, which is closed; None when
    nothing changed (the same language, work still running, or the reviewer said no)."""
    if language == window.language:
        return None
    if _busy(window) or not _undo_history_may_go(window):
        if _busy(window):
            QMessageBox.information(window, tr("界面语言"), tr("导入、分析或核查正在进行，请在完成后再切换界面语言。"))
        _check_language(window, window.language)
        return None
    from viewer.ui.main_window import MainWindow

    window.session.set_language(language)
    install_language(language)
    window.save_session()
    replacement = MainWindow(window.store_path, window.session.settings, window.ingest)
    replacement.reanalyze = window.reanalyze
    replacement.restore_session()
    replacement.show()
    open_windows.append(replacement)
    if window in open_windows:
        open_windows.remove(window)
    window.close()
    window.deleteLater()
    replacement.statusBar().showMessage(tr("界面语言已切换。"), 5000)
    return replacement


def _undo_history_may_go(window: MainWindow) -> bool:
    if window.review.undo_stack.count() == 0:
        return True
    answer = QMessageBox.question(
        window, tr("界面语言"), tr("切换界面语言会重新打开窗口，撤销记录将清空（已做的修改都已保存）。现在切换吗？"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def _check_language(window: MainWindow, language: str) -> None:
    """The 界面语言 menu shows the language in use again (the click had checked the other)."""
    action = window.actions_by_name.get(f"language_{language}")
    if action is not None:
        action.setChecked(True)
