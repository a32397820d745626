"""A screen hears of another seat's change within a second, on SQLite and PostgreSQL, and the
feed's waiting never runs on the GUI thread."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select  # noqa: E402

from dms.db import Database, make_engine  # noqa: E402
from dms.models import Customer, Store  # noqa: E402
from dms.ui.shell.bus import ChangeBus  # noqa: E402
from dms.ui.shell.feed import LiveFeed  # noqa: E402


def test_another_seat_adds_a_customer_and_this_screen_hears_of_it(qtbot, demo_db):
    live = LiveFeed(demo_db, interval_s=0.1)
    assert live.wait_ready()
    other_seat = Database(engine=make_engine(demo_db.url))
    gc.collect()  # a long run holds much garbage: not collected inside the timed part
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


def test_a_burst_of_changes_reaches_the_screens_as_one_delivery(qtbot):
    from dms.changes import Change

    bus = ChangeBus()
    received = []
    bus.changed.connect(received.append)
    for n in range(20):
        bus.collect([Change(n, "stock", n % 5, None), Change(n, "work_order", 7, None)])
    qtbot.waitUntil(lambda: bool(received), timeout=1000)
    assert len(received) == 1
    assert sorted((c.entity, c.entity_id) for c in received[0]) == sorted(
        [("stock", n) for n in range(5)] + [("work_order", 7)])


def test_the_search_shows_a_vehicle_added_on_another_seat(qtbot, demo_db):
    from dms.app import create_main_window
    from dms.auth import authenticate
    from dms.models import Vehicle

    window = create_main_window(demo_db, authenticate(demo_db, "advisor1", "demo123"))
    qtbot.addWidget(window)
    window.show()
    live = LiveFeed(demo_db, interval_s=0.1)
    live.changed.connect(window.bus.collect)
    assert live.wait_ready()
    search = window.workspace("frontdesk").search_page
    search.search.setText("京Q")
    search.run_search()
    qtbot.waitUntil(lambda: not search.model.loading, timeout=3000)
    before = search.model.rowCount()
    other_seat = Database(engine=make_engine(demo_db.url))
    with other_seat.transaction() as s:
        owner = s.scalars(select(Customer).order_by(Customer.id)).first()
        s.add(Vehicle(store_id=owner.store_id, customer_id=owner.id, plate="京QZ9999",
                      vin="LBEZZZ9999Z000001"))
    qtbot.waitUntil(lambda: search.model.rowCount() == before + 1, timeout=2000)
    live.close()
    other_seat.dispose()


def test_changes_are_delivered_in_the_gui_thread(qtbot, demo_db):
    from PySide6.QtCore import QObject, QThread, Slot
    from PySide6.QtWidgets import QApplication

    class Screen(QObject):
        threads: list = []

        @Slot(object)
        def on_changes(self, _changes):
            self.threads.append(QThread.currentThread() is QApplication.instance().thread())

    screen = Screen()
    live = LiveFeed(demo_db, interval_s=0.05)
    live.changed.connect(screen.on_changes)
    assert live.wait_ready()
    with demo_db.transaction() as s:
        s.add(Customer(store_id=s.scalar(select(Store.id)), code="LIVE02", name="线程客户"))
    qtbot.waitUntil(lambda: bool(screen.threads), timeout=2000)
    assert screen.threads == [True]
    live.close()
