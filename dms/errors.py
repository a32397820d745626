"""Domain errors: a stable code plus parameters; the UI and CLI turn them into user text.

Nothing here is translated: `dms.ui.messages` maps codes to Qt-translated text and the CLI
falls back to the English default message.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user can cause. `code` is stable; `params` fill the message."""

    code = "error"
    default = "The action could not be completed."

    def __init__(self, code: str | None = None, message: str | None = None, **params):
        self.code = code or self.code
        self.params = params
        self.message = message or self.default
        super().__init__(self.text())

    def __reduce__(self):
        """Pickled as what it holds (a reader process sends it to the window's process)."""
        return _restore, (type(self), self.__dict__)

    def text(self) -> str:
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError):
            return self.message


def _restore(cls: type[DomainError], state: dict) -> DomainError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.text())
    return error


class ConfigError(DomainError):
    code = "config"


class NotFound(DomainError):
    code = "not_found"
    default = "{what} {key} was not found."


class AuthError(DomainError):
    code = "auth.bad_credentials"
    default = "Wrong user name or password."


class ValidationError(DomainError):
    code = "validation"


class InvalidTransition(DomainError):
    code = "workorder.invalid_transition"
    default = "Cannot {action} a work order that is {state}."


class Forbidden(DomainError):
    code = "forbidden"
    default = "Your role does not allow: {action}."


class ConcurrentChange(DomainError):
    code = "concurrent_change"
    default = "{what} was changed by {user} at {when}; reload and try again."


class InsufficientStock(DomainError):
    code = "stock.insufficient"
    default = "Not enough stock of {part}: {available} available, {requested} requested."


class ConnectionLost(DomainError):
    """The database connection broke during an action; the next action reconnects by itself.

    Lost while statements ran: the transaction never committed, so nothing was saved. Lost
    during the COMMIT itself (code "db.connection_lost_at_commit"): the server may have committed
    before the connection broke, and only a reload can tell.
    """

    code = "db.connection_lost"
    default = ("The connection to the database server was lost. Nothing of this action was saved; "
               "try again.")

    @classmethod
    def at_commit(cls) -> ConnectionLost:
        return cls("db.connection_lost_at_commit",
                   "The connection to the database server was lost while this action was being "
                   "saved, so it may or may not have been saved. Reload and check before trying "
                   "again.")


class DatabaseUnreachable(DomainError):
    code = "db.unreachable"
    default = ("Cannot connect to the database server {server} ({reason}). Check that it is "
               "running and that this computer can reach it.")
