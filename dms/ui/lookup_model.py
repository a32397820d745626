"""Table model over the paged lookup query (`dms.crm.lookup.search`).

The model holds only the rows fetched so far. A new query resets it and fetches the first page
in the background; the view asks for more (`canFetchMore`/`fetchMore`) when the user scrolls to
the end, and the next page is fetched the same way. Answers to superseded queries are dropped
by task id, so fast typing never shows results of an older text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt,
                            Signal, Slot)

from dms.crm import lookup
from dms.ui.tasks import TaskRunner

PAGE_SIZE = 50

Index = QModelIndex | QPersistentModelIndex


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


class LookupModel(QAbstractTableModel):
    """Rows are `LookupRow`-like objects (attribute access only)."""

    PLATE, VIN, VEHICLE, CUSTOMER, MOBILE = range(5)
    COLUMN_COUNT = 5

    # Row objects live under this role so views and tests can read the whole row.
    RowRole = Qt.ItemDataRole.UserRole + 1

    loading_changed = Signal(bool)
    # A page of the current query arrived: (rows fetched so far, more pages available).
    page_loaded = Signal(int, bool)
    failed = Signal(object)

    def __init__(self, db: object, runner: TaskRunner, parent=None,
                 search: Callable[..., list[Any]] | None = None, page_size: int = PAGE_SIZE,
                 actor: Any = None):
        super().__init__(parent)
        self._db = db
        # The signed-in user: the search checks the role and keeps to the user's store.
        self._actor = actor
        self._runner = runner
        self._search = search or lookup.search
        self._page_size = page_size
        self._text = ""
        self._rows: list[Any] = []
        self._more = False
        self._pending: int | None = None

    # -- query ---------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def loading(self) -> bool:
        return self._pending is not None

    @property
    def has_more(self) -> bool:
        return self._more

    def set_query(self, text: str) -> None:
        """Show the results for `text` (empty text: no rows)."""
        text = text.strip()
        self._set_pending(None)
        self.beginResetModel()
        self._text = text
        self._rows = []
        self._more = bool(text)
        self.endResetModel()
        if text:
            self._fetch_page()

    def refresh(self) -> None:
        self.set_query(self._text)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def _fetch_page(self) -> None:
        self._set_pending(self._runner.submit(
            self._search, self._db, self._actor, self._text, len(self._rows), self._page_size,
            on_result=self._on_page, on_error=self._on_error))

    def _set_pending(self, task_id: int | None) -> None:
        was_loading = self._pending is not None
        self._pending = task_id
        if was_loading != (task_id is not None):
            self.loading_changed.emit(task_id is not None)

    @Slot(int, object)
    def _on_page(self, task_id: int, rows: object) -> None:
        if task_id != self._pending:
            return  # an answer to a query that was replaced meanwhile
        rows = list(rows)  # type: ignore[call-overload]
        self._more = len(rows) >= self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_pending(None)
        self.page_loaded.emit(len(self._rows), self._more)

    @Slot(int, object)
    def _on_error(self, task_id: int, error: object) -> None:
        if task_id != self._pending:
            return
        self._more = False
        self._set_pending(None)
        self.failed.emit(error)

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self._pending is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._fetch_page()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CUSTOMER:
            return row.customer_code
        if role == self.RowRole:
            return row
        return None

    def _display(self, row: Any, column: int) -> str:
        if column == self.PLATE:
            return row.plate or ""
        if column == self.VIN:
            return row.vin or ""
        if column == self.VEHICLE:
            return _join(row.brand, row.series)
        if column == self.CUSTOMER:
            return row.customer_name or ""
        if column == self.MOBILE:
            return row.mobile or ""
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("Plate"), self.tr("VIN"), self.tr("Brand / series"),
                  self.tr("Customer"), self.tr("Mobile"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
