"""The day's steps, each done on its role's own screen and counted by the robot:
`step(seat, robot, **args) -> dict` (what its screen shows that later steps need, such as the
order's number). A step waits only on what the person would see; it never reloads a screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

SHOWN_MS = 10_000
ADDED_WORK = "玻璃水不足，建议添加"
ADDED_HOURS = "0.3"
ADDED_PART = "00232-19049"  # 玻璃水 -25℃ 2L (dms.demo.catalogue.WASHER_FLUID)
QC_FAULT = "机滤未拧紧，有渗油"


def wait(seat, condition) -> None:
    """Until the seat's screen shows it (the event loop runs meanwhile)."""
    seat.bot.waitUntil(condition, timeout=SHOWN_MS)


def tomorrow() -> date:
    from dms import clock

    return clock.now().astimezone().date() + timedelta(days=1)


def _preview():
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "printPreview" and w.isVisible()), None)


def _close_preview(seat, robot) -> None:
    """The printed sheet is handed over; Esc closes the preview, the seat is back at work."""
    wait(seat, lambda: _preview() is not None and _preview().isActiveWindow())
    robot.key(_preview(), Qt.Key.Key_Escape)
    wait(seat, lambda: _preview() is None)
    seat.focus()


def _dialog(seat, ws, name: str):
    wait(seat, lambda: ws.dialog is not None and ws.dialog.objectName() == name
         and ws.dialog.isVisible() and ws.dialog.isActiveWindow())
    return ws.dialog


def _pick(seat, robot, view, row: int) -> None:
    """The person clicks the row unless it is the current one and its list has the keyboard."""
    if view.currentIndex().row() != row or not view.hasFocus():
        rect = view.visualRect(view.model().index(row, 0))
        robot.click_at(view.viewport(), rect.center(), f"row {row}")
    wait(seat, lambda: view.currentIndex().row() == row and view.hasFocus())


def _closed(seat, dialog) -> None:
    wait(seat, lambda: not dialog.isVisible() or dialog.message_bar.isVisible())
    assert not dialog.isVisible(), dialog.message_bar.text()


# -- front desk (advisor) -----------------------------------------------------------------------
def book_by_phone(seat, robot, plate: str) -> dict:
    """The owner phones: the advisor finds the car by its plate and books 首保 for tomorrow."""
    desk = seat.window.show_workspace("frontdesk")
    search = desk.search_page.search
    wait(seat, lambda: QApplication.focusWidget() is search)
    robot.type(search, plate[-5:])
    robot.key(search, Qt.Key.Key_Return)
    wait(seat, lambda: desk.file_page.file is not None
         and desk.file_page.file.plate == plate)
    robot.shortcut("Ctrl+B")
    dialog = _dialog(seat, desk, "bookingDialog")
    wait(seat, lambda: dialog.package.findData("FS") > 0
         and dialog.day_capacity is not None)
    robot.key(dialog.package, Qt.Key.Key_Down)  # 首保, tomorrow 09:00
    assert dialog.package.currentData() == "FS" and dialog.channel.currentData() == "phone"
    robot.key(dialog.package, Qt.Key.Key_F9)
    _closed(seat, dialog)
    return {}


def check_in(seat, robot, plate: str, mileage: int) -> dict:
    """Tomorrow's booking arrives: from the book, Ctrl+Enter, the check-in (mileage, fuel, two
    damage marks, valuables, the package), F9 saves and prints the sheet; the estimate editor
    opens."""
    desk = seat.window.workspace("frontdesk")
    robot.shortcut("F3")
    page = desk.book_page
    day = tomorrow()
    robot.shortcut("Alt+Right")
    wait(seat, lambda: page.capacity is not None and page.capacity.day == day
         and page.bookings.rowCount() == 1)
    assert page.bookings.row_at(0).plate == plate
    wait(seat, lambda: page.arrive_action.isEnabled())
    robot.shortcut("Ctrl+Return")
    checkin = desk.checkin_page
    wait(seat, lambda: desk.pages.currentWidget() is checkin and checkin.file is not None
         and bool(checkin.packages) and checkin.draft.promised is not None)
    robot.key(checkin.complaint, Qt.Key.Key_Tab)
    robot.type(checkin.mileage, str(mileage))
    robot.shortcut("Alt+5")
    wait(seat, lambda: checkin.fuel.value() == 5)
    robot.click(checkin.package_group.button(0))  # 首保 FS, as booked
    car = checkin.walk.car
    for view, x, y in (("front", 0.5, 0.78), ("rear", 0.5, 0.3)):  # two scratches marked
        robot.click_at(car, car.point_for(view, x, y).toPoint(), view)
    robot.click(checkin.valuables["phone"])  # a phone left in the car
    assert checkin.missing() == [], checkin.missing()
    robot.shortcut("F9")
    _close_preview(seat, robot)
    order = desk.order_page
    wait(seat, lambda: desk.pages.currentWidget() is order and order.header is not None
         and order.model.rowCount() > 0)
    return {"number": order.header.number, "order_id": order.header.id,
            "state": order.header.state}


def _on_the_order(seat, robot, keys: str, state: str, dialog: str | None = None,
                  printed: bool = False) -> dict:
    """One key on the open order (and F9 in its dialog, if it has one) moves it to `state`;
    a printed document opens in the preview and is closed once handed over."""
    desk = seat.window.workspace("frontdesk")
    page = desk.order_page
    robot.shortcut(keys)
    if dialog:
        shown = _dialog(seat, desk, dialog)
        robot.key(QApplication.focusWidget(), Qt.Key.Key_F9)
        _closed(seat, shown)
    wait(seat, lambda: page.lines.state == state)
    if printed:
        _close_preview(seat, robot)
    return {"state": page.lines.state}


def issue_estimate(seat, robot) -> dict:
    """The package's jobs and parts are on the order: F9 issues the estimate and prints it."""
    return _on_the_order(seat, robot, "F9", "ESTIMATED", printed=True)


def approve_estimate(seat, robot) -> dict:
    """The customer signs the estimate: Ctrl+Enter, F9."""
    return _on_the_order(seat, robot, "Ctrl+Return", "AUTHORIZED", "approveDialog")


def approve_added_work(seat, robot, number: str) -> dict:
    """The technician's finding, priced (Ctrl+P) and agreed on the phone (Ctrl+Enter)."""
    desk = seat.window.workspace("frontdesk")
    page = desk.queue_page
    robot.shortcut("F4")
    wait(seat, lambda: desk.pages.currentWidget() is page and page.model.rowCount() == 1
         and page.selected() is not None)
    assert page.selected().number == number and ADDED_WORK in page.selected().description
    robot.shortcut("Ctrl+P")
    wait(seat, lambda: page.model.row_at(0).waiting_price == 0
         or desk.message_bar.level == "error")
    assert desk.message_bar.level != "error", desk.message_bar.text()
    robot.shortcut("Ctrl+Return")
    wait(seat, lambda: page.model.rowCount() == 0)
    return {}


def pre_settle(seat, robot) -> dict:
    """READY: Ctrl+Shift+S pre-settles, the slip opens in the preview, the order goes to the
    cashier."""
    return _on_the_order(seat, robot, "Ctrl+Shift+S", "PRESETTLED", printed=True)


def deliver(seat, robot) -> dict:
    """Paid, gate pass issued: Ctrl+Shift+D, the keys handed back (ticked), F9."""
    return _on_the_order(seat, robot, "Ctrl+Shift+D", "DELIVERED", "deliverDialog")


# -- workshop board (dispatcher) and QC desk (inspector) ------------------------------------
def dispatch_by_drag(seat, robot, number: str, technician: str) -> dict:
    """Each of the order's waiting jobs dragged onto the technician's lane of the plan (through
    the model's drop handling, as the board tests do)."""
    from dms.ui.workshop import moves
    from dms.ui.workshop.board_page import PLAN

    ws = seat.window.show_workspace("workshop")
    if ws.board_page.view_name != PLAN:
        robot.shortcut("Alt+2")  # from the lanes by state to the plan by technician
    tech = next(t for t in ws.model.board.technicians if t.name == technician)
    lane = ws.board_page.lanes[PLAN][moves.tech_lane(tech.id)]
    jobs = [c for c in ws.model.board.cards if c.job.number == number and c.lane == "waiting"]
    assert jobs
    for card in jobs:
        robot._count(f"drag {card.job.plate} {card.job.name} to {technician}")
        data = ws.model.mimeData([ws.model.index(ws.model.row_of(card.id), 0)])
        move = Qt.DropAction.MoveAction
        assert lane.model.canDropMimeData(data, move, -1, -1, QModelIndex()), \
            ws.model.last_refusal
        assert lane.model.dropMimeData(data, move, -1, -1, QModelIndex())
        wait(seat, lambda: ws.model.card(card.id).lane == "dispatched")
    return {"jobs": len(jobs)}


def qc_row(seat, number: str):
    ws = seat.window.workspace("workshop")
    page = ws.qc_page
    rows = [page.queue.row_at(r) for r in range(page.queue.rowCount())]
    return ws, page, next((r for r in rows if r.number == number), None)


def _select_qc(seat, robot, number: str):
    seat.window.show_workspace("workshop")
    ws, page, item = qc_row(seat, number)
    _pick(seat, robot, page.table, page.queue.row_of(item.work_order_id))
    return ws, page, item


def qc_fail(seat, robot, number: str) -> dict:
    """Final inspection fails: Shift+F9, the reason, the rework owner (the one who did it, as
    proposed), Alt+J and ↓ down to the faulty job (the oil filter's) alone, F9."""
    ws, page, item = _select_qc(seat, robot, number)
    robot.shortcut("Shift+F9")
    dialog = page.dialog
    wait(seat, lambda: QApplication.activeWindow() is dialog)
    robot.type(dialog.reason, QC_FAULT)
    robot.shortcut("Alt+J")
    wait(seat, lambda: QApplication.focusWidget() is dialog.jobs)
    faulty = next(row for row in range(dialog.jobs.count())
                  if "机油滤清器" in dialog.jobs.item(row).text())
    for _ in range(faulty + 1):
        robot.key(dialog.jobs, Qt.Key.Key_Down)
    assert len(dialog.rework_jobs()) == 1
    robot.key(dialog.jobs, Qt.Key.Key_F9)
    wait(seat, lambda: not dialog.isVisible() or dialog.message_bar.isVisible())
    assert not dialog.isVisible(), dialog.message_bar.text()
    wait(seat, lambda: page.queue.row_of(item.work_order_id) == -1)
    return {}


def qc_pass(seat, robot, number: str) -> dict:
    ws, page, item = _select_qc(seat, robot, number)
    robot.key(page.table, Qt.Key.Key_F9)
    wait(seat, lambda: page.queue.row_of(item.work_order_id) == -1)
    return {}


# -- technician terminal ---------------------------------------------------------------------
def terminal(seat):
    return seat.window.show_workspace("technician")


def clock_on(seat, robot, number: str) -> dict:
    """F4: the first of my jobs is selected, clocked on."""
    ws = terminal(seat)
    wait(seat, lambda: ws.actions["technician.clock_on"].isEnabled()
         and ws.jobs_page.selected() is not None)
    assert ws.jobs_page.selected().number == number
    robot.shortcut("F4")
    wait(seat, lambda: ws.jobs_page.clocked_job() is not None)
    return {}


def propose_added_work(seat, robot) -> dict:
    """Found under the bonnet: Ctrl+N, what was found, the hours it takes, the part, F9; the
    car waits for the customer."""
    ws = terminal(seat)
    wait(seat, lambda: ws.actions["technician.added_work"].isEnabled())
    robot.shortcut("Ctrl+N")
    dialog = _dialog(seat, ws, "addedWorkDialog")
    robot.type(dialog.description, ADDED_WORK)
    robot.shortcut("Alt+H")
    robot.type(dialog.hours, ADDED_HOURS)
    robot.shortcut("Alt+A")
    robot.type(dialog.parts, ADDED_PART)
    robot.key(dialog.parts, Qt.Key.Key_F9)
    _closed(seat, dialog)
    wait(seat, lambda: ws.jobs_page.selected().order_state == "PAUSED")
    return {}


def finish_jobs(seat, robot) -> dict:
    """Every job of mine: F4 clocks on (the one in hand already is), Ctrl+D done and clocked
    off; then the self-check (Ctrl+E, all OK, F9) sends the car to QC."""
    ws = terminal(seat)
    page = ws.jobs_page
    while any(j.state != "done" for j in page.model.rows):
        if page.clocked_job() is None:
            wait(seat, lambda: ws.actions["technician.clock_on"].isEnabled())
            robot.shortcut("F4")
            wait(seat, lambda: page.clocked_job() is not None or ws.message_bar.level == "error")
            assert page.clocked_job() is not None, ws.message_bar.text()  # e.g. its bay taken
        wait(seat, lambda: ws.actions["technician.job_done"].isEnabled())
        robot.shortcut("Ctrl+D")
        wait(seat, lambda: page.clocked_job() is None
             and page.selected().state != "in_progress")
    wait(seat, lambda: ws.actions["technician.self_check"].isEnabled())
    robot.shortcut("Ctrl+E")
    dialog = _dialog(seat, ws, "selfCheckDialog")
    robot.click(dialog.all_ok)
    robot.key(dialog.note, Qt.Key.Key_F9)
    _closed(seat, dialog)
    return {}


# -- parts counter (warehouse clerk) ---------------------------------------------------------
def scan_parts(seat, robot, number: str) -> dict:
    """The job card scanned opens the order; each part taken from its bin is scanned: no key or
    click a line (a scan is the scanner's, not the clerk's)."""
    counter = seat.window.show_workspace("counter")
    field = counter.scan_field
    wait(seat, lambda: QApplication.focusWidget() is field)

    def scan(text: str) -> None:
        robot.log.append(f"scan {text}")
        field.clock = _burst()
        seat.bot.keyClicks(field, text)
        seat.bot.keyClick(field, Qt.Key.Key_Return)

    scan(number)
    picking = counter.picking
    wait(seat, lambda: picking.head is not None and picking.head.number == number
         and picking.lines.rowCount() > 0)
    for row in list(picking.lines.rows):
        for _ in range(int(row.to_pick)):
            counter.feedback.clear_feedback()
            scan(row.barcodes[0])
            wait(seat, lambda: counter.feedback.level in ("ok", "refused"))
            assert counter.feedback.level == "ok", counter.feedback.text()
    wait(seat, lambda: all(r.to_pick == 0 for r in picking.lines.rows))
    return {"lines": picking.lines.rowCount()}


def _burst():
    """A scanner's clock for the scan field: its keys 2 ms apart (no sleeping)."""
    now = [1_000.0]

    def clock() -> float:
        now[0] += 2
        return now[0]
    return clock


# -- cashier ------------------------------------------------------------------------------------
def split_payment(seat, robot, number: str, cash: str, reference: str) -> dict:
    """The job card scanned, Enter; `cash` in cash and the rest by WeChat Pay (Ins, its
    reference scanned); F9 settles and prints the slip and the gate pass."""
    desk = seat.window.show_workspace("cashier")
    search = desk.queue_page.search
    wait(seat, lambda: QApplication.focusWidget() is search)
    robot.type(search, number)
    robot.key(search, Qt.Key.Key_Return)
    page = desk.settlement_page
    wait(seat, lambda: page.view is not None and page.isVisible()
         and page.view.work_order_number == number)
    editor = page.payments
    cash_row = editor.rows[0]
    robot.click(cash_row.amount)
    robot.shortcut("Ctrl+A")
    robot.type(cash_row.amount, cash)
    robot.shortcut("Ins")
    wechat = editor.rows[-1]
    assert wechat.key() == "wechat"
    robot.key(wechat.method, Qt.Key.Key_Tab)
    robot.key(wechat.amount, Qt.Key.Key_Tab)
    robot.type(wechat.reference, reference)
    robot.shortcut("F9")
    wait(seat, lambda: desk.pages.currentWidget() is desk.queue_page
         and "gate pass" in desk.message_bar.text().lower())
    return {"message": desk.message_bar.text()}


# -- customer care -----------------------------------------------------------------------------
def follow_up_call(seat, robot, number: str) -> dict:
    """The call after delivery: Enter on the order's follow-up, overall 5, the result
    "Satisfied", F9."""
    ws = seat.window.show_workspace("care")
    page = ws.follow_ups
    _pick(seat, robot, page.view, page.model.row_of(follow_up_id(page, number)))
    robot.key(page.view, Qt.Key.Key_Return)
    from dms.ui.care.followups import FollowUpDialog

    wait(seat, lambda: isinstance(ws.dialog, FollowUpDialog) and ws.dialog.isVisible()
         and ws.dialog.scores["overall"].hasFocus())
    dialog = ws.dialog
    robot.type(dialog.scores["overall"], "5")
    robot.shortcut("Alt+R")
    robot.key(dialog.result, Qt.Key.Key_Down)  # "Satisfied"
    robot.key(dialog.result, Qt.Key.Key_F9)
    _closed(seat, dialog)
    return {}


def follow_up_id(page, number: str) -> int | None:
    return next((r.id for r in page.model.rows if r.work_order_number == number), None)


STEPS = {f.__name__: f for f in (
    book_by_phone, check_in, issue_estimate, approve_estimate, approve_added_work, pre_settle,
    deliver, dispatch_by_drag, qc_fail, qc_pass, clock_on, propose_added_work, finish_jobs,
    scan_parts, split_payment, follow_up_call)}
