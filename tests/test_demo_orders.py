"""The demo dealership's workshop: orders in every state, made by the real services."""

from datetime import timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.demo.load import load_demo
from dms.demo.orders import BOOKINGS, HISTORY_DAYS, planned
from dms.models import (Appointment, AuditLog, ClockEvent, Complaint, FollowUp, LabourLine,
                        Payment, Settlement, WorkOrder)
from dms.reports.kpi import kpis
from dms.workshop.dispatch import open_clocks
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


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def test_the_demo_month_adds_up_as_a_stores_would(demo_orders_db):
    """The KPIs of the demo's four weeks of closed orders are those of a believable month."""
    manager = authenticate(demo_orders_db, "admin", "admin123")
    today = clock.now().astimezone().date()
    k = kpis(demo_orders_db, manager, today - timedelta(days=HISTORY_DAYS[1] + 1),
             today - timedelta(days=HISTORY_DAYS[0]))
    parts = k["parts"]
    margin = (parts["parts_revenue"] - parts["cost_of_parts"]) / parts["parts_revenue"]
    assert Decimal("0.10") < margin < Decimal("0.50"), parts  # parts sell above their cost
    assert k["technicians"] and all(Decimal("0.8") <= t["efficiency"] <= Decimal("1.25")
                                    for t in k["technicians"]), k["technicians"]
    revenue = k["revenue"]
    payers = dict(revenue["by_payer"])
    assert payers["warranty"] > 0 and payers["customer"] > payers["warranty"]
    assert Decimal("200") < revenue["total"] / revenue["orders"] < Decimal("3000")
    assert Decimal("0.6") <= k["on_time"]["rate"] <= 1 and k["rework"]["rate"] < Decimal("0.1")


def test_the_first_service_is_paid_by_the_manufacturer(demo_orders_db):
    with demo_orders_db.reading() as s:
        first = s.execute(select(Settlement.customer_share, Settlement.warranty_share)
                          .join(WorkOrder).where(WorkOrder.complaint == "首保")).all()
    assert first and all(customer == 0 and warranty > 0 for customer, warranty in first)


def test_no_clock_runs_past_the_job_or_into_the_future(demo_orders_db):
    """Cars still in repair: the technician clocked on a while ago, within the job's time
    (or clocked off at the end of the shift when the demo was loaded after it)."""
    with demo_orders_db.reading() as s:
        latest = _aware(s.scalar(select(func.max(ClockEvent.at))))
        assert latest <= clock.now()
        for event in open_clocks(s):
            billed = s.get(LabourLine, event.labour_line_id).billed_hours
            assert latest - _aware(event.at) <= timedelta(hours=float(billed) * 1.2)


def test_a_demo_cut_short_is_finished_by_the_next_run(db, monkeypatch):
    from dms.billing import settlement

    real, calls = settlement.settle, []

    def killed(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl+C half-way through the orders
        return real(*args, **kwargs)

    monkeypatch.setattr(settlement, "settle", killed)
    with pytest.raises(KeyboardInterrupt):
        load_demo(db)
    monkeypatch.setattr(settlement, "settle", real)
    with db.reading() as s:
        cut = s.scalar(select(func.count(WorkOrder.id)))
    assert 0 < cut < planned()
    again = load_demo(db)
    assert again.resumed and again.counts["work orders"] == planned() - cut
    with db.reading() as s:
        assert s.scalar(select(func.count(WorkOrder.id))) == planned()
        assert s.scalar(select(func.count(Appointment.id))) == BOOKINGS
        states = {state for (state,) in s.execute(select(WorkOrder.state).distinct())}
    assert states == set(STATES)
    assert not load_demo(db).loaded  # complete now: a third run changes nothing
