"""A screen hears of another seat's change within a second, on SQLite and PostgreSQL."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select  # noqa: E402

from dms.changes import ChangeFeed  # noqa: E402
from dms.db import Database, make_engine  # noqa: E402
from dms.models import Customer, Store  # noqa: E402
from dms.ui.live import LiveUpdates  # noqa: E402


def test_another_seat_adds_a_customer_and_this_screen_hears_of_it(qtbot, demo_db):
    live = LiveUpdates(ChangeFeed(demo_db), interval_ms=100)
    other_seat = Database(engine=make_engine(demo_db.url))
    with qtbot.waitSignal(live.changed, timeout=1000) as signal:
        with other_seat.transaction() as s:
            store_id = s.scalar(select(Store.id))
            customer = Customer(store_id=store_id, code="LIVE01", name="实时客户", mobile="13900001111")
            s.add(customer)
            s.flush()
            new_id = customer.id
    assert ("customer", new_id) in {(c.entity, c.entity_id) for c in signal.args[0]}
    live.close()
    other_seat.dispose()


def test_the_lookup_shows_a_vehicle_added_on_another_seat(qtbot, demo_db):
    from dms.app import create_main_window
    from dms.auth import authenticate
    from dms.models import Vehicle

    window = create_main_window(demo_db, authenticate(demo_db, "advisor1", "demo123"))
    qtbot.addWidget(window)
    live = LiveUpdates(ChangeFeed(demo_db), interval_ms=100)
    live.changed.connect(window.lookup.on_changes)
    window.lookup.search.setText("京Q")
    window.lookup.run_search()
    qtbot.waitUntil(lambda: not window.lookup.model.loading, timeout=3000)
    before = window.lookup.model.rowCount()
    other_seat = Database(engine=make_engine(demo_db.url))
    with other_seat.transaction() as s:
        owner = s.scalars(select(Customer).order_by(Customer.id)).first()
        s.add(Vehicle(store_id=owner.store_id, customer_id=owner.id, plate="京QZ9999",
                      vin="LBEZZZ9999Z000001"))
    qtbot.waitUntil(lambda: window.lookup.model.rowCount() == before + 1, timeout=2000)
    live.close()
    other_seat.dispose()
