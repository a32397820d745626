"""The manager's setup screens on the real widgets: the store's record, a bay with its kind and
capacity, a package's items, the PDI checklist, housekeeping run from the screen, and the
lists following another seat's changes to users and catalogues in place."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from dms import clock
from dms.admin import catalogue, packages, store, users
from dms.auth import authenticate
from dms.db import Database, make_engine
from dms.ui.manager.admin import SECTIONS
from dms.ui.manager.setup_dialogs import PackageItemsDialog, StoreDialog
from dms.ui.shell.feed import LiveFeed
from dms.workshop import appointments as ap
from dms.workshop import pdi
from robot import Robot

SHOWN_MS = 15_000


@pytest.fixture
def manager(demo_db):
    return authenticate(demo_db, "admin", "admin123")


@pytest.fixture
def ws(open_window, demo_db, manager):
    return open_window(demo_db, manager).show_workspace("manager")


def _admin(qtbot, ws, section, rows=1):
    ws.tabs.setCurrentWidget(ws.admin)
    page = ws.admin
    page.sections.setCurrentRow(SECTIONS.index(section))
    if rows:
        qtbot.waitUntil(lambda: page.model.rowCount() >= rows, timeout=SHOWN_MS)
    return page


def _dialog(qtbot, ws, kind):
    qtbot.waitUntil(lambda: isinstance(ws.dialog, kind) and ws.dialog.isVisible(),
                    timeout=SHOWN_MS)
    qtbot.waitUntil(ws.dialog.isActiveWindow, timeout=SHOWN_MS)  # its F9 is the dialog's
    return ws.dialog


def test_the_stores_telephone_is_changed_and_a_missing_logo_refused(qtbot, ws, demo_db, manager,
                                                                    tmp_path, qtmodeltester):
    page = _admin(qtbot, ws, "store")
    qtmodeltester.check(page.model)
    assert page.model.row_at(0).name == store.store_info(demo_db, manager).name
    robot = Robot(qtbot)
    page.table.selectRow(0)
    robot.key(page.table, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, ws, StoreDialog)
    dialog.phone.selectAll()
    robot.type(dialog.phone, "010-66668888")
    dialog.logo.setText(str(tmp_path / "nowhere.png"))
    robot.key(dialog.phone, Qt.Key.Key_F9)
    qtbot.waitUntil(dialog.message_bar.isVisible, timeout=SHOWN_MS)
    assert "nowhere.png" in dialog.message_bar.text() and dialog.phone.text() == "010-66668888"
    assert store.store_info(demo_db, manager).phone != "010-66668888"
    dialog.logo.clear()
    robot.key(dialog.phone, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.model.row_at(0).phone == "010-66668888", timeout=SHOWN_MS)
    assert store.store_info(demo_db, manager).phone == "010-66668888"


def test_the_invoice_details_are_typed_a_wrong_tax_id_refused_and_then_saved(
        qtbot, ws, demo_db, manager):
    page = _admin(qtbot, ws, "store")
    robot = Robot(qtbot)
    page.table.selectRow(0)
    robot.key(page.table, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, ws, StoreDialog)
    robot.key(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # Invoice h&eader
    assert dialog.invoice_name.hasFocus()
    robot.type(dialog.invoice_name, "北京京华现代汽车销售服务有限公司")
    robot.key(dialog, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Ta&xpayer ID
    robot.type(dialog.tax_id, "91350100M000100Y44")  # the check character is 3
    robot.key(dialog.tax_id, Qt.Key.Key_Tab)
    robot.type(dialog.invoice_address_phone, "东四环北路168号 010-84571234")
    robot.key(dialog.invoice_address_phone, Qt.Key.Key_Tab)
    robot.type(dialog.invoice_bank_account, "工商银行朝阳支行 0200001234567890")
    robot.key(dialog.invoice_bank_account, Qt.Key.Key_F9)
    qtbot.waitUntil(dialog.message_bar.isVisible, timeout=SHOWN_MS)
    assert "91350100M000100Y44" in dialog.message_bar.text()
    assert (dialog.tax_id.text(), dialog.invoice_bank_account.text()) == (
        "91350100M000100Y44", "工商银行朝阳支行 0200001234567890")  # kept as typed
    assert store.store_info(demo_db, manager).invoice == store.InvoiceDetails()
    robot.key(dialog.tax_id, Qt.Key.Key_Backspace)
    robot.type(dialog.tax_id, "3")
    robot.key(dialog.tax_id, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.model.row_at(0).invoice.tax_id == "91350100M000100Y43",
                    timeout=SHOWN_MS)
    assert store.store_info(demo_db, manager).invoice == store.InvoiceDetails(
        "北京京华现代汽车销售服务有限公司", "91350100M000100Y43", "东四环北路168号 010-84571234",
        "工商银行朝阳支行 0200001234567890")
    assert robot.actions == 13  # open, 4 fields typed (2 by Alt+key), F9, the fix, F9


def test_a_new_body_bay_with_its_hours_shows_in_the_list_and_its_kinds_capacity(
        qtbot, ws, demo_db, manager):
    page = _admin(qtbot, ws, "bay")
    before = len(page.model.rows)
    page.new()
    dialog = ws.dialog
    dialog.fields["code"].setText("B9")
    dialog.fields["name"].setText("钣金9号")
    kind = dialog.fields["kind"]
    kind.setCurrentIndex(kind.findData("body"))
    dialog.fields["capacity_hours"].setText("30")
    dialog.submit()
    qtbot.waitUntil(dialog.message_bar.isVisible, timeout=SHOWN_MS)  # a day has 24 hours
    assert dialog.fields["capacity_hours"].text() == "30"
    dialog.fields["capacity_hours"].setText("10")
    dialog.submit()
    qtbot.waitUntil(lambda: len(page.model.rows) == before + 1, timeout=SHOWN_MS)
    made = next(r for r in page.model.rows if r["code"] == "B9")
    assert (made["kind"], made["capacity_hours"], made["active"]) == ("body", Decimal("10.00"), True)
    body = [r for r in page.model.rows if r["kind"] == "body" and r["active"]]
    hours = sum((r["capacity_hours"] for r in body), Decimal(0))
    assert f"{hours.normalize():f} h" in page.caption.text()
    assert made in catalogue.records(demo_db, manager, "bay")


@pytest.mark.efficiency
def test_a_part_is_added_to_a_package_by_its_code_and_saved(qtbot, ws, demo_db, manager):
    page = _admin(qtbot, ws, "maintenance_package")
    package = page.model.row_at(0)
    before = packages.package_items(demo_db, manager, package["id"])
    part = next(i for i in packages.find_items(demo_db, manager, "0", 50) if i.kind == "part"
                and i.code not in {b.code for b in before})
    robot = Robot(qtbot)
    page.table.selectRow(0)
    page.table.setFocus()
    robot.shortcut("Ctrl+I")
    dialog = _dialog(qtbot, ws, PackageItemsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=SHOWN_MS)
    robot.type(dialog.find, part.code)
    robot.key(dialog.find, Qt.Key.Key_Return)  # one match: added at once, not saved
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before) + 1, timeout=SHOWN_MS)
    assert dialog.isVisible()
    robot.key(dialog.find, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("manager: add a part to a maintenance package", "manager", 5)
    after = packages.package_items(demo_db, manager, package["id"])
    assert after == (*before, packages.PackageItem("part", part.code, part.name, Decimal("1.00")))


def test_a_package_without_labour_is_refused_and_the_dialog_keeps_its_items(qtbot, ws, demo_db,
                                                                          manager):
    page = _admin(qtbot, ws, "maintenance_package")
    package = page.model.row_at(0)
    before = packages.package_items(demo_db, manager, package["id"])
    page.table.selectRow(0)
    page.edit_items()
    dialog = _dialog(qtbot, ws, PackageItemsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=SHOWN_MS)
    for row in reversed(range(dialog.table.rowCount())):
        if dialog.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == "labour":
            dialog.table.selectRow(row)
            dialog.remove()
    left = dialog.table.rowCount()
    dialog.submit()
    qtbot.waitUntil(dialog.message_bar.isVisible, timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.table.rowCount() == left
    assert packages.package_items(demo_db, manager, package["id"]) == before


def test_an_item_is_added_to_the_pdi_checklist(qtbot, ws, demo_db, manager):
    page = _admin(qtbot, ws, "pdi_template", rows=0)
    checklist = page.pdi_page
    before = pdi.pdi_template(demo_db, manager)
    qtbot.waitUntil(lambda: checklist.table.rowCount() == len(before), timeout=SHOWN_MS)
    robot = Robot(qtbot)
    ws.window().activateWindow()
    qtbot.waitUntil(ws.window().isActiveWindow, timeout=SHOWN_MS)  # Ins is the window's
    checklist.table.selectRow(len(before) - 1)
    checklist.table.setFocus()
    robot.shortcut("Ins")
    qtbot.waitUntil(lambda: checklist.table.rowCount() == len(before) + 1, timeout=SHOWN_MS)
    checklist.table.item(len(before), 1).setText("充电口及充电线检查")
    checklist.save()
    qtbot.waitUntil(lambda: len(pdi.pdi_template(demo_db, manager)) == len(before) + 1,
                    timeout=SHOWN_MS)
    last = pdi.pdi_template(demo_db, manager)[-1]
    assert (last.section, last.name) == (before[-1].section, "充电口及充电线检查")
    checklist.table.item(0, 1).setText("")  # an empty item is refused; nothing changes
    checklist.save()
    qtbot.waitUntil(ws.message_bar.isVisible, timeout=SHOWN_MS)
    assert pdi.pdi_template(demo_db, manager)[-1] == last


def test_housekeeping_run_from_the_screen_lists_the_no_show_it_released(qtbot, ws, demo_db,
                                                                        manager, request):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    from sqlalchemy import select
    from dms.models import Vehicle
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    booked = ap.book(demo_db, advisor, ap.Booking(
        vehicle_id=vehicle.id, channel="phone", requested_work="保养",
        booked_for=clock.now() + timedelta(hours=1)))
    later = clock.frozen_at(clock.now() + timedelta(days=2))  # the car never came
    later.__enter__()
    request.addfinalizer(lambda: later.__exit__(None, None, None))
    page = _admin(qtbot, ws, "housekeeping", rows=0)
    housekeeping = page.housekeeping_page
    qtbot.waitUntil(lambda: housekeeping.values["hold_hours.no_show"].text() != "",
                    timeout=SHOWN_MS)
    robot = Robot(qtbot)
    housekeeping.run_button.setFocus()
    robot.key(housekeeping.run_button, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: housekeeping.last_run is not None, timeout=SHOWN_MS)
    [row] = [r for r in housekeeping.model.rows if r.id == booked.changed.id]
    assert (row.kind, row.number, row.plate) == ("no_show", booked.number, vehicle.plate)
    assert "1 no-show" in housekeeping.summary.text()


def test_another_seats_new_user_and_changed_rate_arrive_in_the_lists(qtbot, ws, demo_db, manager,
                                                                     open_window, monkeypatch):
    from dms import auth
    monkeypatch.setattr(auth, "N", 2**10)
    other_seat = Database(engine=make_engine(demo_db.url))
    second = open_window(other_seat, authenticate(other_seat, "admin", "admin123"))
    feed = LiveFeed(other_seat, interval_s=0.1)
    feed.changed.connect(second.bus.collect)
    assert feed.wait_ready()
    there = second.show_workspace("manager")
    page = _admin(qtbot, there, "users", rows=3)
    page.table.selectRow(1)
    chosen = page.selected().id
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    made = users.create_user(demo_db, manager, "desk8", "钱七", "first-pass-8", ["cashier"])
    qtbot.waitUntil(lambda: page.model.row_of(made.id) >= 0, timeout=SHOWN_MS)
    assert not resets and page.selected().id == chosen
    page.sections.setCurrentRow(SECTIONS.index("price_class"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=SHOWN_MS)
    row = page.model.row_at(0)
    catalogue.save(demo_db, manager, "price_class", row["id"], {**row, "hourly_rate": "333"})
    qtbot.waitUntil(lambda: page.model.row_at(0)["hourly_rate"] == Decimal("333.00"),
                    timeout=SHOWN_MS)
    feed.close()
    other_seat.dispose()
