"""Steps 11–12: the follow-up call closes the order; dissatisfaction opens a complaint that escalates."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.crm import followup as crm
from dms.errors import Forbidden, InvalidTransition, ValidationError
from dms.models import AuditLog, Complaint, FollowUp, WorkOrder

from builders import FIXED, SHARE, login, make_ready


@pytest.fixture
def now(monkeypatch):
    """A settable clock: `now.set(t)`; starts at FIXED."""
    class Clock:
        value = FIXED

        def set(self, value):
            self.value = value

    c = Clock()
    monkeypatch.setattr(clock, "now", lambda: c.value)
    return c


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "cashier1", "admin", "care1")}


@pytest.fixture
def delivered(demo_db, users, now):
    """(order id, follow-up id) of an order delivered at FIXED, paid in full."""
    order_id = make_ready(demo_db)
    billing.presettle(demo_db, users["advisor1"], order_id)
    billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("cash", SHARE)])
    billing.issue_gate_pass(demo_db, users["cashier1"], order_id)
    return order_id, billing.deliver(demo_db, users["advisor1"], order_id).follow_up_id


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Complaint, AuditLog))


def test_due_follow_ups_list_the_calls_to_make(demo_db, users, delivered):
    order_id, follow_up_id = delivered
    care = users["care1"]
    assert crm.due_follow_ups(demo_db, care, FIXED + timedelta(hours=23)) == []
    [row] = crm.due_follow_ups(demo_db, care, FIXED + timedelta(hours=24))
    assert (row.id, row.work_order_id, row.status, row.delivered_at) == (follow_up_id, order_id, "open", FIXED)
    assert row.customer_name and row.advisor
    with pytest.raises(Forbidden):
        crm.due_follow_ups(demo_db, users["cashier1"], FIXED)


def test_low_satisfaction_opens_a_complaint_and_closes_the_order(demo_db, users, delivered, now):
    order_id, follow_up_id = delivered
    now.set(FIXED + timedelta(hours=25))
    result = crm.record_follow_up(demo_db, users["care1"], follow_up_id, "等待时间太长", 2)
    assert result.status == "done" and result.order.state == "CLOSED"
    with demo_db.reading() as s:
        complaint = s.get(Complaint, result.complaint_id)
        order = s.get(WorkOrder, order_id)
        assert (complaint.source, complaint.severity, complaint.status) == ("follow_up", "medium", "open")
        assert complaint.owner_id == order.advisor_id == users["advisor1"].id
        assert complaint.deadline == now.value + timedelta(hours=48)
        assert (complaint.work_order_id, complaint.follow_up_id) == (order_id, follow_up_id)
        follow_up = s.get(FollowUp, follow_up_id)
        assert (follow_up.satisfaction, follow_up.agent_id, follow_up.done_at) == (2, users["care1"].id, now.value)
        assert order.state == "CLOSED"
    with pytest.raises(ValidationError) as err:
        crm.record_follow_up(demo_db, users["care1"], follow_up_id, "再次回访", 5)
    assert err.value.code == "followup.already_done"


@pytest.mark.parametrize("satisfaction, issue, severity", [(1, None, "high"), (4, "雨刮异响", "medium"),
                                                           (5, None, None)])
def test_complaint_severity_follows_the_score(demo_db, users, delivered, satisfaction, issue, severity):
    result = crm.record_follow_up(demo_db, users["care1"], delivered[1], "已回访", satisfaction, issue)
    assert result.order.state == "CLOSED"
    if severity is None:
        assert result.complaint_id is None
        return
    with demo_db.reading() as s:
        complaint = s.get(Complaint, result.complaint_id)
        assert complaint.severity == severity and complaint.description == (issue or "已回访")


def test_an_unreachable_customer_is_called_again(demo_db, users, delivered):
    order_id, follow_up_id = delivered
    result = crm.record_follow_up(demo_db, users["care1"], follow_up_id, "无人接听", None, reached=False)
    assert result.status == "unreachable" and result.order is None and result.complaint_id is None
    [row] = crm.due_follow_ups(demo_db, users["care1"], FIXED + timedelta(days=2))
    assert row.status == "unreachable"
    with demo_db.reading() as s:
        assert s.get(WorkOrder, order_id).state == "DELIVERED"
    assert crm.record_follow_up(demo_db, users["care1"], follow_up_id, "满意", 5).order.state == "CLOSED"


@pytest.mark.parametrize("satisfaction", [0, 6, None, True])
def test_bad_follow_up_input_changes_nothing(demo_db, users, delivered, satisfaction):
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        crm.record_follow_up(demo_db, users["care1"], delivered[1], "已回访", satisfaction)
    assert err.value.code == "followup.satisfaction" and counts(demo_db) == before
    with pytest.raises(Forbidden):
        crm.record_follow_up(demo_db, users["advisor1"], delivered[1], "已回访", 3)


def test_overdue_complaints_escalate_once_a_day(demo_db, users, delivered, now):
    result = crm.record_follow_up(demo_db, users["care1"], delivered[1], "不满意", 1)
    deadline = FIXED + timedelta(hours=48)
    assert crm.escalate_overdue(demo_db, users["care1"], now=deadline - timedelta(minutes=1)) == []
    with pytest.raises(Forbidden):
        crm.escalate_overdue(demo_db, users["cashier1"])
    late = deadline + timedelta(hours=1)
    assert crm.escalate_overdue(demo_db, users["admin"], now=late) == [result.complaint_id]
    assert crm.escalate_overdue(demo_db, users["admin"], now=late + timedelta(hours=2)) == []
    now.set(late + timedelta(hours=24))
    assert crm.escalate_overdue(demo_db, users["care1"]) == [result.complaint_id]
    with demo_db.reading() as s:
        complaint = s.get(Complaint, result.complaint_id)
        assert (complaint.escalation_level, complaint.escalated_at) == (2, now.value)
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.entity == "complaint", AuditLog.action == "escalate")) == 2
    [row] = crm.open_complaints(demo_db, users["care1"])
    assert row.overdue and row.escalation_level == 2 and row.severity == "high"


def test_resolving_needs_root_cause_resolution_and_prevention(demo_db, users, delivered):
    complaint_id = crm.record_follow_up(demo_db, users["care1"], delivered[1], "漆面色差", 2).complaint_id
    care = users["care1"]
    full = {"root_cause": "调漆比例错误", "resolution": "免费重喷", "prevention": "调漆后比色卡复核"}
    for field in full:
        with pytest.raises(ValidationError) as err:
            crm.resolve_complaint(demo_db, care, complaint_id, **{**full, field: "  "})
        assert err.value.code == f"complaint.{field}_required"
    with pytest.raises(InvalidTransition):
        crm.close_complaint(demo_db, care, complaint_id)
    assert crm.resolve_complaint(demo_db, care, complaint_id, **full).state == "resolved"
    assert [c.status for c in crm.open_complaints(demo_db, care)] == ["resolved"]
    assert crm.close_complaint(demo_db, care, complaint_id, "客户认可").state == "closed"
    assert crm.open_complaints(demo_db, care) == []
    with demo_db.reading() as s:
        complaint = s.get(Complaint, complaint_id)
        assert (complaint.root_cause, complaint.prevention, complaint.closed_at) == (
            "调漆比例错误", "调漆后比色卡复核", FIXED)


def test_open_complaint_by_phone(demo_db, users, delivered, now):
    order_id, _ = delivered
    with demo_db.reading() as s:
        customer_id = s.get(WorkOrder, order_id).customer_id
    care, manager = users["care1"], users["admin"]
    args = dict(customer_id=customer_id, source="phone", description="交车时车内不干净",
                severity="low", owner_id=manager.id, deadline=FIXED + timedelta(hours=24),
                work_order_id=order_id)
    before = counts(demo_db)
    for bad, code in [({"severity": "urgent"}, "complaint.severity"),
                      ({"source": "fax"}, "complaint.source"),
                      ({"description": ""}, "complaint.description_required"),
                      ({"deadline": FIXED - timedelta(hours=1)}, "complaint.deadline")]:
        with pytest.raises(ValidationError) as err:
            crm.open_complaint(demo_db, care, **{**args, **bad})
        assert err.value.code == code and counts(demo_db) == before
    result = crm.open_complaint(demo_db, care, **args)
    [row] = crm.open_complaints(demo_db, manager)
    assert (row.id, row.source, row.owner, row.overdue) == (result.id, "phone", manager.display_name, False)
    assert D(row.escalation_level) == 0
