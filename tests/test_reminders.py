"""Step 1: reminder lists, the call, and the booking made from it in one transaction; declined
work coming back at the next reception and on the reminder list."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.crm import reminders as rm
from dms.errors import Forbidden, ValidationError
from dms.models import (Appointment, AuditLog, Customer, InsurancePolicy, LabourLine,
                        MaintenancePackage, MaintenancePlanItem, Membership, Reminder, Vehicle,
                        WorkOrder)
from dms.workshop import estimates as est
from dms.workshop.reception import CheckIn, check_in, vehicle_history
from builders import login, received_order


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def today():
    return clock.now().astimezone().date()


def tomorrow_at(hour):
    return (clock.now().astimezone() + timedelta(days=1)).replace(hour=hour, minute=0, second=0,
                                                                  microsecond=0)


def vehicles(db, n=3):
    with db.reading() as s:
        return s.scalars(select(Vehicle).where(Vehicle.mileage > 1000).order_by(Vehicle.id)
                         .limit(n)).all()


def plan_items(db, vehicle):
    """One item due by date in 10 days, one due by mileage only (500 km to go), one far off."""
    with db.transaction() as s:
        package = s.scalars(select(MaintenancePackage).order_by(MaintenancePackage.id)).first()
        items = [MaintenancePlanItem(vehicle_id=vehicle.id, package_id=package.id,
                                     due_date=today() + timedelta(days=10)),
                 MaintenancePlanItem(vehicle_id=vehicle.id, package_id=package.id,
                                     due_mileage=vehicle.mileage + 500),
                 MaintenancePlanItem(vehicle_id=vehicle.id, package_id=package.id,
                                     due_date=today() + timedelta(days=200),
                                     due_mileage=vehicle.mileage + 20000)]
        s.add_all(items)
    return package.name


def reminder_count(db):
    with db.reading() as s:
        return s.scalar(select(func.count(Reminder.id)))


def test_maintenance_due_by_date_or_mileage_materialised_once(demo_db, advisor):
    v = vehicles(demo_db, 1)[0]
    package = plan_items(demo_db, v)
    rows = rm.reminder_list(demo_db, advisor, "maintenance", within_days=30, within_km=1000)
    mine = [r for r in rows if r.vehicle_id == v.id]
    assert sorted((r.due_date, r.due_mileage) for r in mine) == [
        (today(), v.mileage + 500), (today() + timedelta(days=10), None)]
    assert {r.what for r in mine} == {package} and {r.plate for r in mine} == {v.plate}
    count = reminder_count(demo_db)
    again = rm.reminder_list(demo_db, advisor, "maintenance", within_days=30, within_km=1000)
    assert [r.reminder_id for r in again] == [r.reminder_id for r in rows]
    assert reminder_count(demo_db) == count  # idempotent
    narrow = rm.reminder_list(demo_db, advisor, "maintenance", within_days=5, within_km=100)
    assert not [r for r in narrow if r.vehicle_id == v.id]


def test_insurance_and_membership_windows(demo_db, advisor):
    rows = rm.reminder_list(demo_db, advisor, "insurance", within_days=60, limit=10_000)
    end = today() + timedelta(days=60)
    with demo_db.reading() as s:
        latest = (select(InsurancePolicy.vehicle_id, func.max(InsurancePolicy.expiry_date).label("x"))
                  .group_by(InsurancePolicy.vehicle_id).subquery())
        expected = set(s.execute(select(latest.c.vehicle_id, latest.c.x).where(
            latest.c.x >= today(), latest.c.x <= end)).all())
        members = set(s.execute(select(Membership.customer_id, Membership.valid_until).where(
            Membership.status == "active", Membership.valid_until >= today(),
            Membership.valid_until <= today() + timedelta(days=90))).all())
    assert {(r.vehicle_id, r.due_date) for r in rows} == expected
    assert [r.due_date for r in rows] == sorted(r.due_date for r in rows)
    page = rm.reminder_list(demo_db, advisor, "insurance", within_days=60, offset=1, limit=2)
    assert [r.reminder_id for r in page] == [r.reminder_id for r in rows[1:3]]
    cards = rm.reminder_list(demo_db, advisor, "membership", within_days=90, limit=10_000)
    assert {(r.customer_id, r.due_date) for r in cards} == members


@pytest.mark.parametrize("now, born, due", [
    (datetime(2026, 12, 28, 4, tzinfo=timezone.utc), date(1980, 1, 2), date(2027, 1, 2)),
    (datetime(2026, 12, 28, 4, tzinfo=timezone.utc), date(1990, 12, 30), date(2026, 12, 30)),
    (datetime(2027, 2, 25, 4, tzinfo=timezone.utc), date(1992, 2, 29), date(2027, 2, 28)),
])
def test_birthdays_across_the_new_year_and_29_february(demo_db, advisor, monkeypatch, now, born, due):
    with demo_db.transaction() as s:
        customer = s.scalars(select(Customer).order_by(Customer.id)).first()
        customer.birthday = born
    monkeypatch.setattr(clock, "now", lambda: now)
    rows = rm.reminder_list(demo_db, advisor, "birthday", within_days=7, limit=10_000)
    [mine] = [r for r in rows if r.customer_id == customer.id]
    assert mine.due_date == due and mine.vehicle_id is None and mine.what == born.isoformat()
    local = now.astimezone().date()
    assert all(local <= r.due_date <= local + timedelta(days=7) for r in rows)


def test_unreached_call_keeps_the_reminder_reached_call_takes_it_off(demo_db, advisor):
    v = vehicles(demo_db, 1)[0]
    plan_items(demo_db, v)
    row = next(r for r in rm.reminder_list(demo_db, advisor, "maintenance") if r.vehicle_id == v.id)
    rm.record_call(demo_db, advisor, row.reminder_id, "phone", "无人接听", reached=False)
    again = next(r for r in rm.reminder_list(demo_db, advisor, "maintenance")
                 if r.reminder_id == row.reminder_id)
    assert (again.method, again.result, again.reminded_at) == ("phone", "无人接听", None)
    rm.record_call(demo_db, advisor, row.reminder_id, "wechat", "下周再联系", reached=True)
    assert row.reminder_id not in {r.reminder_id for r in rm.reminder_list(demo_db, advisor, "maintenance")}
    done = rm.reminder_list(demo_db, advisor, "maintenance", include_done=True)
    assert next(r for r in done if r.reminder_id == row.reminder_id).method == "wechat"
    with demo_db.reading() as s:
        reminder = s.get(Reminder, row.reminder_id)
        assert reminder.reminded_by_id == advisor.id and reminder.reminded_at is not None
        calls = s.scalars(select(AuditLog).where(AuditLog.entity == "reminder",
                                                 AuditLog.entity_id == row.reminder_id)).all()
        assert [(c.action, c.user_id) for c in calls] == [("call", advisor.id)] * 2
    with pytest.raises(ValidationError) as err:
        rm.record_call(demo_db, advisor, row.reminder_id, "fax", "x", reached=True)
    assert err.value.code == "reminder.method"
    with pytest.raises(Forbidden):
        rm.record_call(demo_db, login(demo_db, "cashier1"), row.reminder_id, "phone", "x", True)


def _snapshot(db, reminder_id):
    with db.reading() as s:
        r = s.get(Reminder, reminder_id)
        return ((r.method, r.result, r.reminded_at, r.appointment_id),
                s.scalar(select(func.count(Appointment.id))), s.scalar(select(func.count(AuditLog.id))))


def test_book_from_reminder_records_call_and_appointment_in_one_transaction(demo_db, advisor):
    v = vehicles(demo_db, 1)[0]
    package = plan_items(demo_db, v)
    row = next(r for r in rm.reminder_list(demo_db, advisor, "maintenance") if r.vehicle_id == v.id)
    before = _snapshot(demo_db, row.reminder_id)
    with pytest.raises(ValidationError) as err:  # more than the day holds, not confirmed
        rm.book_from_reminder(demo_db, advisor, row.reminder_id, tomorrow_at(9),
                              result="客户同意", planned_hours=Decimal("60"))
    assert err.value.code == "appointment.overbooked"
    assert _snapshot(demo_db, row.reminder_id) == before  # the call was not recorded either
    done = rm.book_from_reminder(demo_db, advisor, row.reminder_id, tomorrow_at(9), method="sms",
                                 result="客户同意", planned_hours=Decimal("60"),
                                 confirm_overbooking=True)
    assert done.booking.overbooked and done.reminder.state == "booked"
    with demo_db.reading() as s:
        reminder = s.get(Reminder, row.reminder_id)
        appointment = s.get(Appointment, done.booking.changed.id)
        assert reminder.appointment_id == appointment.id
        assert (reminder.method, reminder.result, reminder.reminded_by_id) == ("sms", "客户同意", advisor.id)
        assert (appointment.vehicle_id, appointment.channel, appointment.requested_work) == (
            v.id, "phone", package)
    with pytest.raises(ValidationError) as err:
        rm.book_from_reminder(demo_db, advisor, row.reminder_id, tomorrow_at(10), "保养")
    assert err.value.code == "reminder.already_booked"


def test_declined_work_returns_at_next_reception_and_on_the_reminder_list(demo_db, advisor,
                                                                           monkeypatch):
    wo = received_order(demo_db, advisor)
    est.add_labour(demo_db, advisor, wo, "BY01")
    est.add_labour(demo_db, advisor, wo, "JX01")
    est.issue_estimate(demo_db, advisor, wo)
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        line = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)
                         .order_by(LabourLine.seq.desc())).first()
        vehicle = s.get(Vehicle, order.vehicle_id)
    result = est.approve_estimate(demo_db, advisor, wo, "王先生", "signature",
                                  declined_line_ids={"labour": [line.id]})
    [rec_id] = result.recommendation_ids
    # the next visit: a new check-in, and the advisor sees what was declined
    check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 3000,
                                       fuel_level=5, complaint="常规保养"))
    history = vehicle_history(demo_db, advisor, vehicle.id)
    assert [(r.id, r.description) for r in history.recommendations] == [(rec_id, line.name)]
    # on the reminder list only once older than the configured time
    assert not [r for r in rm.reminder_list(demo_db, advisor, "declined") if r.vehicle_id == vehicle.id]
    later = clock.now() + timedelta(days=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    [row] = [r for r in rm.reminder_list(demo_db, advisor, "declined") if r.vehicle_id == vehicle.id]
    assert row.what == line.name and row.plate == vehicle.plate
    assert rm.reminder_list(demo_db, advisor, "declined", declined_after_days=40) == []


def test_unknown_kind_and_roles(demo_db, advisor):
    with pytest.raises(ValidationError) as err:
        rm.reminder_list(demo_db, advisor, "oil")
    assert err.value.code == "reminder.kind"
    with pytest.raises(Forbidden):
        rm.reminder_list(demo_db, login(demo_db, "tech2"), "insurance")
