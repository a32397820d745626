"""How a command-line run signs in, like the window: DMS_USER and DMS_PASSWORD for scripts,
else a prompt on the terminal. Never a name on trust: the audit log's "who" is who signed in."""

from __future__ import annotations

import getpass
import os
import sys

from dms.auth import CurrentUser, authenticate
from dms.errors import AuthError


def credentials() -> tuple[str, str]:
    """(user name, password): from the environment, else asked on the terminal."""
    username, password = os.environ.get("DMS_USER"), os.environ.get("DMS_PASSWORD")
    if not username or password is None:
        if not sys.stdin.isatty():
            raise AuthError("auth.no_credentials", "Sign in: set DMS_USER and DMS_PASSWORD, or "
                            "run the command in a terminal to be asked.")
        username = username or input("User: ")
        password = getpass.getpass("Password: ")
    return username, password


def sign_in(db) -> CurrentUser:
    """The signed-in user, who must have chosen their own password (else `dms passwd`)."""
    actor = authenticate(db, *credentials())
    if actor.must_change_password:
        raise AuthError("auth.must_change_password", "The password of {username} was set by "
                        "someone else: sign in to the window (or run `dms passwd`) and choose "
                        "your own first.", username=actor.username)
    return actor


def ask_new_password(prompt: str = "New password: ") -> str:
    """A new password typed twice on the terminal (or DMS_NEW_PASSWORD for scripts)."""
    if os.environ.get("DMS_NEW_PASSWORD"):
        return os.environ["DMS_NEW_PASSWORD"]
    if not sys.stdin.isatty():
        raise AuthError("auth.no_credentials", "Sign in: set DMS_USER and DMS_PASSWORD, or "
                        "run the command in a terminal to be asked.")
    while True:
        first = getpass.getpass(prompt)
        if first == getpass.getpass("Again: "):
            return first
        print("The two passwords differ; type them again.", file=sys.stderr)
