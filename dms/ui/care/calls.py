"""Reminder call lists 提醒回访 (step 1): maintenance due (by date or the car's projected
mileage), insurance renewal, membership expiry, birthdays, declined work, campaigns and recalls.

One list, the kind chosen above it (Alt+K); the window in days and kilometres beside it. Enter
or Ctrl+R on a row records the call (reached or not, what was said); Ctrl+B books the car from
the call in one command (`reminders.book_from_reminder`: the call and the appointment in one
transaction), with the front desk's booking dialog and the package due already chosen.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget)

from dms.crm import reminders
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.frontdesk.booking import BookingDialog

translate = QCoreApplication.translate


def kinds() -> dict[str, str]:
    return {"maintenance": translate("CareWords", "Maintenance due"),
            "insurance": translate("CareWords", "Insurance renewal"),
            "membership": translate("CareWords", "Membership expiry"),
            "birthday": translate("CareWords", "Birthdays"),
            "declined": translate("CareWords", "Declined work"),
            "campaign": translate("CareWords", "Campaigns and recalls")}


def methods() -> dict[str, str]:
    return {"phone": translate("CareWords", "Phone call"),
            "sms": translate("CareWords", "Text message"),
            "wechat": translate("CareWords", "WeChat"), "app": translate("CareWords", "App message")}


def outcome_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem(translate("CareWords", "Reached"), True)
    box.addItem(translate("CareWords", "Not reached"), False)
    return box


class CallDialog(CommandDialog):
    """The call's outcome: how, whether the customer was reached, what they said."""

    def __init__(self, workspace, row):
        super().__init__(workspace)
        self.setObjectName("careCallDialog")
        self.row = row
        self.setWindowTitle(self.tr("Call: {name}").format(name=row.customer_name))
        self.method = QComboBox()
        self.method.setObjectName("callMethod")
        for key, text in methods().items():
            self.method.addItem(text, key)
        self.reached = outcome_box("callReached")
        self.result = QComboBox()
        self.result.setObjectName("callResult")
        self.result.setEditable(True)
        self.result.addItems(["", self.tr("Will call back to book"), self.tr("Not interested"),
                              self.tr("Serviced elsewhere"), self.tr("No answer"),
                              self.tr("Switched off")])
        self.form.addRow(QLabel(f"<b>{row.plate or ''}</b> · {row.customer_name} · "
                                f"{row.mobile or ''}<br>{row.what}"))
        self.form.addRow(self.tr("&Method"), self.method)
        self.form.addRow(self.tr("&Outcome"), self.reached)
        self.form.addRow(self.tr("What the customer &said"), self.result)
        self.result.setFocus()

    def call(self):
        return reminders.record_call, (self.row.reminder_id, self.method.currentData(),
                                       self.result.currentText().strip() or None,
                                       self.reached.currentData()), {}

    def done_text(self, result) -> str:
        return self.tr("Call to {name} recorded.").format(name=self.row.customer_name)


class ReminderBookingDialog(BookingDialog):
    """The front desk's booking dialog, for the car of a reminder: OK records the call and
    books in one command; the package due (or the declined or campaign work) is filled in."""

    def __init__(self, workspace, row):
        file = SimpleNamespace(id=row.vehicle_id, plate=row.plate, customer_name=row.customer_name,
                               mobile=row.mobile)
        super().__init__(workspace, file)
        self.setObjectName("careBookingDialog")
        self.row = row
        if row.kind in ("declined", "campaign"):
            self.work.setPlainText(row.what)

    @Slot(int, object)
    def _on_packages(self, task_id: int, found) -> None:
        super()._on_packages(task_id, found)
        if self.row.kind == "maintenance" and self.package.currentIndex() == 0:
            due = next((p.code for p in self.packages if p.name == self.row.what), None)
            if due is not None:
                self.package.setCurrentIndex(self.package.findData(due))

    def call(self):
        _fn, (booking,), _kwargs = super().call()
        method = booking.channel if booking.channel in reminders.METHODS else "phone"
        return reminders.book_from_reminder, (self.row.reminder_id, booking.booked_for), {
            "requested_work": booking.requested_work, "method": method,
            "vehicle_id": self.row.vehicle_id, "planned_hours": booking.planned_hours,
            "estimate": booking.estimate, "expected_parts": booking.expected_parts,
            "contact_name": booking.contact_name, "contact_phone": booking.contact_phone}

    def done_text(self, result) -> str:
        return super().done_text(result.booking)


class CallsPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careCalls")
        self.ws = workspace
        self.loads = 0
        self.kind = QComboBox()
        self.kind.setObjectName("callKind")
        self.days = QSpinBox()
        self.days.setObjectName("callDays")
        self.days.setRange(0, 365)
        self.days.setValue(30)
        self.km = QSpinBox()
        self.km.setObjectName("callKm")
        self.km.setRange(0, 20_000)
        self.km.setSingleStep(500)
        self.km.setValue(1000)
        self.kind_label, self.days_label, self.km_label = QLabel(), QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind)
        self.days_label.setBuddy(self.days)
        self.km_label.setBuddy(self.km)
        self.count = QLabel()
        self.count.setObjectName("callCount")
        bar = QHBoxLayout()
        for widget in (self.kind_label, self.kind, self.days_label, self.days, self.km_label,
                       self.km):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count)

        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Due"), lambda r: words.day(r.due_date)),
            Column(lambda: self.tr("Due km"), lambda r: words.km(r.due_mileage),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Plate"), lambda r: r.plate),
            Column(lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column(lambda: self.tr("Mobile"), lambda r: r.mobile),
            Column(lambda: self.tr("What"), lambda r: r.what, tooltip=lambda r: r.what),
            Column(lambda: self.tr("Last call"), lambda r: r.result, tooltip=lambda r: r.result),
        ], key=lambda r: r.reminder_id, parent=self)
        self.view = table_view(self.model, "callList", (8, 8, 8, 7, 9, 20, 12), stretch=5)
        self.view.activated.connect(lambda _index: workspace.record_call())
        self.model.page_loaded.connect(self._show_count)
        self.model.refreshed.connect(self._show_count)
        self.model.failed.connect(workspace.message_bar.show_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()
        self.kind.currentIndexChanged.connect(self.load)
        self.days.editingFinished.connect(self.load)
        self.km.editingFinished.connect(self.load)

    def load(self) -> None:
        ws, kind, days, km = self.ws, self.kind.currentData(), self.days.value(), self.km.value()
        if kind is None:
            return
        self.count.setText(self.tr("Loading..."))
        self.model.set_fetch(pages(reminders.reminder_list, ws.ctx.db, ws.ctx.user, kind, days,
                                   km))

    def selected(self):
        return selected_row(self.view, self.model)

    @Slot()
    def _show_count(self) -> None:
        self.loads += 1  # pages and refreshes answered (benchmarks wait for the next)
        more = "+" if self.model.has_more else ""
        self.count.setText(self.tr("{n}{more} to call").format(n=self.model.rowCount(), more=more))
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def retranslate_ui(self) -> None:
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, text in kinds().items():
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.kind_label.setText(self.tr("&List"))
        self.days_label.setText(self.tr("within &days"))
        self.km_label.setText(self.tr("or &km"))
        self.days.setSuffix(self.tr(" d"))
        self.km.setSuffix(" km")
        self.model.retranslate()
        self._show_count()
