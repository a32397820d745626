"""What the stress seats' PostgreSQL server processes do during a run (benchmarks/stress.py):
pg_stat_activity sampled on a thread of its own, and the backends' CPU from /proc."""

from __future__ import annotations

import os
import threading
from collections import Counter


class Sampler:
    """PostgreSQL only: what the seats' server processes are doing, sampled every `every` s
    from pg_stat_activity (a backend waiting for a lock, and on which statement)."""

    def __init__(self, url: str, every: float = 0.1):
        self.url, self.every = url, every
        self.states: Counter = Counter()
        self.waits: Counter = Counter()
        self.samples = 0
        self.cpu: dict[int, list[float]] = {}  # backend pid → [first, last] CPU seconds seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.url).set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
            while not self._stop.wait(self.every):
                rows = conn.execute(
                    "SELECT pid, state, wait_event_type, wait_event, left(query, 60) FROM "
                    "pg_stat_activity WHERE datname = current_database() AND "
                    "pid <> pg_backend_pid() AND backend_type = 'client backend'").fetchall()
                self.samples += 1
                for pid, state, kind, event, query in rows:
                    self._note_cpu(pid)
                    self.states[state or "?"] += 1
                    if kind in ("Lock", "LWLock", "IO") and state != "idle":
                        self.waits[f"{kind}:{event} | {' '.join((query or '').split())}"] += 1

    def _note_cpu(self, pid: int) -> None:
        """The backend's CPU time so far, when the server runs on this machine (/proc)."""
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            return
        used = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        self.cpu.setdefault(pid, [used, used])[1] = used

    def server_cpu_s(self) -> float:
        return sum(last - first for first, last in self.cpu.values())

    def report(self) -> dict:
        per = max(1, self.samples)
        return {"samples": self.samples, "server_cpu_s": round(self.server_cpu_s(), 1),
                "backends_by_state": {k: round(v / per, 2) for k, v in self.states.most_common()},
                "waiting_by_statement": {k: round(v / per, 3)
                                         for k, v in self.waits.most_common(8)}}

