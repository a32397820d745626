"""Another seat for `benchmarks/ui.py` ("workshop_change" in `ui_screens.py`): a process of its
own, as a second workstation is, so its service calls take neither the measured screen's GUI
thread nor its interpreter lock. Each line on stdin, "pause ID" or "resume ID", pauses the work
order (waiting for parts) or resumes it as USER; it answers "done" or the error, one line.

    python benchmarks/other_seat.py URL USER
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dms.auth import current, find_user  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.workshop import dispatch  # noqa: E402


def main(url: str, username: str) -> int:
    db = Database(url)
    with db.reading() as s:
        user, store_name = find_user(s, username)
        actor = current(user, store_name)
    for line in sys.stdin:
        verb, order = line.split()
        try:
            if verb == "pause":
                dispatch.pause(db, actor, int(order), "waiting_parts")
            else:
                dispatch.resume(db, actor, int(order))
            print("done", flush=True)
        except Exception as error:  # noqa: BLE001 - told to the benchmark, which stops
            print(f"{type(error).__name__}: {error}", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
