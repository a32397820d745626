"""The cashier desk 收银台 workspace (DESIGN §9, §1 step 10).

Pages: the queue (the entry: scan the job card, or Enter on a row) → the order as the slip
shows it, with the payments being taken → F9 settles (invoice number) or takes the payment,
and the slip and the gate pass print at once: scan, Enter, F9. Refunds and credit notes print
their slip; F6 shows the day-end report 日结, printable and exportable.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QVBoxLayout

from dms.billing import desk, settlement as billing
from dms.billing.queries import settlement_view
from dms.reports import documents
from dms.reports.dayend import dayend_pdf, export_dayend
from dms.billing.dayend import day_end
from dms.ui import i18n
from dms.ui.cashier.dayend import DayEndPage
from dms.ui.cashier.dialogs import CreditDialog, RefundDialog
from dms.ui.cashier.queue import QueuePage
from dms.ui.cashier.settlement import SettlementPage
from dms.ui.common.printing import kind_name, print_document, show_document
from dms.ui.common.words import money
from dms.ui.shell.workspace import Workspace

ENTITIES = {"work_order", "settlement"}


def load_order(db, actor, work_order_id: int):
    """The slip's figures and the card that pays (two reads, one look at the desk)."""
    return settlement_view(db, actor, work_order_id), desk.member(db, actor, work_order_id)


def find_and_load(db, actor, text: str):
    """The order for what was scanned or typed, loaded: one trip off the GUI thread."""
    return load_order(db, actor, desk.find_order(db, actor, text))


def render_all(db, actor, number: str, kinds: tuple[str, ...], lang: str):
    return [(kind, documents.render(db, actor, kind, number, lang)) for kind in kinds]


class CashierDesk(Workspace):
    id = "cashier"
    roles = frozenset({"cashier"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("CashierDesk", "Cashier")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._order_task: int | None = None
        self.dialog = None
        self.queue_page = QueuePage(self)
        self.settlement_page = SettlementPage(self)
        self.dayend_page = DayEndPage(self)
        self.pages = QStackedWidget()
        for page in (self.queue_page, self.settlement_page, self.dayend_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.queue_page.find.connect(self.find)
        self.queue_page.open_order.connect(self.open_order)
        self.dayend_page.day_changed.connect(self.load_dayend)

        make, page = ctx.actions.make, self.settlement_page
        self.addAction(make("cashier.find", self, self.show_queue))
        self.addAction(make("cashier.dayend", self, self.show_dayend))
        self.settle_action = make("cashier.settle", page, self.settle)
        self.add_payment_action = make("cashier.add_payment", page,
                                       lambda: page.payments.add_row("wechat"))
        self.credit_action = make("cashier.credit", page, self.credit)
        self.refund_action = make("cashier.refund", page, self.refund)
        self.slip_action = make("cashier.preview_slip", page, self.preview_slip)
        self.gate_pass_action = make("cashier.gate_pass", page, self.gate_pass)
        back = make("cashier.back", page, self.show_queue)
        page.addActions([self.settle_action, self.add_payment_action, self.credit_action,
                         self.refund_action, self.slip_action, self.gate_pass_action, back])
        page.settle_button.clicked.connect(self.settle_action.trigger)
        page.add_button.clicked.connect(self.add_payment_action.trigger)
        for action in (self.credit_action, self.refund_action, self.slip_action,
                       self.gate_pass_action, back):
            page.add_button_for(action)
        day = self.dayend_page
        self.dayend_print_action = make("cashier.dayend_print", day, self.print_dayend)
        self.dayend_export_action = make("cashier.dayend_export", day, self.export_dayend)
        day.addActions([self.dayend_print_action, self.dayend_export_action,
                        make("cashier.back", day, self.show_queue)])
        day.print_button.clicked.connect(self.dayend_print_action.trigger)
        day.export_button.clicked.connect(self.dayend_export_action.trigger)
        day.export_button.setEnabled(self.dayend_export_action.isEnabled())
        self.queue_page.load()

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        page = self.pages.currentWidget()
        if page is self.settlement_page:
            return page.settle_button
        if page is self.dayend_page:
            return page.day
        return self.queue_page.search

    def wants(self, changes) -> bool:
        return any(c.entity in ENTITIES for c in changes)

    def apply_changes(self, changes) -> None:
        self.queue_page.refresh()
        view = self.settlement_page.view
        if view is not None and self.pages.currentWidget() is self.settlement_page:
            self._load(view.work_order_id, keep_payments=True)
        if self.pages.currentWidget() is self.dayend_page:
            self.load_dayend()

    def refresh(self) -> None:
        self.apply_changes([])

    def open_target(self, entity: str, key: int) -> bool:
        if entity == "work_order":
            self.open_order(key)
            return True
        return False

    # -- pages ------------------------------------------------------------------------------
    @Slot()
    def show_queue(self) -> None:
        self.pages.setCurrentWidget(self.queue_page)
        self.queue_page.refresh()
        self.queue_page.search.setFocus()
        self.queue_page.search.selectAll()

    @Slot(str)
    def find(self, text: str) -> None:
        self._order_task = self.read(find_and_load, text, on_result=lambda task, found: (
            self._on_order(task, found, False)))

    @Slot(int)
    def open_order(self, work_order_id: int) -> None:
        self._load(work_order_id)

    def _load(self, work_order_id: int, keep_payments: bool = False) -> None:
        self._order_task = self.read(load_order, work_order_id, on_result=lambda task, found: (
            self._on_order(task, found, keep_payments)))

    def _on_order(self, task_id: int, found, keep_payments: bool) -> None:
        if task_id != self._order_task:
            return
        view, member = found
        page = self.settlement_page
        page.show_settlement(view, member, keep_payments)
        can_pay = view.outstanding > 0 or view.state == "presettled"  # the settlement's state
        self.ctx.actions.set_enabled(self.settle_action, can_pay)
        self.ctx.actions.set_enabled(self.add_payment_action, view.outstanding > 0)
        self.ctx.actions.set_enabled(self.credit_action, view.state == "settled"
                                     and view.outstanding > 0 and not view.credit_approved)
        self.ctx.actions.set_enabled(self.refund_action, view.received > 0)
        self.ctx.actions.set_enabled(self.gate_pass_action, view.state == "settled")
        if self.pages.currentWidget() is not page:
            self.pages.setCurrentWidget(page)
            page.settle_button.setFocus()

    # -- taking money ----------------------------------------------------------------------
    @Slot()
    def settle(self) -> None:
        page = self.settlement_page
        if page.view is None or not self.settle_action.isEnabled():
            return
        self.settle_action.setEnabled(False)  # one press, one command
        self.command(desk.take_payment, page.view.work_order_id, page.payments.payments(),
                     on_result=self._settled, on_error=self._settle_failed)

    def _settle_failed(self, task_id: int, error) -> None:
        self.settle_action.setEnabled(True)
        self._failed(task_id, error)  # the rows stay as typed

    def _settled(self, _task_id: int, result) -> None:
        self.settle_action.setEnabled(True)
        number = self.settlement_page.view.work_order_number
        text = self.tr("{order}: {paid} received, invoice {invoice}, {outstanding} "
                       "outstanding.").format(order=number, paid=money(result.paid),
                                              invoice=result.invoice_no or "-",
                                              outstanding=money(result.outstanding))
        if result.gate_pass_number:
            text += " " + self.tr("Gate pass {number}.").format(number=result.gate_pass_number)
        kinds = (self.settlement_page.slip_kind(),) + (("gatepass",) if result.gate_pass_number
                                                      else ())
        self.print_now(number, kinds)
        if result.outstanding > 0:
            self._load(result.work_order_id)
        else:
            self.show_queue()
        self.message_bar.show_message(text)

    def print_now(self, number: str, kinds: tuple[str, ...]) -> None:
        """The documents straight to their printers (the preview, saying why, if one is not
        there)."""
        self.read(render_all, number, kinds, i18n.current_language(), on_result=lambda _t, docs: [
            print_document(self, kind, f"{kind_name(kind)} {number}", pdf) for kind, pdf in docs])

    def preview(self, kind: str, number: str) -> None:
        self.read(render_all, number, (kind,), i18n.current_language(), on_result=lambda _t, docs:
                  show_document(self, kind, f"{kind_name(kind)} {number}", docs[0][1]))

    @Slot()
    def preview_slip(self) -> None:
        view = self.settlement_page.view
        if view is not None:
            self.preview(self.settlement_page.slip_kind(), view.work_order_number)

    @Slot()
    def gate_pass(self) -> None:
        view = self.settlement_page.view
        if view is None:
            return
        if view.gate_pass_number:
            self.preview("gatepass", view.work_order_number)
            return
        self.command(billing.issue_gate_pass, view.work_order_id, on_result=lambda _t, _r: (
            self.print_now(view.work_order_number, ("gatepass",)),
            self._load(view.work_order_id)))

    # -- dialogs --------------------------------------------------------------------------------
    def _open(self, dialog, on_accept) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.open()

    @Slot()
    def credit(self) -> None:
        view = self.settlement_page.view
        if view is None:
            return
        dialog = CreditDialog(self, view)

        def done():
            if dialog.result_value.gate_pass_number:
                self.print_now(view.work_order_number, ("gatepass",))
            self._load(view.work_order_id)

        self._open(dialog, done)

    @Slot()
    def refund(self) -> None:
        view = self.settlement_page.view
        if view is None:
            return
        dialog = RefundDialog(self, view)

        def done():
            result = dialog.result_value
            self.read(documents.refund, result.refund_id, on_result=lambda _t, pdf: show_document(
                self, "refund", f"{kind_name('refund')} {result.number}", pdf))
            self._load(view.work_order_id)

        self._open(dialog, done)

    # -- day end ----------------------------------------------------------------------------------
    @Slot()
    def show_dayend(self) -> None:
        self.pages.setCurrentWidget(self.dayend_page)
        self.dayend_page.day.setFocus()
        self.load_dayend()

    @Slot()
    def load_dayend(self) -> None:
        self.read(day_end, self.dayend_page.chosen_day(),
                  on_result=lambda _t, report: self.dayend_page.show_report(report))

    @Slot()
    def print_dayend(self) -> None:
        day = self.dayend_page.chosen_day()
        self.read(dayend_pdf, day, on_result=lambda _t, pdf: show_document(
            self, "dayend", f"{kind_name('dayend')} {day:%Y-%m-%d}", pdf))

    @Slot()
    def export_dayend(self) -> None:
        day = self.dayend_page.chosen_day()
        dialog = QFileDialog(self, self.tr("Export the day-end report"),
                             f"dayend-{day:%Y%m%d}.xlsx", self.tr("Excel workbooks (*.xlsx)"))
        dialog.setObjectName("dayEndExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export_to(path, day))
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: str, day) -> None:
        self.read(export_dayend, day, path, i18n.current_language(), on_result=lambda _t, _r: (
            self.message_bar.show_message(self.tr("Exported to {path}.").format(path=path))),
            on_error=lambda task, error: self._write_failed(task, error, path))

    def _write_failed(self, task_id: int, error, path: str) -> None:
        if isinstance(error, OSError):
            self.message_bar.show_message(self.tr("Could not write {path}: {reason}").format(
                path=path, reason=error.strerror or error), "error")
        else:
            self._failed(task_id, error)

    def retranslate_ui(self) -> None:
        self.queue_page.retranslate_ui()
        self.settlement_page.retranslate_ui()
        self.dayend_page.retranslate_ui()
