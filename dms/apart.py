"""Reads done in a process of their own, beside the desktop's window (`python -m dms.apart`).

A read is Python work (a board of 300 jobs, the QC queue, a job card drawn with ReportLab). In
a thread of the window's process it holds the interpreter lock that the GUI thread needs for
every paint and slot, and on a busy PC the operating system preempts that thread while it holds
the lock: the GUI thread then waits for a thread that waits for a processor (the day in the
shop measured ticks 60-130 ms late in which the GUI thread itself worked 1-25 ms). A reader
process has an interpreter of its own; the window's process only pickles the request and
unpickles the answer.

The wire is the reader's stdin and stdout, each message a length and a pickle. In goes
`(task_id, call)`, `call` being the pickled `(fn, args, kwargs)`; out comes `(task_id,
answer)`, `answer` the pickled `(ok, value)`, in the order asked, after a first `(READY, b"")`
once the reader has imported what the reads need (the window sends it nothing before). A
`Database` does not travel: it is sent as its URL and the reader reads through an engine of
its own for that URL. An error that could not be unpickled comes back as a `DomainError`
carrying its text.
"""

from __future__ import annotations

import importlib
import os
import pickle
import pkgutil
import struct
import sys
import traceback
from collections.abc import Callable
from typing import Any, BinaryIO

from dms.db import Database
from dms.errors import DomainError

_LENGTH = struct.Struct("<Q")
READY = 0  # the task id of the message a reader sends once it is warm (task ids start at 1)
SERVICES = ("dms.crm", "dms.workshop", "dms.parts", "dms.billing", "dms.reports")
_databases: dict[str, Database] = {}


class _Database:
    """A `Database` on the wire: its URL (each process reads through an engine of its own)."""

    def __init__(self, url: str):
        self.url = url


def _database(url: str) -> Database:
    if url not in _databases:
        _databases[url] = Database(url)
    return _databases[url]


def call(fn: Callable[..., Any], args: tuple, kwargs: dict) -> bytes:
    """A call pickled (raises if it cannot be), a `Database` argument as its URL. (Only the
    arguments themselves are looked at: a hook for every object pickled cost the GUI thread
    tens of milliseconds for a board.)"""
    args = tuple(_Database(a.url) if isinstance(a, Database) else a for a in args)
    return pickle.dumps((fn, args, kwargs), pickle.HIGHEST_PROTOCOL)


def _unpickled_call(data: bytes) -> tuple[Callable[..., Any], tuple, dict]:
    fn, args, kwargs = pickle.loads(data)
    return fn, tuple(_database(a.url) if isinstance(a, _Database) else a for a in args), kwargs


def send(stream: BinaryIO, data: bytes) -> None:
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: BinaryIO) -> bytes | None:
    """The next message, or None when the other side has closed the stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


def answer(request: bytes) -> bytes:
    """Run one pickled call: its pickled `(ok, value)`, which the window's process can read."""
    try:
        fn, args, kwargs = _unpickled_call(request)
        return pickle.dumps((True, fn(*args, **kwargs)), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - every failure is the asking widget's to show
        if not isinstance(exc, DomainError):
            traceback.print_exc()
        try:
            data = pickle.dumps((False, exc))
            pickle.loads(data)
            return data
        except Exception:  # noqa: BLE001 - an error that does not survive pickling
            return pickle.dumps((False, DomainError(message=f"{type(exc).__name__}: {exc}")))


def warm_up() -> None:
    """Every ORM model and every service module, imported before the first request: a read
    that came first would pay for its module's import (the first search: 0.23 s, cold)."""
    from dms import changes  # noqa: F401 - loads every ORM model

    for name in SERVICES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(module.name)


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Warm up, say so (task 0), then answer requests until the window's process closes the
    stream."""
    try:
        warm_up()
        send(answers, pickle.dumps((READY, b"")))
        while (data := receive(requests)) is not None:
            task_id, request = pickle.loads(data)
            send(answers, pickle.dumps((task_id, answer(request))))
    except BrokenPipeError:
        pass  # the window's process has ended


def main() -> None:
    if hasattr(os, "nice"):  # the window's own threads first when the PC is busy (not Windows)
        os.nice(10)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    # A stray print must not break the wire: stdout goes where stderr goes (nowhere for a
    # window started without a console).
    quiet = os.open(os.devnull, os.O_WRONLY) if sys.stderr is None else sys.stderr.fileno()
    os.dup2(quiet, sys.stdout.fileno())
    serve(sys.stdin.buffer, answers)
    os._exit(0)  # nothing left to flush into a pipe that may be closed


if __name__ == "__main__":  # run as a module's import, so the wire's classes are this module's
    from dms.apart import main as serve_the_window

    serve_the_window()
