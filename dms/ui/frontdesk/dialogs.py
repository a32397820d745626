"""The front desk's dialogs: a walk-in (or arriving appointment) opens a work order, customers
and vehicles are created and edited. Each OK is one command (`CommandDialog`)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDateTimeEdit, QHBoxLayout,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from dms import clock
from dms.crm import customers
from dms.errors import ValidationError
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.workshop import appointments, intake
from dms.workshop.reception import BUSINESS_TYPES, CheckIn


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

