"""Step 7, dispatch and repair: jobs to bays and technicians, clock on/off, pause, finish.

A job (labour line) keeps its own bay, technician and state (waiting → in_progress → done,
or rework after a failed inspection), because one car can visit the mechanical bay and then
the paint booth. Actual hours are never stored: they are derived from the clock events (the
reads, job board and hours, are in `dms.workshop.board`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import String, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from dms import audit, clock, validators
from dms.errors import Forbidden, InvalidTransition, NotFound, ValidationError
from dms.models import (Bay, ClockEvent, DispatchAssignment, LabourLine, QCInspection, User,
                        Vehicle, WorkOrder)
from dms.permissions import ACCOUNT_COLUMNS, account, first_with_account, require
from dms.workshop import states
from dms.workshop.common import (Changed, changed, load_order, load_order_of, move, read_along,
                                 touch)
from dms.workshop.completion import unanswered
from dms.workshop.lines import lines
from dms.workshop.trades import bay_kind

ASSIGNABLE = (states.AUTHORIZED, states.DISPATCHED, states.IN_REPAIR, states.PAUSED, states.REWORK)
CLOCKABLE = (states.DISPATCHED, states.IN_REPAIR, states.REWORK)
PAUSE_REASONS = ("waiting_parts", "waiting_approval")
HOUR = Decimal("0.01")


@dataclass(frozen=True)
class Assigned:
    order: Changed
    labour_line_id: int
    assignment_id: int


@dataclass(frozen=True)
class ClockResult:
    order: Changed
    labour_line_id: int
    job_state: str
    on_job: tuple[int, ...]  # technicians still clocked on the job


# -- shared helpers (qc.py and board.py use them too) ---------------------------------------

def _load_line(s: Session, actor, line_id: int, expected_version: int | None, permission: str,
               with_on_job: bool = True, guarded=None):
    """(job, its order), the order locked; `permission` checked first. Who is clocked on the
    job comes with them (`on_job`) unless `with_on_job` is false; `guarded`: more to read
    with the job (`load_order_of`)."""
    try:
        line, order = load_order_of(s, actor, LabourLine, line_id, expected_version, permission,
                                    guarded={**(_ON_JOB if with_on_job else {}),
                                             **(guarded or {})} or None)
    except NotFound:
        order = None
    if order is None:
        raise NotFound(what="Job", key=line_id)
    return line, order


def _still_on():
    """A clock-on that no later event of its job and technician follows: one look-up per
    clock-on on the (job, technician, id) index, whatever the planner's statistics say.
    (Joining each group's latest event back instead made PostgreSQL, with a young table's
    statistics, compare every clock-on with every group: 30-60 ms at 600 events.)"""
    later = aliased(ClockEvent)
    return and_(ClockEvent.kind == "on", ~select(later.id).where(
        later.labour_line_id == ClockEvent.labour_line_id,
        later.technician_id == ClockEvent.technician_id, later.id > ClockEvent.id).exists())


def _on_job():
    """The technicians clocked on the job "dms_line", as "event id:technician id" joined by
    commas."""
    pair = func.cast(ClockEvent.id, String) + ":" + func.cast(ClockEvent.technician_id, String)
    return select(func.aggregate_strings(pair, ",")).where(
        ClockEvent.labour_line_id == bindparam("dms_line"), _still_on()).scalar_subquery()


_ON_JOB = {"on_job": (_on_job(),)}  # for `load_order_of(guarded=...)`


def on_job(s: Session, order: WorkOrder, line: LabourLine) -> list[int]:
    """Who is clocked on the job (in the order they clocked on), as read with it."""
    found = read_along(s, "on_job", order.id)
    if found is None:
        return [e.technician_id for e in open_clocks(s, line_ids=[line.id])]
    pairs = sorted(tuple(map(int, p.split(":"))) for p in (found[0] or "").split(",") if p)
    return [tech for _, tech in pairs]


def require_staff(s: Session, actor, user_id: int | None, role: str, code: str) -> None:
    """An active user of the actor's store holding `role`, or ValidationError(code)."""
    user = account(s, user_id) if user_id is not None else None
    if user is None or not user[0] or user[1] != actor.store_id or role not in user[2]:
        raise ValidationError(code, "User {user} is not an active {role} of this store.",
                              user=user_id, role=role)


def open_clocks(s: Session, *, line_ids=None, technician_id: int | None = None,
                either: bool = False) -> list[ClockEvent]:
    """Clock-on events not yet followed by a clock-off: who is on which job right now.
    `either`: on those jobs or by that technician (one read for both questions)."""
    shape = (line_ids is not None, technician_id is not None, either)
    query = _OPEN_CLOCKS.get(shape)
    if query is None:
        query = _OPEN_CLOCKS[shape] = _open_clocks(*shape)
    return list(s.scalars(query, {"lines": list(line_ids or ()), "tech": technician_id}))


def _open_clocks(on_lines: bool, by_tech: bool, either: bool):
    """`open_clocks`'s statement, built once per shape: the jobs bound as "lines" (a list),
    the technician as "tech"."""
    found = ((ClockEvent.labour_line_id.in_(bindparam("lines", expanding=True)),) if on_lines
             else ()) + ((ClockEvent.technician_id == bindparam("tech"),) if by_tech else ())
    return select(ClockEvent).where(*((or_(*found),) if either else found), _still_on()) \
        .order_by(ClockEvent.id)


_OPEN_CLOCKS: dict = {}  # (jobs given, technician given, either) → statement


def set_job_state(s: Session, actor, order: WorkOrder, line: LabourLine, state: str,
                  action: str, reason: str | None = None) -> None:
    if line.state != state:
        audit.record(s, actor, "labour_line", line.id, action, from_state=line.state,
                     to_state=state, reason=reason, work_order_id=order.id)
        line.state = state


def _approved(line: LabourLine) -> None:
    if line.approval != "approved":
        raise ValidationError("dispatch.not_approved",
                              "Job {job} is not approved by the customer.", job=line.code)


def _planned(start, end, hours, equipment):
    if any(v is not None and v.tzinfo is None for v in (start, end)) or (
            start and end and end <= start):
        raise ValidationError("dispatch.planned_times", "The planned end must follow the start.")
    if hours is not None:
        hours = validators.number(hours, "dispatch.planned_hours", "hours", places=2,
                                  maximum=validators.MAX_HOURS, allow_minimum=False)
    equipment = (equipment or "").strip() or None
    if equipment and len(equipment) > 200:
        raise ValidationError("dispatch.equipment", "Describe the equipment in 200 characters.")
    return hours, equipment


def check_bay(job: str, trade: str | None, bay: str, kind: str, busy_with: str | None) -> None:
    """The rules of a bay for a job, one place for this service and the board's early refusal:
    the bay is of the kind the job's trade is done in, and no other car is in repair there
    (`busy_with`: its plate, found by the caller among the jobs in progress on the bay)."""
    needed = bay_kind(trade)
    if needed is not None and kind != needed:
        raise ValidationError("dispatch.bay_kind", "{bay} is a {bay_kind} bay; job {job} "
                              "({trade}) goes to a {needed_kind} bay.", bay=bay, bay_kind=kind,
                              job=job, trade=trade, needed_kind=needed)
    if busy_with is not None:
        raise ValidationError("dispatch.bay_busy", "{bay} is busy: {plate} is in repair there.",
                              bay=bay, plate=busy_with)


def _in_repair(bay_id, order_id):
    """The plate (else the number) of another car than order `order_id` with a job in progress
    on bay `bay_id` (columns of the statement it goes into, or bound values); a paused car or
    one at QC does not hold the bay, as on the board (`dms.workshop.kanban.lane_of`)."""
    other, car = aliased(LabourLine), aliased(WorkOrder)
    return select(func.coalesce(func.nullif(Vehicle.plate, ""), car.number)) \
        .select_from(other).join(car, car.id == other.work_order_id) \
        .join(Vehicle, Vehicle.id == car.vehicle_id) \
        .where(other.bay_id == bay_id, other.state == "in_progress",
               other.work_order_id != order_id, car.state.in_(CLOCKABLE)) \
        .order_by(car.id).limit(1)


_IN_REPAIR = _in_repair(bindparam("dms_bay"), bindparam("dms_order"))


def _in_repair_on(s: Session, bay: Bay, order: WorkOrder) -> str | None:
    """`_in_repair` for `bay` and `order`."""
    return s.scalar(_IN_REPAIR, {"dms_bay": bay.id, "dms_order": order.id})


# assign_job's one read: the bay "dms_bay", another car in repair on it (not the order
# "dms_order") and, unless this transaction has it, the technician's account ("dms_user").
_BAY = select(Bay, _in_repair(Bay.id, bindparam("dms_order")).scalar_subquery()) \
    .where(Bay.id == bindparam("dms_bay"))
_BAY_AND_ACCOUNT = _BAY.add_columns(*ACCOUNT_COLUMNS)
# clock_on's, with the job under the order's lock (`load_order_of(guarded=...)`): the job's bay
# (name, kind) and another car in repair on it.
_JOB_BAY = {"job_bay": (
    select(Bay.name).where(Bay.id == LabourLine.bay_id).scalar_subquery(),
    select(Bay.kind).where(Bay.id == LabourLine.bay_id).scalar_subquery(),
    _in_repair(LabourLine.bay_id, LabourLine.work_order_id).scalar_subquery())}


def bay_for(db, actor, labour_line_id: int) -> int | None:
    """A bay `assign_job` takes for the job: the one it has if that fits, else the first free
    active bay of its trade's kind; None when every such bay is busy."""
    with db.reading() as s:
        require(s, actor, "workorder.dispatch")
        line = s.get(LabourLine, labour_line_id)
        order = None if line is None else s.get(WorkOrder, line.work_order_id)
        if order is None or order.store_id != actor.store_id:
            raise NotFound(what="Job", key=labour_line_id)
        kind = bay_kind(line.trade)
        bays = s.scalars(select(Bay).where(Bay.store_id == actor.store_id, Bay.active.is_(True),
                                           *(() if kind is None else (Bay.kind == kind,)))
                         .order_by(Bay.id)).all()
        if line.bay_id in {b.id for b in bays}:
            return line.bay_id
        return next((b.id for b in bays if _in_repair_on(s, b, order) is None), None)


# -- commands ---------------------------------------------------------------------------------

def assign_job(db, actor, labour_line_id: int, bay_id: int, technician_id: int,
               team_lead_id: int | None = None, planned_start: datetime | None = None,
               planned_end: datetime | None = None, planned_hours: Decimal | None = None,
               equipment: str | None = None, expected_version: int | None = None) -> Assigned:
    """Put a job on a bay and a technician; assigning again moves it (reassignment). The bay
    must fit the job (`check_bay`): of its trade's kind, and no other car in repair there; no
    role overrules this (the board has no override either)."""
    hours, equipment = _planned(planned_start, planned_end, planned_hours, equipment)
    with db.transaction() as s:
        line, order = _load_line(s, actor, labour_line_id, expected_version, "workorder.dispatch")
        if order.state not in ASSIGNABLE:
            raise InvalidTransition(action="assign_job", state=order.state)
        _approved(line)
        if line.state == "done":
            raise ValidationError("dispatch.job_done", "Job {job} is done.", job=line.code)
        if on_job(s, order, line):
            raise ValidationError("dispatch.job_clocked_on",
                                  "Someone is clocked on job {job}: clock off before moving it.",
                                  job=line.code)
        # the bay, another car in repair on it and the technician's account in one read
        found = first_with_account(s, technician_id, (_BAY, _BAY_AND_ACCOUNT),
                                   {"dms_bay": bay_id, "dms_order": order.id})
        bay, busy_with = found[:2] if found is not None else (None, None)
        if bay is None or bay.store_id != actor.store_id:
            raise NotFound(what="Bay", key=bay_id)
        if not bay.active:
            raise ValidationError("dispatch.bay_inactive", "Bay {bay} is out of service.",
                                  bay=bay.name)
        # a job staying on its bay (another technician) does not ask whether the bay is free
        check_bay(line.code, line.trade, bay.name, bay.kind,
                  None if bay.id == line.bay_id else busy_with)
        require_staff(s, actor, technician_id, "technician", "dispatch.technician")
        if team_lead_id is not None:
            require_staff(s, actor, team_lead_id, "team_lead", "dispatch.team_lead")
        # only an assignment puts a job on a bay: a job on none was never assigned
        previous = [] if line.bay_id is None else s.scalars(select(DispatchAssignment).where(
            DispatchAssignment.labour_line_id == line.id,
            DispatchAssignment.active.is_(True))).all()
        for old in previous:
            old.active = False
        assignment = DispatchAssignment(
            labour_line_id=line.id, bay_id=bay.id, technician_id=technician_id,
            team_lead_id=team_lead_id, planned_hours=hours or line.billed_hours,
            planned_start=planned_start, planned_end=planned_end, dispatcher_id=actor.id,
            equipment=equipment, assigned_at=clock.now())
        s.add(assignment)
        before = (line.bay_id, line.technician_id)
        line.bay_id, line.technician_id, line.team_lead_id = bay.id, technician_id, team_lead_id
        place = audit.mark(s)  # the assignment's entry comes first, once it has its id
        if order.state == states.AUTHORIZED:
            move(s, actor, order, "dispatch", labour_line_id=line.id)
        else:
            touch(order, actor)
        done = changed(s, order)  # one flush: the assignment, the job and the order
        audit.record(s, actor, "labour_line", line.id, "reassign" if previous else "assign",
                     work_order_id=order.id, assignment_id=assignment.id, bay_id=bay.id,
                     technician_id=technician_id, from_bay_id=before[0],
                     from_technician_id=before[1], place=place)
        return Assigned(done, line.id, assignment.id)


def _may_clock(s: Session, actor, roles, line: LabourLine, order: WorkOrder) -> bool:
    if line.technician_id == actor.id or "team_lead" in roles:
        return True
    if line.state != "rework":
        return False
    owner = s.scalar(select(QCInspection.rework_owner_id).where(
        QCInspection.work_order_id == order.id, QCInspection.passed.is_(False))
        .order_by(QCInspection.id.desc()).limit(1))
    return owner == actor.id  # the rework owner may redo the job even as a helper


def clock_on(db, actor, labour_line_id: int, expected_version: int | None = None) -> ClockResult:
    with db.transaction() as s:
        line, order = _load_line(s, actor, labour_line_id, expected_version, "job.clock",
                                 with_on_job=False,  # the read below asks more than that
                                 guarded=_JOB_BAY)
        roles = require(s, actor, "job.clock")
        if order.state not in CLOCKABLE:
            raise InvalidTransition(action="clock_on", state=order.state)
        _approved(line)
        if line.technician_id is None or line.bay_id is None:  # only assigning sets both
            raise ValidationError("clock.not_dispatched", "Job {job} is not dispatched.",
                                  job=line.code)
        if line.state == "done" and order.state != states.IN_REPAIR:
            raise ValidationError("clock.job_done", "Job {job} is already done.", job=line.code)
        if not _may_clock(s, actor, roles, line, order):
            raise ValidationError("clock.not_assigned", "Job {job} is assigned to someone else.",
                                  job=line.code)
        # the bay's rules as on assignment: a job left on its bay (`assign_job` lets it stay
        # while another car comes into repair there) waits until that car leaves the bay
        bay_name, kind, busy_with = read_along(s, "job_bay", order.id)
        check_bay(line.code, line.trade, bay_name, kind, busy_with)
        # Lock the technician so two terminals cannot clock the same person on twice (SQLite's
        # BEGIN IMMEDIATE has already made this the only writer).
        if s.get_bind().dialect.name != "sqlite":
            s.execute(select(User.id).where(User.id == actor.id).with_for_update())
        clocked = open_clocks(s, line_ids=[line.id], technician_id=actor.id, either=True)
        for event in (e for e in clocked if e.technician_id == actor.id):
            if event.labour_line_id == line.id:
                raise ValidationError("clock.already_on", "You are already clocked on job {job}.",
                                      job=line.code)
            other = s.get(LabourLine, event.labour_line_id)
            number = s.scalar(select(WorkOrder.number).where(WorkOrder.id == other.work_order_id))
            raise ValidationError("clock.on_other_job", "You are still clocked on job {job} of "
                                  "{number}; clock off first.", job=other.code, number=number)
        s.add(ClockEvent(labour_line_id=line.id, technician_id=actor.id, kind="on",
                         at=clock.now()))
        set_job_state(s, actor, order, line, "in_progress",
                      "reopen" if line.state == "done" else "clock_on")
        if order.state in (states.DISPATCHED, states.REWORK):
            move(s, actor, order, "start", labour_line_id=line.id)
        else:
            touch(order, actor)
        # those on the job before (the actor was on no job, or it raised above), then the actor
        on_job = tuple(e.technician_id for e in clocked) + (actor.id,)
        return ClockResult(changed(s, order), line.id, line.state, on_job)


def clock_off(db, actor, labour_line_id: int, done: bool = False, reason: str | None = None,
              expected_version: int | None = None) -> ClockResult:
    """Clock the acting technician off; `done` finishes the job once nobody else is on it."""
    reason = (reason or "").strip() or None
    if reason and len(reason) > 40:
        raise ValidationError("clock.reason", "Keep the reason within 40 characters.")
    with db.transaction() as s:
        line, order = _load_line(s, actor, labour_line_id, expected_version, "job.clock")
        others = on_job(s, order, line)
        if actor.id not in others:
            raise ValidationError("clock.not_on", "You are not clocked on job {job}.",
                                  job=line.code)
        s.add(ClockEvent(labour_line_id=line.id, technician_id=actor.id, kind="off",
                         at=clock.now(), reason=reason))
        others.remove(actor.id)
        if done and not others:
            set_job_state(s, actor, order, line, "done", "job_done", reason)
        touch(order, actor)
        return ClockResult(changed(s, order), line.id, line.state, tuple(others))


def pause(db, actor, work_order_id: int, reason: str,
          expected_version: int | None = None) -> Changed:
    if reason not in PAUSE_REASONS:
        raise ValidationError("dispatch.pause_reason", "Pause for waiting parts or approval.",
                              value=reason)
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version, permission="workorder.pause")
        pause_order(s, actor, order, reason)
        return changed(s, order)


def pause_order(s: Session, actor, order: WorkOrder, reason: str) -> None:
    """Pause inside the caller's transaction; whoever is on the order's jobs clocks off, so
    waiting time is never counted as work (added work uses this too)."""
    before, now = order.state, clock.now()
    events = open_clocks(s, line_ids=[line.id for line in order.labour_lines])
    s.add_all(ClockEvent(labour_line_id=e.labour_line_id, technician_id=e.technician_id,
                         kind="off", at=now, reason=reason) for e in events)
    move(s, actor, order, "pause", reason, clocked_off=[e.technician_id for e in events])
    order.paused_from, order.pause_reason = before, reason


def resume_order(s: Session, actor, order: WorkOrder, reason: str | None = None) -> None:
    move(s, actor, order, "resume", reason or order.pause_reason, paused_from=order.paused_from)
    order.paused_from = order.pause_reason = None


def resume(db, actor, work_order_id: int, expected_version: int | None = None) -> Changed:
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version)
        resume_order(s, actor, order)
        return changed(s, order)


def finish_repair(db, actor, work_order_id: int, self_check_ok: bool, note: str | None = None,
                  expected_version: int | None = None) -> Changed:
    """All jobs done and the technician's self-check passed: the car goes to QC."""
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version)
        roles = require(s, actor, "workorder.finish")
        states.transition("finish", order.state, roles)
        jobs = [line for line in lines(s, order)[0] if line.approval == "approved"]
        if "team_lead" not in roles and actor.id not in {line.technician_id for line in jobs}:
            raise Forbidden("forbidden.not_assigned", "Work order {number} is not assigned to "
                            "you: {action}.", number=order.number, action="workorder.finish")
        if open_clocks(s, line_ids=[line.id for line in jobs]):
            raise ValidationError("dispatch.clocked_on", "Someone is still clocked on this car.")
        open_jobs = [line.code for line in jobs if line.state != "done"]
        if open_jobs:
            raise ValidationError("dispatch.jobs_open", "Jobs not done yet: {jobs}.",
                                  jobs=", ".join(open_jobs))
        unanswered(s, order)  # else READY would be reached with the customer's answer open
        if not self_check_ok:
            raise ValidationError("dispatch.self_check", "Finish only after the self-check passes.")
        note = validators.text(note, "note")
        s.add(QCInspection(work_order_id=order.id, level="self", inspector_id=actor.id,
                           passed=True, at=clock.now(), reason=note))
        move(s, actor, order, "finish", note, self_check=True)
        return changed(s, order)
