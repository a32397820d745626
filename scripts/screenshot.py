"""Screenshots of the login dialog and the front desk, in Simplified Chinese and in English.

Runs offscreen against an upgraded database with the demo data loaded (`make screenshots`
makes a fresh one). For each language it installs the translators, signs in as advisor1
through the login dialog (the same service call as the application), shows the main window
at 1366×768 and saves into docs/screenshots/:

    login_{lang}.png             the login dialog, password typed
    frontdesk_search_{lang}.png  the front desk's search: a plate fragment (--text, 京A)
                                 typed, the first result selected, its customer card loaded
    quick_open_{lang}.png        the quick-open palette (Ctrl+K) over the window, a plate
                                 fragment typed and its matches listed
    vehicle_file_{lang}.png      the vehicle file of the car with the most work orders (a
                                 read query picks it; ties go to one with finished orders,
                                 declined work and complaints), its latest order expanded
    checkin_{lang}.png           the check-in page opened from that vehicle file, half filled
                                 in (complaint, mileage, fuel, four damage marks, a package)
    estimate_{lang}.png          the estimate editor on the estimated order with the most lines,
                                 "gh" typed in the add field and its matches listed
    checkin_sign_{lang}.png      the signature pad over the editor, two strokes drawn
    added_work_{lang}.png        the added-work queue (a technician's proposals are written
                                 through the service first when the database has none)
    estimate_approve_{lang}.png, added_work_decline_{lang}.png: the approval with a declined
                                 line, why and the signature; declining added work, why; and
                                 check-in photos on the check-in, the file and the editor
                                 (scripts/screenshot_frontdesk.py)
    new_customer_{lang}.png      the new-customer dialog
    appointments_{lang}.png      the appointment book's day view (when the front desk has
                                 one): today, or tomorrow late in the evening; two bookings
                                 are made first through `dms.workshop.appointments.book` when
                                 the day has none (this writes to the database)

    workshop_board_{lang}.png    the workshop board by state, signed in as dispatcher1
    workshop_plan_{lang}.png     the same cards planned by technician
    workshop_tv_{lang}.png       TV mode (drawn at 1366×768, not full screen)
    qc_desk_{lang}.png           the QC desk, signed in as qc1, the first car selected

    care_*_{lang}.png            the customer-care pages, as care1 (scripts/screenshot_care.py)

lang is zh_CN and en. Dialogs are separate windows offscreen: each is drawn centred over the
window grab with a thin frame and its title. The Chinese catalogue is the built .qm when it
is current, else one built now with pyside6-lrelease. jobcard.png and settlement_slip.png
(from the print tests) are not touched.

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
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QThread  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import case, func, select  # noqa: E402

from dms import auth, clock  # noqa: E402
from dms.app import AppSession  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.models import Complaint, Recommendation, Vehicle, WorkOrder  # noqa: E402
from dms.ui import fonts, i18n  # noqa: E402
from dms.ui.tasks import TaskRunner  # noqa: E402
from dms.workshop import appointments  # noqa: E402
from dms.workshop.states import OPEN_STATES  # noqa: E402

log = logging.getLogger("screenshot")
LANGUAGES = ("zh_CN", "en")
SIZE = (1366, 768)
BOOK_PAGE = ROOT / "dms" / "ui" / "frontdesk" / "appointments.py"
BOOKINGS = (("常规保养", Decimal("1.5"), "maintenance"),  # demo data is Chinese
            ("刹车异响检查", Decimal("2"), "mechanical"))


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


def translations_dir(language: str) -> Path:
    """The built catalogue if it is current, else one built now into a temporary directory."""
    ts = ROOT / "resources" / "translations" / f"dms_{language}.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm.parent
    out = Path(tempfile.mkdtemp(prefix="dms-qm-"))
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(out / qm.name)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def install_language(language: str) -> None:
    """The translators of `language` (English has none); a catalogue that does not load stops
    the script rather than saving English screens under a Chinese name."""
    directory = translations_dir(language) if language != i18n.DEFAULT_LANGUAGE else None
    if not i18n.install_translators(language, directory):
        raise SystemExit(f"screenshot: the {language} translation could not be loaded")


def shots_for(args, language: str) -> Shots:
    install_language(language)
    return Shots(args.out, language)


# -- the demo data: which car to show, bookings for the book ----------------------------------
def vehicles_with_history(db, actor, limit: int = 10) -> list[tuple[int, str, int]]:
    """(vehicle id, plate, work orders) of the store's cars, most work orders first; among
    equals those with finished orders (the service history), open declined work and
    complaints of the owner come first."""
    done = func.sum(case((WorkOrder.state.in_(tuple(OPEN_STATES)), 0), else_=1))
    declined = (select(func.count(Recommendation.id))
                .where(Recommendation.vehicle_id == Vehicle.id, Recommendation.status == "open")
                .correlate(Vehicle).scalar_subquery())
    complaints = (select(func.count(Complaint.id))
                  .where(Complaint.customer_id == Vehicle.customer_id)
                  .correlate(Vehicle).scalar_subquery())
    orders = func.count(WorkOrder.id)
    with db.reading() as s:
        rows = s.execute(
            select(Vehicle.id, Vehicle.plate, orders)
            .join(WorkOrder, WorkOrder.vehicle_id == Vehicle.id)
            .where(Vehicle.store_id == actor.store_id)
            .group_by(Vehicle.id, Vehicle.plate, Vehicle.customer_id)
            .order_by(orders.desc(), done.desc(), declined.desc(), complaints.desc(),
                      Vehicle.id)
            .limit(limit)).all()
    return [(vehicle_id, plate or "", count) for vehicle_id, plate, count in rows]


def book_day(db, actor, vehicle_ids: list[int]) -> date:
    """The day the book page will show, with bookings in it: today while there is room left
    for a booking in the future, else tomorrow. Books BOOKINGS there if the day has none."""
    from dms.workshop import appointment_book as reads

    now = clock.now().astimezone()
    start = (now + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0) \
        + timedelta(hours=1)
    times = [start + timedelta(hours=n) for n in range(len(BOOKINGS))]
    times = [t for t in times if t.date() == now.date()]
    day = now.date() if times else now.date() + timedelta(days=1)
    if not times:
        times = [datetime.combine(day, datetime.min.time()).astimezone().replace(hour=10 + 3 * n)
                 for n in range(len(BOOKINGS))]
    if reads.day_book(db, actor, day):
        return day
    for vehicle_id, at, (work, hours, trade) in zip(vehicle_ids, times, BOOKINGS):
        result = appointments.book(db, actor, appointments.Booking(
            vehicle_id=vehicle_id, channel="phone", requested_work=work, booked_for=at,
            planned_hours=hours, trade=trade), confirm_overbooking=True)
        log.info("Booked %s for %s", result.number, at.isoformat(timespec="minutes"))
    return day


# -- grabbing ------------------------------------------------------------------------------
def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with `dialog` drawn centred over it, framed, its title in a strip on top
    (offscreen windows have no decorations and grab() takes one window only)."""
    shot = window.grab()
    inner = dialog.grab()
    strip = dialog.fontMetrics().height() + 10
    w, h = inner.width() + 2, inner.height() + strip + 1
    x, y = (shot.width() - w) // 2, max(0, (shot.height() - h) // 2)
    painter = QPainter(shot)
    painter.fillRect(QRect(x + 4, y + 4, w, h), QColor(0, 0, 0, 60))  # a hint of a shadow
    painter.fillRect(QRect(x, y, w, h), QColor("#6b6b6b"))
    painter.fillRect(QRect(x + 1, y + 1, w - 2, strip - 1), QColor("#e4e4e4"))
    painter.setFont(dialog.font())
    painter.setPen(QColor("#202020"))
    painter.drawText(QRect(x + 10, y + 1, w - 20, strip - 1),
                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                     dialog.windowTitle())
    painter.drawPixmap(QPoint(x + 1, y + strip), inner)
    painter.end()
    return shot


class Shots:
    def __init__(self, out: Path, language: str):
        self.out, self.language, self.saved = out, language, []

    def save(self, name: str, pixmap: QPixmap) -> None:
        path = self.out / f"{name}_{self.language}.png"
        if not pixmap.save(str(path)):
            raise SystemExit(f"screenshot: could not write {path}")
        self.saved.append(path)
        log.info("Saved %s (%d×%d)", path.relative_to(ROOT) if path.is_relative_to(ROOT)
                 else path, pixmap.width(), pixmap.height())


def drop_deleted() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def modal_dialog(what: str) -> QWidget:
    wait_until(lambda: QApplication.activeModalWidget() is not None, what)
    return QApplication.activeModalWidget()


def close_dialog(dialog: QWidget) -> None:
    dialog.reject()
    wait_until(lambda: not dialog.isVisible(), "the dialog to close")


def desk_orders(db, actor) -> dict[str, int | None]:
    """An estimated order with the most lines for the editor, and added work waiting at the
    desk: proposed by a technician on an order in repair (written through the service when
    the database has none, like the bookings)."""
    from dms.models import LabourLine
    from dms.workshop import desk
    from dms.workshop.added_work import propose_added_work

    with db.reading() as s:
        estimate = s.scalar(select(WorkOrder.id).join(LabourLine)
                            .where(WorkOrder.state == "ESTIMATED")
                            .group_by(WorkOrder.id).order_by(func.count(LabourLine.id).desc())
                            .limit(1))
        repairing = s.scalars(select(WorkOrder.id).where(WorkOrder.state == "IN_REPAIR")
                              .order_by(WorkOrder.id)).all()
    if not desk.added_work_queue(db, actor) and repairing:
        tech = auth.authenticate(db, "tech1", "demo123")
        propose_added_work(db, tech, repairing[0], "左前减震器漏油", operation_code="JX04")
        if len(repairing) > 1:
            propose_added_work(db, tech, repairing[1], "雨刮片老化", operation_code="PQ04")
    return {"estimate": estimate}


def fill_check_in(page) -> None:
    """What an advisor has done two minutes into a check-in (the page as people see it)."""
    english = i18n.current_language() == "en"
    page.complaint.setPlainText("Service due; a knock from the right rear door" if english
                                else "做保养，右后门有异响")
    page.mileage.setValue(page.mileage.value() + 5230)
    page.fuel.set_value(5)
    car = page.walk.car
    for kind, (view, x, y) in ((0, ("top", 0.1, 0.5)), (1, ("left", 0.45, 0.55)),
                               (0, ("right", 0.64, 0.55)), (2, ("rear", 0.5, 0.3))):
        page.walk.kinds.button(kind).click()
        QTest.mouseClick(car, Qt.MouseButton.LeftButton, pos=car.point_for(view, x, y).toPoint())
    page.walk.kinds.button(0).click()
    page.valuables["phone"].setChecked(True)
    page.documents["licence"].setChecked(True)
    page.package_group.button(0).click()


def end_session(session, runner) -> None:
    session.close()
    runner.shutdown()
    session.login.deleteLater()
    session.deleteLater()
    drop_deleted()


def run_language(args, db: Database, language: str, vehicle_id: int, book_on: date | None,
                 quick_text: str, orders: dict[str, int | None]) -> list[Path]:
    import screenshot_frontdesk as extra

    here = sys.modules[__name__]
    shots = shots_for(args, language)
    runner = TaskRunner()
    session = AppSession(db, runner, NoSettings(), username=args.user)
    try:
        session.start()
        login = session.login
        login.password.setText(args.password)
        settle()
        shots.save("login", login.grab())
        login.sign_in()
        wait_until(lambda: session.window is not None or login.error.isVisible(), "sign-in")
        if session.window is None:
            raise SystemExit(f"screenshot: sign-in failed: {login.error.text()}")

        window = session.window
        window.resize(*SIZE)
        desk = window.show_workspace("frontdesk")
        idle = lambda: not runner.busy  # noqa: E731

        # The search: a plate fragment, the first result, its customer card.
        search = desk.search_page
        desk.show_search()
        search.search.setText(args.text)
        search.run_search()
        wait_until(lambda: not search.model.loading and search.model.rowCount() > 0,
                   f"results for {args.text!r}")
        search.table.selectRow(0)
        search.table.setFocus()
        wait_until(lambda: search.card.card is not None, "the customer card")
        settle()
        shots.save("frontdesk_search", window.grab())

        # Quick open over the search page.
        window.quick_open()
        palette = modal_dialog("the quick-open palette")
        palette.text.setText(quick_text)
        palette.search()
        wait_until(lambda: not palette.model.loading and palette.model.rowCount() > 0,
                   f"quick-open matches for {quick_text!r}")
        settle()
        shots.save("quick_open", with_dialog(window, palette))
        close_dialog(palette)

        # The vehicle file, its latest finished order expanded.
        desk.open_vehicle(vehicle_id)
        page = desk.file_page
        wait_until(lambda: page.file is not None and page.file.id == vehicle_id
                   and desk.pages.currentWidget() is page and page.photos.count() > 0,
                   "the vehicle file with its photos")
        wait_until(idle, "the vehicle file's reads")
        if page.history.topLevelItemCount():
            page.history.topLevelItem(0).setExpanded(True)
        settle()
        shots.save("vehicle_file", window.grab())

        # A check-in from the vehicle file, half done, then a new customer.
        desk.walk_in()
        checkin = desk.checkin_page
        wait_until(lambda: idle() and checkin.file is not None and bool(checkin.packages),
                   "the check-in page's reads")
        fill_check_in(checkin)
        extra.add_check_in_photos(here, checkin)
        wait_until(idle, "the promise time")
        settle()
        shots.save("checkin", window.grab())
        checkin.drafts.clear()
        checkin.draft = None

        # The estimate editor on an estimated order, then the added-work queue.
        if orders.get("estimate") is not None:
            desk.open_order(orders["estimate"])
            editor = desk.order_page
            wait_until(lambda: idle() and editor.lines is not None and editor.header is not None,
                       "the estimate editor")
            editor.add.setText("gh")
            editor._search()
            wait_until(lambda: idle() and editor.matches.rowCount() > 0
                       and editor.photos.count() > 0, "the catalogue matches and the photos")
            settle()
            shots.save("estimate", window.grab())
            editor.add.clear()
            editor.matches.set_rows([])
            extra.approval_shot(here, window, desk, shots)
            # The customer signing the check-in sheet on the screen (not saved).
            desk.order_actions.sign()
            dialog = desk.dialog
            dialog.pad.resize(560, 180)
            dialog.pad.strokes = [[(0.08 + i / 60, 0.55 - 0.25 * ((i % 6) / 5)) for i in range(24)],
                                  [(0.55 + i / 80, 0.35 + 0.3 * ((i % 4) / 3)) for i in range(20)]]
            settle()
            shots.save("checkin_sign", with_dialog(window, dialog))
            close_dialog(dialog)
        desk.show_queue()
        wait_until(lambda: idle() and desk.queue_page.model.rowCount() > 0, "the added-work queue")
        settle()
        shots.save("added_work", window.grab())
        extra.decline_shot(here, window, desk, shots)

        desk.show_search()
        desk.new_customer()
        dialog = desk.dialog
        wait_until(idle, "the customer dialog's reads")
        settle()
        shots.save("new_customer", with_dialog(window, dialog))
        close_dialog(dialog)

        # The appointment book.
        book = getattr(desk, "book_page", None)
        if book_on is not None and book is not None:
            desk.show_book()
            if book.day != book_on:
                book.show_day(book_on)
            wait_until(lambda: idle() and book.capacity is not None
                       and book.bookings.rowCount() > 0, "the appointment book")
            settle()
            shots.save("appointments", window.grab())

        window.close()
        window.deleteLater()
    finally:
        end_session(session, runner)
    return shots.saved


def run_cashier(args, db: Database, language: str) -> list[Path]:
    """The cashier desk as cashier1: the queue, an order with a payment split across cash and
    WeChat Pay (typed, not taken: the database is not changed), the slip's print preview and
    the day-end report."""
    from dms.app import create_main_window
    from dms.ui.common.printing import PreviewDialog

    shots = shots_for(args, language)
    runner = TaskRunner()
    window = create_main_window(db, auth.authenticate(db, "cashier1", "demo123"), runner,
                                NoSettings())
    try:
        window.resize(*SIZE)
        window.show()
        desk = window.show_workspace("cashier")
        idle = lambda: not runner.busy  # noqa: E731
        queue = desk.queue_page
        desk.show_queue()
        wait_until(lambda: idle() and queue.model.rowCount() > 0, "the cashier's queue")
        queue.table.selectRow(0)
        settle()
        shots.save("cashier_queue", window.grab())

        desk.open_order(queue.model.row_at(0).work_order_id)
        page = desk.settlement_page
        wait_until(lambda: idle() and page.view is not None and page.isVisible(),
                   "the settlement")
        page.payments.rows[0].amount.setText("100.00")
        wechat = page.payments.add_row("wechat")
        wechat.reference.setText("4200001234202612060001")
        settle()
        shots.save("cashier_settlement", window.grab())

        desk.preview_slip()
        wait_until(lambda: window.findChild(PreviewDialog) is not None, "the print preview")
        preview = window.findChild(PreviewDialog)
        preview.resize(900, 640)
        settle(600)
        wait_until(preview.is_rendered, "the slip's page drawn")
        shots.save("print_preview", with_dialog(window, preview))
        preview.close()

        desk.show_dayend()
        wait_until(lambda: idle() and desk.dayend_page.report is not None, "the day-end report")
        settle()
        shots.save("cashier_dayend", window.grab())
        window.close()
        window.deleteLater()
    finally:
        runner.shutdown()
        drop_deleted()
    return shots.saved


def run_manager_pages(args, db: Database, language: str) -> list[Path]:
    from screenshot_manager import run_manager

    shots = shots_for(args, language)
    run_manager(sys.modules[__name__], args, db, shots)
    return shots.saved


def run_care_pages(args, db: Database, language: str) -> list[Path]:
    from screenshot_care import run_care

    shots = shots_for(args, language)
    run_care(sys.modules[__name__], args, db, shots)
    return shots.saved


def run_workshop(args, db: Database, language: str) -> list[Path]:
    """The workshop board's pages (dispatcher1) and the QC desk (qc1)."""
    shots = shots_for(args, language)
    for username, pages in (("dispatcher1", ("board", "plan", "tv")), ("qc1", ("qc",))):
        runner = TaskRunner()
        session = AppSession(db, runner, NoSettings(), username=username)
        try:
            session.start()
            session.login.password.setText(args.password)
            session.login.sign_in()
            wait_until(lambda: session.window is not None or session.login.error.isVisible(),
                       f"sign-in of {username}")
            window = session.window
            window.resize(*SIZE)
            board = window.show_workspace("workshop")
            wait_until(lambda: board.loaded and not runner.busy, "the workshop board")
            for page in pages:
                if page == "board":
                    board.show_board("state")
                elif page == "plan":
                    board.show_board("plan")
                elif page == "qc":
                    board.show_qc()
                    wait_until(lambda: board.qc_page.queue.rowCount() > 0, "the QC queue")
                    board.qc_page.table.selectRow(0)
                else:
                    tv = board.open_tv()
                    tv.showNormal()
                    tv.resize(*SIZE)
                    settle()
                    tv.lay_out()
                    settle()
                    shots.save("workshop_tv", tv.grab())
                    tv.close()
                    continue
                settle()
                shots.save({"board": "workshop_board", "plan": "workshop_plan",
                            "qc": "qc_desk"}[page], window.grab())
            window.close()
            window.deleteLater()
        finally:
            end_session(session, runner)
    return shots.saved


def techterm_shots(args, db: Database) -> list[Path]:
    """The technician terminal, tools, PDI desk and lounge board (scripts/screenshot_techterm.py)."""
    import screenshot_techterm as techterm

    technician = techterm.prepare(db, args.password)
    return [path for language in args.languages.split(",")
            for path in techterm.run_language(args, db, language.strip(), technician)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="database URL with the demo data loaded")
    parser.add_argument("--text", default="京A", help="what to type into the search (京A)")
    parser.add_argument("--quick-text", default=None,
                        help="what to type into quick open (the shown car's plate, 3 characters)")
    parser.add_argument("--user", default="advisor1")
    parser.add_argument("--password", default="demo123")
    parser.add_argument("--languages", default=",".join(LANGUAGES),
                        help="comma-separated (zh_CN,en)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=("frontdesk", "workshop", "counter", "cashier",
                                           "manager", "care", "techterm"),
                        help="render the pages of one workspace only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("dms")
    app.setApplicationName("dms")
    if fonts.register_cjk_font({}) is None:
        raise SystemExit("screenshot: no CJK font; Chinese would render as boxes")
    args.out.mkdir(parents=True, exist_ok=True)

    db = Database(args.url)
    saved: list[Path] = []
    try:
        try:
            actor = auth.authenticate(db, args.user, args.password)
        except Exception as exc:  # noqa: BLE001 - said plainly, the sign-in would fail too
            raise SystemExit(f"screenshot: {args.user} cannot sign in: {exc}") from exc
        cars = vehicles_with_history(db, actor)
        if not cars:
            raise SystemExit("screenshot: no vehicle with work orders; load `dms demo` first")
        vehicle_id, plate, count = cars[0]
        log.info("Vehicle file: %s (id %d, %d work order(s))", plate, vehicle_id, count)
        if count < 2:
            log.warning("No vehicle has more than one work order in this database")
        book_on = None
        if BOOK_PAGE.exists():
            book_on = book_day(db, actor, [v for v, _p, _c in cars[1:]] or [vehicle_id])
        else:
            log.warning("No appointment book (%s): appointments_*.png skipped", BOOK_PAGE)
        quick_text = args.quick_text or plate[:3] or args.text
        orders = desk_orders(db, actor)
        if args.only in (None, "frontdesk"):
            from screenshot_frontdesk import attach_photos

            attach_photos(db, actor, vehicle_id, orders)
        for language in args.languages.split(","):
            if args.only in (None, "frontdesk"):
                saved += run_language(args, db, language.strip(), vehicle_id, book_on, quick_text,
                                      orders)
            if args.only in (None, "workshop"):
                saved += run_workshop(args, db, language.strip())
            if args.only in (None, "counter"):
                from screenshot_counter import counter_shots

                install_language(language.strip())
                saved += counter_shots(args.out, db, language.strip())
                drop_deleted()
            if args.only in (None, "cashier"):
                saved += run_cashier(args, db, language.strip())
            if args.only in (None, "manager"):
                saved += run_manager_pages(args, db, language.strip())
            if args.only in (None, "care"):
                saved += run_care_pages(args, db, language.strip())
        if args.only in (None, "techterm"):
            saved += techterm_shots(args, db)
    finally:
        i18n.remove_translators()
        db.dispose()
    print("Saved " + ", ".join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
                               for p in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
