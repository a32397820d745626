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
from dms.permissions import account_columns, note_account, require
from dms.workshop.states import transition


@dataclass(frozen=True)
class Changed:
    """What a command changed, so a screen refreshes just that."""

    entity: str
    id: int
    version: int | None = None
    state: str | None = None


def load_order(session: Session, actor, work_order_id: int,
               expected_version: int | None = None, lock: bool = True,
               permission: str | None = None) -> WorkOrder:
    """The order of the actor's store; `expected_version` is the version the user looked at.

    Commands lock the row: on PostgreSQL two seats acting on one car queue here instead of the
    second failing on the version counter (SQLite's BEGIN IMMEDIATE already serialises
    writers and ignores FOR UPDATE). The same statement reads the actor's account (DESIGN §10:
    checked on every command); `permission` is checked on it before anything else is (the role
    first: a user without it learns nothing of the order). Read-only queries pass `lock=False`.
    """
    if lock:  # the lock, the load and the account in one statement
        order = _locked(session, actor, WorkOrder.id == work_order_id)
    else:
        order = session.get(WorkOrder, work_order_id)
    if permission is not None:
        require(session, actor, permission)
    return _checked(session, actor, work_order_id, order, expected_version)


def load_order_of(session: Session, actor, model, line_id: int,
                  expected_version: int | None = None, permission: str | None = None):
    """`load_order` for the order a line (`model`: LabourLine, PartLine) belongs to, found and
    locked in one statement: (line, order), or (None, None) when there is no such line.

    On SQLite the line comes with the order (BEGIN IMMEDIATE took the write lock before any
    read). On PostgreSQL it is read once the order's lock is held: the locking statement would
    return the line as it was before waiting for the lock, and a command must see what the
    seat it waited for wrote."""
    if session.get_bind().dialect.name == "sqlite":
        serialised, where = True, model.id == line_id
    else:
        serialised = False
        where = WorkOrder.id == select(model.work_order_id).where(model.id == line_id) \
            .scalar_subquery()
    found = _locked(session, actor, where, model if serialised else None)
    if permission is not None:
        require(session, actor, permission)
    if found is None:
        return None, None
    order, line = found if serialised else (found, None)
    order = _checked(session, actor, order.id, order, expected_version)
    return line if serialised else session.get(model, line_id, populate_existing=True), order


def _locked(session: Session, actor, where, line_model=None):
    """The order (and the line of `line_model` joined on it) locked, with the actor's account."""
    account = account_columns(session, actor.id)
    query = select(WorkOrder, *((line_model,) if line_model else ()), *account).where(where)
    if line_model is not None:
        query = query.join(line_model, line_model.work_order_id == WorkOrder.id)
    row = session.execute(query.with_for_update(of=WorkOrder)).first()
    if row is None:
        return None
    if account:
        note_account(session, actor.id, *row[-3:])
    order = row[0]
    session.info.get(_LINES, {}).pop(order.id, None)  # lines read before the lock: again
    return (order, row[1]) if line_model else order


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
