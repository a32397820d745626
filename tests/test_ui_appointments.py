"""The appointment book on the real widgets: booking from a phone call (seen by a second window
through the live feed), over-booking confirmed with F9, arrival into a work order, no-show and
cancel with the version the advisor saw, tomorrow's reminder calls, the week view."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.changes import Change
from dms.db import Database, make_engine
from dms.demo.catalogue import OIL_FILTER, WASHER_FLUID
from dms.models import Appointment, AppointmentPart, AuditLog, Vehicle, WorkOrder
from dms.ui.frontdesk.booking import BookingDialog
from dms.ui.shell.feed import LiveFeed
from dms.workshop import appointments as ap
from robot import Robot

SHOWN_MS = 10_000


def _today():
    return clock.now().astimezone().date()


def _at(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


@pytest.fixture
def cars(demo_db):
    with demo_db.reading() as s:
        return s.execute(select(Vehicle.id, Vehicle.plate, Vehicle.mileage)
                         .where(Vehicle.plate.is_not(None)).order_by(Vehicle.id).limit(10)).all()


def _book(db, user, vehicle_id, when, hours="1", work="保养"):
    return ap.book(db, user, ap.Booking(vehicle_id=vehicle_id, channel="phone",
                                        requested_work=work, booked_for=when,
                                        planned_hours=Decimal(hours)),
                   confirm_overbooking=True)


def _book_page(qtbot, window, day):
    desk = window.workspace("frontdesk")
    desk.show_book()
    page = desk.book_page
    page.show_day(day)
    # the day's capacity and its bookings are two reads: both shown
    qtbot.waitUntil(lambda: page.capacity is not None and page.capacity.day == day
                    and page.shown_day == day, timeout=SHOWN_MS)
    return desk, page


def _open_booking(qtbot, desk, vehicle_id):
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None
                    and desk.file_page.file.id == vehicle_id, timeout=SHOWN_MS)
    desk.book()
    dialog = desk.dialog
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    return dialog


def _appointments(db):
    with db.reading() as s:
        return s.scalar(select(func.count(Appointment.id)))


@pytest.mark.efficiency
def test_a_phone_booking_changes_the_capacity_a_second_window_shows(qtbot, window, demo_db,
                                                                     advisor, cars, open_window):
    tomorrow = _today() + timedelta(days=1)
    other_seat = Database(engine=make_engine(demo_db.url))
    second = open_window(other_seat, authenticate(other_seat, "advisor2", "demo123"))
    feed = LiveFeed(other_seat, interval_s=0.1)
    feed.changed.connect(second.bus.collect)
    assert feed.wait_ready()
    _, seen = _book_page(qtbot, second, tomorrow)
    before = seen.capacity.booked_hours

    window.activateWindow()
    desk = window.workspace("frontdesk")
    robot = Robot(qtbot)
    desk.open_vehicle(cars[0].id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    robot.shortcut("Ctrl+B")
    qtbot.waitUntil(lambda: isinstance(desk.dialog, BookingDialog)
                    and desk.dialog.isVisible(), timeout=SHOWN_MS)
    dialog = desk.dialog
    assert dialog.contact_phone.text() == (desk.file_page.file.mobile or "")
    assert dialog.channel.currentData() == "phone"
    qtbot.waitUntil(lambda: dialog.package.findData("FS") > 0
                    and dialog.day_capacity is not None, timeout=SHOWN_MS)
    assert dialog.day_capacity.booked_hours == before
    assert dialog.package.hasFocus() and dialog.package.findData("FS") == 1
    robot.key(dialog.package, Qt.Key.Key_Down)  # the caller wants 首保, tomorrow 09:00
    assert dialog.work.toPlainText() == "首保" and dialog.hours.value() == 1.0
    assert dialog.estimate.text() == "380.00" and dialog.parts.rowCount() == 3
    robot.type(dialog.part_code, WASHER_FLUID[0])  # and a bottle of washer fluid
    robot.key(dialog.part_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.parts.rowCount() == 4
                    and all(p.available is not None for p in dialog.parts.rows),
                    timeout=SHOWN_MS)
    assert dialog.isVisible()  # Enter in the part field added the part, nothing else
    robot.key(dialog.work, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    # Ctrl+B, the package, a part and Enter, F9
    robot.done("book an appointment from a phone call (package, extra part)", "advisor", 5)

    with demo_db.reading() as s:
        booked = s.scalars(select(Appointment)).one()
        parts = s.scalar(select(func.count(AppointmentPart.id))
                         .where(AppointmentPart.appointment_id == booked.id))
        assert (booked.vehicle_id, booked.channel, booked.requested_work, booked.planned_hours,
                booked.estimate, parts) == (cars[0].id, "phone", "首保", Decimal("1.0"),
                                            Decimal("380.00"), 4)
        assert booked.booked_for == _at(tomorrow, 9)
    assert booked.number in desk.message_bar.text()
    qtbot.waitUntil(lambda: seen.capacity.booked_hours == before + 1
                    and seen.bookings.rowCount() == 1, timeout=SHOWN_MS)
    assert seen.bookings.row_at(0).number == booked.number
    assert str(before + 1) in seen.capacity_label.text()
    feed.close()
    other_seat.dispose()


def test_an_over_booking_asks_for_confirmation_and_is_saved_after_f9(qtbot, window, demo_db,
                                                                      advisor, cars):
    tomorrow = _today() + timedelta(days=1)
    for car in cars[:6]:  # 6 bays × 8 h: the day is full
        _book(demo_db, advisor, car.id, _at(tomorrow, 8), "8", "钣喷")
    desk = window.workspace("frontdesk")
    dialog = _open_booking(qtbot, desk, cars[6].id)
    qtbot.waitUntil(lambda: dialog.day_capacity is not None, timeout=SHOWN_MS)
    assert dialog.day_capacity.free_hours == 0
    dialog.work.setPlainText("异响检查")
    qtbot.keyClick(dialog.work, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dialog.message_bar.level == "warning", timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.work.toPlainText() == "异响检查"
    assert "F9" in dialog.message_bar.text() and _appointments(demo_db) == 6
    qtbot.keyClick(dialog.work, Qt.Key.Key_F9)  # save anyway
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    assert _appointments(demo_db) == 7
    with demo_db.reading() as s:
        reason = s.scalar(select(AuditLog.reason).where(AuditLog.entity == "appointment",
                                                        AuditLog.action == "book")
                          .order_by(AuditLog.id.desc()).limit(1))
    assert reason == "over-booking confirmed"

    _, page = _book_page(qtbot, window, tomorrow)
    assert page.capacity.free_hours == -1 and "over by 1" in page.capacity_label.text()
    assert "b3261e" in page.capacity_label.styleSheet()  # red
    assert page.bookings.rowCount() == 7


def test_changing_the_input_after_the_warning_needs_confirming_again(qtbot, window, demo_db,
                                                                      advisor, cars):
    tomorrow = _today() + timedelta(days=1)
    for car in cars[:6]:
        _book(demo_db, advisor, car.id, _at(tomorrow, 8), "8")
    dialog = _open_booking(qtbot, window.workspace("frontdesk"), cars[6].id)
    dialog.work.setPlainText("保养")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "warning", timeout=SHOWN_MS)
    dialog.hours.setValue(2.0)  # a different booking now: warned again, not saved
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "warning" and bool(dialog.confirmed),
                    timeout=SHOWN_MS)
    assert dialog.isVisible() and _appointments(demo_db) == 6


def test_a_package_fills_the_booking_and_keeps_what_was_typed(qtbot, window, demo_db, advisor,
                                                              cars):
    dialog = _open_booking(qtbot, window.workspace("frontdesk"), cars[3].id)
    qtbot.waitUntil(lambda: dialog.package.findData("SS") > 0, timeout=SHOWN_MS)
    dialog.work.setPlainText("异响")
    dialog.part_code.setText(OIL_FILTER[0])
    dialog.add_part()
    dialog.package.setCurrentIndex(dialog.package.findData("SS"))
    assert dialog.work.toPlainText() == "二保；异响" and dialog.hours.value() == 1.3
    assert WASHER_FLUID[0] in {p.code for p in dialog.parts.rows}
    assert dialog.parts.row_at(0).qty == 1  # typed before: not doubled by the package
    dialog.package.setCurrentIndex(dialog.package.findData("FS"))
    assert dialog.work.toPlainText() == "首保；异响" and dialog.estimate.text() == "380.00"
    assert WASHER_FLUID[0] not in {p.code for p in dialog.parts.rows}
    assert OIL_FILTER[0] in {p.code for p in dialog.parts.rows}
    dialog.reject()


def test_arrival_opens_the_work_order_and_then_the_vehicle_file(qtbot, window, demo_db,
                                                                advisor, cars):
    day = _today() + timedelta(days=1)
    booked = _book(demo_db, advisor, cars[2].id, _at(day, 10), "1.5", "首保 + 异响")
    desk, page = _book_page(qtbot, window, day)
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 1, timeout=SHOWN_MS)
    page.day_view.setFocus()
    page.day_view.selectRow(0)
    Robot(qtbot).shortcut("Ctrl+Return")
    arrival = desk.checkin_page
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is arrival and arrival.file is not None,
                    timeout=SHOWN_MS)
    assert booked.changed.id == arrival.draft.appointment.id
    assert arrival.complaint.toPlainText() == "首保 + 异响"
    assert arrival.mileage.value() == (cars[2].mileage or 0)
    arrival.fuel.set_value(5)
    arrival.submit()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.order_page
                    and desk.order_page.header is not None, timeout=SHOWN_MS)
    assert desk.order_page.header.vehicle_id == cars[2].id
    desk.back_to_file()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page
                    and desk.file_page.file is not None
                    and desk.file_page.file.id == cars[2].id
                    and desk.file_page.open_orders.rowCount() == 1, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.get(Appointment, booked.changed.id).status == "arrived"
        order = s.scalars(select(WorkOrder).where(
            WorkOrder.appointment_id == booked.changed.id)).one()
    assert desk.file_page.open_orders.row_at(0).number == order.number
    desk.show_book()
    qtbot.waitUntil(lambda: page.bookings.row_at(0).status == "arrived", timeout=SHOWN_MS)
    assert not page.arrive_action.isEnabled() and not page.cancel_action.isEnabled()


def test_no_show_and_cancel_with_a_reason(qtbot, window, demo_db, advisor, cars):
    day = _today() + timedelta(days=2)
    first = _book(demo_db, advisor, cars[3].id, _at(day, 9), "2")
    second = _book(demo_db, advisor, cars[4].id, _at(day, 14), "3")
    _, page = _book_page(qtbot, window, day)
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 2, timeout=SHOWN_MS)
    assert page.capacity.booked_hours == 5

    page.day_view.selectRow(0)
    page.no_show_action.trigger()
    qtbot.waitUntil(lambda: page.bookings.row_at(0).status == "no_show"
                    and page.capacity.booked_hours == 3, timeout=SHOWN_MS)
    assert not page.no_show_action.isEnabled()  # the row is no longer a live booking

    page.day_view.selectRow(1)
    page.cancel_action.trigger()
    dialog = page.dialog
    dialog.submit()  # no reason given
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert dialog.isVisible()
    dialog.reason.setText("客户出差")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.bookings.row_at(1).status == "cancelled"
                    and page.capacity.booked_hours == 0, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.get(Appointment, first.changed.id).status == "no_show"
        assert s.get(Appointment, second.changed.id).status == "cancelled"
        assert s.scalar(select(AuditLog.reason).where(
            AuditLog.entity_id == second.changed.id, AuditLog.action == "cancel")) == "客户出差"


def test_a_booking_changed_elsewhere_meanwhile_is_refused_not_overwritten(qtbot, window,
                                                                          demo_db, advisor,
                                                                          cars):
    day = _today() + timedelta(days=2)
    booked = _book(demo_db, advisor, cars[5].id, _at(day, 9))
    desk, page = _book_page(qtbot, window, day)
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 1, timeout=SHOWN_MS)
    page.day_view.selectRow(0)
    other = authenticate(demo_db, "advisor2", "demo123")  # not delivered to this window
    ap.mark_reminded(demo_db, other, booked.changed.id, "phone", "改约")
    page.no_show_action.trigger()
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.get(Appointment, booked.changed.id).status == "booked"


def test_another_seats_booking_arrives_in_place_and_the_selection_stays(qtbot, window, demo_db,
                                                                        advisor, cars):
    day = _today() + timedelta(days=3)
    _book(demo_db, advisor, cars[0].id, _at(day, 9))
    chosen = _book(demo_db, advisor, cars[1].id, _at(day, 11))
    _, page = _book_page(qtbot, window, day)
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 2, timeout=SHOWN_MS)
    page.day_view.selectRow(1)
    resets = []
    page.bookings.modelReset.connect(lambda: resets.append(1))
    other = authenticate(demo_db, "advisor2", "demo123")
    earlier = _book(demo_db, other, cars[2].id, _at(day, 8), "2")
    window.bus.collect([Change(0, "appointment", earlier.changed.id, None)])  # the feed's part
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 3 and page.capacity.booked_hours == 4,
                    timeout=SHOWN_MS)
    assert page.bookings.row_at(0).number == earlier.number
    assert page.selected_entry().id == chosen.changed.id and not resets


def test_tomorrows_reminder_calls_are_recorded(qtbot, window, demo_db, advisor, cars):
    tomorrow = _today() + timedelta(days=1)
    called = _book(demo_db, advisor, cars[6].id, _at(tomorrow, 9), work="二保")
    _book(demo_db, advisor, cars[7].id, _at(tomorrow, 11), work="换轮胎")
    _, page = _book_page(qtbot, window, _today())
    qtbot.waitUntil(lambda: page.reminders.rowCount() == 2, timeout=SHOWN_MS)
    assert page.reminders.row_at(0).plate == cars[6].plate
    page.reminder_view.setFocus()
    page.reminder_view.selectRow(0)
    Robot(qtbot).shortcut("Ctrl+R")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(),
                    timeout=SHOWN_MS)
    dialog = page.dialog
    dialog.method.setCurrentIndex(dialog.method.findData("wechat"))
    dialog.result.setCurrentText("客户确认准时到店")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible() and page.reminders.rowCount() == 1,
                    timeout=SHOWN_MS)
    assert page.reminders.row_at(0).plate == cars[7].plate
    with demo_db.reading() as s:
        assert s.get(Appointment, called.changed.id).reminded_at is not None
        entry = s.scalars(select(AuditLog).where(AuditLog.entity_id == called.changed.id,
                                                 AuditLog.action == "remind")).one()
    assert entry.reason == "客户确认准时到店" and "wechat" in str(entry.data)


def test_days_and_the_week_by_keyboard(qtbot, window, demo_db, advisor, cars):
    today = _today()
    _book(demo_db, advisor, cars[8].id, _at(today + timedelta(days=1), 9), "2.5")
    _, page = _book_page(qtbot, window, today)
    robot = Robot(qtbot)
    page.day_view.setFocus()
    robot.shortcut("Alt+Right")
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 1
                    and page.capacity.day == today + timedelta(days=1), timeout=SHOWN_MS)
    assert page.bookings.row_at(0).plate == cars[8].plate
    robot.shortcut("Alt+W")
    assert page.week_mode and QApplication.focusWidget() is page.week_view
    qtbot.waitUntil(lambda: page.week.rowCount() == 7, timeout=SHOWN_MS)
    week = {c.day: c for c in page.week.rows}
    assert week[today + timedelta(days=1)].booked_hours == Decimal("2.5")
    assert page.week.row_at(0).day.weekday() == 0  # the week starts on Monday
    tomorrow = today + timedelta(days=1)  # the week shown is tomorrow's (today may be a Sunday)
    page.week_view.selectRow(tomorrow.weekday())
    robot.key(page.week_view, Qt.Key.Key_Return)  # open that day
    qtbot.waitUntil(lambda: not page.week_mode and page.capacity.day == tomorrow,
                    timeout=SHOWN_MS)
    robot.shortcut("Alt+Left")
    robot.shortcut("Alt+Home")
    qtbot.waitUntil(lambda: page.capacity.day == today and page.day == today, timeout=SHOWN_MS)


def test_the_books_models_pass_the_model_tester(qtbot, qtmodeltester, window, demo_db,
                                                 advisor, cars):
    tomorrow = _today() + timedelta(days=1)
    _book(demo_db, advisor, cars[0].id, _at(tomorrow, 9))
    _book(demo_db, advisor, cars[1].id, _at(tomorrow, 10))
    desk, page = _book_page(qtbot, window, tomorrow)
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 2 and page.reminders.rowCount() == 2,
                    timeout=SHOWN_MS)
    page.toggle_week()
    qtbot.waitUntil(lambda: page.week.rowCount() == 7, timeout=SHOWN_MS)
    for model in (page.bookings, page.week, page.reminders):
        qtmodeltester.check(model)
    dialog = _open_booking(qtbot, desk, cars[2].id)
    dialog.part_code.setText(OIL_FILTER[0])
    dialog.add_part()
    dialog.part_code.setText("NO-SUCH-PART")
    dialog.add_part()
    qtbot.waitUntil(lambda: dialog.parts.rowCount() == 2
                    and not dialog.parts.rows[1].known, timeout=SHOWN_MS)
    qtmodeltester.check(dialog.parts)
    dialog.reject()


def test_each_kind_of_bay_shows_its_load_and_a_package_books_its_trade(qtbot, window, demo_db,
                                                                       advisor, cars):
    tomorrow = _today() + timedelta(days=1)
    ap.book(demo_db, advisor, ap.Booking(vehicle_id=cars[0].id, channel="phone",
                                         requested_work="钣金", booked_for=_at(tomorrow, 9),
                                         planned_hours=Decimal("10"), trade="body"),
            confirm_overbooking=True)
    desk, page = _book_page(qtbot, window, tomorrow)
    text = page.bays_label.text()
    assert "body bays 10 of 8 h" in text and "paint bays 0 of 8 h" in text
    over = text[text.index("body bays") - 40:text.index("body bays")]
    assert "b3261e" in over  # the over-booked body bays in red, the others not
    assert text.count("b3261e") == 1
    assert page.bookings.row_at(0).trade == "body"

    dialog = _open_booking(qtbot, desk, cars[1].id)
    qtbot.waitUntil(lambda: dialog.package.findData("FS") > 0
                    and dialog.day_capacity is not None, timeout=SHOWN_MS)
    dialog.trade.setCurrentIndex(dialog.trade.findData("body"))
    assert "body bays 10 of 8 h" in dialog.day_load.text()
    dialog.package.setCurrentIndex(dialog.package.findData("FS"))  # 首保: maintenance work
    assert dialog.trade.currentData() == "maintenance"
    assert "maintenance bays 0 of 16 h" in dialog.day_load.text()
    qtbot.keyClick(dialog.work, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.scalar(select(Appointment.trade).where(Appointment.vehicle_id == cars[1].id)) \
            == "maintenance"
    _, page = _book_page(qtbot, window, tomorrow)
    qtbot.waitUntil(lambda: "maintenance bays 1" in page.bays_label.text(), timeout=SHOWN_MS)
