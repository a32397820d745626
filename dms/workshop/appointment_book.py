"""The appointment book's reads (step 2): a day's bookings, the capacity of a run of days, the
maintenance packages a booking can start from, and the available stock of expected parts.

Capacity is store-wide, by the rule of `dms.workshop.appointments` (technicians and active bays
× WORKDAY_HOURS, live bookings' planned hours against it): an appointment records no trade or
bay, so a split by bay kind would be invented. `week_capacity` counts staff and bays once and
reads the run's bookings in one indexed range scan (store_id, booked_for), bucketed by the
local day, instead of three queries a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from dms import clock, permissions
from dms.models import (Appointment, Bay, Customer, LabourOperation, MaintenancePackage,
                        MaintenancePackageItem, User, UserRole, Vehicle)
from dms.parts.catalogue import normalise_scan, search_parts
from dms.workshop.appointments import (DEFAULT_HOURS, LIVE, WORKDAY_HOURS, Capacity,
                                       _day_bounds)


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


@dataclass(frozen=True)
class PackageOption:
    code: str
    name: str
    hours: Decimal  # standard hours of its labour items
    price: Decimal
    parts: tuple[tuple[str, Decimal], ...]  # (part code, qty)


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
                          a.reminded_at, mileage)
                for a, plate, mileage, name in rows]


def week_capacity(db, actor, first_day: date, days: int = 7) -> list[Capacity]:
    """Booked against capacity hours for `days` days from `first_day` (one row per day)."""
    start, _ = _day_bounds(first_day)
    _, end = _day_bounds(first_day + timedelta(days=days - 1))
    with db.reading() as s:
        permissions.require(s, actor, "appointment.read")
        technicians = s.scalar(select(func.count(User.id)).join(UserRole).where(
            User.store_id == actor.store_id, User.active, UserRole.role == "technician"))
        bays = s.scalar(select(func.count(Bay.id)).where(Bay.store_id == actor.store_id,
                                                          Bay.active))
        booked = {first_day + timedelta(days=n): Decimal("0") for n in range(days)}
        zone = start.tzinfo
        for at, hours in s.execute(
                select(Appointment.booked_for, Appointment.planned_hours).where(
                    Appointment.store_id == actor.store_id, Appointment.status.in_(LIVE),
                    Appointment.booked_for >= start, Appointment.booked_for < end)):
            booked[at.astimezone(zone).date()] += hours if hours is not None else DEFAULT_HOURS
    capacity = min(technicians, bays) * WORKDAY_HOURS
    return [Capacity(day, capacity, hours) for day, hours in booked.items()]


def packages(db, actor) -> list[PackageOption]:
    """The store's maintenance packages, with the hours and parts a booking takes from them."""
    with db.reading() as s:
        permissions.require(s, actor, "appointment.read")
        found = list(s.scalars(select(MaintenancePackage).where(
            MaintenancePackage.store_id == actor.store_id).order_by(MaintenancePackage.code)))
        standard = dict(s.execute(select(LabourOperation.code, LabourOperation.standard_hours)
                                  .where(LabourOperation.store_id == actor.store_id)).all())
        items: dict[int, list[MaintenancePackageItem]] = {p.id: [] for p in found}
        for item in s.scalars(select(MaintenancePackageItem).where(
                MaintenancePackageItem.package_id.in_(items)).order_by(MaintenancePackageItem.id)):
            items[item.package_id].append(item)
        return [PackageOption(
            p.code, p.name,
            sum((standard.get(i.code, Decimal("0")) * i.qty for i in items[p.id]
                 if i.kind == "labour"), Decimal("0")),
            p.price,
            tuple((i.code, i.qty) for i in items[p.id] if i.kind == "part"))
            for p in found]


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
