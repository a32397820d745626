"""The advisor's lookup: one text finds customers and vehicles by plate, VIN, phone or name.

Every branch is an indexed prefix search (DESIGN §5: lists over paged queries, no scans):
plate and VIN suffixes are prefix searches on the reversed columns, so "A12345", the last six
of a VIN or the last four digits of a mobile need no LIKE '%…%'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import bindparam, select, union
from sqlalchemy.orm import Session

from dms.crm.campaigns import open_flags
from dms.crm.identifiers import normalise_phone, normalise_plate, normalise_vin
from dms.errors import NotFound
from dms.models import Customer, Membership, MembershipTier, Vehicle
from dms.models.crm import name_key
from dms.permissions import require

# Characters that are wildcards in LIKE or GLOB: never part of a plate, VIN, phone or name.
_WILDCARDS = re.compile(r"[%_*?\[\]\\]")


@dataclass(frozen=True)
class LookupRow:
    customer_id: int
    customer_code: str
    customer_name: str
    mobile: str | None
    vehicle_id: int | None
    plate: str | None
    vin: str | None
    brand: str | None
    series: str | None


@dataclass(frozen=True)
class VehicleSummary:
    id: int
    plate: str | None
    vin: str
    brand: str | None
    series: str | None
    model_year: int | None
    colour: str | None
    mileage: int | None


@dataclass(frozen=True)
class CustomerCard:
    id: int
    code: str
    name: str
    kind: str
    gender: str | None
    mobile: str | None
    home_phone: str | None
    office_phone: str | None
    address: str | None
    membership_tier: str | None
    notes: str | None
    vehicles: tuple[VehicleSummary, ...]


def _prefixes(text: str) -> dict[str, str]:
    """Which indexed columns to search, and the prefix for each, for what the user typed."""
    raw = _WILDCARDS.sub("", unicodedata.normalize("NFKC", text)).strip()
    if not raw:
        return {}
    found = {}
    plate = _WILDCARDS.sub("", normalise_plate(raw))
    if plate:
        found["plate"], found["plate_rev"] = plate, plate[::-1]
    vin = _WILDCARDS.sub("", normalise_vin(raw))
    if len(vin) >= 6 and vin.isascii() and vin.isalnum():
        found["vin_rev"] = vin[::-1]
    if re.fullmatch(r"\+?[\d\s-]{4,}", raw):
        digits = normalise_phone(raw)
        found["mobile"], found["mobile_rev"] = digits, digits[::-1]
    words = raw.split()
    if not raw.isascii() or all(w.isalpha() for w in words):  # "王", "john", "John Smith"
        found["name_key"] = name_key(raw)
    return found


_COLUMNS = (Customer.id.label("customer_id"), Customer.code.label("customer_code"),
            Customer.name.label("customer_name"), Customer.mobile.label("mobile"),
            Vehicle.id.label("vehicle_id"), Vehicle.plate.label("plate"), Vehicle.vin.label("vin"),
            Vehicle.brand.label("brand"), Vehicle.series.label("series"))
_BRANCHES = {"plate": Vehicle.plate, "plate_rev": Vehicle.plate_rev, "vin_rev": Vehicle.vin_rev,
             "mobile": Customer.mobile, "mobile_rev": Customer.mobile_rev,
             "name_key": Customer.name_key}
_VEHICLE_BRANCHES = ("plate", "plate_rev", "vin_rev")


def _page_statement(branches: tuple[str, ...], backend: str):
    """One indexed prefix search per branch, UNIONed, ordered and paged; all values are binds."""
    parts = []
    for name in branches:
        column, pattern = _BRANCHES[name], bindparam(name)
        # GLOB is case-sensitive, so SQLite can use the plain index; LIKE would need NOCASE.
        cond = column.op("GLOB")(pattern) if backend == "sqlite" else column.like(pattern)
        if name in _VEHICLE_BRANCHES:
            q = select(*_COLUMNS).join(Customer, Customer.id == Vehicle.customer_id).where(cond)
            owner = Vehicle
        else:
            q = select(*_COLUMNS).select_from(Customer).outerjoin(
                Vehicle, Vehicle.customer_id == Customer.id).where(cond)
            owner = Customer
        parts.append(q.where(owner.store_id == bindparam("store_id")))
    found = union(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    return (select(found).order_by(found.c.customer_name, found.c.customer_id,
                                   found.c.plate, found.c.vehicle_id)
            .limit(bindparam("limit")).offset(bindparam("offset")))


# The advisor's search runs on every key stroke: building and compiling the statement cost ten
# times what SQLite needs to answer it, so each shape is compiled once and then only executed.
_COMPILED: dict[tuple, tuple[str, tuple[str, ...] | None]] = {}


def _compiled(engine, branches: tuple[str, ...]):
    key = (engine.dialect.name, branches)
    if key not in _COMPILED:
        compiled = _page_statement(branches, engine.dialect.name).compile(dialect=engine.dialect)
        _COMPILED[key] = (compiled.string, tuple(compiled.positiontup) if compiled.positional else None)
    return _COMPILED[key]


def search(db, actor, text: str, offset: int = 0, limit: int = 50) -> list[LookupRow]:
    """One page of matches in the actor's store, ordered by customer name then plate; empty
    text finds nothing."""
    prefixes = _prefixes(text)
    if not prefixes:
        return []
    with db.reading() as session:
        require(session, actor, "lookup.search")
    wildcard = "*" if db.backend == "sqlite" else "%"
    values = {name: prefix + wildcard for name, prefix in prefixes.items()}
    values.update(store_id=actor.store_id, limit=limit, offset=offset)
    sql, order = _compiled(db.engine, tuple(prefixes))
    params = tuple(values[name] for name in order) if order is not None else values
    return [LookupRow(*row) for row in db.select_rows(sql, params)]


def _tier_name(session: Session, customer_id: int) -> str | None:
    return session.scalar(
        select(MembershipTier.name).join(Membership, Membership.tier_id == MembershipTier.id)
        .where(Membership.customer_id == customer_id, Membership.status == "active")
        .order_by(MembershipTier.level.desc()).limit(1))


def customer_card(db, actor, customer_id: int) -> CustomerCard:
    with db.reading() as session:
        require(session, actor, "customer.read")
        customer = session.get(Customer, customer_id)
        if customer is None or customer.store_id != actor.store_id:
            raise NotFound(what="Customer", key=customer_id)
        vehicles = session.scalars(select(Vehicle).where(Vehicle.customer_id == customer_id)
                                   .order_by(Vehicle.plate, Vehicle.id))
        return CustomerCard(
            id=customer.id, code=customer.code, name=customer.name, kind=customer.kind,
            gender=customer.gender, mobile=customer.mobile, home_phone=customer.home_phone,
            office_phone=customer.office_phone, address=customer.address,
            membership_tier=_tier_name(session, customer_id), notes=customer.notes,
            vehicles=tuple(VehicleSummary(id=v.id, plate=v.plate, vin=v.vin, brand=v.brand,
                                          series=v.series, model_year=v.model_year,
                                          colour=v.colour, mileage=v.mileage) for v in vehicles))


def campaign_flags(db, actor, vehicle_ids) -> dict[int, tuple[str, ...]]:
    """Codes of the open campaigns and recalls (recalls first) per vehicle of a lookup page;
    vehicles with none are left out, so `flags.get(vehicle_id, ())`."""
    ids = sorted({i for i in vehicle_ids if i is not None})
    if not ids:
        return {}
    with db.reading() as session:
        vins = dict(session.execute(select(Vehicle.id, Vehicle.vin).where(
            Vehicle.id.in_(ids), Vehicle.store_id == actor.store_id)).all())
        flags = open_flags(session, actor.store_id, vins.values())
        return {vid: tuple(f.code for f in flags[vin]) for vid, vin in vins.items() if vin in flags}
