"""The parts counter's stock out and paperwork on the real widgets: parts back to their
supplier and transfers by scan, an incoming transfer booked in, an old part handed over, sent
back to the maker or scrapped, labels for a receipt, a purchase order printed, exported and
cancelled, tomorrow's booked parts under the picking queue. Refusals change nothing."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from dms import clock
from dms.models import OldPart, Part, PurchaseOrder, Stock, Supplier, Transfer, Vehicle, Warehouse
from dms.parts import old_parts, purchasing
from dms.ui.common.printing import PreviewDialog
from robot import Robot
from test_parts_booked import book
from test_ui_counter import (SHOWN_MS, Scanner, _dialog, _open_by_scan, advisor,  # noqa: F401
                             authorized, clerk_window, snapshot, stocked_parts)


def _free(db, code, warehouse="WH1") -> tuple[D, D]:
    with db.reading() as s:
        row = s.execute(select(Stock.on_hand, Stock.reserved).join(Part).join(Warehouse)
                        .where(Part.code == code, Warehouse.code == warehouse)).first()
    return (row.on_hand, row.reserved) if row else (D(0), D(0))


def _free_part(db, warehouse="WH1"):
    """(code, barcode, supplier code) of a part with 3 free units in `warehouse`."""
    with db.reading() as s:
        for code, barcode in stocked_parts(db, 40):
            on_hand, reserved = _free(db, code, warehouse)
            supplier = s.scalar(select(Supplier.code).join(Part, Part.supplier_id == Supplier.id)
                                .where(Part.code == code))
            if on_hand - reserved >= 3 and supplier:
                return code, barcode, supplier
    raise AssertionError("no free part")


def _previews():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PreviewDialog) and w.isVisible()]


def _back(qtbot, window):
    """A dialog closed: the window active again (the offscreen platform does not do it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=SHOWN_MS)


def _close_previews(qtbot, window):
    for dialog in _previews():
        dialog.close()
    _back(qtbot, window)


@pytest.mark.efficiency
def test_parts_back_to_their_supplier_by_scan(qtbot, clerk_window, demo_db):
    code, barcode, supplier = _free_part(demo_db)
    window, counter = clerk_window
    page = counter.moves
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+T")
    qtbot.waitUntil(lambda: page.warehouse.count() > 0, timeout=SHOWN_MS)
    assert QApplication.focusWidget() is counter.scan_field
    scanner = Scanner(qtbot, counter.scan_field)
    for _ in range(2):
        scanner.scan(barcode)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 2).text() == "2"
                    and page.supplier.currentData() == supplier, timeout=SHOWN_MS)
    assert page.reason.isVisible() and not page.destination.isVisible()
    robot.shortcut("Alt+R")  # the reason field, by its label's mnemonic
    robot.type(page.reason, "质量问题")
    on_hand, _ = _free(demo_db, code)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=SHOWN_MS)
    assert counter.feedback.level == "ok" and "Returned to the supplier" in counter.feedback.text()
    assert _free(demo_db, code)[0] == on_hand - 2
    robot.done("parts counter: return scanned parts to their supplier", "warehouse_clerk", 4)

    # more than the shelf holds: refused, nothing changes, the draft stays
    scanner.scan(barcode)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=SHOWN_MS)
    page.table.item(0, 2).setText("99999")
    before = snapshot(demo_db)
    counter.feedback.clear_feedback()
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert "stock" in counter.message_bar.text().lower()
    assert snapshot(demo_db) == before and page.table.item(0, 2).text() == "99999"


@pytest.mark.efficiency
def test_a_transfer_sent_by_scan_and_booked_in_at_the_other_warehouse(qtbot, clerk_window,
                                                                      demo_db):
    code, barcode, _supplier = _free_part(demo_db)
    window, counter = clerk_window
    page = counter.moves
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+T")
    qtbot.waitUntil(lambda: page.warehouse.count() > 0, timeout=SHOWN_MS)
    robot.shortcut("Alt+K")
    robot.key(page.kind, Qt.Key.Key_Down)  # a transfer
    assert page.destination.isVisible() and not page.supplier.isVisible()
    assert page.destination.currentData() == (None, "WH2")
    assert QApplication.focusWidget() is counter.scan_field  # chosen: ready to scan again
    scanner = Scanner(qtbot, counter.scan_field)
    for _ in range(3):
        scanner.scan(barcode)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 2).text() == "3",
                    timeout=SHOWN_MS)
    wh1, wh2 = _free(demo_db, code)[0], _free(demo_db, code, "WH2")[0]
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: page.table.rowCount() == 0 and page.transit.rowCount() == 1,
                    timeout=SHOWN_MS)
    assert "in transit" in counter.feedback.text()
    assert _free(demo_db, code)[0] == wh1 - 3 and _free(demo_db, code, "WH2")[0] == wh2
    robot.done("parts counter: transfer scanned parts to another warehouse", "warehouse_clerk", 4)

    page.receive()  # nothing selected: said, nothing booked
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.click(page.transit_view.viewport())  # the transfer: the list's only row
    page.transit_view.selectRow(0)
    robot.shortcut("Ctrl+Shift+G")
    qtbot.waitUntil(lambda: page.transit.rowCount() == 0, timeout=SHOWN_MS)
    assert _free(demo_db, code, "WH2")[0] == wh2 + 3
    with demo_db.reading() as s:
        assert s.scalar(select(Transfer.status)) == "received"
    robot.done("parts counter: book an incoming transfer in", "warehouse_clerk", 2)


@pytest.mark.efficiency
def test_old_parts_handed_over_back_to_the_maker_and_scrapped(qtbot, clerk_window, demo_db,
                                                               advisor, clerk):
    parts = stocked_parts(demo_db, 3)
    wo = authorized(demo_db, advisor, [(code, 1) for code, _ in parts], dispatched=True)
    window, counter = clerk_window
    scanner = Scanner(qtbot, counter.scan_field)
    _open_by_scan(qtbot, counter, scanner, demo_db, wo)
    for _, barcode in parts:
        scanner.scan(barcode)
    qtbot.waitUntil(lambda: all(r.issued == 1 for r in counter.picking.lines.rows),
                    timeout=SHOWN_MS)
    for line, disposition in zip(counter.picking.lines.rows,
                                 ("show_customer", "warranty_return", "scrap")):
        old = old_parts.record_old_part(demo_db, clerk, line.part_line_id, disposition, "旧件架A")
        if disposition == "warranty_return":
            old_parts.move_old_part(demo_db, clerk, old.old_part_id, "intake")
    counter.picking.reload()
    qtbot.waitUntil(lambda: counter.picking.old.rowCount() == 3, timeout=SHOWN_MS)
    old = counter.picking.old

    robot = Robot(qtbot)
    robot.click(counter.picking.old_view.viewport())
    counter.picking.old_view.selectRow(0)  # shown to the customer, who takes it home
    robot.shortcut("Ctrl+H")
    qtbot.waitUntil(lambda: old.rows[0].status == "handed_over", timeout=SHOWN_MS)
    robot.done("parts counter: an old part handed to the customer", "warehouse_clerk", 2)

    counter.picking.old_view.selectRow(0)  # a customer's old part cannot go to the maker
    before = snapshot(demo_db)
    robot.shortcut("Ctrl+Shift+M")
    dialog = _dialog(qtbot, counter, "OldPartMoveDialog")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dialog.message_bar.text() != "", timeout=SHOWN_MS)
    assert "Cannot" in dialog.message_bar.text() and snapshot(demo_db) == before
    dialog.reject()
    _back(qtbot, window)

    counter.picking.old_view.selectRow(1)  # the warranty claim's part, back to the maker
    robot.shortcut("Ctrl+Shift+M")
    dialog = _dialog(qtbot, counter, "OldPartMoveDialog")
    dialog.note.setText("CLM-2026-0042")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: old.rows[1].status == "returned", timeout=SHOWN_MS)
    _back(qtbot, window)

    counter.picking.old_view.selectRow(2)
    robot.shortcut("Ctrl+Shift+S")
    dialog = _dialog(qtbot, counter, "OldPartMoveDialog")
    dialog.note.setText("锈蚀无法再用")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: old.rows[2].status == "scrapped", timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan_field, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert sorted(s.scalars(select(OldPart.status).where(OldPart.work_order_id == wo))) == \
            ["handed_over", "returned", "scrapped"]


@pytest.mark.efficiency
def test_labels_for_every_unit_of_a_receipt(qtbot, clerk_window, demo_db):
    (a, a_bar), (b, b_bar) = stocked_parts(demo_db, 2)
    window, counter = clerk_window
    robot = Robot(qtbot)
    robot.shortcut("F6")
    robot.shortcut("Ctrl+P")  # nothing scanned yet: said
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    scanner = Scanner(qtbot, counter.scan_field)
    for barcode in (a_bar, a_bar, b_bar):
        scanner.scan(barcode)
    page = counter.receipts
    qtbot.waitUntil(lambda: page.table.rowCount() == 2 and page.table.item(0, 3).text() == "2",
                    timeout=SHOWN_MS)
    assert page.label_codes() == [a, a, b]
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=SHOWN_MS)
    preview = _previews()[0]
    assert "(3)" in preview.windowTitle()
    # a label a unit, then a label a bin (the pages are read on the preview's render lane)
    qtbot.waitUntil(lambda: preview.pages is not None, timeout=SHOWN_MS)
    assert preview.pages.count >= 3
    robot.done("parts counter: labels for every unit received", "warehouse_clerk", 1)
    _close_previews(qtbot, window)


@pytest.mark.efficiency
def test_a_purchase_order_printed_exported_and_cancelled(qtbot, clerk_window, demo_db, clerk,
                                                         tmp_path):
    from openpyxl import load_workbook

    with demo_db.transaction() as s:  # a part below its reorder point: something to order
        part = s.scalars(select(Part).where(Part.supplier_id.is_not(None)).order_by(Part.id)).first()
        part.reorder_threshold = D(100000)
    made = purchasing.create_purchase_orders(demo_db, clerk)
    window, counter = clerk_window
    page = counter.purchasing
    robot = Robot(qtbot)
    robot.shortcut("F4")
    qtbot.waitUntil(lambda: page.orders.rowCount() >= 1, timeout=SHOWN_MS)
    counter.print_order()  # nothing selected: said
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    row = page.orders.row_of(made.ids[0])
    robot.click(page.orders_view.viewport())
    page.orders_view.selectRow(row)
    robot.shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: len(_previews()) == 1, timeout=SHOWN_MS)
    assert made.numbers[0] in _previews()[0].windowTitle()
    _close_previews(qtbot, window)

    robot.shortcut("Ctrl+S")
    qtbot.waitUntil(lambda: isinstance(counter.dialog, QFileDialog), timeout=SHOWN_MS)
    path = tmp_path / f"{made.numbers[0]}.xlsx"
    counter.dialog.setDirectory(str(tmp_path))  # the folder the clerk keeps them in
    robot.key(counter.dialog, Qt.Key.Key_Return)  # the name proposed: the order's number
    qtbot.waitUntil(lambda: path.exists() and "exported" in counter.feedback.text(),
                    timeout=SHOWN_MS)
    sheet = load_workbook(path).active
    assert sheet.cell(1, 2).value == made.numbers[0]
    assert any(r[0] == part.code for r in sheet.iter_rows(values_only=True))
    robot.done("parts counter: print and export a purchase order", "warehouse_clerk", 5)

    _back(qtbot, window)
    page.orders_view.selectRow(page.orders.row_of(made.ids[0]))
    counter.cancel_order()
    dialog = _dialog(qtbot, counter, "CancelOrderDialog")
    before = snapshot(demo_db)
    qtbot.keyClick(dialog, Qt.Key.Key_F9)  # no reason: refused, nothing changes
    qtbot.waitUntil(lambda: dialog.message_bar.text() != "", timeout=SHOWN_MS)
    assert dialog.isVisible() and snapshot(demo_db) == before
    dialog.reject()
    _back(qtbot, window)
    robot = Robot(qtbot)
    robot.click(page.orders_view.viewport())
    page.orders_view.selectRow(page.orders.row_of(made.ids[0]))
    robot.shortcut("Ctrl+Shift+C")
    dialog = _dialog(qtbot, counter, "CancelOrderDialog")
    robot.type(dialog.reason, "供应商停产")
    robot.key(dialog, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.orders.row_at(page.orders.row_of(made.ids[0])).status
                    == "cancelled", timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.get(PurchaseOrder, made.ids[0]).status == "cancelled"
    robot.done("parts counter: cancel a purchase order", "warehouse_clerk", 4)
    _back(qtbot, window)
    page.orders_view.selectRow(page.orders.row_of(made.ids[0]))
    robot.shortcut("Ctrl+Shift+G")  # a cancelled order receives nothing
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)


def test_tomorrows_booked_parts_are_listed_under_the_queue(qtbot, clerk_window, demo_db,
                                                           advisor):
    (code, _), = stocked_parts(demo_db, 1)
    with demo_db.reading() as s:
        vehicle = s.scalar(select(Vehicle.id).order_by(Vehicle.id))
    tomorrow = (clock.now().astimezone() + timedelta(days=1)).replace(hour=9, minute=0)
    number = book(demo_db, advisor, vehicle, tomorrow, [(code, 2)])
    window, counter = clerk_window
    booked = counter.picking.booked
    Robot(qtbot).shortcut("F5")  # booked after the counter opened
    qtbot.waitUntil(lambda: booked.rowCount() == 1, timeout=SHOWN_MS)
    assert booked.rows[0].number == number
    assert code in booked.data(booked.index(0, 3)) and "× 2 (" in booked.data(booked.index(0, 3))
    assert counter.picking.booked_view.isVisible()
