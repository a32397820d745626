"""The terminal's dialogs, each one command: the self-check that sends the car to QC, added
work with photos from files, and the tool crib's checkout, damaged return and maintenance."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from dms.errors import ValidationError
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.technician import words as tech_words
from dms.workshop import dispatch, tools
from dms.workshop.added_work import propose_added_work


def _text(widget) -> str | None:
    value = (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()
    return value or None


def _note(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class SelfCheckDialog(CommandDialog):
    """自检: every point ticked, then the car goes to QC (`finish_repair`)."""

    def __init__(self, workspace, job):
        super().__init__(workspace)
        self.setObjectName("selfCheckDialog")
        self.job = job
        self.setWindowTitle(self.tr("Self-check: {number} {plate}").format(
            number=job.number, plate=job.plate or ""))
        self.points = []
        for text in (self.tr("Every job on the order is done as written"),
                     self.tr("Parts fitted, bolts torqued to specification"),
                     self.tr("Fluids topped up, no leaks"),
                     self.tr("No tools, rags or covers left in or on the car"),
                     self.tr("Warning lights off; road test done where needed")):
            box = QCheckBox(text)
            self.points.append(box)
            self.form.addRow(box)
        self.all_ok = QPushButton(self.tr("&All checked"))
        self.all_ok.setObjectName("selfCheckAll")
        self.all_ok.clicked.connect(self.check_all)
        self.form.addRow(self.all_ok)
        self.note = _note(50)
        self.form.addRow(self.tr("&Note"), self.note)
        self.all_ok.setFocus()

    @Slot()
    def check_all(self) -> None:
        for box in self.points:
            box.setChecked(True)

    def call(self):
        ok = all(box.isChecked() for box in self.points)
        return dispatch.finish_repair, (self.job.work_order_id, ok), {
            "note": _text(self.note), "expected_version": self.job.order_version}

    def done_text(self, result) -> str:
        return self.tr("Self-check passed: the car is waiting for QC.")


class AddedWorkDialog(CommandDialog):
    """增项: what was found, the parts it needs and photos; the car pauses for the customer."""

    def __init__(self, workspace, job):
        super().__init__(workspace)
        self.setObjectName("addedWorkDialog")
        self.job = job
        self.setWindowTitle(self.tr("Propose added work: {number} {plate}").format(
            number=job.number, plate=job.plate or ""))
        self.description = QLineEdit()
        self.description.setObjectName("addedWorkDescription")
        self.trade = QComboBox()
        for key, text in tech_words.trades().items():
            self.trade.addItem(text, key)
        self.trade.setCurrentIndex(max(0, self.trade.findData("mechanical")))
        self.hours = QLineEdit()  # what the advisor prices work with no labour operation at
        self.hours.setObjectName("addedWorkHours")
        self.hours.setPlaceholderText(self.tr("e.g. 0.5"))
        self.parts = QLineEdit()
        self.parts.setObjectName("addedWorkParts")
        self.parts.setPlaceholderText(self.tr("Part codes, e.g. 58101-D3A00 x2, 26300-35505"))
        self.photos = QListWidget()
        self.photos.setObjectName("addedWorkPhotos")
        self.photos.setFixedHeight(80)
        add = QPushButton(self.tr("Add &photos..."))
        add.setObjectName("addPhotos")
        add.clicked.connect(self.choose_photos)
        remove = QPushButton(self.tr("&Remove photo"))
        remove.clicked.connect(lambda: self.photos.takeItem(self.photos.currentRow()))
        row = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.photos)
        column.addLayout(buttons)
        self.form.addRow(self.tr("&What was found"), self.description)
        self.form.addRow(self.tr("&Trade"), self.trade)
        self.form.addRow(self.tr("Estimated &hours"), self.hours)
        self.form.addRow(self.tr("P&arts needed"), self.parts)
        self.form.addRow(self.tr("Photos"), row)
        self.file_dialog: QFileDialog | None = None
        self.description.setFocus()

    @Slot()
    def choose_photos(self) -> None:
        self.file_dialog = QFileDialog(self, self.tr("Photos of the added work"))
        self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.file_dialog.setNameFilter(self.tr("Photos (*.jpg *.jpeg *.png)"))
        self.file_dialog.filesSelected.connect(self.add_photos)
        self.file_dialog.open()

    @Slot(list)
    def add_photos(self, paths: list[str]) -> None:
        for path in paths:
            item = QListWidgetItem(Path(path).name)  # the folder is in the tooltip
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.photos.addItem(item)

    def photo_paths(self) -> list[str]:
        return [self.photos.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.photos.count())]

    def part_codes(self) -> list[tuple[str, str]]:
        """"58101-D3A00 x2, 26300-35505" → [("58101-D3A00", "2"), ("26300-35505", "1")]."""
        found = []
        for entry in (_text(self.parts) or "").replace("，", ",").split(","):
            entry = entry.strip()
            if not entry:
                continue
            counted = re.fullmatch(r"(.+?)\s+[x×*]\s*(\d+(?:\.\d+)?)", entry, re.IGNORECASE)
            found.append((counted[1], counted[2]) if counted else (entry, "1"))
        return found

    def call(self):
        return propose_added_work, (self.job.work_order_id, _text(self.description)), {
            "part_codes": self.part_codes(), "trade": self.trade.currentData(),
            "photos": self.photo_paths(), "hours": _text(self.hours),
            "expected_version": self.job.order_version}

    def done_text(self, result) -> str:
        return self.tr("Added work proposed: the car waits for the customer's approval.")


class CheckoutDialog(CommandDialog):
    def __init__(self, workspace, tool, work_order: str | None):
        super().__init__(workspace)
        self.setObjectName("checkoutDialog")
        self.tool = tool
        self.setWindowTitle(self.tr("Check out {code} {name}").format(code=tool.code,
                                                                       name=tool.name))
        self.work_order = QLineEdit(work_order or "")
        self.work_order.setObjectName("checkoutWorkOrder")
        self.work_order.setPlaceholderText(self.tr("Empty: not for one car"))
        self.form.addRow(self.tr("For &work order"), self.work_order)
        self.work_order.setFocus()
        self.work_order.selectAll()

    def call(self):
        return tools.check_out, (self.tool.id, _text(self.work_order)), {}

    def done_text(self, result) -> str:
        return self.tr("{code} is checked out to you.").format(code=self.tool.code)


class DamageDialog(CommandDialog):
    """Return with a damage report: the tool is set aside as damaged."""

    def __init__(self, workspace, tool):
        super().__init__(workspace)
        self.setObjectName("damageDialog")
        self.tool = tool
        self.setWindowTitle(self.tr("Return damaged: {code} {name}").format(code=tool.code,
                                                                           name=tool.name))
        self.report = _note()
        self.report.setObjectName("damageReport")
        self.form.addRow(self.tr("&What is damaged"), self.report)
        self.report.setFocus()

    def call(self):
        report = _text(self.report)
        if report is None:
            raise ValidationError("tool.damage_report", "Say what is damaged.")
        return tools.return_tool, (self.tool.id, report), {}

    def done_text(self, result) -> str:
        return self.tr("{code} returned and set aside as damaged.").format(code=self.tool.code)


class MaintenanceDialog(CommandDialog):
    def __init__(self, workspace, tool):
        super().__init__(workspace)
        self.setObjectName("maintenanceDialog")
        self.tool = tool
        self.setWindowTitle(self.tr("Maintenance: {code} {name}").format(code=tool.code,
                                                                        name=tool.name))
        self.note = _note()
        self.note.setObjectName("maintenanceNote")
        self.in_service = QCheckBox(self.tr("&Back in service (on the shelf)"))
        self.in_service.setChecked(True)
        self.form.addRow(self.tr("&What was done"), self.note)
        self.form.addRow(self.in_service)
        self.note.setFocus()

    def call(self):
        return tools.record_maintenance, (self.tool.id, _text(self.note),
                                          self.in_service.isChecked()), {}

    def done_text(self, result) -> str:
        return self.tr("Maintenance of {code} recorded.").format(code=self.tool.code)


class NewToolDialog(CommandDialog):
    """A tool or piece of equipment joins the catalogue (team lead, manager)."""

    def __init__(self, workspace):
        super().__init__(workspace)
        self.setObjectName("newToolDialog")
        self.setWindowTitle(self.tr("New tool or equipment"))
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setObjectName("toolCode")
        self.name.setObjectName("toolName")
        self.kind = QComboBox()
        for key, text in tech_words.tool_kinds().items():
            self.kind.addItem(text, key)
        self.form.addRow(self.tr("&Code"), self.code)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.code.setFocus()

    def call(self):
        return tools.add_tool, (self.code.text(), self.name.text(), self.kind.currentData()), {}

    def done_text(self, result) -> str:
        return self.tr("{code} is in the catalogue.").format(code=self.code.text().strip().upper())

