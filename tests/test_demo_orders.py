"""The demo dealership's workshop: orders in every state, made by the real services."""

from decimal import Decimal

from sqlalchemy import func, select

from dms.models import AuditLog, Complaint, FollowUp, Payment, Settlement, WorkOrder
from dms.workshop.states import STATES


def test_every_state_has_orders_with_a_consistent_history(demo_orders_db):
    with demo_orders_db.reading() as s:
        states = dict(s.execute(select(WorkOrder.state, func.count()).group_by(WorkOrder.state)).all())
        assert set(states) == set(STATES)
        for order in s.scalars(select(WorkOrder)):
            last = s.scalars(select(AuditLog.to_state).where(
                AuditLog.entity == "work_order", AuditLog.entity_id == order.id,
                AuditLog.to_state.is_not(None)).order_by(AuditLog.id.desc()).limit(1)).one()
            assert last == order.state, order.number
        for settlement in s.scalars(select(Settlement).where(Settlement.state == "settled")):
            paid = sum((p.amount for p in s.scalars(select(Payment).where(
                Payment.settlement_id == settlement.id))), Decimal("0"))
            assert paid == settlement.received
            assert settlement.outstanding == settlement.customer_share - paid
        follow_ups = dict(s.execute(select(FollowUp.status, func.count()).group_by(FollowUp.status)).all())
        assert follow_ups == {"done": states["CLOSED"], "open": states["DELIVERED"]}
        assert s.scalar(select(func.count(Complaint.id))) >= 1
