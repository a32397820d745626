"""The front desk's dialogs: a walk-in (or arriving appointment) opens a work order, customers
and vehicles are created and edited. Each OK is one command (`CommandDialog`)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDateTimeEdit, QHBoxLayout,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from dms import clock
from dms.crm import customers
from dms.errors import ValidationError
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.workshop import appointments, intake
from dms.workshop.reception import CheckIn


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


class FuelGauge(QWidget):
    """Fuel level in eighths: nine buttons, keys 0–8 choose one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for level in range(9):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setFixedWidth(30)
            button.setShortcut(f"Alt+{level}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(button, level)
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> int | None:
        level = self.group.checkedId()
        return None if level < 0 else level

    def set_value(self, level: int) -> None:
        self.group.button(level).setChecked(True)


class WalkInDialog(CommandDialog):
    """Open a work order for the car at the desk: a walk-in from the vehicle file (taking up
    declined work if chosen) or an appointment that has arrived."""

    def __init__(self, workspace, vehicle_id: int, last_mileage: int | None,
                 taken_up: tuple[int, ...] = (), appointment=None, complaint: str = ""):
        super().__init__(workspace)
        self.setObjectName("walkInDialog")
        self.vehicle_id, self.taken_up, self.appointment = vehicle_id, taken_up, appointment
        self.mileage = QSpinBox()
        self.mileage.setObjectName("walkInMileage")
        self.mileage.setRange(0, 2_000_000)
        self.mileage.setGroupSeparatorShown(True)
        self.mileage.setSuffix(" km")
        if last_mileage:
            self.mileage.setValue(last_mileage)
        self.mileage.selectAll()
        self.odometer_note = QLineEdit()
        self.fuel = FuelGauge()
        self.complaint = QPlainTextEdit(complaint)
        self.complaint.setObjectName("walkInComplaint")
        self.complaint.setTabChangesFocus(True)
        self.complaint.setFixedHeight(70)
        self.business = _combo(words.business_types(), "maintenance")
        self.delivered_by = QLineEdit()
        self.delivered_phone = QLineEdit()
        self.promised = QDateTimeEdit()
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        soon = clock.now().astimezone() + timedelta(hours=2)
        self.promised.setDateTime(QDateTime(soon.replace(minute=0, second=0, microsecond=0)))
        for label, field in ((self.tr("&Mileage"), self.mileage),
                             (self.tr("Odometer &note"), self.odometer_note),
                             (self.tr("&Fuel (Alt+0–8)"), self.fuel),
                             (self.tr("&Complaint"), self.complaint),
                             (self.tr("&Business type"), self.business),
                             (self.tr("&Delivered by"), self.delivered_by),
                             (self.tr("Contact &phone"), self.delivered_phone),
                             (self.tr("&Promised"), self.promised)):
            self.form.addRow(label, field)
        self.setWindowTitle(self.tr("Arrived: open work order") if appointment
                            else self.tr("New work order"))
        self.mileage.setFocus()

    def call(self):
        fuel = self.fuel.value()
        if fuel is None:
            raise ValidationError("reception.fuel", "The fuel level is in eighths, from 0 to 8.")
        promised = self.promised.dateTime().toPython().astimezone()
        data = CheckIn(vehicle_id=self.vehicle_id, mileage=self.mileage.value(), fuel_level=fuel,
                       complaint=_text(self.complaint) or "", business_type=self.business.currentData(),
                       delivered_by_name=_text(self.delivered_by),
                       delivered_by_phone=_text(self.delivered_phone), promised_at=promised,
                       odometer_change_note=_text(self.odometer_note))
        if self.appointment is not None:
            return appointments.arrive, (self.appointment.id, data), {
                "expected_version": self.appointment.version}
        return intake.check_in, (data, self.taken_up), {}

    def done_text(self, result) -> str:
        return self.tr("Work order opened: it is listed under the open work orders.")



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
