"""Goods in from a supplier (采购入库 and the other receipt modes) and returns to a supplier.

A receipt is one transaction: every line is a `post_in(kind="receipt")` through the ledger,
which moves the part's moving-average cost, and the open purchase needs of the parts received
are marked "received" oldest first while the received quantity covers them whole (a need only
partly covered stays open: PurchaseNeed has no received-quantity column).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from dms import audit, validators
from dms.errors import NotFound, ValidationError
from dms.models import (Appointment, Part, PurchaseNeed, Reservation, Supplier, Warehouse,
                        WorkOrder)
from dms.money import money
from dms.parts import reservations, stock
from dms.permissions import require
from dms.workshop.states import OPEN_STATES

MODES = ("purchase", "transfer", "return")  # 采购入库, 调拨入库 (from outside the system), 退货入库
NEED_OPEN = ("open", "ordered")


@dataclass(frozen=True)
class ReceiptLine:
    part_code: str
    qty: Decimal
    unit_cost: Decimal | None  # required for a purchase; None leaves the average cost alone
    batch: str | None = None


@dataclass(frozen=True)
class ReturnLine:
    part_code: str
    qty: Decimal
    batch: str | None = None


@dataclass(frozen=True)
class Receipt:
    supplier_id: int
    warehouse_id: int
    mode: str
    reference: str | None
    movement_ids: tuple[int, ...]
    fulfilled_need_ids: tuple[int, ...]
    total_cost: Decimal  # Σ of each line qty × unit cost, rounded half up to the fen


@dataclass(frozen=True)
class SupplierReturn:
    supplier_id: int
    warehouse_id: int
    reference: str | None
    movement_ids: tuple[int, ...]


def own_warehouse(s, actor, code: str) -> Warehouse:
    found = s.scalars(select(Warehouse).where(Warehouse.store_id == actor.store_id,
                                              Warehouse.code == (code or "").strip().upper())).first()
    if found is None:
        raise NotFound(what="Warehouse", key=code)
    return found


def own_part_by_code(s, actor, code: str) -> Part:
    key = (code or "").strip().upper()
    found = s.scalars(select(Part).where(Part.store_id == actor.store_id, Part.code == key)).first()
    if found is None:
        raise NotFound("part.unknown_code", "No part has the code {key}.", key=code)
    return found


def _supplier(s, actor, code: str) -> Supplier:
    found = s.scalars(select(Supplier).where(Supplier.store_id == actor.store_id,
                                             Supplier.code == (code or "").strip().upper())).first()
    if found is None:
        raise NotFound(what="Supplier", key=code)
    return found


def _reference(reference: str | None) -> str | None:
    reference = (reference or "").strip() or None
    if reference and len(reference) > 60:
        raise ValidationError("receipt.reference", "The reference is at most 60 characters.")
    return reference


def _cost(value, mode: str) -> Decimal | None:
    if value is None:
        if mode == "purchase":
            raise ValidationError("receipt.cost_required", "A purchase needs a unit cost on every line.")
        return None
    return validators.number(value, "stock.cost", "amount", places=4, maximum=validators.MAX_AMOUNT,
                             exact=True)


def receive(db, actor, supplier_code: str, mode: str, warehouse_code: str,
            lines: list[ReceiptLine], reference: str | None = None) -> Receipt:
    """Book goods in from a supplier: all lines or none."""
    if mode not in MODES:
        raise ValidationError("receipt.mode", "Unknown receipt mode {value}.", value=mode)
    if not lines:
        raise ValidationError("receipt.empty", "A receipt needs at least one line.")
    reference = _reference(reference)
    with db.transaction() as s:
        require(s, actor, "stock.receive")
        supplier = _supplier(s, actor, supplier_code)
        warehouse = own_warehouse(s, actor, warehouse_code)
        return book_in(s, actor, supplier, mode, warehouse, lines, reference)


def book_in(s, actor, supplier: Supplier, mode: str, warehouse: Warehouse,
            lines: list[ReceiptLine], reference: str | None) -> Receipt:
    """The receipt in the caller's transaction (a receipt against a purchase order is one)."""
    checked = [(own_part_by_code(s, actor, line.part_code), stock.quantity(line.qty),
                _cost(line.unit_cost, mode), (line.batch or "").strip() or None) for line in lines]
    movements, received, total = [], {}, Decimal(0)
    for part, qty, cost, batch in checked:
        moved = stock.post_in(s, actor, part.id, warehouse.id, qty, "receipt", unit_cost=cost,
                              supplier_id=supplier.id, batch=batch, reference=reference,
                              reason=f"receipt:{mode}")
        movements.append(moved.id)
        received[part.id] = received.get(part.id, Decimal(0)) + qty
        total += money(qty * (cost or Decimal(0)))  # each line half up, then summed
    fulfilled = _fulfil_needs(s, actor, received)
    audit.record(s, actor, "supplier", supplier.id, "receipt", mode=mode, reference=reference,
                 warehouse=warehouse.code, movements=movements, needs=fulfilled, total=total)
    return Receipt(supplier.id, warehouse.id, mode, reference, tuple(movements),
                   tuple(fulfilled), total)


def _fulfil_needs(s, actor, received: dict[int, Decimal]) -> list[int]:
    """Mark open needs "received", oldest first, while what came in covers each one whole."""
    done = []
    for part_id, left in received.items():
        needs = s.scalars(select(PurchaseNeed).where(PurchaseNeed.part_id == part_id,
                                                     PurchaseNeed.store_id == actor.store_id,
                                                     PurchaseNeed.status.in_(NEED_OPEN))
                          .order_by(PurchaseNeed.created_at, PurchaseNeed.id).with_for_update())
        for need in needs:
            if need.qty > left:
                break
            left -= need.qty
            audit.record(s, actor, "purchase_need", need.id, "received",
                         from_state=need.status, to_state="received")
            need.status = "received"
            done.append(need.id)
            _hold_for(s, actor, need)
    s.flush()
    return done


def _hold_for(s, actor, need: PurchaseNeed) -> None:
    """What came in for a waiting order (or a booked appointment) is reserved for it at once,
    so the next car at the counter cannot take it."""
    order = s.get(WorkOrder, need.work_order_id) if need.work_order_id else None
    if order is not None and order.state in OPEN_STATES:
        for line in reservations.live_lines(s, order.id, need.part_id):
            reservations.reserve_line(s, actor, line)
    elif order is None and need.appointment_id:
        appointment = s.get(Appointment, need.appointment_id)
        if appointment.status == "booked":
            warehouse = reservations.default_warehouse(s, need.store_id, need.part_id)
            granted = stock.reserve(s, need.part_id, warehouse, need.qty)
            if granted:
                s.add(Reservation(part_id=need.part_id, warehouse_id=warehouse, qty=granted,
                                  appointment_id=appointment.id))


def return_to_supplier(db, actor, supplier_code: str, warehouse_code: str,
                       lines: list[ReturnLine], reference: str | None = None,
                       reason: str | None = None) -> SupplierReturn:
    """Send parts back to the supplier (退货): only unreserved stock can go; all lines or none."""
    if not lines:
        raise ValidationError("receipt.empty", "A return needs at least one line.")
    reference = _reference(reference)
    reason = validators.text(reason, "reason")
    with db.transaction() as s:
        require(s, actor, "stock.return_to_supplier")
        supplier = _supplier(s, actor, supplier_code)
        warehouse = own_warehouse(s, actor, warehouse_code)
        checked = [(own_part_by_code(s, actor, line.part_code), stock.quantity(line.qty),
                    (line.batch or "").strip() or None) for line in lines]
        movements = [stock.post_out(s, actor, part.id, warehouse.id, qty, "supplier_return",
                                    supplier_id=supplier.id, batch=batch, reference=reference,
                                    reason=reason).id
                     for part, qty, batch in checked]
        audit.record(s, actor, "supplier", supplier.id, "supplier_return", reason=reason,
                     reference=reference, warehouse=warehouse.code, movements=movements)
        return SupplierReturn(supplier.id, warehouse.id, reference, tuple(movements))
