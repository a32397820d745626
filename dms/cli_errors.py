"""Every failure of the command line ends as one line in the user's language and a non-zero
exit: domain errors, argparse's own complaints, files that cannot be written, a closed pipe, an
interrupt, and bugs (whose traceback goes to a log file instead of the terminal).

`guarded()` wraps the whole of `dms.__main__.main`, so commands added later are covered too.
The texts live with the window's (`dms/ui/error_texts_cli.py`).
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from dms.errors import DomainError

EXIT_ERROR = 2       # the user's business: a message says what to change
EXIT_BUG = 1         # unexpected: the details are in the crash log
EXIT_INTERRUPTED = 130


class UsageError(DomainError):
    code = "cli.usage"
    default = "{problem} (see dms --help)"


class Parser(argparse.ArgumentParser):
    """argparse's parser, its errors raised as `UsageError`s instead of printed and exited."""

    def error(self, message: str):
        raise usage_error(message)


# argparse's English messages (Python 3.11-3.13), read back into codes and parameters.
_BAD_DATE = re.compile(r"argument (\S+): invalid fromisoformat value: '(.*)'")
_BAD_CHOICE = re.compile(r"argument (\S+): invalid choice: '(.*?)' \(choose from (.*)\)")
_BAD_VALUE = re.compile(r"argument (\S+): invalid \w+ value: '(.*)'")
_NEEDS_VALUE = re.compile(r"argument (\S+): expected one argument")
_MISSING = re.compile(r"the following arguments are required: (.*)")
_UNKNOWN = re.compile(r"unrecognized arguments: (.*)")


def usage_error(message: str) -> DomainError:
    if found := _BAD_DATE.fullmatch(message):
        return UsageError("cli.bad_date", "{argument}: \u201c{value}\u201d is not a date; write it "
                          "as YYYY-MM-DD.", argument=found[1], value=found[2])
    if found := _BAD_CHOICE.fullmatch(message):
        return UsageError("cli.bad_choice", "{argument}: \u201c{value}\u201d is not one of "
                          "{choices}.", argument=found[1], value=found[2],
                          choices=found[3].replace("'", ""))
    if found := _BAD_VALUE.fullmatch(message):
        return UsageError("cli.bad_value", "{argument}: \u201c{value}\u201d is not a valid value.",
                          argument=found[1], value=found[2])
    if found := _NEEDS_VALUE.fullmatch(message):
        return UsageError("cli.needs_value", "{argument} needs a value.", argument=found[1])
    if found := _MISSING.fullmatch(message):
        return UsageError("cli.missing_arguments", "Missing: {arguments} (see dms --help).",
                          arguments=found[1])
    if found := _UNKNOWN.fullmatch(message):
        return UsageError("cli.unknown_arguments",
                          "Unknown arguments: {arguments} (see dms --help).", arguments=found[1])
    return UsageError(problem=message)


def os_error(exc: OSError) -> DomainError:
    """A file the command could not read or write, named, with the reason in plain words."""
    path = str(exc.filename if exc.filename is not None else "")
    if exc.errno == errno.ENOENT:
        return DomainError("cli.no_such_path", "{path}: the file or folder does not exist.",
                           path=path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return DomainError("cli.permission", "{path}: permission denied.", path=path)
    if exc.errno == errno.EISDIR:
        return DomainError("cli.is_directory", "{path} is a folder, not a file.", path=path)
    if exc.errno == errno.ENOTDIR:
        return DomainError("cli.not_directory",
                           "{path}: part of the path is a file, not a folder.", path=path)
    if exc.errno == errno.ENOSPC:
        return DomainError("cli.disk_full", "{path}: the disk is full.", path=path)
    if exc.errno == errno.EROFS:
        return DomainError("cli.read_only", "{path}: the disk is read-only.", path=path)
    return DomainError("cli.os_error", "Cannot use {path}: {reason}", path=path,
                       reason=exc.strerror or str(exc))


def crash_log() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("dms")) / "cli-errors.log"


def _log_bug(exc: BaseException) -> str:
    """Append the traceback to the crash log; the log's path (or why it could not be written)."""
    path = crash_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} dms "
                      f"{' '.join(sys.argv[1:])}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError as problem:
        return f"{path}: {problem.strerror}"
    return str(path)


def _first_line(exc: BaseException) -> str:
    """`TypeError: …`, without the SQL and the parameters SQLAlchemy appends below it."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _language(argv: Sequence[str]) -> str | None:
    """The --lang of the command line, read before (or without) argparse."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def text(error: DomainError, argv: Sequence[str]) -> str:
    """In the language the window would use: --lang, else the settings', else the system's."""
    from dms.db import load_settings
    from dms.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, choose_language

    language = _language(argv)
    if language not in LANGUAGES:
        try:
            language = choose_language(load_settings())
        except DomainError:  # an unreadable settings file: its own error is what matters
            language = DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        return error.text()
    from dms.ui.messages import text_in

    return text_in(error, language)


def _say(error: DomainError, argv: Sequence[str]) -> None:
    print(f"dms: {text(error, argv)}", file=sys.stderr, flush=True)


def _detach_stdout() -> None:
    """After a broken pipe: point stdout at nothing, so the exit's flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test's capture)
        pass


def guarded(body: Callable[[], int], argv: Sequence[str]) -> int:
    """Run `body` (the command); its exit code, or one line on stderr and a non-zero code."""
    try:
        return body()
    except DomainError as exc:
        _say(exc, argv)
    except BrokenPipeError:
        _detach_stdout()
        _say(DomainError("cli.broken_pipe", "The output was closed before the command had "
                                            "written all of it."), argv)
    except OSError as exc:
        _say(os_error(exc), argv)
    except KeyboardInterrupt:
        _say(DomainError("cli.interrupted", "Interrupted: the step in progress was not saved."),
             argv)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line here, the traceback in the log
        _say(DomainError("cli.unexpected", "Unexpected error ({error}); details in {log}.",
                         error=_first_line(exc), log=_log_bug(exc)), argv)
        return EXIT_BUG
    return EXIT_ERROR
