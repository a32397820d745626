"""The real `dms` process in a real X server, driven by real X input (issue 20), run by
tests/test_ui_real_window.py inside xvfb-run. Nothing of the application is imported here: it
starts `python -m dms` as a person's first start would (a new home, so the embedded database is
created and the demo loaded; Chinese locale), then, with xdotool, signs in as the manager, looks
a car up by its plate at the front desk (Chinese characters typed through X), and opens the
workshop board with Ctrl+2. At each step it grabs the screen (Qt's xcb platform, a separate
client of the same X server) into OUT_DIR and prints one JSON line of what it saw; the steps
wait until the vehicle file and the board's cards are drawn (read by the application's reader
processes).

    xvfb-run -a -s "-screen 0 1366x768x24" python tests/xvfb_real_window.py OUT_DIR
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

STEP_SECONDS = 60.0  # the first start creates the database and loads the demo
FAILED = Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "timed-out.png"


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def until(condition, what: str, seconds: float = STEP_SECONDS):
    """Poll `condition` until it returns something truthy; that value (SystemExit on timeout)."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            grab().save(str(FAILED))
            raise SystemExit(f"xvfb_real_window: timed out waiting for {what} (see {FAILED})")
        time.sleep(0.1)  # a polling interval between X round trips, not a wait for an outcome


def window_named(part: str):
    """The visible top-level window whose title contains `part`: (id, title), or None."""
    for wid in xdotool("search", "--onlyvisible", "--name", "DMS").split():
        title = xdotool("getwindowname", wid)
        if part in title:
            return wid, title
    return None


def grab() -> QImage:
    return QGuiApplication.primaryScreen().grabWindow(0).toImage()


def settled_change(before: QImage, what: str) -> QImage:
    """The screen once it differs from `before` and two grabs in a row agree (painted)."""
    last = [grab()]

    def changed_and_still():
        now = grab()
        same = now == last[0]
        last[0] = now
        return now if same and now != before else None

    return until(changed_and_still, what)


def colours(image: QImage) -> dict:
    """How busy a screen is: distinct colours and the share of the commonest one, sampled on a
    grid (a blank or single-colour screen has one colour at ~100 %)."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    return {"distinct": len(counts), "top_share": round(max(counts.values()) / sum(counts.values()), 3)}


def cards_shown(image: QImage) -> bool:
    """The board's lanes have cards on them: at 1366×768 the lanes fill the window from y=180
    to 680, white while empty (three quarters of the samples there), two thirds covered once
    the demo's cars are drawn."""
    samples = [image.pixel(x, y) & 0xFFFFFF == 0xFFFFFF
               for y in range(180, 680, 8) for x in range(10, 1330, 8)]
    return sum(samples) / len(samples) < 0.6


def search_field_gone(image: QImage) -> bool:
    """The front desk shows a vehicle's file: the search field (white, across the window at
    y=64) has given way to the file's heading."""
    row = [image.pixel(x, 64) & 0xFFFFFF == 0xFFFFFF for x in range(200, 1300, 8)]
    return sum(row) / len(row) < 0.5


def save(image: QImage, out: Path, name: str) -> dict:
    path = out / f"{name}.png"
    image.save(str(path))
    return {"file": str(path), **colours(image)}


def a_plate(home: Path) -> str:
    database = home / "data" / "dms" / "dms.sqlite3"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as con:
        return con.execute("SELECT plate FROM vehicle WHERE plate IS NOT NULL ORDER BY id LIMIT 1"
                           ).fetchone()[0]


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    home = out / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DMS_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"), LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    app = QGuiApplication([sys.argv[0]])
    dms = subprocess.Popen([sys.executable, "-m", "dms"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    seen: dict = {}
    try:
        wid, seen["login_title"] = until(lambda: window_named("登录"), "the sign-in dialog")
        xdotool("windowfocus", "--sync", wid)
        seen["login"] = save(grab(), out, "login")
        xdotool("type", "--delay", "20", "admin")
        xdotool("key", "Return")
        xdotool("type", "--delay", "20", "admin123")
        before = grab()
        xdotool("key", "Return")
        wid, seen["main_title"] = until(lambda: window_named("—"), "the main window")
        xdotool("windowfocus", "--sync", wid)
        xdotool("key", "ctrl+1")
        shown = settled_change(before, "the front desk")
        seen["plate"] = plate = a_plate(home)
        xdotool("type", "--delay", "40", plate)
        typed = settled_change(shown, "the plate typed into the search")
        xdotool("key", "Return")  # one match: Enter opens its vehicle file
        settled_change(typed, "the front desk after Enter")
        seen["frontdesk"] = save(until(lambda: search_field_gone(image := grab()) and image,
                                       "the vehicle file"), out, "frontdesk")
        shown = grab()
        xdotool("key", "ctrl+2")
        settled_change(shown, "the workshop board")
        seen["board"] = save(until(lambda: cards_shown(image := grab()) and image,
                                   "the cards on the board"), out, "board")
        seen["main_title_after"] = window_named("—")[1]
    finally:
        dms.terminate()
        try:
            _, errors = dms.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            dms.kill()
            _, errors = dms.communicate()
        seen["traceback"] = "Traceback" in errors
        seen["stderr_tail"] = errors[-2000:]
        print(json.dumps(seen, ensure_ascii=False))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
