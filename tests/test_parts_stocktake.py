"""Stocktakes: locked bins, counts by scan, the variance report, posting and cancelling."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import Forbidden, ValidationError
from dms.models import AuditLog, Bin, Part, PartBarcode, Stock, StockMovement, Stocktake, StocktakeLine, Warehouse
from dms.parts import stock
from dms.parts.receipts import ReceiptLine, receive
from dms.parts.stocktake import (cancel_stocktake, post_stocktake, record_count, start_stocktake,
                                 variance_report)

from builders import OIL_FILTER, full_width


@pytest.fixture
def shelf(demo_db):
    """The oil filter's stock row: (part id, warehouse id, bin code, on hand, barcode)."""
    with demo_db.reading() as s:
        part = s.scalars(select(Part).where(Part.code == OIL_FILTER)).one()
        row = s.execute(select(Stock, Bin.code).join(Bin, Bin.id == Stock.bin_id)
                        .where(Stock.part_id == part.id)).one()
        barcode = s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == part.id))
        return part.id, row.Stock.warehouse_id, row.code, row.Stock.on_hand, barcode


def _on_hand(db, part_id, warehouse_id):
    with db.reading() as s:
        return s.scalar(select(Stock.on_hand).where(Stock.part_id == part_id, Stock.warehouse_id == warehouse_id))


def _snapshot(db):
    with db.reading() as s:
        return (s.scalar(select(func.count(Stocktake.id))), s.scalar(select(func.count(StocktakeLine.id))),
                s.scalar(select(func.count(StockMovement.id))), s.scalar(select(func.sum(Stock.on_hand))),
                s.scalar(select(func.count(Bin.id)).where(Bin.locked_by_stocktake_id.is_not(None))),
                tuple(s.scalars(select(Stocktake.status).order_by(Stocktake.id))),
                s.scalar(select(func.count(AuditLog.id))))


def _balanced(db):
    with db.reading() as s:
        for part_id, wh in s.execute(select(Stock.part_id, Stock.warehouse_id)):
            cached, moved = stock.ledger_balance(s, part_id, wh)
            assert cached == moved, (part_id, wh)


def test_count_and_post_a_bin(demo_db, clerk, shelf):
    part_id, wh, bin_code, held, barcode = shelf
    sheet = start_stocktake(demo_db, clerk, "WH1", [bin_code.lower()])
    assert sheet.number.startswith("ST") and sheet.locked_bins == (bin_code,)
    mine = next(x for x in sheet.lines if x.part_id == part_id)
    assert mine.book_qty == held and mine.counted_qty is None and sheet.uncounted == sheet.line_count

    # The bin is locked: the ledger refuses an issue, and so does a receipt into it.
    with pytest.raises(ValidationError) as err, demo_db.transaction() as s:
        stock.post_out(s, clerk, part_id, wh, Decimal(1), "issue")
    assert err.value.code == "stock.bin_counting"
    with pytest.raises(ValidationError) as err:
        receive(demo_db, clerk, "S001", "purchase", "WH1", [ReceiptLine(OIL_FILTER, Decimal(1), Decimal(30))])
    assert err.value.code == "stock.bin_counting" and _on_hand(demo_db, part_id, wh) == held

    # Counted by scan (full width, as an IME types it); the rest of the bin as booked, one extra.
    counted = record_count(demo_db, clerk, sheet.id, full_width(barcode), held - 2)
    assert counted.variance == -2
    others = [x for x in sheet.lines if x.part_id != part_id]
    for i, line in enumerate(others):
        record_count(demo_db, clerk, sheet.id, line.part_code, line.book_qty + (1 if i == 0 else 0))

    report = variance_report(demo_db, clerk, sheet.id, differences_only=True)
    assert report.uncounted == 0 and report.line_count == len(sheet.lines)
    mine = next(x for x in report.lines if x.part_id == part_id)
    assert mine.variance == -2 and mine.variance_value == (-2 * mine.unit_cost).quantize(Decimal("0.01"))
    assert report.loss_value <= mine.variance_value and len(report.lines) == 1 + (1 if others else 0)

    done = post_stocktake(demo_db, clerk, sheet.id)
    assert done.status == "posted" and len(done.movement_ids) == len(report.lines)
    assert _on_hand(demo_db, part_id, wh) == held - 2
    with demo_db.reading() as s:
        moved = s.scalars(select(StockMovement).where(StockMovement.stocktake_id == sheet.id)).all()
        assert {m.kind for m in moved} == {"adjustment"}
        assert s.scalar(select(Bin.locked_by_stocktake_id).where(Bin.code == bin_code, Bin.warehouse_id == wh)) is None
    _balanced(demo_db)
    with demo_db.transaction() as s:  # the bin is open again
        stock.post_out(s, clerk, part_id, wh, Decimal(1), "issue")
    before = _snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        record_count(demo_db, clerk, sheet.id, OIL_FILTER, Decimal(1))
    assert err.value.code == "stocktake.closed" and _snapshot(demo_db) == before


def test_refusals_change_nothing(demo_db, clerk, shelf):
    part_id, wh, bin_code, held, _ = shelf
    sheet = start_stocktake(demo_db, clerk, "WH1", [bin_code])
    before = _snapshot(demo_db)
    refusals = [
        (lambda: start_stocktake(demo_db, clerk, "WH1", [bin_code]), "stocktake.bin_locked"),
        (lambda: start_stocktake(demo_db, clerk, "WH1", ["Z-99-99"]), "stocktake.unknown_bin"),
        (lambda: start_stocktake(demo_db, clerk, "WH1", []), "stocktake.no_bins"),
        (lambda: record_count(demo_db, clerk, sheet.id, OIL_FILTER, Decimal(-1)), "stocktake.qty"),
        (lambda: record_count(demo_db, clerk, sheet.id, "NO-SUCH", Decimal(1)), "part.unknown_scan"),
        (lambda: post_stocktake(demo_db, clerk, sheet.id), "stocktake.uncounted"),
    ]
    with demo_db.reading() as s:  # a part shelved in another bin of the same warehouse
        elsewhere = s.scalar(select(Part.code).join(Stock, Stock.part_id == Part.id)
                             .join(Bin, Bin.id == Stock.bin_id).where(Stock.warehouse_id == wh, Bin.code != bin_code))
    refusals.append((lambda: record_count(demo_db, clerk, sheet.id, elsewhere, Decimal(1)), "stocktake.not_on_sheet"))
    for call, code in refusals:
        with pytest.raises(Exception) as err:
            call()
        assert getattr(err.value, "code", None) == code
        assert _snapshot(demo_db) == before
    with pytest.raises(ValidationError) as err:
        record_count(demo_db, clerk, sheet.id, OIL_FILTER, 1.0)
    assert err.value.code == "stocktake.qty"
    assert _snapshot(demo_db) == before


def test_uncounted_as_zero_and_found_stock(demo_db, clerk, shelf):
    part_id, wh, bin_code, held, _ = shelf
    with demo_db.reading() as s:  # a fluid, shelved only in WH2, turns up in the counted WH1 bin
        wh2 = select(Stock.part_id).join(Warehouse, Warehouse.id == Stock.warehouse_id).where(Warehouse.code == "WH2")
        found = s.scalars(select(Part).where(Part.id.in_(wh2))).first()
    sheet = start_stocktake(demo_db, clerk, "WH1", [bin_code])
    record_count(demo_db, clerk, sheet.id, OIL_FILTER, held + Decimal("0.5"))
    line = record_count(demo_db, clerk, sheet.id, found.code, Decimal(2))
    assert (line.book_qty, line.variance) == (0, 2)
    post_stocktake(demo_db, clerk, sheet.id, treat_uncounted_as_zero=True)
    assert _on_hand(demo_db, part_id, wh) == held + Decimal("0.5")
    assert _on_hand(demo_db, found.id, wh) == 2
    with demo_db.reading() as s:
        uncounted = [x for x in sheet.lines if x.part_id != part_id]
        for x in uncounted:
            assert s.scalar(select(Stock.on_hand).where(Stock.part_id == x.part_id, Stock.warehouse_id == wh)) == 0
    _balanced(demo_db)


def test_unbinned_stock_is_counted_at_the_moment_of_counting(demo_db, clerk):
    receive(demo_db, clerk, "S001", "purchase", "WH2", [ReceiptLine(OIL_FILTER, Decimal(5), Decimal(30))])
    with demo_db.reading() as s:
        part_id = s.scalar(select(Part.id).where(Part.code == OIL_FILTER))
        wh2 = s.scalar(select(Warehouse.id).where(Warehouse.code == "WH2"))
    sheet = start_stocktake(demo_db, clerk, "WH2")  # the whole warehouse, its bins all locked
    assert next(x for x in sheet.lines if x.part_id == part_id).bin_code is None
    with demo_db.transaction() as s:  # no bin to lock: it still moves
        stock.post_out(s, clerk, part_id, wh2, Decimal(2), "issue")
    line = record_count(demo_db, clerk, sheet.id, OIL_FILTER, Decimal(2))
    assert (line.book_qty, line.variance) == (3, -1)  # book re-read when counted
    with demo_db.transaction() as s:
        stock.post_out(s, clerk, part_id, wh2, Decimal(1), "issue")
    post_stocktake(demo_db, clerk, sheet.id, treat_uncounted_as_zero=True)
    assert _on_hand(demo_db, part_id, wh2) == 1  # 3 − 1 (variance) − 1 (issued after the count)
    _balanced(demo_db)


def test_reserved_stock_that_is_missing_blocks_posting(demo_db, clerk, shelf):
    part_id, wh, bin_code, held, _ = shelf
    sheet = start_stocktake(demo_db, clerk, "WH1", [bin_code])
    with demo_db.transaction() as s:
        stock.reserve(s, part_id, wh, held)
    record_count(demo_db, clerk, sheet.id, OIL_FILTER, Decimal(0))
    before = _snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        post_stocktake(demo_db, clerk, sheet.id, treat_uncounted_as_zero=True)
    assert err.value.code == "stocktake.reserved_shortage" and _snapshot(demo_db) == before


def test_cancel_unlocks_and_roles(demo_db, clerk, shelf):
    part_id, wh, bin_code, held, _ = shelf
    advisor = authenticate(demo_db, "advisor1", "demo123")
    manager = authenticate(demo_db, "admin", "admin123")
    before = _snapshot(demo_db)
    with pytest.raises(Forbidden):
        start_stocktake(demo_db, advisor, "WH1", [bin_code])
    assert _snapshot(demo_db) == before
    sheet = start_stocktake(demo_db, clerk, "WH1", [bin_code])
    with pytest.raises(Forbidden):
        record_count(demo_db, advisor, sheet.id, OIL_FILTER, Decimal(1))
    with pytest.raises(Forbidden):
        post_stocktake(demo_db, advisor, sheet.id, treat_uncounted_as_zero=True)
    assert cancel_stocktake(demo_db, manager, sheet.id, reason="重新安排").status == "cancelled"
    assert _on_hand(demo_db, part_id, wh) == held
    again = start_stocktake(demo_db, clerk, "WH1", [bin_code])  # the bin is free again
    for line in again.lines:
        record_count(demo_db, clerk, again.id, line.part_code, line.book_qty)
    assert post_stocktake(demo_db, manager, again.id).movement_ids == ()  # no variance, no movement
    assert _on_hand(demo_db, part_id, wh) == held
