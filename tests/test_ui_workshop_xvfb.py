"""One real drag and drop under Xvfb (DESIGN §9): the mouse, driven by xdotool in a real X
server, drags a job from "not assigned" onto a technician's lane of the plan view; the job is
dispatched in the database. Then it drags the card onto a bay of another kind in the bay strip:
the reason is in the message bar and the job stays in its bay. Skipped only where no Xvfb binary exists
(scripts/install-system-deps.sh installs xvfb and xdotool)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dms.models import LabourLine

HELPER = Path(__file__).with_name("xvfb_drag.py")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="no Xvfb binary")
def test_a_real_drag_onto_a_technician_dispatches_the_job(demo_orders_db):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable,
                           str(HELPER), demo_orders_db.url], env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["moved"] and result["on_board"] == result["technician"], result
    assert result["bay_name"] in result["message"] and "bay" in result["message"], result
    assert result["bay_after"] == result["bay"] != result["dropped_on_bay"], result
    with demo_orders_db.reading() as s:
        line = s.get(LabourLine, result["job"])
        assert (line.technician_id, line.bay_id) == (result["technician"], result["bay"])
