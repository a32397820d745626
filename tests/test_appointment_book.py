"""The appointment book's reads: a day's bookings, capacity over a week, packages, part stock."""

import re
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from dms import clock
from dms.auth import authenticate
from dms.demo.catalogue import ENGINE_OIL_4L, OIL_FILTER
from dms.errors import Forbidden
from dms.models import Vehicle
from dms.parts.catalogue import part_card, search_parts
from dms.workshop import appointment_book as book
from dms.workshop import appointments as ap

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=timezone.utc)  # Sunday 10:00 in Beijing


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def vehicles(demo_db):
    with demo_db.reading() as s:
        return s.execute(select(Vehicle.id, Vehicle.plate, Vehicle.mileage)
                         .order_by(Vehicle.id).limit(10)).all()


def at(days: int, hour: int, minute: int = 0) -> datetime:
    return (NOW.astimezone() + timedelta(days=days)).replace(hour=hour, minute=minute)


def booking(vehicle_id, when, hours="1", work="保养"):
    return ap.Booking(vehicle_id=vehicle_id, channel="phone", requested_work=work,
                      booked_for=when, planned_hours=Decimal(hours))


def test_day_book_lists_the_days_bookings_in_time_order_with_every_status(demo_db, advisor,
                                                                        vehicles):
    late = ap.book(demo_db, advisor, booking(vehicles[0].id, at(1, 15), "2", "首保"))
    early = ap.book(demo_db, advisor, booking(vehicles[1].id, at(1, 8, 30), "1.5", "换刹车片"))
    gone = ap.book(demo_db, advisor, booking(vehicles[2].id, at(1, 11)))
    ap.book(demo_db, advisor, booking(vehicles[3].id, at(2, 9)))  # the day after: not listed
    ap.cancel(demo_db, advisor, gone.changed.id, "客户改期")
    ap.mark_reminded(demo_db, advisor, late.changed.id, "phone", "确认")

    entries = book.day_book(demo_db, advisor, at(1, 0).date())
    assert [e.number for e in entries] == [early.number, gone.number, late.number]
    first, cancelled, last = entries
    assert (first.plate, first.vehicle_id, first.requested_work, first.planned_hours,
            first.status, first.mileage) == (vehicles[1].plate, vehicles[1].id, "换刹车片",
                                             Decimal("1.5"), "booked", vehicles[1].mileage)
    assert first.customer_name and first.contact_phone and first.reminded_at is None
    assert cancelled.status == "cancelled"
    assert last.reminded_at == NOW and last.version > first.version
    assert book.day_book(demo_db, advisor, at(3, 0).date()) == []


def test_week_capacity_counts_live_bookings_per_local_day_like_the_booking_check(
        demo_db, advisor, vehicles):
    ap.book(demo_db, advisor, booking(vehicles[0].id, at(1, 9), "3"))
    ap.book(demo_db, advisor, booking(vehicles[1].id, at(1, 23, 30), "2"))  # late, same day
    ap.book(demo_db, advisor, booking(vehicles[2].id, at(2, 0, 15), "4"))  # just after midnight
    dropped = ap.book(demo_db, advisor, booking(vehicles[3].id, at(2, 10), "5"))
    ap.no_show(demo_db, advisor, dropped.changed.id)

    first = at(0, 0).date()
    week = book.week_capacity(demo_db, advisor, first)
    assert [c.day for c in week] == [first + timedelta(days=n) for n in range(7)]
    assert [c.booked_hours for c in week] == [0, 5, 4, 0, 0, 0, 0]
    assert {c.capacity_hours for c in week} == {Decimal("48")}  # 6 bays < 8 technicians
    assert week == [ap.day_capacity(demo_db, advisor, c.day) for c in week]
    assert book.week_capacity(demo_db, advisor, first + timedelta(days=1), 1) == week[1:2]


def test_packages_carry_their_work_hours_price_and_parts(demo_db, advisor):
    found = {p.code: p for p in book.packages(demo_db, advisor)}
    assert set(found) == {"FS", "SS", "RS"}
    first = found["FS"]
    assert (first.name, first.hours, first.price) == ("首保", Decimal("1.0"), Decimal("380.00"))
    assert dict(first.parts)[OIL_FILTER[0]] == Decimal("1")
    assert ENGINE_OIL_4L[0] in dict(first.parts) and found["SS"].hours == Decimal("1.3")


def test_part_stock_by_code_is_the_available_stock(demo_db, advisor, clerk):
    hit = next(h for h in search_parts(demo_db, clerk, OIL_FILTER[0]) if h.code == OIL_FILTER[0])
    stock = book.part_stock(demo_db, advisor, (OIL_FILTER[0].lower(), "NO-SUCH-PART"))
    found = stock[OIL_FILTER[0].lower()]
    assert (found.code, found.available) == (OIL_FILTER[0], hit.available)
    assert found.available == part_card(demo_db, clerk, hit.id).available
    assert stock["NO-SUCH-PART"] is None


def test_the_book_is_read_only_for_the_desk_roles(demo_db):
    technician = authenticate(demo_db, "tech2", "demo123")
    for read in (lambda: book.day_book(demo_db, technician, at(1, 0).date()),
                 lambda: book.week_capacity(demo_db, technician, at(1, 0).date()),
                 lambda: book.packages(demo_db, technician)):
        with pytest.raises(Forbidden):
            read()


def test_day_and_week_reads_use_the_booking_index(demo_db, advisor, vehicles):
    ap.book(demo_db, advisor, booking(vehicles[0].id, at(1, 9)))
    seen = []

    def note(conn, cursor, statement, parameters, context, executemany):
        if "FROM appointment" in statement:
            seen.append((statement, parameters))
    event.listen(demo_db.engine, "before_cursor_execute", note)
    try:
        book.day_book(demo_db, advisor, at(1, 0).date())
        book.week_capacity(demo_db, advisor, at(0, 0).date())
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", note)
    assert len(seen) == 2
    for sql, params in seen:
        with demo_db.engine.connect() as conn:
            if demo_db.backend == "sqlite":
                plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
                scan = re.compile(r"^SCAN appointment\b")
            else:
                conn.exec_driver_sql("SET enable_seqscan = off")
                plan = [r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql, params)]
                scan = re.compile(r"Seq Scan on appointment\b")
            conn.rollback()
        assert not [line for line in plan if scan.search(line.strip())], plan
