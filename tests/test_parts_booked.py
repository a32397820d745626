"""The parts held for tomorrow's bookings (DESIGN §1 step 2 and 6): listed under the picking
queue, with where they sit and what is still awaited, so the clerk can put them ready."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from builders import login
from dms.errors import Forbidden
from dms.models import Part, Vehicle
from dms.parts import counter
from dms.workshop import appointments as ap
from test_appointments import NOW, fixed_clock  # noqa: F401 - the clock held at 10:00 Beijing
from test_ui_counter import stocked_parts

def book(db, advisor, vehicle_id: int, when: datetime, parts) -> str:
    return ap.book(db, advisor, ap.Booking(
        vehicle_id=vehicle_id, channel="phone", requested_work="保养", booked_for=when,
        planned_hours=Decimal("1"), expected_parts=tuple((c, Decimal(q)) for c, q in parts)),
        confirm_overbooking=True).number


def test_tomorrows_bookings_show_the_parts_held_for_them(demo_db):
    advisor, clerk = login(demo_db, "advisor1"), login(demo_db, "warehouse1")
    (code, _), = stocked_parts(demo_db, 1)
    with demo_db.reading() as s:
        vehicles = s.scalars(select(Vehicle.id).order_by(Vehicle.id).limit(3)).all()
        rare = s.scalar(select(Part.code).where(Part.code != code).order_by(Part.id))
    local = NOW.astimezone()
    tomorrow = (local + timedelta(days=1)).replace(hour=9, minute=0)
    soon = book(demo_db, advisor, vehicles[0], tomorrow, [(code, 2), (rare, 9999)])
    book(demo_db, advisor, vehicles[1], local + timedelta(days=3), [(code, 1)])  # later
    book(demo_db, advisor, vehicles[2], tomorrow.replace(hour=11), [])  # no parts
    rows = counter.booked_parts(demo_db, clerk)
    assert [r.number for r in rows] == [soon]
    [row] = rows
    held = {x.code: x for x in row.held}
    assert held[code].qty == 2 and held[code].warehouse
    assert rare in row.short  # not enough on the shelf: a purchase need, shown as awaited
    with pytest.raises(Forbidden):
        counter.booked_parts(demo_db, login(demo_db, "tech1"))
