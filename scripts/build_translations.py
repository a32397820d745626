"""Build resources/translations/*.qm from the .ts sources (what `make translations` does)."""

import shutil
import subprocess
import sys
from pathlib import Path

folder = Path(__file__).resolve().parent.parent / "resources" / "translations"
lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
for ts in sorted(folder.glob("*.ts")):
    subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
