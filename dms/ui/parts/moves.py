"""Stock out by scan (DESIGN §3): parts back to their supplier (退货) and transfers to another
warehouse or store (调拨). Each scan puts one more unit of the part on the draft; F9 sends it
as one command (`dms.parts.receipts.return_to_supplier` or `dms.parts.transfers.send_transfer`:
all lines or none). Below, the transfers in transit and, beside them, the one the clerk is
looking at: the one just sent, the one selected, or the one whose note was scanned (the
workspace routes a transfer note's barcode here from any page). Ctrl+Shift+G books it in
(`receive_transfer`), Ctrl+P prints its note."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QSplitter, QTableWidget, QVBoxLayout, QWidget)

from dms.parts import catalogue, receipts, transfers
from dms.parts.receipts import ReturnLine
from dms.parts.transfers import TransferItem
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import table_view
from dms.ui.parts.receipts import ScannedParts, combo, count_one, item
from dms.ui.parts.transfer_view import TransferBox
from dms.ui.parts.words import qty

translate = QCoreApplication.translate
CODE, NAME, QTY = range(3)
KINDS = ("supplier_return", "transfer")


def _direction(row) -> str:
    if row.direction == "in":
        return translate("MovesPage", "coming here")
    if row.to_store == row.from_store:
        return translate("MovesPage", "within the store")
    return translate("MovesPage", "sent")


def transit_columns() -> list[Column]:
    return [
        Column(lambda: translate("MovesPage", "Transfer"), lambda r: r.number),
        Column(lambda: translate("MovesPage", "Direction"), _direction),
        Column(lambda: translate("MovesPage", "From"), lambda r: f"{r.from_store} {r.from_warehouse}"),
        Column(lambda: translate("MovesPage", "To"), lambda r: f"{r.to_store} {r.to_warehouse}"),
        Column(lambda: translate("MovesPage", "Sent"), lambda r: words.when(r.sent_at)),
        Column(lambda: translate("MovesPage", "By"), lambda r: r.sent_by),
        Column(lambda: translate("MovesPage", "Parts"), lambda r: ", ".join(
            f"{x.part_code} × {qty(x.qty)}" for x in r.lines)),
    ]


class MovesPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("movesPage")
        self.ws = workspace
        db, user = workspace.ctx.db, workspace.ctx.user
        self.kind = combo("moveKind")
        self.warehouse = combo("moveWarehouse")
        self.supplier = combo("moveSupplier")
        self.destination = combo("moveDestination")
        self.reference = QLineEdit()
        self.reference.setObjectName("moveReference")
        self.reason = QLineEdit()
        self.reason.setObjectName("moveReason")
        for field in (self.reference, self.reason):
            field.returnPressed.connect(workspace.focus_scan)
        self.captions = [QLabel() for _ in range(6)]
        fields = (self.kind, self.warehouse, self.supplier, self.destination, self.reference,
                  self.reason)
        row = QHBoxLayout()
        for caption, field in zip(self.captions, fields):
            caption.setBuddy(field)
            row.addWidget(caption)
            row.addWidget(field, 1)
        self.kind.currentIndexChanged.connect(self._render_kind)
        for box in (self.kind, self.warehouse, self.supplier, self.destination):
            box.activated.connect(workspace.focus_scan)  # chosen: the scanner types again
        # The draft being scanned is a form, not a list from the database: an editable grid.
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("moveLines")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.horizontalHeader().resizeSection(CODE, 12 * em)
        self.table.horizontalHeader().resizeSection(QTY, 8 * em)
        self.table.itemChanged.connect(self._render_total)
        self.total = QLabel()
        self.total.setObjectName("moveTotal")
        draft = QWidget()
        draft_layout = QVBoxLayout(draft)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        draft_layout.addWidget(self.table, 1)
        draft_layout.addWidget(self.total)

        self.transit = PagedTableModel(workspace.ctx.runner, transit_columns(),
                                       parent=self)
        self.transit.failed.connect(workspace.message_bar.show_error)
        self.transit_view = table_view(self.transit, "inTransit", (11, 11, 10, 10, 11, 7),
                                       stretch=6)
        self.transit_view.selectionModel().currentRowChanged.connect(self._on_row)
        self.transit_box = QGroupBox()
        QVBoxLayout(self.transit_box).addWidget(self.transit_view)
        self.transfer = TransferBox(workspace.ctx.runner)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.transit_box)
        below.addWidget(self.transfer)
        below.setSizes([700, 600])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(draft)
        splitter.addWidget(below)
        splitter.setSizes([250, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self._fetch = pages(transfers.in_transit, db, user)
        self._loaded = False
        self._showing: int | None = None  # the read of the transfer to show that counts
        self._scanned: int | None = None  # the read of a scanned note
        self._sent: int | None = None  # the read of a transfer just sent: to print, not to book
        self._book_when_shown = False  # Ctrl+Shift+G came before the transfer's read
        self.parts = ScannedParts(workspace, self._on_part, self)
        self.retranslate_ui()

    def load(self) -> None:
        """Read on first show: a clerk who never transfers does not pay for the list."""
        if not self._loaded:
            self._loaded = True
            self.transit.set_fetch(self._fetch)

    def load_choices(self, found: dict) -> None:
        if self.warehouse.count():
            return
        for code, name in found["warehouses"]:
            self.warehouse.addItem(f"{code} {name}", code)
        for code, name in found["suppliers"]:
            self.supplier.addItem(f"{code} {name}", code)
        for store, code, name in found["destinations"]:
            self.destination.addItem(f"{store + '/' if store else ''}{code} {name}",
                                     (store, code))
        self.destination.setCurrentIndex(min(1, self.destination.count() - 1))

    # -- scans -----------------------------------------------------------------------------
    def scan(self, text: str, scanned: bool) -> None:
        self.parts.lookup(text)

    def _on_part(self, hit) -> None:
        row = next((r for r in range(self.table.rowCount())
                    if self.table.item(r, CODE).text() == hit.code), -1)
        if row < 0:
            row = self.table.rowCount()
            self.table.blockSignals(True)  # the total is worked out once the row is whole
            self.table.insertRow(row)
            self.table.setItem(row, CODE, item(hit.code))
            self.table.setItem(row, NAME, item(hit.name))
            self.table.blockSignals(False)
            self.table.setItem(row, QTY, item("1", True))
            if row == 0 and not self.is_transfer():  # the first part names its supplier
                self.ws.read(catalogue.part_card, hit.id, on_result=self._on_card)
        else:
            count_one(self.table, row, QTY)
        self.table.selectRow(row)
        self.ws.confirm(self.tr("{code} {name}: {qty} to go out.").format(
            code=hit.code, name=hit.name, qty=self.table.item(row, QTY).text()))

    @Slot(int, object)
    def _on_card(self, _task_id: int, card) -> None:
        found = self.supplier.findData(card.supplier_code)
        if found >= 0 and self.table.rowCount() == 1:
            self.supplier.setCurrentIndex(found)

    # -- sending -----------------------------------------------------------------------------
    def is_transfer(self) -> bool:
        return self.kind.currentData() == "transfer"

    def _drafted(self) -> list[tuple[str, str]]:
        """(code, quantity as typed); the service checks every number."""
        return [(self.table.item(r, CODE).text(), self.table.item(r, QTY).text().strip())
                for r in range(self.table.rowCount())]

    @Slot()
    def post(self) -> None:
        if self.is_transfer():
            store, code = self.destination.currentData() or (None, "")
            self.ws.command(transfers.send_transfer, self.warehouse.currentData(), code,
                            [TransferItem(c, n) for c, n in self._drafted()], store,
                            on_result=self._on_sent, on_error=self.ws.scan_refused)
        else:
            self.ws.command(receipts.return_to_supplier, self.supplier.currentData(),
                            self.warehouse.currentData(),
                            [ReturnLine(c, n) for c, n in self._drafted()],
                            self.reference.text(), self.reason.text(),
                            on_result=self._on_returned, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_sent(self, _task_id: int, done) -> None:
        self.ws.confirm(self.tr("Transfer {number} sent: the parts are in transit until the "
                                "other warehouse books them in. Ctrl+P prints its note.")
                        .format(number=done.number))
        self._clear()
        self.refresh()
        self._sent = self._show(transfers.transfer_note, done.id)

    @Slot(int, object)
    def _on_returned(self, _task_id: int, done) -> None:
        self.ws.confirm(self.tr("Returned to the supplier: {count} lines out of stock.").format(
            count=len(done.movement_ids)))
        self._clear()

    # -- the transfer shown: scanned, selected or just sent --------------------------------------
    def open_scan(self, text: str) -> None:
        """A transfer note scanned: the transfer coming here, to be booked in."""
        self._scanned = self._show(transfers.transfer_by_scan, text, self._on_scan_refused)

    def _show(self, fn, key, on_error=None) -> int:
        self._book_when_shown = False
        self._showing = self.ws.read(fn, key, on_result=self._on_note,
                                     on_error=on_error or self._on_note_failed)
        return self._showing

    @Slot(QModelIndex, QModelIndex)
    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A row gone from the list (booked in here or elsewhere) moves the current row as
        # well: only the clerk moving in the list shows another transfer.
        if current.isValid() and self.transit_view.hasFocus():
            self._show(transfers.transfer_note, self.transit.row_at(current.row()).id)

    @Slot(int, object)
    def _on_note(self, task_id: int, note) -> None:
        if task_id != self._showing:
            return  # another transfer was asked for meanwhile
        self._showing = None
        self.transfer.show_note(note, bookable=task_id != self._sent)
        if task_id == self._scanned:
            row = self.transit.row_of(note.id)
            if row >= 0:
                self.transit_view.selectRow(row)
            self.ws.confirm(self.tr("Transfer {number} from {store} {warehouse}: {count} "
                                    "lines. Ctrl+Shift+G books it in.").format(
                number=note.number, store=note.from_store, warehouse=note.from_warehouse,
                count=len(note.lines)))
        if self._book_when_shown:
            self.receive()

    @Slot(int, object)
    def _on_scan_refused(self, task_id: int, error) -> None:
        """Refused loudly, and the transfer shown before is put away: the next Ctrl+Shift+G
        must not book in another transfer than the clerk just scanned."""
        if task_id == self._showing:
            self._showing = None
            self.transfer.show_note(None)
        self.ws.scan_refused(task_id, error)

    @Slot(int, object)
    def _on_note_failed(self, task_id: int, error) -> None:
        if task_id == self._showing:
            self._showing = None
            self.transfer.show_note(None)  # not the one asked for: nothing to act on
            self.ws.message_bar.show_error(error)

    @Slot()
    def receive(self) -> None:
        if self._showing is not None:  # scanned (or chosen) a moment ago: book it once shown
            self._book_when_shown = True
            return
        self._book_when_shown = False
        if not self.transfer.can_book_in():
            self.ws.refuse(self.tr("Scan the note of a transfer coming here (or select one in "
                                   "the list) first."))
            return
        self.ws.command(transfers.receive_transfer, self.transfer.note.id,
                        on_result=self._on_received, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_received(self, _task_id: int, done) -> None:
        self.ws.confirm(self.tr("Transfer {number} booked in.").format(number=done.number))
        self.refresh()
        self._show(transfers.transfer_note, done.id)

    def shown_transfer(self):
        return self.transfer.note

    @Slot()
    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._render_total()

    def _clear(self) -> None:
        self.table.setRowCount(0)
        self.reference.clear()
        self.reason.clear()
        self._render_total()

    def refresh(self) -> None:
        """The transfers in transit; the draft is what the clerk has scanned."""
        if self._loaded:
            self.transit.refresh()

    # -- texts -------------------------------------------------------------------------------
    def _render_kind(self, *_args) -> None:
        transfer = self.is_transfer()
        for widget in (self.captions[2], self.supplier, self.captions[4], self.reference):
            widget.setVisible(not transfer)
        for widget in (self.captions[3], self.destination):
            widget.setVisible(transfer)
        self._render_total()

    def _render_total(self, *_args) -> None:
        units = Decimal(0)
        for _code, count in self._drafted():
            try:
                units += Decimal(count)
            except ArithmeticError:  # still being typed; the service will say what is wrong
                continue
        done = (self.tr("F9 sends the transfer.") if self.is_transfer()
                else self.tr("F9 returns them to the supplier."))
        self.total.setText(self.tr("{count} lines, {units} units.").format(
            count=self.table.rowCount(), units=qty(units)) + " " + done)

    def retranslate_ui(self) -> None:
        for caption, text in zip(self.captions, (
                self.tr("&Kind:"), self.tr("&From:"), self.tr("S&upplier:"), self.tr("&To:"),
                self.tr("&Delivery note:"), self.tr("&Reason:"))):
            caption.setText(text)
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, text in zip(KINDS, (self.tr("Return to the supplier"),
                                     self.tr("Transfer to a warehouse or store"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Quantity")])
        self.transit_box.setTitle(self.tr("In transit: scan a transfer's note (or select it) to "
                                          "open it"))
        self.transit.retranslate()
        self.transfer.retranslate_ui()
        self._render_kind()
