"""Passwords (scrypt, never stored in plain text) and sign-in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from dms.errors import AuthError
from dms.models import Store, User, UserRole

# scrypt cost: about 50 ms per check on a desk PC, so guessing is slow but sign-in is not.
N, R, P = 2**14, 8, 1


@dataclass(frozen=True)
class CurrentUser:
    id: int
    username: str
    display_name: str
    store_id: int
    store_name: str
    roles: frozenset[str]

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt),
                            n=int(n), r=int(r), p=int(p), dklen=len(expected))
    return hmac.compare_digest(actual, expected)


def trusted_user(db, username: str | None = None) -> CurrentUser:
    """The user a command-line run acts as, without a password: whoever can reach the database
    URL already holds the data, so the CLI only needs a name for the audit log and the store
    scope. Without a name: the first active manager."""
    with db.reading() as session:
        query = select(User, Store.name).join(Store, Store.id == User.store_id).where(User.active)
        if username:
            query = query.where(User.username == username)
        else:
            query = query.join(UserRole).where(UserRole.role == "manager").order_by(User.id)
        row = session.execute(query.limit(1)).first()
        if row is None:
            raise AuthError("auth.unknown_user", "No active user {username}.",
                            username=username or "(manager)")
        return _current(row.User, row.name)


def _current(user: User, store_name: str) -> CurrentUser:
    return CurrentUser(id=user.id, username=user.username, display_name=user.display_name,
                       store_id=user.store_id, store_name=store_name,
                       roles=frozenset(r.role for r in user.roles))


def authenticate(db, username: str, password: str) -> CurrentUser:
    """The signed-in user; the same error for an unknown name and a wrong password."""
    with db.reading() as session:
        row = session.execute(
            select(User, Store.name).join(Store, Store.id == User.store_id)
            .where(User.username == username.strip())).first()
        if row is None or not verify_password(password, row.User.password_hash):
            raise AuthError()
        user, store_name = row
        if not user.active:
            raise AuthError("auth.inactive", "The account {username} is disabled.",
                            username=user.username)
        return _current(user, store_name)
