"""Purchase orders (采购, DESIGN §3): what to order — the workshop's open purchase needs and the
parts below their reorder point, by supplier — made into one order per supplier with one
command; the orders, and receiving against one (the receipts page takes its lines: each scan
counts one unit in, F9 books what came, in part or in full)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from dms.parts import purchasing
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import selected_row, table_view
from dms.ui.parts.words import po_statuses, qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight


def proposal_columns() -> list[Column]:
    return [
        Column(lambda: translate("PurchasePage", "Supplier"),
               lambda r: f"{r.supplier_code} {r.supplier_name}"),
        Column(lambda: translate("PurchasePage", "Part"), lambda r: r.part_code),
        Column(lambda: translate("PurchasePage", "Name"), lambda r: r.part_name),
        Column(lambda: translate("PurchasePage", "For orders"), lambda r: qty(r.for_orders), RIGHT),
        Column(lambda: translate("PurchasePage", "For stock"), lambda r: qty(r.for_stock), RIGHT),
        Column(lambda: translate("PurchasePage", "Order"), lambda r: qty(r.qty), RIGHT),
        Column(lambda: translate("PurchasePage", "Cost"), lambda r: words.money(r.unit_cost),
               RIGHT),
    ]


def order_columns() -> list[Column]:
    return [
        Column(lambda: translate("PurchasePage", "Purchase order"), lambda r: r.number),
        Column(lambda: translate("PurchasePage", "Supplier"),
               lambda r: f"{r.supplier_code} {r.supplier_name}"),
        Column(lambda: translate("PurchasePage", "Status"),
               lambda r: po_statuses().get(r.status, r.status)),
        Column(lambda: translate("PurchasePage", "Made"), lambda r: words.when(r.created_at)),
        Column(lambda: translate("PurchasePage", "Received / ordered"), lambda r: ", ".join(
            f"{x.part_code} {qty(x.qty_received)}/{qty(x.qty)}" for x in r.lines)),
    ]


class PurchasePage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("purchasePage")
        self.ws = workspace
        db, user, runner = workspace.ctx.db, workspace.ctx.user, workspace.ctx.runner
        self.proposal = PagedTableModel(runner, proposal_columns(),
                                        key=lambda r: r.part_id, parent=self)
        self.proposal.failed.connect(workspace.message_bar.show_error)
        self.proposal_view = table_view(self.proposal, "purchaseProposal",
                                        (22, 11, 14, 6, 6, 6), stretch=2)
        self.orders = PagedTableModel(runner, order_columns(), parent=self)
        self.orders.failed.connect(workspace.message_bar.show_error)
        self.orders_view = table_view(self.orders, "purchaseOrders", (11, 22, 8, 10), stretch=4)
        self.boxes = [QGroupBox(), QGroupBox()]
        for box, view in zip(self.boxes, (self.proposal_view, self.orders_view)):
            QVBoxLayout(box).addWidget(view)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.boxes[0])
        splitter.addWidget(self.boxes[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        self._fetches = (lambda offset, limit: purchasing.purchase_proposal(db, user)
                         if offset == 0 else [],
                         lambda offset, limit: purchasing.purchase_orders(db, user, None,
                                                                          offset, limit))
        self._loaded = False
        self.retranslate_ui()

    def load(self) -> None:
        """Read on first show: a clerk who never orders does not pay for the proposal."""
        if not self._loaded:
            self._loaded = True
            self.proposal.set_fetch(self._fetches[0])
            self.orders.set_fetch(self._fetches[1])

    def scan(self, text: str, scanned: bool) -> None:
        self.ws.refuse(self.tr("Scans count goods in on the receipts page (F6)."))

    @Slot()
    def make_orders(self) -> None:
        self.ws.command(purchasing.create_purchase_orders, on_result=self._on_made,
                        on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_made(self, _task_id: int, made) -> None:
        self.ws.confirm(self.tr("Purchase orders made: {numbers}.").format(
            numbers=", ".join(made.numbers)))
        self.refresh()

    def selected_order(self):
        return selected_row(self.orders_view, self.orders)

    def refresh(self) -> None:
        if self._loaded:
            self.proposal.refresh()
            self.orders.refresh()

    def retranslate_ui(self) -> None:
        self.boxes[0].setTitle(self.tr("To order: open purchase needs and parts below their "
                                       "reorder point"))
        self.boxes[1].setTitle(self.tr("Purchase orders"))
        self.hint.setText(self.tr("Ctrl+Shift+P makes one purchase order per supplier from "
                                  "the list above; select an order and press Ctrl+Shift+G to "
                                  "receive goods against it."))
        self.proposal.retranslate()
        self.orders.retranslate()
