"""The audit log: who did what, when, from which state to which, and why."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from dms import clock
from dms.models import AuditLog


def record(session: Session, actor, entity: str, entity_id: int, action: str, *,
           from_state: str | None = None, to_state: str | None = None,
           reason: str | None = None, **data) -> None:
    session.add(AuditLog(store_id=actor.store_id, at=clock.now(), user_id=actor.id, entity=entity,
                         entity_id=entity_id, action=action, from_state=from_state,
                         to_state=to_state, reason=reason,
                         data=json.dumps(data, ensure_ascii=False, default=str) if data else None))
