"""What expires (DESIGN §2): estimates past valid_until, stock held by no-show appointments and
abandoned estimates (`dms housekeeping`), and goods received for a waiting order."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from dms import clock, housekeeping, policy
from dms.__main__ import main
from dms.errors import ValidationError
from dms.models import (Appointment, Part, PartLine, PurchaseNeed, Stock, Supplier, Vehicle,
                        WorkOrder)
from dms.parts.receipts import ReceiptLine, receive
from dms.workshop import appointments
from dms.workshop import estimates as est

from builders import OIL_FILTER, login, received_order

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)
NONE_ON_HAND = "0986351980"


class Clock:
    def __init__(self, monkeypatch):
        self.at = NOW
        monkeypatch.setattr(clock, "now", lambda: self.at)


@pytest.fixture
def time(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def received_vehicle(db):
    with db.reading() as s:
        return s.scalars(select(Vehicle.id).order_by(Vehicle.id.desc())).first()


def reserved(db, code=OIL_FILTER):
    with db.reading() as s:
        return sum(s.scalars(select(Stock.reserved).join(Part, Part.id == Stock.part_id)
                             .where(Part.code == code)), D(0))


def estimated(db, advisor, code=OIL_FILTER, qty=2, valid_days=7):
    wo = received_order(db, advisor, tier=None)
    est.add_labour(db, advisor, wo, "JX01")
    est.add_part(db, advisor, wo, code, qty)
    est.issue_estimate(db, advisor, wo, valid_days=valid_days)
    return wo


def test_an_expired_estimate_is_approved_only_once_issued_again(demo_db, advisor, time):
    wo = estimated(demo_db, advisor, valid_days=3)
    time.at = NOW + timedelta(days=3, minutes=1)
    with pytest.raises(ValidationError) as err:
        est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    assert err.value.code == "estimate.expired"
    est.issue_estimate(demo_db, advisor, wo)
    assert est.approve_estimate(demo_db, advisor, wo, "王先生", "signature").changed.state == \
        "AUTHORIZED"


def test_housekeeping_releases_no_shows_and_abandoned_estimates(demo_db, advisor, time):
    before = reserved(demo_db)
    booking = appointments.book(demo_db, advisor, appointments.Booking(
        vehicle_id=received_vehicle(demo_db), channel="phone", requested_work="保养",
        booked_for=NOW + timedelta(hours=2), expected_parts=((OIL_FILTER, D(1)),)))
    wo = estimated(demo_db, advisor, valid_days=1)
    assert reserved(demo_db) == before + 3
    time.at = NOW + timedelta(hours=20)  # neither has expired yet
    assert housekeeping.run(demo_db).no_shows == () and reserved(demo_db) == before + 3
    time.at = NOW + timedelta(days=1, hours=3)  # the booking is 25 h past: a no-show
    done = housekeeping.run(demo_db)
    assert len(done.no_shows) == 1 and done.estimates_released == ()
    assert reserved(demo_db) == before + 2
    with demo_db.reading() as s:
        assert s.get(Appointment, booking.changed.id).status == "no_show"
    manager = login(demo_db, "admin")
    policy.set_setting(demo_db, manager, "hold_hours.estimate", "12")
    time.at = NOW + timedelta(days=1, hours=13)  # valid_until + 12 h
    assert housekeeping.run(demo_db).estimates_released == (wo,)
    assert reserved(demo_db) == before
    with demo_db.reading() as s:
        assert s.get(WorkOrder, wo).state == "ESTIMATED"
        assert s.scalars(select(PartLine.state).where(PartLine.work_order_id == wo)).all() == [
            "requested"]
    assert housekeeping.run(demo_db).estimates_released == ()  # nothing held any more


def test_the_command_line_runs_housekeeping(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("DMS_USER", "admin")  # a manager's job on the command line
    monkeypatch.setenv("DMS_PASSWORD", "admin123")
    assert main(["housekeeping", "--url", demo_db.url]) == 0
    assert "released" in capsys.readouterr().out


def test_goods_received_for_a_purchase_need_are_reserved_for_the_waiting_order(demo_db, advisor):
    wo = estimated(demo_db, advisor, code=NONE_ON_HAND, qty=1)
    est.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    with demo_db.reading() as s:
        supplier = s.scalar(select(Supplier.code).order_by(Supplier.id))
    receive(demo_db, login(demo_db, "warehouse1"), supplier, "purchase", "WH1",
            [ReceiptLine(NONE_ON_HAND, D(3), D("30.00"))])
    assert reserved(demo_db, NONE_ON_HAND) == 1
    with demo_db.reading() as s:
        assert s.scalar(select(PartLine.state).where(PartLine.work_order_id == wo)) == "reserved"
        assert s.scalars(select(PurchaseNeed.status).where(PurchaseNeed.work_order_id == wo)
                         ).all() == ["received"]
