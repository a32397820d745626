"""Goods in by scan (入库, DESIGN §3): each scan puts one more unit of the part on the receipt
being drafted; the clerk checks quantities and unit costs against the delivery note and books
it with F9 as one command (`dms.parts.receipts.receive`: all lines or none). What came in for
a waiting work order is reserved for it by that service.

Without a purchase order: purchase orders to suppliers are not built yet (see the report)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from dms.errors import NotFound
from dms.parts import catalogue, receipts
from dms.parts.receipts import ReceiptLine
from dms.ui.common import words
from dms.ui.parts.words import qty, receipt_modes

CODE, NAME, QTY, COST = range(4)


def _combo(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    return box


def _item(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
    return item


class ReceiptPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("receiptPage")
        self.ws = workspace
        self.supplier = _combo("receiptSupplier")
        self.warehouse = _combo("receiptWarehouse")
        self.mode = _combo("receiptMode")
        self.reference = QLineEdit()
        self.reference.setObjectName("receiptReference")
        self.reference.returnPressed.connect(workspace.focus_scan)
        self.captions = [QLabel() for _ in range(4)]
        form = QFormLayout()
        row = QHBoxLayout()
        for caption, field in zip(self.captions, (self.supplier, self.warehouse, self.mode,
                                                  self.reference)):
            caption.setBuddy(field)
            row.addWidget(caption)
            row.addWidget(field, 1)
        form.addRow(row)
        # The draft being typed is a form, not a list from the database: an editable grid.
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("receiptLines")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((CODE, 12), (QTY, 7), (COST, 9)):
            self.table.horizontalHeader().resizeSection(column, width * em)
        self.total = QLabel()
        self.total.setObjectName("receiptTotal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.table.itemChanged.connect(self._render_total)
        self._loaded = False
        self._scans: dict[int, str] = {}  # read task → the scan it looks up
        self.retranslate_ui()

    def load_choices(self, found: dict) -> None:
        if self._loaded:
            return
        self._loaded = True
        for code, name in found["suppliers"]:
            self.supplier.addItem(f"{code} {name}", code)
        for code, name in found["warehouses"]:
            self.warehouse.addItem(f"{code} {name}", code)

    # -- scans -----------------------------------------------------------------------------
    def scan(self, text: str, scanned: bool) -> None:
        task = self.ws.read(catalogue.search_parts, text, 0, 5, on_result=self._on_part,
                            on_error=self.ws.scan_refused)
        self._scans[task] = text

    @Slot(int, object)
    def _on_part(self, task_id: int, hits) -> None:
        text = self._scans.pop(task_id, "")
        hit = next((h for h in hits if h.matched == "barcode" or h.code == text), None)
        if hit is None:
            self.ws.scan_refused(0, NotFound("part.unknown_scan", "No part has the barcode or "
                                             "code {key}.", key=text))
            return
        row = self._row_of(hit.code)
        if row < 0:
            row = self.table.rowCount()
            self.table.blockSignals(True)  # the total is worked out once the row is whole
            self.table.insertRow(row)
            self.table.setItem(row, CODE, _item(hit.code))
            self.table.setItem(row, NAME, _item(hit.name))
            self.table.setItem(row, COST, _item("", True))
            self.table.blockSignals(False)
            self.table.setItem(row, QTY, _item("1", True))
            self.ws.read(catalogue.part_card, hit.id, on_result=self._on_cost)
        else:
            count = Decimal(self.table.item(row, QTY).text() or "0") + 1
            self.table.item(row, QTY).setText(qty(count))
        self.table.selectRow(row)
        self.ws.confirm(self.tr("{code} {name}: {qty} on the receipt.").format(
            code=hit.code, name=hit.name, qty=self.table.item(row, QTY).text()))

    @Slot(int, object)
    def _on_cost(self, _task_id: int, card) -> None:
        row = self._row_of(card.code)
        if row >= 0 and not self.table.item(row, COST).text():
            self.table.item(row, COST).setText(f"{card.avg_cost:.2f}")

    def _row_of(self, code: str) -> int:
        return next((r for r in range(self.table.rowCount())
                     if self.table.item(r, CODE).text() == code), -1)

    # -- booking -----------------------------------------------------------------------------
    def lines(self) -> list[ReceiptLine]:
        """The draft as typed; the service checks every number."""
        return [ReceiptLine(self.table.item(r, CODE).text(), self.table.item(r, QTY).text(),
                            self.table.item(r, COST).text().strip() or None)
                for r in range(self.table.rowCount())]

    @Slot()
    def post(self) -> None:
        self.ws.command(receipts.receive, self.supplier.currentData(), self.mode.currentData(),
                        self.warehouse.currentData(), self.lines(), self.reference.text(),
                        on_result=self._on_posted, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_posted(self, _task_id: int, receipt) -> None:
        self.ws.confirm(self.tr("Receipt booked: {count} lines, {total}; {needs} purchase needs "
                                "met and held for their orders.").format(
            count=len(receipt.movement_ids), total=words.money(receipt.total_cost),
            needs=len(receipt.fulfilled_need_ids)))
        self.table.setRowCount(0)
        self.reference.clear()
        self._render_total()

    @Slot()
    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def refresh(self) -> None:
        """Nothing to read again: the draft is what the clerk has scanned."""

    def _render_total(self, *_args) -> None:
        total = Decimal(0)
        for line in self.lines():
            try:
                total += Decimal(line.qty) * Decimal(line.unit_cost or 0)
            except ArithmeticError:  # still being typed; the service will say what is wrong
                continue
        self.total.setText(self.tr("{count} lines, about {total}. F9 books the receipt.").format(
            count=self.table.rowCount(), total=words.money(total.quantize(Decimal("0.01")))))

    def retranslate_ui(self) -> None:
        for caption, text in zip(self.captions, (self.tr("&Supplier:"), self.tr("&Warehouse:"),
                                                 self.tr("&Mode:"), self.tr("&Delivery note:"))):
            caption.setText(text)
        current = self.mode.currentData()
        self.mode.clear()
        for key, text in receipt_modes().items():
            self.mode.addItem(text, key)
        self.mode.setCurrentIndex(max(0, self.mode.findData(current)))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Quantity"), self.tr("Unit cost")])
        self._render_total()
