"""The parts counter's warehouse pages on the real widgets: the part search and card, goods
in by scan, a stocktake counted by scan and posted; refusals change nothing."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from builders import login
from dms.models import (Bin, Part, PartBarcode, PurchaseNeed, PurchaseOrder,
                        PurchaseOrderLine, Stock, Warehouse)
from test_ui_counter import SHOWN_MS, Scanner, authorized, snapshot, stocked_parts
from robot import Robot


@pytest.fixture
def counter(open_window, demo_db, clerk):
    return open_window(demo_db, clerk).workspace("counter")


def _on_hand(db, code) -> D:
    with db.reading() as s:
        return sum(s.scalars(select(Stock.on_hand).join(Part).where(Part.code == code)), D(0))


def test_find_a_part_by_scan_name_or_model_and_read_its_card(qtbot, counter, demo_db, advisor):
    (code, barcode), = stocked_parts(demo_db, 1)
    wo = authorized(demo_db, advisor, [(code, 1)], dispatched=True)
    with demo_db.reading() as s:
        name = s.scalar(select(Part.name).where(Part.code == code))
    scanner = Scanner(qtbot, counter.scan_field)
    counter.picking.open_order(wo)
    qtbot.waitUntil(lambda: counter.picking.lines.rowCount() == 1, timeout=SHOWN_MS)
    counter.picking.taker.setText("李师傅")
    scanner.scan(barcode)  # one issued: the ledger shows the order behind it
    qtbot.waitUntil(lambda: counter.feedback.level == "ok", timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.shortcut("F2")
    page = counter.parts
    assert QApplication.focusWidget() is page.search
    robot.type(page.search, name[:3])
    robot.key(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.code == code for r in page.hits.rows), timeout=SHOWN_MS)
    scanner.scan(barcode)  # a scan on this page opens the part's card
    qtbot.waitUntil(lambda: page.card is not None and page.card.code == code
                    and page.on_order is not None and page.movements.rowCount() > 0,
                    timeout=SHOWN_MS)
    assert page.fields["code"].text() == code and page.stock.rowCount() >= 1
    assert page.fields["avg_cost"].text().startswith("¥")
    latest = page.movements.rows[0]
    assert latest.kind == "issue" and page.movements.data(page.movements.index(0, 4)) == \
        counter.picking.head.number
    page.by_model.setChecked(True)
    page.search.setText("途胜")
    page.run_search()
    qtbot.waitUntil(lambda: page.hits.rowCount() > 0, timeout=SHOWN_MS)


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def test_goods_in_by_scan_meet_a_waiting_order(qtbot, counter, demo_db, advisor):
    with demo_db.reading() as s:  # a part nobody waits for yet: the receipt meets our need
        waited = set(s.scalars(select(Part.code).join(PurchaseNeed).where(
            PurchaseNeed.status.in_(("open", "ordered")))))
    code, barcode = next(p for p in stocked_parts(demo_db, 20) if p[0] not in waited)
    with demo_db.reading() as s:
        part = s.scalar(select(Part.id).where(Part.code == code))
        free, warehouse = max((r.on_hand - r.reserved, w) for r, w in s.execute(
            select(Stock, Warehouse.code).join(Warehouse).where(Stock.part_id == part)))
    wo = authorized(demo_db, advisor, [(code, free + 2)])  # 2 short: a purchase need
    robot = Robot(qtbot)
    robot.shortcut("F6")
    page = counter.receipts
    qtbot.waitUntil(lambda: page.supplier.count() > 0, timeout=SHOWN_MS)
    page.warehouse.setCurrentIndex(page.warehouse.findData(warehouse))
    scanner = Scanner(qtbot, counter.scan_field)
    scanner.scan("6900000000000")  # not a part: refused, nothing on the receipt
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert page.table.rowCount() == 0
    for _ in range(2):
        scanner.scan(barcode)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 3).text() == "2"
                    and page.table.item(0, 4).text() != "", timeout=SHOWN_MS)
    page.table.item(0, 4).setText("abc")  # a cost mistyped: refused, nothing booked
    before = snapshot(demo_db)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    assert snapshot(demo_db) == before and page.table.rowCount() == 1
    page.table.item(0, 4).setText("35.50")
    on_hand = _on_hand(demo_db, code)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=SHOWN_MS)
    assert "1 purchase needs" in counter.feedback.text()
    assert _on_hand(demo_db, code) == on_hand + 2
    with demo_db.reading() as s:
        assert s.scalar(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)) == \
            "received"
    counter.picking.open_order(wo)  # what came in is held for the waiting order
    qtbot.waitUntil(lambda: counter.picking.lines.rowCount() == 1
                    and counter.picking.lines.rows[0].state == "reserved", timeout=SHOWN_MS)


def test_a_stocktake_counted_by_scan_and_posted(qtbot, counter, demo_db):
    with demo_db.reading() as s:
        row = s.execute(select(Bin.code, Part.code, Stock.on_hand)
                        .join(Stock, Stock.bin_id == Bin.id).join(Part, Part.id == Stock.part_id)
                        .where(Stock.on_hand >= 2, Stock.reserved == 0).order_by(Bin.code)
                        .limit(1)).one()
    bin_code, code, book = row
    robot = Robot(qtbot)
    robot.shortcut("F7")
    page = counter.stocktake
    qtbot.waitUntil(lambda: page.warehouse.count() > 0, timeout=SHOWN_MS)
    page.warehouse.setCurrentIndex(page.warehouse.findData("WH1"))
    scanner = Scanner(qtbot, counter.scan_field)
    scanner.scan(code)  # nothing started yet
    qtbot.waitUntil(lambda: counter.feedback.level == "refused", timeout=SHOWN_MS)
    robot.type(page.bins, bin_code)
    robot.click(page.start_button)
    qtbot.waitUntil(lambda: page.sheet is not None, timeout=SHOWN_MS)
    assert page.sheet.locked_bins == (bin_code,)
    assert QApplication.focusWidget() is counter.scan_field
    for _ in range(int(book) - 1):  # one unit missing from the shelf
        scanner.scan(code)

    def ours():
        return next((r for r in page.lines.rows if r.part_code == code), None)

    qtbot.waitUntil(lambda: ours() is not None and ours().counted_qty == book - 1,
                    timeout=SHOWN_MS)
    for other in page.lines.rows:  # the rest of the bin typed as counted, as on the books
        if other.part_code != code:
            page.view.selectRow(page.lines.row_of(other.line_id))
            page.count.setText(str(other.book_qty))
            robot.key(page.count, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: page.lines.rows[page.lines.row_of(other.line_id)]
                            .counted_qty is not None, timeout=SHOWN_MS)
    page.differences.setChecked(True)
    qtbot.waitUntil(lambda: len(page.lines.rows) == 1 and page.lines.rows[0].variance == -1,
                    timeout=SHOWN_MS)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: type(counter.dialog).__name__ == "PostStocktakeDialog",
                    timeout=SHOWN_MS)
    counter.dialog.submit()
    qtbot.waitUntil(lambda: page.sheet.status == "posted", timeout=SHOWN_MS)
    with demo_db.reading() as s:
        assert s.scalar(select(Stock.on_hand).join(Bin, Bin.id == Stock.bin_id)
                        .join(Part, Part.id == Stock.part_id)
                        .where(Bin.code == bin_code, Part.code == code)) == book - 1
        assert s.scalar(select(Bin.locked_by_stocktake_id).where(Bin.code == bin_code)) is None


def test_purchase_orders_made_and_received_against_by_scan(qtbot, counter, demo_db, advisor):
    from test_parts_purchasing import _short_order

    wo, part_id, code, supplier, warehouse = _short_order(demo_db, {"advisor1": advisor})
    with demo_db.reading() as s:
        barcode = s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == part_id))
    robot = Robot(qtbot)
    robot.shortcut("F4")
    page = counter.purchasing
    qtbot.waitUntil(lambda: page.proposal.row_of(part_id) >= 0, timeout=SHOWN_MS)
    robot.shortcut("Ctrl+Shift+P")
    qtbot.waitUntil(lambda: any(x.part_code == code for o in page.orders.rows for x in o.lines),
                    timeout=SHOWN_MS)
    assert "PO" in counter.feedback.text()
    row = next(i for i, o in enumerate(page.orders.rows)
               if any(x.part_code == code for x in o.lines))
    page.orders_view.selectRow(row)
    robot.shortcut("Ctrl+Shift+G")
    receipt = counter.receipts
    assert counter.tabs.currentWidget() is receipt and receipt.order is not None
    receipt.warehouse.setCurrentIndex(receipt.warehouse.findData(warehouse))
    scanner = Scanner(qtbot, counter.scan_field)
    scanner.scan(barcode)
    qtbot.waitUntil(lambda: receipt.table.item(receipt._row_of(code), 3).text() == "1",
                    timeout=SHOWN_MS)
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: receipt.order is None and counter.feedback.level == "ok",
                    timeout=SHOWN_MS)
    with demo_db.reading() as s:
        status = s.scalar(select(PurchaseOrder.status).join(PurchaseOrderLine).where(
            PurchaseOrderLine.part_id == part_id))
    assert status == "partial"
