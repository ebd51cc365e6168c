"""帮助 → 示例: the demo store (the bundled fictional samples, built on first use) in a window of
its own, whose title says it is the demo; and, for a reviewer's store that still holds the
samples from an earlier version, the offer to remove them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer.ui.i18n import tr

if TYPE_CHECKING:
    from viewer.model.library_changes import RemovalReport
    from viewer.ui.import_worker import ImportController
    from viewer.ui.main_window import MainWindow

DECLINED_KEY = "samples/kept"  # stores whose reviewer chose to keep the samples: not asked again


def demo_title() -> str:
    return tr("示例文档库（虚构报告，仅供演示）")


def open_demo(window: MainWindow) -> MainWindow:
    """The demo window, raised if open, else opened (and its store built or brought up to date)."""
    from viewer.services.demo import demo_store_path
    from viewer.ui.main_window import MainWindow

    if window.is_demo:
        return window
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.is_demo and widget.isVisible():
            widget.raise_()
            widget.activateWindow()
            return widget
    path = demo_store_path()
    settings = QSettings(str(path.parent / "demo-window.ini"), QSettings.Format.IniFormat)
    demo = MainWindow(path, settings=settings, ingest=window.ingest)
    demo.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    demo.restore_session()
    demo.show()
    build_demo(demo)
    window.demo_window = demo
    return demo


def build_demo(demo: MainWindow) -> ImportController | None:
    """Import the bundled samples into the demo store when it lacks any of them (first use, or
    samples changed by an update); None when it is complete."""
    from viewer.services.demo import demo_is_current, sample_paths

    if not demo.is_demo or demo_is_current(demo.library.conn):
        return None
    return demo.start_import(sample_paths(), show_summary=False)


def offer_sample_removal(window: MainWindow, ask: bool = True) -> RemovalReport | None:
    """A reviewer's store holding the bundled samples (every store got them before the demo had
    a store of its own): ask once whether to remove them; `ask=False` removes them at once."""
    if window.is_demo:
        return None
    ids = window.library.sample_documents()
    settings = window.session.settings
    value = settings.value(DECLINED_KEY, [])
    declined = [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
    if not ids or str(window.store_path) in declined:
        return None
    if ask:
        preview = window.library.removal_preview(ids)
        answer = QMessageBox.question(
            window, tr("示例报告"),
            tr("此文档库中有 %1 份软件自带的虚构示例报告。它们的虚构城市会出现在图表、核查和审阅报告中。"
               "示例现在有自己的文档库（帮助 → 示例）。\n\n从此文档库中移除这些示例吗？"
               "它们的 %2 条批注、%3 条更正会保留（标为“已失效”）。")
            .replace("%1", str(len(ids))).replace("%2", str(preview.notes)).replace("%3", str(preview.corrections)))
        if answer != QMessageBox.StandardButton.Yes:
            settings.setValue(DECLINED_KEY, [*declined, str(window.store_path)])
            return None
    return window.removal.remove(ids)
