"""A lost database connection (PostgreSQL restarted, our backend killed) fails the action in
progress with a domain error, leaves nothing of it behind, and the next action reconnects.

The server is never restarted here: `pg_terminate_backend` from an admin connection does to one
backend what a restart does to all of them. SQLite has no connection to lose.
"""

from __future__ import annotations

import select as selectors
from datetime import timedelta
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from dms import changes, clock
from builders import as_user
from dms.changes import ChangeFeed
from dms.crm.customers import update_customer
from dms.crm.lookup import search
from dms.db import Database, make_engine
from dms.errors import ConnectionLost, DatabaseUnreachable
from dms.models import Appointment, AuditLog, ChangeLog, Customer, Vehicle
from dms.workshop import appointments


@pytest.fixture
def pg_db(pg_server, templates):
    """The demo dealership on PostgreSQL, in a database of this test's own."""
    name = pg_server.create(templates("postgresql", "base"))
    db = Database(engine=make_engine(pg_server.url_for(name)))
    yield db
    db.dispose()


def _terminate(pg_server, where: str, **params) -> list[int]:
    """Terminate backends from the admin connection; waits (up to 5 s) until each has exited."""
    with pg_server.admin.connect() as conn:
        rows = conn.execute(text(f"SELECT pid FROM pg_stat_activity WHERE {where}"), params)
        pids = [row.pid for row in rows]
        for pid in pids:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"),
                                {"pid": pid}).scalar_one()
    return pids


@pytest.fixture
def kill_before_commit(pg_server):
    """kill(db, first=…): the next write transaction on `db` loses its backend in before_commit,
    before the change publishing hook runs (first=True: the commit's flush fails) or after it
    (first=False: only the COMMIT itself is left to fail)."""
    installed = []

    def kill(db: Database, first: bool) -> None:
        def hook(session: Session) -> None:
            if session.get_bind() is db.engine and not fired:
                fired.append(True)
                pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
                _terminate(pg_server, "pid = :pid", pid=pid)

        fired: list[bool] = []
        event.listen(Session, "before_commit", hook, insert=first)
        installed.append(hook)

    yield kill
    for hook in installed:
        event.remove(Session, "before_commit", hook)


def _counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {model.__name__: s.scalar(select(func.count()).select_from(model))
                for model in (Appointment, AuditLog, ChangeLog)}


def _a_customer(db: Database) -> Customer:
    with db.reading() as s:
        return s.scalars(select(Customer).order_by(Customer.id).limit(1)).one()


def test_customer_edit_killed_before_its_flush_saves_nothing_and_the_next_edit_works(
        pg_db, kill_before_commit):
    advisor = as_user(pg_db, "advisor1")
    customer = _a_customer(pg_db)
    before = _counts(pg_db)

    kill_before_commit(pg_db, first=True)
    with pytest.raises(ConnectionLost) as lost:
        update_customer(pg_db, advisor, customer.id, notes="断线前的备注")
    assert lost.value.code == "db.connection_lost"
    assert "Nothing of this action was saved" in lost.value.text()
    assert _a_customer(pg_db).notes == customer.notes
    assert _counts(pg_db) == before

    # The very next action reconnects by itself.
    update_customer(pg_db, advisor, customer.id, notes="重连后的备注")
    assert _a_customer(pg_db).notes == "重连后的备注"
    assert _counts(pg_db)["ChangeLog"] == before["ChangeLog"] + 1


def test_booking_killed_just_before_commit_saves_nothing_and_the_next_booking_works(
        pg_db, kill_before_commit):
    advisor = as_user(pg_db, "advisor1")
    with pg_db.reading() as s:
        vehicle_id = s.scalar(select(Vehicle.id).order_by(Vehicle.id).limit(1))
    booking = appointments.Booking(vehicle_id=vehicle_id, channel="phone", requested_work="保养",
                                   booked_for=clock.now() + timedelta(days=3),
                                   planned_hours=Decimal("1"))
    before = _counts(pg_db)

    kill_before_commit(pg_db, first=False)
    with pytest.raises(ConnectionLost) as lost:
        appointments.book(pg_db, advisor, booking, confirm_overbooking=True)
    # Every statement had gone through; only the COMMIT met the dead connection, and from the
    # client's side that cannot be told apart from a COMMIT whose answer was lost.
    assert lost.value.code == "db.connection_lost_at_commit"
    assert "may or may not have been saved" in lost.value.text()
    assert _counts(pg_db) == before

    result = appointments.book(pg_db, advisor, booking, confirm_overbooking=True)
    with pg_db.reading() as s:
        assert s.get(Appointment, result.changed.id).requested_work == "保养"
    assert _counts(pg_db)["Appointment"] == before["Appointment"] + 1


def test_a_read_that_loses_its_connection_raises_connection_lost(pg_db, pg_server):
    with pytest.raises(ConnectionLost):
        with pg_db.reading() as s:
            _terminate(pg_server, "pid = :pid", pid=s.scalar(text("SELECT pg_backend_pid()")))
            s.execute(select(func.count()).select_from(Customer))
    assert _a_customer(pg_db).id > 0


def test_a_lookup_that_loses_its_connection_raises_connection_lost(pg_db):
    # The lookup's bare driver-level SELECT: the backend ends itself in the middle of it.
    with pytest.raises(ConnectionLost):
        pg_db.select_rows("SELECT pg_terminate_backend(pg_backend_pid())", ())
    customer = _a_customer(pg_db)
    found = search(pg_db, as_user(pg_db, "advisor1"), customer.mobile)
    assert {row.customer_id for row in found} == {customer.id}


def test_connections_killed_while_idle_in_the_pool_are_replaced_unnoticed(pg_db, pg_server):
    advisor = as_user(pg_db, "advisor1")
    customer = _a_customer(pg_db)
    update_customer(pg_db, advisor, customer.id, notes="之前")  # the pool now holds connections
    database = pg_db.engine.url.database
    killed = _terminate(pg_server, "datname = :name", name=database)
    assert killed, "the pool should have held a connection to kill"

    update_customer(pg_db, advisor, customer.id, notes="之后")
    with pg_db.reading() as s:
        assert s.get(Customer, customer.id).notes == "之后"
        assert s.scalar(text("SELECT pg_backend_pid()")) not in killed


def test_a_pooled_connection_is_handed_out_without_a_round_trip(pg_db, monkeypatch):
    """The check at check-out looks at the socket; no ping goes to the server (one round trip
    per action on every seat, issue 12)."""
    advisor = as_user(pg_db, "advisor1")  # the pool now holds a connection

    def no_ping(_dbapi_connection):
        raise AssertionError("the pool pinged the server")

    monkeypatch.setattr(pg_db.engine.dialect, "do_ping", no_ping)
    customer = _a_customer(pg_db)
    update_customer(pg_db, advisor, customer.id, notes="无需试探")
    with pg_db.reading() as s:
        assert s.get(Customer, customer.id).notes == "无需试探"


def test_a_read_sends_no_begin_or_rollback_and_a_write_stays_one_transaction(pg_db):
    """Reads on PostgreSQL run without a transaction (two round trips fewer a read, issue 12:
    at READ COMMITTED each statement reads its own snapshot either way); a command's
    statements still commit or roll back together."""
    def status(s: Session):
        return s.connection().connection.dbapi_connection.info.transaction_status

    with pg_db.reading() as s:
        s.scalar(select(func.count()).select_from(Customer))
        assert status(s) == psycopg.pq.TransactionStatus.IDLE
    customer = _a_customer(pg_db)
    with pytest.raises(RuntimeError), pg_db.transaction() as s:
        s.get(Customer, customer.id).notes = "不会保存"
        s.flush()
        assert status(s) == psycopg.pq.TransactionStatus.INTRANS
        raise RuntimeError("the command fails after its first write")
    with pg_db.reading() as s:
        assert s.get(Customer, customer.id).notes != "不会保存"


def test_a_server_that_cannot_be_reached_is_a_clear_error():
    # Nothing listens on port 1; no server is needed (or touched) for this test.
    db = Database("postgresql://dms@127.0.0.1:1/dms")
    with pytest.raises(DatabaseUnreachable) as err:
        as_user(db, "advisor1")
    assert err.value.code == "db.unreachable"
    assert err.value.params == {"server": "127.0.0.1:1/dms", "reason": "Connection refused"}
    assert "Cannot connect to the database server 127.0.0.1:1/dms" in err.value.text()
    with pytest.raises(DatabaseUnreachable):
        with db.transaction() as s:
            s.execute(text("SELECT 1"))
    db.dispose()


def test_live_updates_listen_again_after_the_server_dropped_the_listen_connection(
        pg_db, pg_server, monkeypatch):
    screen = ChangeFeed(Database(engine=make_engine(pg_db.url)))  # another seat's screen
    advisor = as_user(pg_db, "advisor1")
    customer = _a_customer(pg_db)
    assert _terminate(pg_server, "datname = :name AND query LIKE 'LISTEN%'",
                      name=pg_db.engine.url.database)

    # While the server cannot be reached, a poll neither raises nor forgets what it missed.
    def refused(feed):
        raise psycopg.OperationalError("connection failed: Connection refused")

    monkeypatch.setattr(changes, "RELISTEN_EVERY_S", 0)
    monkeypatch.setattr(ChangeFeed, "_listen", refused)
    update_customer(pg_db, advisor, customer.id, notes="没人在听")
    assert screen.poll() == [] and screen.fileno() is None  # the screen falls back to a timer

    monkeypatch.undo()  # the server is back: the next poll listens again and catches up
    assert ("customer", customer.id) in {(c.entity, c.entity_id) for c in screen.poll()}
    assert screen.fileno() is not None

    update_customer(pg_db, advisor, customer.id, notes="又在听了")  # NOTIFY on the new socket
    readable, _, _ = selectors.select([screen.fileno()], [], [], 5)
    assert readable and [(c.entity, c.entity_id) for c in screen.poll()] == [
        ("customer", customer.id)]
    screen.close()
    screen.db.dispose()


def test_the_screen_keeps_hearing_other_seats_after_its_listen_connection_dropped(
        qtbot, pg_db, pg_server):
    from dms.ui.shell.feed import LiveFeed

    live = LiveFeed(Database(engine=make_engine(pg_db.url)))  # this screen's own feed
    assert live.wait_ready()
    feed = live.feed
    advisor, customer = as_user(pg_db, "advisor1"), _a_customer(pg_db)
    assert _terminate(pg_server, "datname = :name AND query LIKE 'LISTEN%'",
                      name=pg_db.engine.url.database)
    # The dropped socket turns readable; the screen polls, the feed listens again on a new one.
    qtbot.waitUntil(lambda: feed.listens == 2 and feed.fileno() is not None, timeout=5000)
    with qtbot.waitSignal(live.changed, timeout=2000) as signal:
        update_customer(pg_db, advisor, customer.id, notes="重新连上以后")
    assert ("customer", customer.id) in {(c.entity, c.entity_id) for c in signal.args[0]}
    live.close()
    feed.db.dispose()
