"""A job card as people read it across the workshop: the plate large, then model and advisor,
the job, hours planned and used, the promise and how long the job has been in its lane, who
is on it, parts and the customer's answer. Its colour (DESIGN §9, the 002 blueprint's board):
red once the promise is missed, yellow within an hour of it or when more hours are used than
billed, green otherwise.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dms import clock
from dms.ui.common.views import hours
from dms.workshop.kanban import Card

translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from
SOON = timedelta(hours=1)
COLOURS = {"red": QColor("#c62828"), "yellow": QColor("#f9a825"), "green": QColor("#2e7d32")}
TINTS = {"red": QColor("#fdecea"), "yellow": QColor("#fff8e1"), "green": QColor("#f1f8f1")}
WARN, MUTED = QColor("#b45309"), QColor("#5f6368")
INK, PLATE_INK, EDGE = QColor("#202020"), QColor("#111111"), QColor("#c8c8c8")
WIDGET = 1  # QPaintDevice.devType() of a widget painted on screen (QInternal::Widget)


def urgency(card: Card, now: datetime) -> str:
    promised = card.job.promised_at
    if promised is not None and now > promised:
        return "red"
    if (promised is not None and promised - now <= SOON) or card.used_hours > card.job.billed_hours:
        return "yellow"
    return "green"


def dwell(since: datetime, now: datetime) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return translate("Cards", "{m} min").format(m=minutes)
    if minutes < 48 * 60:
        return translate("Cards", "{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60)
    return translate("Cards", "{d} d").format(d=minutes // (24 * 60))


def lines(card: Card, now: datetime) -> list[tuple[str, str]]:
    """(text, style) below the plate; style "warn" or "muted" or ""."""
    job = card.job
    planned = hours(job.planned_hours or job.billed_hours)
    promise = (translate("Cards", "Due {time}").format(
        time=job.promised_at.astimezone().strftime("%H:%M" if job.promised_at.astimezone().date()
                                                   == now.astimezone().date() else "%m-%d %H:%M"))
        if job.promised_at else translate("Cards", "No promise time"))
    who = "● " + "、".join(job.clocked_on) if job.clocked_on else (job.technician_name or "")
    place = " · ".join(p for p in (who, job.bay_name) if p) or translate("Cards", "Not assigned")
    flags = []
    if card.parts == "waiting":
        flags.append(translate("Cards", "Parts waiting"))
    elif card.parts == "issued":
        flags.append(translate("Cards", "Parts issued"))
    if card.approval == "waiting":
        flags.append(translate("Cards", "Awaiting customer"))
    over = card.used_hours > job.billed_hours
    return [(" · ".join(p for p in (card.model, card.advisor) if p), "muted"),
            (job.name, ""),
            (translate("Cards", "{planned} h plan · {used} used").format(
                planned=planned, used=hours(card.used_hours)), "warn" if over else ""),
            (translate("Cards", "{promise} · {dwell} here").format(
                promise=promise, dwell=dwell(card.since, now)), ""),
            (place, ""),
            (" · ".join(flags), "warn" if card.parts == "waiting" or card.approval == "waiting"
             else "muted")]


class CardDelegate(QStyledItemDelegate):
    """Paints a card; `scale` enlarges everything for the TV board, which shows only what can
    be read from across the workshop: the job, the promise and who is on it."""

    FULL, WALL = (0, 1, 2, 3, 4, 5), (1, 3, 4)  # which of `lines()` a card shows
    # Drawing done in one pass of the event loop, s: a board first shown draws every card it
    # shows (the first time, with the glyphs of its text rasterised: about a millisecond a
    # card), which held the GUI thread 40-50 ms; past this, the cards left are outlined and
    # drawn in the next passes, the event loop running in between (DESIGN §9: GUI lag max
    # 50 ms). On widgets only: a card painted into an image or a printer is always drawn.
    BUDGET_S = 0.008

    def __init__(self, parent=None, scale: float = 1.0):
        super().__init__(parent)
        self.scale = scale
        self.shown = self.FULL if scale == 1.0 else self.WALL
        self.now = clock.now  # the tests and the TV board's clock share the service clock
        self._font_cache: dict[str, tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}
        self._pass_started: float | None = None  # the first drawing of this pass
        self._ending = False  # the pass's end is queued
        self._view_shown: float | None = None  # `pass_began`, for the next pass
        self._again: list = []  # (view, rect) of the cards to paint after this pass

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFontMetrics,
                                                             QFontMetrics]:
        """The plate's and the lines' fonts and their metrics, made once per view font (a
        QFont sized anew costs about a millisecond with the CJK fallback: a lane paints a
        dozen cards)."""
        key = option.font.key()
        if key not in self._font_cache:
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.92 * self.scale))
            big = QFont(option.font)
            big.setPointSizeF(option.font.pointSizeF() * 1.55 * (1 + (self.scale - 1) * 0.6))
            big.setBold(True)
            self._font_cache[key] = big, small, QFontMetrics(big), QFontMetrics(small)
        return self._font_cache[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        _big, _small, big, small = self._fonts(option)
        height = big.height() + len(self.shown) * small.height() + 14
        return QSize(int(150 * self.scale), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The card from the pixmap cache: drawn again only when it, its size, its selection
        or what it says changed (a card moved repaints its lanes: the others are blits). Keyed
        by its text, not by the minute, a card is drawn again when its own dwell time turns,
        not every card of the board at the same second."""
        card: Card | None = index.data(Qt.ItemDataRole.UserRole + 1)
        if card is None:
            return
        now = self.now()
        rect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ratio = painter.device().devicePixelRatioF()
        key = (f"dms-card:{self.scale}:{ratio}:{option.font.key()}:{rect.width()}x{rect.height()}"
               f":{selected}:{hash((card, urgency(card, now), *lines(card, now)))}")
        pixmap = QPixmapCache.find(key)
        if pixmap is None and self._later(painter, option):
            self._outline(painter, rect, urgency(card, now))
            return
        if pixmap is None:
            pixmap = QPixmap(rect.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            # opaque, in the lane's own colour: a blit without blending (a repaint blits
            # every card it shows)
            pixmap.fill(option.palette.base().color())
            on = QPainter(pixmap)
            self._draw(on, QRect(0, 0, rect.width(), rect.height()), card, now, option,
                       option.palette.highlight().color() if selected else None)
            on.end()
            QPixmapCache.insert(key, pixmap)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _later(self, painter: QPainter, option: QStyleOptionViewItem) -> bool:
        """Whether this card is left to the next pass (this pass has drawn enough); the
        view is then painted again once the event loop has had its turn. A pass's first card
        is drawn, unless a view being shown took the pass's time (`pass_began`)."""
        if painter.device().devType() != WIDGET or option.widget is None:
            return False
        started = time.perf_counter()
        if not self._ending:
            self._ending = True
            QTimer.singleShot(0, self, self._end_pass)
        if self._pass_started is None:  # this pass's first card
            began, self._view_shown = self._view_shown, None
            if began is None:
                self._pass_started = started
                return False
            self._pass_started = began  # a view being shown: its layout took of the budget
        if started - self._pass_started < self.BUDGET_S:
            return False
        self._again.append((option.widget, QRect(option.rect)))
        return True

    def pass_began(self, at: float) -> None:
        """A view is being shown since `at` (perf_counter): Qt's laying out of its lanes, which
        comes before their paint, counts against the budget of the pass that paints them."""
        self._view_shown = at

    def _end_pass(self) -> None:
        """The cards left are painted again (only they: a paint event of their own, after
        what is queued now)."""
        self._pass_started = None
        self._ending = False
        for view, rect in self._again:
            try:
                view.viewport().update(rect)
            except RuntimeError:  # the view was deleted meanwhile
                pass
        self._again = []

    def _outline(self, painter: QPainter, rect: QRect, level: str) -> None:
        """A card not drawn yet: its tint and colour bar, no text (drawn in a moment)."""
        painter.save()
        painter.setPen(QPen(EDGE, 1))
        painter.setBrush(TINTS[level])
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 1, max(5, int(6 * self.scale)),
                               rect.height() - 2), COLOURS[level])
        painter.restore()

    def _draw(self, painter: QPainter, rect: QRect, card: Card, now: datetime,
              option: QStyleOptionViewItem, selection: QColor | None) -> None:
        level = urgency(card, now)
        big, small, big_metrics, metrics = self._fonts(option)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(selection or EDGE, 2 if selection else 1))
        painter.setBrush(TINTS[level])
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 1, max(5, int(6 * self.scale)),
                               rect.height() - 2), COLOURS[level])
        x = rect.left() + int(10 * self.scale)
        width = rect.right() - x - 4
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(big)
        painter.setPen(PLATE_INK)
        line_height = big_metrics.height()
        painter.drawText(QRect(x, rect.top() + 3, width, line_height), left,
                         big_metrics.elidedText(card.job.plate or card.job.number,
                                                Qt.TextElideMode.ElideRight, width))
        y = rect.top() + 3 + line_height
        painter.setFont(small)
        line_height = metrics.height()
        found = lines(card, now)
        for text, style in (found[i] for i in self.shown):
            painter.setPen(WARN if style == "warn" else MUTED if style == "muted" else INK)
            painter.drawText(QRect(x, y, width, line_height), left,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += line_height
