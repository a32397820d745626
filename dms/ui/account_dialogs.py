"""The two account dialogs around sign-in: choosing one's own password when someone else set
it (a manager's reset), and creating the store and its first manager in an empty database
(what `dms init` does). Both run their service in the task runner: hashing takes a moment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from dms.errors import DomainError
from dms.ui import messages
from dms.ui.tasks import TaskRunner


class _ServiceDialog(QDialog):
    """A form whose OK runs one service call off the GUI thread; errors stay in the dialog."""

    done = Signal(object)  # the service's result (a CurrentUser)

    def __init__(self, runner: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self._runner = runner
        self._task: int | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)  # each dialog's own submit()
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _field(self, label: str, name: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def _passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self._show_error(QCoreApplication.translate("AccountDialogs",
                                                        "The two passwords differ."))
            return False
        return True

    def _run(self, fn, *args: Any) -> None:
        self.buttons.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._task = self._runner.submit(fn, *args, on_result=self._on_result,
                                         on_error=self._on_error)

    @Slot(int, object)
    def _on_result(self, task_id: int, result: object) -> None:
        if task_id != self._task:
            return
        self._task = None
        self.done.emit(result)
        self.accept()

    @Slot(int, object)
    def _on_error(self, task_id: int, error: object) -> None:
        if task_id != self._task:
            return
        self._task = None
        self.buttons.setEnabled(True)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        if not isinstance(error, DomainError):
            messages.report(self, error)
            return
        self._show_error(messages.error_text(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        self._task = None  # a late answer must not count
        super().reject()


class PasswordChangeDialog(_ServiceDialog):
    """Shown after a sign-in with a password someone else set; the old one is already known."""

    def __init__(self, db: object, runner: TaskRunner, user: Any, old_password: str,
                 parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.setObjectName("passwordChangeDialog")
        self._db, self._user, self._old = db, user, old_password
        self.setWindowTitle(self.tr("Choose your password"))
        self.intro.setText(self.tr("Your password was set by someone else. Choose your own "
                                   "before you start."))
        self.new = self._field(self.tr("New password"), "newPassword", secret=True)
        self.again = self._field(self.tr("Again"), "newPasswordAgain", secret=True)

    @Slot()
    def submit(self) -> None:
        if self._task is None and self._passwords_match(self.new, self.again):
            from dms.users import change_password  # see LoginDialog.sign_in

            self._run(change_password, self._db, self._user, self._old, self.new.text())


class FirstStartDialog(_ServiceDialog):
    """An empty database: its store and first manager, then the window signs in as them."""

    def __init__(self, db: object, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.setObjectName("firstStartDialog")
        self._db = db
        self.setWindowTitle(self.tr("New database"))
        self.intro.setText(self.tr("This database is empty. Create the store and its first "
                                   "manager; the manager then adds the staff."))
        self.store_code = self._field(self.tr("Store code"), "storeCode")
        self.store_name = self._field(self.tr("Store name"), "storeName")
        self.username = self._field(self.tr("Manager's user name"), "managerUsername")
        self.display_name = self._field(self.tr("Manager's name"), "managerName")
        self.password = self._field(self.tr("Password"), "managerPassword", secret=True)
        self.again = self._field(self.tr("Again"), "managerPasswordAgain", secret=True)

    @Slot()
    def submit(self) -> None:
        if self._task is None and self._passwords_match(self.password, self.again):
            from dms.users import init_database  # see LoginDialog.sign_in

            self._run(init_database, self._db, self.store_code.text(),
                      self.store_name.text(), self.username.text(),
                      self.display_name.text() or self.username.text(), self.password.text())
