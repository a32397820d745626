"""Step 2: booking with a capacity check, tomorrow's reminder list, arrival and no-shows."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.errors import ConcurrentChange, Forbidden, ValidationError
from dms.models import Appointment, AppointmentPart, AuditLog, Part, Vehicle, WorkOrder
from dms.workshop import appointments as ap
from dms.workshop.reception import CheckIn

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=timezone.utc)  # 10:00 in Beijing


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def vehicles(demo_db):
    with demo_db.reading() as s:
        return s.scalars(select(Vehicle).order_by(Vehicle.id).limit(20)).all()


def tomorrow_at(hour: int) -> datetime:
    local = NOW.astimezone()
    return (local + timedelta(days=1)).replace(hour=hour, minute=0)


def test_book_with_expected_parts_and_remind_the_day_before(demo_db, advisor, vehicles):
    with demo_db.reading() as s:
        part = s.scalars(select(Part).order_by(Part.id)).first()
    result = ap.book(demo_db, advisor, ap.Booking(
        vehicle_id=vehicles[0].id, channel="phone", requested_work="首保 + 检查刹车",
        booked_for=tomorrow_at(9), planned_hours=Decimal("1.5"), estimate=Decimal("680.00"),
        expected_parts=((part.code, Decimal("1")),)))
    assert result.number.startswith("AP2026") and not result.overbooked
    assert result.capacity.booked_hours == Decimal("1.5")
    assert result.capacity.capacity_hours == Decimal("48")  # 6 bays < 8 technicians, 8 h each
    with demo_db.reading() as s:
        assert s.scalar(select(AppointmentPart.part_id)) == part.id
    [row] = ap.reminders_for(demo_db, advisor)
    assert (row.number, row.plate, row.requested_work) == (result.number, vehicles[0].plate, "首保 + 检查刹车")
    ap.mark_reminded(demo_db, advisor, row.appointment_id, "phone", "客户确认准时到店")
    assert ap.reminders_for(demo_db, advisor) == []


def test_overbooking_is_warned_and_needs_confirmation(demo_db, advisor, vehicles):
    for v in vehicles[:6]:
        ap.book(demo_db, advisor, ap.Booking(vehicle_id=v.id, channel="app", requested_work="钣喷",
                                             booked_for=tomorrow_at(9), planned_hours=Decimal("8")))
    extra = ap.Booking(vehicle_id=vehicles[6].id, channel="phone", requested_work="保养",
                       booked_for=tomorrow_at(14))
    with pytest.raises(ValidationError) as err:
        ap.book(demo_db, advisor, extra)
    assert err.value.code == "appointment.overbooked" and err.value.params["booked"] == Decimal("48")
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 6
    result = ap.book(demo_db, advisor, extra, confirm_overbooking=True)
    assert result.overbooked and result.capacity.free_hours == Decimal("-1")
    with demo_db.reading() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.entity == "appointment",
                                                 AuditLog.entity_id == result.changed.id)).one()
        assert entry.reason == "over-booking confirmed"


def test_arrival_opens_the_work_order(demo_db, advisor, vehicles):
    v = vehicles[1]
    booked = ap.book(demo_db, advisor, ap.Booking(vehicle_id=v.id, channel="wechat",
                                                  requested_work="二保", booked_for=tomorrow_at(10)))
    order = ap.arrive(demo_db, advisor, booked.changed.id,
                      CheckIn(vehicle_id=v.id, mileage=(v.mileage or 0) + 10, fuel_level=6,
                              complaint="二保"), expected_version=booked.changed.version)
    with demo_db.reading() as s:
        assert s.get(Appointment, booked.changed.id).status == "arrived"
        assert s.get(WorkOrder, order.id).appointment_id == booked.changed.id
    with pytest.raises(ValidationError):  # arriving twice
        ap.arrive(demo_db, advisor, booked.changed.id,
                  CheckIn(vehicle_id=v.id, mileage=(v.mileage or 0) + 10, fuel_level=6, complaint="二保"))


def test_no_show_stale_version_and_roles(demo_db, advisor, vehicles):
    booked = ap.book(demo_db, advisor, ap.Booking(vehicle_id=vehicles[2].id, channel="phone",
                                                  requested_work="保养", booked_for=tomorrow_at(11)))
    colleague = authenticate(demo_db, "advisor2", "demo123")
    ap.mark_reminded(demo_db, colleague, booked.changed.id, "sms")
    with pytest.raises(ConcurrentChange) as err:  # advisor1 still looks at the old version
        ap.no_show(demo_db, advisor, booked.changed.id, expected_version=booked.changed.version)
    assert err.value.params["user"] == colleague.display_name
    assert colleague.display_name in err.value.text()
    with pytest.raises(Forbidden):
        ap.no_show(demo_db, authenticate(demo_db, "tech2", "demo123"), booked.changed.id)
    assert ap.no_show(demo_db, advisor, booked.changed.id).state == "no_show"
    with pytest.raises(ValidationError):
        ap.book(demo_db, advisor, ap.Booking(vehicle_id=vehicles[2].id, channel="phone",
                                             requested_work="保养", booked_for=NOW - timedelta(hours=1)))


def test_each_kind_of_bay_has_its_capacity(demo_db, advisor, vehicles):
    """The demo has one body bay (8 h): a second 5 h body job over-books it although the store
    has hours to spare; an electrical job counts against the mechanical bays."""
    body = lambda v, hours: ap.Booking(vehicle_id=v.id, channel="phone", requested_work="钣金",
                                       booked_for=tomorrow_at(9), planned_hours=Decimal(hours),
                                       trade="body")
    first = ap.book(demo_db, advisor, body(vehicles[0], "5"))
    assert not first.overbooked and first.capacity.of("body").booked_hours == Decimal("5")
    assert first.capacity.of("body").capacity_hours == Decimal("8")
    with pytest.raises(ValidationError) as err:
        ap.book(demo_db, advisor, body(vehicles[1], "5"))
    assert err.value.code == "appointment.overbooked_trade"
    assert (err.value.params["trade"], err.value.params["booked"],
            err.value.params["capacity"]) == ("body", Decimal("5"), Decimal("8"))
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 1
    second = ap.book(demo_db, advisor, body(vehicles[1], "5"), confirm_overbooking=True)
    assert second.overbooked and second.capacity.of("body").free_hours == Decimal("-2")
    assert not second.capacity.over  # the store as a whole still has hours

    ap.book(demo_db, advisor, ap.Booking(
        vehicle_id=vehicles[2].id, channel="app", requested_work="空调电路检查",
        booked_for=tomorrow_at(10), planned_hours=Decimal("2"), trade="electrical"))
    ap.book(demo_db, advisor, ap.Booking(  # no trade: the store's hours only
        vehicle_id=vehicles[3].id, channel="app", requested_work="看看", booked_for=tomorrow_at(11)))
    day = ap.day_capacity(demo_db, advisor, tomorrow_at(9).date())
    assert {b.kind: (b.booked_hours, b.capacity_hours) for b in day.bays} == {
        "maintenance": (0, 16), "mechanical": (2, 16), "body": (10, 8), "paint": (0, 8)}
    assert day.booked_hours == Decimal("13") and day.capacity_hours == Decimal("48")
    with demo_db.reading() as s:
        assert sorted(s.scalars(select(Appointment.trade)), key=str) == [
            None, "body", "body", "electrical"]  # str(None) sorts first


def test_an_unknown_trade_is_refused(demo_db, advisor, vehicles):
    with pytest.raises(ValidationError) as err:
        ap.book(demo_db, advisor, ap.Booking(vehicle_id=vehicles[0].id, channel="phone",
                                             requested_work="保养", booked_for=tomorrow_at(9),
                                             trade="plumbing"))
    assert err.value.code == "appointment.trade"
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 0
