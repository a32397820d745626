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

from sqlalchemy import exists, select

from dms import audit, clock, validators
from dms.errors import NotFound, ValidationError
from dms.models import OldPart, OldPartEvent, Part, PartLine, User, WorkOrder
from dms.permissions import require
from dms.workshop.common import load_order, order_rows, read_along

DISPOSITIONS = ("show_customer", "warranty_return", "scrap")
WARRANTY = "warranty_return"
KEPT = ("in_store", "returned")  # where a warranty claim's old part may be at settlement


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
        if s.scalar(select(OldPart.id).where(OldPart.part_line_id == line.id)) is not None:
            raise ValidationError("old_part.exists", "This line's old part is already recorded.")
        old = OldPart(store_id=order.store_id, work_order_id=order.id, part_line_id=line.id,
                      part_id=line.part_id, qty=line.qty_issued,
                      disposition=disposition,
                      status="pending", location=location)
        s.add(old)
        s.flush()
        return _event(s, actor, old, "record", disposition)


def move_old_part(db, actor, old_part_id: int, action: str, location: str | None = None,
                  note: str | None = None) -> OldPartChanged:
    """Intake into the old-part store, hand over to the customer, return to the maker or scrap.
    A warranty part can be neither handed over nor scrapped: the claim needs it."""
    move = MOVES.get(action)
    if move is None:
        raise ValidationError("old_part.action", "Unknown action {action}.", action=action)
    location = validators.limited_text(location, "old_part.location", 40, required=False)
    note = validators.limited_text(note, "old_part.note", 200, required=False)
    with db.transaction() as s:
        require(s, actor, f"oldpart.{action}")
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
        old.status, old.location = move.target, location or old.location
        return _event(s, actor, old, action, note)


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
