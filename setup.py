"""`pip install .` puts resources/ into the wheel as dms/resources/, with the translations
compiled from the .ts sources there and then (the .qm files are build output, never committed),
so an installed DMS needs no source tree. An editable install reads resources/ in place."""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_translations import build  # noqa: E402


class BuildWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "dms" / "resources"
        shutil.copytree(ROOT / "resources", target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.ts", "*.qm"))
        build(ROOT / "resources" / "translations", target / "translations")


setup(cmdclass={"build_py": BuildWithResources})
