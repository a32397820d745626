"""Step 2, appointments: booking with a capacity check, the day-before reminder list,
arrival (which opens the work order) and no-shows.

Capacity of a day = min(technicians × WORKDAY_HOURS, the active bays' hours); the booked
load is the planned hours of that day's live appointments (DEFAULT_HOURS when not given).
A booking names the trade of its work; each kind of bay (maintenance, mechanical, body, paint)
has its own capacity, the hours of the active bays of that kind (each bay's `capacity_hours`,
a working day unless the manager set another), against the bookings of the
trades it takes (`trades.bay_kind`). Technicians belong to no trade, so the store-wide figure
stays the ceiling; a booking without a trade (and those made before bookings had one) counts
against it alone. Over-booking the day or the trade's bays is a warning the advisor must
confirm, never silently accepted.
Expected parts are reserved at booking (a shortage raises a purchase need) through
`dms.parts.picking`; a cancel or no-show releases them, and on arrival they pass to the order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from dms import audit, clock, validators
from dms.db import conflict
from dms.errors import NotFound, ValidationError
from dms.models import (Appointment, AppointmentPart, Bay, Customer, Part, User, UserRole,
                        Vehicle)
from dms.numbering import next_number
from dms.parts import picking
from dms.permissions import require
from dms.workshop import trades
from dms.workshop.common import Changed, changed, touch
from dms.workshop.reception import CheckIn, create_order

WORKDAY_HOURS = Decimal("8")
DEFAULT_HOURS = Decimal("1")
CHANNELS = ("phone", "app", "wechat", "walk_in")
LIVE = ("booked", "arrived")


@dataclass(frozen=True)
class Booking:
    vehicle_id: int
    channel: str
    requested_work: str
    booked_for: datetime
    planned_hours: Decimal | None = None
    estimate: Decimal | None = None
    expected_parts: tuple[tuple[str, Decimal], ...] = ()  # (part code, qty)
    contact_name: str | None = None
    contact_phone: str | None = None
    notes: str | None = None
    trade: str | None = None  # of the work (dms.workshop.trades.TRADES): its bays' capacity


@dataclass(frozen=True)
class Load:
    capacity_hours: Decimal
    booked_hours: Decimal

    @property
    def free_hours(self) -> Decimal:
        return self.capacity_hours - self.booked_hours

    @property
    def over(self) -> bool:
        return self.booked_hours > self.capacity_hours


@dataclass(frozen=True)
class BayLoad(Load):
    kind: str  # a kind of bay: maintenance, mechanical, body, paint


@dataclass(frozen=True)
class Capacity(Load):
    """A day: the whole store, and each kind of bay that has bays or bookings."""

    day: date
    bays: tuple[BayLoad, ...] = ()

    def of(self, trade: str | None) -> BayLoad | None:
        kind = trades.bay_kind(trade)
        return next((b for b in self.bays if b.kind == kind), None)

    def plus(self, trade: str | None, hours: Decimal) -> Capacity:
        """The day with one more booking of `hours` for `trade`."""
        kind = trades.bay_kind(trade)
        bays = self.bays if kind is None or self.of(trade) else (*self.bays, BayLoad(
            capacity_hours=Decimal("0"), booked_hours=Decimal("0"), kind=kind))
        return replace(self, booked_hours=self.booked_hours + hours, bays=tuple(
            replace(b, booked_hours=b.booked_hours + hours) if b.kind == kind else b
            for b in bays))


@dataclass(frozen=True)
class BookingResult:
    changed: Changed
    number: str
    capacity: Capacity
    overbooked: bool


@dataclass(frozen=True)
class ReminderRow:
    appointment_id: int
    number: str
    booked_for: datetime
    customer_name: str
    contact_phone: str | None
    plate: str | None
    requested_work: str


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=clock.now().astimezone().tzinfo)
    return start, start + timedelta(days=1)


def capacities(s, store_id: int, first_day: date, days: int = 1) -> list[Capacity]:
    """Booked against capacity hours for `days` days from `first_day`, one row per day: staff
    and bays counted once, the run's bookings read in one indexed range scan (store_id,
    booked_for) and bucketed by the local day."""
    technicians = s.scalar(select(func.count(User.id)).join(UserRole).where(
        User.store_id == store_id, User.active, UserRole.role == "technician"))
    bays: dict[str, Decimal] = {}
    for kind, hours in s.execute(select(Bay.kind, Bay.capacity_hours).where(
            Bay.store_id == store_id, Bay.active)):
        bays[kind] = bays.get(kind, Decimal("0")) + hours
    start, _ = _day_bounds(first_day)
    _, end = _day_bounds(first_day + timedelta(days=days - 1))
    zone = start.tzinfo
    booked = {first_day + timedelta(days=n): {} for n in range(days)}
    for at, hours, trade in s.execute(
            select(Appointment.booked_for, Appointment.planned_hours, Appointment.trade).where(
                Appointment.store_id == store_id, Appointment.status.in_(LIVE),
                Appointment.booked_for >= start, Appointment.booked_for < end)):
        kinds = booked[at.astimezone(zone).date()]
        kind = trades.bay_kind(trade)
        kinds[kind] = kinds.get(kind, Decimal("0")) + (
            hours if hours is not None else DEFAULT_HOURS)
    ceiling = min(technicians * WORKDAY_HOURS, sum(bays.values(), Decimal("0")))
    return [Capacity(capacity_hours=ceiling, booked_hours=sum(kinds.values(), Decimal("0")),
                     day=day, bays=tuple(
                         BayLoad(capacity_hours=bays.get(kind, Decimal("0")),
                                 booked_hours=kinds.get(kind, Decimal("0")), kind=kind)
                         for kind in trades.BAY_KINDS if bays.get(kind) or kinds.get(kind)))
            for day, kinds in booked.items()]


def day_capacity(db, actor, day: date) -> Capacity:
    with db.reading() as s:
        return capacities(s, actor.store_id, day)[0]


def book(db, actor, data: Booking, confirm_overbooking: bool = False) -> BookingResult:
    """Book a visit; refuses an over-booked day unless the advisor confirms it (audited)."""
    with db.transaction() as s:
        return book_in(s, actor, data, confirm_overbooking)


def book_in(s, actor, data: Booking, confirm_overbooking: bool = False) -> BookingResult:
    """The booking itself, inside the caller's transaction (a reminder call books through it)."""
    require(s, actor, "appointment.book")
    if data.channel not in CHANNELS:
        raise ValidationError("appointment.channel", "Unknown booking channel {value}.", value=data.channel)
    validators.required_text(data.requested_work, "appointment.work", "requested_work")
    validators.column_texts({"notes": data.notes, "contact_name": data.contact_name,
                             "contact_phone": data.contact_phone}, Appointment)
    if data.booked_for <= clock.now():
        raise ValidationError("appointment.past", "An appointment must be in the future.")
    vehicle = s.get(Vehicle, data.vehicle_id)
    if vehicle is None or vehicle.store_id != actor.store_id:
        raise NotFound(what="Vehicle", key=data.vehicle_id)
    hours = DEFAULT_HOURS if not data.planned_hours else validators.number(
        data.planned_hours, "dispatch.planned_hours", "hours", places=2,
        maximum=validators.MAX_HOURS, allow_minimum=False)
    estimate = None if data.estimate is None else validators.number(
        data.estimate, "value.number", "amount", places=2, maximum=validators.MAX_AMOUNT)
    if data.trade is not None and data.trade not in trades.TRADES:
        raise ValidationError("appointment.trade", "Unknown trade {value}.", value=data.trade)
    before = capacities(s, actor.store_id, data.booked_for.astimezone().date())[0]
    after = before.plus(data.trade, hours)
    bays = after.of(data.trade)
    overbooked = after.over or bays is not None and bays.over
    if overbooked and not confirm_overbooking:
        if after.over:
            raise ValidationError(
                "appointment.overbooked",
                "{day} is fully booked ({booked} of {capacity} hours); confirm to over-book.",
                day=before.day.isoformat(), booked=before.booked_hours,
                capacity=before.capacity_hours)
        raise ValidationError(
            "appointment.overbooked_trade",
            "The {trade} bays are fully booked on {day} ({booked} of {capacity} hours); "
            "confirm to over-book.", trade=bays.kind, day=before.day.isoformat(),
            booked=bays.booked_hours - hours, capacity=bays.capacity_hours)
    parts = []
    for code, qty in data.expected_parts:
        part_id = s.scalar(select(Part.id).where(Part.store_id == actor.store_id, Part.code == code))
        if part_id is None:
            raise NotFound(what="Part", key=code)
        parts.append(AppointmentPart(part_id=part_id, qty=validators.number(
            qty, "stock.qty", "quantity", places=3, maximum=validators.MAX_QUANTITY,
            allow_minimum=False, exact=True)))
    customer = s.get(Customer, vehicle.customer_id)
    appointment = Appointment(
        store_id=actor.store_id, number=next_number(s, actor.store_id, "appointment"),
        customer_id=customer.id, vehicle_id=vehicle.id, channel=data.channel,
        contact_name=data.contact_name or customer.name,
        contact_phone=data.contact_phone or customer.mobile,
        requested_work=data.requested_work.strip(), booked_for=data.booked_for,
        planned_hours=hours, estimate=estimate, trade=data.trade, taken_by_id=actor.id,
        advisor_id=actor.id if actor.has("advisor") else None, notes=data.notes)
    touch(appointment, actor)
    s.add(appointment)
    s.flush()
    s.add_all(AppointmentPart(appointment_id=appointment.id, part_id=p.part_id, qty=p.qty)
              for p in parts)
    s.flush()
    short = picking.reserve_appointment(s, actor, appointment)
    audit.record(s, actor, "appointment", appointment.id, "book", to_state="booked",
                 reason="over-booking confirmed" if overbooked else None,
                 booked_for=data.booked_for.isoformat(), parts_short=short)
    s.flush()
    return BookingResult(Changed("appointment", appointment.id, appointment.version, "booked"),
                         appointment.number, after, overbooked)


def reminders_for(db, actor, day: date | None = None) -> list[ReminderRow]:
    """Appointments of `day` (default tomorrow) still to be reminded, in booking order."""
    day = day or clock.now().astimezone().date() + timedelta(days=1)
    start, end = _day_bounds(day)
    with db.reading() as s:
        require(s, actor, "appointment.read")
        rows = s.execute(
            select(Appointment, Customer.name, Vehicle.plate)
            .join(Customer, Customer.id == Appointment.customer_id)
            .join(Vehicle, Vehicle.id == Appointment.vehicle_id)
            .where(Appointment.store_id == actor.store_id, Appointment.status == "booked",
                   Appointment.reminded_at.is_(None),
                   Appointment.booked_for >= start, Appointment.booked_for < end)
            .order_by(Appointment.booked_for))
        return [ReminderRow(a.id, a.number, a.booked_for, name, a.contact_phone, plate,
                            a.requested_work) for a, name, plate in rows]


def _load(s, actor, appointment_id: int, expected_version: int | None,
          action: str) -> Appointment:
    require(s, actor, action)
    appointment = s.get(Appointment, appointment_id)
    if appointment is None or appointment.store_id != actor.store_id:
        raise NotFound(what="Appointment", key=appointment_id)
    if expected_version is not None and appointment.version != expected_version:
        raise conflict(s, f"Appointment {appointment.number}", appointment)
    return appointment


def _set_status(s, actor, appointment: Appointment, action: str, status: str, reason=None) -> Changed:
    if appointment.status != "booked":
        raise ValidationError("appointment.not_booked", "Appointment {number} is already {status}.",
                              number=appointment.number, status=appointment.status)
    before, appointment.status = appointment.status, status
    touch(appointment, actor)
    audit.record(s, actor, "appointment", appointment.id, action, from_state=before,
                 to_state=status, reason=reason)
    s.flush()
    return Changed("appointment", appointment.id, appointment.version, status)


def mark_reminded(db, actor, appointment_id: int, method: str, result: str | None = None) -> Changed:
    with db.transaction() as s:
        appointment = _load(s, actor, appointment_id, None, "appointment.remind")
        appointment.reminded_at = clock.now()
        touch(appointment, actor)
        audit.record(s, actor, "appointment", appointment.id, "remind", reason=result, method=method)
        s.flush()
        return Changed("appointment", appointment.id, appointment.version, appointment.status)


def arrive(db, actor, appointment_id: int, data: CheckIn,
           expected_version: int | None = None) -> Changed:
    """The booked car is here: the appointment is marked arrived and its work order opened."""
    with db.transaction() as s:
        return changed(s, arrive_in(s, actor, appointment_id, data, expected_version))


def arrive_in(s, actor, appointment_id: int, data: CheckIn, expected_version: int | None = None):
    """The arrival inside the caller's transaction; the order opened."""
    appointment = _load(s, actor, appointment_id, expected_version, "appointment.arrive")
    if data.vehicle_id != appointment.vehicle_id:
        raise ValidationError("appointment.vehicle", "This appointment is for another vehicle.")
    _set_status(s, actor, appointment, "arrive", "arrived")
    appointment.arrived_at = clock.now()
    order = create_order(s, actor, replace(data, appointment_id=appointment.id))
    picking.hand_over_appointment(s, actor, appointment, order)
    return order


def no_show(db, actor, appointment_id: int, expected_version: int | None = None) -> Changed:
    with db.transaction() as s:
        appointment = _load(s, actor, appointment_id, expected_version,
                            "appointment.no_show")
        result = _set_status(s, actor, appointment, "no_show", "no_show")
        picking.release_appointment(s, actor, appointment)
        return result


def cancel(db, actor, appointment_id: int, reason: str, expected_version: int | None = None) -> Changed:
    reason = validators.required_text(reason, "appointment.reason", "reason")
    with db.transaction() as s:
        appointment = _load(s, actor, appointment_id, expected_version,
                            "appointment.cancel")
        result = _set_status(s, actor, appointment, "cancel", "cancelled", reason)
        picking.release_appointment(s, actor, appointment)
        return result
