"""Goods in by scan (入库, DESIGN §3): each scan puts one more unit of the part on the receipt
being drafted; the clerk checks quantities and unit costs against the delivery note and books
it with F9 as one command (`dms.parts.receipts.receive`: all lines or none). What came in for
a waiting work order is reserved for it by that service. Against a purchase order (taken from
the purchasing page) the lines start with what is still to come, scans count what came, and
F9 books it against the order (`dms.parts.purchasing.receive_purchase_order`)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from dms.errors import NotFound, ValidationError
from dms.parts import catalogue, purchasing, receipts
from dms.parts.receipts import ReceiptLine
from dms.ui.common import words
from dms.ui.parts.words import po_statuses, qty, receipt_modes

CODE, NAME, EXPECTED, QTY, COST = range(5)
MAX_LABELS = 200  # one label a unit; a pallet of 10,000 clips is not labelled clip by clip


def combo(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    return box


def item(text: str, editable: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    if not editable:
        cell.setFlags(cell.flags() & ~cell.flags().ItemIsEditable)
    return cell


class ScannedParts(QObject):
    """A scan looked up in the catalogue off the GUI thread: `on_part(hit)` with the part its
    barcode (else its exact code) names, or the workspace's refusal when none. The lookups run
    in the workspace's serial lane: in the pool a later scan's answer could come first, and
    the draft's lines would not be in the order they were scanned."""

    def __init__(self, workspace, on_part, parent: QObject):
        super().__init__(parent)
        self.ws, self._on_part = workspace, on_part
        self._scans: dict[int, str] = {}  # read task → the scan it looks up

    def lookup(self, text: str) -> None:
        task = self.ws.read(catalogue.search_parts, text, 0, 5, on_result=self._found,
                            on_error=self.ws.scan_refused, lane=self.ws.id)
        self._scans[task] = text

    @Slot(int, object)
    def _found(self, task_id: int, hits) -> None:
        text = self._scans.pop(task_id, "")
        hit = next((h for h in hits if h.matched == "barcode" or h.code == text), None)
        if hit is None:
            self.ws.scan_refused(0, NotFound("part.unknown_scan", "No part has the barcode or "
                                             "code {key}.", key=text))
        else:
            self._on_part(hit)


def count_one(table: QTableWidget, row: int, column: int) -> str:
    """One more unit in the draft's quantity cell; its new text."""
    cell = table.item(row, column)
    cell.setText(qty(Decimal(cell.text() or "0") + 1))
    return cell.text()


class ReceiptPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("receiptPage")
        self.ws = workspace
        self.supplier = combo("receiptSupplier")
        self.warehouse = combo("receiptWarehouse")
        self.mode = combo("receiptMode")
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
        self.order = None  # the purchase order received against, if any
        self.against = QLabel()
        self.against.setObjectName("receiptAgainst")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("receiptLines")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((CODE, 12), (EXPECTED, 7), (QTY, 7), (COST, 9)):
            self.table.horizontalHeader().resizeSection(column, width * em)
        self.total = QLabel()
        self.total.setObjectName("receiptTotal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.against)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.table.itemChanged.connect(self._render_total)
        self._loaded = False
        self.parts = ScannedParts(workspace, self._on_part, self)
        self.booked: list[ReceiptLine] = []  # the last receipt booked: its labels
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
        self.parts.lookup(text)

    def _on_part(self, hit) -> None:
        row = self._row_of(hit.code)
        if row < 0 and self.order is not None:
            self.ws.scan_refused(0, ValidationError(
                "purchase.not_on_order", "{part} is not on purchase order {number}.",
                part=hit.code, number=self.order.number))
            return
        if row < 0:
            row = self._add_row(hit.code, hit.name, "", "1", "")
            self.ws.read(catalogue.part_card, hit.id, on_result=self._on_cost)
        else:
            count_one(self.table, row, QTY)
        self.table.selectRow(row)
        self.ws.confirm(self.tr("{code} {name}: {qty} on the receipt.").format(
            code=hit.code, name=hit.name, qty=self.table.item(row, QTY).text()))

    @Slot(int, object)
    def _on_cost(self, _task_id: int, card) -> None:
        row = self._row_of(card.code)
        if row >= 0 and not self.table.item(row, COST).text():
            self.table.item(row, COST).setText(f"{card.avg_cost:.2f}")

    def _add_row(self, code: str, name: str, expected: str, count: str, cost: str) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)  # the total is worked out once the row is whole
        self.table.insertRow(row)
        for column, text, editable in ((CODE, code, False), (NAME, name, False),
                                       (EXPECTED, expected, False), (COST, cost, True)):
            self.table.setItem(row, column, item(text, editable))
        self.table.blockSignals(False)
        self.table.setItem(row, QTY, item(count, True))
        return row

    def receive_against(self, order) -> None:
        """A purchase order's lines still to come, counted from nought as they are scanned."""
        self.order = order
        self.table.setRowCount(0)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(order.supplier_code)))
        for line in order.lines:
            if line.qty > line.qty_received:
                self._add_row(line.part_code, line.part_name, qty(line.qty - line.qty_received),
                              "0", f"{line.unit_cost:.2f}")
        self._render_against()

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
        if self.order is not None:  # what did not come (a count of 0) stays on the order
            lines = [x for x in self.lines() if x.qty.strip() not in ("0", "")]
            self.ws.command(purchasing.receive_purchase_order, self.order.id,
                            self.warehouse.currentData(), lines, self.reference.text(),
                            on_result=self._on_posted_order, on_error=self.ws.scan_refused)
            return
        self.ws.command(receipts.receive, self.supplier.currentData(), self.mode.currentData(),
                        self.warehouse.currentData(), self.lines(), self.reference.text(),
                        on_result=self._on_posted, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_posted(self, _task_id: int, receipt) -> None:
        self.ws.confirm(self.tr("Receipt booked: {count} lines, {total}; {needs} purchase needs "
                                "met and held for their orders.").format(
            count=len(receipt.movement_ids), total=words.money(receipt.total_cost),
            needs=len(receipt.fulfilled_need_ids)))
        self._clear()

    @Slot(int, object)
    def _on_posted_order(self, _task_id: int, order) -> None:
        self.ws.confirm(self.tr("Received against {number}: the order is {status}.").format(
            number=order.number, status=po_statuses().get(order.status, order.status)))
        self._clear()

    def label_codes(self) -> list[str]:
        """A label for every unit: of the receipt being drafted, else of the one last booked.
        Quantities that are not whole numbers (litres of oil) get one label a line."""
        codes = []
        for line in self.lines() or self.booked:
            try:
                count = Decimal(line.qty)
            except ArithmeticError:
                count = Decimal(1)
            if count > 0:
                codes += [line.part_code] * (int(count) if count % 1 == 0 else 1)
        return codes[:MAX_LABELS]

    def _clear(self) -> None:
        self.booked = [x for x in self.lines() if x.qty.strip() not in ("0", "")]
        self.order = None
        self.table.setRowCount(0)
        self.reference.clear()
        self._render_against()
        self._render_total()

    def _render_against(self) -> None:
        self.against.setVisible(self.order is not None)
        if self.order is not None:
            self.against.setText(self.tr("Receiving against purchase order {number}: scan what "
                                         "came; lines left at 0 stay on the order.").format(
                number=self.order.number))

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
                                              self.tr("Expected"), self.tr("Quantity"),
                                              self.tr("Unit cost")])
        self._render_against()
        self._render_total()
