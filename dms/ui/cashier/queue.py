"""The desk's entry: a field for the scanned job card (or a typed plate, work-order or invoice
number) over the queue — pre-settled orders waiting for payment and settled orders with a
balance, newest first. Enter in the field opens what was scanned; Enter on a row opens it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from dms.billing import desk
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.common.words import money, translate

R = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def queue_columns() -> list[Column]:
    return [
        Column(lambda: translate("Cashier", "Since"), lambda r: words.when(r.since)),
        Column(lambda: translate("Cashier", "Work order"), lambda r: r.number),
        Column(lambda: translate("Cashier", "Plate"), lambda r: r.plate or ""),
        Column(lambda: translate("Cashier", "Customer"), lambda r: r.customer_name),
        Column(lambda: translate("Cashier", "State"), lambda r: words.state_name(r.state)),
        Column(lambda: translate("Cashier", "Invoice"), lambda r: r.invoice_no or ""),
        Column(lambda: translate("Cashier", "Customer pays"), lambda r: money(r.customer_share), R),
        Column(lambda: translate("Cashier", "Received"), lambda r: money(r.received), R),
        Column(lambda: translate("Cashier", "Outstanding"), lambda r: money(r.outstanding), R),
        Column(lambda: translate("Cashier", "Credit"), lambda r: (
            translate("Cashier", "approved") if r.credit_approved else "")),
    ]


class QueuePage(QWidget):
    open_order = Signal(int)  # work order id
    find = Signal(str)  # what was scanned or typed

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cashierQueue")
        self._ws = workspace
        self.search = QLineEdit()
        self.search.setObjectName("cashierFind")
        self.search.setClearButtonEnabled(True)
        font = self.search.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.search.setFont(font)
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)
        self.model = PagedTableModel(workspace.ctx.runner, queue_columns(),
                                     key=lambda r: r.work_order_id, parent=self)
        self.model.failed.connect(workspace.message_bar.show_error)
        self.table = table_view(self.model, "cashierQueueTable", (12, 10, 8, 0, 6, 10, 7, 7, 7), 3)
        self.table.activated.connect(lambda index: self._open_index(index.row()))
        self.table.installEventFilter(self)
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.search)
        self.retranslate_ui()

    def load(self) -> None:
        ws = self._ws
        self.model.set_fetch(pages(desk.queue, ws.ctx.db, ws.ctx.user))

    def refresh(self) -> None:
        if self.model.rowCount() or self.model.loading:
            self.model.refresh()
        else:
            self.load()

    def _enter(self) -> None:
        text = self.search.text().strip()
        if text:
            self.find.emit(text)
        elif selected_row(self.table, self.model) is not None:
            self._open_index(self.table.selectionModel().selectedRows()[0].row())

    def _open_index(self, number: int) -> None:
        if 0 <= number < self.model.rowCount():
            self.open_order.emit(self.model.row_at(number).work_order_id)

    def eventFilter(self, watched, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                rows = self.table.selectionModel().selectedRows()
                if rows:
                    self._open_index(rows[0].row())
                return True
            if watched is self.table and key == Qt.Key.Key_Up and not self.table.currentIndex().row():
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr(
            "Scan the job card, or type a plate, work order or invoice number, then Enter"))
        self.caption.setText(self.tr("Waiting for payment and outstanding balances, newest "
                                     "first (Down moves into the list, Enter opens)"))
        self.model.retranslate()
