"""Application set-up (fonts, language, identity) and the GUI entry point."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from viewer.ui.i18n import install_language

ORGANIZATION = "PolicyViewer"
APPLICATION = "policy-viewer"
# Windows, macOS and Linux fonts that cover simplified Chinese, in order of preference.
CJK_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun"]


def application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The running QApplication, created and set up on first call."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        if language is not None:
            install_language(language)
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(sys.argv[:1] if argv is None else argv)
    app.setApplicationDisplayName("政策报告查看器")
    font = QFont(app.font())
    font.setFamilies([*CJK_FONTS, *font.families()])
    app.setFont(font)
    if language is None:
        language = str(QSettings().value("ui/language", "zh"))
    install_language(language)
    return app


def run_gui(store_path: str | Path, lang: str | None = None, lexicon_problem: str = "") -> int:
    """The GUI; `lang` ("zh"/"en") overrides the language setting for this run. A store that
    cannot be used is told in a dialog, and the exit code is the command line's for it.
    `lexicon_problem`: why the user's lexicon is not used, told once the window shows."""
    import time

    started = time.perf_counter()
    app = application(language=lang)
    from viewer.services.store_problems import as_store_error
    from viewer.ui.main_window import MainWindow
    from viewer.ui.store_errors import show_store_error

    try:
        window = MainWindow(store_path)
        window.restore_session()
        window.show()
        window.startup_seconds = time.perf_counter() - started
        if lexicon_problem:
            window.tell_lexicon_problem(lexicon_problem)
        window.start_up_work()  # the demo built, or a reviewer's store offered the removal of old samples
    except Exception as error:
        problem = as_store_error(error, store_path)
        if problem is None:
            raise
        return show_store_error(None, problem)
    return app.exec()
