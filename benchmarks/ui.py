"""Measure the screens on a database (issue #14, DESIGN §9 "How the screens are measured").

    QT_QPA_PLATFORM=offscreen python benchmarks/ui.py --url URL --json FILE
        [--starts N] [--sign-ins N] [--repeat N] [--user advisor1] [--password demo123]

cold_start_ms: N spawns of the real start path (`python -m dms --url URL`: upgrade check,
    settings, font, translators, sign-in dialog), each timed from just before the spawn to the
    moment the sign-in dialog has been painted. The application writes that moment itself when
    DMS_STARTUP_PROBE names a file (`dms.app`), then quits. One untimed spawn first warms the
    file cache and writes the bytecode, as any start after the first finds them. The children
    get a settings file of their own (zh_CN, so the translators load) and
    PYTHONDONTWRITEBYTECODE removed. cold_start_cpu_ms is the same children's CPU time (user +
    system, spawn to exit): on a shared machine it says what the wall time cannot.
sign_in_ms: in this process, through `dms.app.AppSession`: the password typed into the dialog
    (then a wait for what the dialog prepares meanwhile, `dms.app.prepare_sign_in`: a person
    types for longer), then Enter → the main window painted (authentication, main window,
    change feed); "first" is the process's first sign-in, as after a start. password_hash_ms: the
    stored hash's check alone, its deliberate cost within sign_in_ms.
screens: the signed-in window of the last sign-in is driven as an advisor would (keys into the
    widgets); each entry of SCREENS (`ui_screens.py`) is opened --repeat times, timed from the
    user's action to the screen showing its answer, painted. gui_lag_ms: during those opens a
    4 ms timer notes how late the event loop ran it (p50, p99, max), i.e. how long the GUI
    thread was blocked; gui_lag_sites: where (benchmarks/lag.py), the call sites seen inside
    the ticks later than 16 ms. gui_busy_ms: the CPU time the GUI thread itself used between two
    ticks (p50, p99, max): on a machine others load, a late tick with little CPU behind it was
    the scheduler's (or a worker holding the interpreter lock), not the screen's own work. Each
    screen has its own lag_p99_ms, lag_max_ms and busy_max_ms, over the ticks between its acts
    and their answers on screen (the untimed preparations left out).
scan_burst (a user who issues parts, e.g. warehouse1, on a database given a picking workload
    by `picking_workload.py`): an order opened by its job card, then BURST part scans sent by a
    timer every SCAN_EVERY_MS (each scan's keys and Enter at once: a wedge types a barcode in
    a few ms), not waiting for the answers: scan_to_feedback_ms is each Enter → its green
    flash (the serial lane answers them in order; faster scans than it answers queue up),
    ms_per_scan the first Enter → the last flash over the scans, gui_lag_ms the lag meter's
    figures during the burst alone. The units are put back (undone) afterwards, untimed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from dms.app import STARTUP_PROBE, AppSession  # noqa: E402
from dms.auth import verify_password  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.models import User  # noqa: E402
from dms.parts.counter import undo_scan  # noqa: E402
from dms.ui import fonts, i18n  # noqa: E402
from dms.ui.tasks import TaskRunner  # noqa: E402
from lag import CallSites, LagMeter  # noqa: E402
from ui_screens import SCREENS, counter_terms, terms, wait_until  # noqa: E402,F401
from ui_screens_desk import DESK_SCREENS, desk_terms  # noqa: E402

SCREENS.update(DESK_SCREENS)

LANGUAGE = "zh_CN"
SCAN_EVERY_MS = 20  # faster than any hand moves a part to the scanner


def summary(samples: list[float], *quantiles: int, with_max: bool = False) -> dict:
    """{"pNN": …} for each quantile (nearest rank), plus "n" (and "max" if asked)."""
    ordered = sorted(samples)
    rank = lambda q: min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))  # noqa: E731
    figures = {**{f"p{q}": round(ordered[rank(q)], 2) for q in quantiles}, "n": len(ordered)}
    if with_max:
        figures["max"] = round(ordered[-1], 2)
    return figures


# -- cold start: separate processes ---------------------------------------------------------
def cold_starts(url: str, n: int) -> tuple[list[float], list[float]]:
    """(spawn → sign-in dialog painted, CPU time of the child) in ms, for n timed starts."""
    with tempfile.TemporaryDirectory(prefix="dms-ui-bench-") as tmp:
        config = Path(tmp) / "config" / "dms"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(json.dumps({"language": LANGUAGE}), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(XDG_CONFIG_HOME=str(Path(tmp) / "config"), QT_QPA_PLATFORM="offscreen")
        probe = Path(tmp) / "painted"
        env[STARTUP_PROBE] = str(probe)
        cmd = [sys.executable, "-m", "dms", "--url", url, "--no-demo"]
        walls, cpus = [], []
        for i in range(n + 1):
            probe.unlink(missing_ok=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            spawned = time.time()
            done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True,
                                  timeout=120)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0 or not probe.exists():
                raise SystemExit(f"ui.py: the start failed ({done.returncode}): {done.stderr}")
            if i == 0:
                continue  # warm-up
            walls.append((float(probe.read_text(encoding="utf-8")) - spawned) * 1000)
            cpus.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                        * 1000)
    return walls, cpus


# -- in this process: waiting, painting, lag ------------------------------------------------
class Painted(QObject):
    """perf_counter() just after the first paint, from now on, of a widget `target` accepts
    (asked at each paint, so the widget need not exist yet). Qt paints a window's dirty
    widgets in one pass, so that is when the window shows what changed before it."""

    def __init__(self, target: Callable[[QObject], bool]):
        super().__init__()
        self._target = target
        self.at: float | None = None
        self.nudged = False  # a repaint was asked for once the answer was there
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None and self._target(watched):
            QTimer.singleShot(0, self._note)
        return False

    def _note(self) -> None:
        if self.at is None:
            self.at = time.perf_counter()
        self.close()

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)


# -- sign-in ----------------------------------------------------------------------------------
class NoSettings:
    """The benchmark neither reads nor changes the settings of whoever runs it."""

    def load(self) -> dict:
        return {}

    def save(self, settings: dict) -> None:
        pass


def sign_in(db: Database, user: str, password: str) -> tuple[AppSession, float]:
    """A signed-in session through the sign-in dialog; ms from Enter to main window painted."""
    session = AppSession(db, TaskRunner(), NoSettings(), username=user)
    dialog = Painted(lambda w: w is session.login)
    session.start()
    wait_until(lambda: dialog.at is not None, "the sign-in dialog")
    QTest.keyClicks(session.login.password, password)
    # Whoever types a password takes longer than the start's preparation of the sign-in.
    wait_until(lambda: not session.runner.busy, "the sign-in prepared")
    window = Painted(lambda w: session.window is not None and w is session.window)
    started = time.perf_counter()
    QTest.keyClick(session.login.password, Qt.Key.Key_Return)
    wait_until(lambda: window.at is not None or session.login.error.isVisible(), "sign-in")
    window.close()
    if session.window is None:
        raise SystemExit(f"ui.py: sign-in failed: {session.login.error.text()}")
    return session, (window.at - started) * 1000


def end(session: AppSession) -> None:
    session.close()
    session.window.close()  # waits for its background tasks
    session.window.deleteLater()
    session.login.deleteLater()


def password_hash_ms(db: Database, user: str, password: str, n: int) -> list[float]:
    with db.reading() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == user))
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        verify_password(password, stored)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _painted_once_shown(window, painted: Painted, screen, term: str) -> bool:
    """Whether the window was painted with the answer. An answer that changes nothing on screen
    (an empty queue read again) paints nothing by itself: once it is there, one repaint is
    asked for, so the time is that of the answer on screen, never less."""
    if painted.at is None and not painted.nudged and screen.shown(window, term):
        painted.nudged = True
        window.update()
    return painted.at is not None


def open_screens(window, samples: dict[str, list[str]], repeat: int,
                 lag: LagMeter, only: set[str] | None = None) -> dict[str, dict]:
    def in_window(widget: QObject) -> bool:
        return isinstance(widget, QWidget) and widget.window() is window

    results = {}
    lag.start()
    for name, screen in SCREENS.items():
        if (only and name not in only) or (screen.workspace not in {s.id for s in window.specs}
                or not screen.opens_for(window.user)
                or not any(samples.get(kind) for kind in screen.terms)):
            continue  # the signed-in user may not open it, or there is nothing to open
        texts = itertools.cycle(list(dict.fromkeys(
            t for kind in screen.terms for t in samples[kind])))  # no text twice in a row
        times, during, busy = [], [], []  # open times; lag ticks and GUI CPU between act and answer
        for i in range(repeat + 1):
            term = next(texts)
            screen.prepare(window, term)
            # The first paint in the window once it has the answer, whenever that came.
            painted = Painted(lambda w: in_window(w) and screen.shown(window, term))
            started, mark = time.perf_counter(), len(lag.samples)
            screen.act(window, term)
            wait_until(lambda: _painted_once_shown(window, painted, screen, term),
                       f"{name} for {term!r}")
            if i:  # the first open warms caches
                times.append((painted.at - started) * 1000)
                during += lag.samples[mark:]
                busy += lag.busy[mark:]
        stats = summary(times, 50, 95)
        results[name] = {"open_p50_ms": stats["p50"], "open_p95_ms": stats["p95"],
                         "n": stats["n"], "lag_p99_ms": summary(during or [0.0], 99)["p99"],
                         "lag_max_ms": round(max(during, default=0), 2),
                         "busy_max_ms": round(max(busy, default=0), 2)}
    lag.stop()
    return results


def scan_burst(window, term: str) -> dict:
    counter = window.workspace("counter")
    number, codes = term.split("|")
    codes = codes.split(",")
    window.show_workspace("counter")
    counter.show_picking()
    QTest.keyClicks(counter.scan_field, number)
    QTest.keyClick(counter.scan_field, Qt.Key.Key_Return)
    wait_until(lambda: counter.picking.head is not None and counter.picking.head.number == number
               and counter.picking.lines.rowCount() > 0, "the burst's order")
    counter.picking.taker.setText("bench")
    base, enters, answers = len(counter.undo_stack), [], []
    confirm = counter.confirm

    def answered(text: str) -> None:  # each green flash, as it is shown
        confirm(text)
        answers.append(time.perf_counter())

    counter.confirm = answered

    def send() -> None:
        QTest.keyClicks(counter.scan_field, codes[len(enters)])
        enters.append(time.perf_counter())
        QTest.keyClick(counter.scan_field, Qt.Key.Key_Return)
        if len(enters) < len(codes):
            QTimer.singleShot(SCAN_EVERY_MS, send)

    lag = LagMeter()
    lag.start()
    send()
    wait_until(lambda: len(answers) == len(codes) or counter.feedback.level == "refused",
               "the burst's answers")
    lag.stop()
    del counter.confirm
    if len(answers) < len(codes):
        raise SystemExit(f"ui.py: a burst scan was refused: {counter.feedback.text()}")
    waits = [(a - e) * 1000 for e, a in zip(enters, answers)]
    for _order, movements in reversed(counter.undo_stack[base:]):  # back on the shelf for
        undo_scan(counter.ctx.db, counter.ctx.user, movements)     # the next run
    del counter.undo_stack[base:]
    return {"scans": len(codes), "every_ms": SCAN_EVERY_MS,
            "ms_per_scan": round((answers[-1] - enters[0]) * 1000 / len(codes), 2),
            "scan_to_feedback_ms": summary(waits, 50, 95, with_max=True),
            "gui_lag_ms": summary(lag.samples, 50, 99, with_max=True)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="database with a store and the demo users")
    ap.add_argument("--json", required=True, type=Path)
    ap.add_argument("--starts", type=int, default=20, help="timed cold starts (20)")
    ap.add_argument("--sign-ins", type=int, default=10, help="timed sign-ins (10)")
    ap.add_argument("--repeat", type=int, default=30, help="timed opens of each screen (30)")
    ap.add_argument("--user", default="advisor1")
    ap.add_argument("--password", default="demo123")
    ap.add_argument("--screens", default="", help="only these screens, comma-separated "
                    "(e.g. kpi_dashboard,month_export; default: every one)")
    args = ap.parse_args(argv)
    log = lambda m: print(m, flush=True)  # noqa: E731
    load_before = os.getloadavg()

    walls, cpus = cold_starts(args.url, args.starts)
    cold, cold_cpu = summary(walls, 50, 95), summary(cpus, 50, 95)
    log(f"cold start: p50 {cold['p50']} ms, p95 {cold['p95']} ms (CPU p50 {cold_cpu['p50']} ms)")

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("dms")
    app.setApplicationName("dms")
    app.setQuitOnLastWindowClosed(False)  # one session's window closes before the next signs in
    fonts.register_cjk_font({})
    i18n.install_translators(LANGUAGE)
    db = Database(args.url)
    signs = []
    session = None
    for _ in range(args.sign_ins + 1):
        if session is not None:
            end(session)
        session, ms = sign_in(db, args.user, args.password)
        signs.append(ms)
    first = round(signs.pop(0), 2)
    signs = {**summary(signs, 50, 95), "first": first}
    hashes = summary(password_hash_ms(db, args.user, args.password, max(3, args.sign_ins)), 50, 95)
    log(f"sign-in: first {first} ms, then p50 {signs['p50']} ms, p95 {signs['p95']} ms; "
        f"the hash alone p50 {hashes['p50']} ms")

    window = session.window
    window.resize(1366, 768)
    lag, sites = LagMeter(), CallSites()
    store = session.window.user.store_id
    samples = (terms(db, store) | counter_terms(db, session.window.user)
               | desk_terms(db, store, max(50, args.repeat + 1)))
    only = {n for n in args.screens.split(",") if n}
    sites.start()
    screens = open_screens(window, samples, args.repeat, lag, only)
    sites.stop()
    for name, figures in screens.items():
        log(f"{name}: open p95 {figures['open_p95_ms']} ms (GUI lag p99 {figures['lag_p99_ms']},"
            f" max {figures['lag_max_ms']} ms; the GUI thread's CPU between ticks at most "
            f"{figures['busy_max_ms']} ms)")
    burst = scan_burst(window, samples["burst"][0]) if samples.get("burst") else None
    if burst:
        log(f"scan burst ({burst['scans']} scans, one every {burst['every_ms']} ms, answered "
            f"one every {burst['ms_per_scan']} ms): "
            f"scan→feedback p50 {burst['scan_to_feedback_ms']['p50']} ms, p95 "
            f"{burst['scan_to_feedback_ms']['p95']} ms; GUI lag p99 "
            f"{burst['gui_lag_ms']['p99']} ms, max {burst['gui_lag_ms']['max']} ms")
    end(session)
    db.dispose()

    lag_stats = summary(lag.samples, 50, 99, with_max=True)
    busy = summary(lag.busy, 50, 99, with_max=True)
    log(f"GUI lag: p50 {lag_stats['p50']} ms, p99 {lag_stats['p99']} ms, max {lag_stats['max']} ms"
        f" (the GUI thread's CPU between ticks: p99 {busy['p99']} ms, max {busy['max']} ms)")
    slow = sites.slowest(lag)
    for site in slow:
        log(f"  in a tick > 16 ms late: {site['site']} ({site['samples']} samples, "
            f"worst {site['worst_lag_ms']} ms)")
    doc = {
        "backend": db.backend,
        "cold_start_ms": cold,
        "cold_start_cpu_ms": cold_cpu,
        "sign_in_ms": signs,
        "password_hash_ms": hashes,
        "gui_lag_ms": lag_stats,
        "gui_lag_sites": slow,
        "gui_busy_ms": busy,
        "screens": screens,
        "scan_burst": burst,
        "load_average": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
