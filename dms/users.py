"""Accounts: the first store and manager of a real database (`dms init`), a user's own password
change, and a manager's unlock and reset. A password someone else set (a reset) must be
changed at the next sign-in."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from dms import audit
from dms.auth import CurrentUser, find_user, hash_password, name_key, verify_password
from dms.migrate import has_store
from dms.errors import AuthError, NotFound, ValidationError
from dms.models import SignInThrottle, Store, User, UserRole
from dms.permissions import require
from dms.validators import clean_text, limited_text

MIN_PASSWORD = 8


def check_new_password(password: str, username: str) -> str:
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise ValidationError("auth.password_short",
                              "A password needs at least {n} characters.", n=MIN_PASSWORD)
    if name_key(password) == name_key(username):
        raise ValidationError("auth.password_is_name", "The password cannot be the user name.")
    if clean_text(password) is None or len(password) > 200:
        raise ValidationError("auth.password_characters", "Use at most 200 ordinary characters "
                              "in a password.")
    return password


def is_initialised(db) -> bool:
    return has_store(db)


def init_database(db, store_code: str, store_name: str, username: str, display_name: str,
                  password: str) -> CurrentUser:
    """The store and its first manager, in a database that has no store yet."""
    store_code = limited_text(store_code, "init.required", 20, field="store_code")
    store_name = limited_text(store_name, "init.required", 100, field="store_name")
    username = limited_text(username, "init.required", 40, field="username")
    display_name = limited_text(display_name, "init.required", 60, field="display_name")
    password = check_new_password(password, username)
    hashed = hash_password(password)
    with db.transaction() as s:
        if s.scalar(select(func.count()).select_from(Store)):
            raise ValidationError("init.not_empty", "This database already has a store; sign "
                                  "in as its manager to add users.")
        store = Store(code=store_code, name=store_name)
        s.add(store)
        s.flush()
        user = User(store_id=store.id, username=username, display_name=display_name,
                    password_hash=hashed, roles=[UserRole(role="manager")])
        s.add(user)
        s.flush()
        manager = CurrentUser(user.id, user.username, user.display_name, store.id, store.name,
                              frozenset({"manager"}))
        audit.record(s, manager, "user", user.id, "init", store_code=store_code)
        return manager


def change_password(db, actor, old_password: str, new_password: str) -> CurrentUser:
    """The user's own change; the old password proves it is them at the keyboard."""
    new_password = check_new_password(new_password, actor.username)
    if old_password == new_password:
        raise ValidationError("auth.password_unchanged", "Choose a new password, not the "
                              "current one.")
    hashed = hash_password(new_password)
    with db.reading() as s:
        stored = s.scalar(select(User.password_hash).where(User.id == actor.id))
    if stored is None or not verify_password(old_password or "", stored):
        raise AuthError("auth.wrong_password", "The current password is wrong.")
    with db.transaction() as s:
        user = s.get(User, actor.id)
        user.password_hash, user.must_change_password = hashed, False
        audit.record(s, actor, "user", user.id, "password_changed")
    return CurrentUser(actor.id, actor.username, actor.display_name, actor.store_id,
                       actor.store_name, actor.roles, must_change_password=False)


def _staff(s, actor, username: str) -> User:
    row = find_user(s, username)
    if row is None or row.User.store_id != actor.store_id:
        raise NotFound(what="User", key=(username or "").strip())
    return row.User


def unlock(db, actor, username: str) -> int:
    """Clear a name's failed sign-ins, so its owner can try again at once; the user's id."""
    with db.transaction() as s:
        require(s, actor, "user.manage")
        user = _staff(s, actor, username)
        s.execute(delete(SignInThrottle).where(SignInThrottle.username == name_key(user.username)))
        audit.record(s, actor, "user", user.id, "unlock")
        return user.id


def reset_password(db, actor, username: str, new_password: str) -> int:
    """A manager sets a temporary password; its owner must change it at the next sign-in.
    Returns the user's id."""
    new_password = check_new_password(new_password, username)
    hashed = hash_password(new_password)
    with db.transaction() as s:
        require(s, actor, "user.manage")
        user = _staff(s, actor, username)
        user.password_hash, user.must_change_password = hashed, True
        s.execute(delete(SignInThrottle).where(SignInThrottle.username == name_key(user.username)))
        audit.record(s, actor, "user", user.id, "password_reset")
        return user.id
