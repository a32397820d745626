"""Other seats learn of a committed change within a second; a rolled-back one is never seen."""

import select as selectors
import time
from decimal import Decimal

import pytest
from sqlalchemy import select

from dms.auth import authenticate
from dms.changes import ChangeFeed
from dms.db import Database, make_engine
from dms.models import Stock, Vehicle
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
