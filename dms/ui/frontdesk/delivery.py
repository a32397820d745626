"""Delivery 交车 (step 10) at the desk: once the cashier has settled and issued the gate pass,
the advisor hands the car over — keys (required) and documents back, the follow-up call due
after 24 hours or 3 days (`dms.billing.settlement.deliver`, one command)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox

from dms.billing import settlement
from dms.ui.common.command_dialog import CommandDialog


class DeliverDialog(CommandDialog):
    def __init__(self, workspace, work_order_id: int, version: int, number: str):
        super().__init__(workspace)
        self.setObjectName("deliverDialog")
        self.setWindowTitle(self.tr("Deliver the car: {number}").format(number=number))
        self.work_order_id, self.version = work_order_id, version
        self.keys = QCheckBox(self.tr("Keys handed back to the customer"))
        self.keys.setObjectName("deliverKeys")
        self.keys.setChecked(True)
        self.documents = QCheckBox(self.tr("Documents kept at the desk handed back"))
        self.documents.setChecked(True)
        self.follow_up = QComboBox()
        self.follow_up.setObjectName("deliverFollowUp")
        for hours in settlement.FOLLOW_UP_HOURS:
            self.follow_up.addItem(self.tr("after %n hour(s)", "", hours), hours)
        self.form.addRow(self.tr("Keys"), self.keys)
        self.form.addRow(self.tr("Documents"), self.documents)
        self.form.addRow(self.tr("&Follow-up call"), self.follow_up)
        self.follow_up.setFocus()

    def call(self):
        return settlement.deliver, (self.work_order_id,), dict(
            keys_returned=self.keys.isChecked(), documents_returned=self.documents.isChecked(),
            follow_up_after_hours=self.follow_up.currentData(), expected_version=self.version)

    def done_text(self, result) -> str:
        return self.tr("Delivered; the follow-up call is due {due}.").format(
            due=result.follow_up_due_at.astimezone().strftime("%Y-%m-%d %H:%M"))
