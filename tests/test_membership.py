"""Membership cards: the card's events, expiry, and points earned and redeemed at settlement,
with the automatic upgrade that gives the next order the new tier's discounts."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.crm import customers as crm
from dms.crm import membership
from dms.crm.customers import CustomerIn, VehicleIn
from dms.crm.identifiers import make_vin, vin_year_code
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import (AuditLog, LabourLine, Membership, MembershipEvent, Payment, PointsEntry,
                        Settlement, WorkOrder)
from dms.workshop import estimates as est
from dms.workshop.reception import CheckIn, check_in

from builders import FIXED, SHARE, login, make_ready

TODAY = FIXED.astimezone().date()


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FIXED)


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "cashier1", "care1", "admin")}


@pytest.fixture
def member(demo_db, users):
    """A new customer with a vehicle and a general (0 %) card: (customer id, vehicle id, card id)."""
    adv = users["advisor1"]
    customer = crm.create_customer(demo_db, adv, CustomerIn(name="周会员", mobile="13612345678"))
    vin = make_vin("LBE", "SB41D", vin_year_code(2025), "U", "700001")
    vehicle = crm.create_vehicle(demo_db, adv, VehicleIn(customer_id=customer.id, vin=vin,
                                                         plate="京AZ7Z71", purchase_mileage=10))
    card = membership.join(demo_db, users["care1"], customer.id, "general", "g-0001")
    return customer.id, vehicle.id, card.id


def give_points(db, card_id, points):
    """Points earned on earlier visits (the demo has none)."""
    with db.transaction() as s:
        s.add(PointsEntry(membership_id=card_id, at=FIXED - timedelta(days=30), points=points,
                          reason="settlement"))
        s.get(Membership, card_id).points_balance += points


def presettled_order(db, users, vehicle_id):
    order_id = make_ready(db, vehicle_id)
    billing.presettle(db, users["advisor1"], order_id)
    return order_id


def card(db, card_id):
    with db.reading() as s:
        return membership.card_view(s, s.get(Membership, card_id))


def snapshot(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            Payment, PointsEntry, MembershipEvent, AuditLog)) + tuple(s.execute(
                select(Membership.id, Membership.points_balance, Membership.tier_id)
                .order_by(Membership.id)).all())


def test_card_events_join_renew_upgrade_downgrade_replace_quit(demo_db, users, member):
    care, manager = users["care1"], users["admin"]
    customer_id, _, card_id = member
    with pytest.raises(ValidationError) as err:
        membership.join(demo_db, care, customer_id, "platinum", "G-0002")
    assert err.value.code == "membership.exists"
    assert card(demo_db, card_id).valid_until == date(TODAY.year + 1, TODAY.month, TODAY.day)
    renewed = membership.renew(demo_db, care, card_id)
    assert renewed.valid_until == date(TODAY.year + 2, TODAY.month, TODAY.day)
    up = membership.change_tier(demo_db, care, card_id, "diamond")
    assert (up.tier_code, up.valid_until) == ("diamond", renewed.valid_until)  # 24 months
    with pytest.raises(Forbidden):
        membership.change_tier(demo_db, care, card_id, "platinum", "客户要求")
    with pytest.raises(ValidationError):
        membership.change_tier(demo_db, manager, card_id, "platinum")  # no reason
    assert membership.change_tier(demo_db, manager, card_id, "platinum", "消费不足").tier_code == "platinum"
    replaced = membership.replace_card(demo_db, care, card_id, "G-0009", "卡丢失")
    assert membership.find_card(demo_db, care, "g-0009").id == card_id
    with pytest.raises(NotFound):
        membership.find_card(demo_db, care, "G-0001")  # the old number is dead
    assert replaced.events[-1].note == "G-0001 → G-0009: 卡丢失"
    quit = membership.quit_membership(demo_db, care, card_id, "搬家")
    assert quit.status == "quit"
    assert [(e.kind, e.from_tier, e.to_tier) for e in quit.events] == [
        ("join", None, "general"), ("renew", "general", "general"), ("upgrade", "general", "diamond"),
        ("downgrade", "diamond", "platinum"), ("card_replacement", "platinum", "platinum"),
        ("quit", "platinum", None)]
    with pytest.raises(ValidationError) as err:
        membership.renew(demo_db, care, card_id)
    assert err.value.code == "membership.quit"


def test_expire_memberships_past_their_validity(demo_db, users, member):
    _, _, card_id = member
    end = card(demo_db, card_id).valid_until
    assert card_id not in membership.expire_memberships(demo_db, users["care1"], end)
    expired = membership.expire_memberships(demo_db, users["care1"], end + timedelta(days=1))
    assert card_id in expired
    view = card(demo_db, card_id)
    assert view.status == "expired" and view.events[-1].kind == "expire"
    with pytest.raises(Forbidden):
        membership.expire_memberships(demo_db, users["advisor1"], TODAY)


def test_settlement_earns_a_point_per_yuan_the_customer_paid(demo_db, users, member):
    _, vehicle_id, card_id = member
    order_id = presettled_order(demo_db, users, vehicle_id)
    # 636.20 total: the 150.00 warranty share earns nothing; 486.20 paid → 486 points.
    billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("cash", D("100.00")),
                                                          PaymentIn("wechat", SHARE - 100, "WX1")])
    view = card(demo_db, card_id)
    assert view.points_balance == view.points_earned == 486 and view.tier_code == "general"
    assert [(p.points, p.reason, p.work_order_id) for p in view.points] == [
        (486, "settlement", order_id)]


def test_reaching_the_threshold_upgrades_and_the_next_order_gets_the_discount(demo_db, users, member):
    adv = users["advisor1"]
    _, vehicle_id, card_id = member
    give_points(demo_db, card_id, 4600)
    order_id = presettled_order(demo_db, users, vehicle_id)
    billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("cash", SHARE)])
    view = card(demo_db, card_id)  # 4600 + 486 = 5086 ≥ platinum's 5000
    assert (view.tier_code, view.points_balance) == ("platinum", 5086)
    assert (view.events[-1].kind, view.events[-1].from_tier, view.events[-1].to_tier) == (
        "upgrade", "general", "platinum")
    with demo_db.reading() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.entity == "membership",
                                                AuditLog.entity_id == card_id,
                                                AuditLog.action == "upgrade")).one()
    # The next order: 5 % off customer labour.
    wo = check_in(demo_db, adv, CheckIn(vehicle_id=vehicle_id, mileage=1_000_100, fuel_level=4,
                                        complaint="刹车异响", business_type="repair")).id
    est.add_labour(demo_db, adv, wo, "JX01")
    with demo_db.reading() as s:
        line = s.scalars(select(LabourLine).where(LabourLine.work_order_id == wo)).one()
        assert line.discount_pct == D("5") and line.discount == (line.amount * D("0.05")).quantize(D("0.01"))


def test_points_pay_at_settlement(demo_db, users, member):
    _, vehicle_id, card_id = member
    give_points(demo_db, card_id, 10_000)
    order_id = presettled_order(demo_db, users, vehicle_id)
    result = billing.settle(demo_db, users["cashier1"], order_id, [
        PaymentIn("points", D("50.00")), PaymentIn("cash", SHARE - D("50.00"))])
    assert result.outstanding == D("0.00")
    view = card(demo_db, card_id)  # 10000 − 5000 redeemed + 436 earned on the cash
    assert view.points_balance == 5436 and view.points_earned == 10_436
    assert [(p.points, p.reason) for p in view.points[:2]] == [(436, "settlement"), (-5000, "redeem")]
    assert view.tier_code == "platinum"  # 10436 points ever earned
    with demo_db.reading() as s:
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == order_id)).one()
        assert st.points_redeemed == 5000
        assert {(p.method, p.amount) for p in st.payments} == {
            ("points", D("50.00")), ("cash", SHARE - D("50.00"))}


def test_redeeming_more_points_than_the_card_holds_changes_nothing(demo_db, users, member):
    _, vehicle_id, card_id = member
    give_points(demo_db, card_id, 1000)
    order_id = presettled_order(demo_db, users, vehicle_id)
    before = snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        billing.settle(demo_db, users["cashier1"], order_id, [
            PaymentIn("points", D("10.01")), PaymentIn("cash", D("100.00"))])
    assert err.value.code == "settlement.points_insufficient"
    assert err.value.params["points"] == 1001 and err.value.params["balance"] == 1000
    assert snapshot(demo_db) == before
    with demo_db.reading() as s:
        assert s.get(WorkOrder, order_id).state == "PRESETTLED"
    result = billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("points", D("10.00"))])
    assert result.outstanding == SHARE - D("10.00") and card(demo_db, card_id).points_balance == 0


def test_points_need_an_active_card(demo_db, users, member):
    _, vehicle_id, card_id = member
    give_points(demo_db, card_id, 1000)
    membership.quit_membership(demo_db, users["care1"], card_id, "退会")
    order_id = presettled_order(demo_db, users, vehicle_id)
    with pytest.raises(ValidationError) as err:
        billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("points", D("1.00"))])
    assert err.value.code == "settlement.no_membership"
    billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("cash", SHARE)])
    assert card(demo_db, card_id).points_balance == 1000  # a quit card earns nothing
