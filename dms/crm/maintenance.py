"""Maintenance plans (保养计划): the schedule a vehicle gets when it is filed, the next service
projected from the vehicle's own mileage history, and completion by a delivered maintenance order.

Schedule: the store's packages FS (首保), SS (二保) and RS (常规保养). Each package's interval
(months and km) runs from the previous service: FS from the purchase date and mileage, SS from
FS, then RS from the service before, again and again. A plan holds the next `PLAN_LENGTH`
planned items; items already passed on date or mileage when the plan is made (a used car filed
late) are left out. Completing an item re-bases the planned items after it on the actual date
and mileage, and tops the plan up with RS items.

Projection (`project_due`): readings are the purchase (date, mileage) then every work order's
(entry date, entry mileage) in entry order. A reading below an earlier accepted one (a rolled-
back or replaced odometer) is flagged and ignored. Pace = (last − first accepted mileage) /
(days between them); the due mileage is reached ceil((due km − last km) / pace) days after the
last reading. Due = the earlier of that date and the plan's due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from dms import audit, clock
from dms.crm.membership import add_months
from dms.errors import NotFound, ValidationError
from dms.models import MaintenancePackage, MaintenancePlanItem, Vehicle, WorkOrder
from dms.permissions import require
from dms.workshop import states

PLAN_LENGTH = 6
FIRST, SECOND, REGULAR = "FS", "SS", "RS"
DONE_STATES = (states.DELIVERED, states.CLOSED)


@dataclass(frozen=True)
class PlanItemView:
    id: int
    package_code: str
    package_name: str
    due_date: date | None
    due_mileage: int | None
    status: str
    done_on: date | None = None
    done_mileage: int | None = None
    work_order_id: int | None = None


@dataclass(frozen=True)
class Reading:
    on: date
    mileage: int
    work_order_id: int | None = None  # None: the purchase


@dataclass(frozen=True)
class Projection:
    vehicle_id: int
    item: PlanItemView | None  # the next planned item; None when the vehicle has no plan
    km_per_day: Decimal | None  # None: fewer than two usable readings
    mileage_due_date: date | None  # when the due mileage is reached at that pace
    due_date: date | None  # the earlier of the plan's date and the mileage date
    basis: str | None  # "date" | "mileage"
    readings: tuple[Reading, ...] = ()  # used
    flagged: tuple[Reading, ...] = ()  # lower than an earlier reading: ignored


def _today() -> date:
    return clock.now().astimezone().date()


def _vehicle(s, actor, vehicle_id: int) -> Vehicle:
    vehicle = s.get(Vehicle, vehicle_id)
    if vehicle is None or vehicle.store_id != actor.store_id:
        raise NotFound(what="Vehicle", key=vehicle_id)
    return vehicle


def _packages(s, store_id: int) -> dict[str, MaintenancePackage]:
    return {p.code: p for p in s.scalars(select(MaintenancePackage).where(
        MaintenancePackage.store_id == store_id,
        MaintenancePackage.code.in_((FIRST, SECOND, REGULAR))))}


def _code(position: int) -> str:
    return FIRST if position == 0 else SECOND if position == 1 else REGULAR


def _view(item: MaintenancePlanItem, package: MaintenancePackage) -> PlanItemView:
    return PlanItemView(item.id, package.code, package.name, item.due_date, item.due_mileage,
                        item.status, item.done_on, item.done_mileage, item.work_order_id)


def plan_vehicle(s, vehicle: Vehicle, today: date | None = None) -> list[MaintenancePlanItem]:
    """Create the vehicle's plan inside the caller's transaction (empty without the packages)."""
    packages = _packages(s, vehicle.store_id)
    if len(packages) < 3:
        return []
    today = today or _today()
    on, km = vehicle.purchase_date or today, vehicle.purchase_mileage or 0
    current = vehicle.mileage if vehicle.mileage is not None else km
    items: list[MaintenancePlanItem] = []
    for position in range(200):
        package = packages[_code(position)]
        on, km = add_months(on, package.interval_months), km + package.interval_km
        if on < today:
            continue  # passed by date before the vehicle was filed
        if km <= current:
            # Passed by mileage only: due at the next interval beyond today's reading, so a
            # high-mileage taxi is not scheduled decades ahead, one 10,000 km step a year.
            km += ((current - km) // package.interval_km + 1) * package.interval_km
        items.append(MaintenancePlanItem(vehicle_id=vehicle.id, package_id=package.id,
                                         due_date=on, due_mileage=km, status="planned"))
        if len(items) == PLAN_LENGTH:
            break
    s.add_all(items)
    s.flush()
    return items


def has_planned(s, vehicle_id: int) -> bool:
    return bool(_planned(s, vehicle_id))


def _planned(s, vehicle_id: int) -> list[MaintenancePlanItem]:
    return list(s.scalars(select(MaintenancePlanItem).where(
        MaintenancePlanItem.vehicle_id == vehicle_id, MaintenancePlanItem.status == "planned")
        .order_by(MaintenancePlanItem.due_date, MaintenancePlanItem.id)))


def create_plan(db, actor, vehicle_id: int) -> tuple[PlanItemView, ...]:
    """A plan for a vehicle filed without one (e.g. before the packages existed)."""
    with db.transaction() as s:
        require(s, actor, "maintenance.plan")
        vehicle = _vehicle(s, actor, vehicle_id)
        if _planned(s, vehicle_id):
            raise ValidationError("maintenance.plan_exists", "The vehicle already has a plan.")
        items = plan_vehicle(s, vehicle)
        audit.record(s, actor, "vehicle", vehicle.id, "create_plan", items=len(items))
        return plan_items(s, vehicle_id)


def plan_items(s, vehicle_id: int) -> tuple[PlanItemView, ...]:
    rows = s.execute(select(MaintenancePlanItem, MaintenancePackage)
                     .join(MaintenancePackage,
                           MaintenancePackage.id == MaintenancePlanItem.package_id)
                     .where(MaintenancePlanItem.vehicle_id == vehicle_id)
                     .order_by(MaintenancePlanItem.due_date, MaintenancePlanItem.id))
    return tuple(_view(item, package) for item, package in rows)


def vehicle_plan(db, actor, vehicle_id: int) -> tuple[PlanItemView, ...]:
    with db.reading() as s:
        _vehicle(s, actor, vehicle_id)
        return plan_items(s, vehicle_id)


# ------------------------------------------------------------------------------ projection

def readings(s, vehicle: Vehicle) -> tuple[list[Reading], list[Reading]]:
    """(accepted, flagged) odometer readings, oldest first."""
    raw = []
    if vehicle.purchase_date is not None and vehicle.purchase_mileage is not None:
        raw.append(Reading(vehicle.purchase_date, vehicle.purchase_mileage))
    for wo_id, at, km in s.execute(select(WorkOrder.id, WorkOrder.entry_at, WorkOrder.entry_mileage)
                                   .where(WorkOrder.vehicle_id == vehicle.id)
                                   .order_by(WorkOrder.entry_at, WorkOrder.id)):
        raw.append(Reading(at.astimezone().date(), km, wo_id))
    accepted: list[Reading] = []
    flagged: list[Reading] = []
    for reading in raw:
        if accepted and reading.mileage < max(r.mileage for r in accepted):
            flagged.append(reading)
        else:
            accepted.append(reading)
    return accepted, flagged


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def project_due(db, actor, vehicle_id: int) -> Projection:
    """When the next planned service falls due, at the pace this vehicle is driven."""
    with db.reading() as s:
        vehicle = _vehicle(s, actor, vehicle_id)
        accepted, flagged = readings(s, vehicle)
        planned = _planned(s, vehicle_id)
        item = planned[0] if planned else None
        view = _view(item, s.get(MaintenancePackage, item.package_id)) if item else None
    return project(vehicle_id, view, accepted, flagged)


def project(vehicle_id: int, item: PlanItemView | None, accepted: list[Reading],
             flagged: list[Reading]) -> Projection:
    first, last = (accepted[0], accepted[-1]) if accepted else (None, None)
    span = (last.on - first.on).days if accepted else 0
    km = last.mileage - first.mileage if accepted else 0
    pace = (Decimal(km) / span).quantize(Decimal("0.01"), ROUND_HALF_UP) if span > 0 else None
    by_km = None
    if item is not None and item.due_mileage is not None and span > 0 and km > 0:
        by_km = last.on + timedelta(days=_ceil_div((item.due_mileage - last.mileage) * span, km))
    by_date = item.due_date if item is not None else None
    choices = [(d, basis) for d, basis in ((by_date, "date"), (by_km, "mileage")) if d is not None]
    due, basis = min(choices) if choices else (None, None)
    return Projection(vehicle_id, item, pace, by_km, due, basis, tuple(accepted), tuple(flagged))


# ------------------------------------------------------------------------------ completion

def _rebase(s, vehicle: Vehicle, on: date, km: int) -> None:
    """Planned items after a completed one run from its actual date and mileage; the plan is
    topped up to PLAN_LENGTH with regular services."""
    packages = {p.id: p for p in _packages(s, vehicle.store_id).values()}
    planned = _planned(s, vehicle.id)
    for item in planned:
        package = packages[item.package_id]
        on, km = add_months(on, package.interval_months), km + package.interval_km
        item.due_date, item.due_mileage = on, km
    regular = next((p for p in packages.values() if p.code == REGULAR), None)
    for _ in range(PLAN_LENGTH - len(planned) if regular else 0):
        on, km = add_months(on, regular.interval_months), km + regular.interval_km
        s.add(MaintenancePlanItem(vehicle_id=vehicle.id, package_id=regular.id, due_date=on,
                                  due_mileage=km, status="planned"))


def completed_by(s, order_id: int) -> bool:
    """Whether the order already completed a plan item (a reopened order delivered again)."""
    return s.scalar(select(MaintenancePlanItem.id).where(
        MaintenancePlanItem.work_order_id == order_id).limit(1)) is not None


def complete_for_order(s, actor, order: WorkOrder,
                       plan_item_id: int | None = None) -> MaintenancePlanItem:
    """Inside the caller's transaction (for wiring into delivery): the delivered maintenance
    `order` completes `plan_item_id`, or the vehicle's next planned item."""
    if order.business_type != "maintenance" or order.state not in DONE_STATES:
        raise ValidationError("maintenance.not_delivered",
                              "Only a delivered maintenance order completes a plan item.")
    done = s.scalar(select(MaintenancePlanItem.id).where(
        MaintenancePlanItem.work_order_id == order.id))
    if done is not None:
        raise ValidationError("maintenance.already_completed",
                              "Order {number} already completed a plan item.", number=order.number)
    planned = _planned(s, order.vehicle_id)
    item = (next((i for i in planned if i.id == plan_item_id), None) if plan_item_id
            else (planned[0] if planned else None))
    if item is None:
        raise ValidationError("maintenance.no_plan", "The vehicle has no such planned service.")
    item.status, item.work_order_id = "done", order.id
    item.done_on = (order.delivered_at or clock.now()).astimezone().date()
    item.done_mileage = order.entry_mileage
    s.flush()
    _rebase(s, s.get(Vehicle, order.vehicle_id), item.done_on, item.done_mileage)
    audit.record(s, actor, "maintenance_plan_item", item.id, "complete", work_order_id=order.id,
                 done_on=item.done_on, done_mileage=item.done_mileage)
    s.flush()
    return item


def complete_plan_item(db, actor, work_order_id: int,
                       plan_item_id: int | None = None) -> PlanItemView:
    with db.transaction() as s:
        require(s, actor, "maintenance.plan")
        order = s.get(WorkOrder, work_order_id)
        if order is None or order.store_id != actor.store_id:
            raise NotFound(what="Work order", key=work_order_id)
        item = complete_for_order(s, actor, order, plan_item_id)
        return _view(item, s.get(MaintenancePackage, item.package_id))


def complete_delivered(db, actor, vehicle_id: int) -> tuple[int, ...]:
    """Complete plan items from the vehicle's delivered maintenance orders not yet counted
    (those entered since the vehicle was filed), oldest first; returns the plan item ids."""
    with db.transaction() as s:
        require(s, actor, "maintenance.plan")
        vehicle = _vehicle(s, actor, vehicle_id)
        counted = select(MaintenancePlanItem.work_order_id).where(
            MaintenancePlanItem.vehicle_id == vehicle_id,
            MaintenancePlanItem.work_order_id.is_not(None))
        orders = s.scalars(select(WorkOrder).where(
            WorkOrder.vehicle_id == vehicle_id, WorkOrder.business_type == "maintenance",
            WorkOrder.state.in_(DONE_STATES), WorkOrder.entry_at >= vehicle.created_at,
            WorkOrder.id.not_in(counted)).order_by(WorkOrder.entry_at, WorkOrder.id)).all()
        done = []
        for order in orders:
            if not _planned(s, vehicle_id):
                break
            done.append(complete_for_order(s, actor, order).id)
        return tuple(done)
