"""Step 6, parts pre-picking (DESIGN §1, §2, §3): the picking list, issue by scan, returns
and exchanges. No Qt.

A part line moves requested → reserved → issued → (returned | exchanged); the reservations
behind the first two live in `dms.parts.reservations` (re-exported here). Issue, return and
exchange are the warehouse clerk's, each one transaction through the ledger
(`dms.parts.stock`); the stock movement carries the order, the line, who took the part at the
counter, the batch and the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from dms import audit, validators
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.models import (Bin, Part, PartBarcode, PartLine, Reservation, Stock, StockMovement,
                        Warehouse, WorkOrder)
from dms.parts import stock
from dms.parts.catalogue import normalise_scan, part_for_scan, scanned_part_id
from dms.parts.reservations import (CLOSED, ZERO, active, close_holds, default_warehouse, fit,
                                    hand_over_appointment, held, lines_holding,
                                    release_appointment, release_held, release_line,
                                    release_order, reserve_appointment, reserve_line,
                                    reserve_order)
from dms.workshop import states as st
from dms.workshop.common import (Changed, Joined, changed, load_order, load_order_of, read_along,
                                 touch)
from dms.workshop.lines import kept_pct, line_payer, member_discounts, price

ISSUE_STATES = st.WORKSHOP_STATES
RETURN_STATES = st.WORKSHOP_STATES + (st.READY,)
PENDING = ("proposed", "priced")
__all__ = ["PickLine", "PickingList", "Issued", "IssueResult", "ReturnResult", "picking_list",
           "issue_scan", "return_part", "exchange_part", "release_part", "reserve_line",
           "release_line", "release_held",
           "reserve_order", "release_order", "reserve_appointment", "release_appointment",
           "hand_over_appointment", "default_warehouse"]


@dataclass(frozen=True)
class PickLine:
    part_line_id: int
    part_id: int
    code: str
    name: str
    barcodes: tuple[str, ...]
    warehouse: str | None
    bin: str | None
    unit: str
    approval: str
    state: str
    requested: Decimal
    reserved: Decimal
    issued: Decimal
    to_pick: Decimal


@dataclass(frozen=True)
class PickingList:
    work_order_id: int
    number: str
    state: str
    lines: tuple[PickLine, ...]


@dataclass(frozen=True)
class Issued:
    part_line_id: int
    qty: Decimal
    movement_id: int
    state: str


@dataclass(frozen=True)
class IssueResult:
    changed: Changed
    part_id: int
    code: str
    issued: tuple[Issued, ...] = ()
    added_line_id: int | None = None  # a part not on the order, proposed as added work


@dataclass(frozen=True)
class ReturnResult:
    changed: Changed
    part_line_id: int
    movement_id: int | None  # None: a release moves no stock, only what was held
    state: str
    qty_issued: Decimal
    replacement: Issued | None = None  # an exchange's new line


# --- input ---------------------------------------------------------------

def _qty(value, code: str = "picking.qty") -> Decimal:
    return stock.quantity(value, code)


# --- the picking list ---------------------------------------------------------------

def _to_pick(line) -> Decimal:
    done = line.approval != "approved" or line.state in CLOSED
    return ZERO if done else max(ZERO, line.qty - line.qty_issued)


def _source(s, order, line, holds=None) -> int:
    """Where the line's part comes from: its reservation, else where it was issued from, else
    the part's default warehouse. `holds`: the line's active reservations, if at hand."""
    holds = active(s, part_line_id=line.id) if holds is None else holds
    return (holds[0].warehouse_id if holds else None) or s.scalar(
        select(StockMovement.warehouse_id)  # found by the order's movements (indexed), a few
        .where(StockMovement.work_order_id == order.id, StockMovement.part_line_id == line.id)
        .order_by(StockMovement.id.desc()).limit(1)) or default_warehouse(
        s, order.store_id, line.part_id)


def picking_list(db, actor, work_order_id: int) -> PickingList:
    """The order's parts (declined ones left out) with where to find them and what is left.

    Read again on the counter at every change to the order: the lines with their parts, their
    holds and the parts' barcodes are a read each for all lines, not each line's own."""
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        lines = s.execute(select(PartLine, Part).join(Part, Part.id == PartLine.part_id)
                          .where(PartLine.work_order_id == order.id,
                                 PartLine.approval != "declined")
                          .order_by(PartLine.id)).all()
        holds: dict[int, list] = {line.id: [] for line, _ in lines}
        barcodes: dict[int, list[str]] = {part.id: [] for _, part in lines}
        if lines:
            for hold in s.scalars(select(Reservation).where(
                    Reservation.status == "active", Reservation.part_line_id.in_(holds))
                    .order_by(Reservation.id)):
                holds[hold.part_line_id].append(hold)
            for part_id, barcode in s.execute(
                    select(PartBarcode.part_id, PartBarcode.barcode)
                    .where(PartBarcode.part_id.in_(barcodes)).order_by(PartBarcode.id)):
                barcodes[part_id].append(barcode)
        rows = []
        for line, part in lines:
            warehouse = _source(s, order, line, holds[line.id])
            place = s.execute(select(Warehouse.code, Bin.code).select_from(Warehouse)
                              .outerjoin(Stock, (Stock.warehouse_id == Warehouse.id)
                                         & (Stock.part_id == line.part_id))
                              .outerjoin(Bin, Bin.id == Stock.bin_id)
                              .where(Warehouse.id == warehouse)).first()
            rows.append(PickLine(line.id, part.id, part.code, part.name, tuple(barcodes[part.id]),
                                 place[0], place[1], line.unit, line.approval, line.state,
                                 line.qty, held(s, line, holds[line.id]),
                                 line.qty_issued, _to_pick(line)))
        return PickingList(order.id, order.number, order.state, tuple(rows))


# --- issue, return, exchange ---------------------------------------------------------------

def _open_order(s, actor, work_order_id: int, action: str, allowed,
                permission: str, also=None, params=None) -> WorkOrder:
    order = load_order(s, actor, work_order_id, permission=permission, also=also,
                       params=params)
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return order


def _issue(s, actor, order, line, qty: Decimal, holds=None, rows=None, **refs):
    """Out of stock to the line, using up what is reserved for it first. `holds`: the line's
    active reservations, if at hand; `rows`: the stock rows they are held in, read with them
    (`lines_holding`). The movement is written by the caller's flush (`_done`), with the rest
    of the command."""
    holds = active(s, part_line_id=line.id) if holds is None else holds
    warehouse = _source(s, order, line, holds)
    here = [r for r in holds if r.warehouse_id == warehouse]
    use = min(qty, sum((r.qty for r in here), ZERO))
    movement = stock.post_out(s, actor, line.part_id, warehouse, qty, "issue", from_reserved=use,
                              written=False, found=(rows or {}).pop(warehouse, None),
                              work_order_id=order.id, part_line_id=line.id, **refs)
    close_holds(s, here, use, "consumed", line.id)  # post_out already took them from stock
    line.qty_issued += qty
    fit(s, line, [r for r in holds if r.status == "active"])
    return _Issuing(line.id, qty, movement, line.state)


@dataclass(frozen=True)
class _Issuing:
    """An issue whose movement the next flush writes; `issued()` once it has."""

    part_line_id: int
    qty: Decimal
    movement: StockMovement
    state: str

    def issued(self) -> Issued:
        return Issued(self.part_line_id, self.qty, self.movement.id, self.state)


def _propose(s, actor, order, part, qty: Decimal) -> PartLine:
    """A part the order lacks, added at the counter as added work for the advisor to price and
    the customer to approve (as `dms.workshop.added_work` does); held, not issued, meanwhile."""
    if not part.active:
        raise ValidationError("estimate.part_inactive", "Part {part} is no longer sold.",
                              part=part.code)
    line = PartLine(work_order_id=order.id, part_id=part.id, qty=qty, unit=part.unit,
                    unit_price=part.sale_price, amount=ZERO, net=ZERO,
                    payer=line_payer(order, None), approval="proposed", added_work=True)
    s.add(line)
    reserve_line(s, actor, line)
    return line


def _done(s, actor, order, action: str, **data) -> Changed:
    touch(order, actor)
    audit.record(s, actor, "work_order", order.id, action, **data)
    return changed(s, order)


# For `load_order(also=...)`: the part the scan "dms_scan" stands for, read with the order.
_SCANNED = {"scan": Joined(Part, Part.id == scanned_part_id(WorkOrder.store_id))}


def issue_scan(db, actor, work_order_id: int, scanned: str, qty=1,
               received_by: str | None = None, batch: str | None = None,
               add_reason: str | None = None) -> IssueResult:
    """The clerk scans a part for the order: issued against its approved line(s), never more
    than approved; a part the order lacks is refused, or with `add_reason` proposed as added
    work (issued once the customer approved it)."""
    qty = _qty(qty)
    taker = validators.limited_text(received_by, "picking.received_by", 60)
    batch = validators.limited_text(batch, "picking.batch", 40, required=False)
    reason = validators.limited_text(add_reason, "picking.add_reason", 200, required=False)
    with db.transaction() as s:
        order = _open_order(s, actor, work_order_id, "issue_part", ISSUE_STATES, "picking.issue",
                            _SCANNED, {"dms_scan": normalise_scan(scanned)})
        part = part_for_scan(s, actor.store_id, scanned, read_along(s, "scan", order.id))
        holding, rows = lines_holding(s, order.id, part.id)
        lines = [x for x, _ in holding]
        approved = [x for x in lines if x.approval == "approved"]
        left = sum((x.qty - x.qty_issued for x in approved), ZERO)
        if approved and qty > left:
            raise ValidationError("picking.over_issue", "Only {left} of {part} is still to "
                                  "issue to this order.", left=left, part=part.code)
        if not approved and any(x.approval in PENDING for x in lines):
            raise ValidationError("picking.awaiting_approval", "{part} waits for the customer's "
                                  "approval as added work.", part=part.code)
        if not approved:
            if reason is None:
                raise ValidationError("picking.not_on_order", "{part} is not on this order.",
                                      part=part.code)
            line = _propose(s, actor, order, part, qty)
            return IssueResult(_done(s, actor, order, "propose_part", part_line_id=line.id,
                                     code=part.code, qty=qty, reason=reason),
                               part.id, part.code, added_line_id=line.id)
        issued = []
        for line, holds in holding:
            take = min(qty - sum((i.qty for i in issued), ZERO), line.qty - line.qty_issued)
            if line.approval == "approved" and take > 0:
                issued.append(_issue(s, actor, order, line, take, holds, rows,
                                     received_by=taker, batch=batch))
        done = _done(s, actor, order, "issue_part", code=part.code, qty=qty, received_by=taker,
                     lines=[i.part_line_id for i in issued])
        return IssueResult(done, part.id, part.code, tuple(i.issued() for i in issued))


def _issued_line(s, actor, part_line_id: int, action: str, allowed,
                 permission: str) -> tuple[PartLine, WorkOrder]:
    line, order = load_order_of(s, actor, PartLine, part_line_id, permission=permission)
    if order is None:
        raise NotFound(what="Part line", key=part_line_id)
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return line, order


def _take_back(s, actor, order, line, qty: Decimal, reason: str, final: str) -> int:
    """Into stock where it was issued from. A line returned whole ends `final` and lets go of
    what it still held; a partial return means the order needed that much less."""
    if line.state in CLOSED or qty > line.qty_issued:
        raise ValidationError("picking.over_return", "Only {issued} of this line is issued.",
                              issued=line.qty_issued)
    movement = stock.post_in(s, actor, line.part_id, _source(s, order, line), qty, "return",
                             work_order_id=order.id, part_line_id=line.id, reason=reason)
    line.qty_issued -= qty
    if line.qty_issued == 0:
        release_line(s, actor, line)
        line.state = final
    else:
        line.qty -= qty
        price(line, member_discounts(s, order), kept_pct(line))
        fit(s, line)
    return movement.id


def return_part(db, actor, part_line_id: int, qty, reason: str) -> ReturnResult:
    """Unused parts back to the counter (退料)."""
    qty, reason = _qty(qty), validators.limited_text(reason, "picking.reason", 200)
    with db.transaction() as s:
        line, order = _issued_line(s, actor, part_line_id, "return_part", RETURN_STATES,
                                   "picking.return")
        moved = _take_back(s, actor, order, line, qty, reason, "returned")
        return ReturnResult(_done(s, actor, order, "return_part", part_line_id=line.id, qty=qty,
                                  reason=reason), line.id, moved, line.state, line.qty_issued)


def release_part(db, actor, part_line_id: int, reason: str) -> ReturnResult:
    """The car did not need (the rest of) a part line: what it holds goes back to free stock and
    the line ends at what was issued, priced again; "released" if nothing was. So no line reaches
    READY still holding stock, and nothing never issued is billed (DESIGN §2)."""
    reason = validators.limited_text(reason, "picking.reason", 200)
    with db.transaction() as s:
        line, order = _issued_line(s, actor, part_line_id, "release_part", RETURN_STATES,
                                   "picking.release_part")
        if line.state in CLOSED or line.qty_issued >= line.qty:
            raise ValidationError("picking.nothing_to_release",
                                  "Nothing of this line waits to be issued.")
        before = line.qty
        if line.qty_issued == 0:
            line.state = "released"  # first, so its purchase need lapses with the hold
            release_line(s, actor, line)
        else:
            line.qty = line.qty_issued
            price(line, member_discounts(s, order), kept_pct(line))
            fit(s, line)
        return ReturnResult(_done(s, actor, order, "release_part", part_line_id=line.id,
                                  qty=before - line.qty_issued, reason=reason),
                            line.id, None, line.state, line.qty_issued)


def exchange_part(db, actor, part_line_id: int, new_scan: str, qty, reason: str,
                  received_by: str | None = None, batch: str | None = None) -> ReturnResult:
    """A wrong or faulty issued part back, the scanned replacement out on a new approved line
    that takes over the old line's job, payer and discount: one transaction."""
    qty, reason = _qty(qty), validators.limited_text(reason, "picking.reason", 200)
    taker = validators.limited_text(received_by, "picking.received_by", 60, required=False)
    batch = validators.limited_text(batch, "picking.batch", 40, required=False)
    with db.transaction() as s:
        line, order = _issued_line(s, actor, part_line_id, "exchange_part", ISSUE_STATES,
                                   "picking.exchange")
        part = part_for_scan(s, actor.store_id, new_scan)
        if not part.active:
            raise ValidationError("estimate.part_inactive", "Part {part} is no longer sold.",
                                  part=part.code)
        pct = kept_pct(line)
        moved = _take_back(s, actor, order, line, qty, reason, "exchanged")
        new = PartLine(work_order_id=order.id, labour_line_id=line.labour_line_id,
                       part_id=part.id, qty=qty, unit=part.unit, unit_price=part.sale_price,
                       payer=line.payer, approval="approved", added_work=line.added_work)
        price(new, member_discounts(s, order), pct, line.discount_approved_by_id)
        s.add(new)
        s.flush()
        issuing = _issue(s, actor, order, new, qty, received_by=taker, batch=batch,
                         reason=reason)
        return ReturnResult(_done(s, actor, order, "exchange_part", part_line_id=line.id,
                                  new_line_id=new.id, code=part.code, qty=qty, reason=reason),
                            line.id, moved, line.state, line.qty_issued, issuing.issued())
