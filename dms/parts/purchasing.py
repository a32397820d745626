"""Purchase orders to suppliers (采购订单, DESIGN §3): what the workshop waits for (open purchase
needs) and what fell below its reorder point become one order per supplier; goods come in
against an order, in part or in full, as a receipt (`dms.parts.receipts.book_in`), which marks
the needs received and reserves the goods for the orders waiting for them. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from dms import audit, validators
from dms.errors import NotFound, ValidationError
from dms.models import (Part, PurchaseNeed, PurchaseOrder, PurchaseOrderLine, Stock, Supplier)
from dms.numbering import next_number
from dms.parts import stock
from dms.parts.catalogue import page
from dms.parts.receipts import (ReceiptLine, book_in, own_part_by_code, own_warehouse,
                                _reference)
from dms.permissions import require

ZERO = Decimal(0)
STATUSES = ("open", "partial", "received", "cancelled")


@dataclass(frozen=True)
class Proposed:
    supplier_id: int
    supplier_code: str
    supplier_name: str
    part_id: int
    part_code: str
    part_name: str
    for_orders: Decimal  # open purchase needs of work orders and appointments
    for_stock: Decimal  # up to the reorder point, beyond what is needed or ordered already
    qty: Decimal
    unit_cost: Decimal  # expected: the part's moving-average cost


@dataclass(frozen=True)
class OrderLine:
    part_code: str
    part_name: str
    qty: Decimal
    qty_received: Decimal
    unit_cost: Decimal


@dataclass(frozen=True)
class OrderView:
    id: int
    number: str
    supplier_code: str
    supplier_name: str
    status: str
    created_at: datetime
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True)
class Made:
    ids: tuple[int, ...]
    numbers: tuple[str, ...]
    need_ids: tuple[int, ...]  # now "ordered"


def _proposal(s, store_id: int) -> tuple[list[Proposed], dict[int, list[PurchaseNeed]]]:
    needs: dict[int, list[PurchaseNeed]] = {}
    for need in s.scalars(select(PurchaseNeed).where(PurchaseNeed.store_id == store_id,
                                                     PurchaseNeed.status == "open")
                          .order_by(PurchaseNeed.id)):
        needs.setdefault(need.part_id, []).append(need)
    ordered = dict(s.execute(select(PurchaseNeed.part_id, func.sum(PurchaseNeed.qty))
                             .where(PurchaseNeed.store_id == store_id,
                                    PurchaseNeed.status == "ordered")
                             .group_by(PurchaseNeed.part_id)).all())
    totals = (select(Stock.part_id, func.sum(Stock.on_hand).label("on_hand"),
                     func.sum(Stock.reserved).label("reserved"))
              .group_by(Stock.part_id).subquery())
    low = {part_id: Decimal(threshold) - Decimal(held) + Decimal(kept)
           for part_id, threshold, held, kept in s.execute(
               select(Part.id, Part.reorder_threshold, func.coalesce(totals.c.on_hand, 0),
                      func.coalesce(totals.c.reserved, 0))
               .outerjoin(totals, totals.c.part_id == Part.id)
               .where(Part.store_id == store_id, Part.active, Part.reorder_threshold > 0))}
    wanted = set(needs) | {p for p, short in low.items() if short > 0}
    rows = []
    if not wanted:
        return rows, needs
    for part, supplier in s.execute(select(Part, Supplier).join(Supplier,
                                                                Supplier.id == Part.supplier_id)
                                    .where(Part.id.in_(wanted)).order_by(Supplier.code, Part.code)):
        for_orders = sum((n.qty for n in needs.get(part.id, ())), ZERO)
        covered = for_orders + Decimal(ordered.get(part.id) or 0)
        for_stock = max(ZERO, low.get(part.id, ZERO) - covered)
        if for_orders + for_stock > 0:
            rows.append(Proposed(supplier.id, supplier.code, supplier.name, part.id, part.code,
                                 part.name, for_orders, for_stock, for_orders + for_stock,
                                 part.avg_cost))
    return rows, needs


def purchase_proposal(db, actor) -> list[Proposed]:
    """What to order, by supplier then part (parts without a supplier cannot be ordered)."""
    with db.reading() as s:
        require(s, actor, "purchase.order")
        return _proposal(s, actor.store_id)[0]


def create_purchase_orders(db, actor, supplier_codes: list[str] | None = None) -> Made:
    """The proposal as one purchase order per supplier (only those named, if any); the open
    needs it covers become "ordered". One transaction."""
    wanted = None if supplier_codes is None else {(c or "").strip().upper() for c in supplier_codes}
    with db.transaction() as s:
        require(s, actor, "purchase.order")
        rows, needs = _proposal(s, actor.store_id)
        rows = [r for r in rows if wanted is None or r.supplier_code in wanted]
        if not rows:
            raise ValidationError("purchase.nothing", "Nothing needs ordering.")
        orders: dict[int, PurchaseOrder] = {}
        marked = []
        for row in rows:
            order = orders.get(row.supplier_id)
            if order is None:
                order = PurchaseOrder(store_id=actor.store_id, supplier_id=row.supplier_id,
                                      number=next_number(s, actor.store_id, "purchase"),
                                      created_by_id=actor.id, status="open")
                s.add(order)
                s.flush()
                orders[row.supplier_id] = order
            s.add(PurchaseOrderLine(purchase_order_id=order.id, part_id=row.part_id,
                                    qty=row.qty, qty_received=ZERO, unit_cost=row.unit_cost))
            for need in needs.get(row.part_id, ()):
                need.status = "ordered"
                marked.append(need.id)
        s.flush()
        for order in orders.values():
            audit.record(s, actor, "purchase_order", order.id, "create", to_state="open",
                         number=order.number)
        return Made(tuple(o.id for o in orders.values()),
                    tuple(o.number for o in orders.values()), tuple(marked))


def _own(s, actor, order_id: int, lock: bool = False) -> PurchaseOrder:
    query = select(PurchaseOrder).where(PurchaseOrder.id == order_id)
    found = s.scalars(query.with_for_update() if lock else query).first()
    if found is None or found.store_id != actor.store_id:
        raise NotFound(what="Purchase order", key=order_id)
    return found


def _still_open(order: PurchaseOrder) -> None:
    if order.status == "received":
        raise ValidationError("purchase.received", "Purchase order {number} is received "
                              "in full.", number=order.number)
    if order.status == "cancelled":
        raise ValidationError("purchase.cancelled", "Purchase order {number} is cancelled.",
                              number=order.number)


def _view(s, order: PurchaseOrder) -> OrderView:
    supplier = s.get(Supplier, order.supplier_id)
    lines = tuple(OrderLine(code, name, line.qty, line.qty_received, line.unit_cost)
                  for line, code, name in s.execute(
                      select(PurchaseOrderLine, Part.code, Part.name)
                      .join(Part, Part.id == PurchaseOrderLine.part_id)
                      .where(PurchaseOrderLine.purchase_order_id == order.id)
                      .order_by(Part.code)))
    return OrderView(order.id, order.number, supplier.code, supplier.name, order.status,
                     order.created_at, lines)


def purchase_orders(db, actor, status: str | None = None, offset: int = 0,
                    limit: int = 50) -> list[OrderView]:
    """The store's purchase orders, newest first (status None: every one)."""
    offset, limit = page(offset, limit)
    if status is not None and status not in STATUSES:
        raise ValidationError("purchase.status", "Unknown purchase order status {value}.",
                              value=status)
    with db.reading() as s:
        require(s, actor, "purchase.order")
        query = select(PurchaseOrder).where(PurchaseOrder.store_id == actor.store_id)
        if status is not None:
            query = query.where(PurchaseOrder.status == status)
        orders = s.scalars(query.order_by(PurchaseOrder.id.desc()).offset(offset).limit(limit))
        return [_view(s, o) for o in orders]


def purchase_order(db, actor, order_id: int) -> OrderView:
    """One purchase order of the store, with its lines (what is printed and exported)."""
    with db.reading() as s:
        require(s, actor, "purchase.order")
        return _view(s, _own(s, actor, order_id))


def receive_purchase_order(db, actor, order_id: int, warehouse_code: str,
                           lines: list[ReceiptLine], reference: str | None = None) -> OrderView:
    """Goods in against the order: each line's part must be on it and no more than is still
    to come; a line without a cost takes the order's. The order is "partial" until every line
    is in, then "received". One transaction (the receipt's too)."""
    if not lines:
        raise ValidationError("receipt.empty", "A receipt needs at least one line.")
    reference = _reference(reference)
    with db.transaction() as s:
        require(s, actor, "stock.receive")
        order = _own(s, actor, order_id, lock=True)
        _still_open(order)
        ordered = {line.part_id: line for line in s.scalars(select(PurchaseOrderLine).where(
            PurchaseOrderLine.purchase_order_id == order.id))}
        booked = []
        for line in lines:
            part = own_part_by_code(s, actor, line.part_code)
            have = ordered.get(part.id)
            if have is None:
                raise ValidationError("purchase.not_on_order", "{part} is not on purchase "
                                      "order {number}.", part=part.code, number=order.number)
            qty = stock.quantity(line.qty)
            if qty > have.qty - have.qty_received:
                raise ValidationError("purchase.over_receipt", "Only {left} of {part} is still "
                                      "to come on this order.",
                                      left=have.qty - have.qty_received, part=part.code)
            have.qty_received += qty
            booked.append(ReceiptLine(part.code, qty, have.unit_cost if line.unit_cost is None
                                      else line.unit_cost, line.batch))
        supplier = s.get(Supplier, order.supplier_id)
        warehouse = own_warehouse(s, actor, warehouse_code)
        receipt = book_in(s, actor, supplier, "purchase", warehouse, booked,
                          reference or order.number)
        done = all(x.qty_received >= x.qty for x in ordered.values())
        before, order.status = order.status, "received" if done else "partial"
        audit.record(s, actor, "purchase_order", order.id, "receive", from_state=before,
                     to_state=order.status, movements=list(receipt.movement_ids))
        s.flush()
        return _view(s, order)


def cancel_purchase_order(db, actor, order_id: int, reason: str) -> OrderView:
    """The supplier will not deliver (the rest of) the order: it is cancelled, what was
    received stays received, and the open need it covered is proposed again — for each line,
    the "ordered" needs of its part, newest first, as far as what is still to come covers them
    whole. One transaction."""
    reason = validators.required_text(reason, "purchase.reason", "reason", 200)
    with db.transaction() as s:
        require(s, actor, "purchase.order")
        order = _own(s, actor, order_id, lock=True)
        _still_open(order)
        reopened = []
        for line in s.scalars(select(PurchaseOrderLine).where(
                PurchaseOrderLine.purchase_order_id == order.id)):
            left = line.qty - line.qty_received
            for need in s.scalars(select(PurchaseNeed).where(
                    PurchaseNeed.store_id == actor.store_id, PurchaseNeed.part_id == line.part_id,
                    PurchaseNeed.status == "ordered").order_by(PurchaseNeed.id.desc())
                    .with_for_update()):
                if need.qty > left:
                    continue
                left -= need.qty
                need.status = "open"
                reopened.append(need.id)
        before, order.status = order.status, "cancelled"
        audit.record(s, actor, "purchase_order", order.id, "cancel", from_state=before,
                     to_state="cancelled", reason=reason, needs=reopened)
        s.flush()
        return _view(s, order)
