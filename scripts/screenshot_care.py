"""The customer-care workspace's screenshots (scripts/screenshot.py calls `run_care` per
language; `--only care` renders just these), signed in as care1:

    care_calls_{lang}        the reminder call list (maintenance due), first row selected
    care_call_{lang}         the call dialog over it
    care_booking_{lang}      booking from the call (the front desk's dialog, package due)
    care_followups_{lang}    the follow-up queue (calls due in the next 3 days)
    care_followup_{lang}     the follow-up dialog: outcome, scores 1-5, issue, result
    care_complaints_{lang}   the complaints (overdue ones red) and the selected one in full
    care_assign_{lang}       handing a complaint over: owner and deadline
    care_resolve_{lang}      root cause, resolution, prevention note
    care_new_complaint_{lang}  a complaint by phone: customer, text, source, severity, owner

Showing the lists writes to the database as the screen does (reminders made where missing,
overdue complaints escalated); no dialog is confirmed.
"""

from __future__ import annotations

from dms import auth
from dms.ui.tasks import TaskRunner

AGENT, PASSWORD = "care1", "demo123"


def run_care(helpers, args, db, shots) -> None:
    """`helpers`: the screenshot module (wait_until, settle, with_dialog, NoSettings...)."""
    from dms.app import create_main_window

    h = helpers
    runner = TaskRunner()
    window = create_main_window(db, auth.authenticate(db, AGENT, PASSWORD), runner,
                                h.NoSettings())
    try:
        window.resize(*h.SIZE)
        window.show()
        ws = window.show_workspace("care")
        idle = lambda: not runner.busy  # noqa: E731

        def page_shown(tab: int, what: str):
            ws.show_tab(tab)
            page = ws.tabs.currentWidget()
            h.wait_until(lambda: idle() and not page.model.loading
                         and page.model.rowCount() > 0, what)
            page.view.selectRow(0)
            return page

        def dialog_shot(name: str, opener) -> None:
            opener()
            dialog = ws.dialog
            if dialog is None or not dialog.isVisible():
                raise SystemExit(f"screenshot: the {name} dialog did not open")
            h.wait_until(idle, f"the {name} dialog's reads")
            h.settle()
            shots.save(name, h.with_dialog(window, dialog))
            h.close_dialog(dialog)

        page_shown(0, "the call list")
        h.settle()
        shots.save("care_calls", window.grab())
        dialog_shot("care_call", ws.record_call)
        dialog_shot("care_booking", ws.book)

        ws.show_tab(1)
        ws.follow_ups.due.setCurrentIndex(1)  # the next 3 days: the demo's open calls
        page_shown(1, "the follow-up queue")
        h.settle()
        shots.save("care_followups", window.grab())
        dialog_shot("care_followup", ws.record_follow_up)

        complaints = page_shown(2, "the complaints")
        h.wait_until(lambda: idle() and complaints.detail is not None, "the complaint in full")
        h.settle()
        shots.save("care_complaints", window.grab())
        dialog_shot("care_assign", ws.assign)
        dialog_shot("care_resolve", ws.resolve)
        dialog_shot("care_new_complaint", ws.new_complaint)
        window.close()
        window.deleteLater()
    finally:
        runner.shutdown()
        h.drop_deleted()
