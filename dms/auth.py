"""Passwords (scrypt, never stored in plain text) and sign-in (DESIGN §10).

Sign-in costs the same for a known and an unknown user name (an unknown one is checked against
a dummy hash of the current cost), failures are counted per user name and lock it for a while
once there are too many, and every success and every failure of a known user is audited.
Hashes of a lower cost are upgraded at the next successful sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from dms import audit, clock
from dms.errors import AuthError
from dms.models import SignInThrottle, Store, User

# OWASP's minimum for scrypt (N=2^17, r=8, p=1): about 0.3-0.5 s and 128 MiB per check, so
# guessing offline is slow. Tests lower N explicitly; the product never does.
N, R, P = 2**17, 8, 1
LOCK_AFTER = 5  # failures in a row before the name is locked
LOCK_FIRST = timedelta(minutes=5)  # doubled at every further LOCK_AFTER failures …
LOCK_LONGEST = timedelta(hours=24)  # … up to this


@dataclass(frozen=True)
class CurrentUser:
    """Who signed in. `roles` is the copy made at sign-in, for enabling buttons; commands check
    the database again (dms.permissions.require)."""

    id: int
    username: str
    display_name: str
    store_id: int
    store_name: str
    roles: frozenset[str]
    must_change_password: bool = False

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int = 64) -> bytes:
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 2**20, dklen=dklen)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(_scrypt(password, salt, N, R, P)).decode()}"


def _parts(stored: str):
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return None
        return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest)
    except (ValueError, TypeError):
        return None


def verify_password(password: str, stored: str) -> bool:
    parts = _parts(stored)
    if parts is None or "\0" in password:  # OpenSSL's scrypt ends the password at a NUL
        return False
    n, r, p, salt, expected = parts
    try:
        actual = _scrypt(password, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):  # parameters nobody here would have written
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    parts = _parts(stored)
    return parts is None or (parts[0], parts[1], parts[2]) < (N, R, P)


def _dummy_hash() -> str:
    """What an unknown name is checked against: the current cost, a random salt and a random
    digest, so the check costs one scrypt like a real one and never matches (no hash has to be
    made first, which would make the first unknown name slower than the rest)."""
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(secrets.token_bytes(16)).decode()}${b64(secrets.token_bytes(64)).decode()}"


def name_key(username: str) -> str:
    """User names are matched without regard to case or surrounding spaces; characters no
    stored name can hold (NUL, lone surrogates) are dropped and the length is that of the column,
    so whatever is typed is a key both backends store."""
    text = "".join(ch for ch in (username or "") if ch != "\0" and not "\ud800" <= ch <= "\udfff")
    return text.strip().lower()[:40]


def find_user(session, username: str):
    """(User, store name) for a name in any case; an exact match wins over a case-folded one."""
    rows = session.execute(
        select(User, Store.name).join(Store, Store.id == User.store_id)
        .where(func.lower(User.username) == name_key(username))).all()
    exact = [r for r in rows if r.User.username == (username or "").strip()]
    return (exact or rows or [None])[0]


def current(user: User, store_name: str) -> CurrentUser:
    return CurrentUser(id=user.id, username=user.username, display_name=user.display_name,
                       store_id=user.store_id, store_name=store_name,
                       roles=frozenset(r.role for r in user.roles),
                       must_change_password=user.must_change_password)


def _lock_for(failures: int) -> timedelta | None:
    if failures < LOCK_AFTER or failures % LOCK_AFTER:
        return None
    return min(LOCK_FIRST * 2 ** (failures // LOCK_AFTER - 1), LOCK_LONGEST)


def authenticate(db, username: str, password: str) -> CurrentUser:
    """The signed-in user; the same error for an unknown name and a wrong password. The check
    runs outside any transaction, so a slow hash never holds the database's write lock."""
    key, now = name_key(username), clock.now()
    with db.reading() as s:
        throttle = s.get(SignInThrottle, key)
        locked_until = throttle.locked_until if throttle else None
        row = find_user(s, username)
        user, store_name = (row.User, row.name) if row else (None, None)
        stored = user.password_hash if user else None
        signed_in = current(user, store_name) if user else None
        active = bool(user and user.active)
    if locked_until is not None and locked_until > now:
        _record(db, signed_in, "sign_in_refused", locked_until=locked_until)
        raise AuthError("auth.locked", "Too many failed sign-ins for {username}; try again "
                        "after {until}, or ask your manager to unlock the account.",
                        username=key,
                        until=locked_until.astimezone().strftime("%H:%M"))
    ok = verify_password(password or "", stored or _dummy_hash())
    if not ok or user is None:
        _failed(db, key, signed_in, now)
        raise AuthError()
    if not active:
        _record(db, signed_in, "sign_in_refused", reason="inactive")
        raise AuthError("auth.inactive", "The account {username} is disabled.",
                        username=signed_in.username)
    upgraded = hash_password(password) if needs_rehash(stored) else None  # before the lock
    with db.transaction() as s:
        s.execute(delete(SignInThrottle).where(SignInThrottle.username == key))
        if upgraded:
            s.get(User, signed_in.id).password_hash = upgraded
        audit.record(s, signed_in, "user", signed_in.id, "sign_in")
    return signed_in


def _record(db, user: CurrentUser | None, action: str, **data) -> None:
    if user is not None:  # an unknown name has no store to audit in: its throttle row is the record
        with db.transaction() as s:
            audit.record(s, user, "user", user.id, action, **data)


def _failed(db, key: str, user: CurrentUser | None, now) -> None:
    try:
        _count_failure(db, key, user, now)
    except IntegrityError:  # another seat's first failure for this name inserted the row
        _count_failure(db, key, user, now)


def _count_failure(db, key: str, user: CurrentUser | None, now) -> None:
    with db.transaction() as s:
        throttle = s.scalars(select(SignInThrottle).where(SignInThrottle.username == key)
                             .with_for_update()).one_or_none()
        if throttle is None:
            throttle = SignInThrottle(username=key, failures=0, last_failure_at=now)
            s.add(throttle)
        throttle.failures += 1
        throttle.last_failure_at = now
        lock = _lock_for(throttle.failures)
        throttle.locked_until = now + lock if lock else None
        if user is not None:
            audit.record(s, user, "user", user.id, "sign_in_failed", failures=throttle.failures,
                         locked_until=throttle.locked_until)
