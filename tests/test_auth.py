"""Sign-in: scrypt hashes, never plain text; wrong passwords and unknown users get one message."""

import pytest
from sqlalchemy import select

from dms.auth import authenticate, hash_password, verify_password
from dms.errors import AuthError
from dms.models import User


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
