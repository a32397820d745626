"""Pre-settlement and delivery from the front desk on the real widgets: a READY order is
pre-settled (the slip opens in the preview, the order goes to the cashier), and once paid with
its gate pass the car is delivered with the keys and a follow-up call; without the keys it is
refused and the dialog keeps its choices."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from builders import make_ready
from dms.auth import authenticate
from dms.billing.settlement import PaymentIn, issue_gate_pass, settle
from dms.models import FollowUp, Settlement, WorkOrder

SHOWN_MS = 10_000


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def window(open_window, demo_db, advisor):
    return open_window(demo_db, advisor)


def _order_page(qtbot, window, wo, state):
    desk = window.workspace("frontdesk")
    desk.open_order(wo)
    page = desk.order_page
    qtbot.waitUntil(lambda: page.lines is not None and page.lines.state == state
                    and page.header is not None, timeout=SHOWN_MS)
    return desk, page


def test_pre_settle_then_deliver(qtbot, window, demo_db, advisor):
    wo = make_ready(demo_db)
    desk, page = _order_page(qtbot, window, wo, "READY")
    actions = desk.order_actions.actions
    assert actions["order.presettle"].isEnabled() and not actions["order.deliver"].isEnabled()
    assert not actions["estimate.issue"].isEnabled() and not page.add.isEnabled()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.lines.state == "PRESETTLED", timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: any(w.objectName() == "printPreview" and w.isVisible()
                                and w.kind == "settlement"
                                for w in QApplication.topLevelWidgets()), timeout=SHOWN_MS)
    assert "cashier" in desk.message_bar.text()
    cashier = authenticate(demo_db, "cashier1", "demo123")
    with demo_db.reading() as s:
        share = s.scalars(select(Settlement.customer_share)
                          .where(Settlement.work_order_id == wo)).one()
    settle(demo_db, cashier, wo, [PaymentIn("cash", share)])
    issue_gate_pass(demo_db, cashier, wo)
    page.reload()
    qtbot.waitUntil(lambda: page.lines.state == "SETTLED", timeout=SHOWN_MS)
    assert actions["order.deliver"].isEnabled()
    actions["order.deliver"].trigger()
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.objectName() == "deliverDialog"
                    and desk.dialog.isVisible(), timeout=SHOWN_MS)
    dialog = desk.dialog
    dialog.keys.setChecked(False)
    dialog.follow_up.setCurrentIndex(dialog.follow_up.findData(72))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert dialog.isVisible() and dialog.follow_up.currentData() == 72
    dialog.keys.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: page.lines.state == "DELIVERED", timeout=SHOWN_MS)
    with demo_db.reading() as s:
        order = s.get(WorkOrder, wo)
        follow_up = s.scalars(select(FollowUp).where(FollowUp.work_order_id == wo)).one()
        assert (follow_up.due_at - order.delivered_at).total_seconds() == 72 * 3600
