"""PDI of new cars: the store's checklist, results, sign-off, failures fixed before the
hand-over, and the hand-over filing customer, vehicle and maintenance plan at once."""

import pytest
from sqlalchemy import func, select

from dms.crm.customers import CustomerIn
from dms.crm.maintenance import vehicle_plan
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import (AuditLog, Customer, MaintenancePlanItem, PdiInspection, PdiItem,
                        PdiTemplateItem, Vehicle, VehicleOwnership)
from dms.workshop import pdi as p

from builders import login

VIN = "LBEHDAFB9RY123457"  # a valid check digit, not in the demo
VIN2 = "LBEHDAFB0RY123458"


@pytest.fixture
def qc(demo_db):
    return login(demo_db, "qc1")


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            PdiInspection, PdiItem, PdiTemplateItem, Customer, Vehicle, VehicleOwnership,
            MaintenancePlanItem, AuditLog)), tuple(s.execute(select(
                PdiInspection.state, PdiInspection.version).order_by(PdiInspection.id)))


def signed_sheet(db, qc, failing=()):
    """A PDI of VIN with every item answered (those in `failing` failed) and signed."""
    started = p.start_pdi(db, qc, VIN.lower(), series="途胜L", colour="星光白", mileage=12)
    sheet = p.pdi_sheet(db, qc, started.id)
    p.record_results(db, qc, sheet.id, {
        i.id: ("fail", "左前门漆面划痕") if i.seq in failing else ("ok", None)
        for i in sheet.items})
    p.sign_off(db, qc, sheet.id)
    return p.pdi_sheet(db, qc, sheet.id)


def test_the_whole_pdi_to_the_customers_file_and_maintenance_plan(demo_db, qc, advisor):
    sheet = signed_sheet(demo_db, qc, failing=(1,))
    assert sheet.number.startswith("PDI") and sheet.vin == VIN and sheet.brand
    assert (sheet.state, sheet.inspector, sheet.failures) == ("signed", qc.display_name, 1)
    assert [i.section for i in sheet.items[:1]] == ["exterior"]
    assert len(sheet.items) == len(p.DEFAULT_TEMPLATE)
    buyer = CustomerIn(name="林晓", mobile="13912345678")
    before = counts(demo_db)
    with pytest.raises(ValidationError) as failing:
        p.hand_over(demo_db, advisor, sheet.id, plate="京A·D8866", customer=buyer)
    assert failing.value.code == "pdi.failures_open" and "漆面" in failing.value.text()
    assert counts(demo_db) == before
    tech = login(demo_db, "tech2")
    failed = sheet.items[0].id
    p.fix_item(demo_db, tech, sheet.id, failed, "抛光处理")
    with pytest.raises(ValidationError) as again:
        p.fix_item(demo_db, tech, sheet.id, failed, "再抛光")
    assert again.value.code == "pdi.not_failed"
    fixed = p.pdi_sheet(demo_db, qc, sheet.id).items[0]
    assert (fixed.result, fixed.fixed_by, fixed.note) == ("fixed", tech.display_name,
                                                          "左前门漆面划痕 → 抛光处理")
    done = p.hand_over(demo_db, advisor, sheet.id, plate="京A·D8866", customer=buyer,
                       selling_dealer="本店")
    assert done.changed.state == "handed_over"
    with demo_db.reading() as s:
        car = s.get(Vehicle, done.vehicle_id)
        assert (car.vin, car.plate, car.customer_id, car.series, car.colour,
                car.purchase_mileage) == (VIN, "京AD8866", done.customer_id, "途胜L", "星光白", 12)
        assert s.get(Customer, done.customer_id).name == "林晓"
    plan = vehicle_plan(demo_db, advisor, done.vehicle_id)
    assert plan and plan[0].due_mileage > 12  # 首保 ahead of the new car
    final = p.pdi_sheet(demo_db, qc, sheet.id)
    assert (final.state, final.vehicle_id, final.customer_id) == (
        "handed_over", done.vehicle_id, done.customer_id)
    with pytest.raises(ValidationError) as twice:
        p.hand_over(demo_db, advisor, sheet.id, customer_id=done.customer_id)
    assert twice.value.code == "pdi.handed_over"
    with pytest.raises(ValidationError) as on_file:
        p.start_pdi(demo_db, qc, VIN)
    assert on_file.value.code == "pdi.vin_on_file"


def test_hand_over_to_an_existing_customer_and_a_refusal_rolls_everything_back(demo_db, qc,
                                                                              advisor):
    sheet = signed_sheet(demo_db, qc)
    with demo_db.reading() as s:
        existing = s.scalars(select(Customer).order_by(Customer.id)).first()
        taken_plate = s.scalar(select(Vehicle.plate).where(Vehicle.plate.is_not(None)))
    before = counts(demo_db)
    # The new customer would be filed, then the taken plate refuses the vehicle: neither stays.
    with pytest.raises(ValidationError) as plate:
        p.hand_over(demo_db, advisor, sheet.id, plate=taken_plate,
                    customer=CustomerIn(name="新客户", mobile="13700001111"))
    assert plate.value.code == "vehicle.plate_taken"
    assert counts(demo_db) == before
    done = p.hand_over(demo_db, advisor, sheet.id, customer_id=existing.id)
    with demo_db.reading() as s:
        assert s.get(Vehicle, done.vehicle_id).customer_id == existing.id
        assert s.get(Vehicle, done.vehicle_id).plate is None  # before registration


def test_sign_off_needs_every_item_and_results_lock_after_it(demo_db, qc, advisor):
    started = p.start_pdi(demo_db, qc, VIN)
    sheet = p.pdi_sheet(demo_db, qc, started.id)
    with pytest.raises(ValidationError) as unsigned:
        p.hand_over(demo_db, advisor, sheet.id, customer=CustomerIn(name="林晓"))
    assert unsigned.value.code == "pdi.not_signed"
    first = sheet.items[0].id
    p.record_results(demo_db, qc, sheet.id, {first: ("ok", None)})
    with pytest.raises(ValidationError) as unchecked:
        p.sign_off(demo_db, qc, sheet.id)
    assert unchecked.value.code == "pdi.unchecked"
    assert unchecked.value.params["count"] == len(sheet.items) - 1
    p.record_results(demo_db, qc, sheet.id, {i.id: ("ok", None) for i in sheet.items[1:]})
    p.sign_off(demo_db, qc, sheet.id)
    with pytest.raises(ValidationError) as locked:
        p.record_results(demo_db, qc, sheet.id, {first: ("fail", "x")})
    assert locked.value.code == "pdi.signed"


@pytest.mark.parametrize("call, code", [
    (lambda db, u, sid, item, admin: p.start_pdi(db, u, VIN[:-1]), "vehicle.vin_invalid"),
    (lambda db, u, sid, item, admin: p.start_pdi(db, u, VIN), "pdi.exists"),
    (lambda db, u, sid, item, admin: p.start_pdi(db, u, VIN2, mileage="-5"), "pdi.mileage"),
    (lambda db, u, sid, item, admin: p.start_pdi(db, u, VIN2, colour="x" * 21),
     "text.too_long"),
    (lambda db, u, sid, item, admin: p.record_results(db, u, sid, {item: ("fail", "  ")}),
     "pdi.fail_note"),
    (lambda db, u, sid, item, admin: p.record_results(db, u, sid, {item: ("maybe", None)}),
     "pdi.result"),
    (lambda db, u, sid, item, admin: p.record_results(db, u, sid, {}), "pdi.nothing"),
    (lambda db, u, sid, item, admin: p.fix_item(db, u, sid, item, "修好"), "pdi.not_failed"),
    (lambda db, u, sid, item, admin: p.fix_item(db, u, sid, item, ""), "pdi.fix_note"),
    (lambda db, u, sid, item, admin: p.set_pdi_template(db, admin, []),
     "pdi.template_empty"),
    (lambda db, u, sid, item, admin: p.set_pdi_template(db, admin, [("roof", "天窗")]),
     "pdi.section"),
    (lambda db, u, sid, item, admin: p.set_pdi_template(db, admin,
                                                 [("interior", "天窗"), ("exterior", "天窗")]),
     "pdi.item_twice"),
])
def test_bad_input_is_refused_and_changes_nothing(demo_db, qc, call, code):
    started = p.start_pdi(demo_db, qc, VIN)
    item = p.pdi_sheet(demo_db, qc, started.id).items[0].id
    admin = login(demo_db, "admin")
    before = counts(demo_db)
    with pytest.raises(ValidationError) as refused:
        call(demo_db, qc, started.id, item, admin)
    assert refused.value.code == code
    assert counts(demo_db) == before


def test_roles(demo_db, qc, advisor):
    others = {who: login(demo_db, who) for who in ("tech2", "cashier1")}
    before = counts(demo_db)
    for who in (advisor, *others.values()):
        with pytest.raises(Forbidden):
            p.start_pdi(demo_db, who, VIN)
    with pytest.raises(Forbidden):
        p.pdi_list(demo_db, others["cashier1"])
    with pytest.raises(Forbidden):
        p.set_pdi_template(demo_db, qc, [("exterior", "漆面")])
    assert counts(demo_db) == before
    sheet = signed_sheet(demo_db, qc)
    with pytest.raises(Forbidden):
        p.hand_over(demo_db, qc, sheet.id, customer=CustomerIn(name="林晓"))
    with pytest.raises(NotFound):
        p.pdi_sheet(demo_db, qc, 999_999)


def test_the_managers_template_is_what_the_next_inspection_checks(demo_db, qc):
    admin = login(demo_db, "admin")
    template = p.set_pdi_template(demo_db, admin, [("exterior", "漆面"), ("engine", "机油液位"),
                                                   ("road", "路试")])
    assert [(i.seq, i.section, i.name) for i in template] == [
        (1, "exterior", "漆面"), (2, "engine", "机油液位"), (3, "road", "路试")]
    started = p.start_pdi(demo_db, qc, VIN)
    assert [i.name for i in p.pdi_sheet(demo_db, qc, started.id).items] == ["漆面", "机油液位",
                                                                             "路试"]
    p.set_pdi_template(demo_db, admin, [("interior", "座椅")])
    assert len(p.pdi_sheet(demo_db, qc, started.id).items) == 3  # started sheets keep theirs
    [row] = p.pdi_list(demo_db, qc, VIN[-6:])
    assert (row.items, row.checked, row.failures, row.state) == (3, 0, 0, "open")
