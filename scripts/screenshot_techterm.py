"""Screenshots of the technician terminal, its tools page, the PDI desk and the lounge board
(`scripts/screenshot.py --only techterm`, or with every other page). Writes to the database
first when it has nothing to show: two tools checked out by the technician, a PDI sheet with
one failure (these are the demo's own services, as a person would do it).

    technician_jobs_{lang}.png   tech with the most jobs in the demo, signed in, first selected
    technician_tools_{lang}.png  the tool crib page, a tool selected with its history
    technician_added_work_{lang}.png  the added-work dialog over the terminal
    pdi_{lang}.png               the PDI desk as qc1, a sheet with a failure being checked
    lounge_{lang}.png            the lounge board (no sign-in) at 1366×768
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select

from dms import auth
from dms.app import AppSession
from dms.models import PdiInspection, Tool
from dms.ui.lounge.board import LoungeBoard
from dms.ui.tasks import TaskRunner
from dms.workshop import pdi, terminal, tools

TECHNICIANS = tuple(f"tech{n}" for n in range(1, 9))
PDI_VIN = "LBEHDAFB9RY123457"


def prepare(db, password: str) -> str:
    """The technician to show (the most jobs); tools out and a PDI sheet if there are none."""
    techs = {name: auth.authenticate(db, name, password) for name in TECHNICIANS}
    name = max(techs, key=lambda n: (len(terminal.my_jobs(db, techs[n])), n))
    tech = techs[name]
    jobs = terminal.my_jobs(db, tech)
    with db.reading() as s:
        out = s.scalar(select(Tool.id).where(Tool.status == "out"))
        tool_ids = list(s.scalars(select(Tool.id).order_by(Tool.id).limit(3)))
        sheet = s.scalar(select(PdiInspection.id))
    if out is None and len(tool_ids) == 3:
        tools.check_out(db, tech, tool_ids[0], jobs[0].number if jobs else None)
        tools.check_out(db, tech, tool_ids[2])
    if sheet is None:
        qc = auth.authenticate(db, "qc1", password)
        started = pdi.start_pdi(db, qc, PDI_VIN, series="途胜L", model_code="NX4E",
                                colour="星光白", mileage=8)
        items = pdi.pdi_sheet(db, qc, started.id).items
        answers = {i.id: ("ok", None) for i in items[:-3]}
        answers[items[1].id] = ("fail", "右后视镜镜壳划痕")
        pdi.record_results(db, qc, started.id, answers)
    return name


def _signed_in(db, user: str, password: str, runner):
    from screenshot import NoSettings, wait_until

    session = AppSession(db, runner, NoSettings(), username=user)
    session.start()
    session.login.password.setText(password)
    session.login.sign_in()
    wait_until(lambda: session.window is not None or session.login.error.isVisible(),
               f"{user}'s sign-in")
    if session.window is None:
        raise SystemExit(f"screenshot: {user} cannot sign in: {session.login.error.text()}")
    return session


def run_language(args, db, language: str, technician: str):
    from screenshot import SIZE, drop_deleted, settle, shots_for, wait_until, with_dialog

    shots = shots_for(args, language)
    runner = TaskRunner()
    idle = lambda: not runner.busy  # noqa: E731
    sessions = []
    try:
        session = _signed_in(db, technician, args.password, runner)
        sessions.append(session)
        window = session.window
        window.resize(*SIZE)
        ws = window.show_workspace("technician")
        wait_until(lambda: idle() and ws.jobs_page.model.rowCount() > 0, "the technician's jobs")
        settle()
        shots.save("technician_jobs", window.grab())
        job = ws.jobs_page.selected()
        if job is not None and job.order_state in ("IN_REPAIR", "PAUSED"):
            ws.added_work()
            dialog = ws.dialog
            dialog.description.setText("前刹车盘磨损到限，建议更换")
            dialog.hours.setText("1.2")
            dialog.parts.setText("58101-D3A00 x1")
            photo = Path(tempfile.mkdtemp(prefix="dms-shot-")) / "刹车盘_01.png"
            photo.write_bytes(b"\x89PNG\r\n\x1a\n")  # only its name is shown
            dialog.add_photos([str(photo)])
            settle()
            shots.save("technician_added_work", with_dialog(window, dialog))
            dialog.reject()
        ws.show_tools()
        wait_until(lambda: idle() and ws.tools_page.model.rowCount() > 0, "the tools")
        page = ws.tools_page
        out = next((r for r, t in enumerate(page.model.rows) if t.status == "out"), 0)
        page.table.selectRow(out)
        wait_until(lambda: idle() and page.history.rowCount() > 0, "the tool's history")
        settle()
        shots.save("technician_tools", window.grab())
        window.close()

        session = _signed_in(db, "qc1", args.password, runner)
        sessions.append(session)
        window = session.window
        window.resize(*SIZE)
        desk = window.show_workspace("pdi")
        wait_until(lambda: idle() and desk.sheet is not None, "a PDI sheet")
        desk.items.selectRow(1)
        settle()
        shots.save("pdi", window.grab())
        window.close()

        board = LoungeBoard(db, runner)
        board.resize(*SIZE)
        board.show()
        board.refresh()
        wait_until(lambda: idle() and board.model.rowCount() > 0, "the lounge board")
        settle()
        shots.save("lounge", board.grab())
        board.close()
        board.deleteLater()
    finally:
        runner.shutdown()
        for session in sessions:
            session.close()
            session.login.deleteLater()
            session.deleteLater()
        drop_deleted()
    return shots.saved
