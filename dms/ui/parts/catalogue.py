"""Part search and the part card (DESIGN §3, §9): find a part by code, barcode, name or the
model it fits; its card shows the stock per warehouse and bin, what is reserved and on order,
the moving-average cost and price, and the ledger with the document behind each movement."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Slot
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QSplitter, QVBoxLayout, QWidget)

from dms.parts import catalogue, counter, queries
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.parts.words import movement_kinds, qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight
DEBOUNCE_MS = 250
CARD_FIELDS = ("code", "name", "brand", "category", "fits", "supplier", "barcodes", "avg_cost",
               "price", "reorder", "on_hand", "available", "on_order")


def hit_columns() -> list[Column]:
    return [
        Column(lambda: translate("PartsPage", "Code"), lambda r: r.code),
        Column(lambda: translate("PartsPage", "Name"), lambda r: r.name),
        Column(lambda: translate("PartsPage", "Brand"), lambda r: r.brand),
        Column(lambda: translate("PartsPage", "Price"), lambda r: words.money(r.sale_price), RIGHT),
        Column(lambda: translate("PartsPage", "On hand"), lambda r: qty(r.on_hand), RIGHT),
        Column(lambda: translate("PartsPage", "Available"), lambda r: qty(r.available), RIGHT),
    ]


def stock_columns() -> list[Column]:
    return [
        Column(lambda: translate("PartsPage", "Warehouse"),
               lambda r: f"{r.warehouse_code} {r.warehouse_name}"),
        Column(lambda: translate("PartsPage", "Bin"), lambda r: r.bin_code),
        Column(lambda: translate("PartsPage", "On hand"), lambda r: qty(r.on_hand), RIGHT),
        Column(lambda: translate("PartsPage", "Reserved"), lambda r: qty(r.reserved), RIGHT),
        Column(lambda: translate("PartsPage", "Available"), lambda r: qty(r.available), RIGHT),
        Column(lambda: translate("PartsPage", "Counting"),
               lambda r: translate("PartsPage", "bin locked") if r.counting else ""),
    ]


def _document(row) -> str:
    return row.work_order_number or row.reference or ""


def movement_columns() -> list[Column]:
    return [
        Column(lambda: translate("PartsPage", "When"), lambda r: words.when(r.at)),
        Column(lambda: translate("PartsPage", "Movement"),
               lambda r: movement_kinds().get(r.kind, r.kind)),
        Column(lambda: translate("PartsPage", "Qty"), lambda r: f"{r.qty:+f}".rstrip("0")
               .rstrip("."), RIGHT),
        Column(lambda: translate("PartsPage", "Warehouse"),
               lambda r: " ".join(x for x in (r.warehouse_code, r.bin_code) if x)),
        Column(lambda: translate("PartsPage", "Document"), _document),
        Column(lambda: translate("PartsPage", "By"), lambda r: r.user),
    ]


class PartsPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("partsPage")
        self.ws = workspace
        runner = workspace.ctx.runner
        self.card = None
        self.on_order = None
        self._tasks: dict[str, int] = {}
        self.search = QLineEdit()
        self.search.setObjectName("partSearch")
        self.search.setClearButtonEnabled(True)
        self.by_model = QCheckBox()
        self.by_model.setObjectName("byModel")
        self.by_model.toggled.connect(self.run_search)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.run_search)
        self.hits = PagedTableModel(runner, hit_columns(), parent=self)
        self.hits.failed.connect(workspace.message_bar.show_error)
        self.hits.page_loaded.connect(self._on_hits)
        self.hits_view = table_view(self.hits, "partHits", (11, 14, 6, 7, 5), stretch=1)
        self.hits_view.selectionModel().selectionChanged.connect(self._on_selection)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.by_model)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.hits_view, 1)

        self.fields = {name: QLabel() for name in CARD_FIELDS}
        self.captions = {name: QLabel() for name in CARD_FIELDS}
        self.card_box = QGroupBox()
        columns = QHBoxLayout()  # two columns of fields: room below for the ledger
        for half in (CARD_FIELDS[:7], CARD_FIELDS[7:]):
            form = QFormLayout()
            for name in half:
                self.fields[name].setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields[name].setWordWrap(True)
                form.addRow(self.captions[name], self.fields[name])
            columns.addLayout(form, 1)
        self.stock = PagedTableModel(runner, stock_columns(),
                                     key=lambda r: (r.warehouse_id, r.bin_code), parent=self)
        self.stock_view = table_view(self.stock, "partStock", (10, 7, 6, 6, 6), stretch=0)
        self.stock_view.setMaximumHeight(self.stock_view.verticalHeader().defaultSectionSize() * 4)
        self.movements = PagedTableModel(runner, movement_columns(), parent=self)
        self.movements.failed.connect(workspace.message_bar.show_error)
        self.movements_view = table_view(self.movements, "partMovements", (12, 7, 5, 8, 11),
                                         stretch=5)
        self.movements_box = QGroupBox()
        box_layout = QVBoxLayout(self.movements_box)
        box_layout.addWidget(self.movements_view)
        card_layout = QVBoxLayout(self.card_box)
        card_layout.addLayout(columns)
        card_layout.addWidget(self.stock_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card_box)
        right_layout.addWidget(self.movements_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 780])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate_ui()

    # -- searching ---------------------------------------------------------------------------
    def scan(self, text: str, scanned: bool) -> None:
        """A scanned part: its card (the search shows it as the one barcode match)."""
        self.search.setText(text)
        self.run_search()

    @Slot()
    def run_search(self) -> None:
        self._debounce.stop()
        text, db, user = self.search.text().strip(), self.ws.ctx.db, self.ws.ctx.user
        if not text:
            self.hits.set_fetch(None)
        elif self.by_model.isChecked():
            self.hits.set_fetch(pages(catalogue.parts_for_vehicle, db, user, series=text))
        else:
            self.hits.set_fetch(pages(catalogue.search_parts, db, user, text))

    @Slot(int, bool)
    def _on_hits(self, count: int, _more: bool) -> None:
        if count and not self.hits_view.selectionModel().hasSelection():
            self.hits_view.selectRow(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args) -> None:
        hit = selected_row(self.hits_view, self.hits)
        if hit is not None:
            self.open_part(hit.id)

    def open_part(self, part_id: int) -> None:
        self._tasks["card"] = self.ws.read(catalogue.part_card, part_id, on_result=self._on_card)
        self._tasks["on_order"] = self.ws.read(counter.on_order, part_id,
                                               on_result=self._on_order)
        db, user = self.ws.ctx.db, self.ws.ctx.user
        self.movements.set_fetch(pages(queries.movement_history, db, user, part_id))

    @Slot(int, object)
    def _on_card(self, task_id: int, card) -> None:
        if task_id == self._tasks.get("card"):
            self.card = card
            self.stock.set_rows(card.stock)
            self._render_card()

    @Slot(int, object)
    def _on_order(self, task_id: int, value) -> None:
        if task_id == self._tasks.get("on_order"):
            self.on_order = value
            self._render_card()

    def refresh(self) -> None:
        self.hits.refresh()
        if self.card is not None:
            self.open_part(self.card.id)

    def _render_card(self) -> None:
        card = self.card
        if card is None:
            return
        genuine = self.tr("genuine") if card.genuine else self.tr("aftermarket")
        values = {
            "code": card.code, "name": f"{card.name} ({genuine}, {card.unit})",
            "brand": " ".join(x for x in (card.brand, card.origin) if x),
            "category": " / ".join(x for x in (card.category, card.subcategory) if x),
            "fits": ", ".join(card.fits_models), "barcodes": ", ".join(card.barcodes),
            "supplier": " ".join(x for x in (card.supplier_code, card.supplier_name) if x),
            "avg_cost": f"¥{card.avg_cost:,.4f}", "price": words.money(card.sale_price),
            "reorder": qty(card.reorder_threshold), "on_hand": qty(card.on_hand),
            "available": qty(card.available), "on_order": qty(self.on_order)}
        for name, value in values.items():
            self.fields[name].setText(value or "-")

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Part code, barcode or name (or scan a part)"))
        self.by_model.setText(self.tr("Fits &model"))
        self.by_model.setToolTip(self.tr("Search the parts that fit a series, e.g. 途胜"))
        self.card_box.setTitle(self.tr("Part card"))
        self.movements_box.setTitle(self.tr("Ledger: every movement and its document"))
        captions = {"code": self.tr("Code"), "name": self.tr("Name"), "brand": self.tr("Brand"),
                    "category": self.tr("Category"), "fits": self.tr("Fits"),
                    "supplier": self.tr("Supplier"), "barcodes": self.tr("Barcodes"),
                    "avg_cost": self.tr("Average cost"), "price": self.tr("Sale price"),
                    "reorder": self.tr("Reorder at"), "on_hand": self.tr("On hand"),
                    "available": self.tr("Available"), "on_order": self.tr("On order")}
        for name, text in captions.items():
            self.captions[name].setText(text)
        for model in (self.hits, self.stock, self.movements):
            model.retranslate()
        self._render_card()
