"""Two administration pages that are not a list of records: the store's PDI checklist (the
items a new car is inspected against, by section, in order) and data housekeeping (how long a
no-show's and an expired estimate's parts stay held, and the housekeeping run now, showing what
it released). Saving the checklist and the run are one command each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from dms.admin import catalogue, store
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import table_view
from dms.ui.manager.admin_dialogs import RuleDialog, plain, rule_names
from dms.workshop import pdi

translate = QCoreApplication.translate
EXPIRY = ("hold_hours.no_show", "hold_hours.estimate")


def sections() -> dict[str, str]:
    return {"exterior": translate("AdminWords", "Exterior"),
            "interior": translate("AdminWords", "Interior"),
            "engine": translate("AdminWords", "Engine bay"),
            "chassis": translate("AdminWords", "Chassis"),
            "road": translate("AdminWords", "Road test")}


class PdiChecklistPage(QWidget):
    """Ins adds an item below the selected one, Del removes it, Alt+Up/Alt+Down move it; the
    section is chosen in its cell, the text typed in its own; F9 (Save) replaces the checklist.
    Inspections already started keep their own items."""

    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("pdi_checklist")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 140)
        self.buttons = {name: QPushButton() for name in ("add", "remove", "up", "down", "save")}
        row = QHBoxLayout()
        for name, button in self.buttons.items():
            button.setObjectName(f"pdi_{name}")
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["remove"].clicked.connect(self.remove)
        self.buttons["up"].clicked.connect(lambda: self.move(-1))
        self.buttons["down"].clicked.connect(lambda: self.move(1))
        self.buttons["save"].clicked.connect(self.save)
        for keys, slot in (("Ins", self.add), ("Del", self.remove), ("Alt+Up", self.buttons["up"].click),
                           ("Alt+Down", self.buttons["down"].click), ("F9", self.save)):
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate_ui()

    def load(self) -> None:
        self.ws.read(pdi.pdi_template, on_result=self._on_items)

    @Slot(int, object)
    def _on_items(self, _task_id: int, items) -> None:
        self.table.setRowCount(0)
        for item in items:
            self._insert(self.table.rowCount(), item.section, item.name)
        if items:
            self.table.selectRow(0)

    def _insert(self, row: int, section: str, name: str) -> None:
        self.table.insertRow(row)
        box = QComboBox()
        for key, text in sections().items():
            box.addItem(text, key)
        box.setCurrentIndex(max(0, box.findData(section)))
        self.table.setCellWidget(row, 0, box)
        self.table.setItem(row, 1, QTableWidgetItem(name))

    def items(self) -> list[tuple[str, str]]:
        return [(self.table.cellWidget(r, 0).currentData(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]

    @Slot()
    def add(self) -> None:
        current = self.table.currentRow()
        row = current + 1 if current >= 0 else self.table.rowCount()
        section = self.items()[current][0] if current >= 0 else "exterior"
        self._insert(row, section, "")
        self.table.setCurrentCell(row, 1)
        self.table.editItem(self.table.item(row, 1))

    @Slot()
    def remove(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move(self, step: int) -> None:
        items, row = self.items(), self.table.currentRow()
        if row < 0 or not 0 <= row + step < len(items):
            return
        items[row], items[row + step] = items[row + step], items[row]
        self.table.setRowCount(0)
        for section, name in items:
            self._insert(self.table.rowCount(), section, name)
        self.table.selectRow(row + step)

    @Slot()
    def save(self) -> None:
        self.ws.command(pdi.set_pdi_template, self.items(), on_result=self._saved)

    @Slot(int, object)
    def _saved(self, task_id: int, items) -> None:
        self._on_items(task_id, items)
        self.ws.message_bar.show_message(
            self.tr("The PDI checklist is saved: %n item(s).", "", len(items)), "info")

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("What is checked")])
        for name, text in (("add", self.tr("&Add (Ins)")), ("remove", self.tr("&Remove (Del)")),
                           ("up", self.tr("Move &up (Alt+Up)")),
                           ("down", self.tr("Move do&wn (Alt+Down)")),
                           ("save", self.tr("&Save (F9)"))):
            self.buttons[name].setText(text)
        self.note.setText(self.tr("Inspections already started keep the checklist they began "
                                  "with; new ones use this one."))


class HousekeepingPage(QWidget):
    """The two hold times housekeeping applies, each changed with its Change... button, and
    Run now (F9): what it released is listed below."""

    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self.values = {key: QLabel() for key in EXPIRY}
        self.names = {key: QLabel() for key in EXPIRY}
        self.change = {key: QPushButton() for key in EXPIRY}
        grid = QGridLayout()
        for n, key in enumerate(EXPIRY):
            self.values[key].setObjectName(f"expiry_{key}")
            self.change[key].setObjectName(f"expiry_change_{key}")
            self.change[key].clicked.connect(lambda _=False, k=key: self.edit(k))
            grid.addWidget(self.names[key], n, 0)
            grid.addWidget(self.values[key], n, 1)
            grid.addWidget(self.change[key], n, 2)
        grid.setColumnStretch(3, 1)
        self.run_button = QPushButton()
        self.run_button.setObjectName("housekeeping_run")
        self.run_button.clicked.connect(self.run)
        QShortcut(QKeySequence("F9"), self, self.run,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.summary = QLabel()
        self.summary.setObjectName("housekeeping_summary")
        self.summary.setWordWrap(True)
        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("What"), self._what),
            Column(lambda: self.tr("Number"), lambda r: r.number),
            Column(lambda: self.tr("Plate"), lambda r: r.plate or ""),
            Column(lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column(lambda: self.tr("Booked for / received"), lambda r: words.when(r.at)),
        ], key=lambda r: (r.kind, r.id), parent=self)
        self.released = table_view(self.model, "housekeeping_released", (16, 14, 10, 12), stretch=4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        layout.addWidget(self.released, 1)
        self.last_run: store.HousekeepingRun | None = None
        self.retranslate_ui()

    def _what(self, row) -> str:
        return (self.tr("No-show: parts released") if row.kind == "no_show"
                else self.tr("Estimate expired: parts released"))

    def load(self) -> None:
        self.ws.read(catalogue.rules, on_result=self._on_rules)

    @Slot(int, object)
    def _on_rules(self, _task_id: int, rules) -> None:
        self.rules = dict(rules)
        for key in EXPIRY:
            self.values[key].setText(self.tr("%1 h").replace("%1", plain(self.rules[key])))

    def edit(self, key: str) -> None:
        self.ws.open_dialog(RuleDialog(self.ws, key, self.rules.get(key)), self.load)

    @Slot()
    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.ws.command(store.run_housekeeping, on_result=self._done, on_error=self._failed)

    @Slot(int, object)
    def _done(self, _task_id: int, result: store.HousekeepingRun) -> None:
        self.run_button.setEnabled(True)
        self.last_run = result
        self.model.set_rows(result.released)
        no_shows = sum(r.kind == "no_show" for r in result.released)
        self.summary.setText(
            self.tr("%n no-show(s)", "", no_shows) + ", "
            + self.tr("%n expired estimate(s)", "", len(result.released) - no_shows) + " "
            + self.tr("released; %n change-log row(s) pruned.", "", result.changes_pruned))

    @Slot(int, object)
    def _failed(self, _task_id: int, error) -> None:
        self.run_button.setEnabled(True)
        self.ws.message_bar.show_error(error)

    def retranslate_ui(self) -> None:
        names = rule_names()
        for key in EXPIRY:
            self.names[key].setText(names[key] + ":")
            self.change[key].setText(self.tr("Change..."))
        self.run_button.setText(self.tr("&Run housekeeping now (F9)"))
        self.model.retranslate()
