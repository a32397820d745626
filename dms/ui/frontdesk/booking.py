"""The appointment dialogs: book from a phone call, cancel with a reason, record a reminder
call. Each OK is one command (`CommandDialog`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from decimal import Decimal

from PySide6.QtCore import QDateTime, QEvent, QRegularExpression, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDoubleSpinBox, QLabel, QLineEdit,
                               QPlainTextEdit, QWidget)

from dms.crm.reminders import METHODS
from dms.ui import error_words
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import form_row, hours, selected_row, table_view
from dms.workshop import appointment_book as reads
from dms.workshop import appointments

RED = QColor("#b3261e")
BOOKING_HOUR = 9  # a new booking starts at tomorrow 09:00


class CancelDialog(CommandDialog):
    def __init__(self, workspace, entry):
        super().__init__(workspace)
        self.setObjectName("cancelBookingDialog")
        self.entry = entry
        self.setWindowTitle(self.tr("Cancel appointment {number}").format(number=entry.number))
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.form.addRow(QLabel(f"<b>{entry.plate or ''}</b> · {entry.customer_name} · "
                                f"{words.when(entry.booked_for)}"))
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.reason.setFocus()

    def call(self):
        return appointments.cancel, (self.entry.id, self.reason.text()), {
            "expected_version": self.entry.version}

    def done_text(self, result) -> str:
        return self.tr("Appointment {number} cancelled.").format(number=self.entry.number)


class RemindDialog(CommandDialog):
    """The reminder call's outcome: how the customer was contacted and what they said."""

    def __init__(self, workspace, appointment_id: int, number: str, plate: str | None):
        super().__init__(workspace)
        self.setObjectName("remindDialog")
        self.appointment_id, self.number = appointment_id, number
        self.setWindowTitle(self.tr("Reminder call: {plate}").format(plate=plate or number))
        names = {"phone": self.tr("Phone call"), "sms": self.tr("Text message"),
                 "wechat": self.tr("WeChat"), "app": self.tr("App message")}
        self.method = QComboBox()
        self.method.setObjectName("remindMethod")
        for method in METHODS:
            self.method.addItem(names.get(method, method), method)
        self.result = QComboBox()
        self.result.setObjectName("remindResult")
        self.result.setEditable(True)
        self.result.addItems([self.tr("Confirmed, will come on time"),
                              self.tr("Will come, but later"), self.tr("Not reached")])
        self.form.addRow(self.tr("&Method"), self.method)
        self.form.addRow(self.tr("&Result"), self.result)
        self.result.setFocus()

    def call(self):
        return appointments.mark_reminded, (self.appointment_id, self.method.currentData(),
                                            self.result.currentText().strip() or None), {}

    def done_text(self, result) -> str:
        return self.tr("Reminder call for {number} recorded.").format(number=self.number)


@dataclass(frozen=True)
class ExpectedPart:
    code: str
    qty: Decimal
    name: str | None = None  # None until the stock is read
    available: Decimal | None = None
    known: bool = True


class BookingDialog(CommandDialog):
    """Book the car of a vehicle file from a phone call: a package (or the work in words),
    the time, planned hours, expected parts with their stock, estimate, channel, contact."""

    CONFIRMABLE = {"appointment.overbooked": "confirm_overbooking",
                   "appointment.overbooked_trade": "confirm_overbooking"}

    def __init__(self, workspace, file, parent: QWidget | None = None):
        super().__init__(workspace, parent)
        self.setObjectName("bookingDialog")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 64)
        self.file = file
        self.packages: list[reads.PackageOption] = []
        self._package = None  # the package whose work, hours and parts were filled in
        self.day_capacity = None
        self._tasks: dict[str, int] = {}
        self.setWindowTitle(self.tr("Book appointment: {plate}").format(plate=file.plate or ""))

        self.package = QComboBox()
        self.package.setObjectName("bookingPackage")
        self.package.addItem(self.tr("(no package)"), None)
        self.work = QPlainTextEdit()
        self.work.setObjectName("bookingWork")
        self.work.setTabChangesFocus(True)
        self.work.setFixedHeight(56)
        self.trade = QComboBox()  # the bays the booking is counted against (a package sets it)
        self.trade.setObjectName("bookingTrade")
        for key, text in error_words.trades().items():
            self.trade.addItem(text, key)
        tomorrow = reads.today() + timedelta(days=1)
        self.when = QDateTimeEdit(QDateTime(datetime.combine(tomorrow, time(BOOKING_HOUR))))
        self.when.setObjectName("bookingWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.day_load = QLabel()
        self.day_load.setObjectName("bookingDayLoad")
        when_row = form_row(self.when, self.day_load)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("bookingHours")
        self.hours.setRange(0.1, 99)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(float(appointments.DEFAULT_HOURS))
        self.hours.setSuffix(" h")
        self.part_code = QLineEdit()
        self.part_code.setObjectName("bookingPartCode")
        self.part_code.installEventFilter(self)
        self.part_qty = QDoubleSpinBox()
        self.part_qty.setObjectName("bookingPartQty")
        self.part_qty.setRange(0.1, 999)
        self.part_qty.setDecimals(1)
        self.part_qty.setValue(1)
        part_row = form_row(self.part_code, self.part_qty)
        self.parts = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Part"), lambda p: p.code),
            Column(lambda: self.tr("Name"), lambda p: p.name if p.known else self.tr("no such part"),
                   colour=lambda p: None if p.known else RED),
            Column(lambda: self.tr("Qty"), lambda p: hours(p.qty), align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Available"), lambda p: hours(p.available),
                   align=Qt.AlignmentFlag.AlignRight,
                   colour=lambda p: RED if p.available is not None and p.available < p.qty
                   else None),
        ], key=lambda p: p.code, parent=self)
        self.parts_view = table_view(self.parts, "bookingParts", (9, 12, 4, 5), stretch=1)
        self.parts_view.setFixedHeight(self.fontMetrics().height() * 8)
        self.parts_view.installEventFilter(self)
        self.estimate = QLineEdit()
        self.estimate.setObjectName("bookingEstimate")
        self.estimate.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,8}(\.\d{0,2})?"), self.estimate))
        self.channel = QComboBox()
        self.channel.setObjectName("bookingChannel")
        for key, text in words.channels().items():
            self.channel.addItem(text, key)
        self.channel.setCurrentIndex(self.channel.findData("phone"))
        self.contact_name = QLineEdit(file.customer_name)
        self.contact_phone = QLineEdit(file.mobile or "")

        self.form.addRow(QLabel(f"<b>{file.plate or ''}</b> · {file.customer_name} · "
                                f"{file.mobile or ''}"))
        for label, field in ((self.tr("&Package"), self.package), (self.tr("&Work"), self.work),
                             (self.tr("&Trade"), self.trade),
                             (self.tr("&Date and time"), when_row), (self.tr("Planned h&ours"), self.hours),
                             (self.tr("Expected pa&rts (code, Enter)"), part_row),
                             ("", self.parts_view), (self.tr("&Estimate (¥)"), self.estimate),
                             (self.tr("C&hannel"), self.channel), (self.tr("&Contact"), self.contact_name),
                             (self.tr("Contact pho&ne"), self.contact_phone)):
            self.form.addRow(label, field)

        self.package.currentIndexChanged.connect(self._package_chosen)
        self.when.dateTimeChanged.connect(self._load_day)
        self.trade.currentIndexChanged.connect(self._show_day_load)
        for signal in (self.package.currentIndexChanged, self.work.textChanged,
                       self.trade.currentIndexChanged, self.when.dateTimeChanged, self.hours.valueChanged,
                       self.estimate.textChanged, self.channel.currentIndexChanged,
                       self.contact_name.textChanged, self.contact_phone.textChanged,
                       self.parts.rowsInserted, self.parts.rowsRemoved):
            signal.connect(self.edited)
        self._tasks["packages"] = workspace.read(reads.packages, on_result=self._on_packages)
        self._load_day()
        self.package.setFocus()

    # -- packages, the day's load, parts ------------------------------------------------------
    @Slot(int, object)
    def _on_packages(self, task_id: int, found) -> None:
        if self._tasks.get("packages") != task_id:
            return
        self.packages = list(found)
        for package in self.packages:
            self.package.addItem(f"{package.name} ({package.code})", package.code)

    @Slot(int)
    def _package_chosen(self, index: int) -> None:
        """Fill in a package's work, hours, price and parts; what the advisor typed besides
        (more work, another part) stays, what the previous package filled in goes."""
        package = next((p for p in self.packages if p.code == self.package.itemData(index)), None)
        before, self._package = self._package, package
        typed = self.work.toPlainText().strip()
        if before is not None and typed.startswith(before.name):
            typed = typed[len(before.name):].lstrip("；; ")
        name = package.name if package else ""
        self.work.setPlainText("；".join(t for t in (name, typed) if t))
        if package is not None:
            self.trade.setCurrentIndex(self.trade.findData(package.trade))
            if package.hours > 0:
                self.hours.setValue(float(package.hours))
            self.estimate.setText(f"{package.price:.2f}")
        dropped = {code for code, _ in before.parts} if before else set()
        kept = [p for p in self.parts.rows if p.code not in dropped]
        codes = {p.code for p in kept}
        self.parts.set_rows(kept + [ExpectedPart(code, qty) for code, qty in
                                    (package.parts if package else ()) if code not in codes])
        self._read_stock()

    @Slot()
    def _load_day(self) -> None:
        day = self.when.dateTime().toPython().date()
        self._tasks["day"] = self.ws.read(reads.week_capacity, day, 1,
                                          on_result=self._on_day_load)

    @Slot(int, object)
    def _on_day_load(self, task_id: int, days) -> None:
        if self._tasks.get("day") != task_id:
            return
        self.day_capacity = days[0]
        self._show_day_load()

    @Slot()
    def _show_day_load(self) -> None:
        c = self.day_capacity
        if c is None:
            return
        text = self.tr("that day: {booked} of {capacity} h booked").format(
            booked=hours(c.booked_hours), capacity=hours(c.capacity_hours))
        bays = c.of(self.trade.currentData())
        if bays is not None:
            text += self.tr("; {trade} bays {booked} of {capacity} h").format(
                trade=error_words.trades().get(bays.kind, bays.kind),
                booked=hours(bays.booked_hours), capacity=hours(bays.capacity_hours))
        self.day_load.setText(text)
        full = c.free_hours <= 0 or bays is not None and bays.free_hours <= 0
        self.day_load.setStyleSheet(f"color: {RED.name()};" if full else "")

    def add_part(self) -> None:
        code = self.part_code.text().strip().upper()
        if not code:
            return
        qty = Decimal(f"{self.part_qty.value():.1f}")
        rows = self.parts.rows
        at = self.parts.row_of(code)
        if at >= 0:
            rows[at] = replace(rows[at], qty=rows[at].qty + qty)
        else:
            rows.append(ExpectedPart(code, qty))
        self.parts.set_rows(rows)
        self.part_code.clear()
        self.part_qty.setValue(1)
        self._read_stock()

    def _read_stock(self) -> None:
        codes = tuple(p.code for p in self.parts.rows)
        if codes:
            self._tasks["stock"] = self.ws.read(reads.part_stock, codes,
                                                on_result=self._on_stock)

    @Slot(int, object)
    def _on_stock(self, task_id: int, stock) -> None:
        if self._tasks.get("stock") != task_id:
            return
        self.parts.set_rows([
            replace(p, name=found.name, available=found.available) if found
            else replace(p, known=False) if p.code in stock else p
            for p in self.parts.rows for found in [stock.get(p.code)]])

    def eventFilter(self, watched, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.part_code and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_part()  # Enter adds the part; it must not confirm the whole dialog
                return True
            if watched is self.parts_view and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                chosen = selected_row(self.parts_view, self.parts)
                if chosen is not None:
                    self.parts.set_rows([p for p in self.parts.rows if p.code != chosen.code])
                return True
        return super().eventFilter(watched, event)

    # -- the command ---------------------------------------------------------------------------
    def call(self):
        text = self.estimate.text().strip().rstrip(".")
        booking = appointments.Booking(
            vehicle_id=self.file.id, channel=self.channel.currentData(),
            requested_work=self.work.toPlainText(),
            booked_for=self.when.dateTime().toPython().astimezone(),
            planned_hours=Decimal(f"{self.hours.value():.1f}"),
            estimate=Decimal(text) if text else None,
            expected_parts=tuple((p.code, p.qty) for p in self.parts.rows),
            contact_name=self.contact_name.text().strip() or None,
            contact_phone=self.contact_phone.text().strip() or None,
            trade=self.trade.currentData())
        return appointments.book, (booking,), {}

    def done_text(self, result) -> str:
        text = self.tr("Appointment {number} booked for {when}.").format(
            number=result.number, when=self.when.dateTime().toString("yyyy-MM-dd HH:mm"))
        if result.overbooked:
            text += " " + self.tr("The day is over-booked: {booked} of {capacity} h.").format(
                booked=hours(result.capacity.booked_hours),
                capacity=hours(result.capacity.capacity_hours))
        return text
