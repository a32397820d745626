"""Build the .qm catalogues from the .ts sources with PySide6's lrelease: what `make
translations` does, and what setup.py does for a wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease() -> str:
    """pyside6-lrelease beside this Python (a venv), else on PATH (pip's build environment)."""
    return (shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
            or shutil.which("pyside6-lrelease") or "pyside6-lrelease")


def build(sources: Path = SOURCES, target: Path | None = None) -> list[Path]:
    """Compile every sources/*.ts into target (default: beside it); the .qm files written."""
    target = target or sources
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(sources.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([lrelease(), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        written.append(qm)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
