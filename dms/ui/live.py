"""Other seats' changes reach this screen within about a second (DESIGN §6).

The Qt-free `dms.changes.ChangeFeed` does the work; this object only decides when to ask it:
when PostgreSQL's NOTIFY makes its socket readable, or every half second on SQLite (where the
feed first checks `PRAGMA data_version`, which costs next to nothing).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

POLL_MS = 500


class LiveUpdates(QObject):
    changed = Signal(object)  # a list of dms.changes.Change, never empty

    def __init__(self, feed, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._feed = feed
        self._notifier: QSocketNotifier | None = None
        self._watched = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)
        self._watch()

    def _watch(self) -> None:
        """Watch the feed's socket while it has one (PostgreSQL), else poll on the timer. The
        socket is replaced when the feed listens again after the server dropped it, and there
        is none while the server cannot be reached: then the timer keeps asking the feed,
        which reconnects by itself."""
        watched = (self._feed.fileno(), self._feed.listens)
        if watched == self._watched:
            return
        self._watched = watched
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if watched[0] is None:
            self._timer.start()
            return
        self._timer.stop()
        self._notifier = QSocketNotifier(watched[0], QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._poll)

    @Slot()
    def _poll(self) -> None:
        changes = self._feed.poll()
        self._watch()
        if changes:
            self.changed.emit(changes)

    def close(self) -> None:
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._feed.close()
