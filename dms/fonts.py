"""Where the CJK TrueType font comes from, for the screen (`dms.ui.fonts`) and the paper
(`dms.reports.fonts`) alike, so what the advisor sees is what the customer signs (DESIGN §7).

Best first: the file named by the settings key "cjk_font", the project's own
`resources/fonts/*.ttf|*.ttc`, then well-known system files. No Qt and no reportlab here.
"""

from __future__ import annotations

import os
from pathlib import Path

from dms.paths import FONTS

PROJECT_FONTS = FONTS
SYSTEM_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",          # Debian/Ubuntu fonts-wqy-microhei
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",          # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",              # AR PL UMing
    "/usr/share/fonts/arphic-uming/uming.ttc",
)
WINDOWS_FILES = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc")


def system_candidates() -> list[Path]:
    paths = [Path(p) for p in SYSTEM_CANDIDATES]
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        paths += [Path(windir) / "Fonts" / name for name in WINDOWS_FILES]
    return paths


def candidates(settings: dict, project_dir: Path | None = None) -> list[Path]:
    """Font files to try, best first."""
    found: list[Path] = []
    if settings.get("cjk_font"):
        found.append(Path(settings["cjk_font"]).expanduser())
    project = Path(project_dir or PROJECT_FONTS)
    if project.is_dir():
        found += sorted(p for p in project.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    return found + system_candidates()
