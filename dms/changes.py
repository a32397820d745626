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
from datetime import timedelta

from sqlalchemy import delete, event, func, or_, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dms import audit, clock
from dms.db import AUDIT_COLUMNS as _AUDIT_COLUMNS
from dms.db import CHANGE_COLUMNS as _CHANGE_COLUMNS
from dms.errors import ConnectionLost, DatabaseUnreachable
from dms.models import (Appointment, AuditLog, Bay, ChangeLog, ChangeSeat, Complaint, Customer,
                        FollowUp, LabourLine, LabourOperation, MaintenancePackage,
                        MaintenancePackageItem, MembershipTier, OldPart, PartLine, PartRequest,
                        PdiInspection, PdiTemplateItem, PriceClass, Settlement, Stock, Store,
                        StoreSetting, Tool, User, UserRole, Vehicle, WorkOrder)

CHANNEL = "dms_changes"
RELISTEN_EVERY_S = 5  # while the server is down, how often a poll tries to connect again
CONNECT_TIMEOUT_S = 3
# Records other seats show; a line change is reported as a change of its work order.
WATCHED = {WorkOrder: "work_order", Appointment: "appointment", Settlement: "settlement",
           Stock: "stock", FollowUp: "follow_up", Complaint: "complaint",
           Customer: "customer", Vehicle: "vehicle", Tool: "tool", PdiInspection: "pdi",
           OldPart: "old_part",
           # administration: the manager's lists on every seat
           User: "user", PriceClass: "price_class", LabourOperation: "labour_operation",
           MaintenancePackage: "maintenance_package", MembershipTier: "membership_tier",
           StoreSetting: "store_setting", Store: "store", Bay: "bay"}
LINES = (LabourLine, PartLine, PartRequest)
# Rows reported as a change of the record they belong to: (entity, the column naming it).
PARTS = {UserRole: ("user", "user_id"), MaintenancePackageItem: ("maintenance_package", "package_id"),
         PdiTemplateItem: ("pdi_template", "store_id")}


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
    if type(obj) in PARTS:
        entity, column = PARTS[type(obj)]
        return entity, getattr(obj, column), None
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
    """The transaction's change_log rows and its audit entries (`dms.audit`), written together
    in one statement just before the commit."""
    # The commit's own flush has not run yet; run it so its changes are collected too.
    # Changes made by bulk UPDATE statements (stock decrements) are announced with `announce`.
    session.flush()
    pending = session.info.pop("dms_changes", set())
    audited = audit.pending(session)
    if not (pending or audited):
        return
    now = clock.now()
    changed = sorted(pending, key=lambda k: (k[0], k[1]))  # (entity, id, store)
    connection = session.connection()
    postgresql = connection.dialect.name == "postgresql"
    # The times as their column's type sends them (UTC; text on SQLite, read back by its cast
    # on PostgreSQL), the rows as JSON arrays: one parameter per table, whatever the rows.
    utc = _AT_TYPE._cached_bind_processor(connection.dialect)
    stamp = (lambda value: utc(value).isoformat(" ")) if postgresql else utc
    at = stamp(now)
    rows = (json.dumps([[r["store_id"], stamp(r["at"]), *(r[c] for c in _AUDIT_COLUMNS[2:])]
                        for r in audited], ensure_ascii=False),
            json.dumps([[at, store, entity, entity_id] for entity, entity_id, store in changed],
                       ensure_ascii=False))
    # The driver's own statement (a fixed text, no compiling or result set-up): this runs in
    # every command.
    if postgresql:
        connection.exec_driver_sql(_PUBLISH[bool(audited), bool(changed)], {
            "audit": rows[0], "changes": rows[1], "channel": CHANNEL,
            "payload": json.dumps(len(pending))})
    else:
        connection.exec_driver_sql(_SQLITE_PUBLISH, rows)


_AT_TYPE = AuditLog.__table__.c.at.type  # stored in UTC, as the ORM does
assert _AUDIT_COLUMNS[:2] == ("store_id", "at") and _CHANGE_COLUMNS == (
    "at", "store_id", "entity", "entity_id")  # the orders the rows are built in


def _from_json(name: str, table: str, columns: tuple[str, ...], array: str,
               fixed: tuple[str, str] | None = None) -> str:
    """PostgreSQL: the WITH part `name` inserting the rows of the JSON array parameter `array`
    (each row an array of `columns`) into `table`, in their order; `fixed`: (column, value)
    every row gets alike."""
    names, values = [*columns], [f"(v->>{n})::{_TYPES[c]}" for n, c in enumerate(columns)]
    if fixed:
        names.insert(0, fixed[0])
        values.insert(0, fixed[1])
    return (f"{name} AS (INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} "
            f"FROM json_array_elements(%({array})s::json) WITH ORDINALITY AS r(v, n) "
            f"ORDER BY r.n)")


_TYPES = {"store_id": "integer", "at": "timestamp", "user_id": "integer", "entity": "varchar",
          "entity_id": "integer", "action": "varchar", "from_state": "varchar",
          "to_state": "varchar", "reason": "text", "data": "text"}
_AUDITED = _from_json("audited", "audit_log", _AUDIT_COLUMNS, "audit")
_WRITTEN = _from_json("written", "change_log", _CHANGE_COLUMNS, "changes",
                      ("txid", "txid_current()"))
_NOTIFY = "SELECT pg_notify(%(channel)s, %(payload)s)"
# (audit rows?, change rows?) → the statement: a WITH whose parts always run in full; only
# change rows notify the other seats.
_PUBLISH = {(True, True): f"WITH {_AUDITED}, {_WRITTEN} {_NOTIFY}",
            (False, True): f"WITH {_WRITTEN} {_NOTIFY}",
            (True, False): f"WITH {_AUDITED} SELECT 1"}

# SQLite has no INSERT in a WITH: every connection has a view whose INSTEAD OF trigger inserts
# both tables' rows from JSON arrays, in their order (`dms.db.PUBLISH_VIEW`).
_SQLITE_PUBLISH = "INSERT INTO temp.dms_publish (audit, changes) VALUES (?, ?)"


def announce(session: Session, entity: str, entity_id: int, store_id: int | None = None) -> None:
    """Announce a change the ORM did not see (a bulk UPDATE such as an atomic stock decrement)."""
    session.info.setdefault("dms_changes", set()).add((entity, entity_id, store_id))


HORIZON = text("SELECT txid_snapshot_xmin(txid_current_snapshot())")
STALE_AFTER = timedelta(days=1)  # change_log rows and silent seats older than this are pruned


class ChangeFeed:
    """One seat's view of what the others commit: every committed change exactly once, in the
    order this seat sees the commits.

    SQLite serialises writers and numbers change_log rows inside the write, so ids follow
    commit order and the feed keeps the last id read. PostgreSQL takes ids before commit: a
    transaction holding a lower id can commit after one with a higher id. There the feed keeps
    a transaction horizon instead (every transaction older than it has finished) and the ids it
    already delivered above it; each poll reads the rows of transactions at or above the
    horizon, skipping those ids. The feed's seat row (`ChangeSeat.upto`) says how far it has
    read, so `prune` can drop what every seat has read.
    """

    def __init__(self, db):
        self.db = db
        self._postgresql = db.backend == "postgresql"
        with db.transaction() as s:
            self.last_id = s.scalar(select(func.max(ChangeLog.id))) or 0
            self._horizon, self._seen = 0, set()
            if self._postgresql:
                self._horizon = s.execute(HORIZON).scalar_one()
                self._seen = set(s.scalars(select(ChangeLog.id).where(
                    ChangeLog.txid >= self._horizon)))
            seat = ChangeSeat(upto=self._upto(), seen_at=clock.now())
            s.add(seat)
            s.flush()
            self._seat_id = seat.id
        self._listener = self._sqlite = None
        self._version = None
        self.listens = 0  # LISTEN connections opened so far: a new one means a new socket
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
            rows = self._read()
        except (ConnectionLost, DatabaseUnreachable):
            self._catch_up = True
            return []
        self._catch_up = False
        return [Change(r.id, r.entity, r.entity_id, r.store_id) for r in rows]

    def _upto(self) -> int:
        return self._horizon if self._postgresql else self.last_id

    def _read(self) -> list:
        with self.db.reading() as s:
            if self._postgresql:
                # The horizon first: whatever finished before it is visible to the next query.
                horizon = s.execute(HORIZON).scalar_one()
                found = s.execute(select(ChangeLog.id, ChangeLog.entity, ChangeLog.entity_id,
                                         ChangeLog.store_id, ChangeLog.txid)
                                  .where(ChangeLog.txid >= self._horizon)
                                  .order_by(ChangeLog.id)).all()
                rows = [r for r in found if r.id not in self._seen]
                self._seen = {r.id for r in found if r.txid >= horizon}
                moved, self._horizon = horizon != self._horizon, horizon
            else:
                rows = s.execute(select(ChangeLog.id, ChangeLog.entity, ChangeLog.entity_id,
                                        ChangeLog.store_id).where(ChangeLog.id > self.last_id)
                                 .order_by(ChangeLog.id)).all()
                moved = bool(rows)
        if rows:
            self.last_id = max(self.last_id, rows[-1].id)
        if moved:  # only then: a seat's own write would wake the others for nothing
            try:
                with self.db.transaction() as s:
                    s.execute(update(ChangeSeat).where(ChangeSeat.id == self._seat_id)
                              .values(upto=self._upto(), seen_at=clock.now()))
            except (ConnectionLost, DatabaseUnreachable, OperationalError):
                # the rows are delivered; the seat row only helps pruning (SQLite busy past its
                # timeout under a long run of writes, a 50-scan burst, must not end the feed)
                pass
        return rows

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        elif self._sqlite is not None:
            self._sqlite.close()
        try:
            with self.db.transaction() as s:
                s.execute(delete(ChangeSeat).where(ChangeSeat.id == self._seat_id))
        except (ConnectionLost, DatabaseUnreachable):
            pass  # the seat ages out: `prune` drops seats silent for a day


def prune(s) -> int:
    """Inside the caller's transaction (housekeeping): drop the change_log rows every live seat
    has read, and those older than a day; seats silent for a day no longer count. The newest
    row always stays, so SQLite never hands its id out again. Returns the rows deleted."""
    now = clock.now()
    s.execute(delete(ChangeSeat).where(ChangeSeat.seen_at < now - STALE_AFTER))
    newest = s.scalar(select(func.max(ChangeLog.id)))
    if newest is None:
        return 0
    read = s.scalar(select(func.min(ChangeSeat.upto)))
    postgresql = s.get_bind().dialect.name == "postgresql"
    by_seats = (ChangeLog.txid < read if postgresql else ChangeLog.id <= read) \
        if read is not None else ChangeLog.id < newest
    return s.execute(delete(ChangeLog).where(
        ChangeLog.id < newest, or_(by_seats, ChangeLog.at < now - STALE_AFTER))).rowcount
