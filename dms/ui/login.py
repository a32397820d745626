"""Sign-in dialog. Authentication runs in the task runner (scrypt takes ~0.4 s, enough to
freeze typing); a wrong password keeps the dialog open, clears the password and says why. A
password someone else set is replaced first (PasswordChangeDialog)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from dms.errors import DomainError
from dms.ui import messages
from dms.ui.account_dialogs import PasswordChangeDialog
from dms.ui.tasks import TaskRunner


class LoginDialog(QDialog):
    # Emitted with the CurrentUser before the dialog closes.
    signed_in = Signal(object)

    def __init__(self, db: object, runner: TaskRunner, parent: QWidget | None = None,
                 username: str = ""):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._db = db
        self._runner = runner
        self._task: int | None = None
        self.user: Any = None

        self.heading = QLabel()
        self.heading.setObjectName("loginHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)

        self.username = QLineEdit(username)
        self.username.setObjectName("loginUsername")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in)

        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        # Plain buttons, none of them the dialog's default: Enter is handled by the line
        # edits (user name → password → sign in). A QDialogButtonBox would make the accept
        # button default on show, and Enter in the name field would submit an empty password.
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("loginSignIn")
        self.cancel_button = QPushButton()
        for button in (self.sign_in_button, self.cancel_button):
            button.setAutoDefault(False)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.cancel_button)

        self.username_label, self.password_label = QLabel(), QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        self.retranslate_ui()
        (self.password if username else self.username).setFocus()

    def reset(self) -> None:
        """Ready for the next person (sign out / switch user): the name stays, nothing else."""
        self._task, self.user = None, None
        self._set_busy(False)
        self.password.clear()
        self.error.hide()
        self.username.setFocus()
        self.username.selectAll()

    @property
    def busy(self) -> bool:
        return self._task is not None

    @Slot()
    def sign_in(self) -> None:
        if self.busy:
            return
        name = self.username.text().strip()
        if not name or not self.password.text():
            self._show_error(self.tr("Enter your user name and password."))
            (self.password if name else self.username).setFocus()
            return
        self._set_busy(True)
        # Imported here, not with the dialog: dms.auth loads the ORM models, which the start
        # leaves until after this dialog is painted (a worker loads them while the user types).
        from dms.auth import authenticate

        self._task = self._runner.submit(authenticate, self._db, name, self.password.text(),
                                         on_result=self._on_signed_in, on_error=self._on_failed)

    @Slot(int, object)
    def _on_signed_in(self, task_id: int, user: object) -> None:
        if task_id != self._task:
            return
        self._task = None
        if getattr(user, "must_change_password", False):  # set by someone else: choose one
            self._set_busy(False)
            self.change_password = PasswordChangeDialog(self._db, self._runner, user,
                                                        self.password.text(), self)
            self.change_password.done.connect(self._finish)
            self.change_password.open()
            return
        self._finish(user)

    @Slot(object)
    def _finish(self, user: object) -> None:
        self.user = user
        self.signed_in.emit(user)
        self.accept()

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        if task_id != self._task:
            return
        self._task = None
        self._set_busy(False)
        if not isinstance(error, DomainError):
            messages.report(self, error)
            return
        self.password.clear()
        self.password.setFocus()
        self._show_error(messages.error_text(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        self.sign_in_button.setText(self.tr("Signing in...") if busy else self.tr("Sign in"))

    def reject(self) -> None:
        self._task = None  # a late answer must not sign anyone in
        super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in to DMS"))
        self.heading.setText(self.tr("After-sales service"))
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.username.setPlaceholderText(self.tr("e.g. advisor1"))
        self.sign_in_button.setText(self.tr("Signing in...") if self.busy else self.tr("Sign in"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
