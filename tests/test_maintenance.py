"""Maintenance plans: the schedule a new vehicle gets, the next service projected from its own
mileage history (rollbacks flagged and ignored), and completion by a delivered maintenance order."""

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest
from sqlalchemy import delete, select, update

from dms import clock
from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.crm import customers as crm
from dms.crm import maintenance
from dms.crm.customers import CustomerIn, VehicleIn
from dms.crm.identifiers import make_vin, vin_year_code
from dms.errors import ValidationError
from dms.models import MaintenancePlanItem, Vehicle, WorkOrder
from dms.workshop.reception import CheckIn, check_in

from builders import SHARE, login, make_ready

PURCHASE = date(2025, 1, 1)


class Clock:
    """Sets `clock._fixed` (as `clock.frozen_at` does), so column defaults such as
    Vehicle.created_at follow the test's time too."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.on(PURCHASE)

    def on(self, day: date):  # noon in Beijing
        self.monkeypatch.setattr(clock, "_fixed", datetime(day.year, day.month, day.day, 4, 0,
                                                           tzinfo=timezone.utc))


@pytest.fixture
def time(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


@pytest.fixture
def car(demo_db, advisor, time):
    """Bought on 2025-01-01 with 10 km and filed that day."""
    owner = crm.create_customer(demo_db, advisor, CustomerIn(name="吴保养", mobile="13711112222"))
    vin = make_vin("LBE", "SB41D", vin_year_code(2025), "U", "800001")
    return crm.create_vehicle(demo_db, advisor, VehicleIn(
        customer_id=owner.id, vin=vin, plate="京AZ8Z81", purchase_date=PURCHASE,
        purchase_mileage=10)).id


def visit(db, advisor, time, vehicle_id, day, km, note=None, business_type="maintenance"):
    time.on(day)
    return check_in(db, advisor, CheckIn(vehicle_id=vehicle_id, mileage=km, fuel_level=4,
                                         complaint="保养", business_type=business_type,
                                         odometer_change_note=note)).id


def test_a_new_vehicle_gets_its_schedule(demo_db, advisor, car):
    plan = maintenance.vehicle_plan(demo_db, advisor, car)
    # FS 6 months / 5000 km after purchase, SS 12 months / 10000 km after FS, RS every 12 / 10000.
    assert [(p.package_code, p.due_date, p.due_mileage) for p in plan] == [
        ("FS", date(2025, 7, 1), 5010), ("SS", date(2026, 7, 1), 15010),
        ("RS", date(2027, 7, 1), 25010), ("RS", date(2028, 7, 1), 35010),
        ("RS", date(2029, 7, 1), 45010), ("RS", date(2030, 7, 1), 55010)]


def test_projection_at_the_vehicles_own_pace(demo_db, advisor, time, car):
    visit(demo_db, advisor, time, car, date(2025, 3, 2), 2410, business_type="repair")
    visit(demo_db, advisor, time, car, date(2025, 4, 1), 3610, business_type="repair")
    got = maintenance.project_due(demo_db, advisor, car)
    # Purchase 2025-01-01 at 10 km to 2025-04-01 at 3610 km: 3600 km in 90 days = 40 km/day.
    # FS is due at 5010 km: 1400 km to go = 35 days after 2025-04-01 = 2025-05-06, before the
    # plan's 2025-07-01.
    assert (got.item.package_code, got.item.due_date, got.item.due_mileage) == (
        "FS", date(2025, 7, 1), 5010)
    assert got.km_per_day == D("40.00") and got.mileage_due_date == date(2025, 5, 6)
    assert (got.due_date, got.basis, got.flagged) == (date(2025, 5, 6), "mileage", ())
    assert [r.mileage for r in got.readings] == [10, 2410, 3610]


def test_a_slow_driver_is_due_by_date(demo_db, advisor, time, car):
    visit(demo_db, advisor, time, car, date(2025, 4, 1), 910, business_type="repair")
    got = maintenance.project_due(demo_db, advisor, car)
    # 900 km in 90 days = 10 km/day; 4100 km to go = 410 days → 2026-05-16, after 2025-07-01.
    assert (got.km_per_day, got.mileage_due_date) == (D("10.00"), date(2026, 5, 16))
    assert (got.due_date, got.basis) == (date(2025, 7, 1), "date")


def test_an_odometer_rollback_is_flagged_and_ignored(demo_db, advisor, time, car):
    visit(demo_db, advisor, time, car, date(2025, 3, 2), 2410, business_type="repair")
    low = visit(demo_db, advisor, time, car, date(2025, 3, 20), 900, "仪表更换", "repair")
    visit(demo_db, advisor, time, car, date(2025, 4, 1), 3610, business_type="repair")
    last = visit(demo_db, advisor, time, car, date(2025, 4, 10), 1000, "读数异常", "repair")
    got = maintenance.project_due(demo_db, advisor, car)
    assert [(r.on, r.mileage, r.work_order_id) for r in got.flagged] == [
        (date(2025, 3, 20), 900, low), (date(2025, 4, 10), 1000, last)]
    assert [r.mileage for r in got.readings] == [10, 2410, 3610]
    assert (got.km_per_day, got.due_date, got.basis) == (D("40.00"), date(2025, 5, 6), "mileage")


def test_no_history_no_pace(demo_db, advisor, time, car):
    got = maintenance.project_due(demo_db, advisor, car)
    assert (got.km_per_day, got.mileage_due_date, got.due_date, got.basis) == (
        None, None, date(2025, 7, 1), "date")
    with demo_db.transaction() as s:  # a vehicle filed without a plan has nothing to project
        demo_car = s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()
        s.execute(delete(MaintenancePlanItem).where(MaintenancePlanItem.vehicle_id == demo_car))
    assert maintenance.project_due(demo_db, advisor, demo_car).item is None


def delivered(db, time, vehicle_id, day, km):
    """A maintenance order through settlement and delivery on `day`, entered at `km`."""
    time.on(day)
    order_id = make_ready(db, vehicle_id)
    with db.transaction() as s:
        s.get(WorkOrder, order_id).entry_mileage = km
    billing.presettle(db, login(db, "advisor1"), order_id)
    cashier = login(db, "cashier1")
    billing.settle(db, cashier, order_id, [PaymentIn("cash", SHARE)])
    billing.issue_gate_pass(db, cashier, order_id)
    billing.deliver(db, login(db, "advisor1"), order_id)
    return order_id


def test_a_delivered_maintenance_order_completes_the_next_item(demo_db, advisor, time, car):
    repair = visit(demo_db, advisor, time, car, date(2025, 5, 1), 4000, business_type="repair")
    with pytest.raises(ValidationError) as err:
        maintenance.complete_plan_item(demo_db, advisor, repair)
    assert err.value.code == "maintenance.not_delivered"
    order_id = delivered(demo_db, time, car, date(2025, 6, 20), 5200)  # delivery completes it
    [done] = [p for p in maintenance.vehicle_plan(demo_db, advisor, car) if p.status == "done"]
    assert (done.package_code, done.status, done.done_on, done.done_mileage, done.work_order_id) == (
        "FS", "done", date(2025, 6, 20), 5200, order_id)
    with pytest.raises(ValidationError) as err:
        maintenance.complete_plan_item(demo_db, advisor, order_id)
    assert err.value.code == "maintenance.already_completed"
    planned = [p for p in maintenance.vehicle_plan(demo_db, advisor, car) if p.status == "planned"]
    # The rest of the plan now runs from the actual service, and is topped up to six items.
    assert [(p.package_code, p.due_date, p.due_mileage) for p in planned] == [
        ("SS", date(2026, 6, 20), 15200), ("RS", date(2027, 6, 20), 25200),
        ("RS", date(2028, 6, 20), 35200), ("RS", date(2029, 6, 20), 45200),
        ("RS", date(2030, 6, 20), 55200), ("RS", date(2031, 6, 20), 65200)]
    assert maintenance.project_due(demo_db, advisor, car).item.package_code == "SS"


def test_complete_delivered_reads_the_orders_not_yet_counted(demo_db, advisor, time, car):
    order_id = delivered(demo_db, time, car, date(2025, 6, 20), 5200)
    with demo_db.transaction() as s:  # as if delivered before plans were ticked at delivery
        s.execute(update(MaintenancePlanItem).where(MaintenancePlanItem.work_order_id == order_id)
                  .values(status="planned", work_order_id=None, done_on=None, done_mileage=None))
    time.on(date(2025, 6, 21))
    [item_id] = maintenance.complete_delivered(demo_db, advisor, car)
    assert maintenance.complete_delivered(demo_db, advisor, car) == ()
    [done] = [p for p in maintenance.vehicle_plan(demo_db, advisor, car) if p.status == "done"]
    assert (done.id, done.work_order_id) == (item_id, order_id)


def test_a_used_car_filed_late_gets_only_the_services_ahead(demo_db, advisor, time):
    time.on(date(2026, 3, 1))
    owner = crm.create_customer(demo_db, advisor, CustomerIn(name="二手车主", mobile="13722223333"))
    vin = make_vin("LBE", "SB41D", vin_year_code(2024), "U", "800002")
    car = crm.create_vehicle(demo_db, advisor, VehicleIn(
        customer_id=owner.id, vin=vin, purchase_date=date(2024, 1, 1), purchase_mileage=10,
        mileage=31000)).id
    plan = maintenance.vehicle_plan(demo_db, advisor, car)
    # FS 2024-07-01 and SS 2025-07-01 are passed by date; RS 2026-07-01 is ahead by date but
    # its 25010 km are passed (31000 on the clock): due 2026-07-01 or at 35010 km, then yearly.
    assert [(p.package_code, p.due_date, p.due_mileage) for p in plan[:2]] == [
        ("RS", date(2026, 7, 1), 35010), ("RS", date(2027, 7, 1), 45010)]
    assert len(plan) == 6
    assert maintenance.project_due(demo_db, advisor, car).readings[0].mileage == 10


def test_delivering_a_maintenance_order_completes_the_next_planned_service(demo_orders_db):
    """The demo's delivered maintenance orders went through `deliver`, which ticked the plan."""
    with demo_orders_db.reading() as s:
        done = s.scalars(select(MaintenancePlanItem).where(
            MaintenancePlanItem.status == "done")).all()
        delivered = s.scalars(select(WorkOrder.id).where(
            WorkOrder.business_type == "maintenance",
            WorkOrder.state.in_(("DELIVERED", "CLOSED")))).all()
    assert delivered and sorted(i.work_order_id for i in done) == sorted(delivered)
