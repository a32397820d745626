"""The PDI checklist as a Qt model: the sheet's items with the inspector's answers not yet
saved laid over them (result by key, the note typed in its cell). Saving sends only the
changed items, as one command; a refresh after another seat's save keeps unsaved answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
SECTION, ITEM, RESULT, NOTE = range(4)
BACKGROUNDS = {"ok": "#e6f4ea", "fail": "#fde8e8", "fixed": "#e8f0fe"}


def sections() -> dict[str, str]:
    return {"exterior": translate("PdiChecklist", "Exterior"),
            "interior": translate("PdiChecklist", "Interior"),
            "engine": translate("PdiChecklist", "Engine bay"),
            "chassis": translate("PdiChecklist", "Chassis"),
            "road": translate("PdiChecklist", "Road test")}


def results() -> dict[str | None, str]:
    return {None: translate("PdiChecklist", "Not checked"), "ok": translate("PdiChecklist", "OK"),
            "fail": translate("PdiChecklist", "Failed"),
            "fixed": translate("PdiChecklist", "Fixed")}


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.editable = False
        self.pending: dict[int, tuple[str | None, str | None]] = {}  # item id → (result, note)

    def show_sheet(self, sheet, keep_pending: bool) -> None:
        """The sheet's items; unsaved answers stay when it is the same sheet (a refresh)."""
        ids = [i.id for i in sheet.items]
        if not keep_pending or ids != [i.id for i in self.items]:
            self.beginResetModel()
            self.items, self.pending = list(sheet.items), {}
            self.editable = sheet.state == "open"
            self.endResetModel()
            return
        self.items, self.editable = list(sheet.items), sheet.state == "open"
        self.pending = {k: v for k, v in self.pending.items() if self.editable}
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, NOTE))

    def clear(self) -> None:
        self.beginResetModel()
        self.items, self.pending, self.editable = [], {}, False
        self.endResetModel()

    # -- answers ---------------------------------------------------------------------------------
    def answer(self, row: int) -> tuple[str | None, str | None]:
        item = self.items[row]
        return self.pending.get(item.id, (item.result, item.note))

    def set_result(self, rows, result: str) -> None:
        for row in rows:
            if not 0 <= row < len(self.items) or not self.editable:
                continue
            _, note = self.answer(row)
            self.pending[self.items[row].id] = (result, note)
            self.dataChanged.emit(self.index(row, 0), self.index(row, NOTE))

    def all_ok(self) -> None:
        """Every item not answered yet is OK (the inspector then fails the few that are not)."""
        self.set_result([r for r in range(len(self.items)) if self.answer(r)[0] is None], "ok")

    def changes(self) -> dict[int, tuple[str | None, str | None]]:
        return {k: v for k, v in self.pending.items()
                if v != next((i.result, i.note) for i in self.items if i.id == k)}

    # -- the Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NOTE and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        result, note = self.answer(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {SECTION: sections().get(item.section, item.section), ITEM: item.name,
                    RESULT: results().get(result, result)
                    + (" *" if item.id in self.pending else ""),
                    NOTE: note or ""}[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and result in BACKGROUNDS:
            return QBrush(QColor(BACKGROUNDS[result]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == RESULT and item.fixed_by:
            return translate("PdiChecklist", "Fixed by {who}").format(who=item.fixed_by)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != NOTE or role != Qt.ItemDataRole.EditRole
                or not self.editable):
            return False
        result, _ = self.answer(index.row())
        self.pending[self.items[index.row()].id] = (result, str(value).strip() or None)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTE))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (translate("PdiChecklist", "Section"), translate("PdiChecklist", "Item"),
                  translate("PdiChecklist", "Result"), translate("PdiChecklist", "Note"))
        return titles[section] if 0 <= section < 4 else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, NOTE))
