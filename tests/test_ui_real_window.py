"""The real application in a real X server (issue 20): `python -m dms` on its first start under
Xvfb, signed in, a car looked up at the front desk and the workshop board opened, all with real X
input (xdotool), in Chinese — what offscreen tests cannot see: focus, keyboard input through X,
Chinese text typed and drawn with the CJK font, the start path itself. The driver is
tests/xvfb_real_window.py; its screenshots stay in the test's tmp directory. Skipped only where
no Xvfb binary exists (scripts/install-system-deps.sh installs xvfb and xdotool)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("xvfb_real_window.py")


def busy(shot: dict) -> bool:
    """A painted screen: many colours, none covering most of it (blank or black is one)."""
    return shot["distinct"] > 50 and shot["top_share"] < 0.8


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="no Xvfb binary")
def test_the_real_application_signs_in_finds_a_car_and_opens_the_board(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable,
                           str(DRIVER), str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["login_title"] == "登录 DMS"
    assert "系统管理员" in seen["main_title"]  # signed in as the demo's manager, in Chinese
    assert seen["main_title_after"] == seen["main_title"]  # still the one window, still signed in
    assert seen["plate"].startswith("京")
    assert busy(seen["frontdesk"]) and busy(seen["board"]), seen
    assert not seen["traceback"], seen["stderr_tail"]
