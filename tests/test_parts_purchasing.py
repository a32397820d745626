"""Purchase orders (DESIGN §3): open purchase needs and low stock to one order per supplier,
received against it in part and in full, the goods held for the waiting order; roles and bad
input change nothing; both backends."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from builders import login
from dms.errors import Forbidden, ValidationError
from dms.models import Part, PurchaseNeed, PurchaseOrderLine, Stock, Supplier, Warehouse
from dms.parts import picking, purchasing
from dms.parts.receipts import ReceiptLine
from test_ui_counter import authorized, snapshot, stocked_parts


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "warehouse1", "admin")}


def _short_order(db, users):
    """An order lacking 3 of a part that has a supplier and nobody waits for yet."""
    with db.reading() as s:
        waited = set(s.scalars(select(PurchaseNeed.part_id).where(
            PurchaseNeed.status.in_(("open", "ordered")))))
        for code, _ in stocked_parts(db, 30):
            part = s.scalars(select(Part).where(Part.code == code)).one()
            if part.id not in waited and part.supplier_id:
                break
        free, warehouse = max((r.on_hand - r.reserved, w) for r, w in s.execute(
            select(Stock, Warehouse.code).join(Warehouse).where(Stock.part_id == part.id)))
        supplier = s.get(Supplier, part.supplier_id).code
    wo = authorized(db, users["advisor1"], [(code, free + 3)])
    return wo, part.id, code, supplier, warehouse


def test_needs_and_low_stock_become_one_order_per_supplier(demo_db, users):
    wo, part_id, code, supplier, _ = _short_order(demo_db, users)
    clerk = users["warehouse1"]
    proposal = purchasing.purchase_proposal(demo_db, clerk)
    ours = next(p for p in proposal if p.part_id == part_id)
    assert ours.for_orders == 3 and ours.qty >= 3 and ours.supplier_code == supplier
    with pytest.raises(Forbidden):
        purchasing.create_purchase_orders(demo_db, users["advisor1"])
    made = purchasing.create_purchase_orders(demo_db, clerk, [supplier])
    assert len(made.ids) == 1 and made.numbers[0].startswith("PO")
    with demo_db.reading() as s:
        assert s.scalar(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)) \
            == "ordered"
        assert s.scalar(select(PurchaseOrderLine.qty).where(
            PurchaseOrderLine.purchase_order_id == made.ids[0],
            PurchaseOrderLine.part_id == part_id)) == ours.qty
    # ordered now: the next proposal does not order it again
    assert all(p.part_id != part_id or p.for_orders == 0
               for p in purchasing.purchase_proposal(demo_db, clerk))
    with pytest.raises(ValidationError) as nothing:
        purchasing.create_purchase_orders(demo_db, clerk, ["NOSUCH"])
    assert nothing.value.code == "purchase.nothing"


def test_received_in_part_then_in_full_and_held_for_the_waiting_order(demo_db, users):
    wo, part_id, code, supplier, warehouse = _short_order(demo_db, users)
    clerk = users["warehouse1"]
    made = purchasing.create_purchase_orders(demo_db, clerk, [supplier])
    order_id = made.ids[0]
    view = next(v for v in purchasing.purchase_orders(demo_db, clerk) if v.id == order_id)
    line = next(x for x in view.lines if x.part_code == code)
    before = snapshot(demo_db)
    for bad, says in (([ReceiptLine(code, line.qty + 1, None)], "purchase.over_receipt"),
                      ([ReceiptLine("NOSUCH", 1, None)], "part.unknown_code"),
                      ([ReceiptLine(code, "abc", None)], "stock.qty"),
                      ([], "receipt.empty")):
        with pytest.raises(Exception) as refused:
            purchasing.receive_purchase_order(demo_db, clerk, order_id, warehouse, bad)
        assert getattr(refused.value, "code", None) == says
    assert snapshot(demo_db) == before
    with pytest.raises(Forbidden):
        purchasing.receive_purchase_order(demo_db, users["advisor1"], order_id, warehouse,
                                          [ReceiptLine(code, 1, None)])
    partial = purchasing.receive_purchase_order(demo_db, clerk, order_id, warehouse,
                                                [ReceiptLine(code, 1, None)])
    assert partial.status == "partial"
    rest = [ReceiptLine(x.part_code, x.qty - x.qty_received, None) for x in partial.lines
            if x.qty > x.qty_received]
    done = purchasing.receive_purchase_order(demo_db, clerk, order_id, warehouse, rest)
    assert done.status == "received"
    with demo_db.reading() as s:
        assert s.scalar(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)) \
            == "received"
    listing = picking.picking_list(demo_db, clerk, wo)
    assert listing.lines[0].state == "reserved"  # what came in is held for the waiting car
    with pytest.raises(ValidationError) as again:
        purchasing.receive_purchase_order(demo_db, clerk, order_id, warehouse,
                                          [ReceiptLine(code, 1, None)])
    assert again.value.code == "purchase.received"
    with pytest.raises(ValidationError):
        purchasing.purchase_orders(demo_db, clerk, status="lost")
    assert [v.id for v in purchasing.purchase_orders(demo_db, users["admin"], "received")
            if v.id == order_id] == [order_id]


def test_a_purchase_order_cancelled_proposes_its_needs_again(demo_db, users):
    wo, part_id, code, supplier, warehouse = _short_order(demo_db, users)
    clerk = users["warehouse1"]
    order_id = purchasing.create_purchase_orders(demo_db, clerk, [supplier]).ids[0]
    before = snapshot(demo_db)
    for who, reason, error in ((users["advisor1"], "供应商缺货", Forbidden),
                               (clerk, "  ", ValidationError)):
        with pytest.raises(error):
            purchasing.cancel_purchase_order(demo_db, who, order_id, reason)
    assert snapshot(demo_db) == before
    assert purchasing.purchase_order(demo_db, clerk, order_id).status == "open"
    done = purchasing.cancel_purchase_order(demo_db, clerk, order_id, "供应商缺货")
    assert done.status == "cancelled"
    with demo_db.reading() as s:  # the waiting order's need is open again: proposed again
        assert s.scalar(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)) \
            == "open"
    assert any(p.part_id == part_id and p.for_orders == 3
               for p in purchasing.purchase_proposal(demo_db, clerk))
    for again in (lambda: purchasing.cancel_purchase_order(demo_db, clerk, order_id, "x"),
                  lambda: purchasing.receive_purchase_order(demo_db, clerk, order_id, warehouse,
                                                            [ReceiptLine(code, 1, None)])):
        with pytest.raises(ValidationError) as refused:
            again()
        assert refused.value.code == "purchase.cancelled"
    assert [v.id for v in purchasing.purchase_orders(demo_db, clerk, "cancelled")] == [order_id]


def test_a_purchase_order_printed_and_exported_with_text_kept_as_text(demo_db, users, tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    from dms.money import money
    from dms.reports import purchase

    wo, part_id, code, supplier, warehouse = _short_order(demo_db, users)
    clerk = users["warehouse1"]
    with demo_db.transaction() as s:  # a name typed into the catalogue as a formula
        s.get(Part, part_id).name = '=HYPERLINK("http://x","y")'
    order_id = purchasing.create_purchase_orders(demo_db, clerk, [supplier]).ids[0]
    view = purchasing.purchase_order(demo_db, clerk, order_id)
    pdf = purchase.purchase_order_pdf(demo_db, clerk, order_id)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "po.xlsx"
    purchase.export_purchase_order(demo_db, clerk, order_id, path, "en")
    sheet = load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(max_col=6)]
    assert rows[0][:2] == ["Order no.", view.number] and rows[1][1].startswith(supplier)
    head = rows.index(["Part code", "Part name", "Ordered", "Received", "Unit cost", "Amount"])
    ours = next(r for r in rows[head + 1:] if r[0] == code)
    cell = sheet.cell(head + 1 + rows[head + 1:].index(ours) + 1, 2)
    assert cell.data_type == "s" and cell.value.startswith("=")  # text, not a formula
    line = next(x for x in view.lines if x.part_code == code)
    assert ours[2] == line.qty and ours[3] == 0
    assert rows[-1][0] == "Total" and Decimal(str(rows[-1][5])) == sum(
        (money(x.qty * x.unit_cost) for x in view.lines), start=Decimal(0))
    zh = load_workbook(BytesIO(purchase.purchase_order_xlsx(demo_db, clerk, order_id))).active
    assert zh.cell(1, 1).value == "订单号"
    with pytest.raises(Forbidden):
        purchase.purchase_order_xlsx(demo_db, users["advisor1"], order_id)
