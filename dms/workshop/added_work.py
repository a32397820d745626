"""Step 7's added work (DESIGN §1, §2, §4). No Qt.

Work found during repair waits, with the order paused, until the customer has agreed to its
price: a technician proposes it, the advisor prices it like any other line, and the customer's
answer either makes it billable or, declined, turns it into a Recommendation for the vehicle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from dms.errors import ValidationError
from dms.workshop import states as st
from dms.parts.reservations import reserve_line
from dms.workshop.common import Changed, changed
from dms.workshop.dispatch import pause_order, resume_order
from dms.workshop.estimates import (ApprovalResult, DeclineReason, approver_name, audit_order,
                                    decline,
                                    labour_line, manual_pct, new_part_line, number,
                                    open_order, operation, pick, price_class, text, valid_trade)
from dms.workshop.lines import line_payer, lines, member_discounts, price
from dms.workshop.terminal import attach_photos, read_photos

_REPAIRING = (st.IN_REPAIR, st.PAUSED)
_PENDING = ("proposed", "priced")
_WAITING_APPROVAL = "waiting_approval"


@dataclass(frozen=True)
class AddedWorkPrice:
    """The advisor's price for one proposed line (labour: hours and class; part: quantity)."""

    kind: str  # "labour" | "part"
    line_id: int
    billed_hours: Decimal | str | None = None  # default: the operation's standard hours
    price_class_code: str | None = None
    qty: Decimal | str | None = None
    payer: str | None = None
    discount_pct: Decimal | str | None = None


def propose_added_work(db, actor, work_order_id: int, description: str,
                       operation_code: str | None = None, part_codes: Iterable = (),
                       trade: str = "mechanical", expected_version: int | None = None,
                       photos: Iterable = (), hours=None) -> Changed:
    """A technician reports work found during repair; the order waits for the customer.

    `part_codes` holds codes (one each) or (code, qty) pairs; `photos` paths of JPEG or PNG
    files, kept with the job for the advisor to show; `hours` the technician's estimate for
    work with no labour operation (the hours the advisor prices it at). Nothing is priced
    yet."""
    photos = read_photos(photos)
    hours = None if hours is None else number(hours, "estimate.hours")
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "propose_added_work",
                           _REPAIRING, "addedwork.propose")
        description = text(description, "added_work.description", 100)
        op = operation(s, actor, operation_code)
        pending = dict(approval="proposed", added_work=True, amount=Decimal(0), net=Decimal(0))
        job = labour_line(s, order, op, billed_hours=Decimal(0), payer=line_payer(order, None),
                          proposed_by_id=actor.id, **pending,
                          **({} if op else dict(name=description, trade=valid_trade(trade),
                                                standard_hours=hours or Decimal(0))))
        s.add(job)
        s.flush()
        attach_photos(s, actor, job.id, photos)
        for entry in part_codes:
            code, qty = (entry, 1) if isinstance(entry, str) else entry
            s.add(new_part_line(s, order, code, qty, None, labour_line_id=job.id, **pending))
        if order.state == st.IN_REPAIR:
            pause_order(s, actor, order, _WAITING_APPROVAL)
        # Already paused (e.g. waiting for parts): it stays paused for that reason.
        audit_order(s, actor, order, "propose_added_work", line_id=job.id,
                    description=description, photos=len(photos) or None)
        return changed(s, order)


def price_added_work(db, actor, work_order_id: int, prices: Iterable[AddedWorkPrice] | None,
                     discount_approved_by=None, expected_version: int | None = None) -> Changed:
    """The advisor prices proposed lines like any other line, before asking the customer
    (`discount_approved_by`: the manager allowing a discount above the advisor's limit)."""
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "price_added_work",
                           _REPAIRING, "addedwork.price")
        labour, parts, _ = lines(s, order)
        pool = {("labour", x.id): x for x in labour if x.added_work and x.approval in _PENDING}
        pool |= {("part", x.id): x for x in parts if x.added_work and x.approval in _PENDING}
        # None: every proposed line as the catalogue has it (standard hours, class rate, the
        # part's price, the business type's payer), the usual case at the desk.
        prices = list(prices) if prices is not None else [
            AddedWorkPrice(kind, line.id) for (kind, _), line in pool.items()
            if line.approval == "proposed"]
        if not prices:
            raise ValidationError("added_work.nothing_to_price", "Price at least one line.")
        discounts = member_discounts(s, order)
        for p in prices:
            line = pool.get((p.kind, p.line_id))
            if line is None:
                raise ValidationError("added_work.not_pending",
                                      "Line {id} is not waiting for a price.", id=p.line_id)
            line.payer = line_payer(order, p.payer)
            if p.kind == "labour":
                pc = price_class(s, actor.store_id, p.price_class_code, line.price_class_id)
                line.price_class_id, line.rate = pc.id, pc.hourly_rate
                line.billed_hours = number(p.billed_hours if p.billed_hours is not None
                                           else line.standard_hours, "estimate.hours")
            elif p.qty is not None:
                line.qty = number(p.qty, "estimate.qty", 3)
            price(line, discounts,
                  *manual_pct(s, actor, p.discount_pct, line.payer, discount_approved_by))
            line.approval = "priced"
        audit_order(s, actor, order, "price_added_work",
                    lines=[[p.kind, p.line_id] for p in prices])
        return changed(s, order)


def approve_added_work(db, actor, work_order_id: int, approved_by_name: str, method: str,
                       approve: bool, line_ids: Mapping[str, Iterable[int]] | None = None,
                       expected_version: int | None = None,
                       why: DeclineReason | None = None) -> ApprovalResult:
    """Record the customer's answer on priced added work (all of it unless `line_ids` says;
    `why` they declined it, kept with the declined work); the order resumes once nothing
    waits for a price or an answer."""
    why = why.checked() if why is not None and not approve else None
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "approve_added_work",
                           _REPAIRING, "addedwork.approve")
        name = approver_name(approved_by_name, method)
        labour, parts, _ = lines(s, order)
        priced = [x for x in labour if x.added_work and x.approval == "priced"]
        priced_parts = [x for x in parts if x.added_work and x.approval == "priced"]
        if line_ids is None:
            jobs, loose = priced, priced_parts
        else:
            jobs, loose = pick(priced, priced_parts, line_ids, "added_work.not_priced")
        if not (jobs or loose):
            raise ValidationError("added_work.nothing_priced", "No priced added work to answer.")
        rec_ids = []
        if approve:
            for line in (*jobs, *loose):
                line.approval = "approved"
            for line in loose:  # approved parts are held for this car like estimate parts
                reserve_line(s, actor, line)
        else:
            rec_ids = decline(s, order, jobs, loose, why)
        audit_order(s, actor, order, "approve_added_work" if approve else "decline_added_work",
                    approved_by=name, method=method, labour=[x.id for x in jobs],
                    part=[x.id for x in loose], reason=why and why.reason,
                    note=why and why.note)
        waiting = any(x.added_work and x.approval in _PENDING for x in (*labour, *parts))
        if not waiting and order.state == st.PAUSED and order.pause_reason == _WAITING_APPROVAL:
            resume_order(s, actor, order, "added_work_answered")
        return ApprovalResult(changed(s, order), tuple(rec_ids))
