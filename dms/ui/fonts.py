"""Register one TrueType CJK font for the whole application (DESIGN §7).

The printed documents (reportlab) can only embed TrueType-outline CJK fonts, so the screen uses
the very same font file: what the advisor sees is what the customer signs. The first usable
candidate wins: the file named in the settings ("cjk_font"), then the project's own
`resources/fonts/*.ttf|*.ttc`, then well-known system files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from dms.fonts import PROJECT_FONTS, candidates

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegisteredFont:
    path: Path
    family: str


def _load(path: Path) -> str | None:
    """Add `path` to Qt's font database; the family name if it covers Simplified Chinese."""
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.info("Qt could not load font file %s", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    log.info("Font %s (%s) has no Simplified Chinese glyphs", path, ", ".join(families))
    QFontDatabase.removeApplicationFont(font_id)
    return None


def register_cjk_font(settings: dict | None = None,
                      paths: list[Path] | None = None) -> RegisteredFont | None:
    """Register the first usable CJK TrueType font and make it the application font.

    Needs a QGuiApplication. Returns the file and family used, or None (with a warning in the
    log) when no candidate exists; Chinese text then falls back to whatever Qt finds, which on
    a bare system means boxes.
    """
    for path in paths if paths is not None else candidates(settings or {}):
        family = _load(path)
        if family is None:
            continue
        font = QGuiApplication.font()
        font.setFamilies([family])
        QGuiApplication.setFont(font)
        log.info("CJK font: %s from %s", family, path)
        return RegisteredFont(path=path, family=family)
    log.warning(
        "No CJK TrueType font found: Chinese text may show as boxes on screen and printing "
        "will fail. Install WenQuanYi Micro Hei (Debian: fonts-wqy-microhei), put a .ttf/.ttc "
        "into %s, or set \"cjk_font\" in the settings file to a font path.", PROJECT_FONTS)
    return None
