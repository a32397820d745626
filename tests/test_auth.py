"""Sign-in: scrypt hashes, never plain text; wrong passwords and unknown users get one message."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from dms import auth, clock, users
from dms.auth import authenticate, hash_password, verify_password
from dms.errors import AuthError, Forbidden, ValidationError
from dms.models import AuditLog, User


def test_hash_is_salted_and_verifies():
    first, second = hash_password("秘密123"), hash_password("秘密123")
    assert first != second and first.startswith("scrypt$") and "秘密123" not in first
    assert verify_password("秘密123", first)
    assert not verify_password("秘密124", first)
    assert not verify_password("x", "not-a-hash")


def test_demo_advisor_signs_in(demo_db):
    user = authenticate(demo_db, "advisor1", "demo123")
    assert user.username == "advisor1" and "advisor" in user.roles
    assert user.store_name == "北京京华现代汽车4S店"


@pytest.mark.parametrize("username, password", [("advisor1", "wrong"), ("nobody", "demo123"),
                                                ("advisor1", "")])
def test_bad_credentials_are_refused(demo_db, username, password):
    with pytest.raises(AuthError) as err:
        authenticate(demo_db, username, password)
    assert err.value.code == "auth.bad_credentials"


def test_passwords_are_not_stored_in_plain_text(demo_db):
    with demo_db.reading() as s:
        hashes = s.scalars(select(User.password_hash)).all()
    assert hashes and all(h.startswith("scrypt$") and "demo123" not in h for h in hashes)


def test_disabled_account_is_refused(demo_db):
    with demo_db.transaction() as s:
        s.scalar(select(User).where(User.username == "advisor2")).active = False
    with pytest.raises(AuthError) as err:
        authenticate(demo_db, "advisor2", "demo123")
    assert err.value.code == "auth.inactive"


# --- issue 13: cost, equal work, throttling, audit, forced change, manager unlock and reset ---

def _hash_params(db, username):
    with db.reading() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == username))
    return auth._parts(stored)[:3]


def test_the_product_hashes_at_owasp_cost_or_above(monkeypatch):
    from conftest import PRODUCT_SCRYPT_N

    assert PRODUCT_SCRYPT_N >= 2**17 and (auth.R, auth.P) == (8, 1)
    monkeypatch.setattr(auth, "N", PRODUCT_SCRYPT_N)
    stored = hash_password("秘密123")  # 128 MiB of scrypt memory: the limit must allow it
    assert stored.startswith(f"scrypt${PRODUCT_SCRYPT_N}$8$1$") and verify_password("秘密123", stored)


def test_a_weaker_hash_is_upgraded_at_the_next_sign_in(demo_db, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(auth, "N", 2**8)
        weak = hash_password("demo123")
    with demo_db.transaction() as s:
        s.scalar(select(User).where(User.username == "advisor1")).password_hash = weak
    authenticate(demo_db, "advisor1", "demo123")
    assert _hash_params(demo_db, "advisor1") == (auth.N, auth.R, auth.P)
    authenticate(demo_db, "advisor1", "demo123")  # and the new hash signs in


def test_an_unknown_name_costs_the_same_scrypt_as_a_known_one(demo_db, monkeypatch):
    calls = []
    real = auth._scrypt
    monkeypatch.setattr(auth, "_scrypt", lambda *a, **k: calls.append(a[2:5]) or real(*a, **k))
    for name in ("advisor1", "nobody"):
        calls.clear()
        with pytest.raises(AuthError):
            authenticate(demo_db, name, "wrong")
        assert calls == [(auth.N, auth.R, auth.P)], name


def test_user_names_are_matched_in_any_case(demo_db):
    assert authenticate(demo_db, "  ADVISOR1 ", "demo123").username == "advisor1"


def _failures(db, name, n):
    for _ in range(n):
        with pytest.raises(AuthError) as err:
            authenticate(db, name, "wrong")
        assert err.value.code == "auth.bad_credentials"


def test_five_failures_lock_the_name_for_a_while_that_grows(demo_db):
    start = datetime(2026, 3, 1, 2, 0, tzinfo=timezone.utc)
    with clock.frozen_at(start):
        _failures(demo_db, "advisor1", 5)
        with pytest.raises(AuthError) as err:  # the right password no longer helps
            authenticate(demo_db, "Advisor1", "demo123")
        assert err.value.code == "auth.locked"
    with clock.frozen_at(start + timedelta(minutes=6)):
        _failures(demo_db, "advisor1", 5)  # the next five lock it for ten minutes
    with clock.frozen_at(start + timedelta(minutes=15)):
        with pytest.raises(AuthError) as err:
            authenticate(demo_db, "advisor1", "demo123")
        assert err.value.code == "auth.locked"
    with clock.frozen_at(start + timedelta(minutes=17)):
        assert authenticate(demo_db, "advisor1", "demo123").username == "advisor1"
        _failures(demo_db, "advisor1", 4)  # a success started the count again
        authenticate(demo_db, "advisor1", "demo123")


def test_unknown_names_are_throttled_too(demo_db):
    _failures(demo_db, "nobody", 5)
    with pytest.raises(AuthError) as err:
        authenticate(demo_db, "nobody", "x")
    assert err.value.code == "auth.locked"


def test_every_success_and_failure_is_audited(demo_db):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    _failures(demo_db, "advisor1", 2)
    with demo_db.reading() as s:
        actions = s.scalars(select(AuditLog.action).where(
            AuditLog.entity == "user", AuditLog.entity_id == advisor.id,
            AuditLog.user_id == advisor.id).order_by(AuditLog.id)).all()
    assert actions == ["sign_in", "sign_in_failed", "sign_in_failed"]


@pytest.mark.parametrize("name", ["a" * 1000, "advisor1\0", "\ud800advisor", "'; DROP TABLE x;--"])
def test_hostile_user_names_are_just_wrong(demo_db, name):
    with demo_db.reading() as s:
        before = s.scalar(select(func.count()).select_from(User))
    with pytest.raises(AuthError) as err:
        authenticate(demo_db, name, "demo123\0")
    assert err.value.code in ("auth.bad_credentials", "auth.locked")
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(User)) == before


def test_a_reset_password_must_be_changed_and_a_manager_unlocks(demo_db, monkeypatch):
    from dms.cli_auth import sign_in

    manager = authenticate(demo_db, "admin", "admin123")
    with pytest.raises(Forbidden):
        users.reset_password(demo_db, authenticate(demo_db, "advisor2", "demo123"), "advisor1",
                             "temporary-1")
    _failures(demo_db, "advisor1", 5)
    users.reset_password(demo_db, manager, "ADVISOR1", "temporary-1")  # also unlocks
    advisor = authenticate(demo_db, "advisor1", "temporary-1")
    assert advisor.must_change_password
    monkeypatch.setenv("DMS_USER", "advisor1")
    monkeypatch.setenv("DMS_PASSWORD", "temporary-1")
    with pytest.raises(AuthError) as err:
        sign_in(demo_db)
    assert err.value.code == "auth.must_change_password"
    with pytest.raises(ValidationError) as err:
        users.change_password(demo_db, advisor, "temporary-1", "short")
    assert err.value.code == "auth.password_short"
    assert not users.change_password(demo_db, advisor, "temporary-1", "my own 2026").must_change_password
    monkeypatch.setenv("DMS_PASSWORD", "my own 2026")
    assert sign_in(demo_db).username == "advisor1"
    _failures(demo_db, "advisor1", 5)
    users.unlock(demo_db, manager, "advisor1")
    assert authenticate(demo_db, "advisor1", "my own 2026").username == "advisor1"


def test_init_creates_the_store_and_its_first_manager_once(db):
    assert not users.is_initialised(db)
    manager = users.init_database(db, "BJ09", "北京九店", "boss", "王经理", "a long secret")
    assert manager.roles == {"manager"} and users.is_initialised(db)
    assert authenticate(db, "boss", "a long secret").store_name == "北京九店"
    with pytest.raises(ValidationError) as err:
        users.init_database(db, "BJ10", "十店", "boss2", "x", "a long secret")
    assert err.value.code == "init.not_empty"


def test_a_nul_does_not_cut_the_password_short(demo_db):
    """OpenSSL's scrypt stops at a NUL byte: "demo123\\0anything" would be "demo123"."""
    with pytest.raises(AuthError):
        authenticate(demo_db, "advisor1", "demo123\0anything")
    with pytest.raises(ValidationError) as err:
        users.check_new_password("long enough\0", "advisor1")
    assert err.value.code == "auth.password_characters"
