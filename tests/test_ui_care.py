"""The customer-care workspace on the real widgets, as care1 does the day's work: a reminder
call recorded, a car booked from the call in one command, a follow-up with a low score that
opens a complaint with owner and deadline, overdue complaints in red, refusals that change
nothing and keep the input, and another seat's change arriving in place."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.crm import care, followup
from dms.db import Database, make_engine
from dms.models import (Appointment, AuditLog, Complaint, FollowUp, Reminder, Vehicle,
                        WorkOrder)
from dms.ui.care.calls import CallDialog, ReminderBookingDialog
from dms.ui.care.complaints import RED, NewComplaintDialog, ResolveDialog
from dms.ui.care.followups import FollowUpDialog
from dms.ui.shell.feed import LiveFeed
from robot import Robot

SHOWN_MS = 10_000


@pytest.fixture
def agent(demo_db):
    return authenticate(demo_db, "care1", "demo123")


@pytest.fixture
def window(open_window, demo_db, agent):
    return open_window(demo_db, agent)


@pytest.fixture
def orders_db(demo_orders_db):
    """The demo with its work orders: deliveries to follow up, complaints."""
    return demo_orders_db


@pytest.fixture
def orders_agent(orders_db):
    return authenticate(orders_db, "care1", "demo123")


@pytest.fixture
def orders_window(open_window, orders_db, orders_agent):
    return open_window(orders_db, orders_agent)


def _care(qtbot, window, tab: int = 0):
    ws = window.show_workspace("care")
    ws.show_tab(tab)
    page = ws.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading,
                    timeout=SHOWN_MS)
    return ws, page


def _dialog(qtbot, ws, kind):
    qtbot.waitUntil(lambda: isinstance(ws.dialog, kind) and ws.dialog.isVisible(),
                    timeout=SHOWN_MS)
    return ws.dialog


def _counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (Appointment, Complaint, AuditLog))


@pytest.mark.efficiency
def test_a_reminder_call_is_recorded_in_three_actions(qtbot, window, demo_db):
    ws, page = _care(qtbot, window)
    assert page.kind.currentData() == "maintenance"
    row = page.selected()
    robot = Robot(qtbot)
    robot.key(page.view, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, ws, CallDialog)
    qtbot.waitUntil(lambda: dialog.result.hasFocus(), timeout=SHOWN_MS)
    assert dialog.reached.currentData() is True
    robot.type(dialog.result.lineEdit(), "下周再联系")
    robot.key(dialog.result, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("record a reminder call's result", "customer_care", 3)
    with demo_db.reading() as s:
        reminder = s.get(Reminder, row.reminder_id)
        assert (reminder.method, reminder.result) == ("phone", "下周再联系")
        assert reminder.reminded_at is not None
    qtbot.waitUntil(lambda: page.model.row_of(row.reminder_id) < 0, timeout=SHOWN_MS)
    assert row.customer_name in ws.message_bar.text()


@pytest.mark.efficiency
def test_a_reminder_call_becomes_an_appointment_in_one_step(qtbot, window, demo_db):
    ws, page = _care(qtbot, window)
    row = page.selected()
    before = _counts(demo_db)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+B")
    dialog = _dialog(qtbot, ws, ReminderBookingDialog)
    # the package due is chosen by itself once the packages are read
    qtbot.waitUntil(lambda: dialog.package.currentIndex() > 0
                    and dialog.day_capacity is not None, timeout=SHOWN_MS)
    assert dialog.work.toPlainText() == row.what and dialog.parts.rowCount() > 0
    robot.key(dialog.package, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.confirmed),
                    timeout=SHOWN_MS)
    if dialog.isVisible():  # tomorrow is already full in the demo: F9 again over-books it
        robot.key(dialog.package, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("book an appointment from a reminder call", "customer_care", 4)
    with demo_db.reading() as s:
        reminder = s.get(Reminder, row.reminder_id)
        booked = s.get(Appointment, reminder.appointment_id)
        assert (booked.vehicle_id, booked.requested_work, booked.channel) == (
            row.vehicle_id, row.what, "phone")
        assert reminder.reminded_at is not None and reminder.method == "phone"
    after = _counts(demo_db)
    assert after[0] == before[0] + 1 and after[1] == before[1]
    qtbot.waitUntil(lambda: page.model.row_of(row.reminder_id) < 0, timeout=SHOWN_MS)


def test_the_kinds_of_call_list_and_a_refused_booking_keeps_the_input(qtbot, window, demo_db):
    ws, page = _care(qtbot, window)
    page.kind.setCurrentIndex(page.kind.findData("insurance"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading,
                    timeout=SHOWN_MS)
    assert all(r.kind == "insurance" for r in page.model.rows)
    before = _counts(demo_db)
    ws.book()
    dialog = _dialog(qtbot, ws, ReminderBookingDialog)
    dialog.work.setPlainText("   ")  # no work named: refused, nothing booked
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.work.toPlainText() == "   "
    assert _counts(demo_db) == before
    dialog.reject()


@pytest.mark.efficiency
def test_a_low_score_opens_a_complaint_with_owner_and_deadline(qtbot, orders_window, orders_db):
    ws, page = _care(qtbot, orders_window, 1)
    row = page.selected()
    with orders_db.reading() as s:
        advisor_id = s.scalar(select(WorkOrder.advisor_id).where(WorkOrder.id == row.work_order_id))
    robot = Robot(qtbot)
    robot.key(page.view, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, ws, FollowUpDialog)
    qtbot.waitUntil(lambda: dialog.scores["overall"].hasFocus(), timeout=SHOWN_MS)
    robot.type(dialog.scores["overall"], "2")
    robot.key(dialog.scores["overall"], Qt.Key.Key_Tab)
    assert dialog.issue.hasFocus()
    robot.type(dialog.issue, "交车时车内有油污")  # the result, when left empty, is the issue
    robot.key(dialog.issue, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.message_bar.isVisible(),
                    timeout=SHOWN_MS)
    assert not dialog.isVisible(), dialog.message_bar.text()
    robot.done("record a follow-up with a low score (complaint opened)", "customer_care", 5)
    with orders_db.reading() as s:
        complaint = s.scalars(select(Complaint).where(
            Complaint.follow_up_id == row.id)).one()
        assert (complaint.owner_id, complaint.description, complaint.severity) == (
            advisor_id, "交车时车内有油污", "medium")
        done = s.get(FollowUp, row.id)
        assert (done.satisfaction, done.status, done.scores) == (2, "done", {"overall": 2})
    assert abs(complaint.deadline - (clock.now() + followup.COMPLAINT_DEADLINE)) < timedelta(minutes=5)
    ws.show_tab(2)
    complaints = ws.complaints
    qtbot.waitUntil(lambda: complaints.model.row_of(complaint.id) >= 0, timeout=SHOWN_MS)
    complaints.view.selectRow(complaints.model.row_of(complaint.id))
    qtbot.waitUntil(lambda: complaints.detail is not None
                    and complaints.detail.id == complaint.id, timeout=SHOWN_MS)
    assert "交车时车内有油污" in complaints.detail_label.text()
    assert complaints.detail.owner in complaints.detail_label.text()


def test_bad_follow_up_input_is_refused_and_nothing_changes(qtbot, orders_window, orders_db):
    ws, page = _care(qtbot, orders_window, 1)
    row = page.selected()
    before = _counts(orders_db)
    ws.record_follow_up()
    dialog = _dialog(qtbot, ws, FollowUpDialog)
    dialog.issue.setText("轮胎异响")  # reached, but no overall score given
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "1 to 5" in dialog.message_bar.text()
    assert dialog.isVisible() and dialog.issue.text() == "轮胎异响"
    assert _counts(orders_db) == before
    with orders_db.reading() as s:
        assert s.get(FollowUp, row.id).status == row.status


def test_three_failed_follow_up_calls_escalate_in_red(qtbot, orders_window, orders_db):
    ws, page = _care(qtbot, orders_window, 1)
    row = page.selected()
    for attempt in range(1, 4):
        ws.record_follow_up()
        dialog = _dialog(qtbot, ws, FollowUpDialog)
        dialog.reached.setCurrentIndex(1)
        dialog.result.setCurrentText("无人接听")
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.isVisible()
                        and page.model.row_at(page.model.row_of(row.id)).attempts == attempt,
                        timeout=SHOWN_MS)
        page.view.selectRow(page.model.row_of(row.id))
    shown = page.model.row_at(page.model.row_of(row.id))
    assert shown.status == "escalated" and "escalated" in ws.message_bar.text()
    index = page.model.index(page.model.row_of(row.id), 8)
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole) == RED


def test_overdue_complaints_are_red_and_resolving_needs_every_field(qtbot, orders_window, orders_db,
                                                                    orders_agent):
    with orders_db.reading() as s:
        ids = s.scalars(select(Complaint.id).where(Complaint.status == "open")
                        .order_by(Complaint.id)).all()
    care.assign_complaint(orders_db, orders_agent, ids[0], orders_agent.id, clock.now() + timedelta(days=2))
    ws, page = _care(qtbot, orders_window, 2)
    qtbot.waitUntil(lambda: page.model.row_of(ids[0]) >= 0 and page.model.row_of(ids[1]) >= 0,
                    timeout=SHOWN_MS)
    model = page.model
    on_time, overdue = model.row_of(ids[0]), model.row_of(ids[1])
    assert not model.row_at(on_time).overdue and model.row_at(overdue).overdue
    for column in range(model.columnCount()):
        assert model.data(model.index(overdue, column), Qt.ItemDataRole.ForegroundRole) == RED
        assert model.data(model.index(on_time, column), Qt.ItemDataRole.ForegroundRole) is None
    page.view.selectRow(overdue)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == ids[1],
                    timeout=SHOWN_MS)
    assert "(overdue)" in page.detail_label.text() and RED.name() in page.detail_label.text()
    # escalated when the page was shown (the command's change refreshes the row in place)
    qtbot.waitUntil(lambda: model.row_at(model.row_of(ids[1])).escalation_level >= 1,
                    timeout=SHOWN_MS)

    before = _counts(orders_db)
    Robot(qtbot).shortcut("Ctrl+R")
    dialog = _dialog(qtbot, ws, ResolveDialog)
    dialog.root_cause.setPlainText("洗车工漏洗")
    dialog.resolution.setPlainText("免费重新清洗")
    dialog.submit()  # no prevention note
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "prevent" in dialog.message_bar.text() and dialog.isVisible()
    assert dialog.root_cause.toPlainText() == "洗车工漏洗" and _counts(orders_db) == before
    dialog.prevention.setPlainText("交车前检查车内")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible() and page.detail.status == "resolved",
                    timeout=SHOWN_MS)
    assert not model.row_at(model.row_of(ids[1])).overdue  # resolved: no longer late
    assert ws.close_action.isEnabled() and not ws.resolve_action.isEnabled()
    ws.close_complaint()
    qtbot.waitUntil(lambda: ws.dialog is not None and ws.dialog.objectName() == "careCloseDialog",
                    timeout=SHOWN_MS)
    closing = ws.dialog
    closing.note.setCurrentText("客户满意")
    closing.submit()
    qtbot.waitUntil(lambda: not closing.isVisible() and model.row_of(ids[1]) < 0,
                    timeout=SHOWN_MS)  # closed: off the open list
    with orders_db.reading() as s:
        closed = s.get(Complaint, ids[1])
    assert (closed.status, closed.prevention, closed.closing_note) == (
        "closed", "交车前检查车内", "客户满意")


@pytest.mark.efficiency
def test_a_complaint_by_phone_finds_the_customer_and_refuses_none(qtbot, orders_window,
                                                                  orders_db, orders_agent):
    ws, page = _care(qtbot, orders_window, 2)
    qtbot.waitUntil(lambda: not orders_window.ctx.runner.busy, timeout=SHOWN_MS)  # escalated
    with orders_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None))
                            .order_by(Vehicle.id)).first()
    before = _counts(orders_db)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+N")
    dialog = _dialog(qtbot, ws, NewComplaintDialog)
    qtbot.waitUntil(lambda: dialog.owner.count() > 0, timeout=SHOWN_MS)
    assert dialog.owner.currentData() == orders_agent.id
    dialog.description.setPlainText("电话投诉：等待时间过长")
    dialog.submit()  # no customer chosen yet: refused, the text stays
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "customer" in dialog.message_bar.text() and _counts(orders_db) == before
    robot.type(dialog.find, vehicle.plate)
    robot.key(dialog.find, Qt.Key.Key_Return)  # finds; does not confirm the dialog
    qtbot.waitUntil(lambda: dialog.customer.count() > 0, timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.customer.currentData() == vehicle.customer_id
    robot.key(dialog.description, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("record a complaint made by phone", "customer_care", 5)
    with orders_db.reading() as s:
        made = s.scalars(select(Complaint).order_by(Complaint.id.desc())).first()
    assert (made.customer_id, made.source, made.severity, made.owner_id, made.description) == (
        vehicle.customer_id, "phone", "medium", orders_agent.id, "电话投诉：等待时间过长")
    assert abs(made.deadline - (clock.now() + followup.COMPLAINT_DEADLINE)) < timedelta(minutes=5)
    qtbot.waitUntil(lambda: page.model.row_of(made.id) >= 0, timeout=SHOWN_MS)


def test_another_seats_change_arrives_in_place(qtbot, orders_window, orders_db, orders_agent,
                                               open_window):
    other_seat = Database(engine=make_engine(orders_db.url))
    second = open_window(other_seat, authenticate(other_seat, "care1", "demo123"))
    feed = LiveFeed(other_seat, interval_s=0.1)
    feed.changed.connect(second.bus.collect)
    assert feed.wait_ready()
    ws, page = _care(qtbot, second, 2)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() >= 3, timeout=SHOWN_MS)
    page.view.selectRow(2)
    chosen = model.row_at(2)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == chosen.id,
                    timeout=SHOWN_MS)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    ws.assign()
    typing = ws.dialog
    qtbot.waitUntil(lambda: typing is not None and typing.owner.count() > 0, timeout=SHOWN_MS)
    typing.owner.setCurrentIndex(typing.owner.count() - 1)
    target = model.row_at(0)
    # on the first seat: the first complaint is resolved
    followup.resolve_complaint(orders_db, orders_agent, target.id, "配件缺货", "已补货并更换",
                               "提前备货")
    qtbot.waitUntil(lambda: model.row_at(model.row_of(target.id)).status == "resolved",
                    timeout=SHOWN_MS)
    assert not resets and page.selected().id == chosen.id
    assert typing.isVisible() and typing.owner.currentIndex() == typing.owner.count() - 1
    typing.reject()
    feed.close()
    other_seat.dispose()


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, orders_window):
    for tab in range(3):
        _, page = _care(qtbot, orders_window, tab)
        qtmodeltester.check(page.model)


def test_only_care_agents_and_the_manager_get_the_workspace(open_window, demo_db):
    advisor = open_window(demo_db, authenticate(demo_db, "advisor1", "demo123"))
    assert "care" not in [s.id for s in advisor.specs]
    manager = open_window(demo_db, authenticate(demo_db, "admin", "admin123"))
    ws = manager.show_workspace("care")
    assert not ws.follow_up_action.isEnabled()  # follow-up calls are the care agent's
    assert manager.ctx.actions.allowed("care.assign")
    assert not manager.ctx.actions.allowed("care.call")
