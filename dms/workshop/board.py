"""Step 7's reads: the workshop job board and flagged vs actual hours per job. No Qt.

Actual hours are never stored: they are derived from the clock events `dms.workshop.dispatch`
records, each clock-on paired with the same technician's next clock-off on the same job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from sqlalchemy import and_, bindparam, select
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


class BoardJob(NamedTuple):
    """One card on the workshop kanban (a named tuple, not a frozen dataclass: the board makes
    a few hundred at a time, and a frozen dataclass costs 4 µs each to make)."""

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
    """Approved jobs of the store's orders in the workshop, oldest car first."""
    with db.reading() as s:
        return board_rows(s, actor, states.WORKSHOP_STATES)


@cache
def _open_query(among: bool):
    """The ids of the store "dms_store"'s orders in the states "dms_states" (and among the
    orders "dms_among"); built once, as the statements below (bound values given at each
    execution)."""
    o = WorkOrder
    return select(o.id).where(o.store_id == bindparam("dms_store"),
                              o.state.in_(bindparam("dms_states", expanding=True)),
                              *((o.id.in_(bindparam("dms_among", expanding=True)),) if among
                                else ()))


@cache
def _jobs_query():
    """The approved jobs of the orders "dms_orders", with their order's entry.

    The open orders are found first (`_open_query`, by state: a few hundred out of years of
    history), then their jobs: asked at once, a planner that does not know how few orders
    are open (SQLite's statistics do not say) walks the whole history. Plain columns, no ORM
    entities: the kanban shows hundreds of cards."""
    tech, a, o, line = aliased(User), DispatchAssignment, WorkOrder, LabourLine
    return (select(o.id, o.number, Vehicle.plate, o.state, o.version, o.pause_reason,
                   o.promised_at, line.id.label("labour_line_id"), line.seq, line.code,
                   line.name, line.trade, line.state, line.billed_hours, line.bay_id, Bay.name,
                   line.technician_id, tech.display_name, line.team_lead_id, a.planned_start,
                   a.planned_end, a.planned_hours)  # in BoardJob's order
            .join(line, line.work_order_id == o.id)
            .join(Vehicle, Vehicle.id == o.vehicle_id)
            .outerjoin(Bay, Bay.id == line.bay_id)
            .outerjoin(tech, tech.id == line.technician_id)
            .outerjoin(a, and_(a.labour_line_id == line.id, a.active.is_(True)))
            .where(o.id.in_(bindparam("dms_orders", expanding=True)),
                   line.approval == "approved")
            .order_by(o.entry_at, o.id, line.seq))


def board_rows(s: Session, actor, shown_states, order_ids=None) -> tuple[BoardJob, ...]:
    """`job_board` inside the caller's reading, for orders in `shown_states` (the kanban of
    `dms.workshop.kanban` adds READY); only those of `order_ids` when it is given."""
    values = {"dms_store": actor.store_id, "dms_states": list(shown_states)}
    if order_ids is not None:
        values["dms_among"] = list(order_ids)
    conn = s.connection()  # plain rows: no ORM machinery for each of hundreds
    open_ids = conn.execute(_open_query(order_ids is not None), values).scalars().all()
    rows = conn.execute(_jobs_query(), {"dms_orders": open_ids}).all() if open_ids else []
    on: dict[int, list[str]] = defaultdict(list)
    for e in open_clocks(s, line_ids=[row.labour_line_id for row in rows]) if rows else ():
        on[e.labour_line_id].append(s.get(User, e.technician_id).display_name)
    return tuple(BoardJob(*row, clocked_on=tuple(on.get(row.labour_line_id, ())))
                 for row in rows)
