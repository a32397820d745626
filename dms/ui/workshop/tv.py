"""TV mode: the kanban by state on a wall screen across the workshop (DESIGN §9). Full screen,
read-only, large type, the time, and pages that turn by themselves; a counter says how many
cards are not on the page shown. The same `BoardModel` as the board, so it follows every
change without a read of its own. Esc (or F11) closes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyleOptionViewItem, QVBoxLayout, QWidget

from dms import clock
from dms.ui.workshop import moves
from dms.ui.workshop.board_page import Lane
from dms.ui.workshop.cards import CardDelegate
from dms.ui.workshop.model import STATE, BoardModel, PageProxy
from dms.workshop.kanban import LANES

ROTATE_MS = 15_000
SCALE = 1.5


class TVBoard(QWidget):
    def __init__(self, model: BoardModel, parent: QWidget | None = None,
                 rotate_ms: int = ROTATE_MS):
        super().__init__(parent, Qt.WindowType.Window)  # its own window, closed with the board
        self.setObjectName("tvBoard")
        self.model = model
        self.page = 0
        self.pages = 1
        self.hidden = 0  # cards not on the page shown
        self.delegate = CardDelegate(self, SCALE)
        self.setStyleSheet("#tvBoard { background: #1f2328; } QLabel { color: #f5f5f5; }")
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 2.0)
        big.setBold(True)
        self.title, self.clock_label, self.page_label, self.more_label = (
            QLabel(), QLabel(), QLabel(), QLabel())
        for label in (self.title, self.clock_label, self.page_label, self.more_label):
            label.setFont(big)
        self.more_label.setObjectName("tvMore")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.more_label)
        head.addSpacing(30)
        head.addWidget(self.page_label)
        head.addSpacing(30)
        head.addWidget(self.clock_label)
        self.lanes: list[Lane] = []
        self.paged: list[PageProxy] = []
        grid = QHBoxLayout()
        grid.setSpacing(4)
        for lane in LANES:
            paged = PageProxy(model.lane(STATE, lane), self)
            widget = Lane(model.lane(STATE, lane), self.delegate, read_only=True)
            widget.view.setModel(paged)
            widget.head.setFont(big)
            widget.head.setStyleSheet("color: #f5f5f5;")
            self.lanes.append(widget)
            self.paged.append(paged)
            grid.addWidget(widget, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid, 1)
        self.rotate = QTimer(self)
        self.rotate.setInterval(rotate_ms)
        self.rotate.timeout.connect(self.next_page)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        model.merged.connect(self.lay_out)
        self.retranslate_ui()

    def open(self) -> None:
        self.showFullScreen()
        self.rotate.start()
        self.ticker.start()
        self.lay_out()
        self.tick()

    def per_lane(self) -> int:
        """How many cards fit in a lane's height."""
        view = self.lanes[0].view
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        card = self.delegate.sizeHint(option, self.model.index(0, 0)).height()
        return max(1, view.viewport().height() // (card + 2 * view.spacing()))

    @Slot()
    def lay_out(self) -> None:
        """Pages from the lanes' lengths; the page shown, clamped; the counter."""
        size = self.per_lane()
        longest = max((lane.model.rowCount() for lane in self.lanes), default=0)
        self.pages = max(1, math.ceil(longest / size))
        self.page %= self.pages
        shown = 0
        for lane, paged in zip(self.lanes, self.paged):
            paged.show_page(self.page * size, size)
            shown += paged.rowCount()
            lane.update_head()
        self.hidden = self.model.rowCount() - shown
        self.more_label.setText(self.tr("+%n more", "", self.hidden) if self.hidden else "")
        self.page_label.setText(self.tr("Page {page} of {pages}").format(
            page=self.page + 1, pages=self.pages))

    @Slot()
    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.lay_out()

    @Slot()
    def tick(self) -> None:
        self.clock_label.setText(clock.now().astimezone().strftime("%H:%M"))
        for lane in self.lanes:
            lane.view.viewport().update()  # the dwell times move on

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.lay_out()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.rotate.stop()
        self.ticker.stop()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Workshop board"))
        titles = moves.lane_titles()
        for lane, key in zip(self.lanes, LANES):
            lane.title = titles[key]
        self.lay_out()

