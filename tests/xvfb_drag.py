"""One real drag and drop on the workshop board, run by tests/test_ui_workshop_xvfb.py inside
xvfb-run (a real X server, the xcb platform): the dispatcher's window opens the plan view and
xdotool presses the mouse on a card not yet assigned, moves it over a technician's lane and
lets go, as a hand on a mouse would; then drags the same card onto a bay of another kind in the
bay strip, which refuses it. Prints one JSON line: the job, the technician whose lane it was
dropped on, the card's technician on the board afterwards, the bay it was dropped on second,
its bay after that drop and the message bar's text.

    xvfb-run -a python tests/xvfb_drag.py DATABASE_URL
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "xcb"
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QCoreApplication, QThread  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dms.auth import authenticate  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.ui.shell.main_window import MainWindow  # noqa: E402
from dms.ui.tasks import TaskRunner  # noqa: E402
from dms.ui.workshop import moves  # noqa: E402
from dms.ui.workshop.model import BoardModel  # noqa: E402
from dms.workshop.trades import bay_kind  # noqa: E402


def wait(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        QThread.msleep(10)
    return True


def centre(view, rect) -> tuple[int, int]:
    point = view.viewport().mapToGlobal(rect.center())
    return point.x(), point.y()


def drag(start: tuple[int, int], end: tuple[int, int]) -> subprocess.Popen:
    """A hand on the mouse. xdotool runs beside the event loop: QDrag.exec() has its own loop
    while the button is held."""
    (sx, sy), (tx, ty) = start, end
    return subprocess.Popen(["xdotool", "mousemove", str(sx), str(sy), "sleep", "0.4",
                             "mousedown", "1", "sleep", "0.3",
                             "mousemove", str(sx + 15), str(sy + 15), "sleep", "0.3",
                             "mousemove", str(tx), str(ty), "sleep", "0.4",
                             "mousemove", str(tx + 4), str(ty + 4), "sleep", "0.4",
                             "mouseup", "1"])


def _fits(card, target_key: str, board) -> bool:
    try:
        return moves.plan(card, target_key, board.model.board, board.model.roles) is not None
    except moves.Refused:
        return False


def main() -> int:
    app = QApplication([sys.argv[0]])
    db = Database(sys.argv[1])
    runner = TaskRunner()
    window = MainWindow(db, authenticate(db, "dispatcher1", "demo123"), runner)
    window.move(0, 0)
    window.resize(1366, 740)
    window.show()
    board = window.show_workspace("workshop")
    if not wait(lambda: board.loaded and window.isVisible()):
        raise SystemExit("xvfb_drag: the board did not load")
    board.show_board("plan")
    lanes = board.board_page.lanes["plan"]
    source = lanes[moves.UNASSIGNED].view
    target_key = moves.tech_lane(board.model.board.technicians[1].id)
    target = lanes[target_key].view
    wait(lambda: False, 0.5)  # the window mapped and painted
    # a card the board lets go to that technician (a free bay of its kind is left for it)
    index = next(i for i in (source.model().index(r, 0) for r in range(source.model().rowCount()))
                 if _fits(i.data(BoardModel.CardRole), target_key, board))
    job = index.data(BoardModel.CardRole).id
    hand = drag(centre(source, source.visualRect(index)),
                centre(target, target.viewport().rect()))
    moved = wait(lambda: (board.model.card(job) is not None
                          and board.model.card(job).job.technician_id == int(target_key[5:])))
    hand.wait(10)
    card = board.model.card(job)
    # the same card onto a bay of another kind than its trade's: refused where it is let go
    strip = board.board_page.bays
    row, bay = next((r, b) for r, b in enumerate(strip.model().bays)
                    if b.kind != bay_kind(card.job.trade))
    lane_model = target.model()
    wait(lambda: False, 0.5)
    at = lane_model.index(lane_model.ids.index(job), 0)
    hand = drag(centre(target, target.visualRect(at)),
                centre(strip, strip.visualRect(strip.model().index(row))))
    wait(lambda: bool(board.message_bar.text()), 10)
    hand.wait(10)
    wait(lambda: False, 0.5)  # a move sent by mistake would have landed by now
    after = board.model.card(job)
    print(json.dumps({"job": job, "technician": int(target_key[5:]), "moved": moved,
                      "on_board": card.job.technician_id if card else None,
                      "bay": card.job.bay_id, "dropped_on_bay": bay.id, "bay_name": bay.name,
                      "bay_after": after.job.bay_id if after else None,
                      "message": board.message_bar.text()}))
    window.close()
    runner.shutdown()
    db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
