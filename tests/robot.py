"""A person at the keyboard, counted (DESIGN §9): every key, shortcut, click and typed entry
is one action. A typed entry (a plate tail, a mileage) counts once, as a person thinks of it;
Enter after it is another action. Counting happens here, not in an event filter, because an
event filter misses keys that a shortcut consumes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication


# Counted tasks of this test session: `make efficiency` writes them to build/efficiency.json.
RESULTS: list[dict] = []


class Robot:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.actions = 0
        self.log: list[str] = []

    def done(self, task: str, role: str, target: int) -> None:
        """The task is finished: record it, and fail if it took more actions than its target
        (DESIGN §9's table)."""
        RESULTS.append({"task": task, "role": role, "actions": self.actions, "target": target,
                        "steps": list(self.log)})
        assert self.actions <= target, f"{task}: {self.actions} actions > {target}: {self.log}"

    def _count(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)

    def type(self, widget, text: str) -> None:
        """Type `text` into `widget` (Chinese arrives through the input method)."""
        self._count(f"type {text!r}")
        for char in text:
            if char.isascii():
                self.qtbot.keyClicks(widget, char)
            else:
                event = QInputMethodEvent()
                event.setCommitString(char)
                QApplication.sendEvent(widget, event)

    def key(self, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self._count(f"key {Qt.Key(key).name} {modifier}")
        self.qtbot.keyClick(widget, key, modifier)

    def shortcut(self, keys: str) -> None:
        """A shortcut pressed wherever the focus is (it reaches the focused widget's window)."""
        self._count(f"shortcut {keys}")
        sequence = QKeySequence(keys)
        combo = sequence[0]
        target = QApplication.focusWidget() or QApplication.activeWindow()
        self.qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())

    def click(self, widget) -> None:
        self._count(f"click {widget.objectName() or type(widget).__name__}")
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def click_at(self, widget, pos, what: str = "") -> None:
        """A click at `pos` (a QPoint in `widget`): a mark on a drawing."""
        self._count(f"click {widget.objectName() or type(widget).__name__} {what}".rstrip())
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
