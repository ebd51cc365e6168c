"""Menus (文件 / 编辑 / 视图 / 帮助), the toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QToolBar

from viewer.ui.i18n import LANGUAGES, tr

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcuts: list[QKeySequence | StandardKey | str] | None = None,
            icon: QStyle.StandardPixmap | None = None) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        sequences = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}  # once each
        action.setShortcuts(list(sequences.values()))
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})")
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def _open_plan_evaluation(window: MainWindow) -> None:
    from viewer.ui.plan_dialog import open_plan_evaluation

    open_plan_evaluation(window)  # owned by the window, deleted when closed


def build_menus(window: MainWindow) -> dict[str, QAction]:
    icons = QStyle.StandardPixmap
    actions = {
        "import": _action(window, tr("导入报告…"), window.ask_import_files, [StandardKey.Open],
                          icons.SP_DialogOpenButton),
        "import_folder": _action(window, tr("导入文件夹…"), window.ask_import_folder, ["Ctrl+Shift+O"],
                                 icons.SP_DirOpenIcon),
        "reanalyse": _action(window, tr("重新分析…"), window.ask_reanalyse),
        "remove_documents": _action(window, tr("移除文档…"), window.ask_remove_documents),
        "demo": _action(window, tr("示例"), window.open_demo),
        "export_chart": _action(window, tr("导出图表…"), lambda: window.chart.ask_export_image()),
        "export_data": _action(window, tr("导出数据…"), lambda: window.chart.ask_export_data()),
        "export_review": _action(window, tr("导出审阅报告…"), window.review.ask_export_review, ["Ctrl+E"]),
        "quit": _action(window, tr("退出"), window.close, [StandardKey.Quit]),
        "undo": _action(window, tr("撤销"), window.review.undo_stack.undo, [StandardKey.Undo]),
        "redo": _action(window, tr("重做"), window.review.undo_stack.redo, [StandardKey.Redo, "Ctrl+Shift+Z"]),
        "copy": _action(window, tr("复制"), window.document_pane.view.copy, [StandardKey.Copy]),
        "add_note": _action(window, tr("添加批注…"), window.review.ask_add_note, ["Ctrl+M"],
                            icons.SP_FileDialogDetailedView),
        "correct_figure": _action(window, tr("更正数字…"), window.correction_editor.ask_correct_current, ["F2"]),
        "recheck": _action(window, tr("重新核查"), window.review.recheck, ["F5"], icons.SP_BrowserReload),
        "plan_evaluation": _action(window, tr("规划评估…"), lambda: _open_plan_evaluation(window), ["Ctrl+Shift+P"]),
        "find": _action(window, tr("在文档中查找…"), window.document_pane.open_find, [StandardKey.Find],
                        icons.SP_FileDialogContentsView),
        "search": _action(window, tr("搜索全部报告…"), window.focus_search, ["Ctrl+K"]),
        "next_figure": _action(window, tr("下一个数字"), lambda: window.step_figure(True), ["F3"],
                               icons.SP_ArrowDown),
        "previous_figure": _action(window, tr("上一个数字"), lambda: window.step_figure(False),
                                   ["Shift+F3"], icons.SP_ArrowUp),
        "next_mention": _action(window, tr("实体的下一处提及"), lambda: window.step_mention(True), ["F4"]),
        "previous_mention": _action(window, tr("实体的上一处提及"), lambda: window.step_mention(False),
                                    ["Shift+F4"]),
        "zoom_in": _action(window, tr("放大"), lambda: window.document_pane.view.zoom(1),
                           [StandardKey.ZoomIn, "Ctrl+="]),
        "zoom_out": _action(window, tr("缩小"), lambda: window.document_pane.view.zoom(-1),
                            [StandardKey.ZoomOut]),
        "zoom_reset": _action(window, tr("默认字号"), window.document_pane.view.reset_zoom, ["Ctrl+0"]),
        "about": _action(window, tr("关于…"), window.show_about),
    }
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("文件(&F)"))
    file_menu.addActions([actions["import"], actions["import_folder"], actions["reanalyse"],
                          actions["remove_documents"]])
    file_menu.addSeparator()
    file_menu.addActions([actions["export_chart"], actions["export_data"], actions["export_review"]])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    edit_menu = bar.addMenu(tr("编辑(&E)"))
    edit_menu.addActions([actions["undo"], actions["redo"]])
    edit_menu.addSeparator()
    edit_menu.addActions([actions["copy"], actions["add_note"], actions["correct_figure"]])
    edit_menu.addSeparator()
    edit_menu.addActions([actions["find"], actions["search"]])
    edit_menu.addSeparator()
    edit_menu.addActions([actions["next_figure"], actions["previous_figure"]])
    edit_menu.addActions([actions["next_mention"], actions["previous_mention"]])
    view_menu = bar.addMenu(tr("视图(&V)"))
    view_menu.addActions([actions["zoom_in"], actions["zoom_out"], actions["zoom_reset"]])
    view_menu.addSeparator()
    for number, dock in enumerate(window.docks.values(), start=1):
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(f"Ctrl+{number}"))
        view_menu.addAction(toggle)
    toolbar = QToolBar(tr("工具栏"), window)
    toolbar.setObjectName("main_toolbar")
    view_menu.addAction(toolbar.toggleViewAction())
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(tr("界面语言"))
    group = QActionGroup(window)
    for code, name in LANGUAGES.items():
        action = language_menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == window.language)
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        group.addAction(action)
        actions[f"language_{code}"] = action
    checks_menu = bar.addMenu(tr("核查(&R)"))
    checks_menu.addAction(actions["recheck"])
    checks_menu.addAction(actions["plan_evaluation"])
    attention = checks_menu.addAction(tr("只显示需关注的结果"))
    attention.setCheckable(True)
    attention.setChecked(True)
    attention.toggled.connect(window.review.checks_pane.set_attention_only)
    window.review.checks_pane.filter_box.currentIndexChanged.connect(
        lambda index: attention.setChecked(index == 0))
    help_menu = bar.addMenu(tr("帮助(&H)"))
    help_menu.addAction(actions["demo"])
    help_menu.addAction(actions["about"])
    help_menu.addAction(tr("关于 Qt…"), QApplication.aboutQt)
    toolbar.addActions([actions["import"], actions["find"]])
    toolbar.addSeparator()
    toolbar.addActions([actions["previous_figure"], actions["next_figure"]])
    toolbar.addSeparator()
    toolbar.addActions([actions["add_note"], actions["recheck"]])
    window.addToolBar(toolbar)
    _follow_undo_stack(window, actions["undo"], actions["redo"])
    return actions


def _follow_undo_stack(window: MainWindow, undo: QAction, redo: QAction) -> None:
    """Enable undo/redo only when there is something to undo or redo, and say what."""
    stack = window.review.undo_stack
    undo.setEnabled(False)
    redo.setEnabled(False)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(f"{tr('撤销')} {text}".strip()))
    stack.redoTextChanged.connect(lambda text: redo.setText(f"{tr('重做')} {text}".strip()))
