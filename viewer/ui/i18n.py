"""The UI's translation layer: strings are written in Chinese and translated through Qt.

The English catalogue is `resources/i18n/viewer_en.ts`, compiled to `viewer_en.qm` with
pyside6-lrelease. All UI strings share the context `viewer`, so `tr()` works in any module.
In Chinese, Qt's own dialogs and buttons (file dialogs, OK/Cancel) speak Chinese through Qt's
catalogue `qtbase_zh_CN.qm`, which PySide6 ships. Punctuation that code puts between words
comes from `colon`, `in_brackets` and `list_separator`: full-width in Chinese only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from viewer.resources import resource_path

CONTEXT = "viewer"
LANGUAGES = {"zh": "中文", "en": "English"}
QT_CATALOGUE = "qtbase"  # Qt's own strings: dialogs, standard buttons, text field menus

_installed: list[QTranslator] = []
_current = ["zh"]


def tr(text: str, n: int = -1) -> str:
    """Translate `text`; with n >= 0, "%n" is replaced by n (and plural forms apply)."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


def current_language() -> str:
    """The language installed last ("zh" until one is)."""
    return _current[0]


def colon() -> str:
    return "：" if _current[0] == "zh" else ": "


def in_brackets(text: str) -> str:
    """（text） after a Chinese word, " (text)" after an English one."""
    return f"（{text}）" if _current[0] == "zh" else f" ({text})"


def list_separator() -> str:
    return "、" if _current[0] == "zh" else ", "


def catalogue_path(language: str) -> str:
    return str(resource_path("i18n", f"viewer_{language}.qm"))


def qt_catalogue_folders() -> list[Path]:
    """Where Qt's translations are: Qt's own answer, else beside the PySide6 package (a frozen
    bundle keeps them under PySide6/Qt/translations or PySide6/translations)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               package / "Qt" / "translations", package / "translations"]
    return [f for f in dict.fromkeys(folders) if f.is_dir()]


def _qt_translator(app: QCoreApplication, locale: QLocale) -> QTranslator | None:
    for folder in qt_catalogue_folders():
        translator = QTranslator(app)
        if translator.load(locale, QT_CATALOGUE, "_", str(folder)):
            return translator
    return None


def install_language(language: str) -> bool:
    """Install the catalogue for `language` ("zh" needs none of ours, only Qt's for its own
    dialogs). Returns False if our catalogue is missing."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh":
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        QLocale.setDefault(locale)
        qt = _qt_translator(app, locale)
        if qt is not None:
            app.installTranslator(qt)
            _installed.append(qt)
        _current[0] = "zh"
        return True
    translator = QTranslator(app)
    if not translator.load(catalogue_path(language)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _current[0] = language
    return True
