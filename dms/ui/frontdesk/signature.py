"""The customer signs the check-in sheet on the screen (a pen, a finger or the mouse): the
strokes go into the order with the time (`dms.workshop.desk.sign_check_in`, one command) and
the sheet prints them. Paper stays possible: the sheet has its signature line either way."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from dms.ui.common.command_dialog import CommandDialog
from dms.workshop import desk


class SignaturePad(QWidget):
    """Strokes as lists of (x, y), each 0–1 of the pad, y down."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[list[tuple[float, float]]] = []
        self.setMinimumSize(480, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def _point(self, pos: QPointF) -> tuple[float, float]:
        return (min(max(pos.x() / max(self.width(), 1), 0.0), 1.0),
                min(max(pos.y() / max(self.height(), 1), 0.0), 1.0))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append([self._point(event.position())])
            self.update()

    def mouseMoveEvent(self, event) -> None:
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1].append(self._point(event.position()))
            self.update()

    def clear(self) -> None:
        self.strokes = []
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        base = self.height() * 0.8
        p.drawLine(QPointF(12, base), QPointF(self.width() - 12, base))
        p.setPen(QPen(QColor("#1a237e"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            path = QPainterPath(QPointF(stroke[0][0] * self.width(), stroke[0][1] * self.height()))
            for x, y in stroke[1:]:
                path.lineTo(x * self.width(), y * self.height())
            p.drawPath(path)
        p.end()


class SignDialog(CommandDialog):
    def __init__(self, workspace, work_order_id: int, version: int, number: str):
        super().__init__(workspace)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Customer signs the check-in sheet: {number}")
                            .format(number=number))
        self.work_order_id, self.version = work_order_id, version
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.form.addRow(self.tr("Sign here"), self.pad)
        self.form.addRow("", self.clear_button)
        self.setMinimumWidth(640)

    def call(self):
        return desk.sign_check_in, (self.work_order_id, self.pad.strokes), {
            "expected_version": self.version}

    def done_text(self, result) -> str:
        return self.tr("Signed: the signature is kept with the order and printed on the sheet.")
