"""Domain errors as translated text: the one place that maps error codes to what users read.

Services raise `dms.errors.DomainError` subclasses carrying a stable `code` and `params`; the
English default wording lives with the error (`.text()`), the translations live here. A code
not listed here falls back to `.text()`, so a new error is never silent, only untranslated.
"""

from __future__ import annotations

import logging
import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dms.errors import DomainError

log = logging.getLogger(__name__)


def _things() -> dict[str, str]:
    """Names of records that appear as {what} in messages."""
    return {
        "Customer": QCoreApplication.translate("Messages", "Customer"),
        "Vehicle": QCoreApplication.translate("Messages", "Vehicle"),
        "User": QCoreApplication.translate("Messages", "User"),
        "Work order": QCoreApplication.translate("Messages", "Work order"),
        "Part": QCoreApplication.translate("Messages", "Part"),
        "Appointment": QCoreApplication.translate("Messages", "Appointment"),
    }


def _templates() -> dict[str, str]:
    # Built on each call so the texts follow the current translator. The literal
    # QCoreApplication.translate calls are what pyside6-lupdate extracts.
    return {
        "auth.bad_credentials": QCoreApplication.translate(
            "Messages", "Wrong user name or password."),
        "auth.inactive": QCoreApplication.translate(
            "Messages", "This account is disabled. Ask your manager to enable it."),
        "db.network_share": QCoreApplication.translate(
            "Messages", "The database file {path} is on a network share. SQLite cannot be "
            "shared across computers safely; use a PostgreSQL server for several seats."),
        "db.unsupported": QCoreApplication.translate(
            "Messages", "Unsupported database address {url}: use sqlite:/// or postgresql://"),
        "not_found": QCoreApplication.translate(
            "Messages", "{what} {key} was not found."),
        "forbidden": QCoreApplication.translate(
            "Messages", "Your role does not allow this action: {action}."),
        "concurrent_change": QCoreApplication.translate(
            "Messages", "{what} was changed by {user} at {when}. Reload it and try again."),
        "workorder.invalid_transition": QCoreApplication.translate(
            "Messages", "Cannot {action} a work order that is {state}."),
        "stock.insufficient": QCoreApplication.translate(
            "Messages", "Not enough stock of {part}: {available} available, {requested} "
            "requested."),
    }


def error_text(error: BaseException) -> str:
    """User-facing text for `error`, translated when its code is known."""
    if not isinstance(error, DomainError):
        return QCoreApplication.translate("Messages", "Unexpected error: {error}").format(
            error=error)
    template = _templates().get(error.code)
    if template is None:
        return error.text()
    params = dict(error.params)
    if isinstance(params.get("what"), str):
        params["what"] = _things().get(params["what"], params["what"])
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("Missing parameters for message %s: %r", error.code, error.params)
        return error.text()


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
