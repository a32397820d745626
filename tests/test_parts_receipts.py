"""Receipts from suppliers: the moving-average cost, purchase needs, refusals, returns."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import Forbidden, InsufficientStock, NotFound, ValidationError
from dms.models import AuditLog, Part, PurchaseNeed, Stock, StockMovement, Supplier, Warehouse
from dms.parts import stock
from dms.parts.queries import movement_history, purchase_needs
from dms.parts.receipts import ReceiptLine, ReturnLine, receive, return_to_supplier

from builders import OIL_FILTER


@pytest.fixture
def supplier(demo_db):
    with demo_db.reading() as s:
        return s.scalar(select(Supplier.code).join(Part, Part.supplier_id == Supplier.id)
                        .where(Part.code == OIL_FILTER))


def _empty_part(db):
    """A part with no stock anywhere (the demo has some, for the reorder report)."""
    with db.reading() as s:
        held = select(Stock.part_id).where(Stock.on_hand > 0)
        return s.scalars(select(Part).where(Part.id.not_in(held), Part.code != "")
                         .order_by(Part.id)).first()


def _snapshot(db):
    with db.reading() as s:
        return (s.scalar(select(func.count(StockMovement.id))), s.scalar(select(func.sum(Stock.on_hand))),
                s.scalar(select(func.count(AuditLog.id))),
                tuple(s.scalars(select(PurchaseNeed.status).order_by(PurchaseNeed.id))),
                tuple(s.scalars(select(Part.avg_cost).order_by(Part.id))))


def _on_hand(db, code, warehouse="WH1"):
    with db.reading() as s:
        return s.scalar(select(Stock.on_hand).join(Part, Part.id == Stock.part_id)
                        .join(Warehouse, Warehouse.id == Stock.warehouse_id)
                        .where(Part.code == code, Warehouse.code == warehouse)) or Decimal(0)


def test_receipts_move_the_average_cost(demo_db, clerk, supplier):
    part = _empty_part(demo_db)
    receive(demo_db, clerk, supplier, "purchase", "WH1", [ReceiptLine(part.code, Decimal(10), Decimal("30.00"))])
    # Nothing was on hand, so the average is simply the first cost: 30.0000.
    receive(demo_db, clerk, supplier, "purchase", "WH1",
            [ReceiptLine(part.code, Decimal(5), Decimal("36.00"), batch="B2406")], reference="PO-7781")
    # (10 × 30.00 + 5 × 36.00) / (10 + 5) = (300 + 180) / 15 = 32.0000
    receive(demo_db, clerk, supplier, "purchase", "WH1", [ReceiptLine(part.code, Decimal(3), Decimal("33.50"))])
    # (15 × 32.0000 + 3 × 33.50) / 18 = (480 + 100.50) / 18 = 580.50 / 18 = 32.25
    with demo_db.reading() as s:
        assert s.get(Part, part.id).avg_cost == Decimal("32.2500")
        wh1 = s.scalar(select(Warehouse.id).where(Warehouse.code == "WH1"))
        assert stock.ledger_balance(s, part.id, wh1) == (Decimal(18), Decimal(18))
    history = movement_history(demo_db, clerk, part.id)
    assert [m.qty for m in history] == [3, 5, 10]  # newest first
    assert history[1].batch == "B2406" and history[1].reference == "PO-7781"
    assert history[1].kind == "receipt" and history[1].reason == "receipt:purchase"


def test_receipt_on_stock_averages_over_what_is_on_hand(demo_db, clerk, supplier):
    with demo_db.reading() as s:
        part = s.scalars(select(Part).where(Part.code == OIL_FILTER)).one()
        held = s.scalar(select(func.sum(Stock.on_hand)).where(Stock.part_id == part.id))
    receive(demo_db, clerk, supplier, "purchase", "WH1", [ReceiptLine(OIL_FILTER, Decimal(20), Decimal("40.00"))])
    # new average = (held × old average + 20 × 40.00) / (held + 20), to 1/10000 yuan
    expected = ((held * part.avg_cost + 20 * Decimal("40.00")) / (held + 20)).quantize(Decimal("0.0001"))
    with demo_db.reading() as s:
        assert s.get(Part, part.id).avg_cost == expected
    assert _on_hand(demo_db, OIL_FILTER) == held + 20


def test_receipt_fulfils_purchase_needs_it_covers(demo_db, clerk, supplier):
    with demo_db.transaction() as s:
        part = s.scalars(select(Part).where(Part.code == OIL_FILTER)).one()
        first = PurchaseNeed(store_id=clerk.store_id, part_id=part.id, qty=Decimal(4))
        second = PurchaseNeed(store_id=clerk.store_id, part_id=part.id, qty=Decimal(10), status="ordered")
        s.add(first)
        s.flush()
        s.add(second)
        s.flush()
        ids = first.id, second.id
    assert [n.id for n in purchase_needs(demo_db, clerk)] == [ids[0]]
    result = receive(demo_db, clerk, supplier, "purchase", "WH1",
                     [ReceiptLine(OIL_FILTER, Decimal(6), Decimal("33.00"))])
    assert result.fulfilled_need_ids == (ids[0],)  # 4 ≤ 6 covered; 10 > the 2 left stays ordered
    assert result.total_cost == Decimal("198.00")
    assert purchase_needs(demo_db, clerk) == []
    assert [n.id for n in purchase_needs(demo_db, clerk, status="received")] == [ids[0]]
    assert [n.id for n in purchase_needs(demo_db, clerk, status="ordered")] == [ids[1]]
    receive(demo_db, clerk, supplier, "purchase", "WH1", [ReceiptLine(OIL_FILTER, Decimal(10), Decimal("33.00"))])
    assert len(purchase_needs(demo_db, clerk, status="received")) == 2


@pytest.mark.parametrize("line, error, code", [
    (ReceiptLine("NO-SUCH-PART", Decimal(1), Decimal(1)), NotFound, "part.unknown_code"),
    (ReceiptLine(OIL_FILTER, Decimal(0), Decimal(1)), ValidationError, "stock.qty"),
    (ReceiptLine(OIL_FILTER, Decimal("1.0001"), Decimal(1)), ValidationError, "stock.qty"),
    (ReceiptLine(OIL_FILTER, Decimal(1), Decimal(-1)), ValidationError, "stock.cost"),
    (ReceiptLine(OIL_FILTER, Decimal(1), None), ValidationError, "receipt.cost_required"),
    (ReceiptLine(OIL_FILTER, 1.5, Decimal(1)), ValidationError, "stock.qty"),
    (ReceiptLine(OIL_FILTER, Decimal(1), 2.5), ValidationError, "stock.cost"),
    (ReceiptLine(OIL_FILTER, "1e400", Decimal(1)), ValidationError, "value.too_large"),
    (ReceiptLine(OIL_FILTER, Decimal(1), "NaN"), ValidationError, "stock.cost"),
    (ReceiptLine(OIL_FILTER, Decimal(1), "9e15"), ValidationError, "value.too_large"),
])
def test_a_bad_line_refuses_the_whole_receipt(demo_db, clerk, supplier, line, error, code):
    before = _snapshot(demo_db)
    good = ReceiptLine(OIL_FILTER, Decimal(5), Decimal("30.00"))
    with pytest.raises(error) as err:
        receive(demo_db, clerk, supplier, "purchase", "WH1", [good, line])
    assert code is None or err.value.code == code
    assert _snapshot(demo_db) == before


@pytest.mark.parametrize("args, code", [(("NOPE", "purchase", "WH1"), "not_found"),
                                        (("S001", "gift", "WH1"), "receipt.mode"),
                                        (("S001", "purchase", "WH9"), "not_found")])
def test_bad_header_changes_nothing(demo_db, clerk, args, code):
    before = _snapshot(demo_db)
    with pytest.raises((ValidationError, NotFound)) as err:
        receive(demo_db, clerk, *args, [ReceiptLine(OIL_FILTER, Decimal(1), Decimal(1))])
    assert err.value.code == code and _snapshot(demo_db) == before


def test_other_modes_may_come_without_cost(demo_db, clerk, supplier):
    with demo_db.reading() as s:
        cost = s.scalar(select(Part.avg_cost).where(Part.code == OIL_FILTER))
    receive(demo_db, clerk, supplier, "return", "WH1", [ReceiptLine(OIL_FILTER, Decimal(1), None)])
    with demo_db.reading() as s:
        assert s.scalar(select(Part.avg_cost).where(Part.code == OIL_FILTER)) == cost


def test_advisor_cannot_receive(demo_db, supplier):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    before = _snapshot(demo_db)
    with pytest.raises(Forbidden):
        receive(demo_db, advisor, supplier, "purchase", "WH1", [ReceiptLine(OIL_FILTER, Decimal(1), Decimal(1))])
    with pytest.raises(Forbidden):
        return_to_supplier(demo_db, advisor, supplier, "WH1", [ReturnLine(OIL_FILTER, Decimal(1))])
    assert _snapshot(demo_db) == before


def test_return_to_supplier(demo_db, clerk, supplier, request):
    held = _on_hand(demo_db, OIL_FILTER)
    before = _snapshot(demo_db)
    with pytest.raises(InsufficientStock):
        return_to_supplier(demo_db, clerk, supplier, "WH1", [ReturnLine(OIL_FILTER, held + 1)])
    assert _snapshot(demo_db) == before
    done = return_to_supplier(demo_db, clerk, supplier, "WH1", [ReturnLine(OIL_FILTER, Decimal(2))],
                              reference="RMA-1", reason="包装破损")
    assert _on_hand(demo_db, OIL_FILTER) == held - 2 and len(done.movement_ids) == 1
    with demo_db.reading() as s:
        moved = s.get(StockMovement, done.movement_ids[0])
        assert (moved.kind, moved.qty, moved.reason) == ("supplier_return", Decimal(-2), "包装破损")


def test_a_receipt_total_rounds_each_line_half_up(demo_db, clerk, supplier):
    # 0.5 × 10.01 = 5.005 → 5.01 and 0.5 × 10.03 = 5.015 → 5.02 (half-even: 5.00 and 5.02)
    done = receive(demo_db, clerk, supplier, "purchase", "WH1",
                   [ReceiptLine(OIL_FILTER, Decimal("0.5"), Decimal("10.01")),
                    ReceiptLine(OIL_FILTER, Decimal("0.5"), Decimal("10.03"))])
    assert done.total_cost == Decimal("10.03")
