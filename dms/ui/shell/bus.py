"""The change bus: one place every screen hears what changed, from this seat or another.

A command's own result is published at once (`publish`), so the seat that acted sees it without
waiting for the feed. Changes from other seats arrive through `LiveFeed` in bursts (a
settlement touches an order, its lines and stock): they are collected and delivered as one
list after a short pause, so a burst costs one refresh, not twenty.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dms.changes import Change

COALESCE_MS = 60


def as_changes(result: object) -> list[Change]:
    """The changes a command's result names: a `Changed` (entity, id), a list of them, a
    `Saved`, or a result carrying one as `.changed` (a booking). Anything else names none."""
    items = result if isinstance(result, (list, tuple)) else [result]
    found = []
    for item in items:
        item = getattr(item, "changed", item)
        entity, key = getattr(item, "entity", None), getattr(item, "id", None)
        if isinstance(entity, str) and isinstance(key, int):
            found.append(Change(0, entity, key, None))
    return found


class ChangeBus(QObject):
    changed = Signal(object)  # list[Change], never empty

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pending: dict[tuple[str, int], Change] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._flush)

    def publish(self, changes: list[Change]) -> None:
        """Deliver now (this seat's own command)."""
        if changes:
            self.changed.emit(list(changes))

    @Slot(object)
    def collect(self, changes: list[Change]) -> None:
        """Deliver after a short pause, merged with whatever else arrives meanwhile."""
        for change in changes:
            self._pending[(change.entity, change.entity_id)] = change
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        pending, self._pending = list(self._pending.values()), {}
        if pending:
            self.changed.emit(pending)
