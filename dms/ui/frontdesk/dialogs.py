"""The front desk's dialogs: customers and vehicles are created and edited, a car changes
hands. Each OK is one command (`CommandDialog`). (A car arriving is checked in on its own page,
`checkin.py`.)"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox,
                               QWidget)

from dms import clock
from dms.crm import customers
from dms.errors import ValidationError
from dms.ui.common.command_dialog import CommandDialog

def _text(widget) -> str | None:
    value = (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()
    return value or None


def _combo(items: dict[str, str], current: str | None = None, empty: bool = False) -> QComboBox:
    box = QComboBox()
    if empty:
        box.addItem("", None)
    for key, text in items.items():
        box.addItem(text, key)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _set(widget, value) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QDateEdit):
        if value:
            widget.setDate(QDate(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value or 0)
    else:
        widget.setText("" if value is None else str(value))


def _get(widget):
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython() if widget.date() != widget.minimumDate() else None
    if isinstance(widget, QSpinBox):
        return widget.value() or None
    return _text(widget)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setSpecialValueText(" ")  # the minimum date shows empty: not given
    edit.setDate(edit.minimumDate())
    return edit


class _RecordDialog(CommandDialog):
    """A form of named fields, loaded from a file read (edit) or empty (create)."""

    def add_fields(self, fields: list[tuple[str, str, QWidget]]) -> None:
        self.fields = {}
        for name, label, widget in fields:
            widget.setObjectName(f"field_{name}")
            self.fields[name] = widget
            self.form.addRow(label, widget)
            signal = {QLineEdit: "textEdited", QComboBox: "currentIndexChanged",
                      QDateEdit: "dateChanged", QSpinBox: "valueChanged"}[type(widget)]
            getattr(widget, signal).connect(self.edited)

    def fill(self, values: dict) -> None:
        for name, widget in self.fields.items():
            if name in values:
                _set(widget, values[name])

    def values(self) -> dict:
        return {name: _get(widget) for name, widget in self.fields.items()}

    @property
    def saved(self):
        """The service's `Saved` once OK went through."""
        return self.result_value


class CustomerDialog(_RecordDialog):
    CONFIRMABLE = {"customer.duplicate": "confirm_duplicate"}

    def __init__(self, workspace, customer_id: int | None = None):
        super().__init__(workspace)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.kind = _combo({"person": self.tr("Person"), "company": self.tr("Company")}, "person")
        self.add_fields([
            ("kind", self.tr("&Type"), self.kind),
            ("name", self.tr("&Name or company"), QLineEdit()),
            ("mobile", self.tr("&Mobile"), QLineEdit()),
            ("gender", self.tr("&Gender"), _combo({"M": self.tr("Male"), "F": self.tr("Female")},
                                                  empty=True)),
            ("home_phone", self.tr("&Home phone"), QLineEdit()),
            ("office_phone", self.tr("&Office phone"), QLineEdit()),
            ("address", self.tr("&Address"), QLineEdit()),
            ("postcode", self.tr("Post&code"), QLineEdit()),
            ("employer", self.tr("&Employer"), QLineEdit()),
            ("title", self.tr("&Job title"), QLineEdit()),
            ("id_number", self.tr("&ID / organisation no."), QLineEdit()),
            ("birthday", self.tr("&Birthday"), _date_edit()),
            ("email", self.tr("E-ma&il"), QLineEdit()),
            ("notes", self.tr("No&tes"), QLineEdit()),
        ])
        self.setWindowTitle(self.tr("Edit customer") if customer_id else self.tr("New customer"))
        self.fields["name"].setFocus()
        if customer_id is not None:
            self.ok_button.setEnabled(False)
            workspace.read(customers.customer_file, customer_id, on_result=self._loaded,
                           on_error=self._on_error)

    def _loaded(self, _task_id: int, file) -> None:
        self.fill(file.fields)
        self.ok_button.setEnabled(True)

    def call(self):
        values = self.values()
        if self.customer_id is None:
            return customers.create_customer, (customers.CustomerIn(**values),), {}
        return customers.update_customer, (self.customer_id,), values

    def done_text(self, result) -> str:
        return self.tr("Customer {code} saved.").format(code=result.label)


class VehicleDialog(_RecordDialog):
    CONFIRMABLE = {"vehicle.vin_warning": "confirm_vin_warning",
                   "vehicle.duplicate": "confirm_duplicate"}
    EDITABLE = ("plate", "brand", "series", "model_code", "model_year", "engine_no", "colour",
                "fuel_type", "transmission")

    def __init__(self, workspace, customer_id: int, vehicle_id: int | None = None):
        super().__init__(workspace)
        self.setObjectName("vehicleDialog")
        self.customer_id, self.vehicle_id = customer_id, vehicle_id
        year = QSpinBox()
        year.setRange(0, 2100)
        year.setSpecialValueText(" ")
        mileage = QSpinBox()
        mileage.setRange(0, 2_000_000)
        mileage.setSpecialValueText(" ")
        fields = [("vin", self.tr("&VIN"), QLineEdit()), ("plate", self.tr("&Plate"), QLineEdit()),
                  ("brand", self.tr("&Brand"), QLineEdit()),
                  ("series", self.tr("&Series"), QLineEdit()),
                  ("model_code", self.tr("&Model code"), QLineEdit()),
                  ("model_year", self.tr("Model &year"), year),
                  ("engine_no", self.tr("&Engine no."), QLineEdit()),
                  ("colour", self.tr("&Colour"), QLineEdit()),
                  ("fuel_type", self.tr("&Fuel type"), QLineEdit()),
                  ("transmission", self.tr("&Transmission"), QLineEdit())]
        if vehicle_id is None:
            fields += [("purchase_date", self.tr("P&urchase date"), _date_edit()),
                       ("mileage", self.tr("Mileage &today"), mileage),
                       ("insurer", self.tr("&Insurer"), QLineEdit()),
                       ("insurance_expiry", self.tr("Insurance e&xpiry"), _date_edit())]
        self.add_fields(fields)
        self.setWindowTitle(self.tr("Edit vehicle") if vehicle_id else self.tr("New vehicle"))
        if vehicle_id is not None:
            self.fields["vin"].setReadOnly(True)  # a VIN is the car's identity
            self.fields["plate"].setFocus()
            self.ok_button.setEnabled(False)
            workspace.read(customers.customer_file, customer_id, on_result=self._loaded,
                           on_error=self._on_error)
        else:
            self.fields["vin"].setFocus()

    def _loaded(self, _task_id: int, file) -> None:
        for vehicle in file.vehicles:
            if vehicle.id == self.vehicle_id:
                self.fill(vehicle.fields)
        self.ok_button.setEnabled(True)

    def call(self):
        values = self.values()
        if self.vehicle_id is None:
            data = customers.VehicleIn(customer_id=self.customer_id, vin=values.pop("vin") or "",
                                       **values)
            return customers.create_vehicle, (data,), {}
        return customers.update_vehicle, (self.vehicle_id,), {
            k: values[k] for k in self.EDITABLE}

    def done_text(self, result) -> str:
        text = self.tr("Vehicle {label} saved.").format(label=result.label)
        if result.warnings:
            text += " " + self.tr("VIN warning overridden and recorded.")
        return text


class OwnerDialog(CommandDialog):
    """The car changes hands: find the new owner (as in the search), the date; the file keeps
    the owner history."""

    def __init__(self, workspace, vehicle_id: int, current_owner: str):
        super().__init__(workspace)
        self.setObjectName("ownerDialog")
        self.setWindowTitle(self.tr("Change owner"))
        self.vehicle_id = vehicle_id
        self.find = QLineEdit()
        self.find.setObjectName("ownerSearch")
        self.find.setPlaceholderText(self.tr("Name, mobile or customer code of the new owner"))
        self.choice = QComboBox()
        self.choice.setObjectName("ownerChoice")
        self.on_date = _date_edit()
        self.on_date.setDate(QDate(clock.now().astimezone().date()))
        self.form.addRow(self.tr("Current owner"), QLineEdit(current_owner, readOnly=True))
        self.form.addRow(self.tr("&Find"), self.find)
        self.form.addRow(self.tr("&New owner"), self.choice)
        self.form.addRow(self.tr("&From"), self.on_date)
        self.find.returnPressed.connect(self.search)
        self.find.setFocus()
        self._task = None

    def search(self) -> None:
        from dms.crm.find import front_desk_search

        text = self.find.text().strip()
        if text:
            self._task = self.ws.read(front_desk_search, text, 0, 20, on_result=self._found)

    def _found(self, task_id: int, rows) -> None:
        if task_id != self._task:
            return
        self.choice.clear()
        seen = set()
        for row in rows:
            if row.customer_id not in seen:
                seen.add(row.customer_id)
                self.choice.addItem(f"{row.customer_name} {row.customer_code} {row.mobile or ''}",
                                    row.customer_id)
        if seen:
            self.choice.setFocus()

    def call(self):
        customer_id = self.choice.currentData()
        if customer_id is None:
            raise ValidationError("customer.name", "Enter the customer's name.")
        return customers.change_owner, (self.vehicle_id, customer_id), {"on_date": _get(self.on_date)}

    def done_text(self, result) -> str:
        return self.tr("Owner changed; the file keeps the previous owner.")
