"""The UI's translation layer: strings are written in Chinese and translated through Qt.

The English catalogue is `resources/i18n/viewer_en.ts`, compiled to `viewer_en.qm` with
pyside6-lrelease. All UI strings share the context `viewer`, so `tr()` works in any module.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from viewer.resources import resource_path

CONTEXT = "viewer"
LANGUAGES = {"zh": "中文", "en": "English"}

_installed: list[QTranslator] = []


def tr(text: str, n: int = -1) -> str:
    """Translate `text`; with n >= 0, "%n" is replaced by n (and plural forms apply)."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


def catalogue_path(language: str) -> str:
    return str(resource_path("i18n", f"viewer_{language}.qm"))


def install_language(language: str) -> bool:
    """Install the catalogue for `language` ("zh" needs none). Returns False if it is missing."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return True
    translator = QTranslator(app)
    if not translator.load(catalogue_path(language)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return True
