"""Domain errors as translated text: the one place that maps error codes to what users read.

Services raise `dms.errors.DomainError` subclasses carrying a stable `code` and `params`; the
English default wording lives with the error (`.text()`), the translations live here and, by
area, in the `error_texts_*` modules beside it. A code not listed falls back to `.text()`, so
a new error is never silent, only untranslated (tests/test_error_texts.py fails on it).

Rules for a text: the English keeps every {name} of the service's message and uses no
parameter the service does not pass. Parameters that are themselves words (a record name, an
action, a state, a role…) are looked up in `error_words` by the parameter's name, so the
Chinese text does not mix in English.
"""

from __future__ import annotations

import logging
import re
import string
import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dms.errors import DomainError
from dms.ui import (error_texts_admin, error_texts_billing, error_texts_cli,
                    error_texts_customers, error_texts_parts, error_texts_security,
                    error_texts_workshop, error_words, field_words, permission_words)
from dms.ui.i18n import current_language, install_translators

log = logging.getLogger(__name__)


def _templates() -> dict[str, str | tuple[str, ...]]:
    """Every error code and its text. Built on each call so the texts follow the current
    translator; the literal QCoreApplication.translate calls are what pyside6-lupdate extracts.

    A code the services raise with different parameters in different places (e.g. with and
    without the amount) lists its texts most specific first; `_pick` chooses one.
    """
    return {
        # generic errors (dms/errors.py)
        "error": QCoreApplication.translate("Messages", "The action could not be completed."),
        "validation": QCoreApplication.translate("Messages", "The action could not be completed."),
        "config": QCoreApplication.translate(
            "Messages", "The settings file cannot be read. Correct it, or delete it to start "
                        "again with the default settings."),
        "not_found": QCoreApplication.translate("Messages", "{what} {key} was not found."),
        "forbidden": QCoreApplication.translate(
            "Messages", "Your role does not allow this action: {action}."),
        "concurrent_change": QCoreApplication.translate(
            "Messages", "{what} was changed by {user} at {when}. Reload it and try again."),
        "workorder.invalid_transition": QCoreApplication.translate(
            "Messages", "Cannot {action}: the work order is {state}."),
        "stock.insufficient": QCoreApplication.translate(
            "Messages", "Not enough stock of {part}: {available} available, {requested} "
                        "requested."),
        # sign-in (dms/auth.py)
        "auth.bad_credentials": QCoreApplication.translate(
            "Messages", "Wrong user name or password."),
        "auth.inactive": QCoreApplication.translate(
            "Messages", "This account is disabled. Ask your manager to enable it."),
        "auth.unknown_user": QCoreApplication.translate("Messages", "No active user {username}."),
        # database (dms/db.py, dms/migrate.py, the CLI)
        "db.network_share": QCoreApplication.translate(
            "Messages", "The database file {path} is on a network share. SQLite cannot be "
                        "shared across computers safely; use a PostgreSQL server for several "
                        "seats."),
        "db.unsupported": QCoreApplication.translate(
            "Messages", "Unsupported database address {url}: use sqlite:/// or postgresql://"),
        "db.not_upgraded": QCoreApplication.translate(
            "Messages", "The database schema is not current: run `dms db upgrade` first."),
        "db.migration_fk": QCoreApplication.translate(
            "Messages", "The upgrade left {n} rows with broken references."),
        "db.connection_lost": QCoreApplication.translate(
            "Messages", "The connection to the database server was lost. Nothing of this "
                        "action was saved; try again."),
        "db.connection_lost_at_commit": QCoreApplication.translate(
            "Messages", "The connection to the database server was lost while this action was "
                        "being saved, so it may or may not have been saved. Reload and check "
                        "before trying again."),
        "db.unreachable": (
            QCoreApplication.translate(
                "Messages", "Cannot connect to the database server {server} ({reason}). Check "
                            "that it is running and that this computer can reach it."),
            QCoreApplication.translate(
                "Messages", "The database server cannot be reached. Check the network or ask "
                            "your administrator, then try again.")),
        **error_texts_workshop.templates(),
        **error_texts_parts.templates(),
        **error_texts_customers.templates(),
        **error_texts_billing.templates(),
        **error_texts_admin.templates(),
        **error_texts_cli.templates(),
        **error_texts_security.templates(),
    }


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def _pick(texts: str | tuple[str, ...], error: DomainError) -> str | None:
    """The text with the same parameters as the error's English message, else the first whose
    parameters the error carries, else None."""
    texts = (texts,) if isinstance(texts, str) else texts
    wanted = _fields(error.message)
    return (next((t for t in texts if _fields(t) == wanted), None)
            or next((t for t in texts if _fields(t) <= error.params.keys()), None))


def _vocabularies() -> dict[str, dict[str, str]]:
    """Parameter name → the words its values are translated with."""
    states, trades = error_words.states(), error_words.trades()
    return {"action": error_words.actions() | permission_words.actions(), "state": states, "status": states,
            "role": error_words.roles(), "method": error_words.payment_methods(),
            "field": error_words.fields() | field_words.fields(), "when": error_words.phrases(),
            "trade": trades, "bay_kind": trades, "needed_kind": trades}


def _translated(params: dict) -> dict:
    """`params` with the values that are words (a state, an action…) translated."""
    vocabularies = _vocabularies()
    out = dict(params)
    for name, value in params.items():
        if not isinstance(value, str):
            continue
        if name in ("errors", "warnings"):  # "vin.length, vin.bad_char"
            checks = error_words.checks()
            out[name] = QCoreApplication.translate("Messages", ", ", "between list items").join(
                checks.get(item, item) for item in value.split(", "))
        elif name == "what":
            out[name] = _thing(value)
        elif name in vocabularies:
            out[name] = vocabularies[name].get(value, value)
    return out


def _thing(value: str) -> str:
    """A record as {what}: "Work order", "Work order WO…", "Settlement of work order WO…"."""
    things = error_words.things()
    if value in things:
        return things[value]
    of_order = re.fullmatch(r"(.+) of work order (\S+)", value)
    if of_order and of_order[1] in things:
        return QCoreApplication.translate("Messages", "{thing} of work order {number}").format(
            thing=things[of_order[1]], number=of_order[2])
    for name in sorted(things, key=len, reverse=True):
        if value.startswith(name + " "):
            return f"{things[name]} {value[len(name) + 1:]}"
    return value


def error_text(error: BaseException) -> str:
    """User-facing text for `error`, translated when its code is known."""
    if not isinstance(error, DomainError):
        return QCoreApplication.translate("Messages", "Unexpected error: {error}").format(
            error=error)
    texts = _templates().get(error.code)
    if texts is None:
        return error.text()
    template = _pick(texts, error)
    try:
        if template is None:
            raise KeyError(error.code)
        return template.format(**_translated(error.params))
    except (KeyError, IndexError, ValueError):
        log.warning("Missing parameters for message %s: %r", error.code, error.params)
        return error.text()


def text_in(error: DomainError, language: str) -> str:
    """`error_text` outside the window (the command line): a QCoreApplication, no GUI, carries
    the translators for `language`."""
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (alive until return)
    previous = current_language()
    install_translators(language)
    try:
        return error_text(error)
    finally:
        install_translators(previous)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user about a failed action.

    Domain errors are the user's business and get a plain message box. Anything else is a bug:
    it goes to the one excepthook, which logs it and shows the details.
    """
    if not isinstance(error, DomainError):
        sys.excepthook(type(error), error, error.__traceback__)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "DMS"),
                      error_text(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("domainErrorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # Nothing else owns a parentless box: keep it alive until it is closed (and deleted).
        _open_boxes.difference_update([b for b in _open_boxes if not shiboken6.isValid(b)])
        _open_boxes.add(box)
    box.open()


_open_boxes: set[QMessageBox] = set()


def report(parent: QWidget | None, task_error: object) -> None:
    """`show_error` for exceptions delivered by the task runner (typed `object` there)."""
    if isinstance(task_error, BaseException):
        show_error(parent, task_error)
    else:
        log.error("Task reported a non-exception error: %r", task_error)
