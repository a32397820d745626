"""The PDI desk's dialogs, each one command: a new car's sheet, a failed item fixed, and the
hand-over that files the buyer, the vehicle and its maintenance plan."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QTabWidget, QWidget, QFormLayout

from dms.crm.customers import CustomerIn
from dms.ui.common.command_dialog import CommandDialog
from dms.workshop import pdi


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class NewPdiDialog(CommandDialog):
    def __init__(self, workspace):
        super().__init__(workspace)
        self.setObjectName("newPdiDialog")
        self.setWindowTitle(self.tr("New car PDI"))
        self.vin = QLineEdit()
        self.vin.setObjectName("pdiVin")
        self.vin.setMaxLength(17)
        self.series, self.model_code, self.colour, self.engine_no = (
            QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit())
        self.series.setObjectName("pdiSeries")
        self.colour.setObjectName("pdiColour")
        self.mileage = QSpinBox()
        self.mileage.setRange(0, 99_999)
        self.mileage.setSuffix(" km")
        for label, field in ((self.tr("&VIN"), self.vin), (self.tr("&Series"), self.series),
                             (self.tr("&Model code"), self.model_code),
                             (self.tr("&Colour"), self.colour),
                             (self.tr("&Engine number"), self.engine_no),
                             (self.tr("M&ileage"), self.mileage)):
            self.form.addRow(label, field)
        self.vin.setFocus()

    def call(self):
        return pdi.start_pdi, (self.vin.text(),), dict(
            series=_text(self.series), model_code=_text(self.model_code),
            colour=_text(self.colour), engine_no=_text(self.engine_no),
            mileage=self.mileage.value())

    def done_text(self, result) -> str:
        return self.tr("PDI sheet opened: check every item.")


class FixDialog(CommandDialog):
    def __init__(self, workspace, sheet, item):
        super().__init__(workspace)
        self.setObjectName("pdiFixDialog")
        self.sheet, self.item = sheet, item
        self.setWindowTitle(self.tr("Fixed: {item}").format(item=item.name))
        self.note = QLineEdit()
        self.note.setObjectName("pdiFixNote")
        self.form.addRow(self.tr("&What was done"), self.note)
        self.note.setFocus()

    def call(self):
        return pdi.fix_item, (self.sheet.id, self.item.id, self.note.text()), {
            "expected_version": self.sheet.version}

    def done_text(self, result) -> str:
        return self.tr("{item} is fixed.").format(item=self.item.name)


class HandOverDialog(CommandDialog):
    """The buyer is a new customer (name, mobile) or one on file (customer code)."""

    CONFIRMABLE = {"customer.duplicate": "confirm_duplicate",
                   "vehicle.duplicate": "confirm_duplicate",
                   "vehicle.vin_warning": "confirm_vin_warning"}

    def __init__(self, workspace, sheet):
        super().__init__(workspace)
        self.setObjectName("pdiHandOverDialog")
        self.sheet = sheet
        self.setWindowTitle(self.tr("Hand over {vin}").format(vin=sheet.vin))
        self.buyer = QTabWidget()
        new, existing = QWidget(), QWidget()
        self.name, self.mobile, self.code = QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setObjectName("buyerName")
        self.mobile.setObjectName("buyerMobile")
        self.code.setObjectName("buyerCode")
        new_form, old_form = QFormLayout(new), QFormLayout(existing)
        new_form.addRow(self.tr("&Name"), self.name)
        new_form.addRow(self.tr("&Mobile"), self.mobile)
        old_form.addRow(self.tr("Customer &code"), self.code)
        self.buyer.addTab(new, self.tr("New customer"))
        self.buyer.addTab(existing, self.tr("Customer on file"))
        self.plate = QLineEdit()
        self.plate.setObjectName("handOverPlate")
        self.plate.setPlaceholderText(self.tr("Empty before registration"))
        self.dealer = QLineEdit()
        self.form.addRow(self.tr("Buyer"), self.buyer)
        self.form.addRow(self.tr("&Plate"), self.plate)
        self.form.addRow(self.tr("Selling &dealer"), self.dealer)
        for edit in (self.name, self.mobile, self.code, self.plate):
            edit.textEdited.connect(self.edited)
        self.name.setFocus()

    def call(self):
        buyer = ({"customer": CustomerIn(name=self.name.text(), mobile=_text(self.mobile))}
                 if self.buyer.currentIndex() == 0 else {"customer_code": _text(self.code)})
        return pdi.hand_over, (self.sheet.id,), dict(
            plate=_text(self.plate), selling_dealer=_text(self.dealer),
            expected_version=self.sheet.version, **buyer)

    def done_text(self, result) -> str:
        return self.tr("Handed over: the customer's vehicle file and maintenance plan are "
                       "created.")
