"""Other seats learn of a committed change within a second, each exactly once and in commit
order; a rolled-back one is never seen; change_log is pruned."""

import select as selectors
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dms import clock
from dms.auth import authenticate
from dms.changes import ChangeFeed, _publish, announce, prune
from dms.db import Database, make_engine
from dms.models import ChangeLog, Stock, Vehicle
from dms.parts import stock
from dms.workshop.reception import CheckIn, check_in


def _other_seat(db) -> Database:
    """A second Database on the same data, like another PC's application."""
    return Database(engine=make_engine(db.url))


def _wait(feed: ChangeFeed, seconds: float = 1.0):
    """What a seat's screen would do: watch the socket (PostgreSQL) or poll every 0.1 s."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if feed.fileno() is not None:
            selectors.select([feed.fileno()], [], [], max(0.0, deadline - time.monotonic()))
        else:
            time.sleep(0.1)
        changes = feed.poll()
        if changes:
            return changes
    return []


def test_a_check_in_on_one_seat_reaches_the_other_within_a_second(demo_db):
    kanban = ChangeFeed(_other_seat(demo_db))
    assert kanban.poll() == []
    advisor = authenticate(demo_db, "advisor1", "demo123")
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    order = check_in(demo_db, advisor, CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 10,
                                               fuel_level=4, complaint="保养"))
    changes = _wait(kanban)
    assert ("work_order", order.id) in {(c.entity, c.entity_id) for c in changes}
    assert _wait(kanban, 0.3) == []  # nothing more happened
    kanban.close()


def test_stock_decrements_are_announced_and_rollbacks_are_not(demo_db, clerk):
    counter = ChangeFeed(_other_seat(demo_db))
    with demo_db.reading() as s:
        row = s.scalars(select(Stock).where(Stock.on_hand > 1).order_by(Stock.id)).first()
    with pytest.raises(RuntimeError):
        with demo_db.transaction() as s:
            stock.post_out(s, clerk, row.part_id, row.warehouse_id, Decimal("1"), "issue")
            raise RuntimeError("the seat crashed before committing")
    assert _wait(counter, 0.5) == []
    with demo_db.transaction() as s:
        stock.post_out(s, clerk, row.part_id, row.warehouse_id, Decimal("1"), "issue")
    assert [(c.entity, c.entity_id) for c in _wait(counter)] == [("stock", row.part_id)]
    counter.close()


def _ids(changes):
    return [c.entity_id for c in changes]


def _rows(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(ChangeLog.id)))


def test_every_change_arrives_once_even_when_a_lower_id_commits_later(demo_db):
    feed = ChangeFeed(_other_seat(demo_db))
    postgresql = demo_db.backend == "postgresql"
    late = Session(demo_db.engine)
    if postgresql:  # its change_log id is taken now; it commits after a higher id
        announce(late, "vehicle", 1)
        _publish(late)
    with demo_db.transaction() as s:  # (SQLite has one writer at a time: ids follow commits)
        announce(s, "vehicle", 2)
    assert _ids(feed.poll(force=True)) == [2]
    if postgresql:
        late.commit()
    else:
        with demo_db.transaction() as s:
            announce(s, "vehicle", 1)
    assert _ids(feed.poll(force=True)) == [1]
    assert feed.poll(force=True) == []  # exactly once
    late.close()
    feed.close()


def test_change_log_keeps_only_what_a_seat_has_not_read_and_nothing_older_than_a_day(demo_db):
    with demo_db.transaction() as s:
        prune(s)  # the demo's history is older than a day
    reader, laggard = ChangeFeed(_other_seat(demo_db)), ChangeFeed(_other_seat(demo_db))
    for n in (1, 2, 3):
        with demo_db.transaction() as s:
            announce(s, "vehicle", n)
    assert _ids(reader.poll(force=True)) == [1, 2, 3]
    with demo_db.transaction() as s:
        prune(s)  # the laggard has read none of the three: they stay
    assert _rows(demo_db) == 3 and _ids(laggard.poll(force=True)) == [1, 2, 3]
    with demo_db.transaction() as s:
        prune(s)
    # Read by both; the newest row always stays. On PostgreSQL "read" is the seats' transaction
    # horizon, which any open transaction on the server (another database's too) holds back.
    assert _rows(demo_db) == 1 or (demo_db.backend == "postgresql" and _rows(demo_db) <= 3)
    laggard.close()
    for n in (4, 5):
        with demo_db.transaction() as s:
            announce(s, "vehicle", n)
    with demo_db.transaction() as s:
        s.execute(update(ChangeLog).values(at=clock.now() - timedelta(days=2)))
        prune(s)  # not read by the reader yet, but older than a day
    assert _rows(demo_db) == 1
    reader.close()


def test_a_seat_row_the_database_is_too_busy_to_write_loses_no_change(demo_db, clerk):
    """A long run of writes (a 50-scan burst) can hold SQLite's write lock past the busy
    timeout: the feed still hands on what it read, and reads on afterwards."""
    if demo_db.backend != "sqlite":
        pytest.skip("SQLite's single write lock")
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import make_url

    engine = make_engine(demo_db.url)
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA busy_timeout=50"))
    feed = ChangeFeed(Database(engine=engine))
    with demo_db.reading() as s:
        row = s.scalars(select(Stock).where(Stock.on_hand > 2).order_by(Stock.id)).first()
    with demo_db.transaction() as s:
        stock.post_out(s, clerk, row.part_id, row.warehouse_id, Decimal("1"), "issue")
    writer = sqlite3.connect(make_url(demo_db.url).database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another seat in the middle of its writes
    try:
        assert [(c.entity, c.entity_id) for c in _wait(feed)] == [("stock", row.part_id)]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with demo_db.transaction() as s:
        stock.post_out(s, clerk, row.part_id, row.warehouse_id, Decimal("1"), "issue")
    assert [(c.entity, c.entity_id) for c in _wait(feed)] == [("stock", row.part_id)]
    feed.close()
