"""Step 3: check-in opens a RECEIVED work order; a lower odometer reading needs confirmation."""

import dataclasses

import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import Forbidden, ValidationError
from dms.models import AuditLog, Vehicle, WorkOrder
from dms.workshop.reception import CheckIn, check_in, vehicle_history


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def vehicle(demo_db):
    with demo_db.reading() as s:
        return s.scalars(select(Vehicle).where(Vehicle.mileage > 1000).order_by(Vehicle.id)).first()


def _counts(db):
    with db.reading() as s:
        return (s.scalar(select(func.count(WorkOrder.id))), s.scalar(select(func.count(AuditLog.id))))


def test_check_in_opens_a_received_order(demo_db, advisor, vehicle):
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 1200, fuel_level=5,
                   complaint="刹车时有异响", delivered_by_name="王先生",
                   damage_marks=({"zone": "rear_bumper", "kind": "scratch", "note": "左后"},),
                   valuables="行车记录仪", documents_kept="行驶证")
    result = check_in(demo_db, advisor, data)
    assert result.state == "RECEIVED"
    with demo_db.reading() as s:
        order = s.get(WorkOrder, result.id)
        assert order.number.startswith("WO") and order.entry_mileage == vehicle.mileage + 1200
        assert order.advisor_id == advisor.id and order.customer_id == vehicle.customer_id
        assert s.get(Vehicle, vehicle.id).mileage == vehicle.mileage + 1200
        entry = s.scalars(select(AuditLog).where(AuditLog.entity == "work_order",
                                                 AuditLog.entity_id == order.id)).one()
        assert (entry.action, entry.to_state, entry.user_id) == ("check_in", "RECEIVED", advisor.id)
    history = vehicle_history(demo_db, advisor, vehicle.id)
    assert [v.number for v in history.visits] == [order.number]


def test_lower_mileage_is_refused_unless_an_odometer_change_is_confirmed(demo_db, advisor, vehicle):
    before = _counts(demo_db)
    lower = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage - 500, fuel_level=4, complaint="保养")
    with pytest.raises(ValidationError) as err:
        check_in(demo_db, advisor, lower)
    assert err.value.code == "reception.mileage_lower"
    assert _counts(demo_db) == before  # nothing written
    confirmed = dataclasses.replace(lower, odometer_change_note="仪表更换，旧表读数 98000")
    result = check_in(demo_db, advisor, confirmed)
    with demo_db.reading() as s:
        assert s.get(WorkOrder, result.id).odometer_change_note.startswith("仪表更换")


@pytest.mark.parametrize("field, value, code", [("fuel_level", 9, "reception.fuel"),
                                                ("complaint", "  ", "reception.complaint"),
                                                ("business_type", "x", "reception.business_type")])
def test_bad_input_changes_nothing(demo_db, advisor, vehicle, field, value, code):
    before = _counts(demo_db)
    data = dataclasses.replace(CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage, fuel_level=4,
                                       complaint="保养"), **{field: value})
    with pytest.raises(ValidationError) as err:
        check_in(demo_db, advisor, data)
    assert err.value.code == code and _counts(demo_db) == before


def test_only_advisors_check_in(demo_db, vehicle):
    cashier = authenticate(demo_db, "cashier1", "demo123")
    with pytest.raises(Forbidden):
        check_in(demo_db, cashier, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage,
                                           fuel_level=4, complaint="保养"))


def test_a_check_in_records_the_vehicles_last_visit(demo_db, advisor, vehicle):
    """The vehicle, its last visit and the advisor's account come in one read: a first visit
    has none, the next one the first's time and mileage, and another vehicle's visits never
    count."""
    first = check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 10,
                                               fuel_level=4, complaint="保养"))
    with demo_db.reading() as s:
        other = s.scalars(select(Vehicle).where(Vehicle.id != vehicle.id, Vehicle.mileage > 0)
                          .order_by(Vehicle.id)).first()
    elsewhere = check_in(demo_db, advisor, CheckIn(vehicle_id=other.id,
                                                   mileage=other.mileage + 10, fuel_level=4,
                                                   complaint="保养"))
    second = check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle.id,
                                                mileage=vehicle.mileage + 900, fuel_level=4,
                                                complaint="异响"))
    with demo_db.reading() as s:
        one, two = s.get(WorkOrder, first.id), s.get(WorkOrder, second.id)
        assert (one.last_visit_at, one.last_visit_mileage) == (None, None)
        assert (two.last_visit_at, two.last_visit_mileage) == (one.entry_at, vehicle.mileage + 10)
        assert s.get(WorkOrder, elsewhere.id).last_visit_mileage != vehicle.mileage + 10
