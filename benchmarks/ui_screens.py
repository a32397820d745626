"""The screens `benchmarks/ui.py` opens (DESIGN §9): for each, how the window is brought to
where the user acts, the user's key or click, and when the screen shows its answer; and the
sample texts a user types, taken from the database.

A screen of a workspace the signed-in user lacks, or that needs a permission they do not have,
is skipped (run as the manager, `--user admin`, to open every screen the manager may).
"""

from __future__ import annotations

import select
import subprocess
import sys
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from dms.db import Database
from dms.permissions import may

TIMEOUT_S = 30.0
BURST = 50  # scans in the counter's burst (issue #17: the GUI never blocked > 50 ms)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until `condition()` holds (checked every millisecond)."""
    if condition():
        return
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(1)
    check.timeout.connect(lambda: condition() and loop.quit())
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    check.start()
    deadline.start(int(TIMEOUT_S * 1000))
    loop.exec()
    check.stop()
    if not condition():
        raise SystemExit(f"ui.py: timed out waiting for {what}")


# -- screens ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Screen:
    """One screen: `prepare(window, term)` brings the window to where the user acts (untimed),
    `act(window, term)` is the user's key or click that opens it, `shown(window, term)` holds
    once the screen shows its answer. `terms` picks the sample texts (see `terms`)."""

    prepare: Callable[[QWidget, str], None]
    act: Callable[[QWidget, str], None]
    shown: Callable[[QWidget, str], bool]
    terms: tuple[str, ...] = ("plate", "vin6", "phone", "name")
    workspace: str = "frontdesk"  # skipped for a user without it (run as a manager: all)
    permission: str | None = None  # skipped for a user who may not (a manager issues no parts)

    def opens_for(self, user) -> bool:
        return self.permission is None or may(user.roles, self.permission)


def _desk(window):
    return window.workspace("frontdesk")


def _to_search(window, _term: str) -> None:
    """The front desk's search, whichever workspace the screen before left in front."""
    window.show_workspace("frontdesk").show_search()


def _type_search(window, term: str) -> None:
    _to_search(window, term)
    desk = _desk(window)
    search = desk.search_page.search
    search.selectAll()
    QTest.keyClick(search, Qt.Key.Key_Backspace)
    desk.search_page.run_search()  # the empty field: no rows, no card (each open starts clean)
    for char in term:  # Chinese arrives through the input method, the rest as keys
        if char.isascii():
            QTest.keyClick(search, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(search, event)


def _results_shown(window, term: str) -> bool:
    page = _desk(window).search_page
    return page.text == term and not page.model.loading and page.model.rowCount() > 0


def _search(window, term: str) -> None:
    """The results shown and nothing selected (Enter would move into them, as typing's pause
    does not: the search that runs after the debounce)."""
    _type_search(window, term)
    _desk(window).search_page.run_search()
    wait_until(lambda: _results_shown(window, term), f"results for {term!r}")


def _card_shown(window, _term: str) -> bool:
    page = _desk(window).search_page
    row, card = page.selected_row(), page.card.card
    return row is not None and card is not None and card.id == row.customer_id


def _file_shown(window, term: str) -> bool:
    desk = _desk(window)
    file = desk.file_page.file
    return (desk.pages.currentWidget() is desk.file_page and file is not None
            and file.plate == term)


def _care(window, tab: int):
    ws = window.show_workspace("care")
    if ws.tabs.currentIndex() != tab:
        ws.show_tab(tab)
    page = ws.tabs.currentWidget()
    wait_until(lambda: page.loads > 0 and not page.model.loading, "a care list")
    return ws, page


def _care_list(tab: int, choose: Callable, chosen: object):
    """prepare: the care tab's list showing another choice than `chosen` (the act picks it
    with Home), its loads counted; shown: a load answered since, for `chosen`."""
    def prepare(window, _term: str) -> None:
        _, page = _care(window, tab)
        box = choose(page)
        box.setCurrentIndex(1)
        wait_until(lambda: not page.model.loading, "the other list")
        _LOADS[tab] = page.loads
        box.setFocus()

    def act(window, _term: str) -> None:
        QTest.keyClick(choose(window.workspace("care").tabs.widget(tab)), Qt.Key.Key_Home)

    def shown(window, _term: str) -> bool:
        page = window.workspace("care").tabs.widget(tab)
        return (choose(page).currentData() == chosen and page.loads > _LOADS[tab]
                and not page.model.loading)

    return Screen(prepare, act, shown, ("plate",), workspace="care")


_LOADS: dict[int, int] = {}


def _board_emptied(window, _term: str) -> None:
    """The workshop board shown with no cards, so F5 loads all of them."""
    from dms.workshop.kanban import Board

    board = window.show_workspace("workshop")
    wait_until(lambda: board.loaded and not window.ctx.runner.busy, "the workshop board")
    board.show_board("state")
    board.model.set_board(Board((), (), ()))
    for lane in board.board_page.lanes["state"].values():
        lane.head.clear()  # as before the first load (an empty store's board repaints too)
    board.loaded = False


def _board_loaded(window, _term: str) -> None:
    """The workshop board shown with every card, so F5 reads them all again and merges them."""
    board = window.show_workspace("workshop")
    wait_until(lambda: board.loaded and not window.ctx.runner.busy, "the workshop board")
    board.show_board("state")
    board.loaded = False  # set again when the read has been merged in


def _board_shown(window, _term: str) -> bool:
    return window.workspace("workshop").loaded


_OTHER_SEAT: dict = {}  # its process, the job whose order it pauses and resumes, the lane


def _other_seat_changed(window, _term: str) -> None:
    """Another seat (`other_seat.py`, a process) pauses or resumes a car in repair. The feed's
    delivery is let through only as far as the board noting it (`stale`), so the timed part
    starts when the change arrives on the bus, not when the half-second poll (SQLite) saw it."""
    board = window.show_workspace("workshop")
    wait_until(lambda: board.loaded and not window.ctx.runner.busy, "the workshop board")
    board.show_board("state")
    if not _OTHER_SEAT:
        _OTHER_SEAT["seat"] = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("other_seat.py")), window.ctx.db.url,
             window.user.username], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        _OTHER_SEAT["job"] = next(c.id for c in board.model.rows
                                  if c.job.order_state == "IN_REPAIR")
    seat, card = _OTHER_SEAT["seat"], board.model.card(_OTHER_SEAT["job"])
    _OTHER_SEAT["lane"] = card.lane
    board.active = False  # as a hidden workspace: a change only marks it stale
    verb = "resume" if card.job.order_state == "PAUSED" else "pause"
    seat.stdin.write(f"{verb} {card.job.work_order_id}\n")
    seat.stdin.flush()
    wait_until(lambda: select.select([seat.stdout], [], [], 0)[0], "the other seat")
    if (answer := seat.stdout.readline().strip()) != "done":
        raise SystemExit(f"ui.py: the other seat failed: {answer}")
    wait_until(lambda: board.stale, "the other seat's change in the feed")
    board.stale, board.active = False, True


def _change_arrives(window, _term: str) -> None:
    from dms.changes import Change

    card = window.workspace("workshop").model.card(_OTHER_SEAT["job"])
    window.bus.publish([Change(0, "work_order", card.job.work_order_id, window.user.store_id)])


def _card_moved(window, _term: str) -> bool:
    return window.workspace("workshop").model.card(_OTHER_SEAT["job"]).lane != _OTHER_SEAT["lane"]


def _editor_shown(window, term: str) -> bool:
    page = _desk(window).order_page
    return (page.lines is not None and page.header is not None
            and page.lines.work_order_id == int(term) == page.header.id)


_QUEUE_LOADS = [0]


def _before_queue_read(window, term: str) -> None:
    """The search, and the added-work queue's reads counted: the screen is shown once F4's
    own read has answered, not an earlier one."""
    _to_search(window, term)
    _QUEUE_LOADS[0] = _desk(window).queue_page.loads


def _book_shown(window, _term: str) -> bool:
    desk = _desk(window)
    return desk.pages.currentWidget() is desk.book_page and desk.book_page.shown_day is not None


def _counter(window):
    return window.workspace("counter")


def _scan(window, text: str) -> None:
    """A USB scanner: the keys in one burst, then Enter."""
    field = _counter(window).scan_field
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def _to_queue(window, _term: str) -> None:
    counter = _counter(window)
    window.show_workspace("counter")
    counter.picking_back()
    wait_until(lambda: not counter.ctx.runner.busy, "the picking queue")


def _order_shown(window, term: str) -> bool:
    picking = _counter(window).picking
    head = picking.head
    return (head is not None and head.number == term.split("|")[0]
            and picking.shown_order == head.id and picking.lines.rowCount() > 0)


def _undo_last(window, term: str) -> None:
    """The order open and the previous scan undone, so every timed scan issues one unit."""
    counter = _counter(window)
    number = term.split("|")[0]
    if counter.undo_stack:  # first: the undo opens the order it took the unit back for
        count = len(counter.undo_stack)
        counter.undo()
        wait_until(lambda: len(counter.undo_stack) < count and not counter.ctx.runner.busy,
                   "the undo")
    if counter.picking.head is None or counter.picking.head.number != number:
        window.show_workspace("counter")
        counter.show_picking()
        _scan(window, number)
        wait_until(lambda: _order_shown(window, term), "the order to pick")
    if not counter.picking.taker.text():
        counter.picking.taker.setText("bench")  # who takes the parts, once per order
    counter.feedback.clear_feedback()


def _line_updated(window, term: str) -> bool:
    """The green flash, and the scanned line shown with its new issued quantity."""
    counter = _counter(window)
    line = next((r for r in counter.picking.lines.rows if term.split("|")[1] in r.barcodes),
                None)
    return (counter.feedback.level == "ok" and bool(counter.undo_stack) and line is not None
            and line.issued > 0 and line.part_line_id == counter.picking.focused_line)


def _to_parts(window, _term: str) -> None:
    window.show_workspace("counter")
    _counter(window).show_parts()


def _part_card_shown(window, term: str) -> bool:
    parts = _counter(window).parts
    return (parts.card is not None and term in parts.card.barcodes
            and parts.on_order is not None)


def counter_terms(db: Database, user, per_kind: int = 20) -> dict[str, list[str]]:
    """Job cards of queued orders with a reserved unit to pick ("number|barcode"), part
    barcodes, for a user who has the counter (a warehouse clerk or the manager); and for a
    clerk, an order with BURST reserved units to scan in one burst ("number|b1,b2,…"; made by
    `picking_workload.py`)."""
    from dms.parts.counter import picking_queue
    from dms.parts.picking import picking_list

    if not may(user.roles, "picking.queue"):
        return {"pick": [], "part_barcode": [], "burst": []}
    picks, burst = [], []
    for row in picking_queue(db, user, 0, 200):
        if not burst and row.to_pick >= BURST and may(user.roles, "picking.issue"):
            lines = [x for x in picking_list(db, user, row.id).lines
                     if x.barcodes and x.reserved >= x.to_pick > 0]
            # a unit of each line in turn, as the parts come off the shelves
            rounds = itertools.zip_longest(*([x.barcodes[0]] * int(x.to_pick) for x in lines))
            codes = [c for unit in rounds for c in unit if c]
            if len(codes) >= BURST:
                burst.append(f"{row.number}|{','.join(codes[:BURST])}")
                continue  # the burst's alone: the timed single scans go to other orders
        line = next((x for x in picking_list(db, user, row.id).lines
                     if x.to_pick > 0 and x.reserved > 0 and x.barcodes), None)
        if line is not None:
            picks.append(f"{row.number}|{line.barcodes[0]}")
        if len(picks) >= per_kind:
            break
    with db.engine.connect() as c:
        barcodes = c.execute(text("SELECT barcode FROM part_barcode WHERE store_id = :store "
                                  "ORDER BY id LIMIT :n"),
                             {"store": user.store_id, "n": per_kind}).scalars().all()
    return {"pick": picks, "part_barcode": list(barcodes), "burst": burst}
def _pdi(window):
    return window.show_workspace("pdi")


def _pdi_typed(window, term: str) -> None:
    desk = _pdi(window)
    desk.search.setText(term)
    desk._debounce.stop()  # the timed Enter searches, not the pause after typing


def _pdi_shown(window, term: str) -> bool:
    desk = _pdi(window)
    return desk.searched == term and not desk.list_model.loading


SCREENS: dict[str, Screen] = {
    # Enter in the search field → the result rows.
    "lookup": Screen(
        prepare=_type_search,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_Return),
        shown=_results_shown),
    # Down from the search field selects the first result → that customer's card.
    "customer_card": Screen(
        prepare=_search,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_Down),
        shown=_card_shown, terms=("plate",)),
    # A whole plate and Enter: the one match opens its vehicle file (history, declined work,
    # campaigns, plan, insurance, membership, complaints: one read).
    "vehicle_file": Screen(
        prepare=_type_search,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_Return),
        shown=_file_shown, terms=("plate_full",)),
    # F3 from the search: the appointment book, the day's bookings and capacity loaded.
    "appointment_book": Screen(
        prepare=_to_search,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_F3),
        shown=_book_shown, terms=("plate",)),
    # F5 on the workshop board (signed in as a dispatcher, --user dispatcher1): every open
    # job's card read and laid out in the lanes.
    "workshop_board": Screen(
        prepare=_board_emptied,
        act=lambda w, _t: QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_F5),
        shown=_board_shown, terms=("plate",), workspace="workshop"),
    # F5 on the board showing every card: all read again and merged in (what changed only).
    "workshop_refresh": Screen(
        prepare=_board_loaded,
        act=lambda w, _t: QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_F5),
        shown=_board_shown, terms=("plate",), workspace="workshop"),
    # Another seat pauses or resumes a car (it writes to the database): from the change on
    # this seat's bus to its card painted in its new lane (that order's cards read, merged).
    "workshop_change": Screen(
        prepare=_other_seat_changed, act=_change_arrives, shown=_card_moved,
        terms=("plate",), workspace="workshop", permission="workorder.pause"),
    # The parts counter (a clerk or the manager): a job card scanned → its lines on screen.
    "counter_order": Screen(
        prepare=_to_queue, act=lambda w, t: _scan(w, t.split("|")[0]), shown=_order_shown,
        terms=("pick",), workspace="counter"),
    # Scan to feedback: a part scanned on the open order → green, and its line updated.
    "counter_scan": Screen(
        prepare=_undo_last, act=lambda w, t: _scan(w, t.split("|")[1]), shown=_line_updated,
        terms=("pick",), workspace="counter", permission="picking.issue"),
    # A part scanned on the parts page → its card (stock, on order, the ledger's first page).
    "part_card": Screen(
        prepare=_to_parts, act=_scan, shown=_part_card_shown, terms=("part_barcode",),
        workspace="counter"),
    # The PDI desk (the advisor hands new cars over there): a VIN tail and Enter → the sheets.
    "pdi_sheets": Screen(
        prepare=_pdi_typed,
        act=lambda w, _t: QTest.keyClick(_pdi(w).search, Qt.Key.Key_Return),
        shown=_pdi_shown, terms=("vin6",), workspace="pdi"),
    # Enter on an open order (its id the term): the estimate editor, header and lines loaded.
    "estimate_editor": Screen(
        prepare=_to_search,
        act=lambda w, t: _desk(w).open_order(int(t)),
        shown=_editor_shown, terms=("order",)),
    # F4 from the search: the added-work queue, loaded.
    "added_work_queue": Screen(
        prepare=_before_queue_read,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_F4),
        shown=lambda w, _t: _desk(w).pages.currentWidget() is _desk(w).queue_page
        and _desk(w).queue_page.loads > _QUEUE_LOADS[0], terms=("plate",)),
    # Customer care (as care1 or the manager): back to the maintenance call list from
    # another kind (the due items computed and their reminders made where missing).
    "care_calls": _care_list(0, lambda page: page.kind, "maintenance"),
    # The follow-up queue, from the next 3 days' calls back to today's.
    "care_follow_ups": _care_list(1, lambda page: page.due, 0),
    # The complaints, from the closed ones back to those still open (Home in the filter).
    "care_complaints": _care_list(2, lambda page: page.filter, "open"),
}


def _cashier(window):
    return window.workspace("cashier")


def _type_order(window, term: str) -> None:
    """The cashier's find field holding a scanned job card's number."""
    desk = window.show_workspace("cashier")
    desk.show_queue()
    desk.queue_page.search.setText(term)


def _cashier_order_shown(window, term: str) -> bool:
    page = _cashier(window).settlement_page
    return page.isVisible() and page.view is not None and page.view.work_order_number == term


SCREENS["cashier_order"] = Screen(  # Enter on a scanned job card → the order at the desk
    prepare=_type_order,
    act=lambda w, _t: QTest.keyClick(_cashier(w).queue_page.search, Qt.Key.Key_Return),
    shown=_cashier_order_shown, terms=("order_no",), workspace="cashier")


# The manager's KPI dashboard for last month (a whole calendar month): Show → every tile and
# chart filled (sign in as a manager: --user admin --password admin123).
def _dashboard_ready(window) -> None:
    board = window.show_workspace("manager").dashboard
    board.period.setCurrentIndex(1)  # last month
    wait_until(lambda: not window.ctx.runner.busy, "the previous computation")
    board.result = None


SCREENS["kpi_dashboard"] = Screen(
    prepare=lambda w, _t: _dashboard_ready(w),
    act=lambda w, _t: QTest.mouseClick(w.workspace("manager").dashboard.show_button,
                                       Qt.MouseButton.LeftButton),
    shown=lambda w, _t: w.workspace("manager").dashboard.result is not None,
    terms=("plate",), workspace="manager")


# The month export from the manager's reports page: the work orders with their lines of last
# month (a whole calendar month) to a workbook, Export → the rows written said on the page.
def _export_ready(window) -> None:
    import tempfile
    from datetime import date, timedelta

    page = window.show_workspace("manager").reports
    page.ws.tabs.setCurrentWidget(page)
    page.select("workorders")
    page.whole.setChecked(False)
    last = date.today().replace(day=1) - timedelta(days=1)
    page.date_from.setDate(last.replace(day=1))
    page.date_to.setDate(last)
    page.path.setText(str(Path(tempfile.gettempdir()) / "dms-bench-month-export.xlsx"))
    wait_until(lambda: not page.running, "the previous export")
    page.last_rows = None


SCREENS["month_export"] = Screen(
    prepare=lambda w, _t: _export_ready(w),
    act=lambda w, _t: QTest.mouseClick(w.workspace("manager").reports.start,
                                       Qt.MouseButton.LeftButton),
    shown=lambda w, _t: w.workspace("manager").reports.last_rows is not None,
    terms=("plate",), workspace="manager", permission="export.workorders")


def terms(db: Database, store_id: int, per_kind: int = 50) -> dict[str, list[str]]:
    """What an advisor types, taken from rows spread over the store's vehicles: the plate's
    serial (last five), the VIN's last six, the mobile's last four, surname + given initial."""
    with db.engine.connect() as c:
        rows = c.execute(text(
            "SELECT v.plate, v.vin, c.mobile, c.name FROM vehicle v "
            "JOIN customer c ON c.id = v.customer_id WHERE c.store_id = :store "
            "AND v.plate IS NOT NULL AND v.vin IS NOT NULL AND c.mobile IS NOT NULL "
            "ORDER BY v.id"), {"store": store_id}).all()
        orders = c.execute(text(
            "SELECT w.number FROM settlement st JOIN work_order w ON w.id = st.work_order_id "
            "WHERE st.store_id = :store ORDER BY st.id DESC LIMIT :n"),
            {"store": store_id, "n": per_kind}).scalars().all()
        open_orders = c.execute(text(
            "SELECT id FROM work_order WHERE store_id = :store AND state IN "
            "('RECEIVED', 'ESTIMATED', 'AUTHORIZED', 'IN_REPAIR') ORDER BY id DESC LIMIT :n"),
            {"store": store_id, "n": per_kind}).scalars().all()
    rows = rows[::max(1, len(rows) // per_kind)][:per_kind]
    if not rows:
        raise SystemExit("ui.py: the database has no vehicles with plate, VIN and owner's mobile")
    return {"order_no": list(orders),
            "plate": [r.plate[-5:] for r in rows], "plate_full": [r.plate for r in rows],
            "vin6": [r.vin[-6:] for r in rows],
            "phone": [r.mobile[-4:] for r in rows], "name": [r.name[:2] for r in rows],
            "order": [str(i) for i in open_orders]}
