"""The audit log: who did what, when, from which state to which, and why.

A command's entries are kept with its session and written together just before the commit, in
the statement that writes its change_log rows (`dms.changes`; a rolled-back command leaves
none); nothing reads the audit log inside the transaction that writes it.
"""

from __future__ import annotations

import json

from sqlalchemy import event
from sqlalchemy.orm import Session

from dms import clock, validators
from dms.models import AuditLog

_PENDING = "dms_audit"  # session.info: the rows this transaction will write
_TEXT = {c.name: getattr(c.type, "length", None) for c in AuditLog.__table__.columns
         if c.type.python_type is str}


def record(session: Session, actor, entity: str, entity_id: int, action: str, *,
           from_state: str | None = None, to_state: str | None = None,
           reason: str | None = None, place: int | None = None, **data) -> None:
    """`place`: where among this transaction's entries this one goes (`mark`), for an entry
    written down once the flush has numbered what it names, after entries that follow it."""
    row = dict(store_id=actor.store_id, at=clock.now(), user_id=actor.id, entity=entity,
               entity_id=entity_id, action=action, from_state=from_state, to_state=to_state,
               reason=reason,
               data=json.dumps(data, ensure_ascii=False, default=str) if data else None)
    for name, limit in _TEXT.items():  # what the flush's check (dms.validators) does for rows
        if isinstance(row[name], str):
            validators.storable(row[name], name, limit or len(row[name]))
    rows = session.info.setdefault(_PENDING, [])
    if place is None or place >= len(rows):
        rows.append(row)
    else:  # its time is no later than the entry it goes before: ids and times agree
        row["at"] = min(row["at"], rows[place]["at"])
        rows.insert(place, row)


def mark(session: Session) -> int:
    """The place of the next entry, for `record(place=...)`."""
    return len(session.info.get(_PENDING, ()))


def pending(session: Session) -> list[dict]:
    """The rows this transaction has to write (and forgets them): `dms.changes` writes them
    with the change_log rows, in one statement."""
    return session.info.pop(_PENDING, None) or []


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous_transaction) -> None:
    session.info.pop(_PENDING, None)
