"""What the clerk sees and hears after a scan (DESIGN §9: within 1 s of the scan's Enter): a
line under the scan field flashes green for a scan done, red and with a beep for a refusal,
then calms down to a plain colour and keeps the text until the next scan."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

FLASH_MS = 900
STYLES = {
    "ok": "background:#2e9e44; color:white;",
    "refused": "background:#d93025; color:white;",
    "ok_after": "background:#e8f4ea; color:#1d5e2a;",
    "refused_after": "background:#fdecea; color:#8a1c13;",
    "": "background:palette(base); color:palette(text);",
}


class ScanFeedback(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scanFeedback")
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.setFont(font)
        self.level = ""
        self.shown_at = 0.0  # time.perf_counter() of the last flash (benchmarks read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._calm)
        self._paint("")

    def ok(self, text: str) -> None:
        self._flash("ok", text)

    def refused(self, text: str) -> None:
        self._flash("refused", text)
        QApplication.beep()

    def clear_feedback(self) -> None:
        self._timer.stop()
        self.level = ""
        self.setText("")
        self._paint("")

    def _flash(self, level: str, text: str) -> None:
        self.level = level
        self.setText(text)
        self._paint(level)
        self.shown_at = time.perf_counter()
        self._timer.start()

    def _calm(self) -> None:
        self._paint(self.level + "_after" if self.level else "")

    def _paint(self, style: str) -> None:
        self.setStyleSheet(f"#scanFeedback {{{STYLES[style]} padding:6px 10px; "
                           "border-radius:4px;}")
