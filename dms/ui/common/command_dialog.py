"""A dialog whose OK is one command (DESIGN §9): F9 or Ctrl+Enter confirms, Esc goes back.

The service runs in the workspace's lane; while it runs the dialog is disabled, not frozen.
A refusal shows in the dialog's own message bar, translated, and every field keeps what was
typed. A refusal the user may overrule (a likely duplicate, a VIN check-digit warning, an
over-booked day) shows as a warning and turns OK into "Save anyway": the next F9 sends the same
input again with the confirmation, recorded by the service. Editing a field takes it back.
Dialogs open with `open()` (window-modal, the event loop keeps running), never `exec()`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from dms.errors import DomainError
from dms.ui import messages
from dms.ui.common.message_bar import MessageBar


class CommandDialog(QDialog):
    # error code → the keyword argument that overrules it when the user confirms
    CONFIRMABLE: dict[str, str] = {}

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent or workspace)
        self.ws = workspace
        self.result_value = None
        self.confirmed: dict[str, bool] = {}
        self.message_bar = MessageBar()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self._ok_text())
        self.ok_button.setToolTip("F9")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("F9", "Ctrl+Return"):
            QShortcut(QKeySequence(keys), self, self.submit)
        self.setMinimumWidth(520)  # room for an address or a complaint in the customer's words
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- what a dialog defines ----------------------------------------------------------------
    def call(self):
        """(service function, args tuple, kwargs dict) for the input as typed; raise a
        DomainError for input that cannot even be sent (shown like a refusal)."""
        raise NotImplementedError

    def done_text(self, result) -> str | None:
        """A confirmation for the workspace's message bar once the command succeeded."""
        return None

    # -- running it ---------------------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return  # already running
        try:
            fn, args, kwargs = self.call()
        except DomainError as error:
            self.message_bar.show_error(error)
            return
        self._busy(True)
        self.message_bar.clear()
        self.ws.command(fn, *args, on_result=self._on_result, on_error=self._on_error,
                        **kwargs, **self.confirmed)

    def edited(self) -> None:
        """Connect each field's change signal here: a changed input needs confirming again."""
        if self.confirmed:
            self.confirmed = {}
            self.ok_button.setText(self._ok_text())

    def _ok_text(self) -> str:
        return self.tr("OK")

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    @Slot(int, object)
    def _on_result(self, _task_id: int, result) -> None:
        self._busy(False)
        self.result_value = result
        text = self.done_text(result)
        if text:
            self.ws.message_bar.show_message(text, "info")
        self.accept()

    @Slot(int, object)
    def _on_error(self, _task_id: int, error) -> None:
        self._busy(False)
        flag = self.CONFIRMABLE.get(getattr(error, "code", ""))
        if flag and not self.confirmed.get(flag):
            self.confirmed[flag] = True
            self.message_bar.show_message(
                messages.error_text(error) + " " + self.tr("Press F9 to save anyway."), "warning")
            self.ok_button.setText(self.tr("Save anyway"))
            return
        self.message_bar.show_error(error)
