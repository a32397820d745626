"""The workshop board's bay strip on the real widgets (the demo dispatcher over the demo
workshop): a job moved to another bay by one drop on the bay through the bay model's drop
handling, and the drops the board refuses where they land -- a bay of another kind than the
job's trade, a bay where another car is in repair -- with the reason and nothing changed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from dms.ui.workshop import moves
from dms.workshop import dispatch
from dms.workshop.trades import bay_kind
from builders import workshop_users
from robot import Robot
from test_ui_workshop_board import SHOWN_MS, _line, board, dispatcher  # noqa: F401 (fixtures)

MOVE = Qt.DropAction.MoveAction


def _bays(ws):
    return ws.board_page.bays.model()


def _bay_text(ws, bay_id) -> str:
    model = _bays(ws)
    return model.index(next(r for r, b in enumerate(model.bays) if b.id == bay_id)).data()


def _drop_on_bay(robot, ws, card, bay_id) -> bool:
    """One drag: the card's data, as a lane's view makes it, let go on the bay's item."""
    robot._count(f"drag {card.job.plate} to bay {bay_id}")
    model = _bays(ws)
    data = ws.model.mimeData([ws.model.index(ws.model.row_of(card.id), 0)])
    on = model.index(next(r for r, b in enumerate(model.bays) if b.id == bay_id))
    if not model.canDropMimeData(data, MOVE, -1, -1, on):
        model.dropMimeData(data, MOVE, -1, -1, on)  # says why, sends nothing
        return False
    return model.dropMimeData(data, MOVE, -1, -1, on)


def _free_bay_for(ws, card):
    """Another bay of the job's kind with no car in repair in it."""
    return next((b for b in ws.model.board.bays if b.kind == bay_kind(card.job.trade)
                 and b.id != card.job.bay_id and moves.occupant(ws.model.board, b.id) is None),
                None)


def _movable(ws):
    """A dispatched job whose bay holds another car in repair, with a free bay of its kind."""
    def fits(card):
        there = moves.occupant(ws.model.board, card.job.bay_id)
        return (card.lane == "dispatched" and _free_bay_for(ws, card) is not None
                and there is not None and there.job.work_order_id != card.job.work_order_id)
    return next(c for c in ws.model.rows if fits(c))


@pytest.mark.efficiency
def test_one_drop_on_a_bay_moves_the_job_there(qtbot, board, demo_orders_db):
    card = _movable(board)
    target = _free_bay_for(board, card)
    assert "waiting" not in _bay_text(board, target.id)
    robot = Robot(qtbot)
    assert _drop_on_bay(robot, board, card, target.id)
    qtbot.waitUntil(lambda: board.model.card(card.id).job.bay_id == target.id, timeout=SHOWN_MS)
    robot.done("dispatcher: move a job to another bay (drag)", "dispatcher", 1)
    assert _line(demo_orders_db, card.id)[:2] == (card.job.technician_id, target.id)
    qtbot.waitUntil(lambda: "1 waiting" in _bay_text(board, target.id), timeout=SHOWN_MS)
    assert target.name in board.model.card(card.id).job.bay_name


def test_a_bay_of_another_kind_or_with_a_car_in_repair_refuses_the_drop(
        qtbot, board, demo_orders_db, dispatcher):  # noqa: F811
    robot = Robot(qtbot)
    card = _movable(board)
    other_kind = next(b for b in board.model.board.bays if b.kind != bay_kind(card.job.trade))
    before = _line(demo_orders_db, card.id)
    assert not _drop_on_bay(robot, board, card, other_kind.id)
    assert board.message_bar.isVisible()
    assert other_kind.name in board.message_bar.text() and "bay" in board.message_bar.text()
    assert board.model.last_refusal == board.message_bar.text()
    # the job moves out of its bay (another seat); its old bay still has a car in repair
    old_bay = card.job.bay_id
    busy = moves.occupant(board.model.board, old_bay)
    dispatch.assign_job(demo_orders_db, dispatcher, card.id, _free_bay_for(board, card).id,
                        card.job.technician_id)
    board.refresh()
    qtbot.waitUntil(lambda: board.model.card(card.id).job.bay_id != old_bay, timeout=SHOWN_MS)
    moved = board.model.card(card.id)
    before = _line(demo_orders_db, card.id)
    assert not _drop_on_bay(robot, board, moved, old_bay)
    assert "busy" in board.message_bar.text() and busy.job.plate in board.message_bar.text()
    qtbot.wait(50)  # nothing was sent: no command is on its way
    assert not board.ctx.runner.busy
    assert _line(demo_orders_db, card.id) == before
    assert f"● {busy.job.plate}" in _bay_text(board, old_bay)


def test_ctrl_m_b_refuses_a_bay_of_another_kind_in_the_message_bar(qtbot, board, demo_orders_db):
    board.show_board("plan")
    card = _movable(board)
    assert board.board_page.select_card(card.id)
    other_kind = next(n for n, b in enumerate(board.model.board.bays, 1)
                      if b.kind != bay_kind(card.job.trade))
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+M")
    menu = board.board_page.menu
    qtbot.waitUntil(lambda: menu.isVisible(), timeout=SHOWN_MS)
    robot.key(menu, Qt.Key.Key_B)
    bays = menu.findChild(type(menu))
    qtbot.waitUntil(lambda: bays.isVisible(), timeout=SHOWN_MS)
    robot.key(bays, getattr(Qt.Key, f"Key_{other_kind}"))
    qtbot.waitUntil(lambda: board.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "bay" in board.message_bar.text()
    assert _line(demo_orders_db, card.id)[1] == card.job.bay_id


def test_a_stale_board_lets_the_drop_go_and_the_service_refuses_it(
        qtbot, board, demo_orders_db, dispatcher):  # noqa: F811
    """Another seat puts a car in repair in the free bay after the board was read: the board
    does not know yet and sends the move; the service refuses it with the reason (DESIGN §10)
    and nothing changes."""
    card = _movable(board)
    target = _free_bay_for(board, card)
    other = next(c for c in board.model.rows if c.lane == "waiting"
                 and bay_kind(c.job.trade) == target.kind
                 and c.job.work_order_id != card.job.work_order_id)
    on_a_job = {name for c in board.model.rows for name in c.job.clocked_on}
    tech = next(u for n, u in workshop_users(demo_orders_db).items()
                if n.startswith("tech") and u.display_name not in on_a_job)
    dispatch.assign_job(demo_orders_db, dispatcher, other.id, target.id, tech.id)
    dispatch.clock_on(demo_orders_db, tech, other.id)
    before = _line(demo_orders_db, card.id)
    robot = Robot(qtbot)
    assert _drop_on_bay(robot, board, card, target.id)  # what the board shows: a free bay
    qtbot.waitUntil(lambda: board.message_bar.isVisible()
                    and other.job.plate in board.message_bar.text(), timeout=SHOWN_MS)
    assert "busy" in board.message_bar.text() and target.name in board.message_bar.text()
    assert _line(demo_orders_db, card.id) == before
