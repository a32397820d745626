"""The lounge board on the real widget: 60 open orders render, page by page, with masked
plates, steps and times only; another seat's change appears through the live feed (no refresh
asked for, no timer) without a reset, and still nothing personal."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

import pytest
from sqlalchemy import select

from dms import clock
from dms.models import Customer, Vehicle
from dms.ui.lounge.board import LoungeBoard
from dms.ui.tasks import TaskRunner
from dms.workshop.reception import CheckIn, check_in

from builders import bay_ids, login

SHOWN_MS = 10_000


@pytest.fixture
def board(qtbot, demo_db):
    from dms.ui import i18n

    i18n.remove_translators()
    runner = TaskRunner()
    widget = LoungeBoard(demo_db, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()  # stops its change feed
    runner.shutdown()


def sixty_cars(db):
    advisor = login(db, "advisor1")
    with db.reading() as s:
        cars = s.execute(select(Vehicle.id, Vehicle.mileage, Vehicle.plate, Customer.name,
                                Customer.mobile).join(Customer)
                         .where(Vehicle.plate.is_not(None)).order_by(Vehicle.id).limit(60)).all()
    promised = clock.now() + timedelta(hours=3)
    for car in cars:
        check_in(db, advisor, CheckIn(vehicle_id=car.id, mileage=(car.mileage or 0) + 10,
                                      fuel_level=4, complaint="保养", promised_at=promised))
    return cars


def shown_texts(board):
    model = board.model
    return [model.data(model.index(r, c)) for r in range(model.rowCount())
            for c in range(model.columnCount())]


def test_sixty_open_orders_render_page_by_page_and_nothing_personal(qtbot, board, demo_db):
    cars = sixty_cars(demo_db)
    board.start()
    qtbot.waitUntil(lambda: board.model.rowCount() == 60, timeout=SHOWN_MS)
    per_page = board.rows_per_page()
    assert 5 <= per_page < 60 and board.pages() == -(-60 // per_page)
    seen = set()
    for _ in range(board.pages()):
        visible = [r for r in range(60) if not board.table.isRowHidden(r)]
        assert 0 < len(visible) <= per_page
        seen |= set(visible)
        board.next_page()
    assert seen == set(range(60)) and board.page == 0  # back to the first page
    assert not board.grab().isNull()
    texts = shown_texts(board)
    for car in cars:
        assert not any(car.plate in t or car.name in t or (car.mobile and car.mobile in t)
                       for t in texts)
    plates = [board.model.data(board.model.index(r, 0)) for r in range(60)]
    assert {p[:2] for p in plates} <= {c.plate[:2] for c in cars}
    assert all("·***" in p for p in plates)
    assert {board.model.data(board.model.index(r, 1)) for r in range(60)} == {
        "Received, waiting"}
    assert "60 car(s)" in board.status.text() and "Page 1 of" in board.status.text()


def test_another_seats_change_appears_through_the_feed_without_a_reset(qtbot, board, demo_db):
    from dms.db import Database, make_engine
    from dms.models import LabourLine, WorkOrder
    from dms.workshop import dispatch, estimates
    from dms.workshop.cancellation import cancel

    cars = sixty_cars(demo_db)
    board.start()
    qtbot.waitUntil(lambda: board.model.rowCount() == 60, timeout=SHOWN_MS)
    assert board.feed.wait_ready()
    assert board._refresh_timer.interval() >= 60_000  # not a timer's doing below
    resets = []
    board.model.modelReset.connect(lambda: resets.append(1))
    other_seat = Database(engine=make_engine(demo_db.url))
    with other_seat.reading() as s:
        first, second = s.scalars(select(WorkOrder.id).order_by(WorkOrder.id).limit(2)).all()
    cancel(other_seat, login(other_seat, "advisor1"), first, "客户改期")
    qtbot.waitUntil(lambda: board.model.rowCount() == 59, timeout=SHOWN_MS)
    # a car going into repair moves on to "In repair" on the board
    advisor = login(other_seat, "advisor1")
    estimates.add_labour(other_seat, advisor, second, "JX01")
    estimates.issue_estimate(other_seat, advisor, second)
    estimates.approve_estimate(other_seat, advisor, second, "车主本人", "signature")
    with other_seat.reading() as s:
        job = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == second))
    tech = login(other_seat, "tech1")
    dispatch.assign_job(other_seat, login(other_seat, "dispatcher1"), job,
                        bay_ids(other_seat)["BAY3"], tech.id)  # JX01: a mechanical job
    dispatch.clock_on(other_seat, tech, job)
    qtbot.waitUntil(lambda: "In repair" in shown_texts(board), timeout=SHOWN_MS)
    assert not resets
    texts = shown_texts(board)
    for car in cars:
        assert not any(car.plate in t or car.name in t or (car.mobile and car.mobile in t)
                       for t in texts)
    other_seat.dispose()


def test_the_command_line_has_a_lounge_switch():
    from dms.__main__ import _parser

    args = _parser().parse_args(["lounge", "--store", "BJ01"])
    assert (args.command, args.store) == ("lounge", "BJ01")


def test_an_unknown_store_is_refused_on_the_command_line(demo_db, capsys):
    from dms.__main__ import main

    assert main(["lounge", "--store", "NOPE", "--url", demo_db.url]) != 0
    assert "NOPE" in capsys.readouterr().err
