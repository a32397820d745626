"""What the check-in page holds for one car, apart from its widgets: the draft kept while the
advisor is elsewhere, what it still lacks, and the one service call it becomes; the fuel
gauge and the box of things kept (valuables, documents). (The page itself is `checkin.py`.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QWidget)

from dms.errors import ValidationError
from dms.workshop import desk
from dms.workshop.reception import CheckIn

translate = QCoreApplication.translate


def kept_names() -> dict[str, str]:
    return {"phone": translate("CheckInPage", "Phone"), "cash": translate("CheckInPage", "Cash"),
            "dashcam": translate("CheckInPage", "Dashcam"), "bag": translate("CheckInPage", "Bag"),
            "none": translate("CheckInPage", "None"),
            "licence": translate("CheckInPage", "Driving licence"),
            "service_book": translate("CheckInPage", "Service book"),
            "spare_key": translate("CheckInPage", "Spare key"),
            "policy": translate("CheckInPage", "Insurance policy")}


@dataclass
class Draft:
    """What has been typed for one car, kept while the advisor is elsewhere."""

    vehicle_id: int
    appointment: object = None  # the BookEntry of an arriving appointment
    taken_up: tuple[int, ...] = ()
    complaint: str = ""
    mileage: int = 0
    odometer_note: str = ""
    fuel: int | None = None
    marks: list = field(default_factory=list)
    no_damage: bool = False
    valuables: tuple[str, ...] = ()
    valuables_text: str = ""
    documents: tuple[str, ...] = ()
    documents_text: str = ""
    business_type: str = "maintenance"
    delivered_by: str = ""
    delivered_phone: str = ""
    insurer: str = ""
    report_no: str = ""
    assessed: str = ""
    package: str | None = None
    promised: datetime | None = None
    promise_edited: bool = False
    photos: tuple[str, ...] = ()  # paths of the photos chosen

    def missing(self, last_mileage: int | None) -> list[str]:
        """What the check-in still lacks, in the order of the page."""
        wanted = {
            translate("CheckInPage", "Complaint in the customer's words"):
            bool(self.complaint.strip()),
            translate("CheckInPage", "Mileage"): self.mileage > 0 and (
                last_mileage is None or self.mileage >= last_mileage
                or bool(self.odometer_note.strip())),
            translate("CheckInPage", "Fuel level"): self.fuel is not None,
            translate("CheckInPage", "Walk-around (marks, or no damage)"): bool(self.marks)
            or self.no_damage,
            translate("CheckInPage", "Valuables asked"): bool(self.valuables
                                                       or self.valuables_text.strip()),
            translate("CheckInPage", "Promise time"): self.promised is not None,
        }
        if self.business_type == "insurance":
            wanted[translate("CheckInPage", "Insurer and report no.")] = bool(
                self.insurer.strip() and self.report_no.strip())
        return [text for text, done in wanted.items() if not done]

    def call(self):
        """(service, args): the check-in with its package and claim, as one command."""
        if self.fuel is None:
            raise ValidationError("reception.fuel", "The fuel level is in eighths, from 0 to 8.")
        names = kept_names()
        valuables = "、".join([names[k] for k in self.valuables if k != "none"]
                             + [self.valuables_text.strip()] * bool(self.valuables_text.strip()))
        documents = "、".join([names[k] for k in self.documents]
                             + [self.documents_text.strip()] * bool(self.documents_text.strip()))
        data = CheckIn(vehicle_id=self.vehicle_id, mileage=self.mileage, fuel_level=self.fuel,
                       complaint=self.complaint.strip(), business_type=self.business_type,
                       delivered_by_name=self.delivered_by.strip() or None,
                       delivered_by_phone=self.delivered_phone.strip() or None,
                       damage_marks=tuple(self.marks), valuables=valuables or None,
                       documents_kept=documents or None, promised_at=self.promised,
                       appointment_id=getattr(self.appointment, "id", None),
                       odometer_change_note=self.odometer_note.strip() or None)
        claim = (desk.Claim(self.insurer, self.report_no, self.assessed.strip() or None)
                 if self.business_type == "insurance" else None)
        return desk.check_in, (data, self.taken_up, self.package, claim,
                               getattr(self.appointment, "version", None), self.photos)


class FuelGauge(QWidget):
    """Fuel level in eighths: nine buttons, Alt+0–8 choose one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for level in range(9):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setFixedWidth(28)
            button.setShortcut(f"Alt+{level}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(button, level)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(lambda _n: self.changed.emit())

    def value(self) -> int | None:
        level = self.group.checkedId()
        return None if level < 0 else level

    def set_value(self, level: int | None) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == level)
        self.group.setExclusive(True)
        self.changed.emit()


class KeptBox(QGroupBox):
    """Valuables left in the car and documents kept at the desk: a box each, and "other"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.valuables = _checks(("phone", "cash", "dashcam", "bag", "none"))
        self.documents = _checks(("licence", "service_book", "spare_key", "policy"))
        self.valuables_text, self.documents_text = QLineEdit(), QLineEdit()
        self.labels = (QLabel(), QLabel())
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 4)
        grid.setVerticalSpacing(0)
        for row, (boxes, text) in enumerate(((self.valuables, self.valuables_text),
                                             (self.documents, self.documents_text))):
            line = QHBoxLayout()
            for box in boxes.values():
                line.addWidget(box)
                box.toggled.connect(self.changed)
            line.addWidget(text, 1)
            grid.addWidget(self.labels[row], row, 0)
            grid.addLayout(line, row, 1)
        self.valuables_text.textChanged.connect(self.changed)

    def keep(self, d: Draft) -> None:
        d.valuables = tuple(k for k, b in self.valuables.items() if b.isChecked())
        d.documents = tuple(k for k, b in self.documents.items() if b.isChecked())
        d.valuables_text, d.documents_text = self.valuables_text.text(), self.documents_text.text()

    def restore(self, d: Draft) -> None:
        for keys, boxes in ((d.valuables, self.valuables), (d.documents, self.documents)):
            for key, box in boxes.items():
                box.setChecked(key in keys)
        self.valuables_text.setText(d.valuables_text)
        self.documents_text.setText(d.documents_text)

    def retranslate_ui(self) -> None:
        names = kept_names()
        for boxes in (self.valuables, self.documents):
            for key, box in boxes.items():
                box.setText(names[key])
        self.labels[0].setText(translate("CheckInPage", "Valuables"))
        self.labels[1].setText(translate("CheckInPage", "Documents kept"))
        self.valuables_text.setPlaceholderText(translate("CheckInPage", "Other"))
        self.documents_text.setPlaceholderText(translate("CheckInPage", "Other"))
        self.setTitle(translate("CheckInPage", "Kept in the car / at the desk"))


def _checks(keys: tuple[str, ...]) -> dict[str, QCheckBox]:
    boxes = {}
    for key in keys:
        box = QCheckBox()
        box.setObjectName(f"check_{key}")
        boxes[key] = box
    return boxes
