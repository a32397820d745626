"""The scan field (DESIGN §7): where a USB barcode scanner (a keyboard wedge) types.

A wedge "types" the barcode as a burst of key presses a few milliseconds apart and ends it
with Enter. The field:

- turns the input method off (`WA_InputMethodEnabled`): with a Chinese IME active, the letters
  of a scan would become pinyin candidates and the scan would arrive garbled;
- tells a scan from a person typing by the gaps between keys: the run of keys ending at Enter
  whose gaps are all at most `SCAN_GAP_MS` is the scan, so half a word a person typed before
  the scanner fired is dropped, and slow typing is reported as typed, not scanned;
- normalises what it hands on (NFKC: full-width letters and digits become ASCII; upper case);
- emits `submitted(text, scanned)` on Enter and empties itself, ready for the next scan.

The clock is injectable (milliseconds), so tests type as a scanner and as a person without
sleeping.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

SCAN_GAP_MS = 30.0  # scanners send a key every 1 to 10 ms; people rarely type faster than 50
MIN_SCAN_LENGTH = 4  # shorter bursts are a person's quick fingers, not a barcode


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


class ScanField(QLineEdit):
    submitted = Signal(str, bool)  # normalised text, True when it came from a scanner

    def __init__(self, parent=None, clock: Callable[[], float] = _monotonic_ms):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.clock = clock
        self._last: float | None = None  # when the previous key arrived
        self._burst_from = 0  # where the current run of fast keys starts in the text
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.setFont(font)

    def _arrived(self) -> bool:
        """Note a key's time; True when it follows the previous one as a scanner's would."""
        now = self.clock()
        fast = self._last is not None and now - self._last <= SCAN_GAP_MS
        self._last = now
        return fast

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            fast = self._arrived()
            self._submit(fast)
            event.accept()
            return
        if event.text() and event.text().isprintable():
            if not self._arrived():
                self._burst_from = len(self.text())
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """An input method that commits text anyway (some do even with the attribute off):
        the committed characters count as keys arriving now; a pending preedit is ignored."""
        committed = event.commitString()
        if committed:
            if not self._arrived():
                self._burst_from = len(self.text())
            self.insert(committed)
        event.accept()

    def _submit(self, fast: bool) -> None:
        raw = self.text()
        burst = raw[self._burst_from:]
        scanned = fast and len(burst.strip()) >= MIN_SCAN_LENGTH
        text = normalise(burst if scanned else raw)
        self.clear()
        self._burst_from = 0
        self._last = None
        if text:
            self.submitted.emit(text, scanned)
