"""The demo content (`dms.demo.data.build`): deterministic, complete and internally consistent."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from dms.crm.identifiers import WMI, check_plate, check_vin, is_mobile
from dms.demo import data

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo():
    return data.build(2026, today=TODAY)


def ean13_ok(code: str) -> bool:
    if len(code) != 13 or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code))
    return total % 10 == 0


def id_number_ok(number: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return len(number) == 18 and number[17] == "10X98765432"[total % 11]


# ------------------------------------------------------------------------------ determinism

def test_same_seed_same_content(demo):
    assert data.build(2026, today=TODAY) == demo


def test_other_seed_other_content(demo):
    other = data.build(7, today=TODAY)
    assert other["customers"] != demo["customers"]
    assert other["vehicles"] != demo["vehicles"]
    assert other["parts"] != demo["parts"]


def test_default_today_comes_from_the_clock(monkeypatch):
    fixed = datetime(2026, 3, 1, 4, 0, tzinfo=timezone.utc)
    monkeypatch.setattr("dms.clock.now", lambda: fixed)
    assert data.build() == data.build(today=fixed.astimezone().date())


def test_mutating_the_result_does_not_leak_into_the_next_build(demo):
    first = data.build(2026, today=TODAY)
    first["maintenance_packages"][0]["items"].clear()
    first["price_classes"][0]["hourly_rate"] = "0.00"
    assert data.build(2026, today=TODAY) == demo


# ----------------------------------------------------------------------------- shape, counts

def test_counts(demo):
    assert len(demo["customers"]) == 300
    assert len(demo["vehicles"]) == 350
    assert len(demo["parts"]) == 800
    assert len(demo["bays"]) == 6
    assert Counter(b["kind"] for b in demo["bays"]) == {
        "maintenance": 2, "mechanical": 2, "body": 1, "paint": 1,
    }  # fmt: skip
    assert 25 <= len(demo["labour_operations"]) <= 40
    tiers = {t["code"] for t in demo["membership_tiers"]}
    assert tiers == {"general", "platinum", "diamond", "vip"}
    assert [t["level"] for t in demo["membership_tiers"]] == [0, 1, 2, 3]
    assert demo["store"]["code"] == "BJ01"
    assert demo["store"]["name"] == "北京京华现代汽车4S店"


def test_users_per_role(demo):
    users = demo["users"]
    roles = Counter(role for u in users for role in u["roles"])
    assert roles == {
        "advisor": 3, "dispatcher": 1, "technician": 8, "team_lead": 2, "qc_inspector": 1,
        "warehouse_clerk": 1, "cashier": 1, "customer_care": 1, "manager": 1,
    }  # fmt: skip
    names = [u["username"] for u in users]
    assert len(set(names)) == len(names)
    assert {"advisor1", "advisor2", "advisor3"} <= set(names)
    admin = next(u for u in users if u["username"] == "admin")
    assert admin["roles"] == ["manager"] and admin["password"] == "admin123"
    assert all(u["password"] == "demo123" for u in users if u["username"] != "admin")
    assert all(u["display_name"] for u in users)

    technicians = [u for u in users if "technician" in u["roles"]]
    teams = Counter(u["team"] for u in technicians)
    assert teams == {"机修一组": 4, "机修二组": 4}
    for team in teams:
        members = [u for u in technicians if u["team"] == team]
        assert "team_lead" in members[0]["roles"]
        assert all("team_lead" not in u["roles"] for u in members[1:])
    assert all(u["team"] is None for u in users if "technician" not in u["roles"])


def test_reference_codes_resolve(demo):
    classes = {c["code"] for c in demo["price_classes"]}
    assert classes == {"A", "B", "C"}
    assert all(op["price_class"] in classes for op in demo["labour_operations"])
    assert {op["trade"] for op in demo["labour_operations"]} == {
        "maintenance", "mechanical", "electrical", "body", "paint",
    }  # fmt: skip
    labour = {op["code"] for op in demo["labour_operations"]}
    part_codes = {p["code"] for p in demo["parts"]}
    for package in demo["maintenance_packages"]:
        assert package["items"]
        for item in package["items"]:
            assert item["code"] in (labour if item["kind"] == "labour" else part_codes)
            assert Decimal(item["qty"]) > 0
    packages = {p["code"]: p for p in demo["maintenance_packages"]}
    assert (packages["FS"]["interval_km"], packages["FS"]["interval_months"]) == (5000, 6)
    assert (packages["SS"]["interval_km"], packages["SS"]["interval_months"]) == (10000, 12)


def test_money_values_are_two_decimal_strings(demo):
    amounts = [c["hourly_rate"] for c in demo["price_classes"]]
    amounts += [t["fee"] for t in demo["membership_tiers"]]
    amounts += [p["price"] for p in demo["maintenance_packages"]]
    amounts += [p[k] for p in demo["parts"] for k in ("cost", "sale_price")]
    for amount in amounts:
        assert isinstance(amount, str)
        assert Decimal(amount) == Decimal(amount).quantize(Decimal("0.01"))
        assert amount.count(".") == 1 and len(amount.split(".")[1]) == 2


# -------------------------------------------------------------------------------- customers

def test_customers(demo):
    customers = demo["customers"]
    assert [c["code"] for c in customers] == [f"C{n:06d}" for n in range(1, 301)]
    mobiles = [c["mobile"] for c in customers]
    assert all(is_mobile(m) and len(m) == 11 and m.isdigit() for m in mobiles)
    assert len(set(mobiles)) == len(mobiles)

    companies = [c for c in customers if c["kind"] == "company"]
    assert 15 <= len(companies) <= 35
    for c in companies:
        assert c["gender"] is None and c["name"].endswith("有限公司")
    for c in customers:
        assert c["kind"] in ("person", "company")
        assert c["address"].startswith("北京市")
        assert len(c["postcode"]) == 6 and c["postcode"].isdigit()
        assert c["membership_tier"] in (None, "general", "platinum", "diamond", "vip")
        for phone in (c["home_phone"], c["office_phone"]):
            assert phone is None or (phone.startswith("010-") and len(phone) == 12)

    people = [c for c in customers if c["kind"] == "person"]
    assert {c["gender"] for c in people} == {"M", "F"}
    with_id = [c for c in people if c["id_number"]]
    assert len(with_id) > 100
    for c in with_id:
        assert id_number_ok(c["id_number"])
        assert c["id_number"][6:14] == f"{c['birthday']:%Y%m%d}"
        assert int(c["id_number"][16]) % 2 == (1 if c["gender"] == "M" else 0)
    for c in people:
        if c["birthday"]:
            assert 18 <= (TODAY - c["birthday"]).days // 365 <= 80
        if c["email"]:
            assert c["email"].count("@") == 1

    tiers = Counter(c["membership_tier"] for c in customers)
    assert tiers["general"] + tiers[None] > tiers["platinum"] > tiers["vip"] > 0


# --------------------------------------------------------------------------------- vehicles

def test_vehicles_belong_to_customers(demo):
    owners = Counter(v["customer"] for v in demo["vehicles"])
    assert set(owners) == set(range(300))
    assert max(owners.values()) <= 3
    assert any(n >= 2 for n in owners.values())


def test_every_vin_is_valid_and_unique(demo):
    vins = [v["vin"] for v in demo["vehicles"]]
    assert len(set(vins)) == len(vins)
    for v in demo["vehicles"]:
        result = check_vin(v["vin"], current_year=TODAY.year)
        assert result.errors == () and result.warnings == (), v["vin"]
        assert result.model_years[0] == v["model_year"]
        assert v["vin"][:3] in WMI
    assert Counter(v["vin"][:3] for v in demo["vehicles"]).most_common(1)[0][0] == "LBE"
    assert all(v["vin"].startswith("LBE") == (v["brand"] == "北京现代") for v in demo["vehicles"])


def test_every_plate_is_valid_and_unique(demo):
    plates = [v["plate"] for v in demo["vehicles"]]
    assert len(set(plates)) == len(plates)
    checks = [check_plate(p) for p in plates]
    assert all(c.is_valid and c.plate == p for c, p in zip(checks, plates))
    kinds = Counter(c.kind for c in checks)
    assert 0.10 <= (kinds["new_energy_small"] + kinds["new_energy_large"]) / len(plates) <= 0.25
    assert kinds["new_energy_large"] >= 1
    assert Counter(p[0] for p in plates)["京"] / len(plates) > 0.85
    assert len({p[0] for p in plates}) > 1
    for v, c in zip(demo["vehicles"], checks):
        if v["fuel_type"] == "electric":
            assert c.kind != "regular" and c.pure_electric is True
        if c.kind != "regular":
            assert v["fuel_type"] in ("electric", "hybrid")


def test_vehicle_dates_and_mileage(demo):
    for v in demo["vehicles"]:
        assert v["production_date"] <= v["purchase_date"] <= TODAY
        assert v["production_date"].year in (v["model_year"] - 1, v["model_year"])
        assert v["mileage"] >= v["purchase_mileage"] >= 0
        assert v["fuel_type"] in ("gasoline", "hybrid", "electric")
        assert v["usage"] in ("private", "company", "taxi", "ride_hailing")
        assert (v["displacement"] is None) == (v["fuel_type"] == "electric")
        assert len(v["plate"]) <= 12 and len(v["model_code"]) <= 40
    expiries = [v["insurance_expiry"] for v in demo["vehicles"] if v["insurance_expiry"]]
    coming = [e for e in expiries if TODAY < e <= TODAY + timedelta(days=366)]
    assert len(coming) > len(expiries) * 0.7
    assert any(e <= TODAY for e in expiries)
    months = {(e.year, e.month) for e in coming}
    assert len(months) >= 11  # spread over the year, not bunched
    for v in demo["vehicles"]:
        assert (v["insurer"] is None) == (v["policy_no"] is None) == (v["insurance_expiry"] is None)


# ------------------------------------------------------------------------------------ parts

def test_parts_codes_barcodes_prices(demo):
    parts = demo["parts"]
    codes = [p["code"] for p in parts]
    assert len(set(codes)) == len(codes)
    barcodes = [p["barcode"] for p in parts]
    assert len(set(barcodes)) == len(barcodes)
    assert all(ean13_ok(b) for b in barcodes)
    assert len({p["name"] for p in parts}) == len(parts)
    for p in parts:
        assert Decimal(p["sale_price"]) > Decimal(p["cost"]) > 0
        assert isinstance(p["genuine"], bool)
        assert p["unit"] in ("个", "套", "瓶", "升", "只", "片")
        assert isinstance(p["qty"], int) and p["qty"] >= 0
        assert isinstance(p["reorder_threshold"], int) and p["reorder_threshold"] >= 0
        assert len(p["name"]) <= 100 and len(p["fits_models"]) <= 200
    assert any(p["genuine"] for p in parts) and not all(p["genuine"] for p in parts)


def test_parts_stock_and_bins(demo):
    parts = demo["parts"]
    bins = {(b["warehouse"], b["code"]) for b in demo["bins"]}
    warehouses = {w["code"] for w in demo["warehouses"]}
    assert warehouses == {"WH1", "WH2"}
    assert all((p["warehouse"], p["bin"]) in bins for p in parts)
    assert all(p["warehouse"] in warehouses for p in parts)
    assert {p["warehouse"] for p in parts} == warehouses
    assert any(p["qty"] == 0 for p in parts)
    assert any(0 < p["qty"] < p["reorder_threshold"] for p in parts)


def test_ean13_helper_matches_known_barcode():
    from dms.demo.parts import ean13

    assert ean13("690123456789") == "6901234567892"
    assert ean13("400638133393") == "4006381333931"  # the GS1 worked example
