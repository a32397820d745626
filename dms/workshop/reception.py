"""Step 3, reception and check-in: the car arrives and a work order is opened (RECEIVED)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import bindparam, select

from dms import audit, clock, validators
from dms.crm.campaigns import CampaignFlag, open_flags
from dms.errors import NotFound, ValidationError
from dms.models import Recommendation, Vehicle, WorkOrder
from dms.numbering import next_number
from dms.permissions import ACCOUNT_COLUMNS, first_with_account, require
from dms.workshop import states
from dms.workshop.common import Changed, changed, touch

BUSINESS_TYPES = ("maintenance", "repair", "body_paint", "warranty", "insurance", "internal")


@dataclass(frozen=True)
class CheckIn:
    vehicle_id: int
    mileage: int
    fuel_level: int  # eighths of a tank, 0–8 (the gauge the advisor reads)
    complaint: str  # in the customer's words
    business_type: str = "maintenance"
    delivered_by_name: str | None = None
    delivered_by_phone: str | None = None
    damage_marks: tuple[dict, ...] = ()  # {"zone": "front_bumper", "kind": "scratch", "note": …}
    valuables: str | None = None
    documents_kept: str | None = None
    promised_at: datetime | None = None
    appointment_id: int | None = None
    # A reading below the last one is refused unless the advisor confirms an odometer change.
    odometer_change_note: str | None = None


@dataclass(frozen=True)
class PastVisit:
    work_order_id: int
    number: str
    entry_at: datetime
    mileage: int
    business_type: str
    complaint: str | None
    state: str


@dataclass(frozen=True)
class OpenRecommendation:
    id: int
    description: str
    estimated_amount: Decimal | None
    since: datetime


@dataclass(frozen=True)
class VehicleHistory:
    vehicle_id: int
    last_mileage: int | None
    visits: tuple[PastVisit, ...] = ()
    recommendations: tuple[OpenRecommendation, ...] = field(default=())
    campaigns: tuple[CampaignFlag, ...] = ()  # open campaigns and recalls for this VIN


def _validate(data: CheckIn) -> None:
    if data.business_type not in BUSINESS_TYPES:
        raise ValidationError("reception.business_type", "Unknown business type {value}.",
                              value=data.business_type)
    if data.mileage < 0:
        raise ValidationError("reception.mileage", "The mileage cannot be negative.")
    if not 0 <= data.fuel_level <= 8:
        raise ValidationError("reception.fuel", "The fuel level is in eighths, from 0 to 8.")
    validators.required_text(data.complaint, "reception.complaint", "complaint")
    validators.column_texts({"delivered_by_name": data.delivered_by_name,
                             "delivered_by_phone": data.delivered_by_phone,
                             "odometer_change_note": data.odometer_change_note,
                             "documents_kept": data.documents_kept, "valuables": data.valuables},
                            WorkOrder)
    for mark in data.damage_marks:
        validators.text(mark.get("note"), "damage_marks")


def check_in(db, actor, data: CheckIn) -> Changed:
    """Open a work order for an arriving car; one transaction, audited."""
    with db.transaction() as s:
        return changed(s, create_order(s, actor, data))


_VISIT = select(WorkOrder.entry_at, WorkOrder.entry_mileage).where(
    WorkOrder.vehicle_id == Vehicle.id).order_by(WorkOrder.entry_at.desc(),
                                                 WorkOrder.id.desc()).limit(1)
# The vehicle "dms_vehicle" with its last visit (when, at what mileage), built once; and with
# the account of the user "dms_user" (`first_with_account`).
_VEHICLE = select(Vehicle, *(_VISIT.with_only_columns(c).scalar_subquery()
                             for c in (WorkOrder.entry_at, WorkOrder.entry_mileage))) \
    .where(Vehicle.id == bindparam("dms_vehicle"))
_VEHICLE_AND_ACCOUNT = _VEHICLE.add_columns(*ACCOUNT_COLUMNS)


def create_order(s, actor, data: CheckIn) -> WorkOrder:
    """The check-in itself, inside the caller's transaction (an arriving appointment uses it)."""
    # The vehicle, its last visit and the actor's account in one read.
    row = first_with_account(s, actor.id, (_VEHICLE, _VEHICLE_AND_ACCOUNT),
                             {"dms_vehicle": data.vehicle_id})
    require(s, actor, "workorder.open")
    _validate(data)
    now = clock.now()
    vehicle, last_at, last_mileage = row[:3] if row is not None else (None, None, None)
    if vehicle is None or vehicle.store_id != actor.store_id:
        raise NotFound(what="Vehicle", key=data.vehicle_id)
    odometer_note = (data.odometer_change_note or "").strip() or None
    if vehicle.mileage is not None and data.mileage < vehicle.mileage and not odometer_note:
        raise ValidationError(
            "reception.mileage_lower",
            "{mileage} km is below the last recorded {last} km; confirm an odometer change "
            "with a note to accept it.", mileage=data.mileage, last=vehicle.mileage)
    order = WorkOrder(
        store_id=actor.store_id, number=next_number(s, actor.store_id, "workorder"),
        vehicle_id=vehicle.id, customer_id=vehicle.customer_id,
        appointment_id=data.appointment_id, advisor_id=actor.id,
        business_type=data.business_type, state=states.RECEIVED,
        delivered_by_name=data.delivered_by_name, delivered_by_phone=data.delivered_by_phone,
        entry_at=now, entry_mileage=data.mileage, odometer_change_note=odometer_note,
        fuel_level=data.fuel_level, complaint=data.complaint.strip(),
        documents_kept=data.documents_kept, valuables=data.valuables,
        damage_marks=json.dumps(list(data.damage_marks), ensure_ascii=False),
        promised_at=data.promised_at,
        last_visit_at=last_at, last_visit_mileage=last_mileage)
    touch(order, actor)
    s.add(order)
    vehicle.mileage, vehicle.mileage_on = data.mileage, now.astimezone().date()
    s.flush()
    audit.record(s, actor, "work_order", order.id, "check_in", to_state=states.RECEIVED,
                 reason=odometer_note, mileage=data.mileage, number=order.number)
    return order


def vehicle_history(db, actor, vehicle_id: int, limit: int = 20) -> VehicleHistory:
    """What the advisor sees at reception: past visits, the work declined before and the
    campaigns or recalls still to be done on the car."""
    with db.reading() as s:
        vehicle = s.get(Vehicle, vehicle_id)
        if vehicle is None or vehicle.store_id != actor.store_id:
            raise NotFound(what="Vehicle", key=vehicle_id)
        visits = s.scalars(select(WorkOrder).where(WorkOrder.vehicle_id == vehicle_id)
                           .order_by(WorkOrder.entry_at.desc()).limit(limit))
        recs = s.scalars(select(Recommendation).where(Recommendation.vehicle_id == vehicle_id,
                                                      Recommendation.status == "open")
                         .order_by(Recommendation.created_at))
        flags = open_flags(s, actor.store_id, [vehicle.vin]).get(vehicle.vin, ())
        return VehicleHistory(
            vehicle_id=vehicle_id, last_mileage=vehicle.mileage,
            visits=tuple(PastVisit(o.id, o.number, o.entry_at, o.entry_mileage, o.business_type,
                                   o.complaint, o.state) for o in visits),
            recommendations=tuple(OpenRecommendation(r.id, r.description, r.estimated_amount,
                                                     r.created_at) for r in recs),
            campaigns=tuple(flags))
