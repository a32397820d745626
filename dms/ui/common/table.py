"""One generic table model over a paged query (DESIGN §9).

The model is given a fetch function `fetch(offset, limit) -> list[row]` (run in the task
runner's pool, off the GUI thread) and a column spec; a `Pages` fetch, a service read named
with its arguments, can run in a reader process (`dms.ui.tasks`), which a lambda cannot. It
holds only the rows fetched so far; the view asks for more pages as the user scrolls
(`canFetchMore`/`fetchMore`).

`refresh()` — after a change on this seat or another — fetches the loaded range again and
merges it into the rows by key: changed rows are updated in place, new ones inserted, gone ones
removed. No reset, so the selection, the current row and the scroll position stay where the
user left them. `set_fetch()` starts a new query (that one does reset).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal,
                            Slot)

from dms.ui.tasks import TaskRunner

PAGE_SIZE = 50
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: Callable[[], str]  # called for the header, so it follows the current language
    value: Callable[[Any], Any]  # the text shown for a row
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Any], str | None] | None = None
    colour: Callable[[Any], Any] | None = None  # a QColor/QBrush for the text, or None
    sort_key: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Pages:
    """A fetch `fn(*args, offset=, limit=, **kwargs)`, picklable as its parts."""

    fn: Callable[..., list[Any]]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)

    def __call__(self, offset: int, limit: int) -> list[Any]:
        return self.fn(*self.args, offset=offset, limit=limit, **self.kwargs)


def pages(fn: Callable[..., list[Any]], *args: Any, **kwargs: Any) -> Pages:
    return Pages(fn, args, kwargs)


def _sortable(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value)


class PagedTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1  # the whole row object, for views and tests

    loading_changed = Signal(bool)
    page_loaded = Signal(int, bool)  # rows fetched so far, more pages available
    refreshed = Signal()
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, columns: list[Column],
                 key: Callable[[Any], Hashable] = lambda row: row.id,
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._columns = columns
        self._key = key
        self._page_size = page_size
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._rows: list[Any] = []
        self._more = False
        self._pending: int | None = None
        self._refreshing: int | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- queries ---------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._pending is not None

    @property
    def has_more(self) -> bool:
        return self._more

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, key: Hashable) -> int:
        for number, row in enumerate(self._rows):
            if self._key(row) == key:
                return number
        return -1

    def set_fetch(self, fetch: Callable[[int, int], list[Any]] | None) -> None:
        """A new query: no rows, then its first page (None: stay empty)."""
        self._set_pending(None)
        self._refreshing = None
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._more = fetch is not None
        self.endResetModel()
        if fetch is not None:
            self._fetch_page()

    def set_rows(self, rows) -> None:
        """Show rows already in hand (a section of a record just read), merged in by key."""
        self._fetch = None
        self._more = False
        self._merge(self._sorted(list(rows)) if self._sort else list(rows))

    def refresh(self) -> None:
        """Fetch what is shown again and merge it in by key (see the module docstring)."""
        if self._fetch is None:
            return
        if self._pending is not None:  # a page is on its way: simplest to ask again from the top
            self.set_fetch(self._fetch)
            return
        limit = max(len(self._rows), self._page_size)
        self._refreshing = self._read(0, limit, self._on_refresh)

    def _read(self, offset: int, limit: int, on_result) -> int:
        fetch = self._fetch
        if isinstance(fetch, Pages):
            return self._runner.submit(fetch.fn, *fetch.args, offset=offset, limit=limit,
                                       **fetch.kwargs, apart=True, on_result=on_result,
                                       on_error=self._on_error)
        return self._runner.submit(fetch, offset, limit, on_result=on_result,
                                   on_error=self._on_error)

    # -- pages -----------------------------------------------------------------------------
    def _fetch_page(self) -> None:
        self._set_pending(self._read(len(self._rows), self._page_size, self._on_page))

    def _set_pending(self, task_id: int | None) -> None:
        was_loading = self._pending is not None
        self._pending = task_id
        if was_loading != (task_id is not None):
            self.loading_changed.emit(task_id is not None)

    @Slot(int, object)
    def _on_page(self, task_id: int, rows: object) -> None:
        if task_id != self._pending:
            return  # the answer to a query replaced meanwhile
        rows = list(rows)  # type: ignore[call-overload]
        self._more = len(rows) >= self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_pending(None)
        self._apply_sort()
        self.page_loaded.emit(len(self._rows), self._more)

    @Slot(int, object)
    def _on_refresh(self, task_id: int, rows: object) -> None:
        if task_id != self._refreshing:
            return
        self._refreshing = None
        rows = list(rows)  # type: ignore[call-overload]
        self._more = len(rows) >= max(len(self._rows), self._page_size)
        if self._sort is not None:
            rows = self._sorted(rows)
        self._merge(rows)
        self.refreshed.emit()

    @Slot(int, object)
    def _on_error(self, task_id: int, error: object) -> None:
        if task_id == self._refreshing:
            self._refreshing = None
        elif task_id == self._pending:
            self._more = False
            self._set_pending(None)
        else:
            return
        self.failed.emit(error)

    def _merge(self, new: list[Any]) -> None:
        """Turn the rows into `new` with row-level signals only (no reset)."""
        wanted = {self._key(r) for r in new}
        for number in range(len(self._rows) - 1, -1, -1):
            if self._key(self._rows[number]) not in wanted:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
        last = self.columnCount() - 1
        for number, row in enumerate(new):
            key = self._key(row)
            at = next((i for i in range(number, len(self._rows))
                       if self._key(self._rows[i]) == key), -1)
            if at == -1:
                self.beginInsertRows(QModelIndex(), number, number)
                self._rows.insert(number, row)
                self.endInsertRows()
                continue
            if at != number:
                self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), number)
                self._rows.insert(number, self._rows.pop(at))
                self.endMoveRows()
            if self._rows[number] != row:
                self._rows[number] = row
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    # -- sorting (the rows loaded so far) -------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self._apply_sort()

    def _sorted(self, rows: list[Any]) -> list[Any]:
        column, order = self._sort  # type: ignore[misc]
        spec = self._columns[column]
        key = spec.sort_key or spec.value
        return sorted(rows, key=lambda r: _sortable(key(r)),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _apply_sort(self) -> None:
        if self._sort is None or len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        old = {self._key(r): i for i, r in enumerate(self._rows)}
        self._rows = self._sorted(self._rows)
        moved_from = [self.index(old[self._key(r)], c) for r in self._rows
                      for c in range(len(self._columns))]
        moved_to = [self.index(i, c) for i in range(len(self._rows))
                    for c in range(len(self._columns))]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    # -- the Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return (not parent.isValid() and self._more and self._pending is None
                and self._refreshing is None and self._fetch is not None)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._fetch_page()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._cell(self._rows[index.row()], self._columns[index.column()], role)

    def multiData(self, index: Index, roles) -> None:
        """All the roles a view's delegate asks of one cell in one call into Python: Qt's own
        `multiData` calls `data()` once a role, seven calls a painted cell where one does."""
        if not index.isValid() or index.row() >= len(self._rows):
            for item in roles:
                item.clearData()
            return
        row, spec = self._rows[index.row()], self._columns[index.column()]
        for item in roles:
            item.setData(self._cell(row, spec, item.role()))

    def _cell(self, row: Any, spec: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = spec.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.align is not None:
            return int(spec.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and spec.colour is not None:
            return spec.colour(row)
        if role == self.RowRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return self._columns[section].title() if 0 <= section < len(self._columns) else None

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
            if self._rows:  # state names and the like are translated in the value functions
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(self._columns) - 1))
