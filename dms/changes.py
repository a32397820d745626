"""Live updates between seats, without Qt (DESIGN §6).

Publishing is automatic: a session hook notes every work order, appointment, settlement, stock
row… that a transaction inserts, updates or deletes, and writes one `change_log` row per record
just before the commit (on PostgreSQL also `pg_notify`, which is delivered only if the
transaction commits). A rolled-back action publishes nothing.

Subscribing: `ChangeFeed.poll()` returns the changes committed since the last call. On
PostgreSQL the feed LISTENs on a dedicated autocommit connection whose socket (`fileno()`) a
GUI can watch; on SQLite `PRAGMA data_version` tells cheaply whether another connection has
committed, so polling every half second costs next to nothing.

When the server drops the LISTEN connection (a restart), the next `poll()` listens again on a
new connection and reads `change_log` once, since nothing was notified meanwhile; `fileno()`
then names the new socket, or None while the server cannot be reached (poll on a timer until
it can). Live updates are best effort: a poll never raises for a lost server.
"""

from __future__ import annotations

import json
import select as io
import time
from dataclasses import dataclass

from sqlalchemy import event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from dms import clock
from dms.errors import ConnectionLost, DatabaseUnreachable
from dms.models import (Appointment, ChangeLog, Complaint, Customer, FollowUp, LabourLine,
                        PartLine, Settlement, Stock, Vehicle, WorkOrder)

CHANNEL = "dms_changes"
RELISTEN_EVERY_S = 5  # while the server is down, how often a poll tries to connect again
CONNECT_TIMEOUT_S = 3
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
        self.listens = 0  # LISTEN connections opened so far: a new one means a new socket
        self._postgresql = db.backend == "postgresql"
        self._catch_up = False  # read change_log on the next poll, woken or not
        self._retry_at = 0.0
        if self._postgresql:
            self._listen()
        else:
            self._sqlite = db.engine.raw_connection()
            self._version = self._data_version()

    def _listen(self) -> None:
        import psycopg  # PostgreSQL only: a SQLite seat's start does not pay for importing it

        url = make_url(self.db.url).set(drivername="postgresql")
        self._listener = psycopg.connect(url.render_as_string(hide_password=False),
                                         autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        self._listener.execute(f"LISTEN {CHANNEL}")
        self.listens += 1

    def _lost(self) -> bool:
        return self._listener is None or self._listener.closed or self._listener.broken

    def fileno(self) -> int | None:
        """The socket to watch for NOTIFY on PostgreSQL; None on SQLite, and on PostgreSQL while
        the server cannot be reached (use a timer). May change after a poll."""
        return None if self._lost() else self._listener.fileno()

    def _data_version(self) -> int:
        return self._sqlite.execute("PRAGMA data_version").fetchone()[0]

    def _woken(self) -> bool:
        if self._postgresql:
            notified = False if self._lost() else self._drain()
            return self._relisten() if self._lost() else notified
        version = self._data_version()
        changed, self._version = version != self._version, version
        return changed

    def _drain(self) -> bool:
        """Read what the socket holds; True if it held a notification. Each notifies() call reads
        once, and a dropped connection first delivers the server's farewell message, then the
        end of the stream: read while the socket stays readable (a few rounds at most)."""
        import psycopg

        notified = False
        try:
            for _ in range(10):
                for _ in self._listener.notifies(timeout=0, stop_after=None):
                    notified = True
                if not io.select([self._listener.fileno()], [], [], 0)[0]:
                    break
        except psycopg.OperationalError:
            pass  # the server closed the connection: the listener is broken now
        return notified

    def _relisten(self) -> bool:
        """Listen again on a new connection; True when that worked (then read change_log)."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if time.monotonic() < self._retry_at:
            return False
        import psycopg

        try:
            self._listen()
        except psycopg.OperationalError:
            self._retry_at = time.monotonic() + RELISTEN_EVERY_S
            return False
        return True

    def poll(self, force: bool = False) -> list[Change]:
        """Changes committed by anyone since the last poll (cheap when nothing happened)."""
        if not (self._woken() or force or self._catch_up):
            return []
        try:
            with self.db.reading() as s:
                rows = s.scalars(select(ChangeLog).where(ChangeLog.id > self.last_id)
                                 .order_by(ChangeLog.id)).all()
        except (ConnectionLost, DatabaseUnreachable):
            self._catch_up = True
            return []
        self._catch_up = False
        if rows:
            self.last_id = rows[-1].id
        return [Change(r.id, r.entity, r.entity_id, r.store_id) for r in rows]

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        elif self._sqlite is not None:
            self._sqlite.close()
