"""Reports and exports from the window: every list of DESIGN §7 (`dms.reports.excel.EXPORTS`)
and the KPI workbook, for a period or the whole history, written in the language of the screen.

An export streams in the task runner's pool; the rows written so far come back through a
signal (the service's progress callback runs in the worker) and Cancel (Esc) sets the flag the
service checks every thousand rows: a cancelled export writes no file.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from dms.reports.excel import EXPORTS, export
from dms.reports.kpi import kpi_workbook
from dms.ui import i18n

KPI = "kpi"


def _run_kpi(db, user, path, lang, since, until, progress=None, cancelled=None):
    """The KPI workbook as one more export (one computation: no rows to count)."""
    if since is None or until is None:
        today = date.today()
        since, until = since or today.replace(day=1), until or today
    kpi_workbook(db, user, since, until, path, lang=lang)
    return None


class _Progress(QObject):
    rows = Signal(int)  # emitted in the worker, delivered in the GUI thread (queued)


class ReportsPage(QWidget):
    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self._task: int | None = None
        self._cancel = threading.Event()
        self.last_path: Path | None = None
        self.last_rows: int | None = None
        self._progress = _Progress(self)
        self._progress.rows.connect(self._on_rows)

        self.lists = QListWidget()
        self.lists.setObjectName("export_lists")
        for name in (*EXPORTS, KPI):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.lists.addItem(item)
        self.lists.setCurrentRow(0)
        self.lists.setMaximumWidth(320)
        self.whole = QCheckBox()
        self.whole.setObjectName("export_whole_history")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        today = date.today()
        for edit, day in ((self.date_from, today.replace(day=1)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day))
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.browse = QPushButton()
        self.start = QPushButton()
        self.start.setObjectName("export_start")
        self.cancel = QPushButton()
        self.cancel.setObjectName("export_cancel")
        self.cancel.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setObjectName("export_progress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        period = QHBoxLayout()
        for widget in (self.date_from, QLabel("–"), self.date_to, self.whole):
            period.addWidget(widget)
        period.addStretch(1)
        target = QHBoxLayout()
        target.addWidget(self.path, 1)
        target.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        form.addRow(self.labels[0], period)
        form.addRow(self.labels[1], target)
        form.addRow(self.labels[2], buttons)
        form.addRow(self.labels[3], self.bar)
        form.addRow("", self.status)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.lists)
        layout.addLayout(right, 1)

        self.whole.toggled.connect(self._whole_toggled)
        self.lists.currentRowChanged.connect(self._suggest_path)
        self.browse.clicked.connect(self.choose_file)
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self.stop)
        self.retranslate_ui()

    # -- what to export ----------------------------------------------------------------------
    def selected(self) -> str:
        return self.lists.currentItem().data(Qt.ItemDataRole.UserRole)

    def select(self, name: str) -> None:
        names = [self.lists.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.lists.count())]
        self.lists.setCurrentRow(names.index(name))

    def period(self) -> tuple[date | None, date | None]:
        if self.whole.isChecked() and self.selected() != KPI:
            return None, None
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    @Slot(bool)
    def _whole_toggled(self, whole: bool) -> None:
        self.date_from.setEnabled(not whole)
        self.date_to.setEnabled(not whole)
        self._suggest_path()

    @Slot()
    def _suggest_path(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        since, until = self.period()
        span = f"_{since:%Y%m%d}-{until:%Y%m%d}" if since else ""
        self.path.setText(str(Path(folder or Path.home()) / f"{self.selected()}{span}.xlsx"))

    @Slot()
    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Export to"), self.path.text(),
                             self.tr("Excel workbooks (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    # -- running -----------------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        if self._task is not None:
            return
        name, (since, until) = self.selected(), self.period()
        path = Path(self.path.text().strip()).expanduser()
        self._cancel.clear()
        self._running(True)
        self.status.setText(self.tr("Exporting..."))
        fn, args = (_run_kpi, (path,)) if name == KPI else (export, (name, path))
        self._task = self.ws.read(fn, *args, lang=i18n.current_language(), since=since,
                                  until=until, progress=self._progress.rows.emit,
                                  cancelled=self._cancel.is_set, on_result=self._on_done,
                                  on_error=self._on_error)
        self.last_path = path

    @Slot()
    def stop(self) -> None:
        if self._task is not None:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling..."))

    @property
    def running(self) -> bool:
        return self._task is not None

    def _running(self, running: bool) -> None:
        self.start.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.lists.setEnabled(not running)
        self.bar.setRange(0, 0 if running else 1)  # busy while it streams: no total known
        self.bar.setValue(0 if running else 1)

    @Slot(int)
    def _on_rows(self, rows: int) -> None:
        if self._task is not None:
            self.status.setText(self.tr("%n row(s) written...", "", rows))

    @Slot(int, object)
    def _on_done(self, task_id: int, rows) -> None:
        if task_id != self._task:
            return
        self._task = None
        self._running(False)
        self.last_rows = rows
        path = str(self.last_path)
        self.status.setText(self.tr("Saved %1").replace("%1", path) if rows is None else
                            self.tr("%n row(s) saved to %1", "", rows).replace("%1", path))

    @Slot(int, object)
    def _on_error(self, task_id: int, error) -> None:
        if task_id != self._task:
            return
        self._task = None
        self._running(False)
        self.bar.setValue(0)
        self.status.setText("")
        if isinstance(error, OSError):  # a folder that is gone, a file open in Excel, a full disk
            self.ws.message_bar.show_message(
                self.tr("Cannot write %1: %2").replace("%1", str(self.last_path))
                .replace("%2", error.strerror or str(error)), "error")
        else:
            self.ws.message_bar.show_error(error)

    def retranslate_ui(self) -> None:
        names = {"customers": self.tr("Customers"), "vehicles": self.tr("Vehicles"),
                 "appointments": self.tr("Appointments"),
                 "workorders": self.tr("Work orders with their lines"),
                 "parts": self.tr("Parts and stock"), "movements": self.tr("Stock movements"),
                 "settlements": self.tr("Settlements with payments"),
                 "followups": self.tr("Follow-ups"), "complaints": self.tr("Complaints"),
                 KPI: self.tr("KPI workbook (with charts)")}
        for i in range(self.lists.count()):
            item = self.lists.item(i)
            item.setText(names[item.data(Qt.ItemDataRole.UserRole)])
        for label, text in zip(self.labels, (self.tr("&Period:"), self.tr("&Save to:"),
                                             "", self.tr("Progress:"))):
            label.setText(text)
        self.labels[0].setBuddy(self.date_from)
        self.labels[1].setBuddy(self.path)
        self.whole.setText(self.tr("&Whole history"))
        self.browse.setText(self.tr("&Browse..."))
        self.start.setText(self.tr("&Export (F9)"))
        self.cancel.setText(self.tr("&Cancel (Esc)"))
        if not self.path.text():
            self._suggest_path()
