"""The kanban's one item model and its lanes (DESIGN §9: model/view, not widgets in a scroll
area).

`BoardModel` holds every card of the board, merged by job id on each refresh (rows updated,
inserted, moved or removed with row signals, never a reset: a card moves without flicker and a
drag in progress keeps its data). Each lane of each view is a `LaneProxy` over it. A drop on a
lane is handled by the model: the lane's proxy asks `BoardModel.can_drop`/`drop`, which plan
the move (`moves.plan`) and send it as one command through the workspace, or refuse it with
the reason (`refused`), changing nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt,
                            QSortFilterProxyModel, Signal)

from dms.ui.common.table import Column, PagedTableModel
from dms.ui.workshop import moves
from dms.workshop.kanban import Board, Card

MIME = "application/x-dms-job"
Index = QModelIndex | QPersistentModelIndex


def encode(job_ids) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(",".join(str(i) for i in job_ids).encode()))
    return data


def decode(data: QMimeData) -> list[int]:
    if data is None or not data.hasFormat(MIME):
        return []
    raw = bytes(data.data(MIME).data()).decode()
    return [int(part) for part in raw.split(",") if part.isdigit()]


class BoardModel(PagedTableModel):
    CardRole = PagedTableModel.RowRole

    refused = Signal(str)  # the reason a move was not made, in the user's language

    def __init__(self, runner, roles, send: Callable[[moves.Move], None] | None = None,
                 parent=None):
        super().__init__(runner, [Column(
            lambda: "", lambda c: c.job.plate or c.job.number,
            tooltip=lambda c: f"{c.job.number} {c.job.code} {c.job.name}")],
                         key=lambda c: c.id, parent=parent)
        self.roles = frozenset(roles)
        self.board = Board((), (), ())
        self.send = send  # None: read-only (the TV board)
        self.last_refusal = ""

    def set_board(self, board: Board) -> None:
        self.board = board
        if self.rowCount() == 0:  # the first load: one reset, not a signal per card
            self.beginResetModel()
            self._rows = list(board.cards)
            self.endResetModel()
        else:
            self.set_rows(board.cards)

    def card(self, job_id: int) -> Card | None:
        row = self.row_of(job_id)
        return self.row_at(row) if row >= 0 else None

    # -- dragging ------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.send else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.send is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        return encode(dict.fromkeys(self.row_at(i.row()).id for i in indexes if i.isValid()))

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return False  # a drop needs a lane: the lane's proxy asks can_drop

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        return False

    # -- what a drop on a lane does ------------------------------------------------------
    def _planned(self, data: QMimeData, lane: str) -> list[moves.Move]:
        found = []
        for job_id in decode(data):
            card = self.card(job_id)
            if card is None:
                raise moves.Refused(self.tr("This job has left the board meanwhile."))
            move = moves.plan(card, lane, self.board, self.roles)
            if move is not None:
                found.append(move)
        return found

    def can_drop(self, data: QMimeData, lane: str) -> bool:
        """Whether a drop of `data` on `lane` would send a move; the reason is kept if not."""
        if self.send is None or not decode(data):
            return False
        try:
            return bool(self._planned(data, lane))
        except moves.Refused as refusal:
            self.last_refusal = refusal.text
            return False

    def drop(self, data: QMimeData, lane: str) -> bool:
        if self.send is None:
            return False
        try:
            planned = self._planned(data, lane)
        except moves.Refused as refusal:
            self.last_refusal = refusal.text
            self.refused.emit(refusal.text)
            return False
        for move in planned:
            self.send(move)
        return bool(planned)


class LaneProxy(QSortFilterProxyModel):
    """One lane: the cards whose lane (in `view`: "state" or "plan") is `lane`."""

    def __init__(self, model: BoardModel, view: str, lane: str, parent=None):
        super().__init__(parent)
        self.view, self.lane = view, lane
        self.setSourceModel(model)
        self.setDynamicSortFilter(True)

    def board(self) -> BoardModel:
        return self.sourceModel()  # type: ignore[return-value]

    def lane_of(self, card: Card) -> str | None:
        return card.lane if self.view == "state" else moves.plan_lane(card)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self.lane_of(self.board().row_at(source_row)) == self.lane

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.board().can_drop(data, self.lane)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        return self.board().drop(data, self.lane)


class PageProxy(QSortFilterProxyModel):
    """Rows [first, first + size) of a lane: one page of the TV board."""

    def __init__(self, lane: LaneProxy, parent=None):
        super().__init__(parent)
        self.first, self.size = 0, 1 << 30
        self.setSourceModel(lane)

    def show_page(self, first: int, size: int) -> None:
        """Rows [first, first + size); the filter runs again even for the same range (the
        lane's rows may have moved under it)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.first, self.size = first, size
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.first, self.size = first, size
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        return self.first <= source_row < self.first + self.size
