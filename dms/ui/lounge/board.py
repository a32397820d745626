"""The customer lounge board 休息室看板 (DESIGN §1 step 5, §9): full screen, read-only, no
sign-in. It shows only what `dms.workshop.lounge.lounge_board` returns (masked plate, step,
estimated time), so no name or price can reach the screen.

It follows the live change feed like the workspaces (`dms.ui.shell.feed.LiveFeed`): a work
order or vehicle changed on any seat reads the board again (one read at a time; changes that
arrive meanwhile make one more), merged by row, never reset. A slow timer reads it anyway every
few minutes, for a feed that could not start and for the day turning (times of today show as
HH:MM). Cars that do not fit turn pages every few seconds.
Colours follow the 4S progress board: red waiting, amber in repair, green nearly done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout,
                               QWidget)

from dms import clock
from dms.ui import messages
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import TableView
from dms.ui.shell.feed import LiveFeed
from dms.workshop.lounge import lounge_board

translate = QCoreApplication.translate
REFRESH_MS = 300_000  # the safety net; changes come through the feed
WATCHED = ("work_order", "vehicle")
PAGE_MS = 8_000
COLOURS = {"received": "#c62828", "in_repair": "#ef8f00", "qc": "#ef8f00",
           "washing": "#2e7d32", "ready": "#2e7d32"}


def steps() -> dict[str, str]:
    return {"received": translate("Lounge", "Received, waiting"),
            "in_repair": translate("Lounge", "In repair"),
            "qc": translate("Lounge", "Quality check"),
            "washing": translate("Lounge", "Washing"),
            "ready": translate("Lounge", "Ready for pick-up")}


def lounge_columns() -> list[Column]:
    return [
        Column(lambda: translate("Lounge", "Vehicle"), lambda c: c.plate),
        Column(lambda: translate("Lounge", "Progress"), lambda c: steps().get(c.step, c.step),
               colour=lambda c: QBrush(QColor(COLOURS.get(c.step, "#000000")))),
        Column(lambda: translate("Lounge", "Estimated"),
               lambda c: c.estimated_at.astimezone().strftime("%H:%M")
               if c.estimated_at and c.estimated_at.astimezone().date()
               == clock.now().astimezone().date() else words.when(c.estimated_at)),
    ]


class LoungeBoard(QWidget):
    def __init__(self, db, runner, store_code: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loungeBoard")
        self.db, self.runner, self.store_code = db, runner, store_code
        self._task: int | None = None
        self._again = False
        self.feed: LiveFeed | None = None
        self.page = 0
        self.setStyleSheet("#loungeBoard { background: #0f1b2d; } QLabel { color: white; }"
                           "QTableView { background: #ffffff; gridline-color: #d0d7e2; }")
        self.title = QLabel()
        self.title.setObjectName("loungeTitle")
        self.clock = QLabel()
        self.clock.setObjectName("loungeClock")
        self.status = QLabel()
        self.status.setObjectName("loungeStatus")
        for label, scale in ((self.title, 2.2), (self.clock, 2.2), (self.status, 1.3)):
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(label is not self.status)
            label.setFont(font)
        self.model = PagedTableModel(runner, lounge_columns(), key=lambda c: c.key, parent=self)
        self.table = TableView()
        self.table.setObjectName("loungeCars")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        font = QFont(self.table.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)  # read from a sofa across the room
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(int(self.table.fontMetrics().height()
                                                              * 1.6))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.store_name = ""
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._page_timer = QTimer(self)
        self._page_timer.setInterval(PAGE_MS)
        self._page_timer.timeout.connect(self.next_page)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1_000)
        self._clock_timer.timeout.connect(self._tick)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)
        self.retranslate_ui()

    def start(self) -> None:
        self.feed = LiveFeed(self.db, self)
        self.feed.changed.connect(self.on_changes)
        self.refresh()
        for timer in (self._refresh_timer, self._page_timer, self._clock_timer):
            timer.start()

    @Slot(object)
    def on_changes(self, changes) -> None:
        """Other seats' changes: a car's order or the car itself reads the board again."""
        if any(c.entity in WATCHED for c in changes):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self._task is not None:
            self._again = True  # after the read on its way
            return
        self._task = self.runner.submit(lounge_board, self.db, self.store_code,
                                        on_result=self._on_board, on_error=self._on_error)

    def _done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()

    @Slot(int, object)
    def _on_board(self, task_id: int, board) -> None:
        if task_id != self._task:
            return
        self.store_name = board.store_name
        self.model.set_rows(board.cars)
        self._show_page()
        self.retranslate_ui()
        self._done()

    @Slot(int, object)
    def _on_error(self, task_id: int, error) -> None:
        if task_id == self._task:  # keep the cars shown; say the board is not current
            self.status.setText(messages.error_text(error))
            self._done()

    def closeEvent(self, event) -> None:
        if self.feed is not None:
            self.feed.close()
            self.feed = None
        super().closeEvent(event)

    def rows_per_page(self) -> int:
        height = self.table.viewport().height()
        return max(1, height // max(1, self.table.verticalHeader().defaultSectionSize()))

    def pages(self) -> int:
        return max(1, -(-self.model.rowCount() // self.rows_per_page()))

    @Slot()
    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages()
        self._show_page()

    def _show_page(self) -> None:
        self.page = min(self.page, self.pages() - 1)
        first = self.page * self.rows_per_page()
        for row in range(self.model.rowCount()):
            self.table.setRowHidden(row, not first <= row < first + self.rows_per_page())
        self._render_status()

    def _render_status(self) -> None:
        count = self.model.rowCount()
        text = self.tr("%n car(s) in the workshop", "", count)
        if self.pages() > 1:
            text += "    " + translate("Lounge", "Page {page} of {pages}").format(
                page=self.page + 1, pages=self.pages())
        self.status.setText(text)

    @Slot()
    def _tick(self) -> None:
        self.clock.setText(clock.now().astimezone().strftime("%H:%M"))

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("Lounge", "Lounge board"))
        self.title.setText(translate("Lounge", "{store}: your car's progress").format(
            store=self.store_name) if self.store_name
            else translate("Lounge", "Your car's progress"))
        self.model.retranslate()
        self._tick()
        self._render_status()
