"""Choose the user interface language and install the Qt translators for it.

Source strings are English; `resources/translations/dms_<lang>.qm` (built from the `.ts` by
`pyside6-lrelease`, see the Makefile's `translations` target) holds the other languages, and
`dms_en` the English plural forms of the "%n …" texts ("1 result", "2 results").
Qt's own strings (dialog buttons, context menus) come from qtbase_<lang>.qm shipped with PySide6.
Installing a translator sends LanguageChange to every widget, and the widgets retranslate
themselves, so a switch applies at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dms.paths import TRANSLATIONS

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = TRANSLATIONS
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "en"  # the source language: a translator for plural forms only

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def system_language() -> str:
    """zh_CN when the system locale is Chinese, English otherwise."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return DEFAULT_LANGUAGE


def choose_language(settings: dict | None = None) -> str:
    """The language saved in the settings ("language"), else the system's."""
    language = (settings or {}).get("language")
    if language in LANGUAGES:
        return language
    if language:
        log.warning("Unknown language %r in settings; using the system language", language)
    return system_language()


def current_language() -> str:
    return _language


def install_translators(language: str, directory: Path | None = None) -> bool:
    """Replace the installed translators with those for `language`.

    Returns False when the application's own catalogue is missing (texts stay English).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    global _language
    remove_translators()
    QLocale.setDefault(QLocale(language))
    _language = language
    if language != DEFAULT_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            _install(app, qt_translator)
    own = QTranslator(app)
    own_dir = directory or TRANSLATIONS_DIR
    if not own.load(f"dms_{language}", str(own_dir)):
        log.warning("No translation catalogue dms_%s.qm in %s: run `make translations`",
                    language, own_dir)
        return False
    _install(app, own)
    return True


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def remove_translators() -> None:
    global _language
    _language = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
