"""Other seats writing while something is measured (issue 20: the day script's GUI lag "with 4
other seats writing").

Each writer is a process of its own, as another PC would be, playing the stress harness's whole
flow (`stress.Seat`: check-in, estimate, approval, scan, dispatch, clocks, QC, settlement,
delivery) at a person's pace: after each service call it waits `pause_s` on average (uniform
½–1½×), the time a person at a desk takes between two commands. The writers use only the
technicians they are given, so that they never clock on the technician the measured seats use.

    with Writers(url, seats=4, pause_s=1.0, techs=("tech5", "tech6", "tech7", "tech8")) as w:
        ...                      # measure
    w.report                     # {"seats", "commands", "commands_per_minute", "flows", ...}
"""

from __future__ import annotations

import multiprocessing as mp
import time
import traceback

import stress
from sqlalchemy import select


class PacedSeat(stress.Seat):
    def __init__(self, url: str, seat_no: int, seed: int, pause_s: float):
        from dms.models import Bay

        super().__init__(url, seat_no, seed)
        self.pause_s = pause_s
        self.commands = 0
        with self.db.reading() as s:  # its own bay, when the measuring script made one
            self.own_bay = s.scalar(select(Bay.id).where(Bay.code == f"DAYW{seat_no}"))

    def free_bay(self, find) -> int:
        """The writer's own bay (`ui_day.free_bays` makes one per writer), else the first free
        one: a measured seat's car, back from QC, must never find its bay taken by a writer's
        car (clock-on refuses a bay with another car in repair). Its own bay busy with its
        earlier car, the writer's car waits, as a car in a shop does."""
        if self.own_bay is None:
            return super().free_bay(find)
        return super().free_bay(lambda: None if self._own_bay_busy() else self.own_bay)

    def _own_bay_busy(self) -> bool:
        """Another car in repair on the writer's bay, by the service's own rule."""
        from dms.models import Bay, WorkOrder
        from dms.workshop.dispatch import _in_repair_on

        with self.db.reading() as s:
            return _in_repair_on(s, s.get(Bay, self.own_bay), s.get(WorkOrder, self.wo)) is not None

    def step(self, fn, *args, **kwargs):
        result = super().step(fn, *args, **kwargs)
        self.commands += 1
        time.sleep(self.rng.uniform(0.5, 1.5) * self.pause_s)  # the person between two commands
        return result

    def until(self, stop) -> dict:
        while not stop.is_set():
            self.wo, self.tech = None, None
            try:
                self.flow()
                self.completed += 1
            except stress.Abandon:
                self.abandon()
            except Exception as exc:  # a bug, not a domain error: count it and go on
                self._count(f"unexpected:{type(exc).__name__}")
                traceback.print_exc()
                self.abandon()
        self.db.dispose()
        return {"commands": self.commands, "flows": self.completed,
                "abandoned": self.abandoned, "errors": dict(self.errors)}


def _writer(url: str, seat_no: int, pause_s: float, techs: tuple[str, ...], ready, stop,
            results) -> None:
    stress.TECHS = techs
    try:
        seat = PacedSeat(url, seat_no, 20 + seat_no, pause_s)
    except Exception:
        traceback.print_exc()
        ready.put(seat_no)
        results.put({"commands": 0, "flows": 0, "abandoned": 0, "errors": {"seat_crashed": 1}})
        return
    ready.put(seat_no)
    results.put(seat.until(stop))


class Writers:
    def __init__(self, url: str, seats: int = 4, pause_s: float = 1.0,
                 techs: tuple[str, ...] = ("tech5", "tech6", "tech7", "tech8")):
        self.url, self.seats, self.pause_s, self.techs = url, seats, pause_s, techs
        self.report: dict = {}

    def __enter__(self) -> Writers:
        ctx = mp.get_context("spawn")
        self._ready, self._results, self._stop = ctx.Queue(), ctx.Queue(), ctx.Event()
        self._procs = [ctx.Process(target=_writer, daemon=True,
                                   args=(self.url, n, self.pause_s, self.techs, self._ready,
                                         self._stop, self._results))
                       for n in range(self.seats)]
        for p in self._procs:
            p.start()
        for _ in self._procs:
            self._ready.get(timeout=300)
        self._started = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        results = [self._results.get(timeout=300) for _ in self._procs]  # each ends its flow
        elapsed = time.monotonic() - self._started
        for p in self._procs:
            p.join(timeout=30)
        commands = sum(r["commands"] for r in results)
        errors: dict[str, int] = {}
        for r in results:
            for kind, n in r["errors"].items():
                errors[kind] = errors.get(kind, 0) + n
        self.report = {"seats": self.seats, "pause_s": self.pause_s,
                       "seconds": round(elapsed, 1), "commands": commands,
                       "commands_per_minute": round(commands / (elapsed / 60), 1),
                       "flows": sum(r["flows"] for r in results),
                       "abandoned": sum(r["abandoned"] for r in results), "errors": errors}
