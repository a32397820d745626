"""The manager workspace's screenshots (scripts/screenshot.py calls `run_manager` per
language): signed in as the demo manager (admin), each page of the workspace and its dialogs.

    manager_dashboard_{lang}.png   the KPI dashboard of the last 30 days
    manager_reports_{lang}.png     reports and exports, the work orders chosen
    manager_users_{lang}.png       administration: staff and roles
    manager_user_dialog_{lang}.png the dialog of an existing user
    manager_labour_{lang}.png      administration: labour operations
    manager_labour_dialog_{lang}.png  one labour operation's form
    manager_tiers_{lang}.png       administration: membership tiers
    manager_rules_{lang}.png       administration: discount limits and store rules
    manager_store_{lang}.png       administration: the store's record, its dialog beside
    manager_store_dialog_{lang}.png
    manager_bays_{lang}.png        administration: bays and trades (capacity per kind)
    manager_bay_dialog_{lang}.png  one bay's form
    manager_package_items_{lang}.png  a maintenance package's items
    manager_pdi_{lang}.png         administration: the PDI checklist
    manager_housekeeping_{lang}.png   data housekeeping after a run
    manager_times_{lang}.png       standard times learned from the clocks
"""

from __future__ import annotations

from datetime import timedelta

from dms import clock
from dms.app import AppSession
from dms.ui.manager.admin import SECTIONS
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

        ws.tabs.setCurrentWidget(ws.reports)
        ws.reports.select("workorders")
        h.settle()
        shots.save("manager_reports", window.grab())

        admin = ws.admin
        ws.tabs.setCurrentWidget(admin)
        for section, name, dialog_name in (("users", "manager_users", "manager_user_dialog"),
                                           ("labour_operation", "manager_labour",
                                            "manager_labour_dialog"),
                                           ("membership_tier", "manager_tiers", None),
                                           ("rules", "manager_rules", None),
                                           ("store", "manager_store", "manager_store_dialog"),
                                           ("bay", "manager_bays", "manager_bay_dialog"),
                                           ("maintenance_package", None,
                                            "manager_package_items")):
            admin.sections.setCurrentRow(SECTIONS.index(section))
            h.wait_until(lambda: idle() and admin.model.rowCount() > 0, f"the list {section}")
            admin.table.selectRow(min(1, admin.model.rowCount() - 1))
            h.settle()
            if name:
                shots.save(name, window.grab())
            if dialog_name:
                (admin.edit_items if section == "maintenance_package" else admin.edit)()
                h.wait_until(idle, "the dialog")
                h.settle()
                shots.save(dialog_name, h.with_dialog(window, ws.dialog))
                h.close_dialog(ws.dialog)

        admin.sections.setCurrentRow(SECTIONS.index("pdi_template"))
        h.wait_until(lambda: idle() and admin.pdi_page.table.rowCount() > 0, "the PDI checklist")
        h.settle()
        shots.save("manager_pdi", window.grab())
        admin.sections.setCurrentRow(SECTIONS.index("housekeeping"))
        h.wait_until(idle, "the expiry settings")
        admin.housekeeping_page.run()
        h.wait_until(lambda: idle() and admin.housekeeping_page.last_run is not None,
                     "the housekeeping run")
        h.settle()
        shots.save("manager_housekeeping", window.grab())

        ws.tabs.setCurrentWidget(ws.times)
        h.wait_until(lambda: idle() and ws.times.model.rowCount() > 0, "the standard times")
        h.settle()
        shots.save("manager_times", window.grab())

        window.close()
        window.deleteLater()
    finally:
        session.close()
        runner.shutdown()
        session.login.deleteLater()
        session.deleteLater()
        h.drop_deleted()
