"""Two customer-care agents on one call list: a customer the other agent reached, or booked,
leaves this agent's list within a second, in place (the selection and the rows stay); an
unreached call shows its result; and a call recorded from a list older than the other agent's
call is refused, so nobody is called twice."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.auth import authenticate
from dms.crm import reminders
from dms.db import Database, make_engine
from dms.models import AuditLog, Reminder
from dms.ui.care.calls import CallDialog
from dms.ui.shell.feed import LiveFeed

SHOWN_MS = 10_000


@pytest.fixture
def agents(demo_db):
    return authenticate(demo_db, "care1", "demo123")


@pytest.fixture
def second_seat(open_window, demo_db, qtbot):
    """The other agent's window on its own connection, hearing the first seat through the feed."""
    other = Database(engine=make_engine(demo_db.url))
    window = open_window(other, authenticate(other, "care1", "demo123"))
    feed = LiveFeed(other, interval_s=0.1)
    feed.changed.connect(window.bus.collect)
    assert feed.wait_ready()
    yield window
    feed.close()
    other.dispose()


def _calls(qtbot, window, rows=3):
    ws = window.show_workspace("care")
    ws.show_tab(0)
    page = ws.calls
    qtbot.waitUntil(lambda: page.model.rowCount() >= rows and not page.model.loading,
                    timeout=SHOWN_MS)
    return ws, page


def test_a_customer_reached_or_booked_by_another_agent_leaves_the_list_in_place(
        qtbot, second_seat, demo_db, agents):
    ws, page = _calls(qtbot, second_seat)
    model = page.model
    page.view.selectRow(2)
    chosen = model.row_at(2)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    first, second, third = (model.row_at(n) for n in (0, 1, 3))
    # the first agent's calls: one unreached, one reached, one booked
    reminders.record_call(demo_db, agents, first.reminder_id, "phone", "无人接听", reached=False)
    qtbot.waitUntil(lambda: model.row_at(model.row_of(first.reminder_id)).result == "无人接听",
                    timeout=SHOWN_MS)
    reminders.record_call(demo_db, agents, second.reminder_id, "phone", "已预约下周", reached=True)
    reminders.book_from_reminder(demo_db, agents, third.reminder_id,
                                 clock.now() + timedelta(days=2), confirm_overbooking=True)
    qtbot.waitUntil(lambda: model.row_of(second.reminder_id) < 0
                    and model.row_of(third.reminder_id) < 0, timeout=SHOWN_MS)
    assert not resets and page.selected().reminder_id == chosen.reminder_id


def test_a_call_on_a_customer_the_other_agent_reached_meanwhile_is_refused(
        qtbot, second_seat, demo_db, agents):
    ws, page = _calls(qtbot, second_seat)
    row = page.selected()
    ws.record_call()
    qtbot.waitUntil(lambda: isinstance(ws.dialog, CallDialog) and ws.dialog.isVisible(),
                    timeout=SHOWN_MS)
    dialog = ws.dialog
    dialog.result.setEditText("客户同意下周来店")
    reminders.record_call(demo_db, agents, row.reminder_id, "wechat", "已约好", reached=True)
    with demo_db.reading() as s:
        before = (s.get(Reminder, row.reminder_id).result,
                  s.scalar(select(func.count(AuditLog.id))))
    dialog.submit()
    qtbot.waitUntil(dialog.message_bar.isVisible, timeout=SHOWN_MS)
    assert "already reached" in dialog.message_bar.text()
    assert dialog.isVisible() and dialog.result.currentText() == "客户同意下周来店"
    with demo_db.reading() as s:
        assert (s.get(Reminder, row.reminder_id).result,
                s.scalar(select(func.count(AuditLog.id)))) == before
    qtbot.waitUntil(lambda: page.model.row_of(row.reminder_id) < 0, timeout=SHOWN_MS)
