"""The parts counter's own reads and its undo (DESIGN §1 step 6, §9): the picking queue, the
order behind a scanned job card, the header the clerk picks against, undoing the last scan,
and the small lists the counter's forms choose from. No Qt.

The job card (派工单) and the picking list print the work-order number as their Code 128
barcode (`dms.reports.documents.context.header`), so a scanned job card is the order's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from dms import audit, clock
from dms.errors import NotFound, ValidationError
from dms.models import (Appointment, Bin, LabourLine, Part, PartLine, PurchaseNeed, Reservation,
                        Stock, Stocktake, StockMovement, Store, Supplier, User, Vehicle, Warehouse,
                        WorkOrder)
from dms.numbering import PREFIXES
from dms.parts import stock
from dms.parts.catalogue import normalise_scan, page
from dms.parts.picking import ISSUE_STATES, RETURN_STATES
from dms.parts.reservations import CLOSED, ZERO, reserve_line
from dms.permissions import require
from dms.workshop.common import Changed, changed, load_order, touch

ORDER_NUMBER = re.compile(rf"^{PREFIXES['workorder']}\d{{10}}$")  # WO2026000123
UNDO = "UNDO "  # the reference of a return that undoes an issue: "UNDO <movement id>"


@dataclass(frozen=True)
class QueueRow:
    id: int  # the work order
    number: str
    plate: str | None
    state: str
    promised_at: datetime | None
    lines: int  # approved part lines with something left to issue
    to_pick: Decimal
    short: tuple[str, ...]  # codes of the parts not (fully) held for the order


@dataclass(frozen=True)
class HeldPart:
    code: str
    name: str
    qty: Decimal
    warehouse: str
    bin: str | None


@dataclass(frozen=True)
class BookedRow:
    id: int  # the appointment
    number: str
    booked_for: datetime
    plate: str | None
    held: tuple[HeldPart, ...]  # what the store holds for it, to prepare
    short: tuple[str, ...]  # codes of the parts it waits for (open purchase needs)


@dataclass(frozen=True)
class OrderHead:
    id: int
    number: str
    plate: str | None
    model: str | None
    state: str
    promised_at: datetime | None
    technicians: tuple[str, ...]  # who works on it: who takes the parts at the counter


@dataclass(frozen=True)
class Undone:
    changed: Changed
    movement_ids: tuple[int, ...]  # the returns that took the scan back


@dataclass(frozen=True)
class OpenStocktake:
    id: int
    number: str
    warehouse_code: str
    created_at: datetime


def is_order_scan(text: str) -> bool:
    """A job card's barcode (a work-order number) rather than a part's."""
    return bool(ORDER_NUMBER.match(normalise_scan(text)))


def _left():
    """Approved part lines with something still to issue."""
    return (PartLine.approval == "approved", PartLine.state.not_in(CLOSED),
            PartLine.qty > PartLine.qty_issued)


def picking_queue(db, actor, offset: int = 0, limit: int = 50) -> list[QueueRow]:
    """Orders in the workshop with parts to issue, the earliest promise first (orders without
    a promise last), with the parts the store does not hold for them."""
    offset, limit = page(offset, limit)
    with db.reading() as s:
        require(s, actor, "picking.queue")
        # The orders in the workshop, each asked whether it has a line left (not the lines
        # left of every order of the years first: 166 ms on the large benchmark database)
        waiting = select(PartLine.id).where(PartLine.work_order_id == WorkOrder.id, *_left()) \
            .exists()
        orders = s.execute(
            select(WorkOrder.id, WorkOrder.number, Vehicle.plate, WorkOrder.state,
                   WorkOrder.promised_at)
            .outerjoin(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .where(WorkOrder.store_id == actor.store_id, WorkOrder.state.in_(ISSUE_STATES),
                   waiting)
            .order_by(WorkOrder.promised_at.is_(None), WorkOrder.promised_at, WorkOrder.id)
            .offset(offset).limit(limit)).all()
        ids = [o.id for o in orders]
        lines: dict[int, list] = {i: [] for i in ids}
        if ids:
            for line, code in s.execute(select(PartLine, Part.code)
                                        .join(Part, Part.id == PartLine.part_id)
                                        .where(PartLine.work_order_id.in_(ids), *_left())
                                        .order_by(PartLine.id)):
                lines[line.work_order_id].append((line, code))
        return [QueueRow(o.id, o.number, o.plate, o.state, o.promised_at, len(lines[o.id]),
                         sum((x.qty - x.qty_issued for x, _ in lines[o.id]), ZERO),
                         tuple(dict.fromkeys(c for x, c in lines[o.id] if x.state == "requested")))
                for o in orders]


def booked_parts(db, actor, days: int = 1) -> list[BookedRow]:
    """Bookings from now to the end of the day `days` ahead (tomorrow) that hold parts or wait
    for some, earliest first: what the clerk can put ready before the cars arrive."""
    now = clock.now()
    end = datetime.combine(now.astimezone().date() + timedelta(days=days + 1), time.min,
                           tzinfo=now.astimezone().tzinfo)
    with db.reading() as s:
        require(s, actor, "picking.queue")
        bookings = s.execute(
            select(Appointment.id, Appointment.number, Appointment.booked_for, Vehicle.plate)
            .outerjoin(Vehicle, Vehicle.id == Appointment.vehicle_id)
            .where(Appointment.store_id == actor.store_id, Appointment.status == "booked",
                   Appointment.booked_for >= now, Appointment.booked_for < end)
            .order_by(Appointment.booked_for, Appointment.id)).all()
        ids = [b.id for b in bookings]
        held: dict[int, list[HeldPart]] = {i: [] for i in ids}
        short: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            for appointment, code, name, qty, warehouse, bin_code in s.execute(
                    select(Reservation.appointment_id, Part.code, Part.name, Reservation.qty,
                           Warehouse.code, Bin.code)
                    .join(Part, Part.id == Reservation.part_id)
                    .join(Warehouse, Warehouse.id == Reservation.warehouse_id)
                    .outerjoin(Stock, (Stock.part_id == Reservation.part_id)
                               & (Stock.warehouse_id == Reservation.warehouse_id))
                    .outerjoin(Bin, Bin.id == Stock.bin_id)
                    .where(Reservation.appointment_id.in_(ids), Reservation.status == "active",
                           Reservation.part_line_id.is_(None))
                    .order_by(Reservation.id)):
                held[appointment].append(HeldPart(code, name, qty, warehouse, bin_code))
            for appointment, code in s.execute(
                    select(PurchaseNeed.appointment_id, Part.code)
                    .join(Part, Part.id == PurchaseNeed.part_id)
                    .where(PurchaseNeed.appointment_id.in_(ids),
                           PurchaseNeed.work_order_id.is_(None),
                           PurchaseNeed.status.in_(("open", "ordered")))
                    .order_by(PurchaseNeed.id)):
                short[appointment].append(code)
        return [BookedRow(b.id, b.number, b.booked_for, b.plate, tuple(held[b.id]),
                          tuple(dict.fromkeys(short[b.id])))
                for b in bookings if held[b.id] or short[b.id]]


def order_by_scan(db, actor, scanned: str) -> int:
    """The work order whose job card was scanned (its number), in the actor's store."""
    key = normalise_scan(scanned)
    with db.reading() as s:
        require(s, actor, "picking.queue")
        found = s.scalar(select(WorkOrder.id).where(WorkOrder.store_id == actor.store_id,
                                                    WorkOrder.number == key))
    if found is None:
        raise NotFound("counter.unknown_order", "No work order has the number {key}.", key=key)
    return found


def order_head(db, actor, work_order_id: int) -> OrderHead:
    with db.reading() as s:
        require(s, actor, "picking.queue")
        order = load_order(s, actor, work_order_id, lock=False)
        vehicle = s.get(Vehicle, order.vehicle_id) if order.vehicle_id else None
        names = s.scalars(select(User.display_name).join(LabourLine,
                                                         LabourLine.technician_id == User.id)
                          .where(LabourLine.work_order_id == order.id,
                                 LabourLine.approval == "approved")
                          .order_by(LabourLine.id)).all()
        return OrderHead(order.id, order.number, vehicle.plate if vehicle else None,
                         " ".join(x for x in (vehicle.brand, vehicle.series) if x) if vehicle
                         else None, order.state, order.promised_at, tuple(dict.fromkeys(names)))


def undo_scan(db, actor, movement_ids: list[int]) -> Undone:
    """Take back what one scan issued (its issue movements), as if it had not been scanned:
    the units go back into stock and are held for their line again. Each issue is undone at
    most once; a line since returned or exchanged is refused."""
    if not movement_ids:
        raise ValidationError("counter.nothing_to_undo", "There is no scan to undo.")
    with db.transaction() as s:
        require(s, actor, "picking.return")
        moves = [s.get(StockMovement, i) for i in movement_ids]
        if any(m is None or m.store_id != actor.store_id or m.kind != "issue"
               or m.part_line_id is None for m in moves):
            raise NotFound(what="Part line", key=", ".join(str(i) for i in movement_ids))
        order = load_order(s, actor, moves[0].work_order_id)
        if order.state not in RETURN_STATES:
            raise ValidationError("counter.undo_state", "Work order {number} is {state}; its "
                                  "parts can no longer be taken back here.",
                                  number=order.number, state=order.state)
        done = []
        for move in moves:
            reference = f"{UNDO}{move.id}"
            if s.scalar(select(StockMovement.id).where(  # the order's movements: an index
                    StockMovement.work_order_id == order.id,  # (the reference has none)
                    StockMovement.reference == reference)):
                raise ValidationError("counter.undone", "This scan is undone already.")
            line = s.get(PartLine, move.part_line_id)
            s.refresh(line)
            qty = -move.qty
            if line.state in CLOSED or line.qty_issued < qty:
                raise ValidationError("picking.over_return", "Only {issued} of this line is "
                                      "issued.", issued=line.qty_issued)
            done.append(stock.post_in(s, actor, move.part_id, move.warehouse_id, qty, "return",
                                      work_order_id=order.id, part_line_id=line.id,
                                      reference=reference, reason="undo scan").id)
            line.qty_issued -= qty
            s.flush()
            reserve_line(s, actor, line)
        touch(order, actor)
        audit.record(s, actor, "work_order", order.id, "undo_issue", movements=list(movement_ids))
        return Undone(changed(s, order), tuple(done))


def on_order(db, actor, part_id: int) -> Decimal:
    """What the store still waits for of the part: its open and ordered purchase needs."""
    with db.reading() as s:
        total = s.scalars(select(PurchaseNeed.qty).where(
            PurchaseNeed.store_id == actor.store_id, PurchaseNeed.part_id == part_id,
            PurchaseNeed.status.in_(("open", "ordered")))).all()
        return sum(total, ZERO)


def open_stocktakes(db, actor) -> list[OpenStocktake]:
    """Counts still in progress (their bins are locked), oldest first."""
    with db.reading() as s:
        rows = s.execute(select(Stocktake.id, Stocktake.number, Warehouse.code,
                                Stocktake.created_at)
                         .join(Warehouse, Warehouse.id == Stocktake.warehouse_id)
                         .where(Stocktake.store_id == actor.store_id,
                                Stocktake.status == "counting")
                         .order_by(Stocktake.id)).all()
        return [OpenStocktake(*row) for row in rows]


def choices(db, actor) -> dict[str, list[tuple]]:
    """The store's warehouses and suppliers as (code, name), for the counter's forms; and where
    a transfer can go: (store code or None for this store, warehouse code, name), this store's
    warehouses first, then the other stores' of the group."""
    with db.reading() as s:
        places = s.execute(select(Store.id, Store.code, Store.name, Warehouse.code, Warehouse.name)
                           .join(Warehouse, Warehouse.store_id == Store.id)
                           .order_by(Store.id != actor.store_id, Store.code, Warehouse.code))
        return {"destinations": [(None if sid == actor.store_id else code, wh, f"{name} {wh_name}"
                                  if sid != actor.store_id else wh_name)
                                 for sid, code, name, wh, wh_name in places],
                "warehouses": [tuple(r) for r in s.execute(
                    select(Warehouse.code, Warehouse.name)
                    .where(Warehouse.store_id == actor.store_id).order_by(Warehouse.code))],
                "suppliers": [tuple(r) for r in s.execute(
                    select(Supplier.code, Supplier.name)
                    .where(Supplier.store_id == actor.store_id).order_by(Supplier.code))]}

