"""Check-in 接车 on the real widgets: the full check-in of DESIGN §9 counted (mileage, fuel,
six damage marks, valuables, one package, promise time, print), a refused mileage that keeps
the form, the draft kept while the advisor serves someone else, the insurance block."""

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.models import AuditLog, InsuranceClaim, LabourLine, PartLine, Vehicle, WorkOrder
from dms.ui.common import printing
from robot import Robot

SHOWN_MS = 10_000
MARKS = [("top", 0.1, 0.5), ("top", 0.3, 0.2), ("left", 0.45, 0.55), ("right", 0.64, 0.55),
         ("front", 0.5, 0.78), ("rear", 0.5, 0.3)]


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


@pytest.fixture
def car(demo_db):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.mileage > 1000)
                            .order_by(Vehicle.id)).first()
        return vehicle.id, vehicle.mileage


def _file(qtbot, window, vehicle_id):
    desk = window.workspace("frontdesk")
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page
                    and desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.file_page.open_view.setFocus()
    return desk


def _office_printer(monkeypatch, tmp_path) -> list[str]:
    """The desk's printer for check-in sheets, printing to PDF files (the paths listed)."""
    printed = []

    def new_printer(_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"printed-{len(printed)}.pdf"))
        printed.append(printer.outputFileName())
        return printer

    monkeypatch.setattr(printing, "available_printers", lambda: ["Desk A4"])
    monkeypatch.setattr(printing, "new_printer", new_printer)
    monkeypatch.setitem(printing._session_store, "printers", {"checkin": {"printer": "Desk A4"}})
    return printed


def _preview(desk):
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "printPreview" and w.isVisible()), None)


def _ready(qtbot, page):
    qtbot.waitUntil(lambda: page.file is not None and bool(page.packages)
                    and page.draft.promised is not None, timeout=SHOWN_MS)


@pytest.mark.efficiency
def test_full_check_in_in_fifteen_actions(qtbot, window, demo_db, advisor, car, monkeypatch,
                                         tmp_path):
    vehicle_id, mileage = car
    printed = _office_printer(monkeypatch, tmp_path)
    desk = _file(qtbot, window, vehicle_id)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+N")
    page = desk.checkin_page
    assert desk.pages.currentWidget() is page and page.complaint.hasFocus()
    _ready(qtbot, page)
    robot.type(page.complaint, "做首保，右后门有点异响")
    robot.key(page.complaint, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.mileage
    robot.type(page.mileage, str(mileage + 4321))
    robot.shortcut("Alt+6")
    qtbot.waitUntil(lambda: page.fuel.value() == 6)  # a button's shortcut clicks it animated
    car_view = page.walk.car
    for view, x, y in MARKS:
        robot.click_at(car_view, car_view.point_for(view, x, y).toPoint(), view)
    robot.click(page.valuables["phone"])
    robot.click(page.package_group.button(0))  # 首保 FS: its jobs and parts
    qtbot.waitUntil(lambda: page.promise_basis.text().startswith("proposed from 1"),
                    timeout=SHOWN_MS)
    assert page.missing() == []
    robot.shortcut("F9")  # saved, and the sheet opens for the customer's signature
    qtbot.waitUntil(lambda: _preview(desk) is not None, timeout=SHOWN_MS)
    preview = _preview(desk)
    assert desk.pages.currentWidget() is not page and preview.kind == "checkin"
    qtbot.waitUntil(preview.is_rendered, timeout=SHOWN_MS)  # the sheet drawn off the GUI thread
    assert preview.page_label.text() == "Page 1 of 1" and preview.print_button.hasFocus()
    robot.shortcut("Ctrl+P")  # to the check-in sheet's printer
    qtbot.waitUntil(lambda: len(printed) == 1 and os.path.getsize(printed[0]) > 0,
                    timeout=SHOWN_MS)
    robot.done("full check-in: mileage, fuel, 6 damage marks, valuables, one package, "
               "promise time, print for signature", "advisor", 15)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.vehicle_id == vehicle_id)).one()
        marks = json.loads(order.damage_marks)
        assert (order.entry_mileage, order.fuel_level) == (mileage + 4321, 6)
        assert order.complaint == "做首保，右后门有点异响" and order.valuables == "Phone"
        assert order.promised_at is not None
        assert [m["zone"] for m in marks] == ["front_bumper", "left_front_fender",
                                              "left_front_door", "right_rear_door",
                                              "front_bumper", "rear_window"]
        assert {m["kind"] for m in marks} == {"scratch"}
        codes = s.scalars(select(LabourLine.code).where(LabourLine.work_order_id == order.id)
                          .order_by(LabourLine.seq)).all()
        assert codes == ["BY01", "BY02"]
        assert s.scalar(select(func.count(PartLine.id))
                        .where(PartLine.work_order_id == order.id)) == 3


def test_a_lower_mileage_is_refused_and_nothing_is_lost(qtbot, window, demo_db, car):
    vehicle_id, mileage = car
    desk = _file(qtbot, window, vehicle_id)
    desk.walk_in()
    page = desk.checkin_page
    _ready(qtbot, page)
    page.complaint.setPlainText("异响")
    page.mileage.setValue(mileage - 100)
    page.fuel.set_value(2)
    page.walk.kinds.button(1).click()  # dent
    car_view = page.walk.car
    qtbot.mouseClick(car_view, Qt.MouseButton.LeftButton,
                     pos=car_view.point_for("top", 0.3, 0.5).toPoint())
    assert any("Mileage" in page.side.flags.item(i).text() for i in range(page.side.flags.count()))
    assert page.odometer_note.isEnabled()  # the reading is lower: a reason may be given
    with demo_db.reading() as s:
        before = s.scalar(select(func.count(AuditLog.id)))
    page.submit()
    qtbot.waitUntil(lambda: desk.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "below the last recorded" in desk.message_bar.text()
    assert desk.pages.currentWidget() is page
    assert (page.complaint.toPlainText(), page.mileage.value(), page.fuel.value()) == (
        "异响", mileage - 100, 2)
    assert [m["kind"] for m in page.walk.marks()] == ["dent"]
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(AuditLog.id))) == before
    page.odometer_note.setText("仪表更换")
    page.submit()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is not page, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.vehicle_id == vehicle_id)).one()
        assert order.odometer_change_note == "仪表更换"


def test_the_draft_survives_serving_someone_else(qtbot, window, demo_db, car):
    vehicle_id, _mileage = car
    desk = _file(qtbot, window, vehicle_id)
    desk.walk_in()
    page = desk.checkin_page
    _ready(qtbot, page)
    page.complaint.setPlainText("空调不凉")
    page.fuel.set_value(7)
    car_view = page.walk.car
    qtbot.mouseClick(car_view, Qt.MouseButton.LeftButton,
                     pos=car_view.point_for("left", 0.2, 0.5).toPoint())
    assert not window.workspace("frontdesk").can_leave()  # signing out would lose it
    qtbot.keyClick(page.complaint, Qt.Key.Key_Escape)  # back to the file ...
    assert desk.pages.currentWidget() is desk.file_page
    with demo_db.reading() as s:
        other = s.scalars(select(Vehicle.id).where(Vehicle.id != vehicle_id)
                          .order_by(Vehicle.id)).first()
    desk.open_vehicle(other)  # ... another customer at the desk ...
    qtbot.waitUntil(lambda: desk.file_page.file.id == other, timeout=SHOWN_MS)
    desk.walk_in()
    assert page.complaint.toPlainText() == "" and page.walk.marks() == []
    desk.open_vehicle(vehicle_id)  # ... and back to the first car
    qtbot.waitUntil(lambda: desk.file_page.file.id == vehicle_id, timeout=SHOWN_MS)
    desk.walk_in()
    assert page.complaint.toPlainText() == "空调不凉" and page.fuel.value() == 7
    assert [m["zone"] for m in page.walk.marks()] == ["left_front_fender"]


def test_an_insurance_check_in_asks_for_the_claim_and_writes_it(qtbot, window, demo_db, car):
    vehicle_id, mileage = car
    desk = _file(qtbot, window, vehicle_id)
    desk.walk_in()
    page = desk.checkin_page
    _ready(qtbot, page)
    assert not page.insurance_box.isVisible()
    page.business.setCurrentIndex(page.business.findData("insurance"))
    assert page.insurance_box.isVisible()
    assert any("Insurer" in page.side.flags.item(i).text() for i in range(page.side.flags.count()))
    page.complaint.setPlainText("追尾")
    page.mileage.setValue(mileage + 10)
    page.fuel.set_value(4)
    page.insurer.setText("平安保险")
    page.report_no.setText("RPA2026-77")
    page.assessed.setText("abc")  # not a number: refused, the form stays
    page.submit()
    qtbot.waitUntil(lambda: desk.message_bar.isVisible(), timeout=SHOWN_MS)
    assert desk.pages.currentWidget() is page and page.insurer.text() == "平安保险"
    page.assessed.setText("2800")
    page.submit()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is not page, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.vehicle_id == vehicle_id)).one()
        claim = s.scalars(select(InsuranceClaim)
                          .where(InsuranceClaim.work_order_id == order.id)).one()
        assert (order.business_type, claim.report_no, str(claim.assessed_amount)) == (
            "insurance", "RPA2026-77", "2800.00")


def test_the_customer_signs_on_the_screen_and_the_sheet_prints_it(qtbot, window, demo_db,
                                                                  advisor, car):
    from dms.workshop.reception import CheckIn, check_in

    vehicle_id, mileage = car
    wo = check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=mileage + 1,
                                            fuel_level=3, complaint="保养")).id
    desk = window.workspace("frontdesk")
    desk.open_order(wo)
    qtbot.waitUntil(lambda: desk.order_page.lines is not None and desk.order_page.header is not None
                    and desk.order_actions.actions["checkin.sign"].isEnabled(), timeout=SHOWN_MS)
    desk.order_actions.actions["checkin.sign"].trigger()
    dialog = desk.dialog
    assert dialog.objectName() == "signDialog" and dialog.isVisible()
    dialog.submit()  # nothing drawn yet
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    pad = dialog.pad
    for y in (40, 80):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad.rect().topLeft() + QPoint(30, y))
        for x in range(40, 300, 20):
            qtbot.mouseMove(pad, QPoint(x, y + (x % 40) // 2))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, y))
    assert len(pad.strokes) == 2 and all(len(s) > 5 for s in pad.strokes)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: _preview(desk) is not None, timeout=SHOWN_MS)
    assert _preview(desk).kind == "checkin"
    with demo_db.reading() as s:
        stored = json.loads(s.get(WorkOrder, wo).checkin_signature)
    assert len(stored["strokes"]) == 2


def test_a_refresh_of_the_file_does_not_pull_the_advisor_out_of_the_check_in(
        qtbot, window, demo_db, car, monkeypatch):
    vehicle_id, _mileage = car
    desk = _file(qtbot, window, vehicle_id)
    refreshed, show_file = [], desk.file_page.show_file
    monkeypatch.setattr(desk.file_page, "show_file",
                        lambda file: (show_file(file), refreshed.append(file.id)))
    desk.apply_changes([])  # another seat changed something: the file on screen is read again
    desk.walk_in()  # Ctrl+N before that read answered
    qtbot.waitUntil(lambda: refreshed == [vehicle_id], timeout=SHOWN_MS)
    assert desk.pages.currentWidget() is desk.checkin_page
