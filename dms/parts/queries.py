"""Warehouse lists: what to reorder, what moved, what the workshop is waiting for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from dms.errors import NotFound, ValidationError
from dms.models import Bin, Part, PurchaseNeed, Stock, StockMovement, User, Warehouse, WorkOrder
from dms.parts.catalogue import page

NEED_STATUSES = ("open", "ordered", "received", "cancelled")


@dataclass(frozen=True)
class LowStock:
    part_id: int
    code: str
    name: str
    reorder_threshold: Decimal
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    shortfall: Decimal  # threshold − available
    needed: Decimal  # open and ordered purchase needs


@dataclass(frozen=True)
class Movement:
    id: int
    at: datetime
    kind: str
    qty: Decimal  # signed: + in, − out
    unit_cost: Decimal | None
    warehouse_code: str
    bin_code: str | None
    user: str | None
    reference: str | None
    batch: str | None
    reason: str | None
    work_order_id: int | None
    transfer_id: int | None
    stocktake_id: int | None
    supplier_id: int | None
    work_order_number: str | None = None  # the document behind an issue or a return


@dataclass(frozen=True)
class Need:
    id: int
    part_id: int
    part_code: str
    part_name: str
    qty: Decimal
    status: str
    created_at: datetime
    work_order_id: int | None
    work_order_number: str | None
    appointment_id: int | None
    available: Decimal


def _available():
    return (select(Stock.part_id, func.sum(Stock.on_hand).label("on_hand"),
                   func.sum(Stock.reserved).label("reserved"))
            .group_by(Stock.part_id).subquery())


def low_stock(db, actor, offset: int = 0, limit: int = 50) -> list[LowStock]:
    """Active parts whose available stock (on hand − reserved, every warehouse of the store)
    is below their reorder threshold; the biggest shortfall first."""
    offset, limit = page(offset, limit)
    totals = _available()
    on_hand = func.coalesce(totals.c.on_hand, 0)
    reserved = func.coalesce(totals.c.reserved, 0)
    needs = (select(PurchaseNeed.part_id, func.sum(PurchaseNeed.qty).label("qty"))
             .where(PurchaseNeed.store_id == actor.store_id,
                    PurchaseNeed.status.in_(("open", "ordered")))
             .group_by(PurchaseNeed.part_id).subquery())
    shortfall = Part.reorder_threshold - (on_hand - reserved)
    with db.reading() as s:
        rows = s.execute(select(Part, on_hand, reserved, func.coalesce(needs.c.qty, 0))
                         .outerjoin(totals, totals.c.part_id == Part.id)
                         .outerjoin(needs, needs.c.part_id == Part.id)
                         .where(Part.store_id == actor.store_id, Part.active, shortfall > 0)
                         .order_by(shortfall.desc(), Part.code).offset(offset).limit(limit))
        return [LowStock(p.id, p.code, p.name, p.reorder_threshold, Decimal(held), Decimal(kept),
                         Decimal(held) - Decimal(kept), p.reorder_threshold - Decimal(held) + Decimal(kept),
                         Decimal(needed))
                for p, held, kept, needed in rows]


def movement_history(db, actor, part_id: int, offset: int = 0, limit: int = 50) -> list[Movement]:
    """The part's ledger, newest first."""
    offset, limit = page(offset, limit)
    with db.reading() as s:
        part = s.get(Part, part_id)
        if part is None or part.store_id != actor.store_id:
            raise NotFound(what="Part", key=part_id)
        rows = s.execute(select(StockMovement, Warehouse.code, Bin.code, User.display_name,
                                WorkOrder.number)
                         .join(Warehouse, Warehouse.id == StockMovement.warehouse_id)
                         .outerjoin(Bin, Bin.id == StockMovement.bin_id)
                         .outerjoin(User, User.id == StockMovement.user_id)
                         .outerjoin(WorkOrder, WorkOrder.id == StockMovement.work_order_id)
                         .where(StockMovement.part_id == part_id)
                         .order_by(StockMovement.at.desc(), StockMovement.id.desc())
                         .offset(offset).limit(limit))
        return [Movement(m.id, m.at, m.kind, m.qty, m.unit_cost, wh, bin_code, user, m.reference,
                         m.batch, m.reason, m.work_order_id, m.transfer_id, m.stocktake_id,
                         m.supplier_id, number)
                for m, wh, bin_code, user, number in rows]


def purchase_needs(db, actor, status: str | None = "open", offset: int = 0,
                   limit: int = 50) -> list[Need]:
    """Purchase needs of the store (status None: all), oldest first."""
    offset, limit = page(offset, limit)
    if status is not None and status not in NEED_STATUSES:
        raise ValidationError("parts.need_status", "Unknown purchase need status {value}.", value=status)
    totals = _available()
    # Selected apart: arithmetic on scaled-integer columns would come back unscaled.
    query = (select(PurchaseNeed, Part.code, Part.name, WorkOrder.number,
                    func.coalesce(totals.c.on_hand, 0), func.coalesce(totals.c.reserved, 0))
             .join(Part, Part.id == PurchaseNeed.part_id)
             .outerjoin(WorkOrder, WorkOrder.id == PurchaseNeed.work_order_id)
             .outerjoin(totals, totals.c.part_id == PurchaseNeed.part_id)
             .where(PurchaseNeed.store_id == actor.store_id))
    if status is not None:
        query = query.where(PurchaseNeed.status == status)
    with db.reading() as s:
        rows = s.execute(query.order_by(PurchaseNeed.created_at, PurchaseNeed.id)
                         .offset(offset).limit(limit))
        return [Need(n.id, n.part_id, code, name, n.qty, n.status, n.created_at, n.work_order_id,
                     number, n.appointment_id, Decimal(held) - Decimal(kept))
                for n, code, name, number, held, kept in rows]
