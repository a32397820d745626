"""Step 7's reads: the workshop job board and flagged vs actual hours per job. No Qt.

Actual hours are never stored: they are derived from the clock events `dms.workshop.dispatch`
records, each clock-on paired with the same technician's next clock-off on the same job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from dms import clock
from dms.models import Bay, ClockEvent, DispatchAssignment, LabourLine, User, Vehicle, WorkOrder
from dms.workshop import states
from dms.workshop.common import load_order
from dms.workshop.dispatch import HOUR, open_clocks


@dataclass(frozen=True)
class JobHours:
    labour_line_id: int
    code: str
    name: str
    billed: Decimal  # flagged hours, what the customer pays
    actual: Decimal  # clocked hours, sum of the technicians' rounded hours
    by_technician: tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True)
class BoardJob:
    """One card on the workshop kanban."""

    work_order_id: int
    number: str
    plate: str | None
    order_state: str
    order_version: int
    pause_reason: str | None
    promised_at: datetime | None
    labour_line_id: int
    seq: int
    code: str
    name: str
    trade: str
    state: str
    billed_hours: Decimal
    bay_id: int | None
    bay_name: str | None
    technician_id: int | None
    technician_name: str | None
    team_lead_id: int | None
    planned_start: datetime | None
    planned_end: datetime | None
    planned_hours: Decimal | None
    clocked_on: tuple[str, ...]  # display names of the technicians on the job now


def clocked_hours(s: Session, line_ids: list[int]) -> dict[int, dict[int, Decimal]]:
    """line → technician → hours: each clock-on paired with the next clock-off of the same
    technician on the same job; a technician still on counts until now."""
    spans: dict[int, dict[int, timedelta]] = defaultdict(lambda: defaultdict(timedelta))
    started: dict[tuple[int, int], datetime] = {}
    events = s.scalars(select(ClockEvent).where(ClockEvent.labour_line_id.in_(line_ids))
                       .order_by(ClockEvent.id)) if line_ids else []
    for e in events:
        key = (e.labour_line_id, e.technician_id)
        if e.kind == "on":
            started.setdefault(key, e.at)
        elif key in started:
            spans[key[0]][key[1]] += e.at - started.pop(key)
    now = clock.now()
    for (line_id, tech), at in started.items():
        spans[line_id][tech] += now - at
    hour = Decimal(timedelta(hours=1) // timedelta(microseconds=1))  # exact, no float
    return {line: {tech: (Decimal(span // timedelta(microseconds=1)) / hour)
                   .quantize(HOUR, ROUND_HALF_UP) for tech, span in techs.items()}
            for line, techs in spans.items()}


def hours_report(db, actor, work_order_id: int) -> tuple[JobHours, ...]:
    """Flagged (billed) vs actual hours per approved job."""
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        jobs = [line for line in order.labour_lines if line.approval == "approved"]
        clocked = clocked_hours(s, [line.id for line in jobs])
        return tuple(JobHours(line.id, line.code, line.name, line.billed_hours,
                              sum(clocked.get(line.id, {}).values(), Decimal("0.00")),
                              tuple(sorted(clocked.get(line.id, {}).items())))
                     for line in jobs)


def actual_hours(db, actor, work_order_id: int) -> dict[int, Decimal]:
    return {job.labour_line_id: job.actual for job in hours_report(db, actor, work_order_id)}


def job_board(db, actor) -> tuple[BoardJob, ...]:
    """Approved jobs of the store's orders in the workshop, oldest car first."""
    tech, a = aliased(User), DispatchAssignment
    with db.reading() as s:
        rows = s.execute(
            select(WorkOrder, LabourLine, Vehicle.plate, Bay.name, tech.display_name, a)
            .join(LabourLine, LabourLine.work_order_id == WorkOrder.id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .outerjoin(Bay, Bay.id == LabourLine.bay_id)
            .outerjoin(tech, tech.id == LabourLine.technician_id)
            .outerjoin(a, and_(a.labour_line_id == LabourLine.id, a.active.is_(True)))
            .where(WorkOrder.store_id == actor.store_id,
                   WorkOrder.state.in_(states.WORKSHOP_STATES), LabourLine.approval == "approved")
            .order_by(WorkOrder.entry_at, WorkOrder.id, LabourLine.seq)).all()
        on: dict[int, list[str]] = defaultdict(list)
        events = open_clocks(s, line_ids=[row.LabourLine.id for row in rows])
        for e in events:
            on[e.labour_line_id].append(s.get(User, e.technician_id).display_name)
        return tuple(BoardJob(
            work_order_id=o.id, number=o.number, plate=plate, order_state=o.state,
            order_version=o.version, pause_reason=o.pause_reason, promised_at=o.promised_at,
            labour_line_id=line.id, seq=line.seq, code=line.code, name=line.name,
            trade=line.trade, state=line.state, billed_hours=line.billed_hours, bay_id=line.bay_id,
            bay_name=bay_name, technician_id=line.technician_id, technician_name=tech_name,
            team_lead_id=line.team_lead_id, planned_start=asg and asg.planned_start,
            planned_end=asg and asg.planned_end, planned_hours=asg and asg.planned_hours,
            clocked_on=tuple(on.get(line.id, ())))
            for o, line, plate, bay_name, tech_name, asg in rows)
