"""What the day in the shop (tests/test_day.py) found, each on the real widgets: added work
proposed at the technician's terminal could not be priced at the desk (no hours: Ctrl+P was
refused), and a vehicle file refreshed in the background pulled the advisor back from the page
they had gone to."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decimal import Decimal

import pytest
from builders import login, make_order, workshop_users
from PySide6.QtCore import Qt
from robot import Robot
from sqlalchemy import select

from dms.models import LabourLine, Vehicle, WorkOrder
from dms.workshop import dispatch

SHOWN_MS = 10_000


@pytest.fixture
def in_repair(demo_db):
    """An order in repair, its first job clocked on by tech2."""
    users = workshop_users(demo_db)
    wo, jobs = make_order(demo_db, users["advisor1"])
    for job in jobs:
        dispatch.assign_job(demo_db, users["dispatcher1"], job,
                            dispatch.bay_for(demo_db, users["dispatcher1"], job),
                            users["tech2"].id)
    dispatch.clock_on(demo_db, users["tech2"], jobs[0])
    return wo


def _propose(qtbot, open_window, db, hours: str) -> None:
    window = open_window(db, login(db, "tech2"))
    ws = window.show_workspace("technician")
    qtbot.waitUntil(lambda: ws.actions["technician.added_work"].isEnabled(), timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+N")
    qtbot.waitUntil(lambda: ws.dialog is not None and ws.dialog.isActiveWindow(),
                    timeout=SHOWN_MS)
    dialog = ws.dialog
    robot.type(dialog.description, "玻璃水不足，建议添加")
    if hours:
        robot.shortcut("Alt+H")
        assert dialog.hours.hasFocus()
        robot.type(dialog.hours, hours)
    robot.key(dialog.description, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    window.close()


def _queue(qtbot, open_window, db):
    window = open_window(db, login(db, "advisor1"))
    desk = window.workspace("frontdesk")
    desk.added_work_action.trigger()
    page = desk.queue_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SHOWN_MS)
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    return desk, page


def _added(db, wo):
    with db.reading() as s:
        return s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo,
                                                  LabourLine.added_work)).one()


def test_the_technicians_hours_let_the_desk_price_added_work(qtbot, open_window, demo_db,
                                                             in_repair):
    _propose(qtbot, open_window, demo_db, "0.3")
    assert _added(demo_db, in_repair).standard_hours == Decimal("0.30")
    desk, page = _queue(qtbot, open_window, demo_db)
    qtbot.waitUntil(lambda: page.model.row_at(0).waiting_price == 0, timeout=SHOWN_MS)
    job = _added(demo_db, in_repair)
    assert (job.approval, job.billed_hours, job.amount) == ("priced", Decimal("0.30"),
                                                            Decimal("54.00"))  # 0.3 h × 180
    assert desk.message_bar.level != "error"


def test_without_hours_the_desk_is_told_and_nothing_is_priced(qtbot, open_window, demo_db,
                                                             in_repair):
    _propose(qtbot, open_window, demo_db, "")
    desk, page = _queue(qtbot, open_window, demo_db)
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)
    assert "Hours" in desk.message_bar.text()
    assert _added(demo_db, in_repair).approval == "proposed"


def test_bad_hours_are_refused_in_the_dialog_and_it_keeps_the_input(qtbot, open_window,
                                                                    demo_db, in_repair):
    window = open_window(demo_db, login(demo_db, "tech2"))
    ws = window.show_workspace("technician")
    qtbot.waitUntil(lambda: ws.actions["technician.added_work"].isEnabled(), timeout=SHOWN_MS)
    ws.added_work()
    dialog = ws.dialog
    dialog.description.setText("玻璃水不足")
    dialog.hours.setText("0")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.hours.text() == "0"
    with demo_db.reading() as s:
        assert s.get(WorkOrder, in_repair).state == "IN_REPAIR"
        assert not s.scalars(select(LabourLine).where(LabourLine.work_order_id == in_repair,
                                                      LabourLine.added_work)).all()


def test_a_refreshed_vehicle_file_leaves_the_advisor_where_they_went(qtbot, open_window,
                                                                    demo_db):
    window = open_window(demo_db, login(demo_db, "advisor1"))
    desk = window.workspace("frontdesk")
    with demo_db.reading() as s:
        vehicle_id = s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page
                    and desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.apply_changes([])  # another seat's change: the shown file is read again...
    Robot(qtbot).shortcut("F3")  # ...while the advisor goes to the appointment book
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=SHOWN_MS)
    assert desk.pages.currentWidget() is desk.book_page
    desk.open_vehicle(vehicle_id)  # asked for, the file still comes to the front
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page, timeout=SHOWN_MS)
