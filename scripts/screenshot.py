"""Screenshots of the login dialog and the lookup workspace in Simplified Chinese.

Runs offscreen against an upgraded database with the demo data loaded, signs in as advisor1
through the login dialog (the same service call as the application), types a plate fragment
into the lookup, selects the first result and saves

    docs/screenshots/login_zh_CN.png
    docs/screenshots/lookup_zh_CN.png

Usage: .venv/bin/python scripts/screenshot.py --url sqlite:///path/to/dms.sqlite3 [--text 京A]
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QThread  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dms.app import AppSession  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.ui import fonts, i18n  # noqa: E402
from dms.ui.tasks import TaskRunner  # noqa: E402

log = logging.getLogger("screenshot")
LANGUAGE = "zh_CN"


class NoSettings:
    """Screenshots must not depend on (or change) the settings of whoever runs them."""

    def load(self) -> dict:
        return {}

    def save(self, settings: dict) -> None:
        pass


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshot: timed out waiting for {what}")
        QCoreApplication.processEvents()
        QThread.msleep(20)
    QCoreApplication.processEvents()


def settle(ms: int = 300) -> None:
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        QThread.msleep(10)


def translations_dir() -> Path:
    """The built catalogue if it is current, else one built now into a temporary directory."""
    ts = ROOT / "resources" / "translations" / f"dms_{LANGUAGE}.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm.parent
    out = Path(tempfile.mkdtemp(prefix="dms-qm-"))
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(out / qm.name)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="database URL with the demo data loaded")
    parser.add_argument("--text", default="京A", help="what to type into the lookup (京A)")
    parser.add_argument("--user", default="advisor1")
    parser.add_argument("--password", default="demo123")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("dms")
    app.setApplicationName("dms")
    if fonts.register_cjk_font({}) is None:
        raise SystemExit("screenshot: no CJK font; Chinese would render as boxes")
    if not i18n.install_translators(LANGUAGE, translations_dir()):
        raise SystemExit("screenshot: the zh_CN translation could not be loaded")
    args.out.mkdir(parents=True, exist_ok=True)

    db = Database(args.url)
    runner = TaskRunner()
    try:
        session = AppSession(db, runner, NoSettings(), username=args.user)
        session.start()
        login = session.login
        login.password.setText(args.password)
        settle()
        login.grab().save(str(args.out / f"login_{LANGUAGE}.png"))
        login.sign_in()
        wait_until(lambda: session.window is not None or login.error.isVisible(), "sign-in")
        if session.window is None:
            raise SystemExit(f"screenshot: sign-in failed: {login.error.text()}")

        window = session.window
        window.resize(1280, 800)
        lookup = window.lookup
        lookup.search.setFocus()
        lookup.search.setText(args.text)
        wait_until(lambda: lookup.model.rowCount() > 0, f"results for {args.text!r}")
        lookup.table.selectRow(0)
        lookup.table.setFocus()
        wait_until(lambda: lookup.card.card is not None, "the customer card")
        settle()
        path = args.out / f"lookup_{LANGUAGE}.png"
        window.grab().save(str(path))
        print(f"Saved {args.out / f'login_{LANGUAGE}.png'} and {path}")
        window.close()
    finally:
        runner.shutdown()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
