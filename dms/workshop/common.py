"""What every work-order service shares: loading with a version check, moving through the
transition table with an audit entry, and the plain result a command returns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dms import audit, clock
from dms.db import conflict
from dms.errors import NotFound
from dms.models import WorkOrder
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
    if lock:
        session.execute(select(WorkOrder.id).where(WorkOrder.id == work_order_id).with_for_update())
    order = session.get(WorkOrder, work_order_id)
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
