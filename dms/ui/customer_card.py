"""The customer's details and vehicles, shown next to the lookup results.

Pure view: it renders a `CustomerCard`-like object (attribute access only) and never calls a
service; the lookup workspace fetches the card and hands it over.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QEvent, QItemSelectionModel, QLocale,
                            QModelIndex, QPersistentModelIndex, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHeaderView, QLabel,
                               QStackedLayout, QVBoxLayout, QWidget)

from dms.ui.common.views import TableView

Index = QModelIndex | QPersistentModelIndex


class VehicleTableModel(QAbstractTableModel):
    """The vehicles of one customer (a short tuple that comes with the card)."""

    COLUMN_COUNT = 7

    def __init__(self, parent=None):
        super().__init__(parent)
        self._vehicles: tuple[Any, ...] = ()

    def set_vehicles(self, vehicles: tuple[Any, ...] | list[Any]) -> None:
        self.beginResetModel()
        self._vehicles = tuple(vehicles)
        self.endResetModel()

    def row_of(self, vehicle_id: int | None) -> int:
        for row, vehicle in enumerate(self._vehicles):
            if vehicle.id == vehicle_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._vehicles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._vehicles):
            return None
        vehicle = self._vehicles[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (vehicle.plate, vehicle.vin, vehicle.brand, vehicle.series,
                      vehicle.model_year, vehicle.colour, None)
            if column == 6:
                if vehicle.mileage is None:
                    return ""
                return self.tr("{km} km").format(km=QLocale().toString(int(vehicle.mileage)))
            value = values[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("Plate"), self.tr("VIN"), self.tr("Brand"), self.tr("Series"),
                  self.tr("Model year"), self.tr("Colour"), self.tr("Mileage"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._vehicles:
            self.dataChanged.emit(self.index(0, 6), self.index(len(self._vehicles) - 1, 6))


class CustomerCardView(QWidget):
    """Placeholder text until a card is shown; then the card's fields and vehicles."""

    FIELDS = ("code", "name", "kind", "gender", "mobile", "phones", "address", "membership",
              "notes")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._card: Any = None
        self._vehicle_id: int | None = None
        self._state = "empty"  # empty | loading | card

        self.placeholder = QLabel()
        self.placeholder.setObjectName("cardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)

        self.customer_box = QGroupBox()
        form = QFormLayout(self.customer_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            caption, value = QLabel(), QLabel()
            value.setObjectName(f"card_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.captions[key], self.values[key] = caption, value
            form.addRow(caption, value)
        self.values["name"].setStyleSheet("font-weight: bold")

        self.vehicle_box = QGroupBox()
        self.vehicle_model = VehicleTableModel(self)
        self.vehicles = TableView()
        self.vehicles.setObjectName("cardVehicles")
        self.vehicles.setModel(self.vehicle_model)
        self.vehicles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.vehicles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.vehicles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.vehicles.verticalHeader().hide()
        self.vehicles.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.vehicles.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.vehicles.horizontalHeader().setStretchLastSection(True)
        box_layout = QVBoxLayout(self.vehicle_box)
        box_layout.addWidget(self.vehicles)

        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.customer_box)
        card_layout.addWidget(self.vehicle_box, 1)

        self._pages = QStackedLayout(self)
        self._pages.addWidget(self.placeholder)
        self._pages.addWidget(card_page)
        self.retranslate_ui()

    @property
    def card(self) -> Any:
        return self._card

    def clear(self) -> None:
        self._card, self._state = None, "empty"
        self.vehicle_model.set_vehicles(())
        self._render()

    def show_loading(self) -> None:
        self._state = "loading"
        self._render()

    def show_card(self, card: Any, vehicle_id: int | None = None) -> None:
        self._card, self._vehicle_id, self._state = card, vehicle_id, "card"
        self.vehicle_model.set_vehicles(card.vehicles)
        row = self.vehicle_model.row_of(vehicle_id)
        if row >= 0:
            self.vehicles.selectionModel().select(
                self.vehicle_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.vehicles.scrollTo(self.vehicle_model.index(row, 0))
        self._render()

    def _render(self) -> None:
        if self._state != "card" or self._card is None:
            self.placeholder.setText(self.tr("Loading...") if self._state == "loading" else
                                     self.tr("Select a result to see the customer."))
            self._pages.setCurrentIndex(0)
            return
        card = self._card
        kinds = {"person": self.tr("Person"), "company": self.tr("Company")}
        genders = {"male": self.tr("Male"), "m": self.tr("Male"),
                   "female": self.tr("Female"), "f": self.tr("Female")}
        gender = card.gender or ""
        phones = [p for p in (card.home_phone, card.office_phone) if p]
        phone_text = "; ".join(
            ([self.tr("home {number}").format(number=card.home_phone)] if card.home_phone else [])
            + ([self.tr("office {number}").format(number=card.office_phone)]
               if card.office_phone else []))
        texts = {
            "code": card.code,
            "name": card.name,
            "kind": kinds.get(card.kind, card.kind or ""),
            "gender": genders.get(gender.lower(), gender),
            "mobile": card.mobile or "",
            "phones": phone_text if phones else "",
            "address": card.address or "",
            "membership": card.membership_tier or self.tr("None"),
            "notes": card.notes or "",
        }
        for key, value in texts.items():
            self.values[key].setText(value or "—")
        self._pages.setCurrentIndex(1)

    def retranslate_ui(self) -> None:
        captions = {
            "code": self.tr("Customer no."), "name": self.tr("Name"), "kind": self.tr("Type"),
            "gender": self.tr("Gender"), "mobile": self.tr("Mobile"),
            "phones": self.tr("Phones"), "address": self.tr("Address"),
            "membership": self.tr("Membership"), "notes": self.tr("Notes"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.customer_box.setTitle(self.tr("Customer"))
        self.vehicle_box.setTitle(self.tr("Vehicles"))
        self.vehicle_model.retranslate()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
