"""The estimate editor on the real widgets: a standard job in ≤ 3 actions (DESIGN §9), jobs by
pinyin initials and parts with stock, payer per line with the totals per payer following, a
discount above the limit refused until a manager approves, issuing and printing, the customer's
approval with a declined job, and an expired estimate refused."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dms import clock
from dms.auth import authenticate
from dms.models import LabourLine, Recommendation, Vehicle, WorkOrder
from dms.workshop import estimates
from dms.workshop.reception import CheckIn, check_in
from robot import Robot

SHOWN_MS = 10_000


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


def _order(db, advisor, business_type="repair") -> int:
    with db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.mileage > 1000)
                            .order_by(Vehicle.id)).first()
        vehicle_id, mileage = vehicle.id, vehicle.mileage
    return check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=mileage + 10,
                                         fuel_level=4, complaint="保养并检查刹车",
                                         business_type=business_type)).id


def _editor(qtbot, window, wo_id):
    desk = window.workspace("frontdesk")
    desk.open_order(wo_id)
    page = desk.order_page
    qtbot.waitUntil(lambda: page.lines is not None and page.header is not None,
                    timeout=SHOWN_MS)
    return desk, page


def _lines(qtbot, page, count):
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=SHOWN_MS)
    return page.model.rows


def _close_preview(qtbot, window):
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "printPreview" and widget.isVisible():
            widget.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _dialog(qtbot, desk, name):
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.objectName() == name
                    and desk.dialog.isVisible(), timeout=SHOWN_MS)
    return desk.dialog


@pytest.mark.efficiency
def test_a_standard_job_in_three_actions(qtbot, window, demo_db, advisor):
    wo = _order(demo_db, advisor, "maintenance")
    desk, page = _editor(qtbot, window, wo)
    robot = Robot(qtbot)
    assert QApplication.focusWidget() is page.add
    robot.type(page.add, "sb")  # 首保 by its pinyin initials
    robot.key(page.add, Qt.Key.Key_Return)
    rows = _lines(qtbot, page, 5)
    robot.done("add a standard job (labour with its parts)", "advisor", 3)
    # the parts under the job they belong to
    assert [r.kind for r in rows] == ["labour", "part", "part", "part", "labour"]
    assert all(r.net > 0 for r in rows)
    assert page.totals["customer"].text() == page.totals["total"].text() != "¥0.00"
    assert page.add.text() == "" and page.add.hasFocus()  # ready for the next one


def test_jobs_and_parts_with_payer_per_line_and_totals_per_payer(qtbot, window, demo_db,
                                                                 advisor):
    wo = _order(demo_db, advisor)
    desk, page = _editor(qtbot, window, wo)
    page.add.setText("ghjy")  # 更换机油… by its initials
    page.add_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SHOWN_MS)
    assert page.model.row_at(0).kind == "labour"
    page.add.setText("26300-35505")
    qtbot.keyClick(page.add, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.matches.rowCount() == 0 and page.model.rowCount() == 2,
                    timeout=SHOWN_MS)
    page.add.setText("DQ02")
    page.payer.setCurrentIndex(page.payer.findData("warranty"))
    page.add_selected()
    rows = _lines(qtbot, page, 3)
    warranty = next(r for r in rows if r.code == "DQ02")
    assert warranty.payer == "warranty"
    assert page.totals["warranty"].text() == f"¥{warranty.net:,.2f}"
    customer = sum((r.net for r in rows if r.payer == "customer"), Decimal(0))
    assert page.totals["customer"].text() == f"¥{customer:,.2f}"
    # the part was shown with its stock and bin before it was added
    page.add.setText("26300")
    page._search()
    qtbot.waitUntil(lambda: page.matches.rowCount() > 0, timeout=SHOWN_MS)
    hit = page.matches.row_at(0)
    assert hit.kind == "part" and hit.available is not None and hit.bin


def test_a_discount_above_the_limit_needs_a_manager(qtbot, window, demo_db, advisor):
    wo = _order(demo_db, advisor)
    estimates.add_labour(demo_db, advisor, wo, "JX01")
    desk, page = _editor(qtbot, window, wo)
    _lines(qtbot, page, 1)
    page.view.selectRow(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, desk, "changeLineDialog")
    dialog.discount.setText("40")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert "manager" in dialog.message_bar.text() and dialog.isVisible()
    assert dialog.discount.text() == "40"  # nothing lost
    with demo_db.reading() as s:
        assert s.scalars(select(LabourLine.discount_pct)
                         .where(LabourLine.work_order_id == wo)).one() == 0
    dialog.manager.setText("admin")
    dialog.password.setText("admin123")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.model.row_at(0).discount_pct == 40, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        line = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)).one()
        assert line.discount_approved_by_id is not None


def test_issue_print_and_approve_with_a_declined_job(qtbot, window, demo_db, advisor):
    wo = _order(demo_db, advisor)
    estimates.add_labour(demo_db, advisor, wo, "BY11")
    estimates.add_labour(demo_db, advisor, wo, "JX01")
    desk, page = _editor(qtbot, window, wo)
    _lines(qtbot, page, 2)
    page.add.setFocus()
    qtbot.keyClick(page.add, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: any(w.objectName() == "printPreview" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.lines.state == "ESTIMATED", timeout=SHOWN_MS)
    _close_preview(qtbot, window)  # printed and handed over; back at the order
    qtbot.keyClick(page.add, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, desk, "approveDialog")
    assert dialog.who.text() == page.header.customer_name
    dialog.lines.item(1).setCheckState(Qt.CheckState.Unchecked)  # no brake job today
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.lines.state == "AUTHORIZED", timeout=SHOWN_MS)
    assert [r.approval for r in page.model.rows] == ["approved", "declined"]
    with demo_db.reading() as s:
        assert s.scalars(select(Recommendation).where(Recommendation.work_order_id == wo)).one()


def test_an_expired_estimate_is_refused_and_the_dialog_keeps_its_input(qtbot, window, demo_db,
                                                                        advisor):
    wo = _order(demo_db, advisor)
    estimates.add_labour(demo_db, advisor, wo, "BY11")
    with clock.frozen_at(clock.now() - timedelta(days=10)):
        estimates.issue_estimate(demo_db, advisor, wo)
    desk, page = _editor(qtbot, window, wo)
    _lines(qtbot, page, 1)
    desk.order_actions.approve()
    dialog = _dialog(qtbot, desk, "approveDialog")
    dialog.who.setText("李女士")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert "issue a new estimate" in dialog.message_bar.text()
    assert dialog.isVisible() and dialog.who.text() == "李女士"
    with demo_db.reading() as s:
        assert s.get(WorkOrder, wo).state == "ESTIMATED"


def test_the_editor_and_queue_models_pass_the_model_tester(qtbot, qtmodeltester, window,
                                                           demo_db, advisor):
    wo = _order(demo_db, advisor, "maintenance")
    desk, page = _editor(qtbot, window, wo)
    page.add.setText("sb")
    page.add_selected()
    _lines(qtbot, page, 5)
    page.add.setText("26300")
    page._search()
    qtbot.waitUntil(lambda: page.matches.rowCount() > 0, timeout=SHOWN_MS)
    desk.show_queue()
    qtbot.waitUntil(lambda: desk.queue_page.loaded, timeout=SHOWN_MS)
    for model in (page.model, page.matches, desk.queue_page.model):
        qtmodeltester.check(model)


@pytest.mark.efficiency
def test_a_part_quantity_changed_in_five_actions_and_a_bad_one_refused(qtbot, window, demo_db,
                                                                       advisor):
    from sqlalchemy import func

    from dms.models import PartLine, Reservation
    from builders import OIL_FILTER, estimate_snapshot

    wo = _order(demo_db, advisor)
    estimates.add_labour(demo_db, advisor, wo, "JX01")
    estimates.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    desk, page = _editor(qtbot, window, wo)
    rows = _lines(qtbot, page, 2)
    part_row = next(i for i, r in enumerate(rows) if r.kind == "part")

    def held():
        with demo_db.reading() as s:
            line = s.scalars(select(PartLine).where(PartLine.work_order_id == wo)).one()
            return line.qty, s.scalar(select(func.sum(Reservation.qty)).where(
                Reservation.part_line_id == line.id, Reservation.status == "active"))

    robot = Robot(qtbot)
    page.view.setFocus()
    robot.click_at(page.view.viewport(), page.view.visualRect(
        page.model.index(part_row, 2)).center(), "the part's line")
    robot.key(page.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, desk, "changeLineDialog")
    dialog.activateWindow()  # as a desktop does with a dialog that opens
    qtbot.waitUntil(lambda: dialog.discount.hasFocus(), timeout=SHOWN_MS)
    robot.key(dialog.discount, Qt.Key.Key_Tab)  # discount → quantity, its text selected
    assert dialog.qty.hasFocus() and dialog.qty.selectedText() == "1"
    robot.type(dialog.qty, "2")
    robot.key(dialog.qty, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.model.row_at(part_row).qty == 2, timeout=SHOWN_MS)
    robot.done("estimate editor: change a part's quantity", "advisor", 5)
    row = page.model.row_at(part_row)
    assert row.amount == row.price * 2 and held() == (2, 2)  # repriced, and two held
    page.view.selectRow(part_row)  # a quantity of none: refused, nothing changes
    desk.order_actions.change_line()
    dialog = _dialog(qtbot, desk, "changeLineDialog")
    before = estimate_snapshot(demo_db, wo)
    dialog.qty.setText("0")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert "quantity is a number of more than 0" in dialog.message_bar.text()
    assert dialog.isVisible() and dialog.qty.text() == "0"
    assert estimate_snapshot(demo_db, wo) == before and held() == (2, 2)


@pytest.mark.efficiency
def test_the_customer_signs_the_estimate_on_the_screen_in_three_actions(qtbot, window,
                                                                        demo_db, advisor):
    import json

    from PySide6.QtCore import QPoint

    from dms.models import Estimate, EstimateApproval

    wo = _order(demo_db, advisor)
    estimates.add_labour(demo_db, advisor, wo, "BY11")
    estimates.issue_estimate(demo_db, advisor, wo)
    desk, page = _editor(qtbot, window, wo)
    _lines(qtbot, page, 1)
    page.add.setFocus()
    robot = Robot(qtbot)
    robot.key(page.add, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, desk, "approveDialog")
    dialog.activateWindow()  # as a desktop does with a dialog that opens
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SHOWN_MS)
    pad = dialog.pad
    assert pad.isVisible() and not dialog.decline.isVisible()  # nothing declined: no reason
    robot._count("sign on the pad")
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 60))
    for x in range(40, 320, 20):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40) // 2))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(320, 60))
    robot.key(dialog.method, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.lines.state == "AUTHORIZED", timeout=SHOWN_MS)
    robot.done("the customer approves the estimate, signing on the screen", "advisor", 3)
    with demo_db.reading() as s:
        approval = s.scalars(select(EstimateApproval).join(Estimate).where(
            Estimate.work_order_id == wo)).one()
        assert approval.method == "signature"
        assert len(json.loads(approval.signature)["strokes"]) == 1
