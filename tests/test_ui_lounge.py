"""The lounge board on the real widget: 60 open orders render, page by page, with masked
plates, steps and times only; a change appears at the next refresh without a reset."""

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

from builders import login

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


def test_a_change_appears_at_the_next_refresh_without_a_reset(qtbot, board, demo_db):
    sixty_cars(demo_db)
    board.refresh()
    qtbot.waitUntil(lambda: board.model.rowCount() == 60, timeout=SHOWN_MS)
    resets = []
    board.model.modelReset.connect(lambda: resets.append(1))
    from dms.workshop.cancellation import cancel
    from dms.models import WorkOrder
    with demo_db.reading() as s:
        first = s.scalars(select(WorkOrder.id).order_by(WorkOrder.id)).first()
    cancel(demo_db, login(demo_db, "advisor1"), first, "客户改期")
    board.refresh()
    qtbot.waitUntil(lambda: board.model.rowCount() == 59, timeout=SHOWN_MS)
    assert not resets


def test_the_command_line_has_a_lounge_switch():
    from dms.__main__ import _parser

    args = _parser().parse_args(["lounge", "--store", "BJ01"])
    assert (args.command, args.store) == ("lounge", "BJ01")


def test_an_unknown_store_is_refused_on_the_command_line(demo_db, capsys):
    from dms.__main__ import main

    assert main(["lounge", "--store", "NOPE", "--url", demo_db.url]) != 0
    assert "NOPE" in capsys.readouterr().err
