"""A walk-in check-in from the vehicle file, taking up work the customer declined before.

The declined items (recommendations) go into the new order's complaint text, where the advisor
prices them in the estimate, and leave the vehicle's open list: one transaction with the
check-in, so a failed check-in leaves them open.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from dms import audit
from dms.errors import NotFound
from dms.models import Recommendation
from dms.workshop import reception
from dms.workshop.common import Changed, changed


def check_in(db, actor, data: reception.CheckIn, taken_up: tuple[int, ...] = ()) -> Changed:
    with db.transaction() as s:
        return changed(s, open_taking_up(s, actor, data, taken_up))


def open_taking_up(s, actor, data: reception.CheckIn, taken_up: tuple[int, ...] = ()):
    """The check-in inside the caller's transaction; the order opened."""
    recs = list(s.scalars(select(Recommendation).where(Recommendation.id.in_(taken_up))
                          .order_by(Recommendation.created_at))) if taken_up else []
    for rec in recs:
        if rec.vehicle_id != data.vehicle_id or rec.status != "open":
            raise NotFound(what="Recommendation", key=rec.id)
    if len(recs) != len(set(taken_up)):
        raise NotFound(what="Recommendation", key=sorted(set(taken_up))[0])
    if recs:
        listed = "\n".join(f"- {r.description}" for r in recs)
        data = replace(data, complaint="\n".join(p for p in (data.complaint.strip(), listed) if p))
    order = reception.create_order(s, actor, data)
    for rec in recs:
        rec.status, rec.done_work_order_id = "done", order.id
        audit.record(s, actor, "recommendation", rec.id, "take_up", work_order_id=order.id)
    return order
