"""The parts counter's screenshots (`scripts/screenshot.py --only counter`), signed in as the
demo warehouse clerk. Scans go through the counter's own scan handler, so they write to the
database as a scanner would (one unit issued per language, a stocktake started on one bin):
use a throwaway demo database, as `make screenshots` does.

    counter_queue_{lang}.png      the picking queue, and under it the parts held for tomorrow's
                                  bookings (one booked here if none holds any)
    counter_picking_{lang}.png    an order opened by its job card, a part just scanned (green)
    counter_refused_{lang}.png    a part that is not on the order scanned (red)
    counter_part_card_{lang}.png  a part's card: stock per warehouse and bin, the ledger
    counter_receipt_{lang}.png    a receipt drafted by scanning two parts
    counter_stocktake_{lang}.png  a stocktake of one bin, counted by scan, differences shown
    counter_purchasing_{lang}.png what to order (needs and low stock by supplier), the orders
    counter_moves_{lang}.png      a transfer sent to WH2 (in transit), a supplier return drafted
                                  by scan
    counter_transfer_{lang}.png   the transfer's note scanned at the counter: the transfer open,
                                  ready to be booked in (Ctrl+Shift+G)
    counter_old_parts_{lang}.png  the store's old parts still in custody, the longest held first
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from dms import clock
from dms.models import Bin, Part, PartBarcode, Stock, Vehicle, Warehouse
from dms.parts import counter as counter_queries
from dms.parts import picking
from dms.ui.tasks import TaskRunner
from screenshot import NoSettings, Shots, settle, wait_until

USER, PASSWORD = "warehouse1", "demo123"


def _barcode(db, part_id: int) -> str | None:
    with db.reading() as s:
        return s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == part_id)
                        .order_by(PartBarcode.id).limit(1))


def _order_with_stock(db, actor):
    """A queued order and a line of it the shelf can still serve: (order number, barcode)."""
    for row in counter_queries.picking_queue(db, actor):
        for line in picking.picking_list(db, actor, row.id).lines:
            if line.to_pick > 0 and line.reserved > 0 and line.barcodes:
                return row.number, line.barcodes[0], {x.part_id for x in
                                                      picking.picking_list(db, actor, row.id).lines}
    raise SystemExit("screenshot: no order waits for parts in stock; load `dms demo` first")


def _bin_to_count(db):
    with db.reading() as s:
        return s.execute(select(Bin.code, Part.id).join(Stock, Stock.bin_id == Bin.id)
                         .join(Warehouse, Warehouse.id == Bin.warehouse_id)
                         .join(Part, Part.id == Stock.part_id)
                         .where(Warehouse.code == "WH1", Stock.reserved == 0)
                         .order_by(Bin.code, Part.code).limit(1)).one()


def _free_in_wh1(db) -> str:
    """The barcode of a part with units to spare in WH1 (for the transfer, in both languages).
    Compared here: the columns hold scaled integers, a bound number is not scaled."""
    with db.reading() as s:
        for barcode, on_hand, reserved in s.execute(
                select(PartBarcode.barcode, Stock.on_hand, Stock.reserved)
                .join(Stock, Stock.part_id == PartBarcode.part_id)
                .join(Warehouse, Warehouse.id == Stock.warehouse_id)
                .where(Warehouse.code == "WH1").order_by(Stock.on_hand.desc()).limit(50)):
            if on_hand - reserved >= 10:
                return barcode
    raise SystemExit("screenshot: no part to spare in WH1")


def _tomorrows_booking(db, part_code: str) -> None:
    """A booking for tomorrow morning holding a part, unless one holds parts already."""
    from dms import auth
    from dms.workshop import appointments

    clerk = auth.authenticate(db, USER, PASSWORD)
    if counter_queries.booked_parts(db, clerk):
        return
    advisor = auth.authenticate(db, "advisor1", PASSWORD)
    with db.reading() as s:
        vehicle = s.scalar(select(Vehicle.id).order_by(Vehicle.id.desc()).limit(1))
    when = (clock.now().astimezone() + timedelta(days=1)).replace(hour=9, minute=30)
    appointments.book(db, advisor, appointments.Booking(
        vehicle_id=vehicle, channel="phone", requested_work="二保", booked_for=when,
        planned_hours=Decimal("1.5"), expected_parts=((part_code, Decimal(1)),)),
        confirm_overbooking=True)


def counter_shots(out, db, language: str) -> list:
    from dms import auth
    from dms.app import AppSession

    actor = auth.authenticate(db, USER, PASSWORD)
    shots = Shots(out, language)
    runner = TaskRunner()
    session = AppSession(db, runner, NoSettings(), username=USER)
    idle = lambda: not runner.busy  # noqa: E731
    try:
        session.start()
        session.login.password.setText(PASSWORD)
        session.login.sign_in()
        wait_until(lambda: session.window is not None, "the clerk's sign-in")
        window = session.window
        window.resize(1366, 768)
        number, barcode, on_order = _order_with_stock(db, actor)
        with db.reading() as s:
            code = s.scalar(select(Part.code).join(PartBarcode).where(
                PartBarcode.barcode == barcode))
        _tomorrows_booking(db, code)
        ws = window.show_workspace("counter")
        wait_until(lambda: idle() and ws.picking.booked.rowCount() > 0, "the picking queue")
        settle()
        shots.save("counter_queue", window.grab())

        ws.scan(number, True)
        wait_until(lambda: ws.picking.head is not None and idle(), "the order")
        if not ws.picking.taker.text():
            ws.picking.taker.setText("李师傅")
        ws.scan(barcode, True)
        wait_until(lambda: ws.feedback.level == "ok" and idle(), "the issued line")
        settle()
        shots.save("counter_picking", window.grab())

        with db.reading() as s:
            wrong = s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id.not_in(on_order))
                             .order_by(PartBarcode.id).limit(1))
        ws.scan(wrong, True)
        wait_until(lambda: ws.feedback.level == "refused" and idle(), "the refusal")
        settle(200)  # still red: the flash lasts 900 ms
        shots.save("counter_refused", window.grab())

        ws.show_parts()
        ws.scan(barcode, True)
        wait_until(lambda: ws.parts.card is not None and ws.parts.on_order is not None
                   and idle() and ws.parts.movements.rowCount() > 0, "the part card")
        settle()
        shots.save("counter_part_card", window.grab())

        ws.show_receipts()
        wait_until(lambda: ws.receipts.supplier.count() > 0, "the suppliers")
        for scan in (barcode, barcode, wrong):
            ws.scan(scan, True)
            wait_until(idle, "the receipt line")
        settle()
        shots.save("counter_receipt", window.grab())

        ws.show_stocktake()
        bin_code, part_id = _bin_to_count(db)
        wait_until(lambda: ws.stocktake.warehouse.count() > 0 and idle(), "the warehouses")
        takes = counter_queries.open_stocktakes(db, actor)
        if takes:
            ws.stocktake.open(takes[0].id)
        else:
            ws.stocktake.warehouse.setCurrentIndex(ws.stocktake.warehouse.findData("WH1"))
            ws.stocktake.bins.setText(bin_code)
            ws.stocktake.start()
        wait_until(lambda: ws.stocktake.sheet is not None and idle(), "the stocktake sheet")
        if not takes:
            ws.scan(_barcode(db, part_id), True)
            wait_until(lambda: ws.feedback.level == "ok" and idle(), "the count")
        settle()
        shots.save("counter_stocktake", window.grab())

        ws.show_purchasing()
        wait_until(lambda: idle() and ws.purchasing.proposal.rowCount() > 0, "the proposal")
        settle()
        shots.save("counter_purchasing", window.grab())

        ws.show_moves()
        moves = ws.moves
        wait_until(lambda: moves.warehouse.count() > 0 and idle(), "the warehouses")
        moves.kind.setCurrentIndex(moves.kind.findData("transfer"))
        spare = _free_in_wh1(db)
        for _ in range(2):
            ws.scan(spare, True)
            wait_until(idle, "the transfer line")
        moves.post()
        wait_until(lambda: idle() and moves.transit.rowCount() > 0, "the transfer sent")
        moves.kind.setCurrentIndex(moves.kind.findData("supplier_return"))
        for scan in (spare, wrong):
            ws.scan(scan, True)
            wait_until(idle, "the return line")
        moves.reason.setText("包装破损")
        settle()
        shots.save("counter_moves", window.grab())

        note = moves.shown_transfer()
        ws.show_picking()
        ws.scan(note.scan_code, True)  # the note's barcode, scanned on another page
        wait_until(lambda: ws.tabs.currentWidget() is moves and idle(), "the scanned transfer")
        settle()
        shots.save("counter_transfer", window.grab())

        ws.show_old_parts()
        wait_until(lambda: idle() and ws.old_parts.model.rowCount() > 0, "the old parts")
        settle()
        shots.save("counter_old_parts", window.grab())
        window.close()
        window.deleteLater()
    finally:
        session.close()
        runner.shutdown()
        session.login.deleteLater()
        session.deleteLater()
    return shots.saved
