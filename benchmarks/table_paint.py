"""A table's paint beside a worker thread running Python (issue 20, the seventh round).

    QT_QPA_PLATFORM=offscreen python benchmarks/table_paint.py [--plain] [--idle] [--paints 40]

Shows 67 rows of a QC-queue-like table (nine columns of Chinese text) in the product's table
view at 1366 px wide, starts a thread that runs Python without pause (as a worker building a
board read does), and repaints the table `--paints` times through the event loop. Prints the
paint's wall-clock median and max (ms), the GUI thread's CPU median, and how often the worker
got the interpreter lock during a paint. `--plain`: a bare QTableView instead of the product's
`TableView` (painted whole, `dms.ui.common.views.WholePaint`); `--idle`: no worker.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections import namedtuple
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

Row = namedtuple("Row", "id level plate number model jobs techs advisor promised waiting")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--idle", action="store_true")
    parser.add_argument("--paints", type=int, default=40)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from dms.ui import fonts
    from dms.ui.common import views
    from dms.ui.common.table import Column, PagedTableModel
    from dms.ui.tasks import TaskRunner

    fonts.register_cjk_font({})
    if args.plain:
        views.TableView = QTableView
    runner = TaskRunner()
    turns = [0]  # the worker's loops: a change during a paint is a turn it took
    seen: list[int] = []  # `turns` at each cell painted

    class Counted(PagedTableModel):
        def multiData(self, index, roles):
            seen.append(turns[0])
            super().multiData(index, roles)

    rows = [Row(i, "终检", f"京A{i:05d}", f"WO2026120{i:04d}", "丰田 凯美瑞 2.5L",
                "更换机油、机滤、刹车片检查", "张师傅、李师傅", "王顾问", "12-07 17:30", f"{i} 分钟")
            for i in range(67)]
    model = Counted(runner, [Column(lambda f=f: f, lambda r, f=f: getattr(r, f))
                             for f in Row._fields[1:]])
    model.set_rows(rows)
    view = views.table_view(model, "table", (10, 8, 10, 12, 16, 8, 6, 12), stretch=4)
    view.resize(1366, 600)
    view.show()
    app.processEvents()

    stop = threading.Event()

    def work():
        while not stop.is_set():
            turns[0] += 1

    worker = threading.Thread(target=work)
    if not args.idle:
        worker.start()
    wall, cpu, handed = [], [], []
    try:
        for _ in range(args.paints):
            seen.clear()
            view.viewport().update()
            start, start_cpu = time.perf_counter(), time.thread_time()
            app.processEvents()
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            handed.append(sum(a != b for a, b in zip(seen, seen[1:])))
    finally:
        stop.set()
        if worker.is_alive():
            worker.join()
        runner.shutdown()
    print(json.dumps({"view": "QTableView" if args.plain else "TableView",
                      "worker": not args.idle, "cells_per_paint": len(seen),
                      "paint_ms_median": round(statistics.median(wall), 1),
                      "paint_ms_max": round(max(wall), 1),
                      "gui_cpu_ms_median": round(statistics.median(cpu), 1),
                      "worker_turns_per_paint_median": statistics.median(handed)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
