"""The vehicle file 车辆档案: everything the advisor needs about one car on one screen.

One read, one session: the vehicle and its owner, open work orders, service history with the
lines done, declined work still open, campaigns and recalls for the VIN, the maintenance plan
with the next service projected by date and by the mileage pace, insurance, membership and
complaints. Plain frozen dataclasses; no ORM object leaves the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import aliased

from dms import permissions
from dms.crm import maintenance
from dms.crm.campaigns import CampaignFlag, open_flags
from dms.crm.maintenance import PlanItemView, Projection
from dms.crm.membership import MembershipView, membership_view
from dms.errors import NotFound
from dms.models import (Complaint, Customer, InsurancePolicy, LabourLine, Part, PartLine,
                        Recommendation, User, Vehicle, WorkOrder)
from dms.workshop import states
from dms.workshop.photos import PhotoThumb, vehicle_photos

HISTORY_LIMIT = 30


@dataclass(frozen=True)
class OrderLine:
    kind: str  # labour | part
    name: str
    qty: Decimal  # billed hours or part quantity
    net: Decimal
    payer: str
    approval: str


@dataclass(frozen=True)
class OrderSummary:
    id: int
    number: str
    state: str
    business_type: str
    entry_at: datetime
    mileage: int
    advisor: str
    complaint: str | None
    promised_at: datetime | None
    delivered_at: datetime | None
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True)
class Declined:
    id: int
    description: str
    estimated_amount: Decimal | None
    since: datetime
    work_order_number: str
    reason: str | None = None  # why the customer declined it (estimates.DECLINE_REASONS)
    reason_note: str | None = None


@dataclass(frozen=True)
class Policy:
    insurer: str
    policy_no: str | None
    kind: str | None
    expiry_date: date


@dataclass(frozen=True)
class ComplaintSummary:
    id: int
    number: str
    severity: str
    status: str
    description: str
    deadline: datetime | None


@dataclass(frozen=True)
class VehicleFile:
    id: int
    plate: str | None
    vin: str
    brand: str | None
    series: str | None
    model_code: str | None
    model_year: int | None
    colour: str | None
    engine_no: str | None
    mileage: int | None
    mileage_on: date | None
    purchase_date: date | None
    customer_id: int
    customer_code: str
    customer_name: str
    customer_kind: str
    mobile: str | None
    open_orders: tuple[OrderSummary, ...]
    history: tuple[OrderSummary, ...]  # settled, delivered, closed or cancelled; newest first
    declined: tuple[Declined, ...]
    campaigns: tuple[CampaignFlag, ...]
    plan: tuple[PlanItemView, ...]
    next_service: Projection
    insurance: tuple[Policy, ...]  # latest expiry first
    membership: MembershipView | None
    complaints: tuple[ComplaintSummary, ...]  # the owner's, open first
    photos: tuple[PhotoThumb, ...] = ()  # the newest check-in photos of the car

    @property
    def open_order(self) -> OrderSummary | None:
        return self.open_orders[0] if self.open_orders else None


def _lines(s, order_ids: list[int]) -> dict[int, list[OrderLine]]:
    found: dict[int, list[OrderLine]] = {i: [] for i in order_ids}
    if not order_ids:
        return found
    for line in s.scalars(select(LabourLine).where(LabourLine.work_order_id.in_(order_ids))
                          .order_by(LabourLine.work_order_id, LabourLine.seq)):
        found[line.work_order_id].append(OrderLine("labour", line.name, line.billed_hours,
                                                   line.net, line.payer, line.approval))
    for line, name in s.execute(select(PartLine, Part.name).join(Part, Part.id == PartLine.part_id)
                                .where(PartLine.work_order_id.in_(order_ids))
                                .order_by(PartLine.work_order_id, PartLine.id)):
        found[line.work_order_id].append(OrderLine("part", name, line.qty, line.net, line.payer,
                                                   line.approval))
    return found


def _orders(s, vehicle_id: int) -> tuple[list[OrderSummary], list[OrderSummary]]:
    advisor = aliased(User)
    rows = s.execute(select(WorkOrder, advisor.display_name)
                     .join(advisor, advisor.id == WorkOrder.advisor_id)
                     .where(WorkOrder.vehicle_id == vehicle_id)
                     .order_by(WorkOrder.entry_at.desc(), WorkOrder.id.desc())
                     .limit(HISTORY_LIMIT)).all()
    lines = _lines(s, [o.id for o, _ in rows])
    open_, done = [], []
    for order, advisor_name in rows:
        summary = OrderSummary(order.id, order.number, order.state, order.business_type,
                               order.entry_at, order.entry_mileage, advisor_name, order.complaint,
                               order.promised_at, order.delivered_at, tuple(lines[order.id]))
        (open_ if order.state in states.OPEN_STATES else done).append(summary)
    return open_, done


def vehicle_file(db, actor, vehicle_id: int) -> VehicleFile:
    with db.reading() as s:
        permissions.require(s, actor, "customer.read")
        vehicle = s.get(Vehicle, vehicle_id)
        if vehicle is None or vehicle.store_id != actor.store_id:
            raise NotFound(what="Vehicle", key=vehicle_id)
        owner = s.get(Customer, vehicle.customer_id)
        open_orders, history = _orders(s, vehicle_id)
        declined = s.execute(
            select(Recommendation, WorkOrder.number)
            .join(WorkOrder, WorkOrder.id == Recommendation.work_order_id)
            .where(Recommendation.vehicle_id == vehicle_id, Recommendation.status == "open")
            .order_by(Recommendation.created_at))
        plan = maintenance.plan_items(s, vehicle_id)
        accepted, flagged = maintenance.readings(s, vehicle)
        upcoming = next((p for p in plan if p.status == "planned"), None)
        policies = s.scalars(select(InsurancePolicy).where(InsurancePolicy.vehicle_id == vehicle_id)
                             .order_by(InsurancePolicy.expiry_date.desc()))
        complaints = s.scalars(select(Complaint).where(Complaint.customer_id == owner.id)
                               .order_by(Complaint.status != "open", Complaint.id.desc())
                               .limit(20))
        return VehicleFile(
            id=vehicle.id, plate=vehicle.plate, vin=vehicle.vin, brand=vehicle.brand,
            series=vehicle.series, model_code=vehicle.model_code, model_year=vehicle.model_year,
            colour=vehicle.colour, engine_no=vehicle.engine_no, mileage=vehicle.mileage,
            mileage_on=vehicle.mileage_on, purchase_date=vehicle.purchase_date,
            customer_id=owner.id, customer_code=owner.code, customer_name=owner.name,
            customer_kind=owner.kind, mobile=owner.mobile,
            open_orders=tuple(open_orders), history=tuple(history),
            declined=tuple(Declined(r.id, r.description, r.estimated_amount, r.created_at, number,
                                    r.reason, r.reason_note) for r, number in declined),
            campaigns=tuple(open_flags(s, actor.store_id, [vehicle.vin]).get(vehicle.vin, ())),
            plan=plan,
            next_service=maintenance.project(vehicle_id, upcoming, accepted, flagged),
            insurance=tuple(Policy(p.insurer, p.policy_no, p.kind, p.expiry_date)
                            for p in policies),
            membership=membership_view(s, actor.store_id, owner.id),
            complaints=tuple(ComplaintSummary(c.id, c.number, c.severity, c.status,
                                              c.description, c.deadline) for c in complaints),
            photos=vehicle_photos(s, vehicle_id))
