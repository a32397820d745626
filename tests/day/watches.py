"""What the next seat's screen must come to show, with no reload: `(prepare(seat, **args),
shown(seat, **args) -> bool)`. `prepare` brings the screen where the person would look before
the change happens; `shown` is then checked every millisecond by the seat's event loop, and
reads only what is on the screen (no database, no refresh)."""

from __future__ import annotations

from day.steps import follow_up_id, qc_row, terminal, tomorrow, wait


def _book_tomorrow(seat, **_):
    desk = seat.window.show_workspace("frontdesk")
    desk.show_book()
    page = desk.book_page
    page.show_day(tomorrow())
    wait(seat, lambda: page.capacity is not None and page.capacity.day == tomorrow())


def _booked(seat, plate: str, status: str = "booked") -> bool:
    page = seat.window.workspace("frontdesk").book_page
    rows = [page.bookings.row_at(r) for r in range(page.bookings.rowCount())]
    return any(r.plate == plate and r.status == status for r in rows)


def _board(seat, **_):
    ws = seat.window.show_workspace("workshop")
    ws.show_board()
    wait(seat, lambda: ws.loaded)


def _on_board(seat, number: str, lane: str) -> bool:
    ws = seat.window.workspace("workshop")
    cards = [c for c in ws.model.board.cards if c.job.number == number]
    return bool(cards) and any(c.lane == lane for c in cards)


def _parts_issued(seat, number: str) -> bool:
    ws = seat.window.workspace("workshop")
    cards = [c for c in ws.model.board.cards if c.job.number == number and c.parts != "none"]
    return bool(cards) and all(c.parts == "issued" for c in cards)


def _my_jobs(seat, **_):
    ws = terminal(seat)
    wait(seat, lambda: not ws.jobs_page.model.loading)


def _tech_sees(seat, number: str, order_state: str, jobs: int | None = None,
               rework: bool = False) -> bool:
    rows = [j for j in seat.window.workspace("technician").jobs_page.model.rows
            if j.number == number]
    return (bool(rows) and all(j.order_state == order_state for j in rows)
            and (jobs is None or len(rows) == jobs)
            and (not rework or any(j.state == "rework" for j in rows)))


def _queue(seat, **_):
    desk = seat.window.show_workspace("frontdesk")
    desk.show_queue()
    wait(seat, lambda: not desk.queue_page.model.loading)


def _proposed(seat, number: str) -> bool:
    page = seat.window.workspace("frontdesk").queue_page
    return any(page.model.row_at(r).number == number for r in range(page.model.rowCount()))


def _qc_desk(seat, **_):
    ws = seat.window.show_workspace("workshop")
    ws.show_qc()
    wait(seat, lambda: not ws.qc_page.queue.loading)


def _at_qc(seat, number: str) -> bool:
    """Self-checked: waiting for the inspector (not for the technician's self-check)."""
    item = qc_row(seat, number)[2]
    return item is not None and item.level != "self"


def _order_page(seat, order_id: int, **_):
    """The advisor keeps the car's order open while it is elsewhere in the shop."""
    desk = seat.window.show_workspace("frontdesk")
    page = desk.order_page
    if not (desk.pages.currentWidget() is page and page.header is not None
            and page.header.id == order_id):
        desk.open_order(order_id)
        wait(seat, lambda: page.header is not None and page.header.id == order_id
             and page.lines is not None)


def _order_state(seat, order_id: int, state: str) -> bool:
    page = seat.window.workspace("frontdesk").order_page
    return page.lines is not None and page.lines.state == state


def _cashier_queue(seat, **_):
    desk = seat.window.show_workspace("cashier")
    wait(seat, lambda: not desk.queue_page.model.loading)


def _to_pay(seat, number: str) -> bool:
    model = seat.window.workspace("cashier").queue_page.model
    return any(model.row_at(r).number == number for r in range(model.rowCount()))


def _follow_ups(seat, **_):
    """The agent looks at the calls of the next three days (the day runs on the real clock:
    the call due 24 h after delivery is tomorrow's)."""
    ws = seat.window.show_workspace("care")
    ws.show_tab(1)
    ws.follow_ups.due.setCurrentIndex(ws.follow_ups.due.findData(3))
    wait(seat, lambda: not ws.follow_ups.model.loading)


def _to_call(seat, number: str, done: bool = False) -> bool:
    page = seat.window.workspace("care").follow_ups
    return (follow_up_id(page, number) is None) if done else (
        follow_up_id(page, number) is not None)


WATCHES = {
    "booked": (_book_tomorrow, _booked),
    "board": (_board, _on_board),
    "parts_issued": (_board, _parts_issued),
    "my_jobs": (_my_jobs, _tech_sees),
    "added_work_queue": (_queue, _proposed),
    "qc_desk": (_qc_desk, _at_qc),
    "order": (_order_page, _order_state),
    "cashier_queue": (_cashier_queue, _to_pay),
    "follow_ups": (_follow_ups, _to_call),
}
