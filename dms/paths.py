"""Where the application's own files are. A wheel (`pip install .`) carries them inside the
package as `dms/resources/` with the translations compiled (see setup.py); a checkout or an
editable install reads `resources/` beside the package, where `make translations` builds them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSTALLED = _PACKAGE / "resources"
RESOURCES = _INSTALLED if _INSTALLED.is_dir() else _PACKAGE.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
FONTS = RESOURCES / "fonts"
