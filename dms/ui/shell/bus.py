"""The change bus: one place every screen hears what changed, from this seat or another.

A command's own result is published at once (`publish`), so the seat that acted sees it without
waiting for the feed. Changes from other seats arrive through `LiveFeed` in bursts (a
settlement touches an order, its lines and stock): they are collected and delivered as one
list after a short pause, so a burst costs one refresh, not twenty.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dms.changes import Change

COALESCE_MS = 60


def as_changes(result: object, depth: int = 2) -> list[Change]:
    """The changes a command's result names: a `Changed` or `Saved` (entity, id), a list of
    them, or a result whose fields hold them, two levels deep (a booking's `.changed`, an
    assignment's or a clock's `.order`, a call's reminder and its booking). Anything else
    names none."""
    entity, key = getattr(result, "entity", None), getattr(result, "id", None)
    if isinstance(entity, str) and isinstance(key, int):
        return [Change(0, entity, key, None)]
    if depth == 0:
        return []
    if isinstance(result, (list, tuple)):
        parts = result
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        parts = [getattr(result, f.name) for f in dataclasses.fields(result)]
    else:
        return []
    return [change for part in parts for change in as_changes(part, depth - 1)]


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
