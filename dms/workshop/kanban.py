"""The workshop board's reads (DESIGN §9 "Workshop board"): every job of the open orders as a
card carrying what a dispatcher decides on (model, advisor, hours planned and clocked, parts,
the customer's answer on added work, who is on it, since when it is in its lane), the bays, the
technicians with their planned hours, and the QC desk's queue. No Qt.

A card's lane is derived here, once, from the order's and the job's state, so the kanban, the
TV board and the tests agree on where a job is. `board` reads the whole kanban (F5, the first
show); `cards_again` reads only the cards of the few orders another seat changed, and
`with_cards` puts them into the board read before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from dms.models import (AuditLog, Bay, ClockEvent, LabourLine, PartLine, QCInspection, User,
                        UserRole, Vehicle, WorkOrder)
from dms.permissions import require
from dms.workshop import states
from dms.workshop.board import BoardJob, board_rows, clocked_hours
from dms.workshop.dispatch import open_clocks
from dms.workshop.trades import bay_kind

# The kanban's columns in the order of the flow (DESIGN §2); a paused car waits either for
# parts or for the customer, and the dispatcher acts differently on each.
LANES = ("waiting", "dispatched", "in_repair", "paused_parts", "paused_approval", "qc", "rework",
         "ready")
SHOWN_STATES = (*states.WORKSHOP_STATES, states.READY)
PENDING_APPROVAL = ("proposed", "priced")
WAITING_PARTS = ("requested", "reserved")
ZERO = Decimal("0.00")


class Card(NamedTuple):
    """A job's card (a named tuple, as `BoardJob`: a board read makes hundreds)."""

    job: BoardJob
    model: str
    advisor: str
    used_hours: Decimal
    parts: str  # "none": no parts; "issued": all issued; "waiting": some not issued yet
    approval: str  # "waiting": added work the customer has not answered; else "answered"
    since: datetime  # when the job came into its lane
    lane: str
    entered: datetime  # when the car came into the workshop: the board's order

    @property
    def id(self) -> int:
        return self.job.labour_line_id

    @property
    def rank(self) -> tuple:
        """Where the card is in every lane: the oldest car first, its jobs in order."""
        return self.entered, self.job.work_order_id, self.job.seq


@dataclass(frozen=True)
class BayInfo:
    id: int
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Technician:
    id: int
    name: str
    team: str | None
    planned_hours: Decimal  # hours planned on the technician's jobs not done yet


@dataclass(frozen=True)
class Board:
    cards: tuple[Card, ...]
    bays: tuple[BayInfo, ...]
    technicians: tuple[Technician, ...]


@dataclass(frozen=True)
class QCJob:
    labour_line_id: int
    name: str
    worked_by: frozenset[int]  # its technician and whoever clocked on it


@dataclass(frozen=True)
class QCItem:
    """A car waiting at the QC desk: `level` is the check it waits for (self, team_lead, final)."""

    work_order_id: int
    number: str
    plate: str | None
    model: str
    advisor: str
    version: int
    level: str
    promised_at: datetime | None
    since: datetime
    jobs: tuple[QCJob, ...]  # a fail sends the faulty ones back (`qc.final_inspection`)
    technicians: tuple[tuple[int, str], ...]  # who worked on it: the rework owner is one of them


def lane_of(job: BoardJob) -> str:
    order = job.order_state
    if order == states.READY:
        return "ready"
    if order == states.PAUSED:
        return "paused_approval" if job.pause_reason == "waiting_approval" else "paused_parts"
    if order == states.QC:
        return "qc"
    if job.state == "rework" or (order == states.REWORK and job.state == "done"):
        return "rework"
    if job.technician_id is None:
        return "waiting"
    if job.state == "done":
        return "qc"  # waiting for the technician's self-check
    return "in_repair" if job.state == "in_progress" else "dispatched"


def occupant(board: Board, bay_id: int) -> Card | None:
    """The car being repaired in the bay now (a job of it in repair there), if any."""
    return next((c for c in board.cards if c.job.bay_id == bay_id and c.lane == "in_repair"),
                None)


def default_bay(board: Board, card: Card) -> int | None:
    """The bay a job goes to when only the technician is chosen: the bay it has, else a free
    bay of its trade's kind, the car's own first (where its other jobs are: a car stands in
    one bay), then the least planned (a busy one when all are), else the first bay."""
    if card.job.bay_id is not None:
        return card.job.bay_id
    kind = bay_kind(card.job.trade)
    load: dict[int, Decimal] = defaultdict(Decimal)
    for other in board.cards:
        if other.job.bay_id is not None and other.lane not in ("ready", "qc"):
            load[other.job.bay_id] += other.job.planned_hours or other.job.billed_hours
    fitting = [b for b in board.bays if b.kind == kind] or list(board.bays)

    def busy(bay_id: int) -> bool:
        there = occupant(board, bay_id)
        return there is not None and there.job.work_order_id != card.job.work_order_id

    own = {other.job.bay_id for other in board.cards
           if other.job.work_order_id == card.job.work_order_id}
    return min(fitting, key=lambda b: (busy(b.id), b.id not in own, load[b.id], b.id)).id \
        if fitting else None


class _Order(NamedTuple):
    model: str
    advisor: str  # the advisor's name
    entered: datetime  # when the car came into the workshop: the board's order
    awaiting: bool  # added work the customer has not answered yet


@cache
def _orders_query():
    """The orders "dms_orders" with what their cards show, built once (as every read of the
    board's: bound values given at each execution)."""
    o = WorkOrder
    awaiting = or_(*(select(line.id).where(line.work_order_id == o.id,
                                          line.approval.in_(PENDING_APPROVAL)).exists()
                     for line in (LabourLine, PartLine)))
    return (select(o.id, Vehicle.brand, Vehicle.series, Vehicle.model_code, User.display_name,
                   o.entry_at, awaiting.label("awaiting"))
            .join(Vehicle, Vehicle.id == o.vehicle_id).join(User, User.id == o.advisor_id)
            .where(o.id.in_(bindparam("dms_orders", expanding=True))))


def _orders(s: Session, order_ids) -> dict[int, _Order]:
    """order → what its cards show of it, in one read: the car's model, the advisor, the
    entry and whether added work waits for the customer's answer."""
    rows = s.connection().execute(_orders_query(), {"dms_orders": list(order_ids)}).all()
    return {r.id: _Order(" ".join(p for p in (r.series or r.brand, r.model_code) if p),
                         r.display_name, r.entry_at, bool(r.awaiting)) for r in rows}


@cache
def _since_query():
    """The last audit entry of each job "dms_lines" and of each order "dms_orders" that
    moved it (an order's: a change of state)."""
    return (select(AuditLog.entity, AuditLog.entity_id, func.max(AuditLog.at))
            .where(or_(and_(AuditLog.entity == "labour_line",
                            AuditLog.entity_id.in_(bindparam("dms_lines", expanding=True))),
                       and_(AuditLog.entity == "work_order",
                            AuditLog.entity_id.in_(bindparam("dms_orders", expanding=True)),
                            AuditLog.to_state.is_not(None))))
            .group_by(AuditLog.entity, AuditLog.entity_id))


def _since(s: Session, jobs: list[BoardJob], orders) -> dict[int, datetime]:
    """job → the last audit entry that moved it or its order (assignment, clock, state), or
    the order's entry (`orders`, `_orders`)."""
    rows = s.connection().execute(_since_query(), {
        "dms_lines": [j.labour_line_id for j in jobs], "dms_orders": list(orders)}).all()
    last = {(entity, key): at for entity, key, at in rows}
    return {j.labour_line_id: max(t for t in (last.get(("labour_line", j.labour_line_id)),
                                              last.get(("work_order", j.work_order_id)),
                                              orders[j.work_order_id].entered)
                                  if t is not None)
            for j in jobs}


@cache
def _parts_query():
    return select(PartLine.work_order_id, PartLine.labour_line_id, PartLine.state).where(
        PartLine.work_order_id.in_(bindparam("dms_orders", expanding=True)),
        PartLine.approval == "approved")


def _parts(s: Session, order_ids) -> dict[tuple[int, int | None], bool]:
    """(order, job or None) → whether every approved part of it is issued."""
    done: dict[tuple[int, int | None], bool] = {}
    for order_id, line_id, state in s.connection().execute(
            _parts_query(), {"dms_orders": list(order_ids)}).all():
        key = (order_id, line_id)
        done[key] = done.get(key, True) and state not in WAITING_PARTS
    return done


def _parts_status(parts, job: BoardJob) -> str:
    own = [parts[k] for k in ((job.work_order_id, job.labour_line_id), (job.work_order_id, None))
           if k in parts]
    if not own:
        return "none"
    return "issued" if all(own) else "waiting"


def _cards(s: Session, actor, among=None) -> tuple[Card, ...]:
    jobs = board_rows(s, actor, SHOWN_STATES, among)
    if not jobs:
        return ()
    orders = _orders(s, dict.fromkeys(j.work_order_id for j in jobs))
    used = clocked_hours(s, [j.labour_line_id for j in jobs])
    since = _since(s, jobs, orders)
    parts = _parts(s, orders)
    cards = []
    for job in jobs:
        order = orders[job.work_order_id]
        cards.append(Card(job, order.model, order.advisor,
                          sum(used.get(job.labour_line_id, {}).values(), ZERO),
                          _parts_status(parts, job), "waiting" if order.awaiting else "answered",
                          since[job.labour_line_id], lane_of(job), order.entered))
    return tuple(cards)


def planned(technicians, cards) -> tuple[Technician, ...]:
    """The technicians with the hours planned on their jobs among `cards` not done yet."""
    hours: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for card in cards:
        if card.job.technician_id is not None and card.job.state != "done" \
                and card.lane != "ready":
            hours[card.job.technician_id] += card.job.planned_hours or card.job.billed_hours
    return tuple(Technician(t.id, t.name, t.team, hours[t.id]) for t in technicians)


def _technicians(s: Session, actor, cards) -> tuple[Technician, ...]:
    rows = s.execute(select(User.id, User.display_name, User.team)
                     .join(UserRole, UserRole.user_id == User.id)
                     .where(User.store_id == actor.store_id, User.active.is_(True),
                            UserRole.role == "technician")
                     .order_by(User.team, User.id)).all()
    return planned((Technician(r.id, r.display_name, r.team, ZERO) for r in rows), cards)


def board(db, actor) -> Board:
    """The whole kanban in one reading: a few hundred cards at a large store."""
    with db.reading() as s:
        require(s, actor, "board.read")
        cards = _cards(s, actor)
        bays = tuple(BayInfo(b.id, b.code, b.name, b.kind) for b in s.execute(
            select(Bay.id, Bay.code, Bay.name, Bay.kind).where(
                Bay.store_id == actor.store_id, Bay.active.is_(True)).order_by(Bay.id)))
        return Board(cards, bays, _technicians(s, actor, cards))


def cards_again(db, actor, order_ids) -> tuple[Card, ...]:
    """The cards of the orders `order_ids`, read again (another seat changed them; an order
    that has left the workshop has none): to be put into the board held (`with_cards`)."""
    with db.reading() as s:
        require(s, actor, "board.read")
        return _cards(s, actor, order_ids)


def with_cards(board: Board, order_ids, fresh) -> Board:
    """`board` with the cards of the orders `order_ids` replaced by `fresh`, in the board's
    order, and the technicians' planned hours counted again. (The screen does this itself:
    only the few fresh cards come from the reader, not a board of a few hundred both ways.)"""
    ids = set(order_ids)
    cards = sorted((*(c for c in board.cards if c.job.work_order_id not in ids), *fresh),
                   key=lambda c: c.rank)
    return Board(tuple(cards), board.bays, planned(board.technicians, cards))


def _qc_level(s: Session, order_ids) -> dict[int, str]:
    """QC order → the check it waits for: final once a team lead passed it since it came."""
    latest = select(func.max(QCInspection.id)).where(
        QCInspection.work_order_id.in_(order_ids)).group_by(QCInspection.work_order_id)
    rows = s.execute(select(QCInspection.work_order_id, QCInspection.level, QCInspection.passed)
                     .where(QCInspection.id.in_(latest))) if order_ids else []
    return {o: "final" if level == "team_lead" and passed else "team_lead"
            for o, level, passed in rows}


def _worked(s: Session, line_ids) -> dict[int, set[int]]:
    """job → the technicians who clocked on it."""
    worked: dict[int, set[int]] = defaultdict(set)
    rows = s.execute(select(ClockEvent.labour_line_id, ClockEvent.technician_id).distinct()
                     .where(ClockEvent.labour_line_id.in_(line_ids))) if line_ids else []
    for line_id, technician_id in rows:
        worked[line_id].add(technician_id)
    return worked


def qc_queue(db, actor) -> tuple[QCItem, ...]:
    """Cars waiting for a check, the longest waiting first: self-check (every job done, nobody
    clocked on), the team lead's check, the final inspection."""
    with db.reading() as s:
        require(s, actor, "board.read")
        jobs = board_rows(s, actor, (states.IN_REPAIR, states.QC))
        by_order: dict[int, list[BoardJob]] = defaultdict(list)
        for job in jobs:
            by_order[job.work_order_id].append(job)
        clocked = {e.labour_line_id for e in open_clocks(s, line_ids=[j.labour_line_id
                                                                      for j in jobs])}
        levels = _qc_level(s, [o for o, js in by_order.items() if js[0].order_state == states.QC])
        waiting = {o: ("self" if js[0].order_state == states.IN_REPAIR
                       else levels.get(o, "team_lead"))
                   for o, js in by_order.items()
                   if js[0].order_state == states.QC
                   or (all(j.state == "done" for j in js)
                       and not clocked & {j.labour_line_id for j in js})}
        orders = _orders(s, list(waiting))
        since = _since(s, [js[0] for o, js in by_order.items() if o in waiting], orders)
        worked = _worked(s, [j.labour_line_id for o in waiting for j in by_order[o]])
        items = []
        for order_id, level in waiting.items():
            js = by_order[order_id]
            assigned = {j.technician_id: j.technician_name for j in js if j.technician_id}
            first = js[0]
            order = orders[order_id]
            items.append(QCItem(order_id, first.number, first.plate, order.model, order.advisor,
                                first.order_version, level, first.promised_at,
                                since[first.labour_line_id],
                                tuple(QCJob(j.labour_line_id, j.name, frozenset(
                                    {j.technician_id, *worked[j.labour_line_id]} - {None}))
                                      for j in js),
                                tuple(sorted(assigned.items()))))
        return tuple(sorted(items, key=lambda i: (i.since, i.work_order_id)))

