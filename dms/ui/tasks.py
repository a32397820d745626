"""Run one service call off the GUI thread and hand its outcome back to the GUI thread.

A widget never touches the database from the GUI thread: it submits `fn(*args)` here and
names two `@Slot(int, object)` methods on itself. The result (or the exception) comes back
through a queued Qt signal, so the slots always run in the GUI thread. Every submission gets
an increasing task id; a widget that only cares about its latest request (search as you
type) compares the id and ignores stale answers.

Reads overlap in a small pool. Writes go to a named serial lane (one per workspace): a lane
runs one task at a time, in submission order, so two scans at the parts counter can never
overtake each other.

A runner made with `readers=N` and started (`start_readers`, once the first dialog is painted)
sends a read marked `apart` to one of N reader processes (`dms.apart`) instead of the pool, so
that its Python never holds this process's interpreter lock (see `dms.apart`). A call that
cannot be pickled (a lambda) runs in the pool as before, and so do the reads asked before the
readers are warm and the calls in flight when a reader process ends. Only the application and
the day's seat processes start readers: a test's monkeypatched service would not reach another
process.

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
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from dms import apart as wire

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


class _Reader(QObject):
    """A reader process, with a thread that writes its requests and one that waits for its
    answers: the GUI thread never blocks on the pipe, and each answer reaches it queued."""

    answered = Signal(object, bytes)  # this reader, the message
    gone = Signal(object)  # this reader

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "dms.apart"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # Windows: no console
        self.calls: dict[int, tuple] = {}  # in flight: {task id: (fn, args, kwargs)}
        self.ready = False  # warm: it has said so (`wire.READY`); nothing is sent to it before
        self._requests: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._write, name="reader-requests", daemon=True).start()
        threading.Thread(target=self._read, name="reader-answers", daemon=True).start()

    def ask(self, task_id: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        """Raises (and sends nothing) when the call cannot be pickled."""
        request = pickle.dumps((task_id, wire.call(fn, args, kwargs)))
        self.calls[task_id] = (fn, args, kwargs)
        self._requests.put(request)

    def _write(self) -> None:
        try:
            while (request := self._requests.get()) is not None:
                wire.send(self.process.stdin, request)
            self.process.stdin.close()
        except OSError:
            pass  # the reader has ended: `_read` reports it

    def _read(self) -> None:
        try:
            while (data := wire.receive(self.process.stdout)) is not None:
                self.answered.emit(self, data)
            self.gone.emit(self)
        except (OSError, RuntimeError):  # closed, or this object deleted at the end
            pass

    def stop(self, timeout_s: float = 5.0) -> None:
        self._requests.put(None)
        try:
            self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class TaskRunner(QObject):
    """A small thread pool for service calls; one per application window tree."""

    # Emitted in the GUI thread after a task's result or error was delivered.
    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 4, readers: int = 0):
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # see the module docstring
        self._pool = QThreadPool(self)
        # SQLite serialises writers anyway; a few threads keep reads overlapping.
        self._pool.setMaxThreadCount(max_threads)
        self._relays: dict[int, _Relay] = {}
        self._lanes: dict[str, QThreadPool] = {}
        self._wanted_readers = readers
        self._readers: list[_Reader] = []

    def start_readers(self) -> None:
        """Start the reader processes this runner was made with (once; see the docstring)."""
        while len(self._readers) < self._wanted_readers:
            reader = _Reader(self)
            reader.answered.connect(self._on_answer)
            reader.gone.connect(self._on_gone)  # a slot of this object: run in its thread
            self._readers.append(reader)
        self._wanted_readers = 0

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
               apart: bool = False,
               **kwargs: Any) -> int:
        """Start `fn(*args, **kwargs)` in the pool and return the task id.

        `on_result(task_id, result)` or `on_error(task_id, exception)` is called in the GUI
        thread; pass bound `@Slot` methods of a GUI-thread QObject so that Qt drops the
        delivery if that object was deleted meanwhile. `lane` names a serial lane (writes);
        `then(task_id, result)` is called after `on_result` (the change bus publishes there).
        `apart`: a read that may run in a reader process (`fn` and its arguments picklable).
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
        ready = [r for r in self._readers if r.ready]
        if apart and lane is None and ready:
            reader = min(ready, key=lambda r: len(r.calls))
            try:
                reader.ask(task_id, fn, args, kwargs)
                return task_id
            except Exception as exc:  # noqa: BLE001 - whatever pickling raises: run it here
                log.debug("%r runs in a thread: %s", fn, exc)
        self._run_here(task_id, relay, fn, args, kwargs, lane)
        return task_id

    def _run_here(self, task_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple,
                  kwargs: dict, lane: str | None = None) -> None:
        pool = self._pool if lane is None else self._lane(lane)
        pool.start(_Job(task_id, relay, fn, args, kwargs))

    @property
    def readers_ready(self) -> bool:
        """Every reader started is warm (the day's seats wait for it; the application does not:
        its reads run in the pool until then)."""
        return all(reader.ready for reader in self._readers)

    @Slot(object, bytes)
    def _on_answer(self, reader: _Reader, data: bytes) -> None:
        task_id, answer = pickle.loads(data)
        if task_id == wire.READY:
            reader.ready = True
            return
        reader.calls.pop(task_id, None)
        relay = self._relays.get(task_id)
        if relay is None:
            return  # asked before a shutdown that dropped it
        try:
            ok, value = pickle.loads(answer)
        except Exception as exc:  # noqa: BLE001 - an answer this process cannot read
            ok, value = False, exc
        (relay.succeeded if ok else relay.failed).emit(task_id, value)
        self._on_done(task_id)

    @Slot(object)
    def _on_gone(self, reader: _Reader) -> None:
        """A reader process ended: what it had in flight runs in the pool."""
        log.warning("A reader process ended (exit code %s)", reader.process.poll())
        self._readers.remove(reader)
        for task_id, (fn, args, kwargs) in reader.calls.items():
            if task_id in self._relays:
                self._run_here(task_id, self._relays[task_id], fn, args, kwargs)
        reader.calls.clear()

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
        for reader in self._readers:  # their answers would find deleted widgets: dropped
            for task_id in reader.calls:
                self._on_done(task_id)
            reader.calls.clear()
        finished = all([pool.waitForDone(timeout_ms) for pool in pools])
        if not finished:
            log.warning("Background tasks still running after %d ms", timeout_ms)
        return finished

    def close(self) -> None:
        """The end of the application: `shutdown`, then the reader processes end."""
        self.shutdown()
        readers, self._readers = self._readers, []
        for reader in readers:
            reader.gone.disconnect()
            reader.stop()
