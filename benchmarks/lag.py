"""How long the GUI thread is blocked, and where (DESIGN §9: lag p99 ≤ 16 ms, max ≤ 50 ms).

LagMeter: a precise 4 ms timer on the GUI thread; each tick notes how much later than due it
ran. CallSites: where the GUI thread was each time it had been blocked for more than 16 ms,
by faulthandler's watchdog; `slowest` names the call sites of the project's own code, the ones
to look at when the lag misses its target. Time inside Qt's C++ (layout, paint) is charged to
the Python frame that called into it (a slot, `processEvents`).
"""

from __future__ import annotations

import faulthandler
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 4
ROOT = Path(__file__).resolve().parents[1]
OWN_CODE = (str(ROOT / "dms"), str(ROOT / "benchmarks"), str(ROOT / "tests"))


class LagMeter(QObject):
    """A precise 4 ms timer; each tick notes how much later than due it ran."""

    def __init__(self):
        super().__init__()
        self.samples: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.on_tick = lambda: None  # CallSites re-arms its watchdog here

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.samples.append(late)
        self._last = now
        self.on_tick()


class CallSites:
    """Where the GUI thread is when it has been blocked for longer than `over_ms`: every tick of
    `lag` re-arms faulthandler's watchdog (a C thread that needs neither the GIL nor a Python
    reference to any frame, so nothing of the GUI thread is kept alive or freed elsewhere); when
    the GUI thread misses the next ticks for that long, the watchdog writes every thread's stack
    to a file, which `slowest` reads."""

    def __init__(self, lag: LagMeter, over_ms: float = 16.0):
        self._gui = f"{threading.get_ident():#018x}"  # made on the GUI thread
        self._timeout = (TICK_MS + over_ms) / 1000
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")
        lag.on_tick = self._arm

    def _arm(self) -> None:
        faulthandler.dump_traceback_later(self._timeout, file=self._file)

    def stop(self) -> None:
        faulthandler.cancel_dump_traceback_later()

    def slowest(self, top: int = 10) -> list[dict]:
        """The GUI thread's innermost own-code frame at each watchdog dump, most often first:
        {"site", "times"}."""
        self._file.seek(0)
        seen: Counter[str] = Counter()
        for dump in self._file.read().split("Timeout (")[1:]:
            gui = dump.split(f"Thread {self._gui}", 1)[1:]
            site = _own_site(gui[0].split("\n\n")[0]) if gui else None
            seen[site or "(outside the project's code)"] += 1
        return [{"site": site, "times": n} for site, n in seen.most_common(top)]


def _own_site(stack: str) -> str | None:
    """'dms/ui/x.py:123 function' of the innermost frame in the project's code (faulthandler
    writes the most recent call first)."""
    for line in stack.splitlines():
        line = line.strip()  # File "/path/x.py", line 123 in function
        if not line.startswith('File "'):
            continue
        path, rest = line[6:].split('"', 1)
        if path.startswith(OWN_CODE):
            lineno, function = rest.removeprefix(", line ").split(" in ", 1)
            return f"{Path(path).relative_to(ROOT)}:{lineno} {function}"
    return None
