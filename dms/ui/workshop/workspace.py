"""The workshop board 车间看板 workspace (DESIGN §9): the dispatcher's and team lead's kanban
(by state, Alt+1; the plan by technician, Alt+2), the QC desk (Alt+3) and TV mode (F11).

The board is one read (`dms.workshop.kanban.board`, on first show and F5) into one model; a
change on any seat to work orders reads only their cards (`kanban.cards_again`) and puts them
into the board held; either is merged into the model by job, so a card moves
without a reset and without a few hundred cards read again. Reads run one after the other in
the pool (a later read never lands before an earlier one); what asks for one meanwhile is
gathered into the next. The QC queue is read when the QC desk is shown. A move is one command
(`moves.plan` picks the service call); its own change comes back on the bus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QToolButton, QVBoxLayout

from dms.ui.shell.workspace import Workspace
from dms.ui.workshop.board_page import BoardPage
from dms.ui.workshop.model import PLAN, STATE, BoardModel
from dms.ui.workshop.moves import Move
from dms.ui.workshop.qc_desk import QCDeskPage
from dms.ui.workshop.tv import TVBoard
from dms.workshop import kanban


class WorkshopBoard(Workspace):
    id = "workshop"
    roles = frozenset({"dispatcher", "team_lead", "qc_inspector"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("WorkshopBoard", "Workshop board")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.loaded = False  # the board has been read once (benchmarks, tests)
        self._reading: int | None = None
        self._full = False  # the whole board to read next
        self._orders: set[int] = set()  # these orders' cards to read next
        self._again: set[int] = set()  # the orders whose cards are being read
        self._qc_stale = True
        self.tv: TVBoard | None = None
        self.model = BoardModel(ctx.user.roles, send=self.send, parent=self)
        self.model.refused.connect(self.refused)
        self.board_page = BoardPage(self.model)
        self.board_page.move_refused.connect(self.refused)
        self.qc_page = QCDeskPage(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.board_page)
        self.pages.addWidget(self.qc_page)

        make = ctx.actions.make
        self.state_action = make("board.by_state", self, lambda: self.show_board(STATE))
        self.plan_action = make("board.plan", self, lambda: self.show_board(PLAN))
        self.qc_action = make("board.qc_desk", self, self.show_qc)
        self.tv_action = make("board.tv", self, self.open_tv)
        self.move_action = make("board.move", self.board_page, self.board_page.move_menu)
        self.addActions([self.state_action, self.plan_action, self.qc_action, self.tv_action])
        self.board_page.addAction(self.move_action)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in (self.state_action, self.plan_action, self.qc_action, self.move_action,
                       self.tv_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        roles = ctx.user.roles
        if "qc_inspector" in roles and not roles & {"dispatcher", "team_lead"}:
            self.pages.setCurrentWidget(self.qc_page)

    # -- the shell's interface -------------------------------------------------------------
    def activate(self) -> None:
        if not self.loaded and self._reading is None:
            self.refresh()
        super().activate()

    def focus_widget(self):
        if self.pages.currentWidget() is self.qc_page:
            return self.qc_page.focus_widget()
        return self.board_page.current_view() or next(
            iter(self.board_page.lanes[self.board_page.view_name].values())).view

    def open_target(self, entity: str, key: int) -> bool:
        """Quick open of a work order: its first job's card on the board."""
        if entity != "work_order":
            return False
        card = next((c for c in self.model.rows if c.job.work_order_id == key), None)
        if card is None:
            return False
        self.show_board(self.board_page.view_name)
        if not self.board_page.select_card(card.id):  # at QC or ready: not in the plan
            self.show_board(STATE)
            self.board_page.select_card(card.id)
        return True

    def wants(self, changes) -> bool:
        return any(c.entity == "work_order" for c in changes)

    def apply_changes(self, changes) -> None:
        """Another seat's (or this seat's) change: the cards of the orders it names."""
        self._orders |= {c.entity_id for c in changes if c.entity == "work_order"}
        self._read_next()
        self._refresh_qc()

    def refresh(self) -> None:
        """Read the whole board again (F5, the first show)."""
        self._full = True
        self._read_next()
        self._refresh_qc()

    def _refresh_qc(self) -> None:
        """The QC queue is read when it is shown (not beside each of the board's reads)."""
        self._qc_stale = self.pages.currentWidget() is not self.qc_page
        if not self._qc_stale:
            self.qc_page.refresh()

    def _read_next(self) -> None:
        if self._reading is not None:
            return  # the read on its way is followed by this one
        if self._full or not self.loaded:
            self._full = False
            self._orders.clear()
            self._reading = self.read(kanban.board, on_result=self._on_read,
                                      on_error=self._on_read_error)
        elif self._orders:
            orders, self._orders = self._orders, set()
            self._reading = self.read(kanban.cards_again, orders, on_result=self._on_cards,
                                      on_error=self._on_read_error)
            self._again = orders

    @Slot(int, object)
    def _on_cards(self, task_id: int, cards) -> None:
        if task_id == self._reading:
            self._on_read(task_id, kanban.with_cards(self.model.board, self._again, cards))

    @Slot(int, object)
    def _on_read(self, task_id: int, read) -> None:
        if task_id != self._reading:
            return
        self._reading = None
        self.model.set_board(read)
        self.loaded = True
        self._read_next()

    @Slot(int, object)
    def _on_read_error(self, task_id: int, error) -> None:
        self._reading = None
        self._full = False
        self._orders.clear()
        self._failed(task_id, error)

    # -- moves -------------------------------------------------------------------------------
    def send(self, move: Move) -> None:
        self.command(move.fn, *move.args, on_result=self._moved, **move.kwargs)

    @Slot(int, object)
    def _moved(self, _task_id: int, _result) -> None:
        """The command's result is on the change bus already."""

    @Slot(str)
    def refused(self, reason: str) -> None:
        self.message_bar.show_message(reason, "warning")

    # -- pages -------------------------------------------------------------------------------
    @Slot()
    def show_board(self, view: str = STATE) -> None:
        self.pages.setCurrentWidget(self.board_page)
        self.board_page.show_view(view)

    @Slot()
    def show_qc(self) -> None:
        self.pages.setCurrentWidget(self.qc_page)
        if self._qc_stale:
            self._refresh_qc()
        self.qc_page.table.setFocus()

    @Slot()
    def open_tv(self) -> TVBoard:
        if self.tv is None:
            self.tv = TVBoard(self.model, self)
        self.tv.open()
        return self.tv

    def retranslate_ui(self) -> None:
        self.board_page.retranslate_ui()
        self.qc_page.retranslate_ui()
        if self.tv is not None:
            self.tv.retranslate_ui()
