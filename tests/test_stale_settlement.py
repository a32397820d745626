"""Two seats racing on one settlement: the loser's save fails with ConcurrentChange naming who
changed the settlement and when, never with SQLAlchemy's raw StaleDataError."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from builders import as_user
from dms.db import Database, make_engine
from dms.errors import ConcurrentChange
from dms.models import Settlement, WorkOrder
from dms.workshop.common import touch


def _other_seat(db: Database) -> Database:
    """A second Database on the same data, like another PC's application."""
    return Database(engine=make_engine(db.url))


def _a_settlement(db: Database) -> tuple[Settlement, str]:
    with db.reading() as s:
        st = s.scalars(select(Settlement).order_by(Settlement.id).limit(1)).one()
        return st, s.get(WorkOrder, st.work_order_id).number


def _stamp_as(seat: Database, settlement_id: int, user) -> None:
    """The other seat's committed change: any service writing a settlement stamps it like this."""
    with seat.transaction() as s:
        touch(s.get(Settlement, settlement_id), user)


def test_a_settlement_changed_since_it_was_read_names_who_changed_it(demo_orders_db):
    db = demo_orders_db
    cashier, manager = as_user(db, "cashier1"), as_user(db, "admin")
    shown, number = _a_settlement(db)  # what the cashier's screen holds
    settlement_id = shown.id
    other = _other_seat(db)
    _stamp_as(other, settlement_id, manager)

    with pytest.raises(ConcurrentChange) as err:
        with db.transaction() as s:
            s.add(shown)
            touch(shown, cashier)
    assert err.value.params["user"] == manager.display_name == "系统管理员"
    assert err.value.params["what"] == f"Settlement of work order {number}"
    assert err.value.params["when"] != "?"
    assert f"was changed by {manager.display_name} at" in err.value.text()
    with db.reading() as s:  # the manager's change stands, the cashier's did not land
        assert s.get(Settlement, settlement_id).updated_by_id == manager.id
    other.dispose()


def test_two_open_transactions_racing_on_one_settlement(demo_orders_db):
    db = demo_orders_db
    if db.backend == "sqlite":
        pytest.skip("SQLite's BEGIN IMMEDIATE lets only one write transaction be open at a time")
    cashier, manager = as_user(db, "cashier1"), as_user(db, "admin")
    shown, number = _a_settlement(db)
    other = _other_seat(db)

    with pytest.raises(ConcurrentChange) as err:
        with db.transaction() as s:
            mine = s.get(Settlement, shown.id)  # read without a lock…
            _stamp_as(other, shown.id, manager)  # …another seat commits meanwhile…
            touch(mine, cashier)  # …and this seat's UPDATE finds the version moved on
    assert err.value.params["user"] == "系统管理员"
    assert number in err.value.text()
    other.dispose()
