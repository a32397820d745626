"""What every work-order service shares: loading with a version check, moving through the
transition table with an audit entry, the order's lines read once per transaction, and the
plain result a command returns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from dms import audit, clock
from dms.db import conflict
from dms.errors import NotFound
from dms.models import Fee, InsuranceClaim, LabourLine, PartLine, WorkOrder
from dms.permissions import require
from dms.workshop.states import transition


@dataclass(frozen=True)
class Changed:
    """What a command changed, so a screen refreshes just that."""

    entity: str
    id: int
    version: int | None = None
    state: str | None = None


def load_order(session: Session, actor, work_order_id: int,
               expected_version: int | None = None, lock: bool = True) -> WorkOrder:
    """The order of the actor's store; `expected_version` is the version the user looked at.

    Commands lock the row: on PostgreSQL two seats acting on one car queue here instead of the
    second failing on the version counter (SQLite's BEGIN IMMEDIATE already serialises
    writers and ignores FOR UPDATE). Read-only queries pass `lock=False`.
    """
    if lock:  # the lock and the load in one statement
        order = _locked(session, WorkOrder.id == work_order_id)
    else:
        order = session.get(WorkOrder, work_order_id)
    return _checked(session, actor, work_order_id, order, expected_version)


def load_order_of(session: Session, actor, model, line_id: int,
                  expected_version: int | None = None) -> WorkOrder | None:
    """`load_order` for the order a line (`model`: LabourLine, PartLine) belongs to, found and
    locked in one statement; None when there is no such line. Read the line after this, under
    the lock."""
    owner = select(model.work_order_id).where(model.id == line_id).scalar_subquery()
    order = _locked(session, WorkOrder.id == owner)
    return None if order is None else _checked(session, actor, order.id, order, expected_version)


def _locked(session: Session, where) -> WorkOrder | None:
    order = session.scalars(select(WorkOrder).where(where).with_for_update()).first()
    if order is not None:
        session.info.get(_LINES, {}).pop(order.id, None)  # lines read before the lock: again
    return order


def _checked(session: Session, actor, work_order_id: int, order: WorkOrder | None,
             expected_version: int | None) -> WorkOrder:
    if order is None or order.store_id != actor.store_id:
        raise NotFound(what="Work order", key=work_order_id)
    if expected_version is not None and order.version != expected_version:
        raise conflict(session, f"Work order {order.number}", order)
    return order


def touch(record, actor) -> None:
    record.updated_at = clock.now()
    record.updated_by_id = actor.id


def move(session: Session, actor, order: WorkOrder, action: str, reason: str | None = None,
         **data) -> str:
    """Apply `action` through the transition table, stamp and audit it; returns the new state."""
    before = order.state
    order.state = transition(action, before, require(session, actor, f"workorder.{action}"))
    touch(order, actor)
    audit.record(session, actor, "work_order", order.id, action, from_state=before,
                 to_state=order.state, reason=reason, **data)
    return order.state


def changed(session: Session, order: WorkOrder) -> Changed:
    session.flush()  # the version counter moves on flush
    return Changed("work_order", order.id, order.version, order.state)


# --- the order's lines, read once per transaction -----------------------------------------

_LINES = "dms_order_lines"  # session.info: order id → (labour, parts, fees, claim)
_ROWS = (LabourLine, PartLine, Fee, InsuranceClaim)


def order_rows(session: Session, work_order_id: int, if_read: bool = False):
    """(labour by seq, parts by id, fees by id, insurance claim or None) of the order.

    Queried, not the relationships (those may not yet hold lines added in this session), and
    kept for the rest of the transaction: the objects are the session's own, so a change to a
    line shows; a line added or deleted makes the next call read again. `if_read`: None
    unless this transaction has them already (for a caller that reads fewer rows itself)."""
    if any(isinstance(obj, _ROWS) for obj in (*session.new, *session.deleted)):
        session.flush()  # pending lines: the flush below forgets what was read
    cache = session.info.setdefault(_LINES, {})
    if work_order_id not in cache:
        if if_read:
            return None
        cache[work_order_id] = (
            session.scalars(select(LabourLine).where(LabourLine.work_order_id == work_order_id)
                            .order_by(LabourLine.seq)).all(),
            session.scalars(select(PartLine).where(PartLine.work_order_id == work_order_id)
                            .order_by(PartLine.id)).all(),
            session.scalars(select(Fee).where(Fee.work_order_id == work_order_id)
                            .order_by(Fee.id)).all(),
            session.scalars(select(InsuranceClaim)
                            .where(InsuranceClaim.work_order_id == work_order_id)).first())
    return cache[work_order_id]


@event.listens_for(Session, "after_flush")
def _forget_lines(session: Session, _flush_context) -> None:
    if _LINES in session.info and any(isinstance(obj, _ROWS)
                                      for obj in (*session.new, *session.deleted)):
        del session.info[_LINES]


@event.listens_for(Session, "after_soft_rollback")
def _forget_lines_on_rollback(session: Session, _previous_transaction) -> None:
    session.info.pop(_LINES, None)
