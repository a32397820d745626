"""One seat of the day: a main window signed in as one user, with its own connection and its
own change feed (`dms.ui.shell.feed.LiveFeed`, as `dms.app.AppSession` starts it), as one PC in
the shop would have.

    python tests/day/seat.py --url URL --user NAME --folder DIR

runs one seat as a process of its own (QT_QPA_PLATFORM=offscreen): it answers a first line
{"ready": ...} once signed in, then executes requests read as JSON lines on stdin —
{"id": n, "call": "step" | "watch" | "seen" | "lag" | "quit", "name": ..., "args": {...}} — and answers
each with {"id": n, "ok": true, "result": {...}} (or "ok": false and the traceback). Requests
that arrive while one is running wait for it: a step's waits never run another request.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
import traceback
import types
from collections import deque
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import pdf_printers  # noqa: E402
from PySide6.QtCore import QObject, QTimer, Signal, Slot  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qt_compat import qt_api  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402
from robot import Robot  # noqa: E402

from day import steps, watches  # noqa: E402

PRINTER = "Desk"
PRINTED_KINDS = ("checkin", "estimate", "settlement", "settlement-receipt", "gatepass", "qc",
                 "jobcard", "picking", "appointment")


class Settings:
    """The workstation's settings: every document kind prints to its PDF printer."""

    def __init__(self):
        self.settings = {"printers": {k: {"printer": PRINTER} for k in PRINTED_KINDS}}

    def load(self) -> dict:
        return dict(self.settings)

    def save(self, settings: dict) -> None:
        self.settings = dict(settings)


def install_printers(setter, folder: Path) -> list:
    """The workstation's printer writes PDF files into `folder` (`setter` is a monkeypatch, or
    anything with its setattr)."""
    return pdf_printers.install(setter, Path(folder), PRINTER)


class Seat:
    """A signed-in main window on its own connection and change feed. `step` runs one of the
    day's steps with a fresh robot; `watch` prepares this seat's screen and notes, from then
    on, the moment it shows what was asked (checked every millisecond by the event loop)."""

    def __init__(self, url: str, username: str, bot: QtBot, password: str = "demo123",
                 readers: int = 0):
        from dms.app import create_main_window
        from dms.auth import authenticate
        from dms.db import Database, make_engine
        from dms.ui.shell.feed import LiveFeed
        from dms.ui.tasks import TaskRunner

        self.username = username
        self.db = Database(engine=make_engine(url))
        self.user = authenticate(self.db, username, password)
        self.bot = bot  # pytest-qt's: its keys, clicks and waits (tests/robot.py counts them)
        self.runner = TaskRunner(readers=readers)  # as the application's, as a process
        self._submit, self.runner.submit = self.runner.submit, self._submitted
        self.tasks: dict[int, str] = {}  # what the runner runs: {task: name}, commands marked
        self.window = create_main_window(self.db, self.user, self.runner, Settings())
        self.live = LiveFeed(self.db, self.window)
        self.live.changed.connect(self.window.bus.collect)
        self._publish = self.window.bus.publish
        self.window.bus.publish = self._published  # every command's result passes here
        self.committed_at: float | None = None  # the last command of this seat's own
        self.watches: dict[str, dict] = {}
        self.timer = QTimer(self.window)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._check)
        self.window.resize(1366, 768)
        self.window.show()
        self.bot.waitUntil(lambda: self.window.isVisible() and self.live.wait_ready(0),
                           timeout=10_000)
        self.runner.start_readers()  # as the application does once its first dialog is up
        self.bot.waitUntil(lambda: self.runner.readers_ready, timeout=30_000)

    def _submitted(self, fn, *args, **kwargs) -> int:
        task = self._submit(fn, *args, **kwargs)
        name = getattr(fn, "__qualname__", repr(fn))
        self.tasks[task] = f"command {name}" if kwargs.get("lane") else name
        return task

    def commands_done(self) -> bool:
        """No command of this seat is running or waiting for its result to be published."""
        return not any(self.tasks.get(t, "").startswith("command ") for t in self.runner._relays)

    def _published(self, changes) -> None:
        self.committed_at = time.time()  # this seat's own command has committed
        self._publish(changes)

    def focus(self) -> None:
        """This seat's window has the keyboard (the person sits down at it)."""
        self.window.activateWindow()
        self.bot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=10_000)

    def step(self, name: str, **args) -> dict:
        self.focus()
        robot = Robot(self.bot)
        self.committed_at = None
        try:
            shown = steps.STEPS[name](self, robot, **args) or {}
            self.bot.waitUntil(self.commands_done, timeout=10_000)  # its results published
        except (AssertionError, TimeoutError) as error:
            raise AssertionError(f"{self.username}, step {name} after {robot.log}: {error} "
                                 f"({self.screen()})") from error
        return {"actions": robot.actions, "log": robot.log, "committed_at": self.committed_at,
                **shown}

    def screen(self) -> str:
        """What the person sees when a step fails: the message bar, the window and widget
        with the keyboard."""
        current = self.window.current
        focus = QApplication.focusWidget()
        running = [self.tasks.get(t) for t in self.runner._relays]
        bar = current.message_bar.text() if current else None
        return (f"running {running}; message bar: {bar!r}; active window: "
                f"{QApplication.activeWindow()!r}; focus: {focus!r} "
                f"{focus.objectName() if focus else ''}")

    def watch(self, name: str, **args) -> dict:
        prepare, shown = watches.WATCHES[name]
        prepare(self, **args)
        already = shown(self, **args)
        self.watches[name] = {"shown": lambda: shown(self, **args), "seen_at": None,
                              "args": args}
        self.timer.start()
        return {"already": already}

    def _check(self) -> None:
        waiting = [w for w in self.watches.values() if w["seen_at"] is None]
        for w in waiting:
            if w["shown"]():
                w["seen_at"] = time.time()
        if all(w["seen_at"] is not None for w in waiting):
            self.timer.stop()

    def seen(self, name: str, timeout: int = 10_000) -> dict:
        watch = self.watches[name]
        try:
            self.bot.waitUntil(lambda: watch["seen_at"] is not None, timeout=timeout)
        except TimeoutError:
            raise AssertionError(f"{self.username}'s screen did not show {name} "
                                 f"{watch['args']} within {timeout} ms") from None
        del self.watches[name]
        return {"seen_at": watch["seen_at"]}

    def lag(self, what: str) -> dict:
        """benchmarks/ui_day.py: "start" this seat's lag meter and call-site sampler
        (benchmarks/lag.py), "report" what they saw: every tick's lateness in ms and the GUI
        thread's CPU time before it, the sites, and what each tick later than 50 ms was spent
        on."""
        if what == "start":
            sys.path.insert(0, str(TESTS.parent / "benchmarks"))
            from lag import CallSites, LagMeter

            self.lag_meter, self.call_sites = LagMeter(), CallSites()
            self.call_sites.start()
            self.lag_meter.start()
            return {}
        self.lag_meter.stop()
        self.call_sites.stop()
        return {"samples": self.lag_meter.samples, "busy": self.lag_meter.busy,
                "cpu_s": {"gui": round(sum(self.lag_meter.busy) / 1000, 2),
                          "process": round(sum(self.lag_meter.process_busy) / 1000, 2)},
                "sites": self.call_sites.slowest(self.lag_meter),
                "late": self.call_sites.late(self.lag_meter)}

    def call(self, call: str, name: str, args: dict) -> dict:
        return getattr(self, call)(name, **args)

    def close(self) -> None:
        self.timer.stop()
        self.live.close()
        self.runner.close()
        self.window.close()
        self.db.dispose()


class _Lines(QObject):
    """stdin's lines, read in a thread of their own, delivered in the GUI thread."""

    line = Signal(str)

    def __init__(self):
        super().__init__()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line)
        self.line.emit("")


class Runner(QObject):
    """Executes the requests one after another; answers on stdout."""

    def __init__(self, seat: Seat, app: QApplication):
        super().__init__()
        self.seat, self.app = seat, app
        self.queue: deque[str] = deque()
        self.busy = False
        self.lines = _Lines()
        self.lines.line.connect(self.take)

    @Slot(str)
    def take(self, line: str) -> None:
        self.queue.append(line)
        if self.busy:
            return  # the running request's nested wait must not start another
        self.busy = True
        while self.queue:
            self._run(self.queue.popleft())
        self.busy = False

    def _run(self, line: str) -> None:
        if not line.strip():
            self.app.quit()
            return
        request = json.loads(line)
        if request["call"] == "quit":
            answer = {"id": request["id"], "ok": True, "result": {}}
            self.app.quit()
        else:
            try:
                result = self.seat.call(request["call"], request["name"], request.get("args", {}))
                answer = {"id": request["id"], "ok": True, "result": result}
            except Exception:  # noqa: BLE001 - the driver reports it as the step's failure
                answer = {"id": request["id"], "ok": False, "error": traceback.format_exc()}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from dms import auth
    from dms.ui import i18n

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="demo123")
    parser.add_argument("--folder", required=True, help="where the printer's PDF files go")
    parser.add_argument("--scrypt-n", type=int, default=auth.N, help="the test suite's cheap cost")
    options = parser.parse_args(argv)
    auth.N = options.scrypt_n
    app = QApplication.instance() or QApplication([])
    i18n.remove_translators()  # the day's assertions read the English screens
    install_printers(types.SimpleNamespace(setattr=setattr), Path(options.folder))
    qt_api.set_qt_api(None)  # what pytest-qt's plugin does: the PySide6 already loaded
    from dms.app import READERS

    # (waits need no pytest request)
    seat = Seat(options.url, options.user, QtBot(None), options.password, READERS)
    gc.collect()
    gc.freeze()  # as the application does once signed in (dms.app.AppSession._ready)
    runner = Runner(seat, app)
    print(json.dumps({"ready": options.user, "pid": os.getpid()}), flush=True)
    code = app.exec()
    seat.close()
    del runner
    return code


if __name__ == "__main__":
    sys.exit(main())
