"""Customer and vehicle files: normalised identifiers, duplicate warnings, the VIN check-digit
override, owner changes with history, and the customer file read."""

from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.crm import customers as crm
from dms.crm import membership
from dms.crm.customers import CustomerIn, VehicleIn
from dms.crm.identifiers import make_vin, vin_year_code
from dms.errors import Forbidden, ValidationError
from dms.models import (AuditLog, Customer, InsurancePolicy, MaintenancePlanItem, Vehicle,
                        VehicleOwnership)

from builders import FIXED, login

VIN = make_vin("LBE", "SB41D", vin_year_code(2025), "U", "900001")  # Beijing Hyundai, 2025
BAD_DIGIT = VIN[:8] + ("1" if VIN[8] != "1" else "2") + VIN[9:]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FIXED)


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            Customer, Vehicle, VehicleOwnership, MaintenancePlanItem, AuditLog))


def new_customer(db, actor, name="赵立新", mobile="139 1111 2222", **kw):
    return crm.create_customer(db, actor, CustomerIn(name=name, mobile=mobile, **kw))


def test_create_customer_normalises_the_mobile_and_numbers_after_the_demo(demo_db, advisor):
    with demo_db.reading() as s:
        top = s.scalar(select(func.max(Customer.code)))
    saved = new_customer(demo_db, advisor, mobile="+86 139-1111-2222", gender="M",
                         email="zhao@example.com", postcode="100020")
    assert saved.label == f"C{int(top[1:]) + 1:06d}"
    second = new_customer(demo_db, advisor, name="钱多多", mobile="13922223333")
    assert second.label == f"C{int(top[1:]) + 2:06d}"
    with demo_db.reading() as s:
        customer = s.get(Customer, saved.id)
        assert (customer.mobile, customer.mobile_rev) == ("13911112222", "22221111931")
    with pytest.raises(ValidationError) as err:
        new_customer(demo_db, advisor, mobile="010-84571234")
    assert err.value.code == "customer.mobile"
    with pytest.raises(ValidationError) as err:
        new_customer(demo_db, advisor, mobile="13933334444", code=saved.label)
    assert err.value.code == "customer.code_taken"
    with pytest.raises(Forbidden):
        new_customer(demo_db, login(demo_db, "cashier1"), mobile="13933334444")


def test_same_mobile_is_a_duplicate_warning_naming_the_existing_customer(demo_db, advisor):
    with demo_db.reading() as s:
        existing = s.scalars(select(Customer).where(Customer.mobile.is_not(None))
                             .order_by(Customer.id)).first()
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        new_customer(demo_db, advisor, mobile=existing.mobile)
    assert err.value.code == "customer.duplicate" and counts(demo_db) == before
    assert (err.value.params["customer_id"], err.value.params["customer_code"]) == (existing.id, existing.code)
    saved = crm.create_customer(demo_db, advisor, CustomerIn(name="同号家属", mobile=existing.mobile),
                                confirm_duplicate=True)
    with demo_db.reading() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.entity == "customer",
                                                 AuditLog.entity_id == saved.id)).one()
        assert '"confirmed_duplicate": true' in entry.data


def test_update_customer_checks_like_create(demo_db, advisor):
    first = new_customer(demo_db, advisor)
    other = new_customer(demo_db, advisor, name="孙丽", mobile="13988887777")
    with pytest.raises(ValidationError) as err:
        crm.update_customer(demo_db, advisor, other.id, mobile="13911112222")
    assert err.value.code == "customer.duplicate" and err.value.params["customer_id"] == first.id
    with pytest.raises(ValidationError) as err:
        crm.update_customer(demo_db, advisor, other.id, code="X1")
    assert err.value.code == "customer.field"
    crm.update_customer(demo_db, advisor, other.id, address=" 北京市朝阳区 ", mobile="13977776666")
    with demo_db.reading() as s:
        row = s.get(Customer, other.id)
        assert (row.address, row.mobile, row.name) == ("北京市朝阳区", "13977776666", "孙丽")


def test_create_vehicle_fills_from_the_vin_and_plans_maintenance(demo_db, advisor):
    owner = new_customer(demo_db, advisor)
    saved = crm.create_vehicle(demo_db, advisor, VehicleIn(
        customer_id=owner.id, vin=VIN.lower(), plate="京a·z9z91", purchase_date=date(2026, 3, 1),
        purchase_mileage=12, insurer="人保财险", policy_no="PDAA2026", insurance_expiry=date(2027, 3, 1)))
    assert saved.label == "京AZ9Z91" and saved.warnings == ()
    with demo_db.reading() as s:
        v = s.get(Vehicle, saved.id)
        assert (v.vin, v.plate, v.brand, v.model_year) == (VIN, "京AZ9Z91", "北京现代", 2025)
        assert (v.mileage, v.mileage_on, v.vin_warning_overridden_by_id) == (12, date(2026, 3, 1), None)
        [own] = s.scalars(select(VehicleOwnership).where(VehicleOwnership.vehicle_id == v.id))
        assert (own.customer_id, own.from_date, own.to_date) == (owner.id, date(2026, 3, 1), None)
        assert s.scalars(select(InsurancePolicy).where(InsurancePolicy.vehicle_id == v.id)).one().insurer
        plan = s.scalars(select(MaintenancePlanItem).where(MaintenancePlanItem.vehicle_id == v.id)
                         .order_by(MaintenancePlanItem.id)).all()
    assert [(p.due_date, p.due_mileage) for p in plan[:3]] == [
        (date(2026, 9, 1), 5012), (date(2027, 9, 1), 15012), (date(2028, 9, 1), 25012)]
    assert len(plan) == 6 and {p.status for p in plan} == {"planned"}


def test_a_bad_check_digit_is_a_warning_the_advisor_overrides(demo_db, advisor):
    owner = new_customer(demo_db, advisor)
    data = VehicleIn(customer_id=owner.id, vin=BAD_DIGIT, plate="京AZ9Z92", model_year=2024,
                     brand="现代")
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        crm.create_vehicle(demo_db, advisor, data)
    assert err.value.code == "vehicle.vin_warning" and err.value.params["expected"] == VIN[8]
    assert counts(demo_db) == before
    saved = crm.create_vehicle(demo_db, advisor, data, confirm_vin_warning=True)
    assert saved.warnings == ("vin.check_digit",)
    with demo_db.reading() as s:
        v = s.get(Vehicle, saved.id)
        assert (v.vin_warning_overridden_by_id, v.vin_warning_overridden_at) == (advisor.id, FIXED)
        assert (v.model_year, v.brand) == (2024, "现代")  # given values win
    for vin in ("LBESB41DOS0900001", VIN[:16]):  # an O, a missing character: refused
        with pytest.raises(ValidationError) as err:
            crm.create_vehicle(demo_db, advisor, VehicleIn(customer_id=owner.id, vin=vin),
                               confirm_vin_warning=True, confirm_duplicate=True)
        assert err.value.code == "vehicle.vin_invalid"
    with pytest.raises(ValidationError) as err:
        crm.create_vehicle(demo_db, advisor, VehicleIn(customer_id=owner.id, vin=VIN, plate="京0123"))
    assert err.value.code == "vehicle.plate_invalid"


def test_vin_and_plate_are_refused_twice_an_engine_number_warns(demo_db, advisor):
    owner = new_customer(demo_db, advisor)
    with demo_db.reading() as s:
        demo = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None),
                                               Vehicle.engine_no.is_not(None))
                         .order_by(Vehicle.id)).first()
    cases = [(VehicleIn(customer_id=owner.id, vin=demo.vin), "vehicle.vin_taken"),
             (VehicleIn(customer_id=owner.id, vin=VIN, plate=demo.plate), "vehicle.plate_taken")]
    for data, code in cases:
        with pytest.raises(ValidationError) as err:
            crm.create_vehicle(demo_db, advisor, data, confirm_duplicate=True)
        assert err.value.code == code and err.value.params["vehicle_id"] == demo.id
    same_engine = VehicleIn(customer_id=owner.id, vin=VIN, engine_no=demo.engine_no)
    with pytest.raises(ValidationError) as err:
        crm.create_vehicle(demo_db, advisor, same_engine)
    assert err.value.code == "vehicle.duplicate" and err.value.params["vehicle_id"] == demo.id
    assert crm.create_vehicle(demo_db, advisor, same_engine, confirm_duplicate=True).label == VIN


def test_change_owner_keeps_the_history(demo_db, advisor):
    first = new_customer(demo_db, advisor)
    second = new_customer(demo_db, advisor, name="孙丽", mobile="13988887777")
    car = crm.create_vehicle(demo_db, advisor, VehicleIn(
        customer_id=first.id, vin=VIN, plate="京AZ9Z93", purchase_date=date(2025, 6, 1)))
    with pytest.raises(ValidationError) as err:
        crm.change_owner(demo_db, advisor, car.id, second.id, date(2025, 5, 1))
    assert err.value.code == "vehicle.owner_date"
    with pytest.raises(ValidationError) as err:
        crm.change_owner(demo_db, advisor, car.id, first.id, date(2026, 2, 1))
    assert err.value.code == "vehicle.same_owner"
    crm.change_owner(demo_db, advisor, car.id, second.id, date(2026, 2, 1))
    old, new = (crm.customer_file(demo_db, advisor, c.id) for c in (first, second))
    [was], [now] = old.vehicles, new.vehicles
    assert (was.current, now.current, now.fields["plate"]) == (False, True, "京AZ9Z93")
    assert [(o.customer_id, o.from_date, o.to_date) for o in now.owners] == [
        (first.id, date(2025, 6, 1), date(2026, 2, 1)), (second.id, date(2026, 2, 1), None)]
    with demo_db.reading() as s:
        assert s.get(Vehicle, car.id).customer_id == second.id
        assert s.scalars(select(AuditLog).where(AuditLog.entity == "vehicle",
                                                AuditLog.action == "change_owner")).one()


def test_customer_file_shows_the_membership_and_points(demo_db, advisor):
    owner = new_customer(demo_db, advisor, birthday=date(1985, 4, 2))
    file = crm.customer_file(demo_db, advisor, owner.id)
    assert file.membership is None and file.vehicles == ()
    assert (file.fields["name"], file.fields["birthday"]) == ("赵立新", date(1985, 4, 2))
    membership.join(demo_db, advisor, owner.id, "platinum", "VIP-0001")
    card = crm.customer_file(demo_db, advisor, owner.id).membership
    assert (card.card_no, card.tier_code, card.status, card.points_balance) == (
        "VIP-0001", "platinum", "active", 0)
    assert (card.labour_discount_pct, card.material_discount_pct) == (D("5"), D("3"))
    assert [(e.kind, e.to_tier, e.fee) for e in card.events] == [("join", "platinum", D("300.00"))]
