"""Live updates between seats, without Qt (DESIGN §6).

Publishing is automatic: a session hook notes every work order, appointment, settlement, stock
row… that a transaction inserts, updates or deletes, and writes one `change_log` row per record
just before the commit (on PostgreSQL also `pg_notify`, which is delivered only if the
transaction commits). A rolled-back action publishes nothing.

Subscribing: `ChangeFeed.poll()` returns the changes committed since the last call. On
PostgreSQL the feed LISTENs on a dedicated autocommit connection whose socket (`fileno()`) a
GUI can watch; on SQLite `PRAGMA data_version` tells cheaply whether another connection has
committed, so polling every half second costs next to nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import psycopg
from sqlalchemy import event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from dms import clock
from dms.models import (Appointment, ChangeLog, Complaint, Customer, FollowUp, LabourLine,
                        PartLine, Settlement, Stock, Vehicle, WorkOrder)

CHANNEL = "dms_changes"
# Records other seats show; a line change is reported as a change of its work order.
WATCHED = {WorkOrder: "work_order", Appointment: "appointment", Settlement: "settlement",
           Stock: "stock", FollowUp: "follow_up", Complaint: "complaint",
           Customer: "customer", Vehicle: "vehicle"}
LINES = (LabourLine, PartLine)


@dataclass(frozen=True)
class Change:
    id: int
    entity: str
    entity_id: int
    store_id: int | None


def _key(obj) -> tuple[str, int, int | None] | None:
    if isinstance(obj, LINES):
        return "work_order", obj.work_order_id, None
    if isinstance(obj, Stock):  # screens care about the part, not the stock row
        return "stock", obj.part_id, None
    name = WATCHED.get(type(obj))
    if name is None or obj.id is None:
        return None
    return name, obj.id, getattr(obj, "store_id", None)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush_context) -> None:
    pending = session.info.setdefault("dms_changes", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        key = _key(obj)
        if key:
            pending.add(key)


@event.listens_for(Session, "before_commit")
def _publish(session: Session) -> None:
    # The commit's own flush has not run yet; run it so its changes are collected too.
    # Changes made by bulk UPDATE statements (stock decrements) are announced with `touch`.
    session.flush()
    pending = session.info.pop("dms_changes", set())
    if not pending:
        return
    now = clock.now()
    session.execute(insert(ChangeLog), [
        {"at": now, "entity": e, "entity_id": i, "store_id": s} for e, i, s in sorted(
            pending, key=lambda k: (k[0], k[1]))])
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": json.dumps(len(pending))})


def touch(session: Session, entity: str, entity_id: int, store_id: int | None = None) -> None:
    """Announce a change the ORM did not see (a bulk UPDATE such as an atomic stock decrement)."""
    session.info.setdefault("dms_changes", set()).add((entity, entity_id, store_id))


class ChangeFeed:
    """One seat's view of what the others commit."""

    def __init__(self, db):
        self.db = db
        with db.reading() as s:
            self.last_id = s.scalar(select(func.max(ChangeLog.id))) or 0
        self._listener = self._sqlite = None
        self._version = None
        if db.backend == "postgresql":
            url = make_url(db.url).set(drivername="postgresql")
            self._listener = psycopg.connect(url.render_as_string(hide_password=False),
                                             autocommit=True)
            self._listener.execute(f"LISTEN {CHANNEL}")
        else:
            self._sqlite = db.engine.raw_connection()
            self._version = self._data_version()

    def fileno(self) -> int | None:
        """The socket to watch for NOTIFY on PostgreSQL; None on SQLite (use a timer)."""
        return self._listener.fileno() if self._listener else None

    def _data_version(self) -> int:
        return self._sqlite.execute("PRAGMA data_version").fetchone()[0]

    def _woken(self) -> bool:
        if self._listener is not None:
            notified = False
            for _ in self._listener.notifies(timeout=0, stop_after=None):
                notified = True
            return notified
        version = self._data_version()
        changed, self._version = version != self._version, version
        return changed

    def poll(self, force: bool = False) -> list[Change]:
        """Changes committed by anyone since the last poll (cheap when nothing happened)."""
        if not (self._woken() or force):
            return []
        with self.db.reading() as s:
            rows = s.scalars(select(ChangeLog).where(ChangeLog.id > self.last_id)
                             .order_by(ChangeLog.id)).all()
        if rows:
            self.last_id = rows[-1].id
        return [Change(r.id, r.entity, r.entity_id, r.store_id) for r in rows]

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        elif self._sqlite is not None:
            self._sqlite.close()
