"""Run one service call off the GUI thread and hand its outcome back to the GUI thread.

A widget never touches the database from the GUI thread: it submits `fn(*args)` here and
names two `@Slot(int, object)` methods on itself. The result (or the exception) comes back
through a queued Qt signal, so the slots always run in the GUI thread. Every submission gets
an increasing task id; a widget that only cares about its latest request (search as you
type) compares the id and ignores stale answers.

Reads overlap in a small pool. Writes go to a named serial lane (one per workspace): a lane
runs one task at a time, in submission order, so two scans at the parts counter can never
overtake each other.

The pool's threads run Python too (a board read builds hundreds of rows), and the GUI thread
takes the interpreter lock again each time Qt calls into Python (a paint, a slot, a model's
data): with the interpreter's 5 ms switch interval it waited up to 5 ms for each while a
worker computed, which strung into GUI lags of 40-120 ms. The runner sets 1 ms.

For the same reason the runner keeps Qt's raster engine from handing big fills and image
draws to its own pool of threads (`QT_NO_GUI_THREADPOOL`): the GUI thread then waits for
those threads, and on a busy PC that is a wait for a processor (13 % of the dispatcher's
busy time in the day). Qt reads the variable at the first such fill, after the runner is
made.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.001  # the interpreter's switch interval once a runner is made (see above)

_ids = itertools.count(1)


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it, so delivery is queued."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    done = Signal(int)


class _Job(QRunnable):
    def __init__(self, task_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple,
                 kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._relay = relay
        self._call = (fn, args, kwargs)

    def run(self) -> None:
        fn, args, kwargs = self._call
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI thread
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.succeeded.emit(self._task_id, result)
        finally:
            self._relay.done.emit(self._task_id)


class TaskRunner(QObject):
    """A small thread pool for service calls; one per application window tree."""

    # Emitted in the GUI thread after a task's result or error was delivered.
    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # see the module docstring
        self._pool = QThreadPool(self)
        # SQLite serialises writers anyway; a few threads keep reads overlapping.
        self._pool.setMaxThreadCount(max_threads)
        self._relays: dict[int, _Relay] = {}
        self._lanes: dict[str, QThreadPool] = {}

    def _lane(self, name: str) -> QThreadPool:
        if name not in self._lanes:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._lanes[name] = pool
        return self._lanes[name]

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_result: Callable[[int, object], None],
               on_error: Callable[[int, object], None],
               lane: str | None = None,
               then: Callable[[int, object], None] | None = None,
               **kwargs: Any) -> int:
        """Start `fn(*args, **kwargs)` in the pool and return the task id.

        `on_result(task_id, result)` or `on_error(task_id, exception)` is called in the GUI
        thread; pass bound `@Slot` methods of a GUI-thread QObject so that Qt drops the
        delivery if that object was deleted meanwhile. `lane` names a serial lane (writes);
        `then(task_id, result)` is called after `on_result` (the change bus publishes there).
        """
        task_id = next(_ids)
        relay = _Relay()
        # Connect before starting: a signal emitted with no connection is lost.
        relay.succeeded.connect(on_result)
        if then is not None:
            relay.succeeded.connect(then)
        relay.failed.connect(on_error)
        relay.done.connect(self._on_done)
        self._relays[task_id] = relay
        pool = self._pool if lane is None else self._lane(lane)
        pool.start(_Job(task_id, relay, fn, args, kwargs))
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    @Slot(int)
    def _on_done(self, task_id: int) -> None:
        relay = self._relays.pop(task_id, None)
        if relay is not None:
            relay.deleteLater()
        if not self._relays:
            self.idle.emit()

    def shutdown(self, timeout_ms: int = 5000, *, drop_queued: bool = True) -> bool:
        """Drop queued tasks (unless `drop_queued` is false: a print job) and wait for running
        ones (call before disposing the database)."""
        pools = [self._pool, *self._lanes.values()]
        if drop_queued:
            for pool in pools:
                pool.clear()
        finished = all([pool.waitForDone(timeout_ms) for pool in pools])
        if not finished:
            log.warning("Background tasks still running after %d ms", timeout_ms)
        return finished
