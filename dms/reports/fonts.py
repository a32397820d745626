"""The CJK font of the printed documents (DESIGN §7): found, registered with reportlab once per
process, and checked against every string drawn.

Search order, as the screen's `dms.ui.fonts`: the file named by the settings key "cjk_font",
then the project's own `resources/fonts/*.ttf|*.ttc`, then well-known system files. Only
TrueType-outline fonts can be embedded by reportlab (CFF/OpenType-PS fonts such as Noto CJK are
skipped with their reason). No Qt here.

Chinese fonts lack symbols a 4S document uses (WenQuanYi Micro Hei maps ℃ to an empty glyph):
such characters are drawn in a symbol font (DejaVu Sans, `symbol_font()`), run by run — `markup()`
for paragraphs, `draw_string()` and `string_width()` for the canvas. A glyph counts only if it
has an outline. A character neither font has would print as nothing or a box: `CheckedTTFont`
records every such character while a document is drawn, and `coverage()` turns them into one
clear error.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from dms import fonts as font_files
from dms.errors import ConfigError, ValidationError

PROBE = "结算单派工出门证"  # a font that lacks these is no Chinese font
FIX = ("Install WenQuanYi Micro Hei (Debian/Ubuntu: apt-get install fonts-wqy-microhei), copy "
       "a TrueType (.ttf/.ttc) Chinese font into {project}, or set \"cjk_font\" in the settings "
       "file to the path of one (for example C:\\Windows\\Fonts\\msyh.ttc).")

# TrueType fonts with the symbols Chinese fonts lack (℃, ✗…), best first.
SYMBOL_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian/Ubuntu fonts-dejavu-core
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",  # Fedora
    "/usr/share/fonts/TTF/DejaVuSans.ttf",  # Arch
)
WINDOWS_SYMBOL_FILES = ("seguisym.ttf", "arial.ttf")

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


def _drawable(face, char: str) -> bool:
    """The face has an outline for `char` (spaces need none); some fonts map a character to an
    empty glyph, which prints as nothing."""
    if ord(char) < 32:
        return True
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None:
        return False
    return char.isspace() or face.glyphPos[glyph + 1] > face.glyphPos[glyph]


class CheckedTTFont(TTFont):
    """A TTFont that notes every character it is asked to draw but has no glyph for."""

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        missing = getattr(_sink, "chars", None)
        if missing is not None:
            if isinstance(text, bytes):
                text = text.decode(encoding)
            missing.update(c for c in text if not self.has(c))
        return super().splitString(text, doc, encoding)

    def has(self, char: str) -> bool:
        return _drawable(self.face, char)


def load_settings() -> dict:
    from dms.db import load_settings as load

    return load()


def candidates(settings: dict | None = None) -> list[Path]:
    """Font files to try, best first (`dms.fonts`), with the settings file by default."""
    return font_files.candidates(load_settings() if settings is None else settings)


def _register(path: Path, probe: str = PROBE) -> str:
    """Register `path` (once per process); raises TTFError or ValueError when it is unusable
    (or lacks the characters of `probe`)."""
    key = str(path.resolve())
    with _lock:
        if key in _registered:
            return _registered[key]
        name = f"DmsFont{len(_registered)}"
        font = CheckedTTFont(name, key, subfontIndex=0)
        if not all(font.has(c) for c in probe):
            raise ValueError("no Chinese glyphs" if probe == PROBE else f"no glyph for {probe}")
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


_symbols: list[str | None] = []  # the symbol font's name once looked for (None: there is none)


def symbol_font() -> str | None:
    """The reportlab name of the symbol font (first found of SYMBOL_CANDIDATES), or None."""
    with _lock:
        if _symbols:
            return _symbols[0]
    paths = [Path(p) for p in SYMBOL_CANDIDATES]
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        paths += [Path(windir) / "Fonts" / name for name in WINDOWS_SYMBOL_FILES]
    found = None
    for path in paths:
        if path.is_file():
            try:
                found = _register(path, probe="℃")
                break
            except (TTFError, ValueError, OSError):
                continue
    with _lock:
        _symbols[:] = [found]
    return found


def _face(font_name: str):
    return pdfmetrics.getFont(font_name).face


def runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """`text` cut into (piece, font) runs: the symbol font for what `font_name` cannot draw
    and the symbol font can; everything else in `font_name` (the check names what is left)."""
    main, symbols = _face(font_name), None
    out: list[tuple[str, str]] = []
    for char in text:
        use = font_name
        if not _drawable(main, char):
            name = symbol_font()
            if name is not None:
                symbols = symbols or _face(name)
                if _drawable(symbols, char):
                    use = name
        if out and out[-1][1] == use:
            out[-1] = (out[-1][0] + char, use)
        else:
            out.append((char, use))
    return out


def markup(text: str, font_name: str) -> str:
    """`text` as Paragraph markup (escaped), with the symbol font's runs in <font> tags."""
    return "".join(escape(piece) if name == font_name
                   else f'<font face="{name}">{escape(piece)}</font>'
                   for piece, name in runs(text, font_name))


def string_width(text: str, font_name: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, name, size) for piece, name in runs(text, font_name))


def draw_string(canvas, x: float, y: float, text: str, font_name: str, size: float,
                anchor: str = "start") -> None:
    """canvas.drawString with the symbol font for what the main font lacks; `anchor` is
    "start", "middle" or "end" as for drawString, drawCentredString, drawRightString."""
    pieces = runs(text, font_name)
    width = sum(pdfmetrics.stringWidth(piece, name, size) for piece, name in pieces)
    x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
    for piece, name in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, name, size)
    canvas.setFont(font_name, size)


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
    """Fail now if neither the font nor the symbol font has a character of `texts` (for text
    drawn outside `coverage`, such as a page header measured before the build)."""
    missing = {c for t in texts if t for piece, name in runs(t, font_name) for c in piece
               if not _drawable(_face(name), c)}
    if missing:
        chars = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in sorted(missing))
        raise GlyphMissing(font=font_name, chars=chars)
