"""How long the GUI thread is blocked, and where (DESIGN §9: lag p99 ≤ 16 ms, max ≤ 50 ms).

LagMeter: a precise 4 ms timer on the GUI thread; each tick notes how much later than due it
ran. CallSites: a daemon thread that samples the GUI thread's Python stack every 5 ms
(`sys._current_frames`), keeping the innermost frame of the project's own code; `slowest` then
names the call sites seen inside the late ticks, the ones to look at when the lag misses its
target. The sampler needs the GIL, so a Python call that holds it is seen at least every switch
interval (1 ms in the application, `dms.ui.tasks`); time inside Qt's C++ (layout, paint) is
charged to the Python frame that called into it (a slot, `processEvents`). (faulthandler's
watchdog, which needs no GIL, was tried first: dumping the stacks of running threads crashed
the process.)

`late` tells why each tick later than 50 ms was late: the GUI thread's own CPU time in it (the
GUI thread at work: its call sites are the cause), the process's (another thread held the
interpreter lock or the processor: the workers, and the garbage collections, noted through
`gc.callbacks`) or neither (the process was not running: the machine's load).
"""

from __future__ import annotations

import bisect
import gc
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 4
# The sampler takes the interpreter lock from the GUI thread at each sample. Every millisecond,
# it cost a seat 0.5 s of CPU over the day and added to the very lag it was watching (the
# day's max 104-112 ms against 67-75 at 5 ms, alternating runs, 7 Dec 2026).
SAMPLE_S = 0.005
ROOT = Path(__file__).resolve().parents[1]
OWN_CODE = (str(ROOT / "dms"), str(ROOT / "benchmarks"), str(ROOT / "tests"))


class LagMeter(QObject):
    """A precise 4 ms timer; each tick notes how much later than due it ran, the GUI thread's
    CPU time since the last tick (`busy`) and the whole process's (`process_busy`)."""

    def __init__(self):
        super().__init__()
        self.samples: list[float] = []
        self.ticks: list[tuple[float, float]] = []  # (perf_counter at the tick, lag ms)
        self.busy: list[float] = []
        self.process_busy: list[float] = []
        self._cpu = self._process_cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._cpu, self._process_cpu = time.thread_time(), time.process_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        late = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.samples.append(late)
        self.ticks.append((now, late))
        self.busy.append((cpu - self._cpu) * 1000)
        self.process_busy.append((process_cpu - self._process_cpu) * 1000)
        self._last, self._cpu, self._process_cpu = now, cpu, process_cpu


class CallSites(threading.Thread):
    """Samples the innermost own-code frame of the GUI thread every 5 ms while running;
    notes each garbage collection's span. Only the GUI thread's: walking the stacks of the
    workers too crashed the seat's process now and then (a segmentation fault in this thread
    while a worker was inside psycopg), and the CPU figures of `late` already tell a tick
    spent in the workers."""

    def __init__(self):
        super().__init__(daemon=True, name="lag-call-sites")
        self._gui = threading.get_ident()  # made on the GUI thread
        self._done = threading.Event()
        self.samples: list[tuple[float, str | None]] = []  # (when, the GUI thread's site)
        # (start, stop, generation, CPU s of the thread collecting)
        self.collections: list[tuple[float, float, int, float]] = []
        self._collecting = (0.0, 0.0)

    def run(self) -> None:
        gc.callbacks.append(self._collection)
        try:
            while not self._done.is_set():
                self.samples.append((time.perf_counter(), self._site()))
                time.sleep(SAMPLE_S)
        finally:
            gc.callbacks.remove(self._collection)

    def _collection(self, phase: str, info: dict) -> None:
        """gc.callbacks: a collection holds the interpreter lock, whichever thread runs it."""
        if phase == "start":
            self._collecting = (time.perf_counter(), time.thread_time())
        else:
            start, cpu = self._collecting
            self.collections.append((start, time.perf_counter(), info["generation"],
                                     time.thread_time() - cpu))

    def _site(self) -> str | None:
        """The GUI thread's site. Only the text leaves this call: a frame still referenced
        from this thread once its thread has returned from it would free its locals (Qt
        objects) here."""
        return _own_site(sys._current_frames().get(self._gui))

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
            for _when, site in self._inside(at, late):
                if site:
                    seen[site] += 1
                    worst[site] = max(worst.get(site, 0.0), late)
        return [{"site": site, "samples": n, "worst_lag_ms": round(worst[site], 1)}
                for site, n in seen.most_common(top)]

    def late(self, lag: LagMeter, over_ms: float = 50.0, top: int = 3) -> list[dict]:
        """Each tick later than `over_ms`: its lateness, the GUI thread's and the process's CPU
        time in it, the garbage collections in it that took a millisecond or more (generation,
        the collecting thread's CPU time), and the GUI thread's call sites sampled in it,
        most often seen first."""
        ticks = []
        for index, (at, late) in enumerate(lag.ticks):
            if late <= over_ms:
                continue
            since = at - (late + TICK_MS) / 1000
            inside = self._inside(at, late)
            gui = Counter(site for _when, site in inside if site)
            collections = [(generation, cpu) for start, stop, generation, cpu
                           in self.collections if start < at and stop > since]
            ticks.append({"lag_ms": round(late, 1),
                          "gui_cpu_ms": round(lag.busy[index], 1),
                          "process_cpu_ms": round(lag.process_busy[index], 1),
                          "gc": [f"gen{generation} {cpu * 1000:.1f} ms CPU"
                                 for generation, cpu in collections if cpu >= 0.001],
                          "gui_sites": [f"{site} ×{n}" for site, n in gui.most_common(top)]})
        return ticks

    def _inside(self, at: float, late: float) -> list[tuple[float, str | None]]:
        since = at - (late + TICK_MS) / 1000
        first = bisect.bisect_left(self.samples, since, key=lambda sample: sample[0])
        last = bisect.bisect_right(self.samples, at, key=lambda sample: sample[0])
        return self.samples[first:last]


def _own_site(frame) -> str | None:
    """`file:line function` of the innermost frame of the project's own code on the stack."""
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(OWN_CODE):
            return f"{Path(path).relative_to(ROOT)}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return None
