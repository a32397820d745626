"""The one place an unexpected exception ends up: logged, then shown with copyable details.

`install()` replaces `sys.excepthook`. PySide6 passes exceptions raised in slots and virtual
methods to it, as does `messages.show_error` for non-domain errors from background tasks. The
dialog is non-modal so a burst of errors cannot stack nested event loops.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel,
                               QPlainTextEdit, QVBoxLayout, QWidget)

import dms

log = logging.getLogger("dms.crash")


class ErrorDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(720, 420)
        label = QLabel(self.tr(
            "Something went wrong. The action was not completed. Please copy the details "
            "below and send them to your system administrator."))
        label.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class _Reporter(QObject):
    """Lives in the GUI thread; a worker thread's crash is handed over through `crashed`."""

    crashed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialogs: list[ErrorDialog] = []
        self.crashed.connect(self.show_dialog)

    @Slot(str)
    def show_dialog(self, details: str) -> None:
        # No parent: the window that crashed may be closed and deleted while the report is
        # still being read. Closed dialogs are deleted and dropped from the list.
        dialog = ErrorDialog(details)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget)
        self._forget()
        self.dialogs.append(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    @Slot()
    def _forget(self) -> None:
        self.dialogs = [d for d in self.dialogs if shiboken6.isValid(d) and d.isVisible()]


_reporter: _Reporter | None = None


def format_details(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    header = (f"DMS {dms.__version__}, Python {platform.python_version()}, "
              f"PySide6 {pyside_version}, {platform.platform()}\n\n")
    return header + "".join(lines)


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = format_details(exc_type, exc, tb)
    log.critical("Unhandled exception\n%s", details)
    app = QCoreApplication.instance()
    if _reporter is None or not isinstance(app, QApplication):
        return
    try:
        # Emitting from a worker thread queues the dialog to the GUI thread.
        _reporter.crashed.emit(details)
    except Exception:  # noqa: BLE001 - never let the hook itself raise
        log.exception("Could not show the error dialog")


def install() -> None:
    """Install the hook; call once, in the GUI thread, after the QApplication exists."""
    global _reporter
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("excepthook.install() must run in the GUI thread of a QApplication")
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = excepthook


def open_dialogs() -> list[ErrorDialog]:
    if _reporter is None:
        return []
    return [d for d in _reporter.dialogs if shiboken6.isValid(d) and d.isVisible()]
