"""The technician terminal on the real widgets: a technician clocks on the next job in one key,
pauses for parts or approval in one key each, finishes with the self-check, proposes added
work with a photo, borrows and returns tools; refusals keep what was typed and change nothing;
another seat's dispatch appears without a reset."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from dms import clock
from dms.changes import Change
from dms.models import AuditLog, LabourLine, QCInspection, Tool, Vehicle, WorkOrder
from dms.workshop import dispatch as d
from dms.workshop import tools as t
from robot import Robot

from builders import login, make_order, self_checked, snapshot, workshop_users

SHOWN_MS = 10_000
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def users(demo_db):
    return workshop_users(demo_db)


@pytest.fixture
def order(demo_db, users):
    """An order with two jobs dispatched to tech2."""
    wo, jobs = make_order(demo_db, users["advisor1"])
    disp = users["dispatcher1"]
    for job in jobs:
        d.assign_job(demo_db, disp, job, d.bay_for(demo_db, disp, job), users["tech2"].id)
    return wo, jobs


@pytest.fixture
def terminal(open_window, demo_db, users, order):
    window = open_window(demo_db, users["tech2"])
    return window, window.show_workspace("technician")


def _loaded(qtbot, ws, count):
    qtbot.waitUntil(lambda: ws.jobs_page.model.rowCount() == count
                    and ws.jobs_page.selected() is not None, timeout=SHOWN_MS)


def _dialog(qtbot, ws):
    """The dialog just opened, once it has the keyboard (open() activates it a moment later)."""
    qtbot.waitUntil(lambda: ws.dialog is not None and ws.dialog.isActiveWindow(),
                    timeout=SHOWN_MS)
    return ws.dialog


def state(db, wo):
    with db.reading() as s:
        o = s.get(WorkOrder, wo)
        return o.state, o.pause_reason


def audit_count(db):
    with db.reading() as s:
        return s.scalar(select(func.count(AuditLog.id)))


@pytest.mark.efficiency
def test_clock_on_pause_resume_and_done_one_key_each(qtbot, terminal, demo_db, order):
    window, ws = terminal
    wo, (oil, brakes) = order
    _loaded(qtbot, ws, 2)
    assert window.current is ws and ws.jobs_page.selected().labour_line_id == oil
    robot = Robot(qtbot)
    robot.shortcut("F4")
    qtbot.waitUntil(lambda: ws.jobs_page.clocked_job() is not None, timeout=SHOWN_MS)
    assert ws.jobs_page.clocked_job().labour_line_id == oil
    assert "Clocked on" in ws.message_bar.text()
    robot.done("technician: clock on the next job", "technician", 1)

    robot = Robot(qtbot)
    robot.shortcut("F6")
    qtbot.waitUntil(lambda: state(demo_db, wo) == ("PAUSED", "waiting_parts"), timeout=SHOWN_MS)
    robot.done("technician: pause waiting for parts", "technician", 1)
    qtbot.waitUntil(lambda: ws.jobs_page.selected().order_state == "PAUSED", timeout=SHOWN_MS)
    assert ws.jobs_page.clocked_job() is None  # a pause clocks everyone off
    assert "waiting for parts" in ws.jobs_page.model.data(ws.jobs_page.model.index(0, 4))

    robot = Robot(qtbot)
    robot.shortcut("Ctrl+R")
    qtbot.waitUntil(lambda: state(demo_db, wo)[0] == "IN_REPAIR", timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: ws.actions["technician.clock_on"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("F4")
    qtbot.waitUntil(lambda: ws.jobs_page.clocked_job() is not None, timeout=SHOWN_MS)
    robot.shortcut("F7")
    qtbot.waitUntil(lambda: state(demo_db, wo) == ("PAUSED", "waiting_approval"),
                    timeout=SHOWN_MS)
    robot.done("technician: resume, clock on, pause waiting for approval", "technician", 3)


def test_clocking_on_where_another_car_is_in_repair_is_refused_with_the_reason(
        qtbot, terminal, demo_db, users, order):
    """The job waits on its bay while another car is in repair there: F4 is refused with the
    bay and that car's plate in the message bar, and nothing changes."""
    window, ws = terminal
    wo, (oil, _) = order
    _loaded(qtbot, ws, 2)
    other, (other_oil, _) = make_order(demo_db, users["advisor1"])
    with demo_db.reading() as s:
        bay = s.get(LabourLine, oil).bay_id
        plate = s.get(Vehicle, s.get(WorkOrder, other).vehicle_id).plate
    d.assign_job(demo_db, users["dispatcher1"], other_oil, bay, users["tech3"].id)
    d.clock_on(demo_db, users["tech3"], other_oil)
    before = snapshot(demo_db, wo), snapshot(demo_db, other)
    assert ws.jobs_page.selected().labour_line_id == oil
    Robot(qtbot).shortcut("F4")
    qtbot.waitUntil(lambda: plate in ws.message_bar.text(), timeout=SHOWN_MS)
    assert "is busy" in ws.message_bar.text()
    assert (snapshot(demo_db, wo), snapshot(demo_db, other)) == before
    assert ws.jobs_page.clocked_job() is None


@pytest.mark.efficiency
def test_jobs_done_then_self_check_sends_the_car_to_qc(qtbot, terminal, demo_db, order):
    window, ws = terminal
    wo, (oil, brakes) = order
    _loaded(qtbot, ws, 2)
    robot = Robot(qtbot)
    for _ in (oil, brakes):
        qtbot.waitUntil(lambda: ws.actions["technician.clock_on"].isEnabled(), timeout=SHOWN_MS)
        robot.shortcut("F4")
        qtbot.waitUntil(lambda: ws.actions["technician.job_done"].isEnabled(), timeout=SHOWN_MS)
        robot.shortcut("Ctrl+D")
        qtbot.waitUntil(lambda: ws.jobs_page.clocked_job() is None
                        and ws.jobs_page.selected().state != "in_progress", timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: all(j.state == "done" for j in ws.jobs_page.model.rows),
                    timeout=SHOWN_MS)
    robot.done("technician: clock on and finish two jobs", "technician", 4)

    robot = Robot(qtbot)
    qtbot.waitUntil(lambda: ws.actions["technician.self_check"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("Ctrl+E")
    dialog = _dialog(qtbot, ws)
    dialog.note.setPlainText("试车正常")
    before = audit_count(demo_db)
    robot.key(dialog.note, Qt.Key.Key_F9)  # nothing ticked: refused, the note stays
    qtbot.waitUntil(lambda: dialog.message_bar.text() != "", timeout=SHOWN_MS)
    assert "self-check" in dialog.message_bar.text() and dialog.isVisible()
    assert dialog.note.toPlainText() == "试车正常" and audit_count(demo_db) == before
    assert state(demo_db, wo)[0] == "IN_REPAIR"
    robot.click(dialog.all_ok)
    robot.key(dialog.note, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: state(demo_db, wo)[0] == "QC", timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("technician: self-check and send to QC (one refusal on the way)", "technician", 4)
    with demo_db.reading() as s:
        check = s.scalars(select(QCInspection).where(QCInspection.work_order_id == wo)).one()
        assert (check.level, check.reason) == ("self", "试车正常")


@pytest.mark.efficiency
def test_the_one_job_qc_sent_back_is_redone_and_self_checked(qtbot, open_window, demo_db,
                                                              users):
    """QC sent back only the faulty one of tech2's three jobs: it heads the list, F4 clocks on,
    Ctrl+D finishes it, the self-check (Ctrl+E, all OK, F9) sends the car to QC again."""
    from dms.workshop.qc import final_inspection

    wo, jobs = self_checked(demo_db, "tech2")
    final_inspection(demo_db, users["qc1"], wo, False, reason="机滤渗油",
                     rework_owner_id=users["tech2"].id, rework_job_ids=[jobs[1]])
    ws = open_window(demo_db, users["tech2"]).show_workspace("technician")
    _loaded(qtbot, ws, 3)
    assert ws.jobs_page.selected().labour_line_id == jobs[1]
    robot = Robot(qtbot)
    qtbot.waitUntil(lambda: ws.actions["technician.clock_on"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("F4")
    qtbot.waitUntil(lambda: ws.actions["technician.job_done"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("Ctrl+D")
    qtbot.waitUntil(lambda: ws.actions["technician.self_check"].isEnabled(), timeout=SHOWN_MS)
    robot.shortcut("Ctrl+E")
    dialog = _dialog(qtbot, ws)
    robot.click(dialog.all_ok)
    robot.key(dialog.note, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: state(demo_db, wo)[0] == "QC", timeout=SHOWN_MS)
    robot.done("technician: redo the one job QC sent back and self-check", "technician", 5)


@pytest.mark.efficiency
def test_propose_added_work_with_a_photo_and_parts(qtbot, terminal, demo_db, order, tmp_path):
    window, ws = terminal
    wo, (oil, _) = order
    _loaded(qtbot, ws, 2)
    d.clock_on(demo_db, login(demo_db, "tech2"), oil)
    ws.refresh()
    qtbot.waitUntil(lambda: ws.actions["technician.added_work"].isEnabled(), timeout=SHOWN_MS)
    photo = tmp_path / "刹车盘.png"
    photo.write_bytes(PNG)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+N")
    dialog = _dialog(qtbot, ws)
    robot.type(dialog.description, "前刹车盘磨损到限")
    robot.type(dialog.parts, "26300-35505 x2")
    robot.click(dialog.findChild(QPushButton, "addPhotos"))
    qtbot.waitUntil(lambda: dialog.file_dialog is not None and dialog.file_dialog.isVisible(),
                    timeout=SHOWN_MS)
    robot._count("double-click the photo")
    dialog.file_dialog.selectFile(str(photo))
    dialog.file_dialog.accept()
    assert dialog.photo_paths() == [str(photo)]
    robot.key(dialog.parts, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: state(demo_db, wo) == ("PAUSED", "waiting_approval"),
                    timeout=SHOWN_MS)
    robot.done("technician: propose added work with parts and a photo", "technician", 6)
    from dms.workshop.terminal import added_work_photos
    with demo_db.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == wo,
                                                   LabourLine.added_work.is_(True)))
    [saved] = added_work_photos(demo_db, login(demo_db, "advisor1"), job)
    assert saved.content == PNG


def test_a_photo_that_is_no_photo_is_refused_in_the_dialog(qtbot, terminal, demo_db, order,
                                                         tmp_path):
    window, ws = terminal
    wo, (oil, _) = order
    _loaded(qtbot, ws, 2)
    d.clock_on(demo_db, login(demo_db, "tech2"), oil)
    ws.refresh()
    qtbot.waitUntil(lambda: ws.actions["technician.added_work"].isEnabled(), timeout=SHOWN_MS)
    ws.added_work()
    dialog = ws.dialog
    dialog.description.setText("前刹车盘磨损")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4")
    dialog.add_photos([str(bad)])
    before = audit_count(demo_db)
    dialog.submit()
    qtbot.waitUntil(lambda: "scan.pdf" in dialog.message_bar.text(), timeout=SHOWN_MS)
    assert dialog.description.text() == "前刹车盘磨损" and dialog.photo_paths() == [str(bad)]
    assert audit_count(demo_db) == before and state(demo_db, wo)[0] == "IN_REPAIR"


def test_another_seats_dispatch_appears_without_a_reset(qtbot, terminal, demo_db, users, order):
    window, ws = terminal
    _loaded(qtbot, ws, 2)
    ws.jobs_page.table.selectRow(1)
    chosen = ws.jobs_page.selected().labour_line_id
    resets = []
    ws.jobs_page.model.modelReset.connect(lambda: resets.append(1))
    wo2, jobs2 = make_order(demo_db, users["advisor1"], lines=1)
    disp = users["dispatcher1"]
    d.assign_job(demo_db, disp, jobs2[0], d.bay_for(demo_db, disp, jobs2[0]), users["tech2"].id)
    window.bus.collect([Change(0, "work_order", wo2, None)])  # what the live feed delivers
    qtbot.waitUntil(lambda: ws.jobs_page.model.rowCount() == 3, timeout=SHOWN_MS)
    assert not resets and ws.jobs_page.selected().labour_line_id == chosen


@pytest.mark.efficiency
def test_borrow_a_tool_for_the_car_and_bring_it_back(qtbot, terminal, demo_db, order):
    window, ws = terminal
    wo, (oil, _) = order
    _loaded(qtbot, ws, 2)
    with demo_db.reading() as s:
        number = s.get(WorkOrder, wo).number
    robot = Robot(qtbot)
    robot.shortcut("F3")
    page = ws.tools_page
    robot.type(page.search, "TQ01")
    robot.key(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.selected() is not None
                    and page.selected().code == "T-TQ01", timeout=SHOWN_MS)
    robot.shortcut("Ctrl+O")
    dialog = _dialog(qtbot, ws)
    assert dialog.work_order.text() == number  # the job in hand is the default
    robot.key(dialog.work_order, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().status == "out",
                    timeout=SHOWN_MS)
    assert page.selected().work_order == number
    robot.done("technician: check a tool out for the car", "technician", 5)
    window.activateWindow()  # the dialog has closed (offscreen, nothing else activates it)
    qtbot.waitUntil(window.isActiveWindow, timeout=SHOWN_MS)
    robot = Robot(qtbot)
    robot.shortcut("F8")
    qtbot.waitUntil(lambda: page.selected().status == "available", timeout=SHOWN_MS)
    robot.done("technician: return a tool", "technician", 1)
    qtbot.waitUntil(lambda: page.history.rowCount() == 2, timeout=SHOWN_MS)


def test_damaged_return_needs_a_report_and_overdue_list(qtbot, terminal, demo_db, users,
                                                       monkeypatch):
    window, ws = terminal
    tech = users["tech2"]
    with demo_db.reading() as s:
        scope = s.scalar(select(Tool.id).where(Tool.code == "T-DG01"))
    t.check_out(demo_db, tech, scope)
    ws.show_tools()
    page = ws.tools_page
    page.search.setText("DG01")
    page.reload()
    qtbot.waitUntil(lambda: not page._debounce.isActive(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().status == "out",
                    timeout=SHOWN_MS)
    ws.return_damaged()
    dialog = ws.dialog
    before = audit_count(demo_db)
    dialog.submit()
    assert "damaged" in dialog.message_bar.text() and audit_count(demo_db) == before
    dialog.report.setPlainText("屏幕碎裂")
    dialog.submit()
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().status == "damaged",
                    timeout=SHOWN_MS)
    assert not ws.actions["tools.check_out"].isEnabled()
    t.check_out(demo_db, tech, scope + 1)
    later = clock.now() + timedelta(hours=11)
    monkeypatch.setattr(clock, "now", lambda: later)
    page.search.clear()
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: [r.code for r in page.model.rows] == ["T-DG02"], timeout=SHOWN_MS)
    assert page.model.data(page.model.index(0, 3)) == "Overdue"


def test_the_terminals_models_pass_the_model_tester(qtbot, qtmodeltester, terminal, order):
    window, ws = terminal
    _loaded(qtbot, ws, 2)
    qtmodeltester.check(ws.jobs_page.model)
    ws.show_tools()
    qtbot.waitUntil(lambda: ws.tools_page.model.rowCount() == 10, timeout=SHOWN_MS)
    qtmodeltester.check(ws.tools_page.model)
    qtbot.waitUntil(lambda: ws.tools_page.selected() is not None, timeout=SHOWN_MS)
    qtmodeltester.check(ws.tools_page.history)


def test_neither_an_advisor_nor_a_qc_inspector_gets_the_terminal(open_window, demo_db, users):
    window = open_window(demo_db, users["advisor1"])
    assert "technician" not in [s.id for s in window.specs]
    qc = open_window(demo_db, users["qc1"])
    assert "technician" not in [s.id for s in qc.specs]


def test_a_team_lead_adds_a_tool_and_a_taken_code_keeps_the_form(qtbot, open_window, demo_db,
                                                                  users):
    window = open_window(demo_db, users["tech1"])
    ws = window.show_workspace("technician")
    ws.show_tools()
    assert ws.actions["tools.new"].isEnabled()
    ws.new_tool()
    dialog = ws.dialog
    dialog.code.setText("t-tq01")
    dialog.name.setText("扭力扳手 10-100N·m")
    before = audit_count(demo_db)
    dialog.submit()
    qtbot.waitUntil(lambda: "T-TQ01" in dialog.message_bar.text(), timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.name.text() == "扭力扳手 10-100N·m"
    assert audit_count(demo_db) == before
    dialog.code.setText("t-tq03")
    dialog.submit()
    page = ws.tools_page
    qtbot.waitUntil(lambda: any(r.code == "T-TQ03" for r in page.model.rows), timeout=SHOWN_MS)
    assert "T-TQ03" in ws.message_bar.text()


def test_a_technician_may_not_add_tools(open_window, demo_db, users):
    ws = open_window(demo_db, users["tech2"]).show_workspace("technician")
    assert not ws.actions["tools.new"].isEnabled()
    assert "does not allow" in ws.actions["tools.new"].toolTip()


def test_a_dispatch_on_another_seat_reaches_the_terminal_through_the_live_feed(
        qtbot, terminal, demo_db, users):
    from dms.db import Database, make_engine
    from dms.ui.shell.feed import LiveFeed

    window, ws = terminal
    _loaded(qtbot, ws, 2)
    live = LiveFeed(demo_db)
    live.changed.connect(window.bus.collect)
    assert live.wait_ready()
    other_seat = Database(engine=make_engine(demo_db.url))
    try:
        wo, jobs = make_order(other_seat, users["advisor1"], lines=1)
        disp = users["dispatcher1"]
        d.assign_job(other_seat, disp, jobs[0], d.bay_for(other_seat, disp, jobs[0]),
                     users["tech2"].id)
        qtbot.waitUntil(lambda: ws.jobs_page.model.rowCount() == 3, timeout=SHOWN_MS)
    finally:
        live.close()
        other_seat.dispose()


def test_four_other_seats_writing_keep_the_selected_job_selected(
        qtbot, terminal, demo_db, users, order):
    """The technician has the second job selected while four other seats write: two dispatch
    new jobs to them, one pauses and resumes their car, one dispatches a job to someone else.
    Rows are inserted and updated in place (no reset) and the selection stays on its job."""
    from dms.db import Database, make_engine
    from dms.ui.shell.feed import LiveFeed

    window, ws = terminal
    wo, _jobs = order
    _loaded(qtbot, ws, 2)
    ws.jobs_page.table.selectRow(1)
    chosen = ws.jobs_page.selected().labour_line_id
    resets = []
    ws.jobs_page.model.modelReset.connect(lambda: resets.append(1))
    ws.jobs_page.model.layoutChanged.connect(lambda: resets.append(1))
    live = LiveFeed(demo_db, interval_s=0.1)
    live.changed.connect(window.bus.collect)
    assert live.wait_ready()
    seats = [Database(engine=make_engine(demo_db.url)) for _ in range(4)]
    try:
        for seat, tech in ((seats[0], "tech2"), (seats[1], "tech2"), (seats[2], "tech3")):
            new, jobs = make_order(seat, users["advisor1"], lines=1)
            disp = users["dispatcher1"]
            d.assign_job(seat, disp, jobs[0], d.bay_for(seat, disp, jobs[0]), users[tech].id)
        d.clock_on(seats[3], users["tech2"], _jobs[0])
        d.pause(seats[3], users["dispatcher1"], wo, "waiting_parts")
        qtbot.waitUntil(lambda: ws.jobs_page.model.rowCount() == 4
                        and state(demo_db, wo)[0] == "PAUSED"
                        and any(j.work_order_id == wo and j.order_state == "PAUSED"
                                for j in ws.jobs_page.model.rows),
                        timeout=SHOWN_MS)
        d.resume(seats[3], users["dispatcher1"], wo)
        qtbot.waitUntil(lambda: all(j.order_state != "PAUSED" for j in ws.jobs_page.model.rows),
                        timeout=SHOWN_MS)
    finally:
        live.close()
        for seat in seats:
            seat.dispose()
    assert not resets
    assert ws.jobs_page.selected().labour_line_id == chosen
    assert [i.row() for i in ws.jobs_page.table.selectionModel().selectedRows()] == [
        ws.jobs_page.model.row_of(chosen)]
