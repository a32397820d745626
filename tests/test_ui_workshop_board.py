"""The workshop board on the real widgets, signed in as the demo dispatcher over the demo
workshop (orders in every state): each job in its lane in both views, a job given to a
technician by one drop through the model's drop handling or by Ctrl+M and a digit, an illegal
drop refused with the reason and nothing changed, pause and resume by drag, and a second
seat's clock-on moving the card (live feed) without a reset and without losing a drag."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dms.auth import authenticate
from dms.db import Database, make_engine
from dms.models import LabourLine, User, WorkOrder
from dms.ui.shell.feed import LiveFeed
from dms.ui.workshop import moves
from dms.ui.workshop.board_page import PLAN, STATE
from dms.ui.workshop.cards import urgency
from dms.ui.workshop.model import BoardModel
from dms.workshop import dispatch, kanban
from dms.workshop.trades import bay_kind
from robot import Robot

SHOWN_MS = 10_000
MOVE = Qt.DropAction.MoveAction


@pytest.fixture
def dispatcher(demo_orders_db):
    return authenticate(demo_orders_db, "dispatcher1", "demo123")


@pytest.fixture
def board(qtbot, open_window, demo_orders_db, dispatcher):
    window = open_window(demo_orders_db, dispatcher)
    ws = window.show_workspace("workshop")
    qtbot.waitUntil(lambda: ws.loaded, timeout=SHOWN_MS)
    return ws


def _lane(ws, view, lane):
    return ws.board_page.lanes[view][lane]


def _jobs(lane) -> list[int]:
    model = lane.model
    return [model.index(r, 0).data(BoardModel.CardRole).id for r in range(model.rowCount())]


def _first(ws, lane_key, view=STATE, where=lambda c: True):
    lane = _lane(ws, view, lane_key)
    return next(ws.model.card(j) for j in _jobs(lane) if where(ws.model.card(j)))


def _has_free_bay(ws):
    """Whether a bay of the card's kind has no other car in repair (the service refuses else)."""
    def free(card):
        return any(b.kind == bay_kind(card.job.trade) and moves.occupant(ws.model.board, b.id)
                   is None for b in ws.model.board.bays)
    return free


def _clocked_on(qtbot, ws, db):
    """A card in repair with its technician clocked on. After the shift (18:00) the demo has
    clocked everyone off, so the card's technician clocks on again from his terminal."""
    clocked = lambda c: bool(c.job.clocked_on)  # noqa: E731
    card = _first(ws, "in_repair")
    if not any(clocked(ws.model.card(j)) for j in _jobs(_lane(ws, STATE, "in_repair"))):
        with db.reading() as s:
            name = s.get(User, card.job.technician_id).username
        dispatch.clock_on(db, authenticate(db, name, "demo123"), card.id)
        ws.refresh()
        qtbot.waitUntil(lambda: clocked(ws.model.card(card.id)), timeout=SHOWN_MS)
    return _first(ws, "in_repair", where=clocked)


def _drop(robot, ws, card, view, lane) -> bool:
    """One drag: the card's data, as a view makes it, dropped on the lane's model."""
    robot._count(f"drag {card.job.plate} to {lane}")
    data = ws.model.mimeData([ws.model.index(ws.model.row_of(card.id), 0)])
    lane_model = _lane(ws, view, lane).model
    if not lane_model.canDropMimeData(data, MOVE, -1, -1, QModelIndex()):
        lane_model.dropMimeData(data, MOVE, -1, -1, QModelIndex())  # says why, sends nothing
        return False
    return lane_model.dropMimeData(data, MOVE, -1, -1, QModelIndex())


def _line(db, job_id):
    with db.reading() as s:
        line = s.get(LabourLine, job_id)
        order = s.get(WorkOrder, line.work_order_id)
        return line.technician_id, line.bay_id, line.state, order.state, order.version


def test_every_job_is_in_its_lane_in_both_views(board, demo_orders_db, dispatcher,
                                                 qtmodeltester):
    expected = kanban.board(demo_orders_db, dispatcher)
    assert {c.lane for c in expected.cards} >= {"waiting", "dispatched", "in_repair", "qc",
                                                "rework", "ready"}
    for lane in kanban.LANES:
        assert sorted(_jobs(_lane(board, STATE, lane))) == sorted(
            c.id for c in expected.cards if c.lane == lane)
        assert f"({len(_jobs(_lane(board, STATE, lane)))})" in _lane(board, STATE, lane).head.text()
    planned = [c for c in expected.cards if c.lane not in ("qc", "ready")]
    for tech in expected.technicians:
        lane = _lane(board, PLAN, moves.tech_lane(tech.id))
        assert sorted(_jobs(lane)) == sorted(c.id for c in planned
                                             if c.job.technician_id == tech.id)
        assert tech.name in lane.head.text()
    assert sorted(_jobs(_lane(board, PLAN, moves.UNASSIGNED))) == sorted(
        c.id for c in planned if c.job.technician_id is None)
    qtmodeltester.check(board.model)
    qtmodeltester.check(_lane(board, STATE, "dispatched").model)


def test_card_colours_follow_the_promise_and_the_hours(board):
    card = board.model.row_at(0)
    promised = card.job.promised_at
    from datetime import timedelta

    on_time = card._replace(used_hours=card.job.billed_hours)
    assert urgency(on_time, promised - timedelta(hours=2)) == "green"
    assert urgency(on_time, promised - timedelta(minutes=59)) == "yellow"
    assert urgency(on_time, promised + timedelta(minutes=1)) == "red"
    over = card._replace(used_hours=card.job.billed_hours + 1)
    assert urgency(over, promised - timedelta(hours=2)) == "yellow"


@pytest.mark.efficiency
def test_one_drop_on_a_technician_dispatches_the_job(qtbot, board, demo_orders_db):
    card = _first(board, "waiting", where=_has_free_bay(board))
    tech = board.model.board.technicians[-1]
    robot = Robot(qtbot)
    assert _drop(robot, board, card, PLAN, moves.tech_lane(tech.id))
    lane = _lane(board, PLAN, moves.tech_lane(tech.id))
    qtbot.waitUntil(lambda: card.id in _jobs(lane), timeout=SHOWN_MS)
    robot.done("dispatcher: move a job to a bay / technician (drag)", "dispatcher", 1)
    technician, bay, *_ = _line(demo_orders_db, card.id)
    assert technician == tech.id
    assert bay in {b.id for b in board.model.board.bays if b.kind == bay_kind(card.job.trade)}
    assert card.id in _jobs(_lane(board, STATE, "dispatched"))
    assert tech.name in lane.head.text() and "h" in lane.head.text()


def test_a_drop_on_a_technician_is_refused_when_every_bay_of_the_kind_is_busy(
        qtbot, board, demo_orders_db):
    """The demo's mechanical bays both have a car in repair: a waiting mechanical job cannot be
    dispatched (the service's rule, `dispatch.check_bay`), and the board says so where it drops."""
    free = _has_free_bay(board)
    card = _first(board, "waiting", where=lambda c: not free(c))
    tech = board.model.board.technicians[-1]
    before = _line(demo_orders_db, card.id)
    assert not _drop(Robot(qtbot), board, card, PLAN, moves.tech_lane(tech.id))
    assert "busy" in board.message_bar.text() and "in repair" in board.message_bar.text()
    qtbot.wait(50)  # nothing was sent: no command is on its way
    assert not board.ctx.runner.busy and _line(demo_orders_db, card.id) == before
    assert card.id in _jobs(_lane(board, STATE, "waiting"))


@pytest.mark.efficiency
def test_ctrl_m_and_a_digit_move_a_job_to_a_technician(qtbot, board, demo_orders_db):
    robot = Robot(qtbot)
    board.show_board(PLAN)
    card = _first(board, moves.UNASSIGNED, PLAN, where=_has_free_bay(board))
    assert board.board_page.select_card(card.id)
    techs = list(board.board_page.lanes[PLAN])  # "unassigned" is 1, the technicians 2, 3...
    target = techs[2]
    robot.shortcut("Ctrl+M")
    menu = board.board_page.menu
    qtbot.waitUntil(lambda: menu is not None and menu.isVisible(), timeout=SHOWN_MS)
    robot.key(menu, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: card.id in _jobs(_lane(board, PLAN, target)), timeout=SHOWN_MS)
    robot.done("dispatcher: move a job to a bay / technician (keys)", "dispatcher", 2)
    assert _line(demo_orders_db, card.id)[0] == int(target[5:])


def test_ctrl_m_b_and_a_digit_move_a_job_to_another_bay(qtbot, board, demo_orders_db):
    """To a free bay of the job's kind (the board refuses others: tests/test_ui_workshop_bays)."""
    board.show_board(PLAN)
    bays = board.model.board.bays

    def free(c):
        return next((n for n, b in enumerate(bays) if b.kind == bay_kind(c.job.trade)
                     and b.id != c.job.bay_id and moves.occupant(board.model.board, b.id) is None),
                    None)
    card = _first(board, "dispatched", where=lambda c: free(c) is not None)
    second = bays[free(card)]
    assert board.board_page.select_card(card.id)
    robot = Robot(qtbot)
    robot.shortcut("Ctrl+M")
    menu = board.board_page.menu
    qtbot.waitUntil(lambda: menu.isVisible(), timeout=SHOWN_MS)
    robot.key(menu, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: menu.findChild(type(menu)).isVisible(), timeout=SHOWN_MS)
    robot.key(menu.findChild(type(menu)), getattr(Qt.Key, f"Key_{free(card) + 1}"))
    qtbot.waitUntil(lambda: board.model.card(card.id).job.bay_id == second.id, timeout=SHOWN_MS)
    assert _line(demo_orders_db, card.id)[:2] == (card.job.technician_id, second.id)
    assert second.name in board.model.card(card.id).job.bay_name


def test_quick_open_of_a_work_order_selects_its_card(board):
    card = _first(board, "qc")
    board.show_board(PLAN)
    assert board.open_target("work_order", card.job.work_order_id)
    assert board.board_page.view_name == STATE
    assert board.board_page.current_card().job.work_order_id == card.job.work_order_id
    assert not board.open_target("vehicle", 1)


def test_an_illegal_drop_is_refused_where_it_lands_and_nothing_changes(qtbot, board,
                                                                        demo_orders_db):
    robot = Robot(qtbot)
    busy = _clocked_on(qtbot, board, demo_orders_db)
    busy_before = _line(demo_orders_db, busy.id)
    card = _first(board, "dispatched")
    before = _line(demo_orders_db, card.id)
    assert not _drop(robot, board, card, STATE, "qc")
    assert board.message_bar.isVisible() and "QC desk" in board.message_bar.text()
    assert board.model.last_refusal == board.message_bar.text()
    # what the card shows refuses too, in the service's words: a job someone is clocked on
    other = next(t for t in board.model.board.technicians if t.id != busy.job.technician_id)
    assert not _drop(robot, board, busy, PLAN, moves.tech_lane(other.id))
    assert "clock off" in board.message_bar.text()
    qtbot.wait(50)  # nothing was sent: no command is on its way
    assert not board.ctx.runner.busy
    assert _line(demo_orders_db, card.id) == before
    assert _line(demo_orders_db, busy.id) == busy_before
    assert card.id in _jobs(_lane(board, STATE, "dispatched"))


def test_a_refusal_from_the_service_shows_in_the_message_bar(qtbot, board, demo_orders_db,
                                                            dispatcher):
    card = _first(board, "dispatched")
    tech = authenticate(demo_orders_db, "tech1", "demo123")
    stale = card  # the screen still shows the version before another seat's change
    dispatch.assign_job(demo_orders_db, dispatcher, card.id, card.job.bay_id, tech.id)
    board.send(moves.plan(stale, moves.tech_lane(board.model.board.technicians[-1].id),
                          board.model.board, dispatcher.roles))
    qtbot.waitUntil(lambda: board.message_bar.isVisible(), timeout=SHOWN_MS)
    assert "changed by" in board.message_bar.text()
    assert _line(demo_orders_db, card.id)[0] == tech.id


def test_pause_and_resume_by_dragging_between_lanes(qtbot, board, demo_orders_db):
    robot = Robot(qtbot)
    card = _first(board, "in_repair")
    assert _drop(robot, board, card, STATE, "paused_approval")
    qtbot.waitUntil(lambda: card.id in _jobs(_lane(board, STATE, "paused_approval")),
                    timeout=SHOWN_MS)
    with demo_orders_db.reading() as s:
        order = s.get(WorkOrder, card.job.work_order_id)
        assert (order.state, order.pause_reason) == ("PAUSED", "waiting_approval")
    paused = board.model.card(card.id)
    assert _drop(robot, board, paused, STATE, "in_repair")
    qtbot.waitUntil(lambda: board.model.card(card.id).job.order_state == "IN_REPAIR",
                    timeout=SHOWN_MS)


def test_a_second_seats_clock_on_moves_the_card_without_a_reset_or_a_lost_drag(
        qtbot, board, demo_orders_db):
    feed = LiveFeed(board.ctx.db, interval_s=0.1)
    feed.changed.connect(board.ctx.bus.collect)
    assert feed.wait_ready()
    card = _first(board, "dispatched")
    resets = []
    board.model.modelReset.connect(lambda: resets.append(1))
    dragged = board.model.mimeData([board.model.index(board.model.row_of(card.id), 0)])

    other_seat = Database(engine=make_engine(demo_orders_db.url))
    with other_seat.reading() as s:
        username = s.scalar(select(User.username).where(User.id == card.job.technician_id))
    tech = authenticate(other_seat, username, "demo123")
    _clock_off_everywhere(other_seat, tech)
    gc.collect()  # a long run holds much garbage: not collected inside the timed part
    dispatch.clock_on(other_seat, tech, card.id)
    in_repair = _lane(board, STATE, "in_repair")
    timeout = 1000 if demo_orders_db.backend == "postgresql" else 3000
    qtbot.waitUntil(lambda: card.id in _jobs(in_repair), timeout=timeout)
    assert not resets
    assert tech.display_name in board.model.card(card.id).job.clocked_on
    # the drag begun before the change still lands: pausing the car it now shows in repair
    assert _lane(board, STATE, "paused_parts").model.dropMimeData(
        dragged, MOVE, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: card.id in _jobs(_lane(board, STATE, "paused_parts")),
                    timeout=SHOWN_MS)
    feed.close()
    other_seat.dispose()


def _clock_off_everywhere(db, tech):
    """The demo leaves some technicians on a job; the test's technician starts free."""
    with db.reading() as s:
        lines = [e.labour_line_id for e in dispatch.open_clocks(s, technician_id=tech.id)]
    for line in lines:
        dispatch.clock_off(db, tech, line)


def test_keyboard_left_and_right_move_between_lanes(qtbot, board):
    board.show_board(STATE)
    page = board.board_page
    first = page.current_view()
    assert first is not None
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert page.current_view() is not first and QApplication.focusWidget() is page.current_view()


def test_four_other_seats_writing_move_cards_around_a_selected_card_that_stays_selected(
        qtbot, board, demo_orders_db):
    """While the dispatcher has a card selected, four other seats change the board: a car above
    it in its lane paused, a car resumed, a job given to another technician, a car in repair
    paused. The cards move by row signals only (no reset, no layout change: nothing flickers)
    and the selected card stays the current, selected one."""
    feed = LiveFeed(board.ctx.db, interval_s=0.1)
    feed.changed.connect(board.ctx.bus.collect)
    assert feed.wait_ready()
    board.show_board(STATE)
    lane = _lane(board, STATE, "dispatched")
    chosen = _jobs(lane)[-1]
    assert board.board_page.select_card(chosen)
    above = next(board.model.card(j) for j in _jobs(lane)[:-1]
                 if board.model.card(j).job.order_state == "IN_REPAIR"
                 and board.model.card(j).job.work_order_id
                 != board.model.card(chosen).job.work_order_id)
    paused = _first(board, "paused_parts")
    reassigned = next(board.model.card(j) for j in _jobs(lane)[:-1]
                      if board.model.card(j).job.work_order_id
                      not in (above.job.work_order_id, board.model.card(chosen).job.work_order_id))
    in_repair = _first(board, "in_repair", where=lambda c: c.job.work_order_id not in (
        above.job.work_order_id, board.model.card(chosen).job.work_order_id,
        reassigned.job.work_order_id))
    signals = []
    for model in (board.model, *board.model.lanes.values()):
        model.modelReset.connect(lambda: signals.append("reset"))
        model.layoutChanged.connect(lambda: signals.append("layout"))
    seats = [Database(engine=make_engine(demo_orders_db.url)) for _ in range(4)]
    dispatcher = authenticate(seats[0], "dispatcher1", "demo123")
    other_tech = next(t for t in board.model.board.technicians
                      if t.id != reassigned.job.technician_id)
    dispatch.pause(seats[0], dispatcher, above.job.work_order_id, "waiting_parts")
    dispatch.resume(seats[1], dispatcher, paused.job.work_order_id)
    dispatch.assign_job(seats[2], dispatcher, reassigned.id, reassigned.job.bay_id, other_tech.id)
    dispatch.pause(seats[3], dispatcher, in_repair.job.work_order_id, "waiting_approval")
    qtbot.waitUntil(lambda: above.id in _jobs(_lane(board, STATE, "paused_parts"))
                    and paused.id not in _jobs(_lane(board, STATE, "paused_parts"))
                    and board.model.card(reassigned.id).job.technician_id == other_tech.id
                    and in_repair.id in _jobs(_lane(board, STATE, "paused_approval")),
                    timeout=SHOWN_MS)
    assert not signals
    view = lane.view
    assert view.currentIndex().data(BoardModel.CardRole).id == chosen
    assert [i.data(BoardModel.CardRole).id for i in view.selectionModel().selectedIndexes()] == [
        chosen]
    assert board.board_page.current_card().id == chosen
    feed.close()
    for seat in seats:
        seat.dispose()


def test_a_card_is_drawn_again_when_what_it_says_turns_not_at_every_minute(qtbot, board):
    """A card's picture is kept while its text stays the same, across the turn of the clock's
    minute; when its own dwell time turns it is drawn again (so the board's cards do not all
    turn at the same second)."""
    from datetime import datetime, timedelta, timezone

    from PySide6.QtGui import QImage, QPainter, QPixmapCache, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem

    from dms.ui.workshop.cards import CardDelegate

    QPixmapCache.clear()
    since = datetime(2026, 12, 7, 9, 0, 30, tzinfo=timezone.utc)
    card = _first(board, "dispatched")._replace(since=since)
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(card, Qt.ItemDataRole.UserRole + 1)
    model.appendRow(item)
    delegate, drawn = CardDelegate(), []
    delegate._draw = lambda *args: drawn.append(args[3])  # the `now` it was drawn for
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 240, 160)
    image = QImage(240, 160, QImage.Format.Format_ARGB32)

    def paint_at(hour, minute, second):
        delegate.now = lambda: datetime(2026, 12, 7, hour, minute, second, tzinfo=timezone.utc)
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(0, 0))
        painter.end()

    for moment in ((10, 30, 31), (10, 30, 59), (10, 31, 1), (10, 31, 29)):  # "1 h 30" here
        paint_at(*moment)
    assert len(drawn) == 1
    paint_at(10, 31, 31)  # "1 h 31"
    assert len(drawn) == 2


def test_a_board_shown_draws_its_cards_over_several_passes_never_all_in_one(qtbot, board,
                                                                            monkeypatch):
    """Drawing a card for the first time takes about a millisecond: a pass of the event loop
    draws cards for at most `BUDGET_S`, outlines the others and paints again after the event
    loop has had its turn, until every card shown is drawn (DESIGN §9: GUI lag max 50 ms)."""
    from PySide6.QtGui import QPixmapCache

    from dms.ui.workshop.cards import CardDelegate

    delegate = board.board_page.delegate
    monkeypatch.setattr(CardDelegate, "BUDGET_S", 0.0)  # a pass draws one card
    passes, drawn = [], []
    draw = delegate._draw
    monkeypatch.setattr(delegate, "_draw", lambda *args: (drawn.append(args[2].id),
                                                          draw(*args))[1])
    end_pass = delegate._end_pass
    monkeypatch.setattr(delegate, "_end_pass", lambda: (passes.append(len(drawn)),
                                                        end_pass())[1])
    QPixmapCache.clear()
    views = [lane.view for lane in board.board_page.lanes[STATE].values()]
    shown = {index.data(BoardModel.CardRole).id for view in views for index in _visible(view)}
    assert len(shown) > 3
    for view in views:
        view.viewport().update()
    qtbot.waitUntil(lambda: shown <= set(drawn), timeout=SHOWN_MS)
    steps = [b - a for a, b in zip([0, *passes], passes)]
    assert steps and max(steps) == 1, steps  # one card a pass, the rest outlined meanwhile
    assert len(passes) >= len(shown)


def _visible(view):
    """The indexes of the cards `view` shows."""
    rect = view.viewport().rect()
    return [view.model().index(row, 0) for row in range(view.model().rowCount())
            if view.visualRect(view.model().index(row, 0)).intersects(rect)]


def test_a_view_switched_to_leaves_its_first_pass_to_the_lanes_layout(qtbot, board,
                                                                       monkeypatch):
    """Switching to the plan lays out a lane per technician first (about 17 ms on the large
    database): that counts against the budget of the pass that paints the plan, so the pass
    outlines its cards and the next passes draw them."""
    from PySide6.QtGui import QPixmapCache

    from dms.ui.workshop.cards import CardDelegate

    page = board.board_page
    delegate = page.delegate
    monkeypatch.setattr(CardDelegate, "BUDGET_S", 0.0)
    passes, painted = [], []  # (pass, "drawn" or "outlined", card) once the plan is shown
    draw, outline = delegate._draw, delegate._outline
    monkeypatch.setattr(delegate, "_draw", lambda *args: (
        painted.append((len(passes), "drawn", args[2].id)), draw(*args))[1])
    monkeypatch.setattr(delegate, "_outline", lambda *args: (
        painted.append((len(passes), "outlined", None)), outline(*args))[1])
    end_pass = delegate._end_pass
    monkeypatch.setattr(delegate, "_end_pass", lambda: (passes.append(1), end_pass())[1])
    QPixmapCache.clear()
    page.show_view(PLAN)  # the lanes by state are hidden from here on: what paints is the plan
    painted.clear()
    qtbot.waitUntil(lambda: bool(painted), timeout=SHOWN_MS)
    first = painted[0][0]
    views = [lane.view for lane in page.lanes[PLAN].values()]
    shown = {index.data(BoardModel.CardRole).id for view in views for index in _visible(view)}
    assert shown
    qtbot.waitUntil(lambda: shown <= {card for _, how, card in painted if how == "drawn"},
                    timeout=SHOWN_MS)
    assert {how for at, how, _ in painted if at == first} == {"outlined"}
