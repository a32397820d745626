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
    return pair_clock_events(s, ClockEvent.labour_line_id.in_(line_ids)) if line_ids else {}


def pair_clock_events(s: Session, *where) -> dict[int, dict[int, Decimal]]:
    """`clocked_hours` of the jobs whose events match `where` (every event of each such job
    must match: a condition on the job, not on the event's time). Plain rows, no entities:
    the KPIs pair a month's events, tens of thousands, in one read."""
    spans: dict[int, dict[int, timedelta]] = defaultdict(lambda: defaultdict(timedelta))
    started: dict[tuple[int, int], datetime] = {}
    e = ClockEvent
    for line_id, tech, kind, at in s.execute(select(e.labour_line_id, e.technician_id, e.kind,
                                                    e.at).where(*where).order_by(e.id)):
        key = (line_id, tech)
        if kind == "on":
            started.setdefault(key, at)
        elif key in started:
            spans[line_id][tech] += at - started.pop(key)
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
    """Approved jobs of the store's orders in the workshop, oldest car first.

    Two queries on purpose: the open orders first (by state, a few hundred out of years of
    history), then their jobs. As one query ordered by entry time, a planner that knows how
    many orders there are prefers walking the whole history in entry order to sorting a few
    hundred rows. Plain columns, no ORM entities: the kanban shows hundreds of cards.
    """
    with db.reading() as s:
        return board_rows(s, actor, states.WORKSHOP_STATES)


def board_rows(s: Session, actor, shown_states, order_ids=None) -> tuple[BoardJob, ...]:
    """`job_board` inside the caller's reading, for orders in `shown_states` (the kanban of
    `dms.workshop.kanban` adds READY); only those of `order_ids` when it is given."""
    tech, a, o, line = aliased(User), DispatchAssignment, WorkOrder, LabourLine
    among = () if order_ids is None else (o.id.in_(list(order_ids)),)
    open_ids = s.scalars(select(o.id).where(o.store_id == actor.store_id,
                                             o.state.in_(tuple(shown_states)), *among)).all()
    rows = s.execute(
        select(o.id, o.number, Vehicle.plate, o.state, o.version, o.pause_reason,
               o.promised_at, line.id.label("labour_line_id"), line.seq, line.code,
               line.name, line.trade, line.state, line.billed_hours, line.bay_id, Bay.name,
               line.technician_id, tech.display_name, line.team_lead_id, a.planned_start,
               a.planned_end, a.planned_hours)  # in BoardJob's order
        .join(line, line.work_order_id == o.id)
        .join(Vehicle, Vehicle.id == o.vehicle_id)
        .outerjoin(Bay, Bay.id == line.bay_id)
        .outerjoin(tech, tech.id == line.technician_id)
        .outerjoin(a, and_(a.labour_line_id == line.id, a.active.is_(True)))
        .where(o.id.in_(open_ids), line.approval == "approved")
        .order_by(o.entry_at, o.id, line.seq)).all() if open_ids else []
    on: dict[int, list[str]] = defaultdict(list)
    for e in open_clocks(s, line_ids=[row.labour_line_id for row in rows]):
        on[e.labour_line_id].append(s.get(User, e.technician_id).display_name)
    return tuple(BoardJob(*row, clocked_on=tuple(on.get(row.labour_line_id, ())))
                 for row in rows)
