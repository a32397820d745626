"""The front desk on the real widgets: an advisor finds a returning customer's car and opens
its file, creates customers and vehicles, and other seats' changes arrive without a reset."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.workshop.cancellation import cancel
from dms.crm import customers
from dms.crm.campaigns import import_campaign
from dms.models import AuditLog, Customer, Vehicle
from dms.ui.shell.main_window import MainWindow
from dms.ui.tasks import TaskRunner
from dms.workshop import estimates as est
from dms.workshop.reception import CheckIn, check_in
from robot import Robot

SHOWN_MS = 10_000


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


def _desk(window):
    return window.workspace("frontdesk")


def _returning_car(db, advisor, tmp_path):
    """A car with a cancelled visit whose brake job was declined, an open order and a recall."""
    with db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None))
                            .order_by(Vehicle.id)).first()
        plate, vin, mileage = vehicle.plate, vehicle.vin, vehicle.mileage or 0
        vehicle_id = vehicle.id
    old = check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=mileage + 10,
                                        fuel_level=4, complaint="保养")).id
    est.add_labour(db, advisor, old, "BY11")
    declined = est.add_labour(db, advisor, old, "JX01")
    est.issue_estimate(db, advisor, old)
    with db.reading() as s:
        from dms.models import LabourLine
        brake = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == declined.id,
                                                     LabourLine.code == "JX01"))
    est.approve_estimate(db, advisor, old, "车主", "signature", {"labour": [brake]})
    cancel(db, advisor, old, "客户改天再来")
    check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=mileage + 20, fuel_level=5,
                                  complaint="空调不凉"))
    care = authenticate(db, "care1", "demo123")
    csv = tmp_path / "recall.csv"
    csv.write_text(f"VIN\n{vin}\n", encoding="utf-8")
    import_campaign(db, care, "RC2026-01", "前悬架召回", "recall", csv)
    return plate, vehicle_id


@pytest.mark.efficiency
@pytest.mark.parametrize("by", ["plate tail", "VIN tail", "mobile"])
def test_returning_customer_to_a_draft_order_in_three_actions(qtbot, window, demo_db, advisor,
                                                             tmp_path, by):
    plate, vehicle_id = _returning_car(demo_db, advisor, tmp_path)
    with demo_db.reading() as s:
        car = s.get(Vehicle, vehicle_id)
        text = {"plate tail": plate[-5:], "VIN tail": car.vin[-6:], "mobile": car.owner.mobile}[by]
    desk = _desk(window)
    robot = Robot(qtbot)
    assert QApplication.focusWidget() is desk.search_page.search  # the entry has the focus
    robot.type(desk.search_page.search, text)
    robot.key(desk.search_page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page
                    and desk.file_page.file is not None, timeout=SHOWN_MS)
    page = desk.file_page
    assert page.file.id == vehicle_id and page.title.text() == plate
    assert page.open_orders.rowCount() == 1
    assert page.open_view.isVisible()
    assert [o.state for o in page.file.history] == ["CANCELLED"]
    assert page.history.topLevelItemCount() == 1
    assert page.declined.rowCount() == 1 and "刹车片" in page.declined.row_at(0).description
    assert page.campaigns.rowCount() == 1 and page.campaigns.row_at(0).kind == "recall"
    robot.shortcut("Ctrl+N")  # the check-in opens, the car's history beside it
    checkin = desk.checkin_page
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is checkin and checkin.file is not None
                    and checkin.side.history.count() >= 3, timeout=SHOWN_MS)
    shown = [checkin.side.history.item(i).text() for i in range(checkin.side.history.count())]
    assert any("刹车片" in line for line in shown) and any("RC2026-01" in line for line in shown)
    assert QApplication.focusWidget() is checkin.complaint
    robot.done(f"returning customer by {by} → draft work order with history, declined work "
               "and campaigns on screen", "advisor", 3)


def test_a_walk_in_takes_up_declined_work(qtbot, window, demo_db, advisor, tmp_path):
    _plate, vehicle_id = _returning_car(demo_db, advisor, tmp_path)
    desk = _desk(window)
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.file_page.declined_view.selectRow(0)
    desk.take_up()
    page = desk.checkin_page
    page.fuel.set_value(6)
    page.complaint.setPlainText("顺便换刹车片")
    page.submit()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.order_page
                    and desk.order_page.header is not None, timeout=SHOWN_MS)
    desk.back_to_file()
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.file_page
                    and desk.file_page.open_orders.rowCount() == 2, timeout=SHOWN_MS)
    assert desk.file_page.declined.rowCount() == 0  # taken up into the new order
    newest = max(desk.file_page.file.open_orders, key=lambda o: o.id)
    assert "刹车片" in newest.complaint


def test_a_refused_check_in_keeps_what_was_typed(qtbot, window, demo_db, advisor, tmp_path):
    _plate, vehicle_id = _returning_car(demo_db, advisor, tmp_path)
    desk = _desk(window)
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.walk_in()
    page = desk.checkin_page
    page.fuel.set_value(3)
    page.mileage.setValue(5)  # lower than the last reading, and no note
    page.complaint.setPlainText("异响")
    with demo_db.reading() as s:
        before = s.scalar(select(func.count(AuditLog.id)))
    page.submit()
    qtbot.waitUntil(lambda: desk.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "below the last recorded" in desk.message_bar.text()
    assert desk.pages.currentWidget() is page and page.complaint.toPlainText() == "异响"
    assert page.mileage.value() == 5 and page.fuel.value() == 3
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(AuditLog.id))) == before


def test_new_customer_and_vehicle_with_a_wrong_check_digit(qtbot, window, demo_db, advisor):
    desk = _desk(window)
    desk.new_customer()
    dialog = desk.dialog
    dialog.fields["name"].setText("赵新客")
    dialog.fields["mobile"].setText("13912345678")
    dialog.submit()
    qtbot.waitUntil(lambda: desk.dialog is not dialog, timeout=SHOWN_MS)
    vehicle_dialog = desk.dialog  # the new customer's first car follows at once
    assert vehicle_dialog.isVisible()
    good = "LBERB21A4HZ700838"
    wrong = good[:8] + ("0" if good[8] != "0" else "1") + good[9:-6] + "999999"
    vehicle_dialog.fields["vin"].setText(wrong)
    vehicle_dialog.fields["plate"].setText("京AF1234")
    vehicle_dialog.submit()
    qtbot.waitUntil(lambda: vehicle_dialog.message_bar.level == "warning", timeout=SHOWN_MS)
    assert vehicle_dialog.isVisible()  # warned, nothing saved yet
    vehicle_dialog.submit()  # F9 again: save anyway
    qtbot.waitUntil(lambda: not vehicle_dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    assert desk.file_page.file.plate == "京AF1234"
    with demo_db.reading() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "京AF1234")).one()
        assert car.vin_warning_overridden_by_id == advisor.id
        assert s.get(Customer, car.customer_id).name == "赵新客"


def test_editing_a_vehicle_refuses_a_bad_plate_and_keeps_the_form(qtbot, window, demo_db,
                                                                   advisor):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None))
                            .order_by(Vehicle.id)).first()
        vehicle_id, plate = vehicle.id, vehicle.plate
    desk = _desk(window)
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.edit_vehicle()
    dialog = desk.dialog
    qtbot.waitUntil(lambda: dialog.fields["plate"].text() == plate, timeout=SHOWN_MS)
    dialog.fields["plate"].setText("京I12345X9")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert dialog.fields["plate"].text() == "京I12345X9"
    dialog.fields["colour"].setText("极光白")
    dialog.fields["plate"].setText(plate)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.get(Vehicle, vehicle_id).colour == "极光白"


def test_another_seats_edit_updates_the_results_in_place(qtbot, window, demo_db, advisor):
    desk = _desk(window)
    search = desk.search_page
    search.search.setText("京A")
    search.run_search()
    qtbot.waitUntil(lambda: search.model.rowCount() > 3 and not search.model.loading,
                    timeout=SHOWN_MS)
    search.table.selectRow(2)
    chosen = search.selected_row()
    resets = []
    search.model.modelReset.connect(lambda: resets.append(1))
    other = authenticate(demo_db, "advisor2", "demo123")
    customers.update_customer(demo_db, other, chosen.customer_id, mobile="13800001234")
    window.bus.collect(customers_changed(chosen.customer_id))  # what the live feed delivers
    qtbot.waitUntil(lambda: search.selected_row() is not None
                    and search.selected_row().mobile == "13800001234", timeout=SHOWN_MS)
    assert not resets and search.selected_row().key == chosen.key


def customers_changed(customer_id):
    from dms.changes import Change

    return [Change(0, "customer", customer_id, None)]


@pytest.mark.efficiency
def test_quick_open_jumps_to_a_work_order_by_number(qtbot, window, demo_db, advisor):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    order = check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle.id,
                                               mileage=(vehicle.mileage or 0) + 5, fuel_level=4,
                                               complaint="异响"))
    with demo_db.reading() as s:
        from dms.models import WorkOrder
        number = s.get(WorkOrder, order.id).number
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+K")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=SHOWN_MS)
    palette = QApplication.activeModalWidget()
    robot.type(palette.text, number)
    robot.key(palette.text, Qt.Key.Key_Return)
    desk = _desk(window)
    qtbot.waitUntil(lambda: desk.file_page.file is not None
                    and desk.file_page.file.id == vehicle.id, timeout=SHOWN_MS)
    robot.done("quick open a work order by its number from anywhere", "advisor", 3)


def test_the_workspaces_of_each_role(qtbot, demo_db):
    runner = TaskRunner()
    for name, expected in (
            ("advisor1", ["frontdesk", "pdi"]), ("care1", ["frontdesk", "care"]),
            ("dispatcher1", ["workshop"]), ("tech1", ["workshop", "technician"]),
            ("qc1", ["workshop", "pdi"]), ("warehouse1", ["counter"]), ("cashier1", ["cashier"]),
            ("admin", ["frontdesk", "workshop", "technician", "counter", "cashier", "care",
                       "manager", "pdi"])):
        user = authenticate(demo_db, name, "admin123" if name == "admin" else "demo123")
        window = MainWindow(demo_db, user, runner)
        qtbot.addWidget(window)
        assert [s.id for s in window.specs] == expected, name
    runner.shutdown()


def test_an_action_the_role_may_not_use_is_disabled_with_the_reason(qtbot, demo_db):
    care = authenticate(demo_db, "care1", "demo123")  # may book, may not open work orders
    runner = TaskRunner()
    window = MainWindow(demo_db, care, runner)
    qtbot.addWidget(window)
    desk = _desk(window)
    assert desk.book_action.isEnabled()
    assert not desk.walk_in_action.isEnabled()
    assert "role" in desk.walk_in_action.toolTip()
    runner.shutdown()


def test_the_window_remembers_its_size_and_last_workspace(qtbot, demo_db, advisor):
    class Store:
        settings: dict = {}

        def load(self):
            return dict(self.settings)

        def save(self, settings):
            self.settings = dict(settings)

    store, runner = Store(), TaskRunner()
    window = MainWindow(demo_db, advisor, runner, store)
    qtbot.addWidget(window)
    window.show()
    window.close()
    saved = store.settings["window"]
    assert saved["workspace"] == "frontdesk" and saved["geometry"]
    again = MainWindow(demo_db, advisor, runner, store)
    qtbot.addWidget(again)
    assert again.current.id == "frontdesk"
    assert again.minimumWidth() <= 1366 and again.minimumHeight() <= 768
    assert window.width() <= 1366 and window.height() <= 768  # the default fits the screen
    runner.shutdown()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, window, demo_db, advisor, tmp_path):
    _returning_car(demo_db, advisor, tmp_path)
    desk = _desk(window)
    desk.search_page.search.setText("京")
    desk.search_page.run_search()
    qtbot.waitUntil(lambda: desk.search_page.model.rowCount() > 0, timeout=SHOWN_MS)
    qtmodeltester.check(desk.search_page.model)
    with demo_db.reading() as s:
        vehicle_id = s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    for model in (desk.file_page.open_orders, desk.file_page.declined, desk.file_page.campaigns):
        qtmodeltester.check(model)


def test_change_of_owner_keeps_the_history(qtbot, window, demo_db, advisor):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
        buyer = s.scalars(select(Customer).where(Customer.id != vehicle.customer_id)
                          .order_by(Customer.id)).first()
        vehicle_id, seller_id, buyer_id, buyer_code = (vehicle.id, vehicle.customer_id,
                                                       buyer.id, buyer.code)
    desk = _desk(window)
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.change_owner_action.trigger()
    dialog = desk.dialog
    dialog.find.setText(buyer.name)
    dialog.search()
    qtbot.waitUntil(lambda: dialog.choice.count() > 0, timeout=SHOWN_MS)
    dialog.choice.setCurrentIndex(dialog.choice.findData(buyer_id))
    dialog.submit()
    qtbot.waitUntil(lambda: desk.file_page.file.customer_id == buyer_id, timeout=SHOWN_MS)
    assert desk.file_page.file.customer_code == buyer_code
    owners = customers.customer_file(demo_db, advisor, seller_id)
    assert vehicle_id in {v.id for v in owners.vehicles if not v.current}  # kept, as before


def test_another_seats_change_reaches_the_open_file_without_touching_what_is_typed(
        qtbot, window, demo_db, advisor):
    from dms.db import Database, make_engine
    from dms.ui.shell.feed import LiveFeed

    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
        vehicle_id, customer_id = vehicle.id, vehicle.customer_id
    live = LiveFeed(demo_db)
    live.changed.connect(window.bus.collect)
    assert live.wait_ready()
    desk = _desk(window)
    desk.open_vehicle(vehicle_id)
    qtbot.waitUntil(lambda: desk.file_page.file is not None, timeout=SHOWN_MS)
    desk.walk_in()
    page = desk.checkin_page
    page.complaint.setPlainText("左前轮异响")
    qtbot.waitUntil(lambda: page.file is not None, timeout=SHOWN_MS)
    other_seat = Database(engine=make_engine(demo_db.url))
    customers.update_customer(other_seat, authenticate(other_seat, "advisor2", "demo123"),
                              customer_id, mobile="13800009876")
    qtbot.waitUntil(lambda: page.file.mobile == "13800009876", timeout=2000)
    assert desk.pages.currentWidget() is page and page.complaint.toPlainText() == "左前轮异响"
    live.close()
    other_seat.dispose()


def test_escape_returns_from_the_appointment_book_to_the_search(qtbot, window):
    desk = _desk(window)
    desk.appointments_action.trigger()
    assert desk.pages.currentWidget() is desk.book_page
    qtbot.keyClick(desk.book_page.focus_widget() or desk.book_page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.search_page)
    assert desk.search_page.search.hasFocus()
