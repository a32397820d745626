"""Check-in 接车 (step 3) as one keyboard-first page, in the order of the conversation at the
car: who and which car (the vehicle file or the arriving appointment) → the complaint in the
customer's words, with the car's history beside it → mileage and fuel → the walk-around →
valuables and documents kept → business type (and the insurer's block) → a standard job →
the promise time, proposed from the job's hours and the shop's load, editable.

F9 saves it as one command (`dms.workshop.desk.check_in`: the order, its package and the
insurance block together) and opens the check-in sheet for the customer's signature. The
flags on the right say what is still missing. A draft is kept per car: the advisor may go
back to the search, serve someone else and come back to the car with nothing lost.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, Signal, Slot
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateTimeEdit, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from dms.crm.vehicle_file import vehicle_file
from dms.errors import DomainError
from dms.ui.common import words
from dms.ui.common.views import form_row, title_label
from dms.ui.frontdesk.checkin_form import Draft, FuelGauge, KeptBox
from dms.ui.frontdesk.checkin_photos import CheckInPhotos
from dms.ui.frontdesk.checkin_side import CheckInSide
from dms.ui.frontdesk.walkaround import WalkAround
from dms.workshop import appointment_book, desk


class CheckInPage(QWidget):
    saved = Signal(int)  # the work order opened

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkInPage")
        self.ws = workspace
        self.drafts: dict[int, Draft] = {}
        self.draft: Draft | None = None
        self.last_vehicle_id: int | None = None  # of the last check-in saved
        self.file = None
        self.packages: list = []
        self._tasks: dict[str, int] = {}
        self._loading = False

        self.title = title_label("checkInTitle")
        self.complaint = QPlainTextEdit()
        self.complaint.setObjectName("checkInComplaint")
        self.complaint.setTabChangesFocus(True)
        self.complaint.setFixedHeight(58)
        self.mileage = QSpinBox()
        self.mileage.setObjectName("checkInMileage")
        self.mileage.setRange(0, 2_000_000)
        self.mileage.setGroupSeparatorShown(True)
        self.mileage.setSuffix(" km")
        self.last_mileage = QLabel()
        self.odometer_note = QLineEdit()
        self.odometer_note.setObjectName("checkInOdometerNote")
        self.fuel = FuelGauge()
        self.delivered_by = QLineEdit()
        self.delivered_phone = QLineEdit()
        self.business = QComboBox()
        self.business.setObjectName("checkInBusiness")
        self.insurer, self.report_no, self.assessed = QLineEdit(), QLineEdit(), QLineEdit()
        self.insurance_box = QWidget()
        insurance = QHBoxLayout(self.insurance_box)
        insurance.setContentsMargins(0, 0, 0, 0)
        for widget in (self.insurer, self.report_no, self.assessed):
            insurance.addWidget(widget)
        self.package_group = QButtonGroup(self)
        self.package_group.setExclusive(False)
        self.package_row = QHBoxLayout()
        self.package_row.setSpacing(2)
        self.promised = QDateTimeEdit()
        self.promised.setObjectName("checkInPromised")
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promise_basis = QLabel()
        self.promise_basis.setWordWrap(True)
        self.walk = WalkAround()
        self.no_damage = QCheckBox()
        self.no_damage.setObjectName("checkInNoDamage")
        self.kept = KeptBox()
        self.valuables, self.valuables_text = self.kept.valuables, self.kept.valuables_text
        self.documents, self.documents_text = self.kept.documents, self.kept.documents_text
        self.photos = CheckInPhotos(workspace)
        self.side = CheckInSide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("checkInSave")
        self.save_button.clicked.connect(self.submit)
        self.back_button = QPushButton()
        self._layout()
        self._connect()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------
    def _layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        mileage = form_row(self.mileage, self.last_mileage)
        delivered = form_row(self.delivered_by, self.delivered_phone)
        packages = QWidget()
        packages.setLayout(self.package_row)
        self.package_row.setContentsMargins(0, 0, 0, 0)
        self.labels = {}
        for key, widget in (("complaint", self.complaint), ("delivered", delivered),
                            ("mileage", mileage), ("odometer", self.odometer_note),
                            ("fuel", self.fuel), ("business", self.business),
                            ("insurance", self.insurance_box), ("package", packages),
                            ("promised", self.promised), ("basis", self.promise_basis)):
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            self.form.addRow(label, widget)
        self.walk_box = QGroupBox()
        walk = QVBoxLayout(self.walk_box)
        walk.setContentsMargins(4, 2, 4, 4)
        walk.addWidget(self.walk, 1)
        walk.addWidget(self.no_damage)
        middle = QVBoxLayout()
        middle.addWidget(self.walk_box, 1)
        middle.addWidget(self.kept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button, 1)
        right = QVBoxLayout()
        right.addWidget(self.side, 1)
        right.addLayout(buttons)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.photos)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(middle, 6)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        # Tab follows the conversation; the fuel buttons and the drawing are one key/click away.
        order = (self.complaint, self.mileage, self.odometer_note, self.delivered_by,
                 self.delivered_phone, self.business, self.insurer, self.report_no,
                 self.assessed, self.promised, self.valuables_text, self.documents_text)
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for signal in (self.complaint.textChanged, self.mileage.valueChanged,
                       self.odometer_note.textChanged, self.fuel.changed, self.walk.changed,
                       self.no_damage.toggled, self.business.currentIndexChanged,
                       self.insurer.textChanged, self.report_no.textChanged):
            signal.connect(self._edited)
        self.kept.changed.connect(self._edited)
        self.photos.changed.connect(self._edited)
        self.promised.dateTimeChanged.connect(self._promise_edited)
        self.package_group.idClicked.connect(self._package_clicked)

    # -- opening a car -------------------------------------------------------------------------
    def open_car(self, vehicle_id: int, last_mileage: int | None, appointment=None,
                 taken_up: tuple[int, ...] = (), complaint: str = "") -> None:
        """Show the draft for this car (a new one if there is none yet)."""
        self._keep()
        draft = self.drafts.get(vehicle_id)
        if draft is None or (appointment is not None and draft.appointment is None):
            draft = Draft(vehicle_id, appointment, taken_up, complaint=complaint,
                          mileage=last_mileage or 0,
                          delivered_by=getattr(appointment, "customer_name", "") or "",
                          delivered_phone=getattr(appointment, "contact_phone", "") or "")
            self.drafts[vehicle_id] = draft
        elif taken_up:
            draft.taken_up = tuple(sorted(set(draft.taken_up) | set(taken_up)))
        self.draft, self.file = draft, None
        self._restore(draft)
        self.title.setText(self.tr("Check-in"))
        self.reload()
        if not self.packages:
            self._tasks["packages"] = self.ws.read(appointment_book.packages,
                                                   on_result=self._on_packages)
        self._propose()
        self.complaint.setFocus()
        self.complaint.moveCursor(self.complaint.textCursor().MoveOperation.End)

    def reload(self) -> None:
        """The car's file again (another seat changed it); what is typed stays."""
        if self.draft is not None:
            self._tasks["file"] = self.ws.read(vehicle_file, self.draft.vehicle_id,
                                               on_result=self._on_file)

    @Slot(int, object)
    def _on_file(self, task_id: int, file) -> None:
        if (task_id != self._tasks.get("file") or self.draft is None
                or file.id != self.draft.vehicle_id):
            return
        self.file = file
        self.last_mileage.setText(self.tr("last {km}").format(km=words.km(file.mileage) or "—"))
        self._render_title()
        self.side.show_history(file)
        self._update_flags()

    @Slot(int, object)
    def _on_packages(self, task_id: int, packages) -> None:
        if task_id != self._tasks.get("packages"):
            return
        self.packages = packages
        for n, package in enumerate(packages):
            button = QPushButton(f"{package.name} {package.code}")
            button.setObjectName(f"package_{package.code}")
            button.setCheckable(True)
            button.setToolTip(self.tr("{hours} h · {price}").format(
                hours=f"{package.hours.normalize():f}", price=words.money(package.price)))
            self.package_group.addButton(button, n)
            self.package_row.addWidget(button)
        self.package_row.addStretch(1)
        if self.draft is not None:
            self._show_package(self.draft.package)

    def _render_title(self) -> None:
        f, d = self.file, self.draft
        if f is None or d is None:
            return
        model = " ".join(str(p) for p in (f.brand, f.series, f.model_code) if p)
        appointment = (" · " + self.tr("appointment {number}").format(number=d.appointment.number)
                       if d.appointment is not None else "")
        self.title.setText(self.tr("Check-in: {plate} · {model} · {customer}{appointment}").format(
            plate=f.plate or self.tr("(no plate)"), model=model, customer=f.customer_name,
            appointment=appointment))

    # -- the draft -----------------------------------------------------------------------------
    def _keep(self) -> None:
        """Everything on screen into the current draft."""
        d = self.draft
        if d is None or self._loading:
            return
        d.complaint = self.complaint.toPlainText()
        d.mileage, d.odometer_note = self.mileage.value(), self.odometer_note.text()
        d.fuel, d.marks = self.fuel.value(), self.walk.marks()
        d.no_damage = self.no_damage.isChecked()
        self.kept.keep(d)
        d.business_type = self.business.currentData() or "maintenance"
        d.delivered_by, d.delivered_phone = self.delivered_by.text(), self.delivered_phone.text()
        d.insurer, d.report_no, d.assessed = (self.insurer.text(), self.report_no.text(),
                                              self.assessed.text())
        d.promised = self.promised.dateTime().toPython().astimezone()
        d.photos = self.photos.paths()

    def _restore(self, d: Draft) -> None:
        self._loading = True
        self.complaint.setPlainText(d.complaint)
        self.mileage.setValue(d.mileage)
        self.mileage.selectAll()
        self.odometer_note.setText(d.odometer_note)
        self.fuel.set_value(d.fuel)
        self.walk.set_marks(d.marks)
        self.no_damage.setChecked(d.no_damage)
        self.kept.restore(d)
        self.business.setCurrentIndex(max(0, self.business.findData(d.business_type)))
        self.delivered_by.setText(d.delivered_by)
        self.delivered_phone.setText(d.delivered_phone)
        self.insurer.setText(d.insurer)
        self.report_no.setText(d.report_no)
        self.assessed.setText(d.assessed)
        if d.promised is not None:
            self.promised.setDateTime(QDateTime(d.promised))
        self._show_package(d.package)
        self.photos.set_paths(d.photos)
        self._loading = False
        self._update_flags()

    def has_input(self) -> bool:
        """Something typed that a check-in has not saved yet."""
        self._keep()
        return any(bool(d.complaint.strip() or d.marks or d.fuel is not None)
                   for d in self.drafts.values())

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._keep()
            self._update_flags()

    # -- package and promise -------------------------------------------------------------------
    def _show_package(self, code: str | None) -> None:
        for n, package in enumerate(self.packages):
            self.package_group.button(n).setChecked(package.code == code)

    @Slot(int)
    def _package_clicked(self, n: int) -> None:
        code = self.packages[n].code
        self.draft.package = None if self.draft.package == code else code
        self._show_package(self.draft.package)
        self._propose()
        self._update_flags()

    def _package_hours(self) -> Decimal:
        chosen = [p for p in self.packages if self.draft and p.code == self.draft.package]
        if chosen:
            return chosen[0].hours
        planned = getattr(self.draft.appointment, "planned_hours", None) if self.draft else None
        return planned or Decimal(1)

    def _propose(self) -> None:
        if self.draft is None or self.draft.promise_edited:
            return
        hours = self._package_hours()
        self._tasks["promise"] = self.ws.read(desk.propose_promise, hours,
                                              on_result=self._on_promise)
        self.promise_basis.setText(self.tr("proposed from {hours} h of work and the shop's load")
                                   .format(hours=f"{hours.normalize():f}"))

    @Slot(int, object)
    def _on_promise(self, task_id: int, when: datetime) -> None:
        if task_id != self._tasks.get("promise") or self.draft is None or self.draft.promise_edited:
            return
        self._loading = True
        self.promised.setDateTime(QDateTime(when))
        self._loading = False
        self.draft.promised = when
        self._update_flags()

    def _promise_edited(self, *_args) -> None:
        if not self._loading and self.draft is not None:
            self.draft.promise_edited = True
            self.promise_basis.setText(self.tr("set by hand"))
            self._keep()

    # -- completeness --------------------------------------------------------------------------
    def missing(self) -> list[str]:
        """What the check-in still lacks, in the order of the page (the flags' red lines)."""
        if self.draft is None:
            return []
        return self.draft.missing(self.file.mileage if self.file is not None else None)

    def _update_flags(self) -> None:
        d = self.draft
        if d is None:
            return
        self.insurance_box.setVisible(d.business_type == "insurance")
        self.labels["insurance"].setVisible(d.business_type == "insurance")
        last = self.file.mileage if self.file is not None else None
        lower = last is not None and d.mileage < last
        self.odometer_note.setEnabled(lower or bool(d.odometer_note))
        self.side.show_flags(self.missing())

    # -- saving --------------------------------------------------------------------------------
    def call(self):
        self._keep()
        return self.draft.call()

    @Slot()
    def submit(self) -> None:
        if self.draft is None or not self.save_button.isEnabled():
            return
        try:
            fn, args = self.call()
        except DomainError as error:
            self.ws.message_bar.show_error(error)
            return
        self.save_button.setEnabled(False)
        self.ws.command(fn, *args, on_result=self._on_saved, on_error=self._on_refused)

    @Slot(int, object)
    def _on_saved(self, _task_id: int, result) -> None:
        self.save_button.setEnabled(True)
        self.last_vehicle_id = self.draft.vehicle_id
        self.drafts.pop(self.draft.vehicle_id, None)
        self.draft = None
        self.saved.emit(result.id)

    @Slot(int, object)
    def _on_refused(self, _task_id: int, error) -> None:
        self.save_button.setEnabled(True)
        self.ws.message_bar.show_error(error)

    # -- words ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        texts = {"complaint": self.tr("&Complaint"), "delivered": self.tr("&Delivered by / phone"),
                 "mileage": self.tr("&Mileage"), "odometer": self.tr("Odometer &note"),
                 "fuel": self.tr("Fuel (Alt+0-8)"), "business": self.tr("&Business type"),
                 "insurance": self.tr("Insurer / report / assessed"),
                 "package": self.tr("Standard job"), "promised": self.tr("&Promised"),
                 "basis": ""}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.complaint.setPlaceholderText(self.tr("In the customer's words"))
        self.odometer_note.setPlaceholderText(
            self.tr("Only when the reading is below the last one: why"))
        self.delivered_by.setPlaceholderText(self.tr("Person delivering the car"))
        self.delivered_phone.setPlaceholderText(self.tr("Contact phone"))
        self.insurer.setPlaceholderText(self.tr("Insurer"))
        self.report_no.setPlaceholderText(self.tr("Report no."))
        self.assessed.setPlaceholderText(self.tr("Assessed amount"))
        current = self.business.currentData() or (self.draft.business_type if self.draft else None)
        self._loading = True
        self.business.clear()
        for key, text in words.business_types().items():
            self.business.addItem(text, key)
        self.business.setCurrentIndex(max(0, self.business.findData(current or "maintenance")))
        self._loading = False
        self.kept.retranslate_ui()
        self.walk_box.setTitle(self.tr("Walk-around: choose the damage, click where it is"))
        self.no_damage.setText(self.tr("No damage found"))
        self.side.retranslate_ui()
        self.photos.retranslate_ui()
        self.save_button.setText(self.tr("Save and print for signature (F9)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.walk.retranslate_ui()
        if self.file is not None:
            self._render_title()
            self.side.show_history(self.file)
        self._update_flags()
