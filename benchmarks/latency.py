"""Notification latency between seats (#8): how long after one seat commits do the others learn
of it?

    python benchmarks/latency.py --url URL --seats N --changes M --json FILE [--interval S]

N subscriber processes each open a `dms.changes.ChangeFeed` and wait exactly as the screens do
(dms/ui/shell/feed.py): on PostgreSQL they block in select() on the feed's socket (the screen's
QSocketNotifier) and poll the feed when it becomes readable; on SQLite they poll the feed every
half second (the screen's QTimer). One writer process makes M customer edits through
`dms.crm.customers.update_customer`, about one every `--interval` seconds (jittered so the edits
do not keep step with the SQLite timer), and records the wall-clock time at which it sends each
COMMIT; every subscriber records the wall-clock time at which its feed returned the change.
Latency = receipt time - commit time over every (change, subscriber) pair; a pair not received
within `--grace` seconds after the last commit counts as missed (exit status 1). `commit_ms` is
how long the writer's COMMIT itself took (part of every latency).

An empty database gets the schema and the demo dealership first; a PostgreSQL database named in
the URL that does not exist yet is created.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import queue
import random
import select
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from database import ensure_database, prepare  # noqa: E402 (benchmarks/database.py)

POLL_S = 0.5  # the SQLite screens' timer, dms/ui/shell/feed.py POLL_S
END_CHECK_S = 0.2  # how often a PostgreSQL subscriber blocked in select() looks whether to stop
WRITER = "advisor1"


# --- the processes -----------------------------------------------------------------------------

def subscriber_main(url: str, seat: int, ready, target, deadline, results) -> None:
    """One seat's screen: wait for changes as dms/ui/shell/feed.py does, note when each arrived."""
    from dms.changes import ChangeFeed
    from dms.db import Database

    db = Database(url)
    feed = ChangeFeed(db)
    fileno = feed.fileno()
    received: dict[int, float] = {}
    ready.put(seat)
    next_tick = time.monotonic() + POLL_S
    while True:
        if fileno is not None:
            # The QSocketNotifier: poll only when NOTIFY made the socket readable.
            readable, _, _ = select.select([fileno], [], [], END_CHECK_S)
            changes = feed.poll() if readable else []
        else:
            # The QTimer: a poll every half second on a fixed schedule.
            time.sleep(max(0.0, next_tick - time.monotonic()))
            next_tick += POLL_S
            changes = feed.poll()
        now = time.time()
        for change in changes:
            received.setdefault(change.id, now)
        last = target.value
        if last and (max(received, default=0) >= last or time.time() > deadline.value):
            break
    feed.close()
    db.dispose()
    results.put(("subscriber", seat, received))


def writer_main(url: str, changes: int, interval: float, seed: int, results) -> None:
    """One seat editing customers: M commits, each as (first change_log id, time COMMIT was
    sent, seconds the COMMIT took)."""
    from sqlalchemy import event, func, select
    from sqlalchemy.orm import Session

    from database import staff
    from dms.crm.customers import update_customer
    from dms.db import Database
    from dms.models import ChangeLog, Customer

    db = Database(url)
    actor = staff(db, WRITER)
    with db.reading() as s:
        customers = s.scalars(select(Customer.id).where(Customer.store_id == actor.store_id)
                              .order_by(Customer.id).limit(max(changes, 1))).all()
        last_id = s.scalar(select(func.max(ChangeLog.id))) or 0
    sent: list[float] = []
    returned: list[float] = []

    @event.listens_for(db.engine, "commit")
    def on_commit(conn) -> None:
        # The moment COMMIT is sent: the server's commit itself counts towards the latency, and
        # a writer descheduled after its commit returned cannot make a receipt look early.
        if not conn.get_execution_options().get("dms_read_only"):
            sent.append(time.time())

    @event.listens_for(Session, "after_commit")
    def on_committed(session: Session) -> None:
        if session.get_bind() is db.engine:
            returned.append(time.time())

    rng = random.Random(seed)
    run = uuid.uuid4().hex[:8]
    done = []
    for n in range(changes):
        time.sleep(interval * rng.uniform(0.5, 1.5))
        update_customer(db, actor, customers[n % len(customers)], notes=f"latency {run} #{n}")
        with db.reading() as s:
            ids = s.scalars(select(ChangeLog.id).where(ChangeLog.id > last_id)
                            .order_by(ChangeLog.id)).all()
        if not ids:
            raise RuntimeError(f"change #{n} committed but published nothing to change_log")
        last_id = ids[-1]
        done.append((ids[0], sent[-1], returned[-1] - sent[-1]))
    event.remove(Session, "after_commit", on_committed)
    db.dispose()
    results.put(("writer", 0, done))


# --- the run -----------------------------------------------------------------------------------

def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def _figures(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return dict.fromkeys(("p50", "p95", "max", "min", "mean"))
    return {k: round(v, 2) for k, v in (
        ("p50", percentile(values, 0.50)), ("p95", percentile(values, 0.95)),
        ("max", values[-1]), ("min", values[0]), ("mean", sum(values) / len(values)))}


def summarise(writes: list[tuple[int, float, float]], seats: dict[int, dict[int, float]],
              n_seats: int) -> dict:
    latencies, missed = [], 0
    for change_id, committed_at, _took in writes:
        for seat in range(n_seats):
            received_at = seats.get(seat, {}).get(change_id)
            if received_at is None:
                missed += 1
            else:
                latencies.append((received_at - committed_at) * 1000)
    return {"latency_ms": _figures(latencies), "deliveries": len(latencies), "missed": missed,
            "commit_ms": _figures([took * 1000 for _id, _at, took in writes])}


def _collect(results, writer, seats: int, target, deadline, grace: float, give_up: float):
    """The writer's commits, then each subscriber's receipts (told where the end is)."""
    writes, received = None, {}
    while len(received) < seats and time.monotonic() < give_up + grace:
        try:
            kind, seat, payload = results.get(timeout=1)
        except queue.Empty:
            if writes is None and not writer.is_alive():
                raise RuntimeError("the writer died before reporting") from None
            continue
        if kind == "writer":
            writes = payload
            deadline.value = time.time() + grace
            target.value = max((w[0] for w in writes), default=0) or -1
        else:
            received[seat] = payload
    if writes is None:
        raise RuntimeError("the writer never reported")
    return writes, received


def run(url: str, seats: int, changes: int, interval: float = 0.1, grace: float = 10.0,
        seed: int = 8) -> dict:
    from dms.db import Database

    ensure_database(url)
    db = Database(url)
    prepare(db)
    backend = db.backend
    db.dispose()

    ctx = mp.get_context("spawn")
    ready, results = ctx.Queue(), ctx.Queue()
    target, deadline = ctx.Value("q", 0), ctx.Value("d", 0.0)
    subscribers = [ctx.Process(target=subscriber_main, daemon=True,
                               args=(url, n, ready, target, deadline, results))
                   for n in range(seats)]
    writer = ctx.Process(target=writer_main, args=(url, changes, interval, seed, results),
                         daemon=True)
    try:
        for p in subscribers:
            p.start()
        for _ in range(seats):  # every feed is open (and LISTENing) before the first change
            ready.get(timeout=120)
        writer.start()
        writes, received = _collect(results, writer, seats, target, deadline, grace,
                                    time.monotonic() + 120 + changes * interval * 2)
    finally:
        for p in (*subscribers, writer):
            if p.pid is not None:
                p.join(timeout=5)
                if p.is_alive():
                    p.kill()
    return {"backend": backend, "seats": seats, "changes": changes,
            **summarise(writes, received, seats),
            "subscribers_reported": len(received), "interval_s": interval,
            "wake_up": "LISTEN/NOTIFY, select() on the socket" if backend == "postgresql"
            else f"PRAGMA data_version polled every {POLL_S} s"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="SQLAlchemy URL (sqlite:///… or postgresql://…)")
    parser.add_argument("--seats", type=int, default=4, help="subscriber processes")
    parser.add_argument("--changes", type=int, default=100, help="commits by the writer")
    parser.add_argument("--interval", type=float, default=0.1,
                        help="mean seconds between the writer's changes")
    parser.add_argument("--grace", type=float, default=10.0,
                        help="seconds after the last commit before a change counts as missed")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--json", help="write the report here")
    args = parser.parse_args(argv)
    report = run(args.url, args.seats, args.changes, args.interval, args.grace, args.seed)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)
    return 1 if report["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
