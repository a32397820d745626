"""The QC desk and TV mode on the real widgets. QC: the inspector's queue (the demo's cars at
QC), a pass with F9, a late car's pass with its delay reason, a fail with reason, rework owner
and penalty, bad input refused in the dialog with nothing changed, the team lead's check.
TV mode: 60 open orders in large type, pages turning by the timer, the counter of cards not on
the page."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from builders import make_order, self_checked
from dms import clock
from dms.auth import authenticate
from dms.models import LabourLine, QCInspection, WorkOrder
from dms.ui.common.printing import PreviewDialog
from dms.ui.workshop.qc_desk import FailDialog, LateDialog
from dms.ui.workshop.tv import TVBoard
from dms.workshop import kanban
from robot import Robot

SHOWN_MS = 10_000


def _desk(qtbot, open_window, db, username):
    window = open_window(db, authenticate(db, username, "demo123"))
    ws = window.show_workspace("workshop")
    ws.show_qc()
    page = ws.qc_page
    qtbot.waitUntil(lambda: page.queue.rowCount() > 0, timeout=SHOWN_MS)
    return ws, page


def _select(page, level: str, order_id: int | None = None):
    row = next(r for r in range(page.queue.rowCount()) if page.queue.row_at(r).level == level
               and order_id in (None, page.queue.row_at(r).work_order_id))
    page.table.selectRow(row)
    page.table.setFocus()
    return page.queue.row_at(row)


def _promise(db, hours: float) -> int:
    """The first car waiting for the team lead's check, promised `hours` from now."""
    qc1 = authenticate(db, "qc1", "demo123")
    order_id = next(i.work_order_id for i in kanban.qc_queue(db, qc1) if i.level == "team_lead")
    with db.transaction() as s:
        s.execute(update(WorkOrder).where(WorkOrder.id == order_id)
                  .values(promised_at=clock.now() + timedelta(hours=hours)))
    return order_id


def _order(db, order_id):
    with db.reading() as s:
        order = s.get(WorkOrder, order_id)
        inspections = s.execute(select(QCInspection.level, QCInspection.passed,
                                       QCInspection.rework_owner_id, QCInspection.penalty)
                                .where(QCInspection.work_order_id == order_id)
                                .order_by(QCInspection.id)).all()
        return order.state, order.version, order.delay_reason, inspections


def test_the_inspector_starts_at_the_queue_and_passes_a_car_with_f9(qtbot, open_window,
                                                                   demo_orders_db,
                                                                   qtmodeltester):
    order_id = _promise(demo_orders_db, 3)
    ws, page = _desk(qtbot, open_window, demo_orders_db, "qc1")
    assert ws.pages.currentWidget() is page
    qtmodeltester.check(page.queue)
    waiting = {i.work_order_id for i in kanban.qc_queue(
        demo_orders_db, authenticate(demo_orders_db, "qc1", "demo123"))}
    assert {page.queue.row_at(r).work_order_id for r in range(page.queue.rowCount())} == waiting
    item = _select(page, "team_lead", order_id)
    robot = Robot(qtbot)
    robot.key(page.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.queue.row_of(item.work_order_id) == -1, timeout=SHOWN_MS)
    assert _order(demo_orders_db, item.work_order_id)[0] == "READY"
    assert (item.plate or item.number) in ws.message_bar.text()
    assert robot.actions == 1


def test_a_late_car_passes_with_its_delay_reason(qtbot, open_window, demo_orders_db):
    order_id = _promise(demo_orders_db, -1)
    ws, page = _desk(qtbot, open_window, demo_orders_db, "qc1")
    item = _select(page, "team_lead", order_id)
    robot = Robot(qtbot)
    robot.key(page.table, Qt.Key.Key_F9)
    dialog = page.dialog
    assert isinstance(dialog, LateDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SHOWN_MS)
    robot.key(dialog.delay, Qt.Key.Key_F9)  # no reason: refused in the dialog
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and _order(demo_orders_db, item.work_order_id)[0] == "QC"
    robot.type(dialog.delay, "等配件")
    robot.key(dialog.delay, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    state, _version, delay, _ = _order(demo_orders_db, item.work_order_id)
    assert (state, delay) == ("READY", "等配件")
    qtbot.waitUntil(lambda: page.queue.row_of(item.work_order_id) == -1, timeout=SHOWN_MS)


def test_a_fail_needs_a_reason_and_a_number_then_sends_the_car_to_rework(qtbot, open_window,
                                                                        demo_orders_db):
    ws, page = _desk(qtbot, open_window, demo_orders_db, "qc1")
    item = _select(page, "team_lead")
    before = _order(demo_orders_db, item.work_order_id)
    robot = Robot(qtbot)
    robot.shortcut("Shift+F9")
    dialog = page.dialog
    assert isinstance(dialog, FailDialog) and dialog.final
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SHOWN_MS)
    assert [dialog.owner.itemData(i) for i in range(dialog.owner.count())] == [
        t for t, _ in item.technicians]
    owner = item.technicians[0][0]  # the jobs it worked on, all going back unless picked
    assert dialog.rework_jobs() == [j.labour_line_id for j in item.jobs if owner in j.worked_by]
    robot.type(dialog.penalty, "abc")
    robot.key(dialog.penalty, Qt.Key.Key_F9)  # no reason, and no number
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and _order(demo_orders_db, item.work_order_id) == before
    robot.type(dialog.reason, "刹车片异响")
    robot.key(dialog.reason, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and "abc" in dialog.penalty.text()
                    and dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert dialog.isVisible() and _order(demo_orders_db, item.work_order_id) == before
    assert dialog.reason.text() == "刹车片异响"  # the form keeps what was typed
    dialog.penalty.selectAll()
    robot.type(dialog.penalty, "50")
    robot.key(dialog.penalty, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    state, _v, _d, inspections = _order(demo_orders_db, item.work_order_id)
    assert state == "REWORK"
    assert inspections[-1] == ("final", False, item.technicians[0][0], Decimal("50.00"))
    qtbot.waitUntil(lambda: page.queue.row_of(item.work_order_id) == -1, timeout=SHOWN_MS)


def test_the_team_lead_checks_a_car_and_it_waits_for_the_final_inspection(qtbot, open_window,
                                                                         demo_orders_db):
    ws, page = _desk(qtbot, open_window, demo_orders_db, "tech1")
    item = _select(page, "team_lead")
    Robot(qtbot).key(page.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.queue.row_at(page.queue.row_of(item.work_order_id)).level
                    == "final", timeout=SHOWN_MS)
    state, _v, _d, inspections = _order(demo_orders_db, item.work_order_id)
    assert state == "QC" and inspections[-1][:2] == ("team_lead", True)
    assert not page.pass_action.isEnabled()  # the final inspection is the inspector's
    assert page.fail_action.isEnabled()  # a team lead may still send it back


def test_ctrl_p_previews_the_qc_sheet(qtbot, open_window, demo_orders_db):
    ws, page = _desk(qtbot, open_window, demo_orders_db, "qc1")
    item = _select(page, "team_lead")
    Robot(qtbot).shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(PreviewDialog)),
                    timeout=SHOWN_MS)
    preview = next(d for d in page.findChildren(PreviewDialog) if d.isVisible())
    qtbot.waitUntil(preview.is_rendered, timeout=SHOWN_MS)
    assert item.number in preview.windowTitle() and len(preview.page_views) >= 1
    preview.close()


def test_a_dispatcher_sees_the_queue_but_may_not_pass(qtbot, open_window, demo_orders_db):
    ws, page = _desk(qtbot, open_window, demo_orders_db, "dispatcher1")
    assert ws.pages.currentWidget() is page
    _select(page, "team_lead")
    assert not page.pass_action.isEnabled() and not page.fail_action.isEnabled()
    assert not page.print_action.isEnabled()  # the QC sheet is the inspector's and advisor's
    assert "role" in page.pass_action.toolTip()


@pytest.fixture
def sixty_orders(demo_orders_db):
    advisor = authenticate(demo_orders_db, "advisor1", "demo123")
    dispatcher = authenticate(demo_orders_db, "dispatcher1", "demo123")
    have = {c.job.work_order_id for c in kanban.board(demo_orders_db, dispatcher).cards}
    for _ in range(60 - len(have)):
        make_order(demo_orders_db, advisor, lines=1)
    return demo_orders_db


def test_tv_mode_shows_sixty_open_orders_page_by_page(qtbot, open_window, sixty_orders):
    window = open_window(sixty_orders, authenticate(sixty_orders, "dispatcher1", "demo123"))
    ws = window.show_workspace("workshop")
    qtbot.waitUntil(lambda: ws.loaded, timeout=SHOWN_MS)
    cards = ws.model.rowCount()
    assert len({ws.model.row_at(r).job.work_order_id for r in range(cards)}) == 60
    robot = Robot(qtbot)
    robot.shortcut("F11")
    tv = ws.tv
    assert isinstance(tv, TVBoard)
    qtbot.waitUntil(lambda: tv.isVisible() and tv.isFullScreen(), timeout=SHOWN_MS)
    tv.resize(1920, 1080)
    qtbot.waitUntil(lambda: tv.pages > 1, timeout=SHOWN_MS)
    assert not tv.grab().isNull()
    shown = [sum(p.rowCount() for p in tv.paged)]
    assert shown[0] + tv.hidden == cards and tv.hidden > 0
    assert str(tv.hidden) in tv.more_label.text()
    assert tv.page_label.text() == f"Page 1 of {tv.pages}"
    assert all(not lane.view.dragEnabled() for lane in tv.lanes)  # read-only
    seen = set()
    for page in range(tv.pages):
        assert tv.page == page
        seen |= {p.index(r, 0).data(ws.model.CardRole).id for p in tv.paged
                 for r in range(p.rowCount())}
        tv.next_page()
    assert len(seen) == cards and tv.page == 0  # every card on some page, then page 1 again
    tv.rotate.setInterval(20)
    tv.rotate.start()
    qtbot.waitUntil(lambda: tv.page == 1, timeout=SHOWN_MS)
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    assert not tv.isVisible() and not tv.rotate.isActive()


@pytest.mark.efficiency
def test_the_inspector_sends_back_only_the_faulty_job(qtbot, open_window, demo_db):
    """tech2 did all three jobs; the second is faulty: Shift+F9, the reason, Alt+J to the jobs
    (all of tech2's are selected), ↓ ↓ picks the second alone, F9. Only it goes back."""
    wo, jobs = self_checked(demo_db)
    ws, page = _desk(qtbot, open_window, demo_db, "qc1")
    item = _select(page, "team_lead", wo)
    robot = Robot(qtbot)
    robot.shortcut("Shift+F9")
    dialog = page.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SHOWN_MS)
    assert dialog.rework_jobs() == jobs  # the owner's jobs, as without picking
    robot.type(dialog.reason, "刹车片异响")
    robot.shortcut("Alt+J")
    assert QApplication.focusWidget() is dialog.jobs
    robot.key(dialog.jobs, Qt.Key.Key_Down)
    assert dialog.rework_jobs() == jobs[:1]
    robot.key(dialog.jobs, Qt.Key.Key_Down)
    assert dialog.rework_jobs() == jobs[1:2]
    robot.key(dialog.jobs, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    robot.done("qc inspector: final inspection fails on the second of a technician's three "
               "jobs (reason, that job picked)", "qc_inspector", 6)
    assert _order(demo_db, wo)[0] == "REWORK"
    with demo_db.reading() as s:
        assert [line.state for line in s.scalars(select(LabourLine).where(
            LabourLine.id.in_(jobs)).order_by(LabourLine.seq))] == ["done", "rework", "done"]
    qtbot.waitUntil(lambda: page.queue.row_of(item.work_order_id) == -1, timeout=SHOWN_MS)


def test_no_job_picked_is_refused_in_the_dialog(qtbot, open_window, demo_db):
    """Ctrl+Space takes the only selected job out: nothing would go back, so F9 is refused in
    the dialog, the reason stays and nothing changes."""
    wo, jobs = self_checked(demo_db, lines=1)
    ws, page = _desk(qtbot, open_window, demo_db, "qc1")
    _select(page, "team_lead", wo)
    before = _order(demo_db, wo)
    Robot(qtbot).shortcut("Shift+F9")
    dialog = page.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SHOWN_MS)
    dialog.reason.setText("机滤渗油")
    dialog.jobs.setFocus()
    qtbot.keyClick(dialog.jobs, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.jobs, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert dialog.rework_jobs() == []
    qtbot.keyClick(dialog.jobs, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "jobs to redo" in dialog.message_bar.text()
    assert dialog.isVisible() and dialog.reason.text() == "机滤渗油"
    assert _order(demo_db, wo) == before
