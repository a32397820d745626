"""The kanban page: the same cards in two views of the one `BoardModel`, by state (the flow's
columns) and the plan (a lane per technician with the hours planned on them, and the jobs not
assigned yet). Each lane is a `LaneView` over the board model's `LaneModel` for it.

Moving a job: drag it to a lane (1 drag), or Ctrl+M and the lane's number (2 keys); to another
bay, drag it onto the bay in the bay strip above the lanes (who is in each bay, how many jobs
wait for it), or Ctrl+M, B and the bay's number. A lane or bay that refuses the card says why
under the cursor while it is dragged over it, and in the message bar when the card is let go
there; nothing is sent.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCursor, QDragMoveEvent, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView, QMenu,
                               QScrollArea, QSizePolicy, QStackedWidget, QStyledItemDelegate,
                               QToolTip, QVBoxLayout, QWidget)

from dms.ui.common.views import WholePaint, hours
from dms.ui.workshop import moves
from dms.ui.workshop.cards import COLOURS, CardDelegate
from dms.ui.workshop.model import PLAN, STATE, BayModel, BoardModel, LaneModel, encode
from dms.workshop.kanban import LANES


class LaneView(WholePaint, QListView):
    step = Signal(int)  # Left/Right: go to the neighbouring lane
    drag_refused = Signal(str)  # a card let go where it may not go: the reason

    def __init__(self, lane: LaneModel, delegate, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.lane_model = lane
        self.setModel(lane)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.setMovement(QListView.Movement.Static)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hover_refusal = ""
        if read_only:
            self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        else:
            self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.setDropIndicatorShown(False)

    def current_card(self):
        index = self.currentIndex()
        return index.data(BoardModel.CardRole) if index.isValid() else None

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        board = self.lane_model.board_model()
        board.last_refusal = ""
        super().dragMoveEvent(event)
        self.hover_refusal = "" if event.isAccepted() else board.last_refusal
        if self.hover_refusal:
            QToolTip.showText(self.viewport().mapToGlobal(event.position().toPoint()),
                              self.hover_refusal, self)
        else:
            QToolTip.hideText()

    def dragEnterEvent(self, event) -> None:
        self.hover_refusal = ""
        super().dragEnterEvent(event)

    def dragLeaveEvent(self, event) -> None:
        """The refusal stays: a card let go where it is refused leaves the view too."""
        QToolTip.hideText()
        super().dragLeaveEvent(event)

    def startDrag(self, actions) -> None:
        super().startDrag(actions)  # returns when the card is let go
        at = QCursor.pos()
        target = next((v for v in self.window().findChildren(LaneView) if v.isVisible()
                       and v.viewport().rect().contains(v.viewport().mapFromGlobal(at))), None)
        if target is not None and target.hover_refusal:
            self.drag_refused.emit(target.hover_refusal)
            target.hover_refusal = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            self.step.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)


class _BayDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:
        return self.parent().gridSize() - QSize(4, 4)  # the whole cell is the bay's


class BayStrip(LaneView):
    """The bays side by side, one drop target each (`BayModel`); nothing is dragged from it."""

    def __init__(self, model: BayModel, parent=None):
        super().__init__(model, _BayDelegate(), parent=parent)  # type: ignore[arg-type]
        self.itemDelegate().setParent(self)
        self.setObjectName("bayStrip")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDragDropOverwriteMode(True)  # a drop lands on a bay, never between two
        self.setDropIndicatorShown(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 14)
        model.modelReset.connect(self._fit)

    @Slot()
    def _fit(self) -> None:
        """The bays share the width."""
        count = max(1, self.model().rowCount())
        self.setGridSize(QSize(max(110, self.viewport().width() // count),
                               self.viewport().height()))
        self.doItemsLayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class Lane(QFrame):
    def __init__(self, model: LaneModel, delegate, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName(f"lane_{model.view}_{model.lane}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        self.title = ""
        self.detail = ""
        self.head = QLabel()
        self.head.setWordWrap(True)
        # the lanes share the width equally, whatever their titles
        self.head.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.head.font()
        font.setBold(True)
        self.head.setFont(font)
        self.view = LaneView(model, delegate, read_only)
        self.view.setObjectName(f"laneView_{model.view}_{model.lane}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.head)
        layout.addWidget(self.view, 1)
        for signal in (model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update_head)

    @Slot()
    def update_head(self) -> None:
        text = f"{self.title} ({self.model.rowCount()})" + (
            f"\n{self.detail}" if self.detail else "")
        if text != self.head.text():  # a new text lays the whole page out again
            self.head.setText(text)


class BoardPage(QWidget):
    move_refused = Signal(str)

    def __init__(self, model: BoardModel, parent=None):
        super().__init__(parent)
        self.setObjectName("boardPage")
        self.model = model
        self.delegate = CardDelegate(self)
        self.view_name = STATE
        self.menu: QMenu | None = None  # the last "move to..." menu (tests press its keys)
        self.lanes: dict[str, dict[str, Lane]] = {STATE: {}, PLAN: {}}
        self.legend = QLabel()
        self.legend.setObjectName("boardLegend")
        self.bays = BayStrip(BayModel(model), self)
        self.views = QStackedWidget()
        state_grid = QWidget()
        row = QHBoxLayout(state_grid)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        for lane in LANES:
            row.addWidget(self._lane(STATE, lane), 1)
        self.plan_grid = QWidget()
        self.plan_row = QHBoxLayout(self.plan_grid)
        self.plan_row.setContentsMargins(0, 0, 0, 0)
        self.plan_row.setSpacing(3)
        self.plan_row.addWidget(self._lane(PLAN, moves.UNASSIGNED), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.plan_grid)
        self.views.addWidget(state_grid)
        self.views.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.bays)
        layout.addWidget(self.views, 1)
        model.merged.connect(self.update_board)
        self.retranslate_ui()

    def _lane(self, view: str, lane: str) -> Lane:
        widget = Lane(self.model.lane(view, lane), self.delegate)
        widget.view.step.connect(self._step)
        widget.view.drag_refused.connect(self.move_refused)
        self.lanes[view][lane] = widget
        return widget

    # -- the plan's technicians (a lane each) -------------------------------------------------
    @Slot()
    def update_board(self) -> None:
        """After a read: a lane per technician, headed by the hours planned on them."""
        plan = self.lanes[PLAN]
        for tech in self.model.board.technicians:
            key = moves.tech_lane(tech.id)
            if key not in plan:
                self.plan_row.addWidget(self._lane(PLAN, key), 1)
            plan[key].title = tech.name
            plan[key].detail = self.tr("{team} · {hours} h planned").format(
                team=tech.team or "", hours=hours(tech.planned_hours)).lstrip(" ·")
        for lanes in self.lanes.values():
            for lane in lanes.values():
                lane.update_head()

    # -- views and keys ---------------------------------------------------------------------
    def show_view(self, name: str) -> None:
        began = time.perf_counter()
        self.view_name = name
        self.views.setCurrentIndex(0 if name == STATE else 1)
        lanes = list(self.lanes[name].values())
        focused = next((lane for lane in lanes if lane.model.rowCount()), lanes[0])
        self.focus_lane(focused)
        # the lanes' first layout (about 17 ms for nine technicians) leaves the cards little
        # of the pass: outlined now, drawn in the next passes
        self.delegate.pass_began(began)

    def focus_lane(self, lane: Lane) -> None:
        view = lane.view
        view.setFocus()
        if not view.currentIndex().isValid() and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))

    def current_view(self) -> LaneView | None:
        for lane in self.lanes[self.view_name].values():
            if lane.view.hasFocus():
                return lane.view
        return None

    def current_card(self):
        view = self.current_view()
        return view.current_card() if view else None

    @Slot(int)
    def _step(self, direction: int) -> None:
        lanes = list(self.lanes[self.view_name].values())
        here = next(i for i, lane in enumerate(lanes) if lane.view is self.sender())
        self.focus_lane(lanes[(here + direction) % len(lanes)])

    def select_card(self, job_id: int) -> bool:
        """Focus the card of job `job_id` in the current view (quick open, the tests)."""
        for lane in self.lanes[self.view_name].values():
            if job_id in lane.model.ids:
                lane.view.setFocus()
                lane.view.setCurrentIndex(lane.model.index(lane.model.ids.index(job_id)))
                return True
        return False

    @Slot()
    def move_menu(self) -> QMenu | None:
        """"Move to...": the lanes of this view numbered 1-9 then a-z (the second key moves),
        and B for the bay of the job's technician."""
        view, card = self.current_view(), self.current_card()
        if card is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("moveMenu")
        keys = "123456789acdefghijklmnopqrstuvwxyz"  # b: the bays
        for key, (lane, widget) in zip(keys, self.lanes[self.view_name].items()):
            action = menu.addAction(f"&{key}  {widget.title}")
            action.setEnabled(widget.model.lane != widget.model.lane_of(card))
            action.triggered.connect(
                lambda _=False, target=lane, job=card.id: self.move(job, target))
        bays = menu.addMenu(self.tr("&Bay"))
        bays.setEnabled(card.job.technician_id is not None)
        for number, bay in enumerate(self.model.board.bays, 1):
            action = bays.addAction(f"&{number}  {bay.name}" if number < 10 else bay.name)
            action.setEnabled(bay.id != card.job.bay_id)
            action.triggered.connect(
                lambda _=False, target=moves.bay_lane(bay.id), job=card.id: self.move(job, target))
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        rect = view.visualRect(view.currentIndex())
        menu.popup(view.viewport().mapToGlobal(rect.center() if rect.isValid() else QPoint()))
        return menu

    def move(self, job_id: int, lane: str) -> bool:
        return self.model.drop(encode([job_id]), lane)

    def retranslate_ui(self) -> None:
        titles = moves.lane_titles()
        for lanes in self.lanes.values():
            for key, lane in lanes.items():
                if key in titles:
                    lane.title = titles[key]
        self.update_board()
        swatch = '<span style="color:{c}">■</span> {t}'
        meanings = (("red", self.tr("promise missed")),
                    ("yellow", self.tr("within 1 h of the promise, or over the billed hours")),
                    ("green", self.tr("on time")))
        self.legend.setText(
            "&nbsp;&nbsp;".join(swatch.format(c=COLOURS[k].name(), t=t) for k, t in meanings)
            + "&nbsp;&nbsp;&nbsp;" + self.tr("Drag a card to a lane or a bay, or Ctrl+M and the lane's number (B: a bay)."))

