"""The advisor's desk services (dms.workshop.desk): a check-in with its package and insurance
block in one transaction, a package as one smart job, the catalogue by pinyin initials, the
proposed promise time."""

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.errors import NotFound, ValidationError
from dms.models import InsuranceClaim, LabourLine, PartLine, Vehicle, WorkOrder
from dms.workshop import desk
from dms.workshop.reception import CheckIn


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def vehicle(demo_db):
    with demo_db.reading() as s:
        return s.scalars(select(Vehicle).where(Vehicle.mileage > 1000).order_by(Vehicle.id)).first()


def _lines(db, wo_id):
    with db.reading() as s:
        labour = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo_id)
                           .order_by(LabourLine.seq)).all()
        parts = s.scalars(select(PartLine).where(PartLine.work_order_id == wo_id)).all()
        return ([(x.code, x.seq, x.net > 0) for x in labour],
                [(x.labour_line_id == labour[0].id, x.state) for x in parts])


def test_check_in_with_a_package_opens_the_order_with_its_jobs_and_parts(demo_db, advisor,
                                                                          vehicle):
    marks = ({"zone": "hood", "kind": "dent", "note": "", "view": "top", "x": 0.3, "y": 0.5},)
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 800, fuel_level=6,
                   complaint="做首保", damage_marks=marks, valuables="手机")
    result = desk.check_in(demo_db, advisor, data, package_code="fs")
    labour, parts = _lines(demo_db, result.id)
    assert [c for c, *_ in labour] == ["BY01", "BY02"] and all(p for *_, p in labour)
    assert len(parts) == 3 and all(tied for tied, _ in parts)  # the parts belong to the job
    assert {state for _, state in parts} <= {"reserved", "requested"}


def test_a_failing_package_leaves_no_order_behind(demo_db, advisor, vehicle):
    with demo_db.reading() as s:
        before = s.scalar(select(func.count(WorkOrder.id)))
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 1, fuel_level=4,
                   complaint="保养")
    with pytest.raises(NotFound):
        desk.check_in(demo_db, advisor, data, package_code="NOPE")
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(WorkOrder.id))) == before


def test_an_insurance_check_in_writes_the_claim_block(demo_db, advisor, vehicle):
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 5, fuel_level=2,
                   complaint="追尾，后保险杠破损", business_type="insurance")
    claim = desk.Claim("中国人保", "RDAA2026000123", "3200.00")
    result = desk.check_in(demo_db, advisor, data, claim=claim)
    with demo_db.reading() as s:
        row = s.scalars(select(InsuranceClaim).where(InsuranceClaim.work_order_id == result.id)).one()
        assert (row.insurer, row.report_no, row.assessed_amount) == (
            "中国人保", "RDAA2026000123", Decimal("3200.00"))
    bad = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 6, fuel_level=2,
                  complaint="x", business_type="repair")
    with pytest.raises(ValidationError) as err:
        desk.check_in(demo_db, advisor, bad, claim=claim)
    assert err.value.code == "estimate.not_insurance"


def test_add_package_is_one_smart_job_and_only_while_editable(demo_db, advisor, vehicle):
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 5, fuel_level=2,
                   complaint="保养")
    wo = desk.check_in(demo_db, advisor, data).id
    desk.add_package(demo_db, advisor, wo, "SS")
    labour, parts = _lines(demo_db, wo)
    assert [c for c, *_ in labour] == ["BY01", "BY03"] and len(parts) == 4


def test_catalogue_finds_by_code_name_and_pinyin_initials(demo_db, advisor):
    assert desk.initials("更换机油机滤") == "GHJYJL"
    by_initials = desk.catalogue(demo_db, advisor, "sb")
    assert by_initials[0].kind == "package" and by_initials[0].name == "首保"
    assert by_initials[0].hours > 0
    by_code = desk.catalogue(demo_db, advisor, "jx01")
    assert by_code[0].kind == "labour" and by_code[0].code == "JX01" and by_code[0].price > 0
    parts = [h for h in desk.catalogue(demo_db, advisor, "26300-35505") if h.kind == "part"]
    assert parts and parts[0].available is not None and parts[0].price > 0
    assert desk.catalogue(demo_db, advisor, "  ") == []


def test_promise_time_falls_in_the_shop_day_and_grows_with_the_load(demo_db, advisor):
    empty = desk.propose_promise(demo_db, advisor, Decimal("1.5"))
    assert empty > clock.now()
    assert desk.OPENS <= empty.time() <= desk.CLOSES and empty.minute in (0, 30)
    longer = desk.propose_promise(demo_db, advisor, Decimal("20"))
    assert longer > empty


def test_within_day_carries_over_the_night():
    start = datetime(2026, 3, 2, 17, 0).astimezone()
    assert desk._within_day(start, Decimal("2")) == datetime(2026, 3, 3, 9, 30).astimezone()
    assert desk._within_day(start, Decimal("0.2")) == datetime(2026, 3, 2, 17, 30).astimezone()


def test_order_header(demo_db, advisor, vehicle):
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 5, fuel_level=2,
                   complaint="保养")
    wo = desk.check_in(demo_db, advisor, data).id
    head = desk.order_header(demo_db, advisor, wo)
    assert head.number.startswith("WO") and head.state == "RECEIVED"
    assert head.vehicle_id == vehicle.id and head.customer_name
