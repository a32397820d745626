"""The kanban's one item model and its lanes (DESIGN §9: model/view, not widgets in a scroll
area).

`BoardModel` holds every card of the board in the board's order (the oldest car first). Each
lane of each view is a `LaneModel`: the ids of the cards in that lane, fed by the board model.
A board read again (all of it on F5, or the few orders another seat changed put into the last
one, `kanban.with_cards`) is merged in by job id:
each model is told only what changed in it (rows removed, inserted or moved, a card's data
changed), never reset, so a card moves without flicker, a selection stays on its card and a
drag in progress keeps its data. Sorting the cards into lanes is plain Python over a few
hundred cards; no lane filters the whole board again (a proxy per lane did: 15,000 filter
calls into Python, 25 ms, on every full read).

A drop on a lane is handled by the model: the lane model asks `BoardModel.can_drop`/`drop`,
which plan the move (`moves.plan`) and send it as one command through the workspace, or refuse
it with the reason (`refused`), changing nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QByteArray, QMimeData, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor

from dms.ui.workshop import moves
from dms.workshop.kanban import Board, Card

MIME = "application/x-dms-job"
Index = QModelIndex | QPersistentModelIndex
STATE, PLAN = "state", "plan"
WAITING_LANES = ("dispatched", "paused_parts", "paused_approval", "rework")  # for a bay


def encode(job_ids) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(",".join(str(i) for i in job_ids).encode()))
    return data


def decode(data: QMimeData) -> list[int]:
    if data is None or not data.hasFormat(MIME):
        return []
    raw = bytes(data.data(MIME).data()).decode()
    return [int(part) for part in raw.split(",") if part.isdigit()]


def lane_of(card: Card, view: str) -> str | None:
    """The card's lane in `view` ("state": the flow's columns; "plan": its technician)."""
    return card.lane if view == STATE else moves.plan_lane(card)


def sync(model, ids: list, new: list) -> None:
    """Turn `ids` (the rows of `model`) into `new` with row signals only: runs of rows removed,
    runs inserted, rows moved. The board's order never changes for a card that stays, so a
    refresh is removals and insertions; moves are there for correctness."""
    if ids == new:
        return
    keep = set(new)
    end = len(ids)
    while end > 0:
        if ids[end - 1] in keep:
            end -= 1
            continue
        start = end - 1
        while start > 0 and ids[start - 1] not in keep:
            start -= 1
        model.beginRemoveRows(QModelIndex(), start, end - 1)
        del ids[start:end]
        model.endRemoveRows()
        end = start
    present = set(ids)
    pos = 0
    while pos < len(new):
        key = new[pos]
        if pos < len(ids) and ids[pos] == key:
            pos += 1
        elif key not in present:
            end = pos
            while end < len(new) and new[end] not in present:
                end += 1
            model.beginInsertRows(QModelIndex(), pos, end - 1)
            ids[pos:pos] = new[pos:end]
            model.endInsertRows()
            pos = end
        else:
            at = ids.index(key, pos)
            model.beginMoveRows(QModelIndex(), at, at, QModelIndex(), pos)
            ids.insert(pos, ids.pop(at))
            model.endMoveRows()
            pos += 1


class _Cards(QAbstractListModel):
    """A list of job ids whose data are the board's cards."""

    CardRole = Qt.ItemDataRole.UserRole + 1  # the Card, for the delegate, views and tests

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ids: list[int] = []

    def board_model(self) -> BoardModel:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def row_at(self, row: int) -> Card:
        return self.board_model().cards[self.ids[row]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        card = self.row_at(index.row())
        if role == self.CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return card.job.plate or card.job.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.job.number} {card.job.code} {card.job.name}"
        return None

    def changed(self, job_ids: set[int]) -> None:
        """dataChanged for the rows of `job_ids` (runs of neighbours as one signal)."""
        if job_ids.isdisjoint(self.ids):
            return
        rows = [r for r, i in enumerate(self.ids) if i in job_ids]
        start = 0
        for n in range(1, len(rows) + 1):
            if n == len(rows) or rows[n] != rows[n - 1] + 1:
                self.dataChanged.emit(self.index(rows[start]), self.index(rows[n - 1]))
                start = n

    # -- dragging ------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        editable = self.board_model().send is not None
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        return encode(dict.fromkeys(self.ids[i.row()] for i in indexes if i.isValid()))


class BoardModel(_Cards):
    refused = Signal(str)  # the reason a move was not made, in the user's language
    merged = Signal()  # after each read merged in: the lanes' heads, the TV's pages

    def __init__(self, roles, send: Callable[[moves.Move], None] | None = None, parent=None):
        super().__init__(parent)
        self.roles = frozenset(roles)
        self.board = Board((), (), ())
        self.cards: dict[int, Card] = {}
        self.lanes: dict[tuple[str, str], LaneModel] = {}
        self.send = send  # None: read-only (the TV board)
        self.last_refusal = ""

    def board_model(self) -> BoardModel:
        return self

    @property
    def rows(self) -> list[Card]:
        return [self.cards[i] for i in self.ids]

    def row_of(self, key: Hashable) -> int:
        try:
            return self.ids.index(key)  # type: ignore[arg-type]
        except ValueError:
            return -1

    def card(self, job_id: int) -> Card | None:
        return self.cards.get(job_id)

    def lane(self, view: str, key: str) -> LaneModel:
        """The model of one lane (made on first use, filled from the cards held)."""
        if (view, key) not in self.lanes:
            model = self.lanes[view, key] = LaneModel(self, view, key)
            model.ids = [i for i in self.ids if lane_of(self.cards[i], view) == key]
        return self.lanes[view, key]

    # -- reads merged in ------------------------------------------------------------------
    def set_board(self, board: Board) -> None:
        """The board read again (all of it, or a few orders' cards put into the last)."""
        cards = {c.id: c for c in board.cards}
        changed = {i for i, c in cards.items()
                   if (was := self.cards.get(i, c)) is not c and was != c}
        lanes: dict[tuple[str, str], list[int]] = {key: [] for key in self.lanes}
        for card in board.cards:
            for view in (STATE, PLAN):
                found = lanes.get((view, lane_of(card, view)))  # type: ignore[arg-type]
                if found is not None:
                    found.append(card.id)
        self.board, old = board, self.cards
        self.cards = {**old, **cards}  # the rows leaving still have data while they go
        sync(self, self.ids, [c.id for c in board.cards])
        self.changed(changed)
        for key, model in self.lanes.items():
            sync(model, model.ids, lanes[key])
            model.changed(changed)
        self.cards = cards
        self.merged.emit()

    # -- what a drop on a lane does ------------------------------------------------------
    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return False  # a drop needs a lane: the lane's model asks can_drop

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        return False

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


class LaneModel(_Cards):
    """One lane: the cards whose lane in `view` ("state" or "plan") is `lane`, in the board's
    order. A drop on it is a move to `lane`."""

    def __init__(self, board: BoardModel, view: str, lane: str):
        super().__init__(board)
        self.view, self.lane = view, lane

    def board_model(self) -> BoardModel:
        return self.parent()  # type: ignore[return-value]

    def lane_of(self, card: Card) -> str | None:
        return lane_of(card, self.view)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.board_model().can_drop(data, self.lane)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        return self.board_model().drop(data, self.lane)


class PageProxy(QSortFilterProxyModel):
    """Rows [first, first + size) of a lane: one page of the TV board."""

    def __init__(self, lane: LaneModel, parent=None):
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


class BayModel(QAbstractListModel):
    """The store's bays as drop targets (the bay strip): a job dropped on a bay moves there
    (`BoardModel.drop` with "bay:<id>", refused with the reason when the bay does not fit the
    job or another car is in repair there). Each bay says who is in it and how many jobs wait
    for it."""

    BayRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, board: BoardModel):
        super().__init__(board)
        self.bays: tuple = ()
        self._status: dict[int, tuple[str | None, int]] = {}
        board.merged.connect(self._update)

    def board_model(self) -> BoardModel:
        return self.parent()  # type: ignore[return-value]

    def _update(self) -> None:
        """Who is in each bay and how many jobs wait for it, in one pass over the cards."""
        board = self.board_model().board
        occupant: dict[int, str] = {}
        waiting: dict[int, int] = dict.fromkeys((b.id for b in board.bays), 0)
        for card in board.cards:
            bay = card.job.bay_id
            if bay is None:
                continue
            if card.lane == "in_repair":
                occupant.setdefault(bay, card.job.plate or card.job.number)  # `moves.occupant`
            elif card.lane in WAITING_LANES and bay in waiting:
                waiting[bay] += 1
        status = {b.id: (occupant.get(b.id), waiting[b.id]) for b in board.bays}
        if [b.id for b in board.bays] != [b.id for b in self.bays]:
            self.beginResetModel()  # bays opened or closed: a handful of items
            self.bays, self._status = board.bays, status
            self.endResetModel()
        elif status != self._status:
            self.bays, self._status = board.bays, status
            self.dataChanged.emit(self.index(0), self.index(len(self.bays) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.bays)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.bays):
            return None
        bay = self.bays[index.row()]
        plate, waiting = self._status.get(bay.id, (None, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            there = self.tr("● {plate} in repair").format(plate=plate) if plate else self.tr("Free")
            queue = self.tr("%n waiting", "", waiting) if waiting else ""
            return f"{bay.name}\n{there}" + (f" · {queue}" if queue else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Drop a job here to move it to {bay}.").format(bay=bay.name)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#fff3e0") if plate else QColor("#f1f8f1")
        if role == self.BayRole:
            return bay
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def _lane(self, parent: Index) -> str | None:
        """The bay a drop lands on: the item under it (a drop between bays lands nowhere)."""
        at = parent.row() if parent.isValid() else -1
        return moves.bay_lane(self.bays[at].id) if 0 <= at < len(self.bays) else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        lane = self._lane(parent)
        return lane is not None and self.board_model().can_drop(data, lane)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        lane = self._lane(parent)
        return lane is not None and self.board_model().drop(data, lane)
