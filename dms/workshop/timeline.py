"""When each step of a work order happened, read back from the audit log: what the KPIs
(waiting time, repair time, on-time rate, rework rate) are computed from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from dms.models import AuditLog, User
from dms.workshop.common import load_order


@dataclass(frozen=True)
class Event:
    at: datetime
    action: str
    from_state: str | None
    to_state: str | None
    user: str | None
    reason: str | None


def order_timeline(db, actor, work_order_id: int) -> tuple[Event, ...]:
    """Every audited action on the order, oldest first."""
    with db.reading() as s:
        load_order(s, actor, work_order_id, lock=False)  # store check
        rows = s.execute(select(AuditLog, User.display_name)
                         .outerjoin(User, User.id == AuditLog.user_id)
                         .where(AuditLog.entity == "work_order", AuditLog.entity_id == work_order_id)
                         .order_by(AuditLog.id))
        return tuple(Event(a.at, a.action, a.from_state, a.to_state, name, a.reason) for a, name in rows)


def first_reached(events: tuple[Event, ...]) -> dict[str, datetime]:
    """The first time the order entered each state (rework visits IN_REPAIR twice)."""
    reached: dict[str, datetime] = {}
    for event in events:
        if event.to_state and event.to_state not in reached:
            reached[event.to_state] = event.at
    return reached
