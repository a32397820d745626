"""The store's record (name, address, telephone and logo as the documents print them, and the
invoice details the settlement slip names the seller with) and a maintenance package's items (labour operations and parts with their quantities), each saved
by F9 as one command; a refusal stays in the dialog, which keeps what was typed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTableWidget,
                               QTableWidgetItem)

from dms.admin import packages, store
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.views import form_row
from dms.ui.manager.admin_dialogs import plain

translate = QCoreApplication.translate


def item_kinds() -> dict[str, str]:
    return {"labour": translate("AdminWords", "Labour"), "part": translate("AdminWords", "Part")}


class StoreDialog(CommandDialog):
    def __init__(self, workspace, info: store.StoreInfo):
        super().__init__(workspace)
        self.setObjectName("storeDialog")
        self.setWindowTitle(self.tr("The store: %1").replace("%1", info.code))
        self.name = QLineEdit(info.name)
        self.address = QLineEdit(info.address or "")
        self.phone = QLineEdit(info.phone or "")
        self.logo = QLineEdit(info.logo_path or "")
        self.browse = QPushButton(self.tr("&Browse..."))
        self.browse.clicked.connect(self.choose_logo)
        for name, widget in (("store_name", self.name), ("store_address", self.address),
                             ("store_phone", self.phone), ("store_logo", self.logo)):
            widget.setObjectName(name)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Address:"), self.address)
        self.form.addRow(self.tr("&Telephone:"), self.phone)
        self.form.addRow(self.tr("&Logo (PNG or JPEG):"), form_row(self.logo, self.browse))
        invoice = info.invoice
        self.invoice_name = QLineEdit(invoice.name or "")
        self.tax_id = QLineEdit(invoice.tax_id or "")
        self.tax_id.setPlaceholderText(self.tr("18 characters, as on the business licence"))
        self.invoice_address_phone = QLineEdit(invoice.address_phone or "")
        self.invoice_bank_account = QLineEdit(invoice.bank_account or "")
        heading = QLabel(self.tr("Invoice details (the seller on the settlement slip)"))
        heading.setObjectName("store_invoice_heading")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.form.addRow(heading)
        for name, widget, label in (
                ("store_invoice_name", self.invoice_name, self.tr("Invoice h&eader (name):")),
                ("store_tax_id", self.tax_id, self.tr("Ta&xpayer ID:")),
                ("store_invoice_address_phone", self.invoice_address_phone,
                 self.tr("Address and &phone:")),
                ("store_invoice_bank_account", self.invoice_bank_account,
                 self.tr("Ban&k and account:"))):
            widget.setObjectName(name)
            self.form.addRow(label, widget)

    @Slot()
    def choose_logo(self) -> None:
        dialog = QFileDialog(self, self.tr("The store's logo"), self.logo.text(),
                             self.tr("Images (*.png *.jpg *.jpeg)"))
        dialog.fileSelected.connect(self.logo.setText)
        dialog.open()

    def call(self):
        invoice = store.InvoiceDetails(self.invoice_name.text(), self.tax_id.text(),
                                       self.invoice_address_phone.text(),
                                       self.invoice_bank_account.text())
        return store.save_store, (self.name.text(), self.address.text(), self.phone.text(),
                                  self.logo.text(), invoice), {}

    def done_text(self, result) -> str:
        return self.tr("The store's details are saved; the next documents print them.")


class PackageItemsDialog(CommandDialog):
    """Type a labour operation's or a part's code or name and Enter: one match is added, several
    are offered below (Enter takes the one chosen). The quantity is edited in its cell; Del
    removes the selected item, Alt+Up and Alt+Down move it; F9 saves them all."""

    COLUMNS = 4  # kind, code, name, quantity

    def __init__(self, workspace, package: dict):
        super().__init__(workspace)
        self.setObjectName("packageItemsDialog")
        self.package = package
        self.setWindowTitle(self.tr("Items of %1 %2").replace("%1", package["code"])
                            .replace("%2", package["name"]))
        self.setMinimumSize(720, 520)
        self.find = QLineEdit()
        self.find.setObjectName("package_find")
        self.find.setPlaceholderText(self.tr("Code or name of a labour operation or a part"))
        self.hits = QListWidget()
        self.hits.setObjectName("package_hits")
        self.hits.setMaximumHeight(110)
        self.hits.hide()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("package_items")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Code"), self.tr("Name"),
                                              self.tr("Quantity")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.form.addRow(self.tr("&Add:"), self.find)
        self.form.addRow("", self.hits)
        self.form.addRow(self.tr("Items:"), self.table)
        self.find.installEventFilter(self)  # Enter finds and adds; only F9 saves
        self.hits.installEventFilter(self)
        self.hits.itemDoubleClicked.connect(self._take)
        for keys, slot in (("Delete", self.remove), ("Alt+Up", lambda: self.move(-1)),
                           ("Alt+Down", lambda: self.move(1))):
            QShortcut(QKeySequence(keys), self.table, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._search_task: int | None = None
        workspace.read(packages.package_items, package["id"], on_result=self._on_items)

    def eventFilter(self, watched, event: QEvent) -> bool:
        if (watched in (self.find, self.hits) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if watched is self.find:
                self.search()
            elif self.hits.currentItem() is not None:
                self._take(self.hits.currentItem())
            return True
        return super().eventFilter(watched, event)

    # -- the items ---------------------------------------------------------------------------
    @Slot(int, object)
    def _on_items(self, _task_id: int, items) -> None:
        for item in items:
            self.add(item)
        self.find.setFocus()

    def add(self, item: packages.PackageItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QTableWidgetItem(item_kinds()[item.kind])
        kind.setData(Qt.ItemDataRole.UserRole, item.kind)
        cells = (kind, QTableWidgetItem(item.code), QTableWidgetItem(item.name),
                 QTableWidgetItem(plain(item.qty)))
        for column, cell in enumerate(cells):
            if column < 3:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, cell)
        self.table.selectRow(row)

    def items(self) -> list[tuple[str, str, str]]:
        """(kind, code, quantity as typed) of every row, in order."""
        t = self.table
        return [(t.item(r, 0).data(Qt.ItemDataRole.UserRole), t.item(r, 1).text(),
                 t.item(r, 3).text().strip()) for r in range(t.rowCount())]

    @Slot()
    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        for column in range(self.COLUMNS):
            mine, theirs = self.table.takeItem(row, column), self.table.takeItem(other, column)
            self.table.setItem(row, column, theirs)
            self.table.setItem(other, column, mine)
        self.table.selectRow(other)

    # -- adding by code or name -----------------------------------------------------------------
    @Slot()
    def search(self) -> None:
        self._search_task = self.ws.read(packages.find_items, self.find.text(),
                                         on_result=self._on_hits)

    @Slot(int, object)
    def _on_hits(self, task_id: int, hits) -> None:
        if task_id != self._search_task:
            return
        self.hits.clear()
        if len(hits) == 1:
            self._add_new(hits[0])
            return
        kinds = item_kinds()
        for hit in hits:
            entry = QListWidgetItem(f"{kinds[hit.kind]}  {hit.code}  {hit.name}")
            entry.setData(Qt.ItemDataRole.UserRole, hit)
            self.hits.addItem(entry)
        self.hits.setVisible(bool(hits))
        if hits:
            self.hits.setCurrentRow(0)
            self.hits.setFocus()
        else:
            self.message_bar.show_message(self.tr("Nothing in the catalogue matches %1.")
                                          .replace("%1", self.find.text()), "warning")

    @Slot(QListWidgetItem)
    def _take(self, entry: QListWidgetItem) -> None:
        self._add_new(entry.data(Qt.ItemDataRole.UserRole))

    def _add_new(self, hit: packages.PackageItem) -> None:
        self.hits.hide()
        self.find.clear()
        self.message_bar.clear()
        self.add(packages.PackageItem(hit.kind, hit.code, hit.name, Decimal("1")))
        self.find.setFocus()

    def call(self):
        return packages.set_package_items, (self.package["id"], self.items()), {}

    def done_text(self, result) -> str:
        return self.tr("The items of %1 are saved.").replace("%1", self.package["code"])
