"""Measure the screens on a database (issue #14, DESIGN §9 "How the screens are measured").

    QT_QPA_PLATFORM=offscreen python benchmarks/ui.py --url URL --json FILE
        [--starts N] [--sign-ins N] [--repeat N] [--user advisor1] [--password demo123]

cold_start_ms: N spawns of the real start path (`python -m dms --url URL`: upgrade check,
    settings, font, translators, sign-in dialog), each timed from just before the spawn to the
    moment the sign-in dialog has been painted. The application writes that moment itself when
    DMS_STARTUP_PROBE names a file (`dms.app`), then quits. One untimed spawn first warms the
    file cache and writes the bytecode, as any start after the first finds them. The children
    get a settings file of their own (zh_CN, so the translators load) and
    PYTHONDONTWRITEBYTECODE removed. cold_start_cpu_ms is the same children's CPU time (user +
    system, spawn to exit): on a shared machine it says what the wall time cannot.
sign_in_ms: in this process, through `dms.app.AppSession`: the password typed into the dialog
    (then a wait for what the dialog prepares meanwhile, `dms.app.prepare_sign_in`: a person
    types for longer), then Enter → the main window painted (authentication, main window,
    change feed); "first" is the process's first sign-in, as after a start. password_hash_ms: the
    stored hash's check alone, its deliberate cost within sign_in_ms.
screens: the signed-in window of the last sign-in is driven as an advisor would (keys into the
    widgets); each entry of SCREENS is opened --repeat times, timed from the user's action to
    the screen showing its answer, painted. gui_lag_ms: during those opens a 4 ms timer notes
    how late the event loop ran it (p50, p99, max), i.e. how long the GUI thread was blocked.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from dms.app import STARTUP_PROBE, AppSession  # noqa: E402
from dms.auth import verify_password  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.models import User  # noqa: E402
from dms.permissions import may  # noqa: E402
from dms.ui import fonts, i18n  # noqa: E402
from dms.ui.tasks import TaskRunner  # noqa: E402

LANGUAGE = "zh_CN"
LAG_TICK_MS = 4
TIMEOUT_S = 30.0


def summary(samples: list[float], *quantiles: int) -> dict:
    """{"pNN": …} for each quantile (nearest rank), plus "n"."""
    ordered = sorted(samples)
    rank = lambda q: min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))  # noqa: E731
    return {**{f"p{q}": round(ordered[rank(q)], 2) for q in quantiles}, "n": len(ordered)}


# -- cold start: separate processes ---------------------------------------------------------
def cold_starts(url: str, n: int) -> tuple[list[float], list[float]]:
    """(spawn → sign-in dialog painted, CPU time of the child) in ms, for n timed starts."""
    with tempfile.TemporaryDirectory(prefix="dms-ui-bench-") as tmp:
        config = Path(tmp) / "config" / "dms"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(json.dumps({"language": LANGUAGE}), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(XDG_CONFIG_HOME=str(Path(tmp) / "config"), QT_QPA_PLATFORM="offscreen")
        probe = Path(tmp) / "painted"
        env[STARTUP_PROBE] = str(probe)
        cmd = [sys.executable, "-m", "dms", "--url", url, "--no-demo"]
        walls, cpus = [], []
        for i in range(n + 1):
            probe.unlink(missing_ok=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            spawned = time.time()
            done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True,
                                  timeout=120)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0 or not probe.exists():
                raise SystemExit(f"ui.py: the start failed ({done.returncode}): {done.stderr}")
            if i == 0:
                continue  # warm-up
            walls.append((float(probe.read_text(encoding="utf-8")) - spawned) * 1000)
            cpus.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                        * 1000)
    return walls, cpus


# -- in this process: waiting, painting, lag ------------------------------------------------
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


class Painted(QObject):
    """perf_counter() just after the first paint, from now on, of a widget `target` accepts
    (asked at each paint, so the widget need not exist yet). Qt paints a window's dirty
    widgets in one pass, so that is when the window shows what changed before it."""

    def __init__(self, target: Callable[[QObject], bool]):
        super().__init__()
        self._target = target
        self.at: float | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None and self._target(watched):
            QTimer.singleShot(0, self._note)
        return False

    def _note(self) -> None:
        if self.at is None:
            self.at = time.perf_counter()
        self.close()

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)


class LagMeter(QObject):
    """A precise 4 ms timer; each tick notes how much later than due it ran."""

    def __init__(self):
        super().__init__()
        self.samples: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(LAG_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - LAG_TICK_MS))
        self._last = now


# -- sign-in ----------------------------------------------------------------------------------
class NoSettings:
    """The benchmark neither reads nor changes the settings of whoever runs it."""

    def load(self) -> dict:
        return {}

    def save(self, settings: dict) -> None:
        pass


def sign_in(db: Database, user: str, password: str) -> tuple[AppSession, float]:
    """A signed-in session through the sign-in dialog; ms from Enter to main window painted."""
    session = AppSession(db, TaskRunner(), NoSettings(), username=user)
    dialog = Painted(lambda w: w is session.login)
    session.start()
    wait_until(lambda: dialog.at is not None, "the sign-in dialog")
    QTest.keyClicks(session.login.password, password)
    # Whoever types a password takes longer than the start's preparation of the sign-in.
    wait_until(lambda: not session.runner.busy, "the sign-in prepared")
    window = Painted(lambda w: session.window is not None and w is session.window)
    started = time.perf_counter()
    QTest.keyClick(session.login.password, Qt.Key.Key_Return)
    wait_until(lambda: window.at is not None or session.login.error.isVisible(), "sign-in")
    window.close()
    if session.window is None:
        raise SystemExit(f"ui.py: sign-in failed: {session.login.error.text()}")
    return session, (window.at - started) * 1000


def end(session: AppSession) -> None:
    session.close()
    session.window.close()  # waits for its background tasks
    session.window.deleteLater()
    session.login.deleteLater()


def password_hash_ms(db: Database, user: str, password: str, n: int) -> list[float]:
    with db.reading() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == user))
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        verify_password(password, stored)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


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


def _board_shown(window, _term: str) -> bool:
    return window.workspace("workshop").loaded


def _editor_shown(window, term: str) -> bool:
    page = _desk(window).order_page
    return (page.lines is not None and page.header is not None
            and page.lines.work_order_id == int(term) == page.header.id)


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
    if counter.picking.head is None or counter.picking.head.number != number:
        window.show_workspace("counter")
        counter.show_picking()
        _scan(window, number)
        wait_until(lambda: _order_shown(window, term), "the order to pick")
    if not counter.picking.taker.text():
        counter.picking.taker.setText("bench")  # who takes the parts, once per order
    if counter.undo_stack:
        count = len(counter.undo_stack)
        counter.undo()
        wait_until(lambda: len(counter.undo_stack) < count and not counter.ctx.runner.busy,
                   "the undo")
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
    """Job cards of queued orders with a reserved unit to pick ("number|barcode") and part
    barcodes, for a user who has the counter (a warehouse clerk or the manager)."""
    from dms.parts.counter import picking_queue
    from dms.parts.picking import picking_list

    if not may(user.roles, "picking.queue"):
        return {"pick": [], "part_barcode": []}
    picks = []
    for row in picking_queue(db, user, 0, 200):
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
    return {"pick": picks, "part_barcode": list(barcodes)}
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
        prepare=_to_search,
        act=lambda w, _t: QTest.keyClick(_desk(w).search_page.search, Qt.Key.Key_F4),
        shown=lambda w, _t: _desk(w).pages.currentWidget() is _desk(w).queue_page
        and _desk(w).queue_page.loaded, terms=("plate",)),
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


def open_screens(window, samples: dict[str, list[str]], repeat: int,
                 lag: LagMeter) -> dict[str, dict]:
    def in_window(widget: QObject) -> bool:
        return isinstance(widget, QWidget) and widget.window() is window

    results = {}
    lag.start()
    for name, screen in SCREENS.items():
        if (screen.workspace not in {s.id for s in window.specs}
                or not screen.opens_for(window.user)
                or not any(samples.get(kind) for kind in screen.terms)):
            continue  # the signed-in user may not open it, or there is nothing to open
        texts = itertools.cycle(list(dict.fromkeys(
            t for kind in screen.terms for t in samples[kind])))  # no text twice in a row
        times = []
        for i in range(repeat + 1):
            term = next(texts)
            screen.prepare(window, term)
            # The first paint in the window once it has the answer, whenever that came.
            painted = Painted(lambda w: in_window(w) and screen.shown(window, term))
            started = time.perf_counter()
            screen.act(window, term)
            wait_until(lambda: painted.at is not None, f"{name} for {term!r}")
            if i:  # the first open warms caches
                times.append((painted.at - started) * 1000)
        stats = summary(times, 50, 95)
        results[name] = {"open_p50_ms": stats["p50"], "open_p95_ms": stats["p95"],
                         "n": stats["n"]}
    lag.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="database with a store and the demo users")
    ap.add_argument("--json", required=True, type=Path)
    ap.add_argument("--starts", type=int, default=20, help="timed cold starts (20)")
    ap.add_argument("--sign-ins", type=int, default=10, help="timed sign-ins (10)")
    ap.add_argument("--repeat", type=int, default=30, help="timed opens of each screen (30)")
    ap.add_argument("--user", default="advisor1")
    ap.add_argument("--password", default="demo123")
    args = ap.parse_args(argv)
    log = lambda m: print(m, flush=True)  # noqa: E731
    load_before = os.getloadavg()

    walls, cpus = cold_starts(args.url, args.starts)
    cold, cold_cpu = summary(walls, 50, 95), summary(cpus, 50, 95)
    log(f"cold start: p50 {cold['p50']} ms, p95 {cold['p95']} ms (CPU p50 {cold_cpu['p50']} ms)")

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("dms")
    app.setApplicationName("dms")
    app.setQuitOnLastWindowClosed(False)  # one session's window closes before the next signs in
    fonts.register_cjk_font({})
    i18n.install_translators(LANGUAGE)
    db = Database(args.url)
    signs = []
    session = None
    for _ in range(args.sign_ins + 1):
        if session is not None:
            end(session)
        session, ms = sign_in(db, args.user, args.password)
        signs.append(ms)
    first = round(signs.pop(0), 2)
    signs = {**summary(signs, 50, 95), "first": first}
    hashes = summary(password_hash_ms(db, args.user, args.password, max(3, args.sign_ins)), 50, 95)
    log(f"sign-in: first {first} ms, then p50 {signs['p50']} ms, p95 {signs['p95']} ms; "
        f"the hash alone p50 {hashes['p50']} ms")

    window = session.window
    window.resize(1366, 768)
    lag = LagMeter()
    samples = terms(db, session.window.user.store_id) | counter_terms(db, session.window.user)
    screens = open_screens(window, samples, args.repeat, lag)
    for name, figures in screens.items():
        log(f"{name}: open p95 {figures['open_p95_ms']} ms")
    end(session)
    db.dispose()

    lag_stats = summary(lag.samples, 50, 99)
    lag_stats["max"] = round(max(lag.samples), 2)
    log(f"GUI lag: p50 {lag_stats['p50']} ms, p99 {lag_stats['p99']} ms, max {lag_stats['max']} ms")
    doc = {
        "backend": db.backend,
        "cold_start_ms": cold,
        "cold_start_cpu_ms": cold_cpu,
        "sign_in_ms": signs,
        "password_hash_ms": hashes,
        "gui_lag_ms": lag_stats,
        "screens": screens,
        "load_average": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
