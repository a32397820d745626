"""How long the GUI thread is blocked, and where (DESIGN §9: lag p99 ≤ 16 ms, max ≤ 50 ms).

LagMeter: a precise 4 ms timer on the GUI thread; each tick notes how much later than due it
ran. CallSites: a daemon thread that samples the GUI thread's Python stack every millisecond
(`sys._current_frames`), keeping the innermost frame of the project's own code; `slowest` then
names the call sites seen inside the late ticks, the ones to look at when the lag misses its
target. The sampler needs the GIL, so a Python call that holds it is seen at least every switch
interval (5 ms); time inside Qt's C++ (layout, paint) is charged to the Python frame that
called into it (a slot, `processEvents`). (faulthandler's watchdog, which needs no GIL, was
tried first: dumping the stacks of running threads crashed the process.)
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 4
ROOT = Path(__file__).resolve().parents[1]
OWN_CODE = (str(ROOT / "dms"), str(ROOT / "benchmarks"), str(ROOT / "tests"))


class LagMeter(QObject):
    """A precise 4 ms timer; each tick notes how much later than due it ran, and the GUI
    thread's CPU time since the last tick (`busy`)."""

    def __init__(self):
        super().__init__()
        self.samples: list[float] = []
        self.ticks: list[tuple[float, float]] = []  # (perf_counter at the tick, lag ms)
        self.busy: list[float] = []
        self._cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.samples.append(late)
        self.ticks.append((now, late))
        self.busy.append((cpu - self._cpu) * 1000)
        self._last, self._cpu = now, cpu


class CallSites(threading.Thread):
    """Samples the GUI thread's innermost own-code frame every millisecond while running."""

    def __init__(self):
        super().__init__(daemon=True, name="lag-call-sites")
        self._gui = threading.get_ident()  # made on the GUI thread
        self._done = threading.Event()
        self.samples: list[tuple[float, str]] = []

    def run(self) -> None:
        while not self._done.is_set():
            site = self._gui_site()
            if site:
                self.samples.append((time.perf_counter(), site))
            time.sleep(0.001)

    def _gui_site(self) -> str | None:
        """Only the text leaves this call: a frame still referenced from this thread once the
        GUI thread has returned from it would free its locals (Qt objects) here. The walk is a
        few microseconds, far inside the GIL's 5 ms switch interval."""
        frame = sys._current_frames().get(self._gui)
        while frame is not None:
            path = frame.f_code.co_filename
            if path.startswith(OWN_CODE):
                return f"{Path(path).relative_to(ROOT)}:{frame.f_lineno} {frame.f_code.co_name}"
            frame = frame.f_back
        return None

    def stop(self) -> None:
        self._done.set()
        self.join()

    def slowest(self, lag: LagMeter, over_ms: float = 16.0, top: int = 10) -> list[dict]:
        """The call sites sampled inside the ticks later than `over_ms`, most often seen first:
        {"site", "samples", "worst_lag_ms"}."""
        seen: Counter[str] = Counter()
        worst: dict[str, float] = {}
        for at, late in lag.ticks:
            if late <= over_ms:
                continue
            since = at - (late + TICK_MS) / 1000
            for when, site in self.samples:
                if since <= when <= at:
                    seen[site] += 1
                    worst[site] = max(worst.get(site, 0.0), late)
        return [{"site": site, "samples": n, "worst_lag_ms": round(worst[site], 1)}
                for site, n in seen.most_common(top)]
