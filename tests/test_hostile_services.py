"""Hostile input through one service of each module (issues 12 and 13): a NUL byte, a lone
surrogate, a 5,000-character text, "1e400", "NaN" and a 9e15 amount are clear errors in
English and Chinese, the same on SQLite and PostgreSQL, and leave the database unchanged."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from builders import OIL_FILTER, as_user, received_order
from dms import clock
from dms.billing import settlement
from dms.billing.pricing import PartItem
from dms.crm import followup
from dms.errors import ValidationError
from dms.models import (AuditLog, Complaint, Customer, Fee, Part, StockMovement, Supplier,
                        WorkOrder)
from dms.parts.receipts import ReceiptLine, ReturnLine, receive, return_to_supplier
from dms.workshop import cancellation, estimates

HOSTILE_TEXTS = {"nul": ("换机油\0", "text.bad_character"),
                 "surrogate": ("换机油\ud800", "text.bad_character"),
                 "too-long": ("长" * 5000, "text.too_long")}
HOSTILE_NUMBERS = {"1e400": "1e400", "NaN": "NaN", "9e15": "9e15"}


def counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (WorkOrder, Fee, Complaint, StockMovement, AuditLog))


def _supplier(db):
    with db.reading() as s:
        return s.scalar(select(Supplier.code).join(Part, Part.supplier_id == Supplier.id)
                        .where(Part.code == OIL_FILTER))


def _customer(db):
    with db.reading() as s:
        return s.scalar(select(func.min(Customer.id)))


def _text_call(db, module, text):
    """One service of `module` given `text` where a person types free text."""
    if module == "workshop":
        advisor = as_user(db, "advisor1")
        order = received_order(db, advisor)
        return counts(db), lambda: cancellation.cancel(db, advisor, order, text)
    if module == "crm":
        admin = as_user(db, "admin")
        return counts(db), lambda: followup.open_complaint(
            db, as_user(db, "care1"), _customer(db), "phone", text, "low", admin.id,
            clock.now() + timedelta(days=1))
    if module == "parts":
        supplier = _supplier(db)
        return counts(db), lambda: return_to_supplier(
            db, as_user(db, "warehouse1"), supplier, "WH1", [ReturnLine(OIL_FILTER, Decimal(1))],
            reason=text)
    advisor = as_user(db, "advisor1")
    order = received_order(db, advisor)
    return counts(db), lambda: settlement.approve_credit(db, as_user(db, "admin"), order, text)


@pytest.mark.parametrize("module", ["workshop", "crm", "parts", "billing"])
@pytest.mark.parametrize("kind", HOSTILE_TEXTS)
def test_hostile_text_is_refused_by_every_module(demo_db, module, kind):
    text, code = HOSTILE_TEXTS[kind]
    before, call = _text_call(demo_db, module, text)
    with pytest.raises(ValidationError) as err:
        call()
    assert err.value.code == code and err.value.params["field"] in ("reason", "description")
    assert counts(demo_db) == before


def test_text_a_service_did_not_check_is_still_refused_before_the_database(demo_db):
    """A batch number goes straight into a column: the check before every flush refuses NUL
    on SQLite as PostgreSQL would, and the whole receipt is rolled back."""
    before = counts(demo_db)
    with pytest.raises(ValidationError) as err:
        receive(demo_db, as_user(demo_db, "warehouse1"), _supplier(demo_db), "purchase", "WH1",
                [ReceiptLine(OIL_FILTER, Decimal(1), Decimal("30.00"), batch="B\0001")])
    assert (err.value.code, err.value.params["field"]) == ("text.bad_character", "batch")
    assert counts(demo_db) == before


def _number_call(db, module, value):
    if module == "workshop":
        advisor = as_user(db, "advisor1")
        order = received_order(db, advisor)
        return counts(db), lambda: estimates.add_fee(db, advisor, order, "other", value)
    if module == "parts":
        supplier = _supplier(db)
        clerk = as_user(db, "warehouse1")
        return counts(db), lambda: receive(db, clerk, supplier, "purchase", "WH1",
                                           [ReceiptLine(OIL_FILTER, Decimal(1), value)])
    if module == "billing":
        return counts(db), lambda: settlement._check_payments([settlement.PaymentIn("cash", value)])
    return counts(db), lambda: PartItem(Decimal(1), value, "customer")


@pytest.mark.parametrize("module", ["workshop", "parts", "billing", "pricing"])
@pytest.mark.parametrize("value", HOSTILE_NUMBERS.values(), ids=HOSTILE_NUMBERS.keys())
def test_hostile_numbers_are_refused_by_every_module(demo_db, module, value):
    before, call = _number_call(demo_db, module, value)
    with pytest.raises(ValidationError) as err:
        call()
    if value == "NaN":
        assert err.value.code != "value.too_large"
    else:
        field = "PartItem.unit_price" if module == "pricing" else "amount"
        assert (err.value.code, err.value.params["field"]) == ("value.too_large", field)
    assert counts(demo_db) == before


@pytest.mark.parametrize("raise_it, english, chinese", [
    (lambda: cancellation.cancel(None, None, 1, "a\0b"),
     "reason contains a character that cannot be stored", "无法保存"),
    (lambda: cancellation.cancel(None, None, 1, "长" * 5000), "at most 4000 characters", "4000"),
    (lambda: PartItem(Decimal(1), "NaN", "customer"), "is not an exact number", "不是一个准确的数字"),
    (lambda: settlement._check_payments([settlement.PaymentIn("cash", "9e15")]),
     "at most 100000000, not 9e15", "100000000"),
])
def test_the_errors_read_in_both_languages(qapp, qm_dir, raise_it, english, chinese):
    from dms.ui import i18n, messages

    with pytest.raises(ValidationError) as err:
        raise_it()
    assert english in messages.error_text(err.value)
    assert i18n.install_translators("zh_CN", qm_dir)
    try:
        text = messages.error_text(err.value)
    finally:
        i18n.remove_translators()
    assert chinese in text and "{" not in text


@pytest.mark.parametrize("field, value, code", [
    ("requested_work", "保养\0", "text.bad_character"), ("notes", "长" * 5000, "text.too_long"),
    ("planned_hours", "1e400", "value.too_large"), ("estimate", "9e15", "value.too_large"),
    ("planned_hours", "NaN", "dispatch.planned_hours"),
    ("expected_parts", ((OIL_FILTER, "1e400"),), "value.too_large"),
])
def test_a_hostile_booking_is_refused(demo_db, field, value, code):
    from dms.models import Appointment, Vehicle
    from dms.workshop import appointments as ap

    with demo_db.reading() as s:
        vehicle_id = s.scalar(select(func.min(Vehicle.id)))
        booked = s.scalar(select(func.count()).select_from(Appointment))
    before = counts(demo_db)
    booking = ap.Booking(**{"vehicle_id": vehicle_id, "channel": "phone", "requested_work": "保养",
                            "booked_for": clock.now() + timedelta(days=1), field: value})
    with pytest.raises(ValidationError) as err:
        ap.book(demo_db, as_user(demo_db, "advisor1"), booking)
    assert err.value.code == code
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == booked
    assert counts(demo_db) == before
