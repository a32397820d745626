"""The appointment book 预约 (step 2): the day's bookings against the workshop's capacity, the
week at a glance and tomorrow's reminder calls (the booking dialogs are in `booking.py`).

Day view: time, plate, customer, requested work, planned hours, status and reminder of each
booking, with the day's booked hours against capacity (red when over). Alt+W toggles the week
view (7 days × booked/capacity; Enter opens a day); Alt+Left/Right/Home move by a day (a week
in the week view) and back to today. Ctrl+Enter on a booking: the car has arrived, the
check-in page opens with the booking's work and contact (`checkin.py`). No-show and cancel
send the version the advisor saw, so a booking changed meanwhile on another seat is refused, not overwritten.

Capacity as `dms.workshop.appointments.capacities` computes it: the store's hours, and below
them each kind of bay's hours against the bookings of its trades (red when over).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QProgressBar, QStackedWidget,
                               QToolButton, QVBoxLayout, QWidget)

from dms.ui import error_words
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import hours, selected_row, table_view
from dms.ui.frontdesk.booking import CancelDialog, RemindDialog
from dms.workshop import appointment_book as reads
from dms.workshop import appointments

RED, GREY = QColor("#b3261e"), QColor("#8c8c8c")
OVER_STYLE = "QProgressBar::chunk { background: #b3261e; }"


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
        self.shown_day: date | None = None  # the day whose bookings are on screen (benchmarks)
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
        self.bays_label = QLabel()  # each kind of bay: booked of capacity hours
        self.bays_label.setObjectName("bookBays")
        self.bays_label.setTextFormat(Qt.TextFormat.RichText)

        self.bookings = PagedTableModel(runner, [
            Column(lambda: self.tr("Time"), lambda e: e.booked_for.astimezone().strftime("%H:%M"),
                   tooltip=lambda e: e.number),
            Column(lambda: self.tr("Plate"), lambda e: e.plate),
            Column(lambda: self.tr("Customer"), lambda e: e.customer_name,
                   tooltip=lambda e: e.contact_phone),
            Column(lambda: self.tr("Requested work"), lambda e: e.requested_work.splitlines()[0]
                   if e.requested_work else "", tooltip=lambda e: e.requested_work),
            Column(lambda: self.tr("Hours"), lambda e: hours(e.planned_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Trade"), lambda e: words.word(error_words.trades(), e.trade)),
            Column(lambda: self.tr("Status"), lambda e: words.state_name(e.status),
                   colour=lambda e: None if e.status in appointments.LIVE else GREY),
            Column(lambda: self.tr("Reminded"), lambda e: words.when(e.reminded_at)),
        ], parent=self)
        self.week = PagedTableModel(runner, [
            Column(lambda: self.tr("Day"), lambda c: f"{self._weekday(c.day)} {c.day.isoformat()}"),
            Column(lambda: self.tr("Booked (h)"), lambda c: hours(c.booked_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Capacity (h)"), lambda c: hours(c.capacity_hours),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Free (h)"), lambda c: hours(c.free_hours),
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
        self.day_view = table_view(self.bookings, "bookDayView", (5, 8, 10, 12, 5, 10, 6, 10),
                                   stretch=3)
        self.week_view = table_view(self.week, "bookWeekView", (9, 7, 7, 7))
        self.reminder_view = table_view(self.reminders, "bookReminders", (5, 8, 8, 10), stretch=4)
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
        layout.addWidget(self.bays_label, 0, Qt.AlignmentFlag.AlignRight)
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
        self.shown_day = None
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
            self.shown_day = self.day
            self.day_view.viewport().update()  # an unchanged day repaints too: it is current
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
        booked, total = hours(c.booked_hours), hours(c.capacity_hours)
        self.capacity_label.setText(
            self.tr("Booked {booked} of {capacity} h — over by {over} h").format(
                booked=booked, capacity=total, over=hours(-c.free_hours))
            if c.free_hours < 0 else
            self.tr("Booked {booked} of {capacity} h, {free} h free").format(
                booked=booked, capacity=total, free=hours(c.free_hours)))
        names = error_words.trades()
        self.bays_label.setText(" · ".join(
            f'<span style="color: {RED.name()};">{text}</span>' if b.over else text
            for b in c.bays for text in [self.tr("{trade} bays {booked} of {capacity} h").format(
                trade=names.get(b.kind, b.kind), booked=hours(b.booked_hours),
                capacity=hours(b.capacity_hours))]))

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
        return selected_row(self.day_view, self.bookings) if not self.week_mode else None

    def _update_actions(self, *_args) -> None:
        entry = self.selected_entry()
        for action in self.booking_actions:
            self.ws.ctx.actions.set_enabled(action, entry is not None and entry.status == "booked")

    @Slot()
    def arrive(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.status != "booked" or not self.arrive_action.isEnabled():
            return
        self.ws.check_in(entry.vehicle_id, entry.mileage, appointment=entry,
                         complaint=entry.requested_work)

    def _open(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

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
        row = selected_row(self.reminder_view, self.reminders)
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
