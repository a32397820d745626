"""The month export in process (issue 19): last calendar month's work orders with their lines,
as the manager's reports page writes them, timed in CPU and wall time.

    python benchmarks/export.py --url URL [--repeat 5] [--month 2026-11] [--profile N]

One untimed run first (imports, caches, the database's pages), then `--repeat` runs; each
prints its rows, CPU time (this process: user + system) and wall time, then p50 of both and
the load average before and after. `--profile N` prints cProfile's N most expensive functions
(own time) of one more run. The database is only read.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dms.auth import current, find_user  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.reports.excel import export  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--month", help="YYYY-MM (default: last month)")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    first = (date.fromisoformat(f"{args.month}-01") if args.month
             else (date.today().replace(day=1) - timedelta(days=1)).replace(day=1))
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    db = Database(args.url)
    with db.reading() as s:
        row = find_user(s, args.user)
    actor = current(row.User, row.name)
    out = Path(tempfile.gettempdir()) / "dms-bench-export.xlsx"
    run = lambda: export(db, actor, "workorders", out, since=first, until=last)  # noqa: E731
    load_before = os.getloadavg()
    run()
    cpus, walls = [], []
    for _ in range(args.repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        rows = run()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
        print(f"{first:%Y-%m}: {rows:,} rows, CPU {cpus[-1]:,.0f} ms, wall {walls[-1]:,.0f} ms",
              flush=True)
    print(f"p50: CPU {statistics.median(cpus):,.0f} ms, wall {statistics.median(walls):,.0f} ms; "
          f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(run)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    out.unlink(missing_ok=True)
    db.dispose()


if __name__ == "__main__":
    main()
