"""The appointment book's reads (step 2): a day's bookings, the capacity of a run of days, the
maintenance packages a booking can start from, and the available stock of expected parts.

Capacity follows the rule of `dms.workshop.appointments.capacities`: the store's and each kind
of bay's hours against the live bookings' planned hours, for a run of days in three queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from dms import clock, permissions
from dms.models import (Appointment, Customer, LabourOperation, MaintenancePackage,
                        MaintenancePackageItem, Vehicle)
from dms.parts.catalogue import normalise_scan, search_parts
from dms.workshop.appointments import Capacity, _day_bounds, capacities


@dataclass(frozen=True)
class BookEntry:
    id: int
    version: int
    number: str
    booked_for: datetime
    vehicle_id: int
    plate: str | None
    customer_name: str
    contact_phone: str | None
    requested_work: str
    planned_hours: Decimal | None
    status: str  # booked, arrived, no_show, cancelled
    reminded_at: datetime | None
    mileage: int | None  # the car's last trusted reading: the arrival form starts from it
    trade: str | None  # the work's trade (None: booked before trades were recorded)


@dataclass(frozen=True)
class PackageOption:
    code: str
    name: str
    hours: Decimal  # standard hours of its labour items
    price: Decimal
    parts: tuple[tuple[str, Decimal], ...]  # (part code, qty)
    trade: str  # of its first labour item: the bays a booking from it is counted against


@dataclass(frozen=True)
class PartStock:
    code: str
    name: str
    available: Decimal  # on hand less reserved, every warehouse of the store


def day_book(db, actor, day: date) -> list[BookEntry]:
    """Every booking of `day` (local time), whatever its status, in time order."""
    start, end = _day_bounds(day)
    with db.reading() as s:
        permissions.require(s, actor, "appointment.read")
        rows = s.execute(
            select(Appointment, Vehicle.plate, Vehicle.mileage, Customer.name)
            .join(Vehicle, Vehicle.id == Appointment.vehicle_id)
            .join(Customer, Customer.id == Appointment.customer_id)
            .where(Appointment.store_id == actor.store_id,
                   Appointment.booked_for >= start, Appointment.booked_for < end)
            .order_by(Appointment.booked_for, Appointment.id))
        return [BookEntry(a.id, a.version, a.number, a.booked_for, a.vehicle_id, plate,
                          name, a.contact_phone, a.requested_work, a.planned_hours, a.status,
                          a.reminded_at, mileage, a.trade)
                for a, plate, mileage, name in rows]


def week_capacity(db, actor, first_day: date, days: int = 7) -> list[Capacity]:
    """Booked against capacity hours for `days` days from `first_day` (one row per day)."""
    with db.reading() as s:
        permissions.require(s, actor, "appointment.read")
        return capacities(s, actor.store_id, first_day, days)


def packages(db, actor) -> list[PackageOption]:
    """The store's maintenance packages, with the hours and parts a booking takes from them."""
    with db.reading() as s:
        permissions.require(s, actor, "appointment.read")
        found = list(s.scalars(select(MaintenancePackage).where(
            MaintenancePackage.store_id == actor.store_id).order_by(MaintenancePackage.code)))
        operations = {code: (hours, trade) for code, hours, trade in s.execute(
            select(LabourOperation.code, LabourOperation.standard_hours, LabourOperation.trade)
            .where(LabourOperation.store_id == actor.store_id))}
        items: dict[int, list[MaintenancePackageItem]] = {p.id: [] for p in found}
        for item in s.scalars(select(MaintenancePackageItem).where(
                MaintenancePackageItem.package_id.in_(items)).order_by(MaintenancePackageItem.id)):
            items[item.package_id].append(item)
        options = []
        for p in found:
            labour = [(operations.get(i.code, (Decimal("0"), "maintenance")), i.qty)
                      for i in items[p.id] if i.kind == "labour"]
            options.append(PackageOption(
                p.code, p.name, sum((hours * qty for (hours, _), qty in labour), Decimal("0")),
                p.price, tuple((i.code, i.qty) for i in items[p.id] if i.kind == "part"),
                labour[0][0][1] if labour else "maintenance"))
        return options


def part_stock(db, actor, codes: tuple[str, ...]) -> dict[str, PartStock | None]:
    """Available stock of each part code (None: no such active part in the store)."""
    found: dict[str, PartStock | None] = {}
    for code in codes:
        key = normalise_scan(code)
        hit = next((h for h in search_parts(db, actor, key, 0, 20) if h.code == key), None)
        found[code] = PartStock(hit.code, hit.name, hit.available) if hit else None
    return found


def today() -> date:
    return clock.now().astimezone().date()
