"""The cashier desk on the real widgets: a pre-settled order paid and its slip and gate pass
printed in three actions; payments split across methods, partial then final; an overpayment
refused with nothing changed; credit approved by a manager; a refund with points given back;
the day-end report adding up to the payments table to the fen. Printers are PDF files."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decimal import Decimal as D

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, update

from dms.billing import settlement as billing
from dms.billing.settlement import PaymentIn
from dms.models import (AuditLog, GatePass, Invoice, Membership, NumberSequence, Payment,
                        Refund, Settlement, Vehicle, WorkOrder)
from dms.ui.common.printing import PreviewDialog, print_lane
import pdf_printers
from builders import login, make_ready, member_vehicle
from robot import Robot

SHOWN_MS = 10_000


class Store:
    def __init__(self):
        self.settings = {"printers": {k: {"printer": "Counter"} for k in (
            "settlement", "settlement-receipt", "gatepass")}}

    def load(self):
        return dict(self.settings)

    def save(self, settings):
        self.settings = dict(settings)


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The counter's printer writes each job to a PDF file; the list holds (printer, path)."""
    return pdf_printers.install(monkeypatch, tmp_path, "Counter")


def _all_printed(printed, count: int) -> bool:
    """`count` jobs were sent to the printer and every one has been printed whole."""
    return len(printed) == count and not print_lane().busy


@pytest.fixture
def presettled(demo_db):
    order_id = make_ready(demo_db)
    billing.presettle(demo_db, login(demo_db, "advisor1"), order_id)
    return order_id


@pytest.fixture
def window(open_window, demo_db, printed):
    return open_window(demo_db, login(demo_db, "cashier1"), Store())


def _desk(window):
    return window.workspace("cashier")


def _order(db, order_id):
    with db.reading() as s:
        order = s.get(WorkOrder, order_id)
        st = s.scalars(select(Settlement).where(Settlement.work_order_id == order_id)).one()
        payments = sorted((p.method, p.amount, p.reference) for p in st.payments)
        gate = s.scalars(select(GatePass.number).where(GatePass.work_order_id == order_id)).first()
        return order.number, order.state, st.customer_share, st.outstanding, payments, gate


def _counts(db):
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (
            Payment, Invoice, GatePass, AuditLog)) + tuple(s.execute(select(
                NumberSequence.kind, NumberSequence.last_value).order_by(NumberSequence.kind)))


def _open(qtbot, desk, order_id):
    desk.open_order(order_id)
    page = desk.settlement_page
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is page and page.view is not None
                    and page.view.work_order_id == order_id, timeout=SHOWN_MS)
    return page


def _pages(path) -> int:
    doc = pdfium.PdfDocument(path)
    count = len(doc)
    doc.close()
    return count


@pytest.mark.efficiency
def test_presettled_order_paid_and_printed_in_three_actions(qtbot, presettled, window, demo_db,
                                                            printed):
    number, _state, share, *_ = _order(demo_db, presettled)
    desk = _desk(window)
    qtbot.waitUntil(lambda: desk.queue_page.model.rowCount() == 1, timeout=SHOWN_MS)
    assert desk.queue_page.model.row_at(0).number == number
    robot = Robot(qtbot)
    assert QApplication.focusWidget() is desk.queue_page.search
    robot.type(desk.queue_page.search, number)  # the job card's barcode, scanned
    robot.key(desk.queue_page.search, Qt.Key.Key_Return)
    page = desk.settlement_page
    qtbot.waitUntil(lambda: page.view is not None and page.isVisible(), timeout=SHOWN_MS)
    assert page.payments.figures() == (share, D("0.00"), D("0.00"))
    robot.shortcut("F9")
    qtbot.waitUntil(lambda: _all_printed(printed, 2)
                    and desk.pages.currentWidget() is desk.queue_page, timeout=SHOWN_MS)
    robot.done("cashier: pre-settled order → paid, slip and gate pass printed", "cashier", 4)
    _number, state, _share, outstanding, payments, gate = _order(demo_db, presettled)
    assert (state, outstanding, payments) == ("SETTLED", D("0.00"), [("cash", share, None)])
    assert gate is not None and gate in desk.message_bar.text()
    assert all(_pages(path) >= 1 for _name, path in printed)
    qtbot.waitUntil(lambda: desk.queue_page.model.rowCount() == 0, timeout=SHOWN_MS)


def test_split_payment_across_three_methods(qtbot, presettled, window, demo_db, printed):
    share = _order(demo_db, presettled)[2]
    page = _open(qtbot, _desk(window), presettled)
    editor = page.payments
    editor.rows[0].amount.setText("100.00")
    wechat = editor.add_row("wechat")
    wechat.amount.setText("50")
    wechat.reference.setText("WX4200001")
    card = editor.add_row("card")
    assert card.amount.text() == f"{share - 150:.2f}"  # the new row takes what is left
    card.reference.setText("POS778")
    assert editor.figures() == (share, D("0.00"), D("0.00"))
    page.slip.setCurrentIndex(1)  # the 80 mm receipt, remembered for this workstation
    assert window.settings_store.settings["cashier_slip"] == "settlement-receipt"
    _desk(window).settle_action.trigger()
    qtbot.waitUntil(lambda: _all_printed(printed, 2), timeout=SHOWN_MS)
    doc = pdfium.PdfDocument(printed[0][1])
    assert round(doc.get_page_size(0)[0] / 72 * 25.4) == 80  # on the roll's own width
    doc.close()
    payments = _order(demo_db, presettled)[4]
    assert payments == sorted([("cash", D("100.00"), None), ("wechat", D("50.00"), "WX4200001"),
                               ("card", share - 150, "POS778")])


def test_partial_then_final_payment(qtbot, presettled, window, demo_db, printed):
    share = _order(demo_db, presettled)[2]
    desk = _desk(window)
    page = _open(qtbot, desk, presettled)
    page.payments.rows[0].amount.setText("100")
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: page.view.outstanding == share - 100 and len(printed) > 0, timeout=SHOWN_MS)
    assert len(printed) == 1  # the slip; no gate pass with a balance outstanding
    assert _order(demo_db, presettled)[1:4:2] == ("SETTLED", share - 100)
    assert "Take payment" in page.settle_button.text()
    assert page.payments.figures() == (share - 100, D("0.00"), D("0.00"))
    qtbot.waitUntil(lambda: desk.queue_page.model.rowCount() == 1, timeout=SHOWN_MS)
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: len(printed) == 3, timeout=SHOWN_MS)
    _n, _s, _sh, outstanding, payments, gate = _order(demo_db, presettled)
    assert outstanding == 0 and gate is not None
    assert [p[1] for p in payments] == sorted([D("100.00"), share - 100])


def test_overpay_is_refused_and_changes_nothing_but_cash_gives_change(qtbot, presettled, window,
                                                                      demo_db, printed):
    share = _order(demo_db, presettled)[2]
    desk = _desk(window)
    page = _open(qtbot, desk, presettled)
    page.payments.rows[0].method.setCurrentIndex(page.payments.rows[0].method.findData("alipay"))
    page.payments.rows[0].amount.setText(f"{share + 10:.2f}")
    page.payments.rows[0].reference.setText("ALI001")
    before = _counts(demo_db)
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)
    assert "outstanding" in desk.message_bar.text()
    assert _counts(demo_db) == before and printed == []
    assert page.payments.rows[0].amount.text() == f"{share + 10:.2f}"  # kept as typed
    assert _order(demo_db, presettled)[1] == "PRESETTLED"
    row = page.payments.rows[0]
    row.method.setCurrentIndex(row.method.findData("cash"))  # the customer hands over more
    assert page.payments.figures() == (share, D("10.00"), D("0.00"))
    assert "change ¥10.00" in page.payments.summary.text()
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=SHOWN_MS)
    assert _order(demo_db, presettled)[4] == [("cash", share, None)]


def test_credit_needs_a_manager(qtbot, presettled, window, demo_db, printed):
    desk = _desk(window)
    page = _open(qtbot, desk, presettled)
    page.payments.rows[0].amount.setText("10")
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: page.view.received == D("10.00"), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: desk.credit_action.isEnabled(), timeout=SHOWN_MS)
    desk.credit_action.trigger()
    dialog = desk.dialog
    dialog.reason.setText("老客户月结")
    dialog.manager.setText("admin")
    dialog.password.setText("wrong")
    before = _counts(demo_db)[:3]
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message_bar.level == "error", timeout=SHOWN_MS)
    assert _counts(demo_db)[:3] == before and dialog.reason.text() == "老客户月结"
    dialog.password.setText("admin123")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible() and len(printed) == 2, timeout=SHOWN_MS)
    assert _order(demo_db, presettled)[5] is not None  # the gate pass, balance on credit


def test_a_credit_note_then_a_refund_gives_the_points_back(qtbot, window, demo_db, printed):
    vehicle = member_vehicle(demo_db, "diamond")
    order_id = make_ready(demo_db, vehicle.id)
    billing.presettle(demo_db, login(demo_db, "advisor1"), order_id)
    with demo_db.transaction() as s:
        s.execute(update(Membership).where(Membership.customer_id == vehicle.customer_id)
                  .values(points_balance=1_000_000))
    share = _order(demo_db, order_id)[2]
    desk = _desk(window)
    page = _open(qtbot, desk, order_id)
    assert "1000000 points" in page.member_label.text()
    row = page.payments.rows[0]
    row.method.setCurrentIndex(row.method.findData("points"))
    desk.settle_action.trigger()
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=SHOWN_MS)
    page = _open(qtbot, desk, order_id)
    for kind, amount in (("credit_note", "50"), ("refund", "50")):
        qtbot.waitUntil(lambda: desk.refund_action.isEnabled(), timeout=SHOWN_MS)
        desk.refund_action.trigger()
        dialog = desk.dialog
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.amount.setText(amount)
        dialog.reason.setText("工时费多收")
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SHOWN_MS)
        qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None, timeout=SHOWN_MS)
        preview = window.findChild(PreviewDialog)
        qtbot.waitUntil(preview.is_rendered, timeout=SHOWN_MS)
        assert preview.pages.count == 1
        preview.close()
        preview.deleteLater()
        qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is None, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        refund = s.scalars(select(Refund).where(Refund.kind == "refund")).one()
        assert refund.points_returned == 5000
        card = s.scalars(select(Membership).where(
            Membership.customer_id == vehicle.customer_id)).first()
        assert card.points_balance == 1_000_000 - int(share * 100) + 5000
    assert _order(demo_db, order_id)[2] == share - 50


def test_day_end_adds_up_to_the_payments_to_the_fen(qtbot, presettled, window, demo_db,
                                                    tmp_path, printed):
    cashier = login(demo_db, "cashier1")
    share = _order(demo_db, presettled)[2]
    third = (share / 3).quantize(D("0.01"))
    billing.settle(demo_db, cashier, presettled, [
        PaymentIn("cash", third), PaymentIn("wechat", third, "WX1"),
        PaymentIn("alipay", share - 2 * third, "ALI1")])
    desk = _desk(window)
    desk.show_dayend()
    day = desk.dayend_page
    qtbot.waitUntil(lambda: day.report is not None, timeout=SHOWN_MS)
    with demo_db.reading() as s:
        paid = list(s.execute(select(Payment.method, Payment.amount)))
    assert day.report.receipts == sum((a for _m, a in paid), D(0))
    for method, receipts, _refunds in day.report.by_method():
        assert receipts == sum((a for m, a in paid if m == method), D(0))
    assert day.lines.rowCount() == len({m for m, _a in paid})
    assert day.total_labels["receipts"].text() == f"¥{day.report.receipts:,.2f}"
    assert any(i.work_order_number == _order(demo_db, presettled)[0] for i in day.report.issued)
    desk.print_dayend()
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None, timeout=SHOWN_MS)
    qtbot.waitUntil(window.findChild(PreviewDialog).is_rendered, timeout=SHOWN_MS)
    assert window.findChild(PreviewDialog).pages.count >= 1
    path = tmp_path / "dayend.xlsx"
    desk.export_to(str(path), day.chosen_day())
    qtbot.waitUntil(lambda: "Exported" in desk.message_bar.text(), timeout=SHOWN_MS)
    from openpyxl import load_workbook

    sheet = load_workbook(path).worksheets[0]
    total = [row for row in sheet.iter_rows(values_only=True) if row[0] == "合计"
             or row[0] == "Total"][0]
    assert D(str(total[3])) == day.report.receipts
    desk.export_to(str(tmp_path / "no" / "such.xlsx"), day.chosen_day())
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)


def test_find_by_plate_and_invoice(qtbot, presettled, window, demo_db, printed):
    number, *_ = _order(demo_db, presettled)
    billing.settle(demo_db, login(demo_db, "cashier1"), presettled, [PaymentIn("cash", D("1"))])
    with demo_db.reading() as s:
        invoice = s.scalars(select(Settlement.invoice_no)
                            .where(Settlement.work_order_id == presettled)).one()
        plate = s.get(Vehicle, s.get(WorkOrder, presettled).vehicle_id).plate
    desk = _desk(window)
    for text in (invoice, plate.lower()):
        desk.show_queue()
        desk.queue_page.search.setText(text)
        desk.queue_page.search.returnPressed.emit()
        qtbot.waitUntil(lambda: desk.settlement_page.isVisible(), timeout=SHOWN_MS)
        assert desk.settlement_page.view.work_order_number == number
    desk.show_queue()
    desk.queue_page.search.setText("WO1999999999")
    desk.queue_page.search.returnPressed.emit()
    qtbot.waitUntil(lambda: desk.message_bar.level == "error", timeout=SHOWN_MS)
    assert desk.queue_page.search.text() == "WO1999999999"


def test_the_desks_models_pass_the_model_tester(qtbot, qtmodeltester, presettled, window,
                                                demo_db, printed):
    desk = _desk(window)
    qtbot.waitUntil(lambda: desk.queue_page.model.rowCount() == 1, timeout=SHOWN_MS)
    page = _open(qtbot, desk, presettled)
    desk.show_dayend()
    qtbot.waitUntil(lambda: desk.dayend_page.report is not None, timeout=SHOWN_MS)
    for model in (desk.queue_page.model, page.lines, page.paid, desk.dayend_page.lines,
                  desk.dayend_page.invoices):
        qtmodeltester.check(model)


def test_another_seats_payment_updates_the_desk_in_place(qtbot, presettled, window, demo_db,
                                                          printed):
    """Another cashier settles part of an order: the queue row and the open order follow
    without a reset; rows typed against the old balance start again (they would overpay)."""
    from dms.changes import Change

    desk = _desk(window)
    qtbot.waitUntil(lambda: desk.queue_page.model.rowCount() == 1, timeout=SHOWN_MS)
    resets = []
    desk.queue_page.model.modelReset.connect(lambda: resets.append(1))
    share = _order(demo_db, presettled)[2]
    billing.settle(demo_db, login(demo_db, "cashier1"), presettled,
                   [PaymentIn("card", D("20.00"), "POS1")])
    window.bus.collect([Change(0, "settlement", presettled, None)])  # as the live feed would
    qtbot.waitUntil(lambda: desk.queue_page.model.row_at(0).outstanding == share - 20,
                    timeout=SHOWN_MS)
    assert not resets
    page = _open(qtbot, desk, presettled)
    page.payments.rows[0].reference.setText("typed")
    shown = page.view
    window.bus.collect([Change(0, "work_order", presettled, None)])  # nothing paid: kept
    qtbot.waitUntil(lambda: page.view is not shown, timeout=SHOWN_MS)  # reloaded
    assert page.payments.rows[0].reference.text() == "typed"
