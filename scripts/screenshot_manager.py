"""The manager workspace's screenshots (scripts/screenshot.py calls `run_manager` per
language): signed in as the demo manager (admin), each page of the workspace and its dialogs.

    manager_dashboard_{lang}.png   the KPI dashboard of the last 30 days
"""

from __future__ import annotations

from datetime import timedelta

from dms import clock
from dms.app import AppSession
from dms.ui.tasks import TaskRunner

MANAGER, PASSWORD = "admin", "admin123"


def run_manager(helpers, args, db, shots) -> None:
    """`helpers`: the screenshot module (wait_until, settle, with_dialog, NoSettings...)."""
    h = helpers
    runner = TaskRunner()
    session = AppSession(db, runner, h.NoSettings(), username=MANAGER)
    try:
        session.start()
        session.login.password.setText(PASSWORD)
        session.login.sign_in()
        h.wait_until(lambda: session.window is not None or session.login.error.isVisible(),
                     "the manager's sign-in")
        if session.window is None:
            raise SystemExit(f"screenshot: {MANAGER} cannot sign in")
        window = session.window
        window.resize(*h.SIZE)
        ws = window.show_workspace("manager")
        idle = lambda: not runner.busy  # noqa: E731

        board = ws.dashboard
        today = clock.now().astimezone().date()
        board.period.setCurrentIndex(2)  # the last 30 days: the demo's orders
        board.load()
        h.wait_until(lambda: idle() and board.result is not None
                     and board.result["period"]["from"] == today - timedelta(days=29),
                     "the KPI dashboard")
        h.settle()
        shots.save("manager_dashboard", window.grab())

        window.close()
        window.deleteLater()
    finally:
        session.close()
        runner.shutdown()
        session.login.deleteLater()
        session.deleteLater()
        h.drop_deleted()
