"""Customer and vehicle files (客户档案, 车辆档案), owner changes, and the customer file read.

Refused: a VIN with errors, an invalid plate, a mobile that is not 11 digits starting with 1, a
VIN already on file (unique across the database), a plate already on file in this store.
Warnings the advisor confirms: a VIN whose check digit (or year code) does not add up
(`confirm_vin_warning=True`, recorded in vin_warning_overridden_by_id/_at); a probable duplicate
(`confirm_duplicate=True`): a customer with the same mobile or ID number, a vehicle with the same
engine number here or the same plate in another store. The ValidationError ("customer.duplicate"
/ "vehicle.duplicate") names the existing record.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, func, select

from dms import audit, clock, validators
from dms.crm import maintenance
from dms.crm.identifiers import check_plate, check_vin, is_mobile, normalise_phone
from dms.crm.membership import MembershipView, membership_view
from dms.errors import NotFound, ValidationError
from dms.models import Customer, InsurancePolicy, Vehicle, VehicleOwnership
from dms.numbering import next_value
from dms.permissions import require

KINDS, GENDERS = ("person", "company"), ("M", "F")


@dataclass(frozen=True)
class CustomerIn:
    name: str
    mobile: str | None = None
    kind: str = "person"
    gender: str | None = None
    home_phone: str | None = None
    office_phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    employer: str | None = None
    title: str | None = None
    id_number: str | None = None
    birthday: date | None = None
    email: str | None = None
    notes: str | None = None
    code: str | None = None  # None: the next C000123


@dataclass(frozen=True)
class VehicleIn:
    customer_id: int
    vin: str
    plate: str | None = None  # None before registration
    brand: str | None = None  # None: the manufacturer of the VIN's WMI
    series: str | None = None
    model_code: str | None = None
    model_year: int | None = None  # None: from VIN position 10
    engine_no: str | None = None
    engine_model: str | None = None
    transmission: str | None = None
    key_no: str | None = None
    displacement: str | None = None
    colour: str | None = None
    fuel_type: str | None = None
    production_date: date | None = None
    purchase_date: date | None = None
    purchase_mileage: int | None = None
    selling_dealer: str | None = None
    usage: str | None = None
    mileage: int | None = None  # today's odometer when a used car is filed
    insurer: str | None = None
    policy_no: str | None = None
    insurance_expiry: date | None = None


_INSURANCE = ("insurer", "policy_no", "insurance_expiry")
_VEHICLE_FIELDS = tuple(f.name for f in dataclasses.fields(VehicleIn)
                        if f.name not in _INSURANCE) + ("mileage_on",)

@dataclass(frozen=True)
class Saved:
    entity: str  # customer | vehicle
    id: int
    label: str  # customer code, or the plate (else VIN) of a vehicle
    warnings: tuple[str, ...] = ()  # VIN warnings the advisor overrode


@dataclass(frozen=True)
class Owner:
    customer_id: int
    name: str
    from_date: date
    to_date: date | None


@dataclass(frozen=True)
class VehicleFile:
    id: int
    fields: dict  # plate, vin, brand… every vehicle field of VehicleIn, and mileage_on
    current: bool  # False: the customer owned it before
    owners: tuple[Owner, ...]


@dataclass(frozen=True)
class CustomerFile:
    id: int
    fields: dict  # every field of CustomerIn: code, name, mobile…
    vehicles: tuple[VehicleFile, ...]
    membership: MembershipView | None


def _today() -> date:
    return clock.now().astimezone().date()


def _get(s, actor, model, key: int, what: str):
    row = s.get(model, key)
    if row is None or row.store_id != actor.store_id:
        raise NotFound(what=what, key=key)
    return row


def _text(value):
    return value.strip() or None if isinstance(value, str) else value


def clean_customer(data: CustomerIn) -> dict:
    values = {k: _text(v) for k, v in dataclasses.asdict(data).items()}
    if not values["name"]:
        raise ValidationError("customer.name", "Enter the customer's name.")
    if values["kind"] not in KINDS or values["gender"] not in (None, *GENDERS):
        raise ValidationError("customer.kind", "A person or a company; gender M or F.")
    if values["mobile"] and not is_mobile(values["mobile"]):
        raise ValidationError("customer.mobile", "{mobile} is not a mobile number.",
                              mobile=values["mobile"])
    values["mobile"] = normalise_phone(values["mobile"]) if values["mobile"] else None
    if values["postcode"] and not (values["postcode"].isdigit() and len(values["postcode"]) == 6):
        raise ValidationError("customer.postcode", "A postcode is six digits.")
    if values["email"] and "@" not in values["email"]:
        raise ValidationError("customer.email", "{email} is not an e-mail address.",
                              email=values["email"])
    values["id_number"] = values["id_number"].upper() if values["id_number"] else None
    return validators.column_texts(values, Customer)


def _duplicate_customer(s, store_id: int, values: dict, exclude: int | None) -> None:
    for column in (c for c in ("mobile", "id_number") if values[c]):
        found = s.scalars(select(Customer).where(
            Customer.store_id == store_id, getattr(Customer, column) == values[column],
            Customer.id != (exclude or 0)).order_by(Customer.id)).first()
        if found is not None:
            raise ValidationError("customer.duplicate", "Customer {customer_code} {name} has "
                                  "the same {field}.", customer_id=found.id,
                                  customer_code=found.code, name=found.name, field=column)


def _next_code(s, store_id: int) -> str:
    """C + six digits after the highest such code (the demo and imports file their own)."""
    next_value(s, store_id, "customer", 0)  # its row lock queues concurrent seats here
    top = s.scalar(select(func.max(Customer.code)).where(
        Customer.store_id == store_id, Customer.code.like("C%"), func.length(Customer.code) == 7))
    return f"C{int(top[1:]) + 1 if top and top[1:].isdigit() else 1:06d}"


def create_customer(db, actor, data: CustomerIn, confirm_duplicate: bool = False) -> Saved:
    values = clean_customer(data)
    with db.transaction() as s:
        require(s, actor, "customer.edit")
        return add_customer(s, actor, values, confirm_duplicate)


def add_customer(s, actor, values: dict, confirm_duplicate: bool = False) -> Saved:
    """File a customer inside the caller's transaction (`values`: `clean_customer`'s); the
    caller has checked the permission (a PDI hand-over files customer and car at once)."""
    if not confirm_duplicate:
        _duplicate_customer(s, actor.store_id, values, None)
    values["code"] = values["code"] or _next_code(s, actor.store_id)
    if s.scalar(select(Customer.id).where(Customer.store_id == actor.store_id,
                                          Customer.code == values["code"])):
        raise ValidationError("customer.code_taken", "Code {customer_code} is taken.",
                              customer_code=values["code"])
    customer = Customer(store_id=actor.store_id, **values)
    s.add(customer)
    s.flush()
    audit.record(s, actor, "customer", customer.id, "create", code=customer.code,
                 confirmed_duplicate=confirm_duplicate or None)
    return Saved("customer", customer.id, customer.code)


def update_customer(db, actor, customer_id: int, confirm_duplicate: bool = False,
                    **changes) -> Saved:
    """Change fields of CustomerIn (the code stays)."""
    editable = {f.name for f in dataclasses.fields(CustomerIn)} - {"code"}
    unknown = set(changes) - editable
    if unknown:
        raise ValidationError("customer.field", "Unknown field {field}.", field=sorted(unknown)[0])
    with db.transaction() as s:
        require(s, actor, "customer.edit")
        customer = _get(s, actor, Customer, customer_id, "Customer")
        current = {f.name: getattr(customer, f.name) for f in dataclasses.fields(CustomerIn)}
        values = clean_customer(CustomerIn(**(current | changes)))
        changed = {k: v for k, v in values.items() if v != current[k]}
        if not confirm_duplicate:
            _duplicate_customer(s, actor.store_id, {"mobile": changed.get("mobile"),
                                                    "id_number": changed.get("id_number")},
                                customer_id)
        for key, value in changed.items():
            setattr(customer, key, value)
        audit.record(s, actor, "customer", customer.id, "update", fields=sorted(changed))
        return Saved("customer", customer.id, customer.code)


def _check_vin(s, actor, data: VehicleIn, confirm: bool):
    result = check_vin(data.vin, current_year=_today().year)
    if result.errors:
        raise ValidationError("vehicle.vin_invalid", "{vin} is not a valid VIN ({errors}).",
                              vin=result.vin, errors=", ".join(result.errors))
    if result.warnings and not confirm:
        raise ValidationError("vehicle.vin_warning", "Check VIN {vin} ({warnings}; check digit "
                              "should be {expected}).", vin=result.vin, expected=
                              result.expected_check_digit, warnings=", ".join(result.warnings))
    taken = s.scalars(select(Vehicle).where(Vehicle.vin == result.vin)).first()
    if taken is not None:
        raise ValidationError("vehicle.vin_taken", "VIN {vin} is already on file ({plate}).", vin=
                              result.vin, vehicle_id=taken.id, plate=taken.plate or "-")
    return result


def _check_plate(s, actor, plate_text: str | None, engine_no: str | None,
                 confirm: bool) -> str | None:
    """The normalised plate; refused when taken here, a warning for the same plate in another
    store or the same engine number here."""
    plate = check_plate(plate_text) if _text(plate_text) else None
    if plate is not None and plate.errors:
        raise ValidationError("vehicle.plate_invalid", "{plate} is not a valid plate ({errors}).",
                              plate=plate.plate, errors=", ".join(plate.errors))
    same_plate = Vehicle.plate == plate.plate if plate else false()
    same_engine = ((Vehicle.engine_no == engine_no) & (Vehicle.store_id == actor.store_id)
                   if engine_no else false())
    for same in s.scalars(select(Vehicle).where(same_plate | same_engine).order_by(Vehicle.id)):
        if plate is not None and same.plate == plate.plate and same.store_id == actor.store_id:
            raise ValidationError("vehicle.plate_taken", "Plate {plate} is already on file.",
                                  plate=plate.plate, vehicle_id=same.id)
        if not confirm:
            raise ValidationError("vehicle.duplicate", "Vehicle {vin} ({plate}, engine "
                                  "{engine_no}) looks the same.", vehicle_id=same.id, vin=same.vin,
                                  plate=same.plate or "-", engine_no=same.engine_no or "-",
                                  store_id=same.store_id)
    return plate.plate if plate else None


def _model_year(years: tuple[int, ...], production: date | None) -> int | None:
    """The latest year the code can mean, or the one next to the production date."""
    near = [y for y in years if production and abs(y - production.year) <= 1]
    return (near or list(years) or [None])[0]


def create_vehicle(db, actor, data: VehicleIn, confirm_vin_warning: bool = False,
                   confirm_duplicate: bool = False) -> Saved:
    """File a vehicle for its owner, with its owner history and its maintenance plan."""
    values, insurance = vehicle_values(data)
    with db.transaction() as s:
        require(s, actor, "vehicle.edit")
        return add_vehicle(s, actor, data, values, insurance, confirm_vin_warning,
                           confirm_duplicate)


def vehicle_values(data: VehicleIn) -> tuple[dict, dict]:
    """The vehicle's columns and its insurance, checked (no database needed)."""
    values = {k: _text(v) for k, v in dataclasses.asdict(data).items()}
    for key in ("purchase_mileage", "mileage"):
        if values[key] is not None:
            values[key] = int(validators.number(values[key], "vehicle.mileage", key, places=0,
                                                maximum=validators.MAX_MILEAGE))
    insurance = {k: values.pop(k) for k in _INSURANCE}
    validators.column_texts(values, Vehicle)
    validators.column_texts(insurance, InsurancePolicy)
    return values, insurance


def add_vehicle(s, actor, data: VehicleIn, values: dict, insurance: dict,
                confirm_vin_warning: bool = False, confirm_duplicate: bool = False) -> Saved:
    """File a vehicle inside the caller's transaction (`values`, `insurance`: from
    `vehicle_values`); the caller has checked the permission."""
    owner = _get(s, actor, Customer, data.customer_id, "Customer")
    vin = _check_vin(s, actor, data, confirm_vin_warning)
    values["vin"] = vin.vin
    values["plate"] = _check_plate(s, actor, data.plate, values["engine_no"], confirm_duplicate)
    values["model_year"] = values["model_year"] or _model_year(vin.model_years,
                                                              data.production_date)
    values["brand"] = values["brand"] or (vin.manufacturer.zh if vin.manufacturer else None)
    today, read_today = _today(), values["mileage"] is not None  # else: the purchase reading
    values["mileage"] = values["mileage"] if read_today else values["purchase_mileage"]
    values["mileage_on"] = today if read_today else data.purchase_date
    vehicle = Vehicle(store_id=actor.store_id, **values)
    if vin.warnings:  # the advisor confirmed them
        vehicle.vin_warning_overridden_by_id, vehicle.vin_warning_overridden_at = (
            actor.id, clock.now())
    s.add(vehicle)
    s.flush()
    s.add(VehicleOwnership(vehicle_id=vehicle.id, customer_id=owner.id,
                           from_date=data.purchase_date or today))
    if insurance["insurer"] and insurance["insurance_expiry"]:
        s.add(InsurancePolicy(vehicle_id=vehicle.id, expiry_date=insurance.pop(
            "insurance_expiry"), **insurance))
    plan = maintenance.plan_vehicle(s, vehicle, today)
    audit.record(s, actor, "vehicle", vehicle.id, "create", vin=vehicle.vin,
                 plate=vehicle.plate, customer_id=owner.id, plan_items=len(plan),
                 vin_warnings=list(vin.warnings) or None,
                 confirmed_duplicate=confirm_duplicate or None)
    return Saved("vehicle", vehicle.id, vehicle.plate or vehicle.vin, vin.warnings)


# A vehicle's identity (VIN), owner (change_owner) and readings (check-in) change elsewhere.
_VEHICLE_EDITABLE = ("plate", "brand", "series", "model_code", "model_year", "engine_no",
                     "engine_model", "transmission", "key_no", "displacement", "colour",
                     "fuel_type", "usage", "selling_dealer")


def update_vehicle(db, actor, vehicle_id: int, confirm_duplicate: bool = False,
                   **changes) -> Saved:
    """Correct the vehicle's registration and description fields (plate rules as on create)."""
    unknown = set(changes) - set(_VEHICLE_EDITABLE)
    if unknown:
        raise ValidationError("vehicle.field", "Unknown field {field}.", field=sorted(unknown)[0])
    values = validators.column_texts({k: _text(v) for k, v in changes.items()}, Vehicle)
    with db.transaction() as s:
        require(s, actor, "vehicle.edit")
        vehicle = _get(s, actor, Vehicle, vehicle_id, "Vehicle")
        if "plate" in values and check_plate(values["plate"] or "").plate != vehicle.plate:
            values["plate"] = _check_plate(s, actor, values["plate"], None, confirm_duplicate)
        else:
            values.pop("plate", None)
        changed = {k: v for k, v in values.items() if v != getattr(vehicle, k)}
        for key, value in changed.items():
            setattr(vehicle, key, value)
        audit.record(s, actor, "vehicle", vehicle.id, "update", fields=sorted(changed))
        return Saved("vehicle", vehicle.id, vehicle.plate or vehicle.vin)


def change_owner(db, actor, vehicle_id: int, new_customer_id: int,
                 on_date: date | None = None) -> Saved:
    """The car changes hands on `on_date`: the old ownership ends, a new one starts."""
    on_date = on_date or _today()
    with db.transaction() as s:
        require(s, actor, "vehicle.edit")
        s.execute(select(Vehicle.id).where(Vehicle.id == vehicle_id).with_for_update())
        vehicle = _get(s, actor, Vehicle, vehicle_id, "Vehicle")
        new = _get(s, actor, Customer, new_customer_id, "Customer")
        if new.id == vehicle.customer_id:
            raise ValidationError("vehicle.same_owner", "{name} already owns the vehicle.",
                                  name=new.name)
        current = s.scalars(select(VehicleOwnership).where(
            VehicleOwnership.vehicle_id == vehicle.id, VehicleOwnership.to_date.is_(None))).all()
        for row in current:
            if on_date < row.from_date:
                raise ValidationError("vehicle.owner_date", "The current owner has had the car "
                                      "since {since}; the change cannot be earlier.",
                                      since=row.from_date)
            row.to_date = on_date
        previous, vehicle.customer_id = vehicle.customer_id, new.id
        s.add(VehicleOwnership(vehicle_id=vehicle.id, customer_id=new.id, from_date=on_date))
        audit.record(s, actor, "vehicle", vehicle.id, "change_owner", from_customer_id=previous,
                     to_customer_id=new.id, on_date=on_date)
        return Saved("vehicle", vehicle.id, vehicle.plate or vehicle.vin)


def customer_file(db, actor, customer_id: int) -> CustomerFile:
    """The customer with every vehicle owned now or before (with owner history), the current
    membership card, its events and its latest points entries."""
    with db.reading() as s:
        require(s, actor, "customer.read")
        customer = _get(s, actor, Customer, customer_id, "Customer")
        owned = select(VehicleOwnership.vehicle_id).where(
            VehicleOwnership.customer_id == customer_id)
        vehicles = s.scalars(select(Vehicle).where(
            (Vehicle.customer_id == customer_id) | Vehicle.id.in_(owned))
            .order_by(Vehicle.plate, Vehicle.id)).all()
        history: dict[int, list[Owner]] = {}
        for row, name in s.execute(
                select(VehicleOwnership, Customer.name)
                .join(Customer, Customer.id == VehicleOwnership.customer_id)
                .where(VehicleOwnership.vehicle_id.in_([v.id for v in vehicles]))
                .order_by(VehicleOwnership.from_date, VehicleOwnership.id)):
            history.setdefault(row.vehicle_id, []).append(
                Owner(row.customer_id, name, row.from_date, row.to_date))
        files = tuple(VehicleFile(v.id, {k: getattr(v, k) for k in _VEHICLE_FIELDS},
                                  v.customer_id == customer_id, tuple(history.get(v.id, ())))
                      for v in vehicles)
        fields = {f.name: getattr(customer, f.name) for f in dataclasses.fields(CustomerIn)}
        return CustomerFile(customer.id, fields, files,
                            membership_view(s, actor.store_id, customer_id))

