"""Added work at the desk on the real widgets: a technician's proposal reaches the queue from
another seat, the advisor prices it and records the customer's yes in two actions (DESIGN §9),
or their no, which follows the car as a recommendation."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from builders import OIL_FILTER, estimate_snapshot, in_repair_order
from dms.auth import authenticate
from dms.db import Database, make_engine
from dms.models import LabourLine, Recommendation, WorkOrder
from dms.workshop.added_work import propose_added_work
from robot import Robot

SHOWN_MS = 10_000


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


@pytest.fixture
def in_repair(demo_db, advisor):
    return in_repair_order(demo_db, advisor)


def _queue(qtbot, window, rows):
    desk = window.workspace("frontdesk")
    desk.added_work_action.trigger()
    page = desk.queue_page
    assert desk.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=SHOWN_MS)
    return desk, page


@pytest.mark.efficiency
def test_approve_added_work_in_two_actions(qtbot, window, demo_db, advisor, in_repair):
    wo, tech = in_repair
    propose_added_work(demo_db, tech, wo, "左前减震器漏油", operation_code="JX04",
                       part_codes=[(OIL_FILTER, 1)])
    desk, page = _queue(qtbot, window, 1)
    row = page.model.row_at(0)
    assert row.waiting_price == 2 and "更换前减震器" in row.description
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # priced
    qtbot.waitUntil(lambda: page.model.row_at(0).waiting_price == 0
                    and page.model.row_at(0).priced > 0, timeout=SHOWN_MS)
    robot = Robot(qtbot)  # the customer said yes on the phone
    page.view.clearSelection()
    robot.click_at(page.view.viewport(),
                   page.view.visualRect(page.model.index(0, 4)).center(), "the order's row")
    assert page.selected().work_order_id == wo
    robot.shortcut("Ctrl+Return")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=SHOWN_MS)
    robot.done("approve added work the customer agreed to", "advisor", 2)
    assert "agreed" in desk.message_bar.text()
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        assert order.state == "IN_REPAIR"  # resumed: nothing waits for an answer
        job = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo,
                                                 LabourLine.added_work)).one()
        assert (job.approval, job.net > 0) == ("approved", True)


@pytest.mark.efficiency
def test_declined_added_work_is_recorded_for_the_car_with_the_reason(
        qtbot, window, demo_db, advisor, in_repair):
    wo, tech = in_repair
    propose_added_work(demo_db, tech, wo, "雨刮片老化", operation_code="JX04")
    desk, page = _queue(qtbot, window, 1)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)
    assert page.model.rowCount() == 1  # not priced yet: the customer cannot be asked
    page.price()
    qtbot.waitUntil(lambda: page.model.row_at(0).waiting_price == 0, timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.key(page.view, Qt.Key.Key_Return,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.dialog
    assert dialog.objectName() == "declineDialog" and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.decline.reason.hasFocus(), timeout=SHOWN_MS)
    before = estimate_snapshot(demo_db, wo)
    robot.shortcut("F9")  # no reason chosen: refused in the dialog, nothing recorded
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert "why the customer declined" in dialog.message_bar.text() and dialog.isVisible()
    assert estimate_snapshot(demo_db, wo) == before
    robot.key(dialog.decline.reason, Qt.Key.Key_Down)  # 太贵了 / too expensive
    robot.type(dialog.decline.note, "嫌原厂件贵")
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not dialog.isVisible(),
                    timeout=SHOWN_MS)
    robot.done("decline added work on the phone with the reason (one refusal on the way)",
               "advisor", 5)
    with demo_db.reading() as s:
        recommendation = s.scalars(select(Recommendation)
                                   .where(Recommendation.work_order_id == wo)).one()
        assert "更换前减震器" in recommendation.description
        assert (recommendation.reason, recommendation.reason_note) == ("price", "嫌原厂件贵")
    desk.open_vehicle(recommendation.vehicle_id)  # the file shows it, with why
    qtbot.waitUntil(lambda: desk.file_page.file is not None
                    and desk.file_page.declined.rowCount() == 1, timeout=SHOWN_MS)
    shown = desk.file_page.declined.data(desk.file_page.declined.index(0, 0))
    assert "更换前减震器" in shown and "嫌原厂件贵" in shown and "Too expensive" in shown


def test_a_proposal_from_the_workshop_reaches_the_queue_within_a_second(
        qtbot, window, demo_db, advisor, in_repair):
    from dms.ui.shell.feed import LiveFeed

    wo, _tech = in_repair
    live = LiveFeed(demo_db)
    live.changed.connect(window.bus.collect)
    assert live.wait_ready()
    desk, page = _queue(qtbot, window, 0)
    other_seat = Database(engine=make_engine(demo_db.url))
    try:
        tech = authenticate(other_seat, "tech2", "demo123")
        gc.collect()  # a long run holds much garbage: not collected inside the timed part
        propose_added_work(other_seat, tech, wo, "右前轮胎鼓包", operation_code="JX04")
        started = time.monotonic()
        limit = 1000 if demo_db.url.startswith("postgresql") else 2000  # SQLite polls
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=limit)
        assert time.monotonic() - started < limit / 1000
    finally:
        live.close()
        other_seat.dispose()
