"""Other seats' changes, read off the GUI thread (DESIGN §6, §9).

`dms.changes.ChangeFeed` does the database work; here it lives in a thread of its own, which
waits on the LISTEN socket (PostgreSQL) or wakes every half second (SQLite, where a poll first
reads `PRAGMA data_version`, next to free). A server that is down makes the feed retry its
connection; that wait now blocks this thread, never the screens. Changes reach the GUI thread
through a queued signal (emitted from the reader thread, delivered in the GUI thread).

The reader is a daemon Python thread rather than a QThread: a window closed without `close()`
(a crash, a test) must not abort the interpreter at exit with "QThread destroyed while running".
"""

from __future__ import annotations

import logging
import select
import threading

from PySide6.QtCore import QObject, Signal

from dms.changes import ChangeFeed

log = logging.getLogger(__name__)
POLL_S = 0.5


class LiveFeed(QObject):
    """Emits `changed(list[Change])` in the GUI thread for what other seats commit."""

    changed = Signal(object)

    def __init__(self, db, parent: QObject | None = None, interval_s: float = POLL_S):
        super().__init__(parent)
        self._db = db
        self._interval = interval_s
        self._stop = threading.Event()
        self._ready = threading.Event()  # the feed knows where it starts reading
        self.feed: ChangeFeed | None = None
        self._thread = threading.Thread(target=self._run, name="dms-live-feed", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            feed = self.feed = ChangeFeed(self._db)
        except Exception:  # noqa: BLE001 - live updates are best effort; the screens still work
            log.exception("Live updates are off: the change feed could not start")
            self._ready.set()
            return
        self._ready.set()
        try:
            while not self._stop.is_set():
                fd = feed.fileno()
                if fd is None:
                    self._stop.wait(self._interval)
                else:
                    select.select([fd], [], [], self._interval)
                if self._stop.is_set():
                    break
                changes = feed.poll()
                if changes:
                    self.changed.emit(changes)
        finally:
            feed.close()

    def wait_ready(self, timeout_s: float = 5.0) -> bool:
        """For tests: block until the feed has its starting point."""
        return self._ready.wait(timeout_s)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
