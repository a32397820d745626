"""What the customer-care workspace added to the services: maintenance due by projected mileage,
campaigns and recalls on the call list, a booking from a call with its estimate and contact,
follow-up answers question by question, escalation after repeated failed calls, a complaint in
full, handed to an owner with a deadline, and closed with what the customer said."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.crm import campaigns as cp
from dms.crm import care
from dms.crm import followup as crm
from dms.crm import reminders as rm
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import (Appointment, AuditLog, Complaint, FollowUp, MaintenancePackage,
                        MaintenancePlanItem, User, Vehicle)

from builders import FIXED, SHARE, login, make_ready


def _today():
    return clock.now().astimezone().date()


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "cashier1", "care1", "admin")}


def _car(db, **values):
    """A car of the demo with its odometer history set to `values`."""
    with db.transaction() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None)).order_by(Vehicle.id)
                        .offset(7).limit(1)).one()
        for key, value in values.items():
            setattr(car, key, value)
        s.execute(MaintenancePlanItem.__table__.delete().where(
            MaintenancePlanItem.vehicle_id == car.id))
        return car.id, car.plate


def _plan(db, vehicle_id, due_mileage, due_date=None):
    with db.transaction() as s:
        package = s.scalars(select(MaintenancePackage).order_by(MaintenancePackage.id)).first()
        s.add(MaintenancePlanItem(vehicle_id=vehicle_id, package_id=package.id,
                                  due_mileage=due_mileage, due_date=due_date))


def _mine(db, user, vehicle_id, kind="maintenance", **window):
    return [r for r in rm.reminder_list(db, user, kind, limit=10_000, **window)
            if r.vehicle_id == vehicle_id]


def test_maintenance_is_due_when_the_cars_pace_reaches_the_mileage(demo_db, users):
    today = _today()
    # 100 km a day: 20 000 km at the last reading 10 days ago, 30 000 km due.
    car, _ = _car(demo_db, purchase_date=today - timedelta(days=210), purchase_mileage=0,
                  mileage=20_000, mileage_on=today - timedelta(days=10))
    _plan(demo_db, car, 30_000, today + timedelta(days=365))
    agent = users["care1"]
    # at the horizon it shows 20 000 + 100 × (10 + days): due within 1 000 km from 80 days
    assert _mine(demo_db, agent, car, within_days=79, within_km=1000) == []
    [row] = _mine(demo_db, agent, car, within_days=80, within_km=1000)
    assert row.due_mileage == 30_000
    # a car standing still (no kilometres since the purchase) projects nothing
    still, _ = _car(demo_db, purchase_date=today - timedelta(days=200), purchase_mileage=20_000,
                    mileage=20_000, mileage_on=today - timedelta(days=10))
    _plan(demo_db, still, 30_000, today + timedelta(days=365))
    assert _mine(demo_db, agent, still, within_days=300, within_km=1000) == []


def test_open_campaigns_and_recalls_are_a_call_list(demo_db, users, tmp_path):
    agent = users["care1"]
    with demo_db.reading() as s:
        cars = s.execute(select(Vehicle.id, Vehicle.vin).order_by(Vehicle.id).limit(2)).all()
    path = tmp_path / "vins.csv"
    path.write_text("\n".join(v.vin for v in cars), encoding="utf-8")
    cp.import_campaign(demo_db, agent, "R1", "制动软管召回", "recall", path)
    cp.import_campaign(demo_db, agent, "C1", "空调检测", "campaign", path)
    later = tmp_path / "later.csv"
    later.write_text(cars[0].vin, encoding="utf-8")
    cp.import_campaign(demo_db, agent, "C2", "未开始", "campaign", later,
                       starts_on=_today() + timedelta(days=5))
    rows = [r for r in rm.reminder_list(demo_db, agent, "campaign")
            if r.vehicle_id in {c.id for c in cars}]
    assert sorted(r.vehicle_id for r in rows) == sorted(c.id for c in cars)
    assert {r.what for r in rows} == {"制动软管召回；空调检测"}  # recalls first; C2 not yet
    before = rows[0]
    done = rm.book_from_reminder(demo_db, agent, before.reminder_id,
                                 clock.now() + timedelta(days=1), method="phone",
                                 estimate=Decimal("120.50"), contact_name="王先生",
                                 contact_phone="13800000000")
    with demo_db.reading() as s:
        booked = s.get(Appointment, done.booking.changed.id)
        assert (booked.requested_work, booked.estimate, booked.contact_name,
                booked.contact_phone) == ("制动软管召回；空调检测", Decimal("120.50"), "王先生",
                                          "13800000000")
    assert before.reminder_id not in {r.reminder_id for r in
                                      rm.reminder_list(demo_db, agent, "campaign")}


@pytest.fixture
def now(monkeypatch):
    class Clock:
        value = FIXED

    c = Clock()
    monkeypatch.setattr(clock, "now", lambda: c.value)
    return c


@pytest.fixture
def delivered(demo_db, users, now):
    order_id = make_ready(demo_db)
    billing.presettle(demo_db, users["advisor1"], order_id)
    billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("cash", SHARE)])
    billing.issue_gate_pass(demo_db, users["cashier1"], order_id)
    return order_id, billing.deliver(demo_db, users["advisor1"], order_id).follow_up_id


def _counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Complaint, AuditLog))


def test_answers_per_question_a_low_one_opens_a_complaint(demo_db, users, delivered):
    order_id, follow_up_id = delivered
    agent = users["care1"]
    before = _counts(demo_db)
    for bad in ({"overall": 4, "coffee": 5}, {"overall": 4, "price": 0}, {"price": 3}):
        with pytest.raises(ValidationError):
            crm.record_follow_up(demo_db, agent, follow_up_id, "已回访", None, scores=bad)
    assert _counts(demo_db) == before
    result = crm.record_follow_up(demo_db, agent, follow_up_id, "价格偏高", None,
                                  scores={"reception": 5, "quality": 4, "timeliness": 4,
                                          "price": 2, "overall": 4})
    assert result.status == "done" and result.complaint_id is not None
    with demo_db.reading() as s:
        f = s.get(FollowUp, follow_up_id)
        assert (f.satisfaction, f.scores["price"], f.attempts) == (4, 2, 1)
    detail = care.complaint_detail(demo_db, agent, result.complaint_id)
    assert detail.owner and detail.deadline == FIXED + crm.COMPLAINT_DEADLINE
    assert detail.severity == "medium" and dict(detail.scores)["price"] == 2
    assert detail.satisfaction == 4 and not detail.overdue


def test_three_failed_calls_escalate_and_a_later_call_still_counts(demo_db, users, delivered,
                                                                   now):
    _, follow_up_id = delivered
    agent = users["care1"]
    statuses = [crm.record_follow_up(demo_db, agent, follow_up_id, "无人接听", None,
                                     reached=False).status for _ in range(3)]
    assert statuses == ["unreachable", "unreachable", "escalated"]
    [row] = crm.due_follow_ups(demo_db, agent, FIXED + timedelta(days=4))
    assert (row.status, row.attempts, row.last_result) == ("escalated", 3, "无人接听")
    assert crm.record_follow_up(demo_db, agent, follow_up_id, "关机", None,
                                reached=False).status == "escalated"
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(AuditLog.id)).where(
            AuditLog.entity == "follow_up", AuditLog.action == "escalate")) == 1
    done = crm.record_follow_up(demo_db, agent, follow_up_id, "满意", 5)
    assert done.status == "done" and done.complaint_id is None


def test_a_complaint_is_handed_over_escalated_resolved_and_closed(demo_db, users, delivered,
                                                                  now):
    _, follow_up_id = delivered
    agent, advisor = users["care1"], users["advisor1"]
    complaint_id = crm.record_follow_up(demo_db, agent, follow_up_id, "不满意", 1).complaint_id
    owners = care.complaint_owners(demo_db, agent)
    assert advisor.id in {p.id for p in owners}
    with demo_db.reading() as s:
        technician = s.scalar(select(User.id).where(User.username == "tech1"))
    assert technician not in {p.id for p in owners}
    before = _counts(demo_db)
    with pytest.raises(ValidationError):
        care.assign_complaint(demo_db, agent, complaint_id, advisor.id, FIXED - timedelta(hours=1))
    with pytest.raises(NotFound):
        care.assign_complaint(demo_db, agent, complaint_id, 999_999, FIXED + timedelta(days=1))
    with pytest.raises(Forbidden):
        care.assign_complaint(demo_db, advisor, complaint_id, advisor.id, FIXED + timedelta(days=1))
    assert _counts(demo_db) == before
    deadline = FIXED + timedelta(days=3)
    assert care.assign_complaint(demo_db, agent, complaint_id, agent.id, deadline).id == complaint_id
    detail = care.complaint_detail(demo_db, agent, complaint_id)
    assert (detail.owner_id, detail.deadline, detail.severity) == (agent.id, deadline, "high")

    now.value = deadline + timedelta(hours=1)
    assert [c.id for c in care.escalate(demo_db, agent)] == [complaint_id]
    assert care.escalate(demo_db, agent) == []  # not again within the interval
    detail = care.complaint_detail(demo_db, agent, complaint_id)
    assert detail.overdue and detail.escalation_level == 1

    crm.resolve_complaint(demo_db, agent, complaint_id, "沟通不足", "免费复查", "交车时讲解")
    with pytest.raises(ValidationError):
        care.assign_complaint(demo_db, agent, complaint_id, agent.id, now.value + timedelta(days=1))
    crm.close_complaint(demo_db, agent, complaint_id, "客户接受处理结果")
    detail = care.complaint_detail(demo_db, agent, complaint_id)
    assert (detail.status, detail.root_cause, detail.prevention, detail.closing_note) == (
        "closed", "沟通不足", "交车时讲解", "客户接受处理结果")
    assert not detail.overdue and detail.closed_at == now.value
    with pytest.raises(NotFound):
        care.complaint_detail(demo_db, agent, 999_999)
