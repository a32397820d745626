"""Old parts (旧件, DESIGN §2, §3): the part taken off the car, with its chain of custody. No Qt.

An issued part line that replaced something on the car gets an old-part record: shown to the
customer and handed over, kept for a warranty claim and returned to the maker, or scrapped.
A warranty claim is only paid against its old parts, so an order whose warranty-paid parts
(or any part marked "warranty_return") are not in the old-part store, or already returned to
the maker, cannot be pre-settled or settled (`check_settlement`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import exists, func, select

from dms import audit, clock, validators
from dms.errors import NotFound, ValidationError
from dms.models import OldPart, OldPartEvent, Part, PartLine, User, Vehicle, WorkOrder
from dms.parts.catalogue import normalise_scan, page
from dms.permissions import require
from dms.workshop.common import load_order, order_rows, read_along

DISPOSITIONS = ("show_customer", "warranty_return", "scrap")
WARRANTY = "warranty_return"
KEPT = ("in_store", "returned")  # where a warranty claim's old part may be at settlement
STATUSES = ("pending", "in_store", "returned", "handed_over", "scrapped")
CUSTODY = ("pending", "in_store")  # still with the store
GONE = ("return_to_maker", "hand_over", "scrap")  # the events that end the store's custody


@dataclass(frozen=True)
class Move:  # who may make it: the action "oldpart.<move>" of dms.permissions
    sources: tuple[str, ...]
    target: str


MOVES = {
    "intake": Move(("pending",), "in_store"),
    "hand_over": Move(("pending", "in_store"), "handed_over"),
    "return_to_maker": Move(("in_store",), "returned"),
    "scrap": Move(("pending", "in_store"), "scrapped"),
}


@dataclass(frozen=True)
class OldPartChanged:
    old_part_id: int
    work_order_id: int
    status: str
    location: str | None


@dataclass(frozen=True)
class OldPartsMoved:
    moved: tuple[OldPartChanged, ...]


@dataclass(frozen=True)
class OldPartRow:
    """One old part in the store-wide list."""
    id: int
    work_order_id: int
    order_number: str
    plate: str | None
    part_code: str
    part_name: str
    qty: Decimal
    disposition: str
    status: str
    location: str | None
    claim: str | None  # the claim number it went back to the maker under
    recorded_at: datetime
    age_days: int  # days held: from its recording until it left the store, or until now


@dataclass(frozen=True)
class CustodyEvent:
    at: datetime
    user: str | None
    action: str
    location: str | None
    note: str | None


@dataclass(frozen=True)
class OldPartView:
    id: int
    part_line_id: int | None
    part_code: str
    part_name: str
    qty: Decimal
    disposition: str
    status: str
    location: str | None
    events: tuple[CustodyEvent, ...]


def _event(s, actor, old: OldPart, action: str, note: str | None = None) -> OldPartChanged:
    s.add(OldPartEvent(old_part_id=old.id, at=clock.now(), user_id=actor.id, action=action,
                       location=old.location, note=note))
    audit.record(s, actor, "old_part", old.id, action, to_state=old.status, reason=note,
                 work_order_id=old.work_order_id, location=old.location)
    s.flush()
    return OldPartChanged(old.id, old.work_order_id, old.status, old.location)


def record_old_part(db, actor, part_line_id: int, disposition: str,
                    location: str) -> OldPartChanged:
    """The part an issued line replaced, taken off the car; one record per line. A warranty-paid
    line's old part goes back to the maker."""
    if disposition not in DISPOSITIONS:
        raise ValidationError("old_part.disposition", "Unknown disposition {value}.",
                              value=disposition)
    location = validators.limited_text(location, "old_part.location", 40)
    with db.transaction() as s:
        require(s, actor, "oldpart.record")
        line = s.get(PartLine, part_line_id)
        if line is None:
            raise NotFound(what="Part line", key=part_line_id)
        order = load_order(s, actor, line.work_order_id)
        s.refresh(line)
        if line.qty_issued <= 0:
            raise ValidationError("old_part.not_issued", "No part was issued on this line.")
        if line.payer == "warranty" and disposition != WARRANTY:
            raise ValidationError("old_part.warranty_line",
                                  "A warranty claim's old part must go back to the maker.")
        if s.scalar(select(OldPart.id).where(OldPart.work_order_id == order.id,  # indexed
                                             OldPart.part_line_id == line.id)) is not None:
            raise ValidationError("old_part.exists", "This line's old part is already recorded.")
        old = OldPart(store_id=order.store_id, work_order_id=order.id, part_line_id=line.id,
                      part_id=line.part_id, qty=line.qty_issued,
                      disposition=disposition,
                      status="pending", location=location)
        s.add(old)
        s.flush()
        return _event(s, actor, old, "record", disposition)


def _move(s, actor, old_part_id: int, action: str, move: Move, location: str | None,
          note: str | None) -> OldPartChanged:
    old = s.scalars(select(OldPart).where(OldPart.id == old_part_id)
                    .with_for_update()).one_or_none()
    if old is None or old.store_id != actor.store_id:
        raise NotFound(what="Old part", key=old_part_id)
    if old.status not in move.sources:
        raise ValidationError("old_part.invalid_action",
                              "Cannot {action} an old part that is {status}.",
                              action=action, status=old.status)
    if old.disposition == WARRANTY and action in ("hand_over", "scrap"):
        raise ValidationError("old_part.warranty_kept",
                              "A warranty claim's old part goes back to the maker.")
    if old.disposition != WARRANTY and action == "return_to_maker":
        raise ValidationError("old_part.not_warranty",
                              "Only a warranty claim's old part goes back to the maker.")
    if action == "return_to_maker" and not note:
        raise ValidationError("old_part.claim_required",
                              "Enter the claim number the old part goes back under.")
    old.status, old.location = move.target, location or old.location
    return _event(s, actor, old, action, note)


def _checked(action: str, location: str | None, note: str | None):
    move = MOVES.get(action)
    if move is None:
        raise ValidationError("old_part.action", "Unknown action {action}.", action=action)
    return (move, validators.limited_text(location, "old_part.location", 40, required=False),
            validators.limited_text(note, "old_part.note", 200, required=False))


def move_old_part(db, actor, old_part_id: int, action: str, location: str | None = None,
                  note: str | None = None) -> OldPartChanged:
    """Intake into the old-part store, hand over to the customer, return to the maker (the
    note: the claim number it goes back under) or scrap (the note: why).
    A warranty part can be neither handed over nor scrapped: the claim needs it."""
    move, location, note = _checked(action, location, note)
    with db.transaction() as s:
        require(s, actor, f"oldpart.{action}")
        return _move(s, actor, old_part_id, action, move, location, note)


def move_old_parts(db, actor, old_part_ids: list[int], action: str,
                   location: str | None = None, note: str | None = None) -> OldPartsMoved:
    """`move_old_part` for several old parts of any orders at once (a claim's parts back to the
    maker together): all of them or, if one cannot go, none."""
    move, location, note = _checked(action, location, note)
    ids = list(dict.fromkeys(old_part_ids))
    if not ids:
        raise ValidationError("old_part.none_chosen", "Choose at least one old part.")
    with db.transaction() as s:
        require(s, actor, f"oldpart.{action}")
        return OldPartsMoved(tuple(_move(s, actor, i, action, move, location, note)
                                   for i in ids))


def old_parts_of(db, actor, work_order_id: int) -> tuple[OldPartView, ...]:
    """The order's old parts with their chain of custody, oldest first."""
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        views = []
        for old, code, name in s.execute(
                select(OldPart, Part.code, Part.name).join(Part, Part.id == OldPart.part_id)
                .where(OldPart.work_order_id == order.id).order_by(OldPart.id)):
            events = tuple(CustodyEvent(e.at, who, e.action, e.location, e.note)
                           for e, who in s.execute(
                               select(OldPartEvent, User.display_name)
                               .outerjoin(User, User.id == OldPartEvent.user_id)
                               .where(OldPartEvent.old_part_id == old.id)
                               .order_by(OldPartEvent.id)))
            views.append(OldPartView(old.id, old.part_line_id, code, name, old.qty,
                                     old.disposition, old.status,
                                     old.location, events))
        return tuple(views)


def old_part_list(db, actor, statuses: tuple[str, ...] = CUSTODY, claim: str | None = None,
                  order_number: str | None = None, offset: int = 0,
                  limit: int = 50) -> list[OldPartRow]:
    """The store's old parts of every order, the longest held first: in `statuses` (none: all),
    their claim number containing `claim`, of the work order `order_number` (as scanned)."""
    offset, limit = page(offset, limit)
    unknown = set(statuses) - set(STATUSES)
    if unknown:
        raise ValidationError("old_part.status", "Unknown old-part status {value}.",
                              value=", ".join(sorted(unknown)))
    claim_no = (select(OldPartEvent.note).where(OldPartEvent.old_part_id == OldPart.id,
                                                OldPartEvent.action == "return_to_maker")
                .order_by(OldPartEvent.id.desc()).limit(1).scalar_subquery())
    left_at = (select(func.max(OldPartEvent.at)).where(OldPartEvent.old_part_id == OldPart.id,
                                                      OldPartEvent.action.in_(GONE))
               .scalar_subquery())
    query = (select(OldPart, WorkOrder.number, Vehicle.plate, Part.code, Part.name, claim_no,
                    left_at)
             .join(WorkOrder, WorkOrder.id == OldPart.work_order_id)
             .outerjoin(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
             .join(Part, Part.id == OldPart.part_id)
             .where(OldPart.store_id == actor.store_id))
    if statuses:
        query = query.where(OldPart.status.in_(statuses))
    wanted = normalise_scan(claim)
    if wanted:
        query = query.where(func.upper(claim_no).contains(wanted, autoescape=True))
    if order_number and order_number.strip():
        query = query.where(WorkOrder.number == normalise_scan(order_number))
    now = clock.now()
    with db.reading() as s:
        require(s, actor, "oldpart.list")
        rows = s.execute(query.order_by(OldPart.created_at, OldPart.id)
                         .offset(offset).limit(limit)).all()
    return [OldPartRow(old.id, old.work_order_id, number, plate, code, name, old.qty,
                       old.disposition, old.status, old.location, claimed, old.created_at,
                       max(0, ((left if old.status not in CUSTODY and left else now)
                               - old.created_at).days))
            for old, number, plate, code, name, claimed, left in rows]


# For `load_order(guarded=...)`: whether the order has old parts or issued warranty-paid parts,
# without which `check_settlement` has nothing to check.
TO_CHECK = {"old_parts": (
    exists().where(OldPart.work_order_id == WorkOrder.id).label("old_parts"),
    exists().where(PartLine.work_order_id == WorkOrder.id, PartLine.approval == "approved",
                   PartLine.payer == "warranty", PartLine.qty_issued > 0)
    .label("warranty_parts"))}


def check_settlement(s, order) -> None:
    """In the settlement's transaction: every issued warranty-paid part and every part marked
    for a warranty return must be in the old-part store or back with the maker."""
    if read_along(s, "old_parts", order.id) == (False, False):
        return  # read with the order: neither kind of part is on it
    olds = s.scalars(select(OldPart).where(OldPart.work_order_id == order.id)).all()
    kept = {o.part_line_id for o in olds if o.disposition == WARRANTY and o.status in KEPT}
    missing = [o.part_id for o in olds if o.disposition == WARRANTY and o.status not in KEPT]
    read = order_rows(s, order.id, if_read=True)  # the order's lines, if at hand
    parts = [x for x in read[1] if x.approval == "approved" and x.payer == "warranty"
             and x.qty_issued > 0] if read is not None else s.scalars(select(PartLine).where(
        PartLine.work_order_id == order.id, PartLine.approval == "approved",
        PartLine.payer == "warranty", PartLine.qty_issued > 0))
    missing += [line.part_id for line in parts if line.id not in kept]
    if missing:
        codes = sorted(set(s.scalars(select(Part.code).where(Part.id.in_(missing)))))
        raise ValidationError("settlement.old_parts_missing",
                              "The warranty claim's old parts {parts} are not in the old-part "
                              "store.", parts=", ".join(codes))
