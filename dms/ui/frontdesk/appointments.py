"""The appointment book 预约 (step 2): the day's bookings against the workshop's capacity, the
week at a glance, tomorrow's reminder calls, and booking from a phone call.

Day view: time, plate, customer, requested work, planned hours, status and reminder of each
booking, with the day's booked hours against capacity (red when over). Alt+W toggles the week
view (7 days × booked/capacity; Enter opens a day); Alt+Left/Right/Home move by a day (a week
in the week view) and back to today. Ctrl+Enter on a booking: the car has arrived, the work
order is opened (WalkInDialog) and then its vehicle file. No-show and cancel send the version
the advisor saw, so a booking changed meanwhile on another seat is refused, not overwritten.

Capacity is store-wide, as `dms.workshop.appointments` computes it: bookings carry no trade
or bay (see `dms.workshop.appointment_book`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from PySide6.QtCore import QDateTime, QEvent, QRegularExpression, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit, QDoubleSpinBox,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QStackedWidget, QTableView,
                               QToolButton, QVBoxLayout, QWidget)

from dms.crm.reminders import METHODS
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.frontdesk.dialogs import WalkInDialog
from dms.ui.shell.bus import as_changes
from dms.workshop import appointment_book as reads
from dms.workshop import appointments

RED, GREY = QColor("#b3261e"), QColor("#8c8c8c")
OVER_STYLE = "QProgressBar::chunk { background: #b3261e; }"
BOOKING_HOUR = 9  # a new booking starts at tomorrow 09:00


def _hours(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _table(model: PagedTableModel, name: str, widths: tuple[int, ...] = (),
           stretch: int | None = None) -> QTableView:
    """A read-only table; `widths` in ems per column, `stretch` the column that takes the rest
    (else the last)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    em = view.fontMetrics().horizontalAdvance("M")
    for column, width in enumerate(widths):
        header.resizeSection(column, width * em)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


def _row(*widgets: QWidget) -> QWidget:
    """Several fields on one form row; the label's mnemonic goes to the first."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    row.setFocusProxy(widgets[0])
    return row


def _selected(view: QTableView, model: PagedTableModel):
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


class AppointmentBook(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("appointmentBook")
        self.ws = workspace
        self.day = reads.today()
        self.week_mode = False
        self.capacity = None  # the shown day's appointments.Capacity, once read
        self.dialog = None  # the last dialog opened here, kept until the next (tests read it)
        self._tasks: dict[str, int] = {}
        self._stale = False
        self._acting_on = None  # the booking a no-show is being recorded for
        runner = workspace.ctx.runner

        self.heading = QLabel()
        self.heading.setObjectName("bookDay")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.capacity_bar = QProgressBar()
        self.capacity_bar.setObjectName("bookCapacityBar")
        self.capacity_bar.setTextVisible(False)
        self.capacity_bar.setMaximumWidth(260)
        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("bookCapacity")

        self.bookings = PagedTableModel(runner, [
            Column(lambda: self.tr("Time"), lambda e: e.booked_for.astimezone().strftime("%H:%M"),
                   tooltip=lambda e: e.number),
            Column(lambda: self.tr("Plate"), lambda e: e.plate),
            Column(lambda: self.tr("Customer"), lambda e: e.customer_name,
                   tooltip=lambda e: e.contact_phone),
            Column(lambda: self.tr("Requested work"), lambda e: e.requested_work.splitlines()[0]
                   if e.requested_work else "", tooltip=lambda e: e.requested_work),
            Column(lambda: self.tr("Hours"), lambda e: _hours(e.planned_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Status"), lambda e: words.state_name(e.status),
                   colour=lambda e: None if e.status in appointments.LIVE else GREY),
            Column(lambda: self.tr("Reminded"), lambda e: words.when(e.reminded_at)),
        ], parent=self)
        self.week = PagedTableModel(runner, [
            Column(lambda: self.tr("Day"), lambda c: f"{self._weekday(c.day)} {c.day.isoformat()}"),
            Column(lambda: self.tr("Booked (h)"), lambda c: _hours(c.booked_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Capacity (h)"), lambda c: _hours(c.capacity_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Free (h)"), lambda c: _hours(c.free_hours),
                   align=Qt.AlignmentFlag.AlignRight,
                   colour=lambda c: RED if c.free_hours < 0 else None),
        ], key=lambda c: c.day, parent=self)
        self.reminders = PagedTableModel(runner, [
            Column(lambda: self.tr("Time"), lambda r: r.booked_for.astimezone().strftime("%H:%M")),
            Column(lambda: self.tr("Plate"), lambda r: r.plate),
            Column(lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column(lambda: self.tr("Phone"), lambda r: r.contact_phone),
            Column(lambda: self.tr("Work"), lambda r: r.requested_work.splitlines()[0]
                   if r.requested_work else ""),
        ], key=lambda r: r.appointment_id, parent=self)
        self.day_view = _table(self.bookings, "bookDayView", (5, 8, 10, 14, 5, 6, 10), stretch=3)
        self.week_view = _table(self.week, "bookWeekView", (9, 7, 7, 7))
        self.reminder_view = _table(self.reminders, "bookReminders", (5, 8, 8, 10), stretch=4)
        self.day_view.activated.connect(lambda _index: self.arrive())
        self.week_view.activated.connect(self._open_week_day)
        self.reminder_view.activated.connect(lambda _index: self.remind())
        self.views = QStackedWidget()
        self.views.addWidget(self.day_view)
        self.views.addWidget(self.week_view)

        make = workspace.ctx.actions.make
        self.previous_action = make("appointment.previous", self, lambda: self._step(-1))
        self.next_action = make("appointment.next", self, lambda: self._step(1))
        self.today_action = make("appointment.today", self, self.go_today)
        self.week_action = make("appointment.week", self, self.toggle_week)
        self.week_action.setCheckable(True)
        self.arrive_action = make("appointment.arrive", self, self.arrive)
        self.arrive_action.setShortcuts([self.arrive_action.shortcut(),
                                         QKeySequence("Ctrl+Enter")])  # the keypad's Enter too
        self.no_show_action = make("appointment.no_show", self, self.no_show)
        self.cancel_action = make("appointment.cancel", self, self.cancel)
        self.remind_action = make("appointment.remind", self, self.remind)
        self.booking_actions = (self.arrive_action, self.no_show_action, self.cancel_action)
        for action in (self.previous_action, self.next_action, self.today_action,
                       self.week_action, *self.booking_actions, self.remind_action):
            self.addAction(action)
        self.day_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.day_view.addActions(list(self.booking_actions))
        self.day_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.bookings.dataChanged.connect(self._update_actions)
        self.bookings.rowsRemoved.connect(self._update_actions)

        top = QHBoxLayout()
        for action in (self.previous_action, self.today_action, self.next_action):
            top.addWidget(self._button(action))
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.capacity_label)
        top.addWidget(self.capacity_bar)
        top.addWidget(self._button(self.week_action))
        actions_row = QHBoxLayout()
        for action in self.booking_actions:
            actions_row.addWidget(self._button(action))
        actions_row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.views, 1)
        left.addLayout(actions_row)
        self.reminder_box = QGroupBox()
        box_layout = QVBoxLayout(self.reminder_box)
        box_layout.setContentsMargins(6, 4, 6, 6)
        box_layout.addWidget(self.reminder_view, 1)
        box_layout.addWidget(self._button(self.remind_action), 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.reminder_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.day_view)
        self._update_actions()
        self.retranslate_ui()

    def _button(self, action) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # -- what the front desk calls ---------------------------------------------------------
    def show_day(self, day: date | None = None) -> None:
        """Show the day view of `day` (default: the day shown last, at first today), loaded."""
        if day is not None:
            self.day = day
        self.week_mode = False
        self.week_action.setChecked(False)
        self.views.setCurrentWidget(self.day_view)
        self._render_heading()
        self.refresh()
        self.day_view.setFocus()

    def refresh(self) -> None:
        """Read the shown day (or week), its capacity and tomorrow's calls again, merged in;
        while another page of the front desk is shown, only once this one is shown again."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        ws = self.ws
        if self.week_mode:
            self._tasks["week"] = ws.read(reads.week_capacity, self.week_start(),
                                          on_result=self._on_week)
        else:
            self._tasks["day"] = ws.read(reads.day_book, self.day, on_result=self._on_day)
        self._tasks["capacity"] = ws.read(reads.week_capacity, self.day, 1,
                                          on_result=self._on_capacity)
        self._tasks["reminders"] = ws.read(appointments.reminders_for,
                                           on_result=self._on_reminders)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def focus_widget(self) -> QWidget:
        return self.week_view if self.week_mode else self.day_view

    def week_start(self) -> date:
        return self.day - timedelta(days=self.day.weekday())

    # -- moving ----------------------------------------------------------------------------
    def _step(self, direction: int) -> None:
        self.day += timedelta(days=7 * direction if self.week_mode else direction)
        self._moved()

    @Slot()
    def go_today(self) -> None:
        self.day = reads.today()
        self._moved()

    def _moved(self) -> None:
        self._render_heading()
        self.refresh()

    @Slot()
    def toggle_week(self) -> None:
        self.week_mode = not self.week_mode
        self.week_action.setChecked(self.week_mode)
        self.views.setCurrentWidget(self.focus_widget())
        self.focus_widget().setFocus()
        self._moved()

    def _open_week_day(self, index) -> None:
        self.show_day(self.week.row_at(index.row()).day)

    # -- results ---------------------------------------------------------------------------
    def _latest(self, name: str, task_id: int) -> bool:
        return self._tasks.get(name) == task_id

    @Slot(int, object)
    def _on_day(self, task_id: int, entries) -> None:
        if self._latest("day", task_id):
            self.bookings.set_rows(entries)
            if self.bookings.rowCount() and not self.day_view.selectionModel().hasSelection():
                self.day_view.selectRow(0)
            self._update_actions()

    @Slot(int, object)
    def _on_week(self, task_id: int, days) -> None:
        if self._latest("week", task_id):
            self.week.set_rows(days)
            self.week_view.selectRow(self.day.weekday())

    @Slot(int, object)
    def _on_capacity(self, task_id: int, days) -> None:
        if not self._latest("capacity", task_id):
            return
        self.capacity = capacity = days[0]
        over = capacity.booked_hours > capacity.capacity_hours
        self.capacity_bar.setRange(0, max(1, int(capacity.capacity_hours * 100)))
        self.capacity_bar.setValue(int(min(capacity.booked_hours, capacity.capacity_hours) * 100))
        self.capacity_bar.setStyleSheet(OVER_STYLE if over else "")
        self.capacity_label.setStyleSheet(f"color: {RED.name()};" if over else "")
        self._render_capacity()

    @Slot(int, object)
    def _on_reminders(self, task_id: int, rows) -> None:
        if self._latest("reminders", task_id):
            self.reminders.set_rows(rows)

    def _render_capacity(self) -> None:
        c = self.capacity
        if c is None:
            return
        booked, total = _hours(c.booked_hours), _hours(c.capacity_hours)
        self.capacity_label.setText(
            self.tr("Booked {booked} of {capacity} h — over by {over} h").format(
                booked=booked, capacity=total, over=_hours(-c.free_hours))
            if c.free_hours < 0 else
            self.tr("Booked {booked} of {capacity} h, {free} h free").format(
                booked=booked, capacity=total, free=_hours(c.free_hours)))

    def _render_heading(self) -> None:
        if self.week_mode:
            first = self.week_start()
            self.heading.setText(self.tr("Week {first} – {last}").format(
                first=first.isoformat(), last=(first + timedelta(days=6)).isoformat()))
        else:
            today = self.tr(" (today)") if self.day == reads.today() else ""
            self.heading.setText(f"{self._weekday(self.day)} {self.day.isoformat()}{today}")

    def _weekday(self, day: date) -> str:
        return (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                self.tr("Sat"), self.tr("Sun"))[day.weekday()]

    # -- acting on a booking ----------------------------------------------------------------
    def selected_entry(self):
        return _selected(self.day_view, self.bookings) if not self.week_mode else None

    def _update_actions(self, *_args) -> None:
        entry = self.selected_entry()
        for action in self.booking_actions:
            self.ws.ctx.actions.set_enabled(action, entry is not None and entry.status == "booked")

    @Slot()
    def arrive(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.status != "booked" or not self.arrive_action.isEnabled():
            return
        self._acting_on = entry
        dialog = WalkInDialog(self.ws, entry.vehicle_id, entry.mileage, appointment=entry,
                              complaint=entry.requested_work)
        dialog.accepted.connect(self._on_arrived)
        self._open(dialog)

    def _open(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _on_arrived(self) -> None:
        entry, self._acting_on = self._acting_on, None
        self.ws.message_bar.show_message(self.tr(
            "{plate} has arrived: appointment {number} is now a work order.").format(
                plate=entry.plate or "", number=entry.number), "info")
        self.ws.open_vehicle(entry.vehicle_id)

    @Slot()
    def no_show(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self.no_show_action.isEnabled():
            return
        self._acting_on = entry
        self.ws.command(appointments.no_show, entry.id, expected_version=entry.version,
                        on_result=self._on_no_show)

    @Slot(int, object)
    def _on_no_show(self, _task_id: int, _changed) -> None:
        entry, self._acting_on = self._acting_on, None
        self.ws.message_bar.show_message(self.tr("Appointment {number} recorded as a no-show.")
                                         .format(number=entry.number), "info")

    @Slot()
    def cancel(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.cancel_action.isEnabled():
            self._open(CancelDialog(self.ws, entry))

    @Slot()
    def remind(self) -> None:
        """A call to the booking selected in the day (when the day has the focus), else to
        the one selected in tomorrow's list."""
        entry = self.selected_entry()
        row = _selected(self.reminder_view, self.reminders)
        if self.day_view.hasFocus() and entry is not None and entry.status == "booked":
            target = (entry.id, entry.number, entry.plate)
        elif row is not None:
            target = (row.appointment_id, row.number, row.plate)
        else:
            return
        self._open(RemindDialog(self.ws, *target))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.reminder_box.setTitle(self.tr("Tomorrow's reminder calls"))
        for model in (self.bookings, self.week, self.reminders):
            model.retranslate()
        self._render_heading()
        self._render_capacity()


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

    CONFIRMABLE = {"appointment.overbooked": "confirm_overbooking"}

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
        tomorrow = reads.today() + timedelta(days=1)
        self.when = QDateTimeEdit(QDateTime(datetime.combine(tomorrow, time(BOOKING_HOUR))))
        self.when.setObjectName("bookingWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.day_load = QLabel()
        self.day_load.setObjectName("bookingDayLoad")
        when_row = _row(self.when, self.day_load)
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
        part_row = _row(self.part_code, self.part_qty)
        self.parts = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Part"), lambda p: p.code),
            Column(lambda: self.tr("Name"), lambda p: p.name if p.known else self.tr("no such part"),
                   colour=lambda p: None if p.known else RED),
            Column(lambda: self.tr("Qty"), lambda p: _hours(p.qty), align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Available"), lambda p: _hours(p.available),
                   align=Qt.AlignmentFlag.AlignRight,
                   colour=lambda p: RED if p.available is not None and p.available < p.qty
                   else None),
        ], key=lambda p: p.code, parent=self)
        self.parts_view = _table(self.parts, "bookingParts", (9, 12, 4, 5), stretch=1)
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
                             (self.tr("&Date and time"), when_row), (self.tr("Planned h&ours"), self.hours),
                             (self.tr("Expected pa&rts (code, Enter)"), part_row),
                             ("", self.parts_view), (self.tr("&Estimate (¥)"), self.estimate),
                             (self.tr("C&hannel"), self.channel), (self.tr("&Contact"), self.contact_name),
                             (self.tr("Contact pho&ne"), self.contact_phone)):
            self.form.addRow(label, field)

        self.package.currentIndexChanged.connect(self._package_chosen)
        self.when.dateTimeChanged.connect(self._load_day)
        for signal in (self.package.currentIndexChanged, self.work.textChanged,
                       self.when.dateTimeChanged, self.hours.valueChanged,
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
        self.day_capacity = c = days[0]
        self.day_load.setText(self.tr("that day: {booked} of {capacity} h booked").format(
            booked=_hours(c.booked_hours), capacity=_hours(c.capacity_hours)))
        self.day_load.setStyleSheet(f"color: {RED.name()};" if c.free_hours <= 0 else "")

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
                chosen = _selected(self.parts_view, self.parts)
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
            contact_phone=self.contact_phone.text().strip() or None)
        return appointments.book, (booking,), {}

    @Slot(int, object)
    def _on_result(self, task_id: int, result) -> None:
        # The booking's result wraps its Changed; the bus would not see it on its own.
        self.ws.ctx.bus.publish(as_changes(result.changed))
        super()._on_result(task_id, result)

    def done_text(self, result) -> str:
        text = self.tr("Appointment {number} booked for {when}.").format(
            number=result.number, when=self.when.dateTime().toString("yyyy-MM-dd HH:mm"))
        if result.overbooked:
            text += " " + self.tr("The day is over-booked: {booked} of {capacity} h.").format(
                booked=_hours(result.capacity.booked_hours),
                capacity=_hours(result.capacity.capacity_hours))
        return text
