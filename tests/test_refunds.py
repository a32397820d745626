"""Refunds, credit notes and invoice numbers after a reopen (DESIGN §2, §4)."""

import shutil
import subprocess
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from dms import clock, policy
from dms.billing import refunds
from dms.billing import settlement as billing
from dms.billing.invoices import numbers
from dms.billing.settlement import PaymentIn
from dms.crm import membership
from dms.errors import Forbidden, InvalidTransition, ValidationError
from dms.models import Membership, PartLine, PointsEntry, Settlement, Vehicle
from dms.parts import picking
from dms.reports import documents
from dms.workshop import cancellation

from builders import FIXED, SHARE, login, make_ready

YEAR = FIXED.astimezone().year


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: FIXED)


@pytest.fixture
def users(demo_db):
    return {n: login(demo_db, n) for n in ("advisor1", "cashier1", "admin", "warehouse1")}


def settled(db, users, payments, vehicle_id=None):
    order_id = make_ready(db, vehicle_id)
    billing.presettle(db, users["advisor1"], order_id)
    billing.settle(db, users["cashier1"], order_id, payments)
    return order_id


def invoice_numbers(db, order_id):
    with db.reading() as s:
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == order_id)).one()
        return numbers(s, st.id), st.invoice_no


def test_a_reopen_keeps_the_voided_number_and_the_next_settlement_takes_a_new_one(demo_db, users):
    order_id = settled(demo_db, users, [PaymentIn("cash", SHARE)])
    billing.reopen(demo_db, users["admin"], order_id, "发票抬头开错")
    kept, current = invoice_numbers(demo_db, order_id)
    assert kept == [(f"INV{YEAR}000001", True)] and current == f"INV{YEAR}000001"
    billing.presettle(demo_db, users["advisor1"], order_id)
    again = billing.settle(demo_db, users["cashier1"], order_id, [])
    assert again.invoice_no == f"INV{YEAR}000002"
    assert invoice_numbers(demo_db, order_id) == (
        [(f"INV{YEAR}000001", True), (f"INV{YEAR}000002", False)], f"INV{YEAR}000002")


def test_a_part_returned_after_a_reopen_is_refunded_by_the_method_it_was_paid(demo_db, users):
    cashier = users["cashier1"]
    order_id = settled(demo_db, users, [PaymentIn("cash", D("300.00")),
                                        PaymentIn("wechat", SHARE - 300, "WX9")])
    billing.reopen(demo_db, users["admin"], order_id, "客户退回一个配件")
    with demo_db.reading() as s:
        line = s.scalars(select(PartLine).where(PartLine.work_order_id == order_id,
                                                PartLine.state == "issued")
                         .order_by(PartLine.id)).first()
    picking.return_part(demo_db, users["warehouse1"], line.id, 1, "未使用")  # 49.00 × 95 %
    with pytest.raises(ValidationError) as err:  # stuck without a refund
        billing.presettle(demo_db, users["advisor1"], order_id)
    assert err.value.code == "settlement.refund_needed"
    with pytest.raises(Forbidden):
        refunds.refund(demo_db, users["advisor1"], order_id, "46.55", "退配件")
    with pytest.raises(ValidationError) as err:
        refunds.refund(demo_db, cashier, order_id, "46.55", " ")
    assert err.value.code == "settlement.reason_required"
    done = refunds.refund(demo_db, cashier, order_id, "46.55", "退配件")
    assert done.by_method == (("wechat", D("46.55")),) and done.number == f"RF{YEAR}000001"
    presettled = billing.presettle(demo_db, users["advisor1"], order_id)
    assert presettled.outstanding == D("0.00") and presettled.customer_share == SHARE - D("46.55")
    assert billing.settle(demo_db, cashier, order_id, []).invoice_no == f"INV{YEAR}000002"
    pdf = documents.refund(demo_db, cashier, done.refund_id)
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, check=True,
                              capture_output=True).stdout.decode()
        assert all(x in "".join(text.split()) for x in ("退款单", done.number, "退配件", "46.55"))


def test_a_refund_above_the_limit_needs_a_manager_and_never_exceeds_what_was_paid(demo_db, users):
    cashier, manager = users["cashier1"], users["admin"]
    policy.set_setting(demo_db, manager, "refund_approval_limit", "50.00")
    order_id = settled(demo_db, users, [PaymentIn("cash", SHARE)])
    with pytest.raises(ValidationError) as err:  # a settled order: nothing was overpaid
        refunds.refund(demo_db, cashier, order_id, "1.00", "多收")
    assert err.value.code == "refund.too_much"
    with pytest.raises(ValidationError) as err:
        refunds.credit_note(demo_db, cashier, order_id, SHARE, "工时费打折")
    assert err.value.code == "refund.approval_needed"
    for bad in ("0", "-1", "0.001", 1.5):
        with pytest.raises(ValidationError) as err:
            refunds.credit_note(demo_db, cashier, order_id, bad, "调整")
        assert err.value.code == "refund.amount"
    note = refunds.credit_note(demo_db, cashier, order_id, "100.00", "工时费优惠", manager)
    assert (note.kind, note.customer_share, note.outstanding) == (
        "credit_note", SHARE - 100, D("-100.00"))
    assert note.invoice_no == f"INV{YEAR}000002"
    assert invoice_numbers(demo_db, order_id)[0] == [(f"INV{YEAR}000001", True),
                                                     (f"INV{YEAR}000002", False)]
    back = refunds.refund(demo_db, cashier, order_id, "100.00", "退还多收", manager)
    assert (back.by_method, back.received, back.outstanding) == (
        (("cash", D("100.00")),), SHARE - 100, D("0.00"))


def test_member_value_and_points_go_back_and_earned_points_are_taken_back(demo_db, users):
    with demo_db.transaction() as s:
        customer = s.scalars(select(Vehicle.customer_id).order_by(Vehicle.id)).first()
        vehicle_id = s.scalars(select(Vehicle.id).where(Vehicle.customer_id == customer)).first()
    card_id = membership.join(demo_db, login(demo_db, "care1"), customer, "general", "R-1").id
    with demo_db.transaction() as s:
        card = s.get(Membership, card_id)
        card.balance, card.points_balance = D("100.00"), 1000
        s.add(PointsEntry(membership_id=card_id, at=FIXED, points=1000, reason="settlement"))
    share = SHARE  # a general card gives no discount
    order_id = settled(demo_db, users, [PaymentIn("member_balance", D("100.00")),
                                        PaymentIn("points", D("10.00")),
                                        PaymentIn("cash", share - 110)], vehicle_id)
    with demo_db.reading() as s:
        earned = s.get(Membership, card_id).points_balance  # 1000 − 1000 redeemed + earned
    billing.reopen(demo_db, users["admin"], order_id, "取消维修")
    with pytest.raises(ValidationError):
        cancellation.cancel(demo_db, users["advisor1"], order_id, "客户取消")
    done = refunds.refund(demo_db, users["cashier1"], order_id, share, "全额退款",
                          users["admin"])
    assert dict(done.by_method) == {"cash": share - 110, "points": D("10.00"),
                                    "member_balance": D("100.00")}
    # the points earned on the money paid (stored value and cash, not points) come off again
    assert done.points_returned == 1000 and done.points_taken_back == int(share - 10)
    with demo_db.reading() as s:
        card = s.get(Membership, card_id)
        assert (card.balance, card.points_balance) == (D("100.00"), earned + 1000 - int(share - 10))
    view = membership.card_view
    with demo_db.reading() as s:
        assert view(s, s.get(Membership, card_id)).points_earned == 1000
    with pytest.raises(InvalidTransition):  # READY, not settled: no credit note
        refunds.credit_note(demo_db, users["cashier1"], order_id, "1.00", "x")
