"""Error texts of permissions, sign-in and the bounds on typed-in values (dms/permissions.py,
dms/auth.py, dms/validators.py). Part of `dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # permissions (dms/permissions.py)
        "forbidden.inactive": QCoreApplication.translate(
            "Messages", "The account {username} is disabled. Ask your manager to enable it."),
        "forbidden.store": QCoreApplication.translate(
            "Messages", "This belongs to another store: {action}."),
        "forbidden.not_assigned": QCoreApplication.translate(
            "Messages", "Work order {number} is not assigned to you: {action}."),
        # sign-in and accounts (dms/auth.py, dms/users.py)
        "auth.locked": QCoreApplication.translate(
            "Messages", "Too many failed sign-ins for {username}; try again after {until}, or "
                        "ask your manager to unlock the account."),
        "auth.password_short": QCoreApplication.translate(
            "Messages", "A password needs at least {n} characters."),
        "auth.password_is_name": QCoreApplication.translate(
            "Messages", "The password cannot be the user name."),
        "auth.password_characters": QCoreApplication.translate(
            "Messages", "Use at most 200 ordinary characters in a password."),
        "auth.password_unchanged": QCoreApplication.translate(
            "Messages", "Choose a new password, not the current one."),
        "auth.wrong_password": QCoreApplication.translate(
            "Messages", "The current password is wrong."),
        "auth.must_change_password": QCoreApplication.translate(
            "Messages", "The password of {username} was set by someone else: sign in to the "
                        "window (or run `dms passwd`) and choose your own first."),
        "auth.no_credentials": QCoreApplication.translate(
            "Messages", "Sign in: set DMS_USER and DMS_PASSWORD, or run the command in a "
                        "terminal to be asked."),
        "init.required": QCoreApplication.translate(
            "Messages", "Enter a text of 1 to {limit} characters."),
        "init.not_empty": QCoreApplication.translate(
            "Messages", "This database already has a store; sign in as its manager to add "
                        "users."),
        "init.not_initialised": QCoreApplication.translate(
            "Messages", "This database has no store and no users yet: run `dms init` to create "
                        "the store and its first manager."),
        "membership.fee": QCoreApplication.translate(
            "Messages", "A membership fee is an amount of 0 or more, not {value}."),
        # bounds (dms/validators.py)
        "value.number": QCoreApplication.translate(
            "Messages", "{field}: {value} is not an exact number."),
        "value.too_large": QCoreApplication.translate(
            "Messages", "{field}: at most {limit}, not {value}."),
        "text.bad_character": QCoreApplication.translate(
            "Messages", "{field} contains a character that cannot be stored (a NUL or a broken "
                        "character)."),
        "text.too_long": QCoreApplication.translate(
            "Messages", "{field}: at most {limit} characters."),
    }
