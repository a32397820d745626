"""The day's seats, driven through one call: `LocalSeat` in this process (SQLite: separate
windows, each with its own engine and change feed, as separate application instances would
be), `ProcessSeat` as a process of its own (`seat.py`, as a separate PC would be). `run_day`
plays `script.DAY` on them: before each step the watching seat prepares its screen; after it,
the moment that screen showed the change is compared with the moment the acting seat's
command committed (both wall-clock times on this machine)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from day.script import DAY
from day.seat import Seat

SEAT_PY = Path(__file__).with_name("seat.py")
ANSWER_S = 60


class LocalSeat:
    def __init__(self, url: str, username: str, qtbot):
        self.seat = Seat(url, username, qtbot)

    def call(self, call: str, name: str, **args) -> dict:
        return self.seat.call(call, name, args)

    def stop(self) -> None:
        pass

    def close(self) -> None:
        self.seat.close()


class ProcessSeat:
    """`python tests/day/seat.py` signed in as `username`, spoken to in JSON lines."""

    def __init__(self, url: str, username: str, folder: Path, scrypt_n: int,
                 password: str = "demo123"):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.username = username
        self.log = open(folder / f"{username}.log", "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(SEAT_PY), "--url", url, "--user", username,
             "--folder", str(folder), "--scrypt-n", str(scrypt_n), "--password", password],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True,
            encoding="utf-8", env=env)
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.answers.put(json.loads(line))
        self.answers.put(None)

    def ready(self) -> dict:
        return self._answer()

    def _answer(self) -> dict:
        try:
            answer = self.answers.get(timeout=ANSWER_S)
        except queue.Empty:
            answer = None
        if answer is None:
            raise AssertionError(f"seat {self.username} did not answer: {self._stderr()}")
        return answer

    def _stderr(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8")[-3000:]

    def call(self, call: str, name: str, **args) -> dict:
        self.next_id += 1
        self.proc.stdin.write(json.dumps({"id": self.next_id, "call": call, "name": name,
                                          "args": args}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        answer = self._answer()
        assert answer["id"] == self.next_id, answer
        if not answer["ok"]:
            raise AssertionError(f"{self.username} {call} {name}: {answer['error']}")
        return answer["result"]

    def stop(self) -> None:
        """Ask the seat to quit (`close` waits for it: stop every seat first, then close)."""
        if self.proc.stdin.closed:
            return
        try:
            self.proc.stdin.write(json.dumps({"id": 0, "call": "quit"}) + "\n")
            self.proc.stdin.close()
        except OSError:  # the seat has gone already
            pass

    def close(self) -> None:
        self.stop()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def _resolve(args: dict, facts: dict) -> dict:
    return {k: facts[v[1:]] if isinstance(v, str) and v.startswith("$") else v
            for k, v in args.items()}


def run_day(seats: dict, facts: dict, seen_ms: int = 10_000) -> list[dict]:
    """Every step of the day on its seat; one record per step: the actions, what the robot
    logged, and, when a seat watches, how long after the commit its screen showed it."""
    records = []
    for n, step in enumerate(DAY, 1):
        watch_args = _resolve(step.watch_args, facts)
        if step.watcher:
            before = seats[step.watcher].call("watch", step.watch, **watch_args)
            assert not before["already"], (
                f"step {n} {step.step}: {step.watcher}'s screen showed {step.watch} "
                f"{watch_args} before it happened")
        done = seats[step.seat].call("step", step.step, **{a: facts[a] for a in step.args})
        facts.update({k: v for k, v in done.items() if k in ("number", "order_id")})
        record = {"n": n, "seat": step.seat, "step": step.step, "task": step.task,
                  "target": step.target, "actions": done["actions"], "log": done["log"]}
        if step.watcher:
            seen = seats[step.watcher].call("seen", step.watch, timeout=seen_ms)
            assert done["committed_at"] is not None, f"step {n} {step.step} committed nothing"
            record.update(watcher=step.watcher, watch=step.watch,
                          latency_ms=round((seen["seen_at"] - done["committed_at"]) * 1000))
        records.append(record)
    return records
