"""Application set-up: fonts, language, identity (the GUI entry point is viewer.ui.startup)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from viewer.ui.i18n import install_language
from viewer.ui.main_thread_gc import collect_on_main_thread

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
    collect_on_main_thread(app)
    return app
