"""Staff accounts: create with roles and a first password (changed at the first sign-in),
change name, team and roles, disable and enable, reset a password, unlock after failed
sign-ins. Only a manager ("user.manage"), only in the manager's store; every change audited.

A manager cannot disable their own account or take the manager role from themselves: a store
must never lose its last way in from the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from dms import audit, clock, users
from dms.admin import Changed
from dms.auth import hash_password, name_key
from dms.errors import NotFound, ValidationError
from dms.models import SignInThrottle, User, UserRole
from dms.models.store import ROLES
from dms.permissions import require
from dms.validators import limited_text, text


@dataclass(frozen=True)
class Staff:
    id: int
    username: str
    display_name: str
    team: str | None
    active: bool
    roles: tuple[str, ...]  # in the order of dms.models.store.ROLES
    locked_until: datetime | None  # failed sign-ins lock the name until then
    must_change_password: bool


def staff(db, actor) -> tuple[Staff, ...]:
    with db.reading() as s:
        require(s, actor, "user.manage")
        people = s.scalars(select(User).where(User.store_id == actor.store_id)
                           .order_by(User.username)).all()
        locks = dict(s.execute(select(SignInThrottle.username, SignInThrottle.locked_until)
                               .where(SignInThrottle.locked_until > clock.now())).all())
        return tuple(Staff(u.id, u.username, u.display_name, u.team, u.active,
                           _ordered(r.role for r in u.roles), locks.get(name_key(u.username)),
                           u.must_change_password) for u in people)


def _ordered(roles) -> tuple[str, ...]:
    held = set(roles)
    return tuple(r for r in ROLES if r in held)


def _roles(roles) -> tuple[str, ...]:
    roles = tuple(roles or ())
    if not roles or set(roles) - set(ROLES):
        raise ValidationError("user.roles", "Give the user at least one role of the list.")
    return _ordered(roles)


def _fields(display_name, team) -> tuple[str, str | None]:
    return (limited_text(display_name, "user.display_name", 60, field="display_name"),
            text(team, "team", 40))


def _load(s, actor, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None or user.store_id != actor.store_id:
        raise NotFound(what="User", key=user_id)
    return user


def create_user(db, actor, username: str, display_name: str, password: str, roles,
                team: str | None = None) -> Changed:
    username = limited_text(username, "user.username", 40, field="username")
    if name_key(username) != username.lower() or " " in username:
        raise ValidationError("user.username_characters", "A user name has no spaces or "
                              "special characters.")
    display_name, team = _fields(display_name, team)
    roles = _roles(roles)
    hashed = hash_password(users.check_new_password(password, username))
    with db.transaction() as s:
        require(s, actor, "user.manage")
        if s.scalar(select(func.count(User.id)).where(func.lower(User.username) == name_key(username))):
            raise ValidationError("user.taken", "The user name {username} is taken.",
                                  username=username)
        user = User(store_id=actor.store_id, username=username, display_name=display_name,
                    team=team, password_hash=hashed, must_change_password=True,
                    roles=[UserRole(role=r) for r in roles])
        s.add(user)
        s.flush()
        audit.record(s, actor, "user", user.id, "user_created", roles=list(roles))
        return Changed("user", user.id)


def update_user(db, actor, user_id: int, display_name: str, roles,
                team: str | None = None) -> Changed:
    display_name, team = _fields(display_name, team)
    roles = _roles(roles)
    with db.transaction() as s:
        require(s, actor, "user.manage")
        user = _load(s, actor, user_id)
        if user.id == actor.id and "manager" not in roles:
            raise ValidationError("user.self", "You cannot take the manager role or the account "
                                  "away from yourself.")
        before = _ordered(r.role for r in user.roles)
        user.display_name, user.team = display_name, team
        if before != roles:
            user.roles = [r for r in user.roles if r.role in roles] + [
                UserRole(role=r) for r in roles if r not in before]
        audit.record(s, actor, "user", user.id, "user_changed", roles_before=list(before),
                     roles=list(roles))
        return Changed("user", user.id)


def set_active(db, actor, user_id: int, active: bool) -> Changed:
    """Disable (the next command of that user is refused, and sign-in) or enable again."""
    with db.transaction() as s:
        require(s, actor, "user.manage")
        user = _load(s, actor, user_id)
        if user.id == actor.id and not active:
            raise ValidationError("user.self", "You cannot take the manager role or the account "
                                  "away from yourself.")
        if user.active != active:
            user.active = active
            audit.record(s, actor, "user", user.id, "user_enabled" if active else "user_disabled")
        return Changed("user", user.id)


def reset_password(db, actor, username: str, password: str) -> Changed:
    """A temporary password the user must change at the next sign-in (dms.users)."""
    return Changed("user", users.reset_password(db, actor, username, password))


def unlock(db, actor, username: str) -> Changed:
    return Changed("user", users.unlock(db, actor, username))
