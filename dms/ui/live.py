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
        fileno = feed.fileno()
        if fileno is not None:
            self._notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._poll)
        else:
            self._timer = QTimer(self)
            self._timer.timeout.connect(self._poll)
            self._timer.start(interval_ms)

    @Slot()
    def _poll(self) -> None:
        changes = self._feed.poll()
        if changes:
            self.changed.emit(changes)

    def close(self) -> None:
        self._feed.close()
