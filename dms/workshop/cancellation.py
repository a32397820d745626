"""Cancelling a work order (DESIGN §2): any state before SETTLED, with a reason. Whatever the
order holds goes back: its reservations and purchase needs, and whoever is still clocked on
its jobs is clocked off. Refused while parts are issued to it or money received for it is not
refunded (`dms.billing.refunds`). No Qt.
"""

from __future__ import annotations

from sqlalchemy import select

from dms import clock, validators
from dms.errors import ValidationError
from dms.models import ClockEvent, Settlement
from dms.parts import picking
from dms.workshop.common import Changed, changed, load_order, move
from dms.workshop.dispatch import open_clocks


def cancel(db, actor, work_order_id: int, reason: str,
           expected_version: int | None = None) -> Changed:
    reason = validators.required_text(reason, "settlement.reason_required", "reason")
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version,
                           permission="workorder.cancel")
        move(s, actor, order, "cancel", reason)
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == order.id)).first()
        if st is not None and st.received > 0:
            raise ValidationError("settlement.refund_needed",
                                  "{received} was received for this order; refund it first.",
                                  received=st.received, share=st.customer_share)
        picking.release_order(s, actor, order)  # refused while parts are issued to it
        now = clock.now()
        s.add_all(ClockEvent(labour_line_id=e.labour_line_id, technician_id=e.technician_id,
                             kind="off", at=now, reason="cancelled")
                  for e in open_clocks(s, line_ids=[x.id for x in order.labour_lines]))
        order.cancel_reason = reason
        return changed(s, order)
