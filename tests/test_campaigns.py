"""Step 1: campaigns and recalls imported from a VIN list, flagged at lookup and reception until
the campaign work is done on the car."""

from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from dms import clock
from dms.crm import campaigns as cp
from dms.crm.identifiers import make_vin
from dms.crm.lookup import campaign_flags
from dms.errors import Forbidden, ValidationError
from dms.models import AuditLog, Campaign, CampaignVehicle, Vehicle
from dms.workshop.reception import CheckIn, check_in, vehicle_history
from builders import login

NEW_VIN = make_vin("LBE", "FB41D", "T", "B", "654321")  # valid, not on file yet


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


@pytest.fixture
def care(demo_db):
    return login(demo_db, "care1")


@pytest.fixture
def cars(demo_db):
    with demo_db.reading() as s:
        return s.scalars(select(Vehicle).order_by(Vehicle.id).limit(3)).all()


def xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_reports_bad_vin_flags_the_rest_until_done(demo_db, care, advisor, cars, tmp_path):
    a, b, outside = cars
    spaced = f"{a.vin[:4].lower()} {a.vin[4:10]}-{a.vin[10:]}"  # as typed in a spreadsheet
    path = xlsx(tmp_path / "recall.xlsx", [("序号", "车架号", "备注"), (1, spaced, ""),
                                           (2, b.vin, ""), (3, "LBE12345", "坏"), (4, None, ""),
                                           (5, NEW_VIN, ""), (6, b.vin.lower(), "重复")])
    result = cp.import_campaign(demo_db, care, "R2026-07", "制动软管召回", "recall", path,
                                description="检查并更换前制动软管")
    assert (result.imported, result.matched, result.duplicates) == (3, 2, 1)
    assert [(i.row, i.value, i.errors) for i in result.invalid] == [(4, "LBE12345", ("vin.length",))]
    with demo_db.reading() as s:
        assert set(s.scalars(select(CampaignVehicle.vin))) == {a.vin, b.vin, NEW_VIN}
        entry = s.scalars(select(AuditLog).where(AuditLog.entity == "campaign")).one()
        assert entry.user_id == care.id and "LBE12345" in entry.data

    ids = [a.id, b.id, outside.id]
    assert campaign_flags(demo_db, advisor, ids) == {a.id: ("R2026-07",), b.id: ("R2026-07",)}
    [flag] = vehicle_history(demo_db, advisor, a.id).campaigns
    assert (flag.code, flag.kind, flag.description) == ("R2026-07", "recall", "检查并更换前制动软管")
    assert vehicle_history(demo_db, advisor, outside.id).campaigns == ()

    order = check_in(demo_db, advisor, CheckIn(vehicle_id=a.id, mileage=(a.mileage or 0) + 10,
                                               fuel_level=4, complaint="召回检查"))
    cp.complete_campaign_vehicle(demo_db, advisor, result.campaign_id, a.id, order.id)
    assert campaign_flags(demo_db, advisor, ids) == {b.id: ("R2026-07",)}
    assert vehicle_history(demo_db, advisor, a.id).campaigns == ()
    with pytest.raises(ValidationError) as err:
        cp.complete_campaign_vehicle(demo_db, advisor, result.campaign_id, a.id, order.id)
    assert err.value.code == "campaign.already_done"
    other = check_in(demo_db, advisor, CheckIn(vehicle_id=outside.id,
                                               mileage=(outside.mileage or 0) + 10,
                                               fuel_level=4, complaint="保养"))
    with pytest.raises(ValidationError) as err:  # not on the list
        cp.complete_campaign_vehicle(demo_db, advisor, result.campaign_id, outside.id, other.id)
    assert err.value.code == "campaign.vehicle_not_listed"
    [summary] = cp.campaigns(demo_db, care)
    assert (summary.code, summary.open, summary.done) == ("R2026-07", 2, 1)


def test_csv_without_header_and_a_car_entered_later_is_flagged(demo_db, care, advisor, cars, tmp_path):
    path = tmp_path / "campaign.csv"
    path.write_bytes(f"{cars[0].vin},空调免费检测\n{NEW_VIN},\nnot-a-vin\n".encode("gb18030"))
    result = cp.import_campaign(demo_db, care, "C01", "夏季空调检测", "campaign", path)
    assert (result.imported, result.matched, len(result.invalid)) == (2, 1, 1)
    assert result.invalid[0].row == 3
    with demo_db.transaction() as s:  # the car comes to the store after the import
        new = Vehicle(store_id=cars[0].store_id, customer_id=cars[0].customer_id, vin=NEW_VIN,
                      plate="京A9Z876", brand="北京现代")
        s.add(new)
        s.flush()
        new_id = new.id
    assert campaign_flags(demo_db, advisor, [new_id, cars[0].id]) == {
        new_id: ("C01",), cars[0].id: ("C01",)}
    assert [f.code for f in vehicle_history(demo_db, advisor, new_id).campaigns] == ["C01"]


def test_refusals_import_nothing(demo_db, care, advisor, cars, tmp_path):
    good = xlsx(tmp_path / "ok.xlsx", [("VIN",), (cars[0].vin,)])
    with pytest.raises(Forbidden):
        cp.import_campaign(demo_db, advisor, "X1", "x", "recall", good)
    with pytest.raises(ValidationError) as err:
        cp.import_campaign(demo_db, care, "X1", "x", "promo", good)
    assert err.value.code == "campaign.kind"
    bad = xlsx(tmp_path / "bad.xlsx", [("VIN",), ("123",)])
    with pytest.raises(ValidationError) as err:
        cp.import_campaign(demo_db, care, "X1", "x", "recall", bad)
    assert err.value.code == "campaign.no_vins"
    with pytest.raises(ValidationError) as err:
        cp.import_campaign(demo_db, care, "X1", "x", "recall", tmp_path / "list.txt")
    assert err.value.code == "campaign.file_type"
    cp.import_campaign(demo_db, care, "X1", "x", "recall", good)
    with pytest.raises(ValidationError) as err:
        cp.import_campaign(demo_db, care, "X1", "again", "recall", good)
    assert err.value.code == "campaign.code_exists"
    with demo_db.reading() as s:
        assert s.scalar(select(func.count(Campaign.id))) == 1
        assert s.scalar(select(func.count(CampaignVehicle.id))) == 1


def test_flags_only_while_the_campaign_runs(demo_db, care, advisor, cars, tmp_path):
    today = clock.now().astimezone().date()
    path = xlsx(tmp_path / "old.xlsx", [(cars[0].vin,)])
    cp.import_campaign(demo_db, care, "OLD", "过期活动", "campaign", path,
                       starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=1))
    cp.import_campaign(demo_db, care, "SOON", "未开始活动", "campaign", path,
                       starts_on=today + timedelta(days=1))
    assert campaign_flags(demo_db, advisor, [cars[0].id]) == {}
