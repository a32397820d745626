"""Step 1, proactive contact: the advisors' reminder lists, the call and the booking it leads to.

A list is computed from its source (maintenance plan, insurance policies, memberships,
birthdays, declined work, open campaigns and recalls) for a window, and each thing due becomes a `Reminder` row once — one
per customer, vehicle, kind and due date — so the call made on it can be recorded. Listing is
therefore a write: it runs in one transaction and serialises on the store row, so two seats
opening the same list do not create the same reminder twice. A maintenance item due only by
mileage has no due date: its reminder is dated the day it first appears and is found again by
its due mileage. A maintenance item is also due when the car's own pace, from the purchase to
the last odometer reading, projects the due mileage within the window (the projection of
`dms.crm.maintenance`, in integer arithmetic inside the query).

A reached customer takes the reminder off the list (`reminded_at`, `reminded_by_id`); a call
that did not reach them keeps it there, with the method and result noted and the attempt in
the audit log (who, when). Every call is announced on the change feed, so the other agents'
lists drop the reached customer (or show the last attempt) within a second; a call or a
booking on a customer someone else has reached meanwhile is refused: nobody is called twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Date, Integer, and_, func, literal, or_, select
from sqlalchemy.orm import aliased

from dms import audit, changes, clock, validators
from dms.crm.campaigns import _live as live_campaign
from dms.errors import NotFound, ValidationError
from dms.models import (Campaign, CampaignVehicle, Customer, InsurancePolicy, MaintenancePackage,
                        MaintenancePlanItem, Membership, MembershipTier, Recommendation, Reminder,
                        Store, User, Vehicle)
from dms.permissions import require
from dms.workshop.appointments import Booking, BookingResult, book_in
from dms.workshop.common import Changed

KINDS = ("maintenance", "insurance", "membership", "birthday", "declined", "campaign")
METHODS = ("phone", "sms", "wechat", "app")
CHANNEL = {"phone": "phone", "sms": "phone", "wechat": "wechat", "app": "app"}
DECLINED_AFTER_DAYS = 30
EPOCH = date(2000, 1, 1)  # day numbers for the mileage projection count from here


@dataclass(frozen=True)
class ReminderRow:
    reminder_id: int
    kind: str
    customer_id: int
    customer_name: str
    mobile: str | None
    vehicle_id: int | None
    plate: str | None
    what: str  # package, insurer and policy, tier and card, birth date, declined work
    due_date: date  # declined work: the day it was declined
    due_mileage: int | None
    reminded_at: datetime | None  # set once the customer was reached
    method: str | None
    result: str | None
    appointment_id: int | None


@dataclass(frozen=True)
class ReminderBooking:
    reminder: Changed
    booking: BookingResult


@dataclass(frozen=True)
class _Due:
    customer_id: int
    vehicle_id: int | None
    due_date: date | None  # None: due by mileage only
    due_mileage: int | None
    what: str
    customer_name: str
    mobile: str | None
    plate: str | None


def _who():
    return Customer.id, Customer.name, Customer.mobile


def _day_number(s, column):
    """Days from EPOCH to a date column, as an integer on both backends."""
    if s.get_bind().dialect.name == "sqlite":
        return func.cast(func.julianday(column) - func.julianday(EPOCH.isoformat()), Integer)
    return column - literal(EPOCH, Date)


def _projected(s, horizon: date, km: int):
    """The due mileage is within `km` of what the car will show on `horizon` at its pace:
    (due − km − last) × days driven ≤ km driven × days from the last reading to the horizon."""
    driven_days = _day_number(s, Vehicle.mileage_on) - _day_number(s, Vehicle.purchase_date)
    return and_(Vehicle.mileage_on.is_not(None), Vehicle.purchase_date.is_not(None),
                Vehicle.purchase_mileage.is_not(None), Vehicle.mileage > Vehicle.purchase_mileage,
                Vehicle.mileage_on > Vehicle.purchase_date,
                (MaintenancePlanItem.due_mileage - km - Vehicle.mileage) * driven_days
                <= (Vehicle.mileage - Vehicle.purchase_mileage)
                * ((horizon - EPOCH).days - _day_number(s, Vehicle.mileage_on)))


def _maintenance(s, store_id, today, days, km, _after):
    horizon = today + timedelta(days=days)
    rows = s.execute(
        select(MaintenancePlanItem, MaintenancePackage.name, *_who(), Vehicle.plate)
        .join(Vehicle, Vehicle.id == MaintenancePlanItem.vehicle_id)
        .join(Customer, Customer.id == Vehicle.customer_id)
        .join(MaintenancePackage, MaintenancePackage.id == MaintenancePlanItem.package_id)
        .where(Vehicle.store_id == store_id, MaintenancePlanItem.status == "planned",
               or_(MaintenancePlanItem.due_date <= horizon,
                   and_(MaintenancePlanItem.due_mileage.is_not(None), Vehicle.mileage.is_not(None),
                        or_(MaintenancePlanItem.due_mileage - Vehicle.mileage <= km,
                            _projected(s, horizon, km)))))).all()
    return [_Due(cid, i.vehicle_id, i.due_date, i.due_mileage, package, name, mobile, plate)
            for i, package, cid, name, mobile, plate in rows]


def _insurance(s, store_id, today, days, _km, _after):
    later = aliased(InsurancePolicy)
    renewed = select(later.id).where(later.vehicle_id == InsurancePolicy.vehicle_id,
                                     later.expiry_date > InsurancePolicy.expiry_date).exists()
    rows = s.execute(
        select(InsurancePolicy, *_who(), Vehicle.plate)
        .join(Vehicle, Vehicle.id == InsurancePolicy.vehicle_id)
        .join(Customer, Customer.id == Vehicle.customer_id)
        .where(Vehicle.store_id == store_id, InsurancePolicy.expiry_date >= today,
               InsurancePolicy.expiry_date <= today + timedelta(days=days), ~renewed)).all()
    return [_Due(cid, p.vehicle_id, p.expiry_date, None,
                 " ".join(x for x in (p.insurer, p.policy_no) if x), name, mobile, plate)
            for p, cid, name, mobile, plate in rows]


def _membership(s, store_id, today, days, _km, _after):
    rows = s.execute(
        select(Membership, MembershipTier.name, *_who())
        .join(MembershipTier, MembershipTier.id == Membership.tier_id)
        .join(Customer, Customer.id == Membership.customer_id)
        .where(Membership.store_id == store_id, Membership.status == "active",
               Membership.valid_until >= today,
               Membership.valid_until <= today + timedelta(days=days))).all()
    return [_Due(cid, None, m.valid_until, None, f"{tier} {m.card_no}", name, mobile, None)
            for m, tier, cid, name, mobile in rows]


def _birthdays(s, store_id, today, days, _km, _after):
    window: dict[str, date] = {}
    for n in range(days + 1):
        day = today + timedelta(days=n)
        window[f"{day:%m-%d}"] = day
        if day.month == 2 and day.day == 28 and (day + timedelta(days=1)).month == 3:
            window.setdefault("02-29", day)  # born on 29 February: celebrated on the 28th
    if s.get_bind().dialect.name == "sqlite":
        month_day = func.strftime("%m-%d", Customer.birthday)
    else:
        month_day = func.to_char(Customer.birthday, "MM-DD")
    rows = s.execute(select(Customer.birthday, *_who()).where(
        Customer.store_id == store_id, Customer.birthday.is_not(None),
        month_day.in_(sorted(window)))).all()
    return [_Due(cid, None, window[f"{born:%m-%d}"], None, born.isoformat(), name, mobile, None)
            for born, cid, name, mobile in rows]


def _declined(s, store_id, _today, _days, _km, after_days):
    cutoff = clock.now() - timedelta(days=after_days)
    rows = s.execute(
        select(Recommendation, *_who(), Vehicle.plate)
        .join(Vehicle, Vehicle.id == Recommendation.vehicle_id)
        .join(Customer, Customer.id == Vehicle.customer_id)
        .where(Recommendation.store_id == store_id, Recommendation.status == "open",
               Recommendation.created_at <= cutoff)
        .order_by(Recommendation.created_at, Recommendation.id)).all()
    grouped: dict[tuple, list] = {}
    for r, cid, name, mobile, plate in rows:
        key = (cid, r.vehicle_id, r.created_at.astimezone().date(), name, mobile, plate)
        grouped.setdefault(key, []).append(r.description)
    return [_Due(cid, vid, day, None, "；".join(texts), name, mobile, plate)
            for (cid, vid, day, name, mobile, plate), texts in grouped.items()]


def _campaigns(s, store_id, today, _days, _km, _after):
    """Cars on an open, running campaign or recall (matched by VIN, so a car filed after the
    import is found too); one call per car and start day, recalls named first."""
    rows = s.execute(
        select(Campaign.name, Campaign.starts_on, Campaign.created_at, Vehicle.id, *_who(),
               Vehicle.plate)
        .join(CampaignVehicle, CampaignVehicle.campaign_id == Campaign.id)
        .join(Vehicle, and_(Vehicle.vin == CampaignVehicle.vin, Vehicle.store_id == store_id))
        .join(Customer, Customer.id == Vehicle.customer_id)
        .where(Campaign.store_id == store_id, CampaignVehicle.status == "open",
               *live_campaign(today))
        .order_by(Campaign.kind.desc(), Campaign.code)).all()
    grouped: dict[tuple, list] = {}
    for name, starts, created, vid, cid, customer, mobile, plate in rows:
        day = starts or created.astimezone().date()
        grouped.setdefault((cid, vid, day, customer, mobile, plate), []).append(name)
    return [_Due(cid, vid, day, None, "；".join(names), customer, mobile, plate)
            for (cid, vid, day, customer, mobile, plate), names in grouped.items()]


_SOURCES = {"maintenance": _maintenance, "insurance": _insurance, "membership": _membership,
            "birthday": _birthdays, "declined": _declined, "campaign": _campaigns}


def _key(customer_id, vehicle_id, due_date, due_mileage, dated: bool):
    return (customer_id, vehicle_id, due_date) if dated else (customer_id, vehicle_id, due_mileage)


def _materialise(s, store_id: int, kind: str, due: list[_Due], today: date) -> list:
    """The Reminder of each due thing, created when missing; same order as `due`."""
    customer_ids = sorted({d.customer_id for d in due})
    existing: dict[tuple, Reminder] = {}
    for i in range(0, len(customer_ids), 500):
        for r in s.scalars(select(Reminder).where(
                Reminder.store_id == store_id, Reminder.kind == kind,
                Reminder.customer_id.in_(customer_ids[i:i + 500])).order_by(Reminder.id)):
            existing.setdefault(_key(r.customer_id, r.vehicle_id, r.due_date, None, True), r)
            if r.due_mileage is not None:
                existing.setdefault(_key(r.customer_id, r.vehicle_id, None, r.due_mileage, False), r)
    found = []
    for d in due:
        key = _key(d.customer_id, d.vehicle_id, d.due_date, d.due_mileage, d.due_date is not None)
        if key not in existing:
            existing[key] = Reminder(store_id=store_id, kind=kind, customer_id=d.customer_id,
                                     vehicle_id=d.vehicle_id, due_date=d.due_date or today,
                                     due_mileage=d.due_mileage)
            s.add(existing[key])
        found.append(existing[key])
    s.flush()
    return found


def reminder_list(db, actor, kind: str, within_days: int = 30, within_km: int = 1000,
                  offset: int = 0, limit: int = 100, *, include_done: bool = False,
                  declined_after_days: int = DECLINED_AFTER_DAYS) -> list[ReminderRow]:
    """One page of `kind` reminders due within the window, earliest first.

    maintenance: planned items due within `within_days` or `within_km` of the last odometer
    reading (overdue ones included); insurance and membership: expiring within the window;
    birthday: within the window, across the new year; declined: open recommendations older
    than `declined_after_days`. Reminders whose customer was reached are left out unless
    `include_done`.
    """
    if kind not in KINDS:
        raise ValidationError("reminder.kind", "Unknown reminder kind {kind}.", kind=kind)
    if within_days < 0 or within_km < 0 or declined_after_days < 0:
        raise ValidationError("reminder.window", "The reminder window cannot be negative.")
    today = clock.now().astimezone().date()
    with db.transaction() as s:
        require(s, actor, "reminder.list")
        # FOR NO KEY UPDATE: serialises reminder creation per store without blocking the
        # inserts that reference the store row (SQLite's BEGIN IMMEDIATE already serialises).
        s.execute(select(Store.id).where(Store.id == actor.store_id).with_for_update(key_share=True))
        due = _SOURCES[kind](s, actor.store_id, today, within_days, within_km, declined_after_days)
        reminders = _materialise(s, actor.store_id, kind, due, today)
        rows = [ReminderRow(r.id, kind, d.customer_id, d.customer_name, d.mobile, d.vehicle_id,
                            d.plate, d.what, r.due_date, r.due_mileage, r.reminded_at, r.method,
                            r.result, r.appointment_id)
                for d, r in zip(due, reminders) if include_done or r.reminded_at is None]
        unique = {row.reminder_id: row for row in rows}.values()  # two plan items, one date
        ordered = sorted(unique, key=lambda x: (x.due_date, x.customer_name, x.plate or "",
                                                x.reminder_id))
        return ordered[offset:offset + limit]


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationError("reminder.method", "Unknown contact method {method}.", method=method)


def _load(s, actor, reminder_id: int) -> Reminder:
    reminder = s.get(Reminder, reminder_id, with_for_update=True)
    if reminder is None or reminder.store_id != actor.store_id:
        raise NotFound(what="Reminder", key=reminder_id)
    return reminder


def _call(s, actor, reminder: Reminder, method: str, result: str | None, reached: bool) -> Changed:
    if reminder.reminded_at is not None:  # another seat's list was older than this one's call
        raise ValidationError(
            "reminder.already_reached", "{name} already reached this customer at {at}.",
            name=s.scalar(select(User.display_name).where(User.id == reminder.reminded_by_id)),
            at=reminder.reminded_at.astimezone().strftime("%H:%M"))
    reminder.method = method
    reminder.result = validators.text(result, "result")
    if reminder.advisor_id is None and actor.has("advisor"):
        reminder.advisor_id = actor.id
    if reached:
        reminder.reminded_at, reminder.reminded_by_id = clock.now(), actor.id
    audit.record(s, actor, "reminder", reminder.id, "call", reason=reminder.result,
                 method=method, reached=reached, kind=reminder.kind)
    changes.announce(s, "reminder", reminder.id, reminder.store_id)  # the other agents' lists
    return Changed("reminder", reminder.id, state="reached" if reached else "unreached")


def record_call(db, actor, reminder_id: int, method: str, result: str | None,
                reached: bool) -> Changed:
    """The reminder call: who called, when, how, and what the customer said."""
    _check_method(method)
    if not reached and not (result or "").strip():
        raise ValidationError("reminder.result", "Note what happened on the call.")
    with db.transaction() as s:
        require(s, actor, "reminder.call")
        return _call(s, actor, _load(s, actor, reminder_id), method, result, reached)


def _requested_work(s, reminder: Reminder) -> str:
    """What to book when the caller does not say: the package due, or the declined work."""
    if reminder.kind == "maintenance":
        item = MaintenancePlanItem.due_date == reminder.due_date
        if reminder.due_mileage is not None:
            item = or_(item, MaintenancePlanItem.due_mileage == reminder.due_mileage)
        return s.scalar(select(MaintenancePackage.name).join(
            MaintenancePlanItem, MaintenancePlanItem.package_id == MaintenancePackage.id)
            .where(MaintenancePlanItem.vehicle_id == reminder.vehicle_id, item)
            .order_by(MaintenancePlanItem.id).limit(1)) or ""
    if reminder.kind == "declined":
        return "；".join(s.scalars(select(Recommendation.description).where(
            Recommendation.vehicle_id == reminder.vehicle_id, Recommendation.status == "open")
            .order_by(Recommendation.created_at, Recommendation.id)))
    if reminder.kind == "campaign":
        return "；".join(s.scalars(
            select(func.coalesce(Campaign.labour_text, Campaign.name))
            .join(CampaignVehicle, CampaignVehicle.campaign_id == Campaign.id)
            .join(Vehicle, Vehicle.vin == CampaignVehicle.vin)
            .where(Vehicle.id == reminder.vehicle_id, Campaign.store_id == reminder.store_id,
                   CampaignVehicle.status == "open", *live_campaign(clock.now().astimezone().date()))
            .order_by(Campaign.kind.desc(), Campaign.code)))
    return ""


def _vehicle_for(s, reminder: Reminder, vehicle_id: int | None) -> int:
    if reminder.vehicle_id is not None:
        return reminder.vehicle_id
    if vehicle_id is not None:
        if s.scalar(select(Vehicle.customer_id).where(Vehicle.id == vehicle_id)) != reminder.customer_id:
            raise ValidationError("reminder.vehicle_owner", "The vehicle is not this customer's.")
        return vehicle_id
    owned = s.scalars(select(Vehicle.id).where(Vehicle.customer_id == reminder.customer_id)
                      .limit(2)).all()
    if len(owned) != 1:
        raise ValidationError("reminder.vehicle_required", "Choose which vehicle to book.")
    return owned[0]


def book_from_reminder(db, actor, reminder_id: int, booked_for: datetime,
                       requested_work: str | None = None, method: str = "phone",
                       result: str | None = None, confirm_overbooking: bool = False, *,
                       vehicle_id: int | None = None, planned_hours=None, estimate=None,
                       expected_parts: tuple = (), contact_name: str | None = None,
                       contact_phone: str | None = None) -> ReminderBooking:
    """The customer answered and booked: the call and the appointment in one transaction, so
    a refused booking (over-booked day, past time…) leaves the reminder as it was."""
    _check_method(method)
    with db.transaction() as s:
        require(s, actor, "reminder.call")
        reminder = _load(s, actor, reminder_id)
        if reminder.appointment_id is not None:
            raise ValidationError("reminder.already_booked",
                                  "An appointment was already booked from this reminder.")
        work = validators.text(requested_work, "requested_work") or _requested_work(s, reminder)
        booking = book_in(s, actor, Booking(
            vehicle_id=_vehicle_for(s, reminder, vehicle_id), channel=CHANNEL[method],
            requested_work=work, booked_for=booked_for, planned_hours=planned_hours,
            estimate=estimate, expected_parts=tuple(expected_parts), contact_name=contact_name,
            contact_phone=contact_phone),
            confirm_overbooking)
        changed = _call(s, actor, reminder, method, result, reached=True)
        reminder.appointment_id = booking.changed.id
        audit.record(s, actor, "reminder", reminder.id, "book",
                     appointment_id=booking.changed.id, number=booking.number)
        s.flush()
        return ReminderBooking(Changed("reminder", changed.id, state="booked"), booking)
