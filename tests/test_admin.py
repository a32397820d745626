"""Administration services: staff accounts and roles, price lists and catalogues, audited and
allowed to the manager only; a refused change changes nothing."""

from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import auth
from dms.admin import catalogue, users
from dms.auth import authenticate
from dms.errors import AuthError, Forbidden, ValidationError
from dms.models import AuditLog, LabourOperation, PriceClass, User


@pytest.fixture
def manager(demo_db):
    return authenticate(demo_db, "admin", "admin123")


@pytest.fixture(autouse=True)
def cheap_hash(monkeypatch):
    monkeypatch.setattr(auth, "N", 2**10)


def _audits(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(AuditLog.id)))


def test_a_new_user_signs_in_with_the_roles_given_and_must_change_the_password(demo_db, manager):
    made = users.create_user(demo_db, manager, "advisor9", "王芳", "first-pass-1",
                             ["cashier", "advisor"], team="A")
    user = authenticate(demo_db, "advisor9", "first-pass-1")
    assert (user.id, user.roles, user.must_change_password) == (made.id, {"advisor", "cashier"}, True)
    row = next(r for r in users.staff(demo_db, manager) if r.id == made.id)
    assert (row.roles, row.team, row.active) == (("advisor", "cashier"), "A", True)
    users.update_user(demo_db, manager, made.id, "王芳", ["cashier"])
    assert authenticate(demo_db, "advisor9", "first-pass-1").roles == {"cashier"}
    users.set_active(demo_db, manager, made.id, False)
    with pytest.raises(AuthError):
        authenticate(demo_db, "advisor9", "first-pass-1")
    users.set_active(demo_db, manager, made.id, True)
    users.reset_password(demo_db, manager, "advisor9", "second-pass-2")
    assert authenticate(demo_db, "advisor9", "second-pass-2").must_change_password


@pytest.mark.parametrize("change, code", [
    (lambda db, m: users.create_user(db, m, "ADVISOR1", "x", "long-enough-1", ["advisor"]), "user.taken"),
    (lambda db, m: users.create_user(db, m, "new one", "x", "long-enough-1", ["advisor"]),
     "user.username_characters"),
    (lambda db, m: users.create_user(db, m, "newone", "x", "long-enough-1", []), "user.roles"),
    (lambda db, m: users.create_user(db, m, "newone", "x", "long-enough-1", ["boss"]), "user.roles"),
    (lambda db, m: users.create_user(db, m, "newone", "x", "short", ["advisor"]), "auth.password_short"),
    (lambda db, m: users.set_active(db, m, m.id, False), "user.self"),
    (lambda db, m: users.update_user(db, m, m.id, "x", ["advisor"]), "user.self"),
])
def test_bad_account_changes_are_refused_and_change_nothing(demo_db, manager, change, code):
    before = _audits(demo_db)
    with pytest.raises(ValidationError) as err:
        change(demo_db, manager)
    assert err.value.code == code
    assert _audits(demo_db) == before


def test_only_a_manager_manages(demo_db):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    with pytest.raises(Forbidden):
        users.staff(demo_db, advisor)
    with pytest.raises(Forbidden):
        catalogue.save(demo_db, advisor, "price_class", None,
                       {"code": "X", "name": "x", "hourly_rate": "1"})


def test_price_classes_and_labour_operations(demo_db, manager):
    made = catalogue.save(demo_db, manager, "price_class", None,
                          {"code": "P9", "name": "电工", "hourly_rate": "240.5"})
    op = catalogue.save(demo_db, manager, "labour_operation", None,
                        {"code": "EL99", "name": "线束检查", "trade": "electrical",
                         "standard_hours": "1.25", "price_class_id": made.id})
    with demo_db.reading() as s:
        assert s.get(PriceClass, made.id).hourly_rate == D("240.50")
        assert s.get(LabourOperation, op.id).standard_hours == D("1.25")
        entry = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert (entry.entity, entry.entity_id, entry.action) == ("labour_operation", op.id,
                                                                 "catalogue_saved")
    catalogue.save(demo_db, manager, "price_class", made.id,
                   {"code": "P9", "name": "电工", "hourly_rate": "250"})
    assert {r["code"]: r["hourly_rate"] for r in catalogue.records(demo_db, manager, "price_class")}["P9"] == D("250.00")


@pytest.mark.parametrize("values, code", [
    ({"code": "", "name": "x", "hourly_rate": "1"}, "catalogue.text"),
    ({"code": "P1X", "name": "x", "hourly_rate": "abc"}, "catalogue.value"),
    ({"code": "P1X", "name": "x", "hourly_rate": "-5"}, "catalogue.value"),
])
def test_bad_price_class_is_refused(demo_db, manager, values, code):
    with pytest.raises(ValidationError) as err:
        catalogue.save(demo_db, manager, "price_class", None, values)
    assert err.value.code == code


def test_a_code_is_unique_in_the_store(demo_db, manager):
    taken = catalogue.records(demo_db, manager, "membership_tier")[0]
    values = {k: v for k, v in taken.items() if k != "id"}
    with pytest.raises(ValidationError) as err:
        catalogue.save(demo_db, manager, "membership_tier", None,
                       {**values, **{k: str(v) for k, v in values.items() if not isinstance(v, str)}})
    assert err.value.code == "catalogue.code_taken"


def test_the_store_rules_list_every_setting(demo_db, manager):
    rules = dict(catalogue.rules(demo_db, manager))
    assert rules["discount_limit.advisor"] == D("10") and rules["workday_hours"] == D("8")
