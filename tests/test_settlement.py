"""Steps 9–10: pre-settlement, settlement with split/partial payments, credit, gate pass, delivery."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.billing import settlement as billing
from dms.billing.queries import settlement_view
from dms.billing.settlement import PaymentIn
from dms.workshop import cancellation
from dms.errors import ConcurrentChange, Forbidden, InvalidTransition, ValidationError
from dms.models import (AuditLog, FollowUp, GatePass, InsuranceClaim, LabourLine, Membership,
                        NumberSequence, Payment, Settlement, Vehicle, WorkOrder)

from builders import FIXED, SHARE, login, make_ready, received_order

YEAR = FIXED.astimezone().year


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "cashier1", "admin", "care1")}


@pytest.fixture
def presettled(demo_db, users):
    order_id = make_ready(demo_db)
    billing.presettle(demo_db, users["advisor1"], order_id)
    return order_id


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (Payment, Settlement, GatePass, AuditLog)) + (
            tuple(s.execute(select(NumberSequence.kind, NumberSequence.last_value)
                            .order_by(NumberSequence.kind)).all()),)


def order_state(db, order_id):
    with db.reading() as s:
        return s.get(WorkOrder, order_id).state


def invoice(n):
    return f"INV{YEAR}{n:06d}"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FIXED)


def test_presettle_prices_the_approved_lines_and_splits_the_shares(demo_db, users):
    order_id = make_ready(demo_db)
    with pytest.raises(Forbidden):
        billing.presettle(demo_db, users["cashier1"], order_id)
    result = billing.presettle(demo_db, users["advisor1"], order_id)
    assert result.changed.state == "PRESETTLED" and result.state == "presettled"
    assert (result.total, result.customer_share, result.outstanding) == (D("636.20"), SHARE, SHARE)
    view = settlement_view(demo_db, users["cashier1"], order_id)
    assert (view.labour_receivable, view.labour_net) == (D("420.00"), D("393.00"))
    assert (view.material_receivable, view.material_net) == (D("233.00"), D("223.20"))
    assert dict(view.fees)["management"] == D("20.00") and dict(view.shares)["warranty"] == D("150.00")
    assert len(view.lines) == 4 and sum(ln.net for ln in view.lines) + D("20.00") == view.total
    assert view.invoice_no is None and view.received == D("0.00") and view.payments == ()


def test_presettle_refuses_lines_still_waiting_for_the_customer(demo_db, users):
    order_id = make_ready(demo_db)
    with demo_db.transaction() as s:
        s.scalars(select(LabourLine).where(LabourLine.work_order_id == order_id)).first().approval = "priced"
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        billing.presettle(demo_db, users["advisor1"], order_id)
    assert err.value.code == "settlement.pending_approval" and counts(demo_db) == before


def test_split_payment_settles_in_full(demo_db, users, presettled):
    cashier = users["cashier1"]
    with pytest.raises(ValidationError) as err:  # WeChat needs its transaction number
        billing.settle(demo_db, cashier, presettled, [PaymentIn("wechat", D("186.20"))])
    assert err.value.code == "settlement.reference_required"
    result = billing.settle(demo_db, cashier, presettled, [
        PaymentIn("cash", D("300.00")), PaymentIn("wechat", D("186.20"), " 4200001234 ")])
    assert result.changed.state == "SETTLED" and result.invoice_no == invoice(1)
    assert (result.received, result.outstanding) == (SHARE, D("0.00"))
    view = settlement_view(demo_db, cashier, presettled)
    assert view.by_method == (("cash", D("300.00")), ("wechat", D("186.20")))
    assert view.payments[1].reference == "4200001234" and view.settled_at == FIXED
    with demo_db.reading() as s:
        assert s.get(Settlement, result.settlement_id).cashier_id == cashier.id
    gate = billing.issue_gate_pass(demo_db, users["advisor1"], presettled)
    assert gate.number == f"GP{YEAR}000001"


def test_partial_payment_needs_payment_or_credit_before_the_gate_pass(demo_db, users, presettled):
    cashier, manager = users["cashier1"], users["admin"]
    result = billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", D("400"))])
    assert result.outstanding == D("86.20") and result.received == D("400.00")
    with pytest.raises(ValidationError) as err:
        billing.issue_gate_pass(demo_db, cashier, presettled)
    assert err.value.code == "gatepass.unpaid"
    with pytest.raises(Forbidden):
        billing.approve_credit(demo_db, cashier, presettled, "老客户，月结")
    with pytest.raises(ValidationError):
        billing.approve_credit(demo_db, manager, presettled, "  ")
    billing.approve_credit(demo_db, manager, presettled, "老客户，月结")
    assert billing.issue_gate_pass(demo_db, cashier, presettled).number.startswith("GP")
    with pytest.raises(ValidationError) as err:
        billing.issue_gate_pass(demo_db, cashier, presettled)
    assert err.value.code == "gatepass.exists"
    paid = billing.pay_outstanding(demo_db, cashier, presettled, [PaymentIn("alipay", D("86.20"), "AP1")])
    assert paid.outstanding == D("0.00") and paid.received == SHARE


def test_paying_the_balance_later_releases_the_gate_pass(demo_db, users, presettled):
    cashier = users["cashier1"]
    billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", D("400"))])
    with pytest.raises(ValidationError) as err:
        billing.pay_outstanding(demo_db, cashier, presettled, [PaymentIn("cash", D("86.21"))])
    assert err.value.code == "settlement.overpayment"
    billing.pay_outstanding(demo_db, cashier, presettled, [PaymentIn("card", D("86.20"), "POS-778")])
    assert billing.issue_gate_pass(demo_db, cashier, presettled).gate_pass_id
    with pytest.raises(ValidationError) as err:
        billing.pay_outstanding(demo_db, cashier, presettled, [PaymentIn("cash", D("1"))])
    assert err.value.code == "settlement.nothing_outstanding"


def test_overpayment_changes_nothing_and_burns_no_invoice_number(demo_db, users, presettled):
    cashier = users["cashier1"]
    before = counts(demo_db)
    for bad, code in [([PaymentIn("cash", D("600.00"))], "settlement.overpayment"),
                      ([PaymentIn("cash", D("0.001"))], "settlement.payment_amount"),
                      ([PaymentIn("cheque", D("10"))], "settlement.payment_method")]:
        with pytest.raises(ValidationError) as err:
            billing.settle(demo_db, cashier, presettled, bad)
        assert err.value.code == code
        assert counts(demo_db) == before and order_state(demo_db, presettled) == "PRESETTLED"
    assert billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", SHARE)]).invoice_no == invoice(1)


def test_invoice_numbers_are_gap_free_across_orders(demo_db, users, presettled):
    cashier = users["cashier1"]
    second = make_ready(demo_db)
    billing.presettle(demo_db, users["advisor1"], second)
    assert billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", SHARE)]).invoice_no == invoice(1)
    with pytest.raises(ValidationError):
        billing.settle(demo_db, cashier, second, [PaymentIn("cash", SHARE + D("0.01"))])
    assert billing.settle(demo_db, cashier, second, [PaymentIn("cash", D("1"))]).invoice_no == invoice(2)


def test_member_balance_cannot_be_overdrawn(demo_db, users):
    with demo_db.transaction() as s:
        card = s.scalars(select(Membership).where(Membership.status == "active")
                         .order_by(Membership.id)).first()
        card.balance, card_id = D("100.00"), card.id
        vehicle_id = s.scalars(select(Vehicle.id).where(Vehicle.customer_id == card.customer_id)).first()
    order_id = make_ready(demo_db, vehicle_id)
    share = billing.presettle(demo_db, users["advisor1"], order_id).customer_share  # member prices
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        billing.settle(demo_db, users["cashier1"], order_id, [PaymentIn("member_balance", D("100.01"))])
    assert err.value.code == "settlement.member_balance_insufficient" and counts(demo_db) == before
    result = billing.settle(demo_db, users["cashier1"], order_id, [
        PaymentIn("member_balance", D("100.00")), PaymentIn("cash", share - 100)])
    assert result.outstanding == D("0.00")
    view = settlement_view(demo_db, users["cashier1"], order_id)
    assert view.by_method == (("cash", share - 100), ("member_balance", D("100.00")))
    with demo_db.reading() as s:
        assert s.get(Membership, card_id).balance == D("0.00")


def test_member_balance_needs_an_active_card(demo_db, users, presettled):
    with demo_db.transaction() as s:
        customer_id = s.get(WorkOrder, presettled).customer_id
        for card in s.scalars(select(Membership).where(Membership.customer_id == customer_id)):
            card.status = "quit"
    with pytest.raises(ValidationError) as err:
        billing.settle(demo_db, users["cashier1"], presettled, [PaymentIn("member_balance", D("1"))])
    assert err.value.code == "settlement.no_membership"


def test_a_warranty_order_settles_without_payment(demo_db, users):
    order_id = make_ready(demo_db, warranty_only=True)
    result = billing.presettle(demo_db, users["advisor1"], order_id)
    assert (result.customer_share, result.total) == (D("0.00"), D("720.00"))
    result = billing.settle(demo_db, users["cashier1"], order_id, [])
    assert result.changed.state == "SETTLED" and result.outstanding == D("0.00")
    assert billing.issue_gate_pass(demo_db, users["cashier1"], order_id).number


def test_delivery_needs_a_gate_pass_and_opens_the_follow_up(demo_db, users, presettled):
    cashier, advisor = users["cashier1"], users["advisor1"]
    billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", SHARE)])
    with pytest.raises(ValidationError) as err:
        billing.deliver(demo_db, advisor, presettled)
    assert err.value.code == "delivery.no_gate_pass"
    billing.issue_gate_pass(demo_db, cashier, presettled)
    with pytest.raises(ValidationError) as err:
        billing.deliver(demo_db, advisor, presettled, follow_up_after_hours=48)
    assert err.value.code == "delivery.follow_up_hours"
    result = billing.deliver(demo_db, advisor, presettled)
    assert result.changed.state == "DELIVERED" and result.follow_up_due_at == FIXED + timedelta(hours=24)
    with demo_db.reading() as s:
        follow_up = s.get(FollowUp, result.follow_up_id)
        assert (follow_up.status, follow_up.due_at, follow_up.work_order_id) == (
            "open", FIXED + timedelta(hours=24), presettled)
        assert s.get(WorkOrder, presettled).delivered_at == FIXED
        assert s.scalars(select(GatePass)).one().released_at == FIXED


def test_delivery_follow_up_after_three_days(demo_db, users):
    order_id = make_ready(demo_db, warranty_only=True)
    billing.presettle(demo_db, users["advisor1"], order_id)
    billing.settle(demo_db, users["cashier1"], order_id, [])
    billing.issue_gate_pass(demo_db, users["cashier1"], order_id)
    result = billing.deliver(demo_db, users["cashier1"], order_id, follow_up_after_hours=72)
    assert result.follow_up_due_at == FIXED + timedelta(hours=72)


def test_reopen_is_for_the_manager_with_a_reason_and_keeps_the_payments(demo_db, users, presettled):
    cashier, manager, advisor = users["cashier1"], users["admin"], users["advisor1"]
    first = billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", D("400.00"))])
    with pytest.raises(Forbidden):
        billing.reopen(demo_db, cashier, presettled, "发票开错")
    with pytest.raises(ValidationError) as err:
        billing.reopen(demo_db, manager, presettled, " ")
    assert err.value.code == "settlement.reason_required"
    result = billing.reopen(demo_db, manager, presettled, "发票抬头开错")
    # the number is never blanked: kept, voided in the invoice table (see test_refunds)
    assert (result.changed.state, result.state, result.invoice_no) == (
        "READY", "reopened", first.invoice_no)
    with demo_db.reading() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "reopen")).one()
        assert entry.reason == "发票抬头开错" and first.invoice_no in entry.data
    again = billing.presettle(demo_db, advisor, presettled)
    assert again.settlement_id == first.settlement_id and again.state == "presettled"
    assert (again.received, again.outstanding) == (D("400.00"), D("86.20"))
    final = billing.settle(demo_db, cashier, presettled, [PaymentIn("cash", D("86.20"))])
    assert final.invoice_no == invoice(2) and final.outstanding == D("0.00")
    assert len(settlement_view(demo_db, cashier, presettled).payments) == 2


def test_cancel_needs_a_reason_and_is_refused_after_settlement(demo_db, users, presettled):
    advisor = users["advisor1"]
    other = received_order(demo_db, advisor, tier=None)
    with pytest.raises(ValidationError):
        cancellation.cancel(demo_db, advisor, other, "")
    assert cancellation.cancel(demo_db, advisor, other, "客户放弃维修").state == "CANCELLED"
    billing.settle(demo_db, users["cashier1"], presettled, [PaymentIn("cash", SHARE)])
    with pytest.raises(InvalidTransition):
        cancellation.cancel(demo_db, users["admin"], presettled, "客户要求取消")
    assert order_state(demo_db, presettled) == "SETTLED"


def test_a_stale_version_is_refused(demo_db, users):
    order_id = make_ready(demo_db)
    with demo_db.reading() as s:
        version = s.get(WorkOrder, order_id).version
    billing.presettle(demo_db, users["advisor1"], order_id, expected_version=version)
    with pytest.raises(ConcurrentChange):
        billing.settle(demo_db, users["cashier1"], order_id, [], expected_version=version)


def test_the_deductible_of_an_insurance_claim_is_the_customers(demo_db, users):
    order_id = make_ready(demo_db, warranty_only=True)  # 300.00 + 420.00 labour
    with demo_db.transaction() as s:
        order = s.get(WorkOrder, order_id)
        for line in order.labour_lines + order.part_lines:
            line.payer = "insurance"
        s.add(InsuranceClaim(work_order_id=order_id, insurer="人保", report_no="RPT1",
                             assessed_amount=D("700.00"), deductible=D("300.00")))
    result = billing.presettle(demo_db, users["advisor1"], order_id)
    view = settlement_view(demo_db, users["cashier1"], order_id)
    # capped at the 700.00 assessment, less the 300.00 deductible: 400.00 from the insurer
    assert dict(view.shares) == {"customer": D("320.00"), "insurance": D("400.00"),
                                 "warranty": D("0.00"), "internal": D("0.00")}
    assert result.outstanding == D("320.00") and view.total == D("720.00")
