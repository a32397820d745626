"""Vehicle import: VIN and plate checked and normalised (DESIGN §8), owner by customer code,
optional insurance policy. A VIN check-digit warning refuses the row unless the override column
says yes; an accepted override is recorded on the vehicle like the advisor's."""

from __future__ import annotations

from datetime import date

from dms import clock
from dms.crm.identifiers import check_plate, check_vin
from dms.models import Customer, InsurancePolicy, Vehicle, VehicleOwnership
from dms.reports.imports.common import Kind, duplicates, in_database, lookup
from dms.reports.imports.customers import customer_code
from dms.reports.imports.sheet import CellError, Column, Text, day, flag, integer


def _year(value):
    year = integer(value)
    if year is not None and not 1980 <= year <= clock.now().year + 1:
        raise CellError("import.year", value=year)
    return year


COLUMNS = (
    Column("plate", "车牌号", "plate", Text(20), aliases=("车牌", "plate no", "licence plate")),
    Column("vin", "VIN", "vin", Text(40), required=True, aliases=("车架号", "车辆识别代号"), width=20),
    Column("owner", "客户编号", "customer code", customer_code, required=True,
           aliases=("车主编号", "owner code", "owner")),
    Column("brand", "品牌", "brand", Text(40)),
    Column("series", "车系", "series", Text(40)),
    Column("model_code", "车型代码", "model code", Text(40), aliases=("车型",)),
    Column("model_year", "年款", "model year", _year),
    Column("engine_no", "发动机号", "engine no", Text(40, upper=True), aliases=("engine number",)),
    Column("colour", "颜色", "colour", Text(20), aliases=("color",)),
    Column("fuel_type", "燃料", "fuel", Text(20), aliases=("燃料类型", "fuel type")),
    Column("purchase_date", "购车日期", "purchase date", day),
    Column("purchase_mileage", "购车里程", "purchase mileage", integer),
    Column("insurer", "保险公司", "insurer", Text(60)),
    Column("policy_no", "保单号", "policy no", Text(40), aliases=("policy number",)),
    Column("insurance_expiry", "保险到期", "insurance expiry", day, aliases=("保险到期日",)),
    Column("vin_override", "VIN校验确认", "vin override", flag, aliases=("vin confirmed",)),
)


def _identifiers(rows, errors) -> None:
    for row in rows:
        v = row.values
        if v.get("vin") is not None:
            vc = check_vin(v["vin"])
            v["vin"] = vc.vin
            if vc.errors:
                errors.add(row.number, "vin", vc.errors[0], value=vc.vin)
                row.bad.add("vin")
            elif vc.warnings and not v.get("vin_override"):
                errors.add(row.number, "vin", vc.warnings[0], value=vc.vin,
                           expected=vc.expected_check_digit)
                row.bad.add("vin")
            v["vin_overridden"] = bool(vc.warnings) and not vc.errors
        if v.get("plate") is not None:
            pc = check_plate(v["plate"])
            v["plate"] = pc.plate
            if pc.errors:
                errors.add(row.number, "plate", pc.errors[0], value=pc.plate)
                row.bad.add("plate")
        insurance = ("insurer", "policy_no", "insurance_expiry")
        if any(v.get(k) is not None for k in insurance):
            for k in ("insurer", "insurance_expiry"):
                if v.get(k) is None and k not in row.bad:
                    errors.add(row.number, k, "import.insurance_incomplete")


def check(s, actor, rows, errors) -> dict[str, int]:
    _identifiers(rows, errors)
    duplicates(rows, "vin", errors)
    duplicates(rows, "plate", errors)
    in_database(s, rows, "vin", errors, Vehicle.vin)  # unique across stores
    in_database(s, rows, "plate", errors, Vehicle.plate, Vehicle.store_id == actor.store_id)
    wanted = {r.values["owner"] for r in rows if r.values.get("owner")}
    owners = dict(lookup(s, (Customer.code, Customer.id), Customer.code, wanted,
                         Customer.store_id == actor.store_id))
    for row in rows:
        code = row.values.get("owner")
        if code and code not in owners:
            errors.add(row.number, "owner", "import.owner_unknown", value=code)
    return owners


_FIELDS = ("plate", "vin", "brand", "series", "model_code", "model_year", "engine_no", "colour",
           "fuel_type", "purchase_date", "purchase_mileage")


def write(s, actor, rows, owners) -> dict:
    now = clock.now()
    today = now.astimezone().date()
    vehicles, overridden = [], []
    for row in rows:
        v = row.values
        vehicle = Vehicle(store_id=actor.store_id, customer_id=owners[v["owner"]],
                          **{k: v.get(k) for k in _FIELDS})
        if v.get("vin_overridden"):
            vehicle.vin_warning_overridden_by_id = actor.id
            vehicle.vin_warning_overridden_at = now
            overridden.append(vehicle.vin)
        vehicles.append(vehicle)
    s.add_all(vehicles)
    s.flush()
    for row, vehicle in zip(rows, vehicles):
        v = row.values
        from_date: date = v.get("purchase_date") or today
        s.add(VehicleOwnership(vehicle_id=vehicle.id, customer_id=vehicle.customer_id,
                               from_date=from_date))
        if v.get("insurer"):
            s.add(InsurancePolicy(vehicle_id=vehicle.id, insurer=v["insurer"],
                                  policy_no=v.get("policy_no"), expiry_date=v["insurance_expiry"]))
    s.flush()
    return {"first_id": vehicles[0].id if vehicles else None,
            "last_id": vehicles[-1].id if vehicles else None, "vin_overrides": overridden}


KIND = Kind("vehicles", "车辆", "Vehicles", COLUMNS,
            check, write)
