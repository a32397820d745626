"""`pip install .` gives a working application: the wheel, installed into a fresh venv and run
outside the source tree, upgrades a database, loads the demo, signs in headless and shows the
main window in Chinese (translations and resources are package data, not found in a checkout).

Slow by nature (about a minute: a build, a venv, the dependencies from pip's cache or index).
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SIGN_IN = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from dms import paths
from dms.app import AppSession
from dms.db import Database
from dms.ui import fonts, i18n
from dms.ui.tasks import TaskRunner

app = QApplication([])
assert i18n.install_translators("zh_CN"), "no catalogue"
fonts.register_cjk_font({})
runner = TaskRunner()
session = AppSession(Database(sys.argv[1]), runner)
session.start()
session.login.username.setText("advisor1")
session.login.password.setText("demo123")
session.login.sign_in()

def check():
    if session.window is None:
        return
    print(paths.TRANSLATIONS)
    print(session.window.windowTitle())
    print(session.window.workspace("frontdesk").search_page.search.placeholderText())
    app.quit()

poll = QTimer(interval=50, timeout=check)
poll.start()
QTimer.singleShot(60000, lambda: (print("no main window", file=sys.stderr), app.exit(1)))
code = app.exec()
runner.shutdown()
sys.exit(code)
"""


def _run(*args, cwd, env, timeout=300) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_wheel_installs_and_runs_outside_the_source_tree(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           # a settings file and data directory of its own, not the developer's
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    env.pop("PYTHONPATH", None)
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "-q", "-w", wheels,
         cwd=tmp_path, env=env)
    (wheel,) = wheels.glob("dms-*.whl")

    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    python, dms = fresh / "bin" / "python", fresh / "bin" / "dms"
    _run(python, "-m", "pip", "install", "-q", wheel, cwd=tmp_path, env=env)

    elsewhere = tmp_path / "elsewhere"  # not the checkout: nothing found relative to it
    elsewhere.mkdir()
    assert _run(dms, "--version", cwd=elsewhere, env=env).strip().startswith("dms ")
    url = f"sqlite:///{tmp_path / 'installed.db'}"
    _run(dms, "db", "upgrade", "--url", url, cwd=elsewhere, env=env)
    assert "advisor1" in _run(dms, "demo", "--url", url, cwd=elsewhere, env=env)

    (script := tmp_path / "sign_in.py").write_text(SIGN_IN, encoding="utf-8")
    translations, title, placeholder = _run(python, script, url, cwd=elsewhere,
                                            env=env).splitlines()[-3:]
    assert Path(translations).is_relative_to(fresh)  # the wheel's own copy, compiled at build
    assert "北京京华现代汽车4S店" in title
    assert placeholder == "车牌号、VIN 码、电话、姓名、工单号或发票号"
