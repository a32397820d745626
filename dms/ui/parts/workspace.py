"""The parts counter 配件前台 workspace (DESIGN §9): the warehouse clerk with a USB scanner.

One scan field sits above every page and has the focus whenever the counter is shown; what a
scan means depends on the page: picking (a job card opens its order, a part issues one unit),
parts (the part's card), receipts (one more unit on the receipt), stocktake (one more counted);
purchase orders are made, printed, exported, cancelled and received against from their own
page; supplier returns and transfers (a scan adds a unit to go out) on theirs, where a
transfer note's barcode, scanned on any page, opens the transfer to book it in; the store's
old parts on the last (a scanned job card or claim number filters them).
Feedback follows every scan: green, or red with a beep and the reason in the message bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout

from dms.errors import DomainError
from dms.parts import counter, old_parts, transfers
from dms.reports import documents, purchase
from dms.ui import i18n, messages
from dms.ui.common.printing import show_document
from dms.ui.common.scan_field import ScanField
from dms.ui.parts.catalogue import PartsPage
from dms.ui.parts.dialogs import (CancelOrderDialog, ExchangeDialog, OldPartDialog,
                                  OldPartMoveDialog, PostStocktakeDialog, ReturnDialog)
from dms.ui.parts.feedback import ScanFeedback
from dms.ui.parts.moves import MovesPage
from dms.ui.parts.old_parts import OldPartsPage
from dms.ui.parts.picking import PickingPage
from dms.ui.parts.purchasing import PurchasePage
from dms.ui.parts.receipts import ReceiptPage
from dms.ui.parts.stocktake import StocktakePage
from dms.ui.shell.workspace import Workspace

ENTITIES = {"work_order", "stock", "appointment", "old_part"}
LAZY = ("purchasing", "moves", "old_parts")  # pages read on their first show


class PartsCounter(Workspace):
    id = "counter"
    roles = frozenset({"warehouse_clerk"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("PartsCounter", "Parts counter")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.undo_stack: list[tuple[int, list[int]]] = []  # (order, issue movements) per scan
        self._printing = ("", "")  # the document being made: (kind, title)
        self._exported = ("", "")  # the purchase order being exported: (number, path)
        self.scan_field = ScanField()
        self.scan_field.setObjectName("scanField")
        self.scan_field.submitted.connect(self.scan)
        self.scan_label = QLabel()
        self.scan_label.setBuddy(self.scan_field)
        self.feedback = ScanFeedback()
        top = QHBoxLayout()
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 1)

        self.picking = PickingPage(self)
        self.parts = PartsPage(self)
        self.receipts = ReceiptPage(self)
        self.stocktake = StocktakePage(self)
        self.purchasing = PurchasePage(self)
        self.moves = MovesPage(self)
        self.old_parts = OldPartsPage(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("counterPages")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for page in (self.picking, self.parts, self.receipts, self.stocktake, self.purchasing,
                     self.moves, self.old_parts):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._on_page)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.tabs, 1)

        self._make_actions(ctx.actions.make)
        self.read(counter.choices, on_result=self._on_choices)
        self.setFocusProxy(self.scan_field)
        self.retranslate_ui()

    def _make_actions(self, make) -> None:
        """Each page's keys on the page (they work while it is shown), the switches on all."""
        order = self.picking.order_page
        order.addActions([make("counter.undo", order, self.undo),
                          make("counter.return", order, self.return_part),
                          make("counter.exchange", order, self.exchange_part),
                          make("counter.old_part", order, self.old_part),
                          make("counter.intake", order, self.intake),
                          make("counter.hand_over", order, self.hand_over),
                          make("counter.to_maker", order, self.to_maker),
                          make("counter.scrap", order, self.scrap),
                          make("counter.print_picking", order, self.print_picking),
                          make("counter.back", order, self.picking_back)])
        self.parts.addAction(make("counter.print_label", self.parts, self.print_label))
        self.receipts.addActions([make("counter.post_receipt", self.receipts, self.receipts.post),
                                  make("counter.drop_line", self.receipts,
                                       self.receipts.remove_line),
                                  make("counter.receipt_labels", self.receipts,
                                       self.print_receipt_labels)])
        self.stocktake.addAction(make("counter.post_stocktake", self.stocktake,
                                      self.post_stocktake))
        self.purchasing.addActions([
            make("counter.make_orders", self.purchasing, self.purchasing.make_orders),
            make("counter.receive_order", self.purchasing, self.receive_order),
            make("counter.cancel_order", self.purchasing, self.cancel_order),
            make("counter.print_order", self.purchasing, self.print_order),
            make("counter.export_order", self.purchasing, self.export_order)])
        self.moves.addActions([make("counter.post_move", self.moves, self.moves.post),
                               make("counter.drop_move_line", self.moves, self.moves.remove_line),
                               make("counter.receive_transfer", self.moves, self.moves.receive),
                               make("counter.print_transfer", self.moves, self.print_transfer)])
        olds = self.old_parts
        olds.addActions([make("counter.intake", olds, olds.intake),
                         make("counter.to_maker", olds, olds.to_maker),
                         make("counter.scrap", olds, olds.scrap)])
        self.addActions([make("counter.picking", self, self.show_picking),
                         make("counter.parts", self, self.show_parts),
                         make("counter.receipts", self, self.show_receipts),
                         make("counter.stocktake", self, self.show_stocktake),
                         make("counter.purchasing", self, self.show_purchasing),
                         make("counter.moves", self, self.show_moves),
                         make("counter.old_parts", self, self.show_old_parts)])
        for page in (order, self.parts, self.receipts, self.stocktake, self.purchasing,
                     self.moves, olds):
            page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        return self.scan_field

    def wants(self, changes) -> bool:
        return any(c.entity in ENTITIES for c in changes)

    def apply_changes(self, changes) -> None:
        self.tabs.currentWidget().refresh()

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def open_target(self, entity: str, key: int) -> bool:
        if entity == "work_order":
            self.show_picking()
            self.picking.open_order(key)
            return True
        return False

    # -- scans and their feedback -----------------------------------------------------------
    @Slot(str, bool)
    def scan(self, text: str, scanned: bool) -> None:
        if transfers.is_transfer_scan(text):  # a transfer note, wherever the clerk is
            self.show_moves()
            self.moves.open_scan(text)
            return
        self.tabs.currentWidget().scan(text, scanned)

    def focus_scan(self) -> None:
        self.scan_field.setFocus()

    def confirm(self, text: str) -> None:
        self.feedback.ok(text)

    def refuse(self, text: str) -> None:
        self.feedback.refused(text)
        self.message_bar.show_message(text, "error")
        self.focus_scan()

    @Slot(int, object)
    def scan_refused(self, _task_id: int, error: object) -> None:
        if isinstance(error, DomainError):
            self.refuse(messages.error_text(error))
        else:
            self.feedback.refused("")
            self.message_bar.show_error(error)

    def push_undo(self, order_id: int, movement_ids: list[int]) -> None:
        if movement_ids:
            self.undo_stack.append((order_id, movement_ids))

    # -- picking ------------------------------------------------------------------------------
    @Slot()
    def show_picking(self) -> None:
        self.tabs.setCurrentWidget(self.picking)
        self.focus_scan()

    @Slot(int, object)
    def _on_choices(self, _task_id: int, found) -> None:
        self.receipts.load_choices(found)
        self.moves.load_choices(found)
        self.stocktake.load_choices(found)
        self.stocktake.refresh_open()

    @Slot()
    def show_parts(self) -> None:
        self.tabs.setCurrentWidget(self.parts)
        self.parts.search.setFocus()
        self.parts.search.selectAll()

    @Slot()
    def show_receipts(self) -> None:
        self.tabs.setCurrentWidget(self.receipts)
        self.focus_scan()

    @Slot()
    def show_stocktake(self) -> None:
        self.tabs.setCurrentWidget(self.stocktake)
        self.focus_scan()

    @Slot()
    def show_purchasing(self) -> None:
        self.tabs.setCurrentWidget(self.purchasing)
        self.focus_scan()

    @Slot()
    def show_moves(self) -> None:
        self.tabs.setCurrentWidget(self.moves)
        self.focus_scan()

    @Slot()
    def show_old_parts(self) -> None:
        self.tabs.setCurrentWidget(self.old_parts)
        self.focus_scan()

    def _order_or_say(self):
        order = self.purchasing.selected_order()
        if order is None:
            self.refuse(self.tr("Select a purchase order first."))
        return order

    @Slot()
    def cancel_order(self) -> None:
        order = self._order_or_say()
        if order is not None:
            self.open_dialog(CancelOrderDialog(self, order))

    @Slot()
    def print_order(self) -> None:
        order = self._order_or_say()
        if order is not None:
            self._printing = ("purchase", self.tr("Purchase order {number}").format(
                number=order.number))
            self.read(purchase.purchase_order_pdf, order.id, on_result=self._on_pdf)

    @Slot()
    def export_order(self) -> None:
        order = self._order_or_say()
        if order is None:
            return
        dialog = QFileDialog(self, self.tr("Export the purchase order"), f"{order.number}.xlsx",
                             self.tr("Excel workbooks (*.xlsx)"))
        dialog.setObjectName("purchaseExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export_order_to(order, path))
        self.open_dialog(dialog)

    def export_order_to(self, order, path: str) -> None:
        self._exported = (order.number, path)
        self.read(purchase.export_purchase_order, order.id, path, i18n.current_language(),
                  on_result=self._on_exported, on_error=self.scan_refused)

    @Slot(int, object)
    def _on_exported(self, _task_id: int, _result) -> None:
        number, path = self._exported
        self.confirm(self.tr("Purchase order {number} exported to {path}.").format(
            number=number, path=path))

    @Slot()
    def receive_order(self) -> None:
        order = self.purchasing.selected_order()
        if order is None or order.status in ("received", "cancelled"):
            self.refuse(self.tr("Select a purchase order still waiting for goods."))
            return
        self.receipts.receive_against(order)
        self.show_receipts()

    @Slot()
    def post_stocktake(self) -> None:
        sheet = self.stocktake.sheet
        if sheet is None or sheet.status != "counting":
            self.refuse(self.tr("Start or choose a stocktake first."))
            return
        self.open_dialog(PostStocktakeDialog(self, sheet))

    @Slot()
    def picking_back(self) -> None:
        self.picking.show_queue()
        self.focus_scan()

    @Slot()
    def undo(self) -> None:
        if not self.undo_stack:
            self.refuse(self.tr("There is no scan to undo."))
            return
        order_id, movements = self.undo_stack[-1]
        self.command(counter.undo_scan, movements, on_result=self._on_undone,
                     on_error=self.scan_refused)

    @Slot(int, object)
    def _on_undone(self, _task_id: int, result) -> None:
        order_id, _movements = self.undo_stack.pop()
        self.confirm(self.tr("The last scan is undone: the part is back in stock."))
        self.picking.open_order(order_id)

    def _line_or_say(self):
        line = self.picking.selected_line()
        if line is None:
            self.refuse(self.tr("Select a line of the order first."))
        return line

    @Slot()
    def return_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self.open_dialog(ReturnDialog(self, line))

    @Slot()
    def exchange_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self.open_dialog(ExchangeDialog(self, line, self.picking.taker.text()))

    @Slot()
    def old_part(self) -> None:
        line = self._line_or_say()
        if line is not None:
            self.open_dialog(OldPartDialog(self, line))

    @Slot()
    def intake(self) -> None:
        old = self._old_or_say()
        if old is None:
            return
        self.command(old_parts.move_old_part, old.id, "intake",
                     on_result=self._on_intake, on_error=self.scan_refused)

    @Slot(int, object)
    def _on_intake(self, _task_id: int, result) -> None:
        self.confirm(self.tr("The old part is in the old-part store."))
        self.picking.reload()

    def _old_or_say(self):
        old = self.picking.selected_old_part()
        if old is None:
            self.refuse(self.tr("Select an old part of the order first."))
        return old

    @Slot()
    def hand_over(self) -> None:
        """The customer takes the old part home: one key, no form."""
        old = self._old_or_say()
        if old is not None:
            self.command(old_parts.move_old_part, old.id, "hand_over",
                         on_result=self._on_handed_over, on_error=self.scan_refused)

    @Slot(int, object)
    def _on_handed_over(self, _task_id: int, result) -> None:
        self.confirm(self.tr("The old part is handed over to the customer."))
        self.picking.reload()

    @Slot()
    def to_maker(self) -> None:
        self._move_old("return_to_maker")

    @Slot()
    def scrap(self) -> None:
        self._move_old("scrap")

    def _move_old(self, action: str) -> None:
        old = self._old_or_say()
        if old is not None:
            self.open_dialog(OldPartMoveDialog(self, [old], action), self.picking.reload)

    # -- printing: the PDF is made off the GUI thread, then previewed ----------------------------
    @Slot()
    def print_picking(self) -> None:
        head = self.picking.head
        if head is not None:
            self._printing = ("picking", self.tr("Picking list {number}").format(
                number=head.number))
            self.read(documents.render, "picking", head.number, i18n.current_language(),
                      on_result=self._on_pdf)

    @Slot()
    def print_label(self) -> None:
        card = self.parts.card
        if card is None:
            self.refuse(self.tr("Scan or choose a part first."))
            return
        self._printing = ("labels", self.tr("Label {code}").format(code=card.code))
        self.read(documents.labels, [card.code], i18n.current_language(), on_result=self._on_pdf)

    @Slot()
    def print_receipt_labels(self) -> None:
        codes = self.receipts.label_codes()
        if not codes:
            self.refuse(self.tr("Scan the goods in first: there is no receipt to label."))
            return
        self._printing = ("labels", self.tr("Labels for the receipt ({count})").format(
            count=len(codes)))
        self.read(documents.labels, codes, i18n.current_language(), on_result=self._on_pdf,
                  on_error=self.scan_refused)

    @Slot()
    def print_transfer(self) -> None:
        note = self.moves.shown_transfer()
        if note is None:
            self.refuse(self.tr("Scan a transfer's note, send one or select one first."))
            return
        self._printing = ("transfer", self.tr("Transfer note {number}").format(
            number=note.number))
        self.read(documents.render, "transfer", note.scan_code, i18n.current_language(),
                  on_result=self._on_pdf, on_error=self.scan_refused)

    @Slot(int, object)
    def _on_pdf(self, _task_id: int, pdf: bytes) -> None:
        kind, title = self._printing
        show_document(self, kind, title, pdf)

    def open_dialog(self, dialog, on_accept=None):
        """The scan field has the focus again when a dialog closes."""
        dialog.finished.connect(self._dialog_closed)
        return super().open_dialog(dialog, on_accept or self.tabs.currentWidget().refresh)

    @Slot()
    def _dialog_closed(self) -> None:
        self.window().activateWindow()
        self.focus_scan()

    @Slot(int)
    def _on_page(self, _index: int) -> None:
        for name in LAZY:
            if self.tabs.currentWidget() is getattr(self, name):
                getattr(self, name).load()
        self.message_bar.clear()  # what was said about the last page's scan
        self.feedback.clear_feedback()
        self._render_hint()
        self.focus_scan()

    def _render_hint(self) -> None:
        hints = {self.picking: self.tr("Scan a job card, then its parts (or type a code and "
                                       "press Enter)"),
                 self.parts: self.tr("Scan a part to see its card"),
                 self.receipts: self.tr("Scan every unit received: each scan adds one"),
                 self.stocktake: self.tr("Scan every unit on the shelf: each scan counts one"),
                 self.purchasing: self.tr("Goods in against an order: select it, Ctrl+Shift+G"),
                 self.moves: self.tr("Scan every unit going out: each scan adds one; a "
                                     "transfer note's barcode opens it"),
                 self.old_parts: self.tr("Scan a job card or a claim number to see its old "
                                         "parts")}
        self.scan_field.setPlaceholderText(hints[self.tabs.currentWidget()])

    def retranslate_ui(self) -> None:
        self.scan_label.setText(self.tr("&Scan:"))
        self._render_hint()
        for page, text in ((self.picking, self.tr("Picking")), (self.parts, self.tr("Parts")),
                           (self.receipts, self.tr("Receipts")),
                           (self.stocktake, self.tr("Stocktake")),
                           (self.purchasing, self.tr("Purchase orders")),
                           (self.moves, self.tr("Returns and transfers")),
                           (self.old_parts, self.tr("Old parts"))):
            self.tabs.setTabText(self.tabs.indexOf(page), text)
            page.retranslate_ui()
