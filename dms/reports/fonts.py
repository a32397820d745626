"""The CJK font of the printed documents (DESIGN §7): found, registered with reportlab once per
process, and checked against every string drawn.

Search order, as the screen's `dms.ui.fonts`: the file named by the settings key "cjk_font",
then the project's own `resources/fonts/*.ttf|*.ttc`, then well-known system files. Only
TrueType-outline fonts can be embedded by reportlab (CFF/OpenType-PS fonts such as Noto CJK are
skipped with their reason). No Qt here.

A character the font lacks would print as nothing or a box: `CheckedTTFont` records every such
character while a document is drawn, and `coverage()` turns them into one clear error.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from dms import fonts as font_files
from dms.errors import ConfigError, ValidationError

PROBE = "结算单派工出门证"  # a font that lacks these is no Chinese font
FIX = ("Install WenQuanYi Micro Hei (Debian/Ubuntu: apt-get install fonts-wqy-microhei), copy "
       "a TrueType (.ttf/.ttc) Chinese font into {project}, or set \"cjk_font\" in the settings "
       "file to the path of one (for example C:\\Windows\\Fonts\\msyh.ttc).")

_lock = threading.Lock()
_registered: dict[str, str] = {}  # resolved path → reportlab font name
_sink = threading.local()


class FontNotFound(ConfigError):
    code = "documents.font_missing"
    default = "No usable Chinese TrueType font was found for printing (tried: {tried}). " + FIX


class GlyphMissing(ValidationError):
    code = "documents.glyph_missing"
    default = ("The printing font {font} has no glyph for {chars}; the document was not "
               "printed. Change the text, or configure a font that has these characters "
               "(settings key \"cjk_font\").")


class CheckedTTFont(TTFont):
    """A TTFont that notes every character it is asked to draw but has no glyph for."""

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        missing = getattr(_sink, "chars", None)
        if missing is not None:
            cmap = self.face.charToGlyph
            if isinstance(text, bytes):
                text = text.decode(encoding)
            missing.update(c for c in text if ord(c) >= 32 and ord(c) not in cmap
                           and c != "\xa0")
        return super().splitString(text, doc, encoding)


def load_settings() -> dict:
    from dms.db import load_settings as load

    return load()


def candidates(settings: dict | None = None) -> list[Path]:
    """Font files to try, best first (`dms.fonts`), with the settings file by default."""
    return font_files.candidates(load_settings() if settings is None else settings)


def _register(path: Path) -> str:
    """Register `path` (once per process); raises TTFError or ValueError when it is unusable."""
    key = str(path.resolve())
    with _lock:
        if key in _registered:
            return _registered[key]
        name = f"DmsCJK{len(_registered)}"
        font = CheckedTTFont(name, key, subfontIndex=0)
        lacking = [c for c in PROBE if ord(c) not in font.face.charToGlyph]
        if lacking:
            raise ValueError("no Chinese glyphs")
        pdfmetrics.registerFont(font)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        _registered[key] = name
        return name


def cjk_font(settings: dict | None = None) -> str:
    """The reportlab name of the first usable CJK TrueType font; FontNotFound if none is."""
    tried = []
    for path in candidates(settings):
        if not path.is_file():
            tried.append(f"{path} (not there)")
            continue
        try:
            return _register(path)
        except (TTFError, ValueError, OSError) as exc:  # CFF outlines, not CJK, unreadable
            tried.append(f"{path} ({exc})")
    raise FontNotFound(tried="; ".join(tried) or "nothing", project=font_files.PROJECT_FONTS)


@contextmanager
def coverage(font_name: str):
    """Collect the characters drawn without a glyph; raise GlyphMissing naming them."""
    previous = getattr(_sink, "chars", None)
    _sink.chars = missing = set()
    try:
        yield missing
    finally:
        _sink.chars = previous
    if missing:
        chars = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in sorted(missing))
        raise GlyphMissing(font=font_name, chars=chars)


def check_text(font_name: str, *texts: str) -> None:
    """Fail now if the font lacks a character of `texts` (for text measured but not drawn)."""
    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    missing = {c for t in texts if t for c in t if ord(c) >= 32 and ord(c) not in cmap}
    if missing:
        chars = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in sorted(missing))
        raise GlyphMissing(font=font_name, chars=chars)
