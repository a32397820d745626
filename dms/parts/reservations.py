"""Part reservations (DESIGN §2, §3, §6), always inside the caller's transaction: a part
line or an appointment holds stock through a `Reservation` row mirrored by `Stock.reserved`
(changed only by the ledger, `dms.parts.stock`), so the active rows of a part in a warehouse
add up to its reserved quantity. What cannot be held becomes a `PurchaseNeed` of the order (or
the appointment) and the line stays "requested". Split from `dms.parts.picking`, which
re-exports the public functions.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import bindparam, select

from dms.errors import NotFound, ValidationError
from dms.models import (AppointmentPart, Bin, PartLine, PurchaseNeed, Reservation, Stock,
                        Warehouse, WorkOrder)
from dms.parts import stock
from dms.workshop.common import order_rows

ZERO = Decimal(0)
# The line is done with; nothing more to pick for it. "released": let go of without ever being
# issued (the car did not need it), so never billed.
CLOSED = ("returned", "exchanged", "released")
NEED_LIVE = ("open", "ordered")


def default_warehouse(s, store_id: int, part_id: int) -> int:
    """The store's warehouse holding the part (most free stock first), else its first one."""
    found = s.scalar(select(Stock.warehouse_id).join(Warehouse, Warehouse.id == Stock.warehouse_id)
                     .where(Stock.part_id == part_id, Warehouse.store_id == store_id)
                     .order_by((Stock.on_hand - Stock.reserved).desc(), Stock.id).limit(1))
    found = found or s.scalar(select(Warehouse.id).where(Warehouse.store_id == store_id)
                              .order_by(Warehouse.code).limit(1))
    if found is None:
        raise NotFound(what="Warehouse", key=store_id)
    return found


def active(s, **where) -> list[Reservation]:
    return list(s.scalars(select(Reservation).where(
        Reservation.status == "active", *(getattr(Reservation, k) == v for k, v in where.items()))
        .order_by(Reservation.id)))


def lines_holding(s, order_id: int, part_id: int):
    """The order's open lines of the part, each with its active reservations, and the stock
    rows those are held in (warehouse id → (row, its warehouse's store, on SQLite its bin's
    stocktake), as `stock.post_out(found=...)` takes them): one read."""
    found: dict[int, tuple[PartLine, list[Reservation]]] = {}
    rows = {}
    serialised = s.get_bind().dialect.name == "sqlite"  # PostgreSQL locks the bin apart
    for line, hold, row, store_id, locked in s.execute(
            _LINES_HOLDING, {"order": order_id, "part": part_id}):
        holds = found.setdefault(line.id, (line, []))[1]
        if hold is not None:
            holds.append(hold)
        if row is not None:
            rows[row.warehouse_id] = (row, store_id, locked if serialised else stock.UNREAD)
    return list(found.values()), rows


_LINES_HOLDING = select(PartLine, Reservation, Stock, Warehouse.store_id,
                        Bin.locked_by_stocktake_id) \
    .outerjoin(Reservation, (Reservation.part_line_id == PartLine.id)
               & (Reservation.status == "active")) \
    .outerjoin(Stock, (Stock.part_id == Reservation.part_id)
               & (Stock.warehouse_id == Reservation.warehouse_id)) \
    .outerjoin(Warehouse, Warehouse.id == Stock.warehouse_id) \
    .outerjoin(Bin, Bin.id == Stock.bin_id) \
    .where(PartLine.work_order_id == bindparam("order"), PartLine.part_id == bindparam("part"),
           PartLine.state.not_in(CLOSED)).order_by(PartLine.id, Reservation.id)


def held(s, line, holds=None) -> Decimal:
    """What the line holds; `holds`: its active reservations, if at hand."""
    holds = active(s, part_line_id=line.id) if holds is None else holds
    return sum((r.qty for r in holds), ZERO)


def set_state(s, line, holding: Decimal | None = None) -> None:
    """`holding`: what the line holds, when the caller has just worked it out."""
    if line.state in CLOSED:
        return
    if line.qty_issued >= line.qty:
        line.state = "issued"
    else:
        holding = held(s, line) if holding is None else holding
        line.state = "reserved" if holding >= line.qty - line.qty_issued else "requested"


def close_holds(s, holds, amount: Decimal, status: str,
                line_id: int) -> list[tuple[Reservation, Decimal]]:
    """Close `amount` of the given holds, in order, as `status` (consumed or released); a hold
    only partly closed is split so the closed part stays as history. (hold, qty) closed."""
    closed = []
    for r in holds:
        take = min(r.qty, amount)
        if take <= 0:
            break
        closed.append((r, take))
        if take < r.qty:
            r.qty -= take
            s.add(Reservation(part_id=r.part_id, warehouse_id=r.warehouse_id, qty=take,
                              part_line_id=line_id, appointment_id=r.appointment_id,
                              status=status))
        else:
            r.status = status
        amount -= take
    return closed


def fit(s, line, holds: list[Reservation] | None = None) -> None:
    """Let go of what is held beyond what the line still lacks (its quantity was lowered, or it
    was issued in full), then set its state. `holds`: the line's active reservations, when the
    caller has them at hand."""
    holds = active(s, part_line_id=line.id) if holds is None else holds
    holding = sum((r.qty for r in holds), ZERO)
    surplus = holding - max(ZERO, line.qty - line.qty_issued)
    for r, cut in close_holds(s, reversed(holds), surplus, "released", line.id):
        stock.release(s, r.part_id, r.warehouse_id, cut)
        holding -= cut
    set_state(s, line, holding)


def live_lines(s, order_id: int, part_id: int | None = None, exclude: int | None = None):
    read = order_rows(s, order_id, if_read=True)
    if read is not None:  # the transaction has the order's lines already
        found = [x for x in read[1] if x.approval != "declined" and x.state not in CLOSED
                 and (part_id is None or x.part_id == part_id)]
    else:
        query = select(PartLine).where(PartLine.work_order_id == order_id,
                                       PartLine.approval != "declined",
                                       PartLine.state.not_in(CLOSED))
        if part_id is not None:
            query = query.where(PartLine.part_id == part_id)
        found = s.scalars(query.order_by(PartLine.id))
    return [x for x in found if x.id != exclude]


def _sync_needs(s, order, part_id: int, exclude: int | None = None,
                known: dict[int, Decimal] | None = None) -> None:
    """The order's purchase needs for the part follow what its lines still lack: raised for a
    new shortfall, open ones cancelled (newest first) once nothing lacks them. `known`: what a
    line holds ({line id: qty}), when the caller has just worked it out."""
    known = known or {}
    short = sum((max(ZERO, x.qty - x.qty_issued - (known[x.id] if x.id in known else held(s, x)))
                 for x in live_lines(s, order.id, part_id, exclude)), ZERO)
    needs = list(s.scalars(select(PurchaseNeed).where(
        PurchaseNeed.work_order_id == order.id, PurchaseNeed.part_id == part_id,
        PurchaseNeed.status.in_(NEED_LIVE)).order_by(PurchaseNeed.id.desc())))
    covered = sum((n.qty for n in needs), ZERO)
    if short > covered:
        s.add(PurchaseNeed(store_id=order.store_id, part_id=part_id, qty=short - covered,
                           work_order_id=order.id))
    for need in needs:
        if need.status == "open" and covered - need.qty >= short:
            need.status, covered = "cancelled", covered - need.qty
    s.flush()


def _take_over(s, order, line, want: Decimal) -> Decimal:
    """Hand what the order's appointment reserved for this part over to the line."""
    taken = ZERO
    for r in active(s, appointment_id=order.appointment_id, part_id=line.part_id,
                     part_line_id=None):
        take = min(r.qty, want - taken)
        if take <= 0:
            break
        if take < r.qty:  # split: the rest stays with the appointment
            r.qty -= take
            s.add(Reservation(part_id=r.part_id, warehouse_id=r.warehouse_id, qty=take,
                              appointment_id=r.appointment_id, part_line_id=line.id))
        else:
            r.part_line_id = line.id
        taken += take
    return taken


def reserve_line(s, actor, line: PartLine, written: bool = True, free=None) -> Decimal:
    """Hold stock for what the line still lacks; returns the shortfall (a purchase need).
    `written=False`: a new line held in full may be left to the caller's next flush to write
    (with its reservation); otherwise the line is written and has its id on return. `free`:
    (the part's stock row with the most free stock in the order's store, or None), as read
    locked and afresh in this transaction, if it was (`stock.most_free`)."""
    if line.approval == "declined" or line.state in CLOSED:
        return ZERO
    order = s.get(WorkOrder, line.work_order_id)
    # A line being added holds nothing yet: it is written once, with its state, after the stock
    # is reserved (unless an appointment's holds pass to it, which needs its id first).
    fresh = line.id is None and not order.appointment_id
    if fresh and line.qty_issued is None:
        line.qty_issued = ZERO  # the column's default, wanted before the line is written
    if not fresh:
        s.flush()  # the line needs its id
    holds = [] if fresh else active(s, part_line_id=line.id)
    holding = sum((r.qty for r in holds), ZERO)
    want = line.qty - line.qty_issued - holding
    if want > 0 and order.appointment_id:
        taken = _take_over(s, order, line, want)
        want, holding = want - taken, holding + taken
        holds = active(s, part_line_id=line.id) if taken else holds
    granted, warehouse = ZERO, None
    if want > 0:  # one warehouse per line, so the clerk picks it from one place
        with s.no_autoflush:  # a fresh line is written below, with its state
            if holds:
                warehouse = holds[0].warehouse_id
                granted = stock.reserve(s, line.part_id, warehouse, want)
            else:
                row = free[0] if free is not None else stock.most_free(
                    s, order.store_id, line.part_id)
                warehouse = row.warehouse_id if row else default_warehouse(s, order.store_id,
                                                                            line.part_id)
                granted = stock.reserve(s, line.part_id, warehouse, want, row=row)
        want, holding = want - granted, holding + granted
    set_state(s, line, holding)
    if granted:  # the flush that writes a new line gives the reservation its id
        s.add(Reservation(part_id=line.part_id, warehouse_id=warehouse, qty=granted,
                          part_line=line))
    moves_needs = not (fresh and want <= 0)  # a new line held in full changes no shortfall
    if written or moves_needs:
        s.flush()  # the line (with its state) has its id now
    if moves_needs:
        _sync_needs(s, order, line.part_id, known={line.id: holding})
    return max(want, ZERO)


def refit_line(s, actor, line: PartLine) -> Decimal:
    """The line's quantity was changed: what it holds beyond it goes back to stock, what it now
    lacks is held (or a purchase need raised). Returns the shortfall."""
    fit(s, line)
    return reserve_line(s, actor, line)


def release_all(s, reservations) -> Decimal:
    for r in reservations:
        stock.release(s, r.part_id, r.warehouse_id, r.qty)
        r.status = "released"
    return sum((r.qty for r in reservations), ZERO)


def release_line(s, actor, line: PartLine, removing: bool = False) -> Decimal:
    """Give back what is held for a declined or removed line (`removing`: the line is about to
    be deleted, so its reservation rows go with it). Returns the quantity released."""
    released = release_all(s, active(s, part_line_id=line.id))
    if removing:
        for r in s.scalars(select(Reservation).where(Reservation.part_line_id == line.id)):
            s.delete(r)
    s.flush()
    set_state(s, line)
    _sync_needs(s, s.get(WorkOrder, line.work_order_id), line.part_id,
                exclude=line.id if removing else None)
    return released


def reserve_appointment(s, actor, appointment) -> Decimal:
    """At booking: reserve the expected parts; a shortage becomes the appointment's purchase
    need. Returns the total shortfall."""
    short = ZERO
    for ap in s.scalars(select(AppointmentPart).where(
            AppointmentPart.appointment_id == appointment.id).order_by(AppointmentPart.id)):
        warehouse = default_warehouse(s, appointment.store_id, ap.part_id)
        granted = stock.reserve(s, ap.part_id, warehouse, ap.qty)
        if granted:
            s.add(Reservation(part_id=ap.part_id, warehouse_id=warehouse, qty=granted,
                              appointment_id=appointment.id))
        if ap.qty > granted:
            s.add(PurchaseNeed(store_id=appointment.store_id, part_id=ap.part_id,
                               qty=ap.qty - granted, appointment_id=appointment.id))
            short += ap.qty - granted
    s.flush()
    return short


def release_appointment(s, actor, appointment) -> Decimal:
    """Cancel or no-show: what the appointment still holds goes back, its open needs lapse."""
    released = release_all(s, active(s, appointment_id=appointment.id, part_line_id=None))
    for need in s.scalars(select(PurchaseNeed).where(
            PurchaseNeed.appointment_id == appointment.id, PurchaseNeed.work_order_id.is_(None),
            PurchaseNeed.status == "open")):
        need.status = "cancelled"
    s.flush()
    return released


def hand_over_appointment(s, actor, appointment, order) -> None:
    """On arrival the appointment's purchase needs become the order's; its reservations pass
    to the order's part lines as the advisor adds them (see `reserve_line`)."""
    for need in s.scalars(select(PurchaseNeed).where(
            PurchaseNeed.appointment_id == appointment.id, PurchaseNeed.status.in_(NEED_LIVE))):
        need.work_order_id = order.id
    s.flush()


def reserve_order(s, actor, order) -> None:
    """At the customer's approval: every live line reserved as far as stock allows, and what
    the appointment held that no line took over released."""
    live = live_lines(s, order.id)
    for line in live:
        if line.state != "reserved":  # held in full since it was added: nothing to do
            reserve_line(s, actor, line)
    if order.appointment_id:
        release_all(s, active(s, appointment_id=order.appointment_id, part_line_id=None))
    parts = {line.part_id for line in live}
    for part_id in s.scalars(_OPEN_NEED_PARTS, {"order": order.id}).all():
        if part_id not in parts:
            _sync_needs(s, order, part_id)


def release_held(s, actor, order, known=None) -> None:
    """At delivery: whatever the order (and its appointment) still holds goes back, and its
    open purchase needs lapse: nothing stays reserved for a car that has left. `known`:
    (whether its lines hold stock, whether it has open needs) as read with the order under
    its lock (`HELD_OR_NEEDED`); what is known to be absent is not looked for again."""
    held, needed = (bool(x) for x in known) if known is not None else (True, True)
    holding = set(s.scalars(_HOLDING_LINES, {"order": order.id})) if held else ()
    for line in live_lines(s, order.id) if holding else ():
        if line.id in holding:
            release_line(s, actor, line)
    _release_rest(s, order, needed)


def _release_rest(s, order, needed: bool = True) -> None:
    if order.appointment_id:
        release_all(s, active(s, appointment_id=order.appointment_id, part_line_id=None))
    for need in s.scalars(_OPEN_NEEDS, {"order": order.id}) if needed else ():
        need.status = "cancelled"
    s.flush()


def _held(order):
    """The lines of order `order` (bound, or a column of the statement it goes into) that hold
    stock, a row per active reservation."""
    return select(Reservation.part_line_id) \
        .join(PartLine, PartLine.id == Reservation.part_line_id) \
        .where(PartLine.work_order_id == order, Reservation.status == "active")


def _needs(order, *columns):
    """`columns` of the open purchase needs of order `order` (as in `_held`)."""
    return select(*columns).where(PurchaseNeed.work_order_id == order,
                                  PurchaseNeed.status == "open")


# What approval, delivery and cancellation read of an order "order", built once.
_OPEN_NEEDS = _needs(bindparam("order"), PurchaseNeed)
_OPEN_NEED_PARTS = _needs(bindparam("order"), PurchaseNeed.part_id)
_HOLDING_LINES = _held(bindparam("order"))
# For `load_order(guarded=...)`: whether the order's lines hold stock, and whether it has open
# purchase needs (`release_held(known=...)`).
HELD_OR_NEEDED = {"held_or_needed": (_held(WorkOrder.id).exists(),
                                     _needs(WorkOrder.id, PurchaseNeed.id).exists())}


def release_order(s, actor, order) -> None:
    """For a cancelled order: refused while parts are out; otherwise all holds are released and
    its open purchase needs cancelled."""
    if any(x.qty_issued > 0 for x in live_lines(s, order.id)):
        raise ValidationError("picking.parts_issued",
                              "Parts are issued to this order; return them first.")
    for line in live_lines(s, order.id):
        release_all(s, active(s, part_line_id=line.id))
    _release_rest(s, order)
