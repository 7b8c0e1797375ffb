"""Which language the UI speaks, and the translators that make it so.

The source strings are Simplified Chinese, the default for every user; English is a translation
(resources/i18n/inspector_en.ts, compiled to .qm at build) chosen when the user's UI language is
English, or by INSPECTOR_LANG=en / zh_CN. Qt's own dialogs (file dialogs, OK/Cancel) follow.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from inspector import i18n as core_i18n
from inspector.paths import resource

log = logging.getLogger("inspector.ui")

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)


def choose_language(environ: Mapping[str, str] = os.environ) -> str:
    """INSPECTOR_LANG if set, else English for a user whose first UI language is English, else Chinese."""
    wanted = environ.get("INSPECTOR_LANG", "").strip()
    if wanted:
        return ENGLISH if wanted.lower().startswith("en") else CHINESE
    languages = QLocale.system().uiLanguages()
    first = languages[0].lower() if languages else ""
    return ENGLISH if first.startswith("en") else CHINESE


def app_translation_file(language: str) -> str | None:
    """The compiled translation of our own strings; None for Chinese (the source language)."""
    if language == CHINESE:
        return None
    return str(resource("i18n", f"inspector_{language}.qm"))


def install_translations(app: QApplication, language: str = CHINESE) -> list[QTranslator]:
    """Set the default locale and install Qt's and our translators; returns those installed.

    The core's refusals (``core.i18n.say``) go through the same translators."""
    installed: list[QTranslator] = []
    core_i18n.install(QCoreApplication.translate)
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        ours = QTranslator(app)
        path = app_translation_file(language)
        if path and ours.load(path):
            app.installTranslator(ours)
            installed.append(ours)
        else:  # a checkout where `make qm` did not run: stay usable, in Chinese
            log.warning("English translation not found: %s", path)
        return installed  # Qt's own strings are English already
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        if qt.load(name, folder):
            app.installTranslator(qt)
            installed.append(qt)
            break
    else:
        log.warning("Qt zh_CN translations not found in %s", folder)
    return installed
