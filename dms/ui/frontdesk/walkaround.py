"""The walk-around (环车检查): damage marks clicked on a car drawn from above, both sides, the
front and the rear. One click is one mark of the chosen kind; its zone is the nearest named
zone of that view, the same zones the printed check-in sheet places its dots on
(`dms.reports.documents.reception.ZONES`), so screen and paper agree. A right click on a mark
takes it back. Marks are plain dicts {zone, kind, note, view, x, y}: what the service stores.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView,
                               QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from dms.reports.documents.reception import ZONES

translate = QCoreApplication.translate
KINDS = ("scratch", "dent", "crack", "missing")
MARK = QColor("#c62828")

# Each view: its box on a 390 × 214 canvas, and its zones at (x, y) in the box (0–1, y down).
# The top view is the printed sheet's drawing (front to the left, the car's left side up).
_TOP = {zone: (x / 150, 1 - y / 70) for zone, (x, y, _name) in ZONES.items()}
_SIDE = {"front_bumper": (0.03, 0.62), "hood": (0.17, 0.38), "windshield": (0.33, 0.22),
         "roof": (0.55, 0.08), "rear_window": (0.78, 0.24), "trunk": (0.92, 0.42),
         "rear_bumper": (0.98, 0.62), "front_fender": (0.17, 0.6), "front_door": (0.43, 0.55),
         "rear_door": (0.64, 0.55), "rear_fender": (0.85, 0.6), "mirror": (0.33, 0.36),
         "front_wheel": (0.2, 0.88), "rear_wheel": (0.8, 0.88)}
_SIDED = ("front_fender", "front_door", "rear_door", "rear_fender", "mirror", "front_wheel",
          "rear_wheel")


def _side(prefix: str) -> dict[str, tuple[float, float]]:
    return {f"{prefix}_{k}" if k in _SIDED else k: v for k, v in _SIDE.items()}


def _end(lamp: str, glass: str) -> dict[str, tuple[float, float]]:
    return {lamp: (0.5, 0.78), glass: (0.5, 0.3), "roof": (0.5, 0.08),
            "left_mirror": (0.05, 0.38), "right_mirror": (0.95, 0.38)}


VIEWS = {
    "left": (QRectF(10, 4, 210, 58), _side("left")),
    "top": (QRectF(25, 72, 180, 84), _TOP),
    "right": (QRectF(10, 152, 210, 58), _side("right")),
    "front": (QRectF(240, 20, 130, 80), _end("front_bumper", "windshield")),
    "rear": (QRectF(240, 120, 130, 80), _end("rear_bumper", "rear_window")),
}
CANVAS = QRectF(0, 0, 390, 214)


def kind_names() -> dict[str, str]:
    return {"scratch": translate("Walkaround", "Scratch"), "dent": translate("Walkaround", "Dent"),
            "crack": translate("Walkaround", "Crack"), "missing": translate("Walkaround", "Missing")}


def zone_name(zone: str) -> str:
    return {
        "front_bumper": translate("Walkaround", "front bumper"),
        "hood": translate("Walkaround", "hood"),
        "windshield": translate("Walkaround", "windscreen"),
        "roof": translate("Walkaround", "roof"),
        "rear_window": translate("Walkaround", "rear window"),
        "trunk": translate("Walkaround", "boot lid"),
        "rear_bumper": translate("Walkaround", "rear bumper"),
        "left_front_fender": translate("Walkaround", "left front wing"),
        "left_front_door": translate("Walkaround", "left front door"),
        "left_rear_door": translate("Walkaround", "left rear door"),
        "left_rear_fender": translate("Walkaround", "left rear wing"),
        "right_front_fender": translate("Walkaround", "right front wing"),
        "right_front_door": translate("Walkaround", "right front door"),
        "right_rear_door": translate("Walkaround", "right rear door"),
        "right_rear_fender": translate("Walkaround", "right rear wing"),
        "left_mirror": translate("Walkaround", "left mirror"),
        "right_mirror": translate("Walkaround", "right mirror"),
        "left_front_wheel": translate("Walkaround", "left front wheel"),
        "right_front_wheel": translate("Walkaround", "right front wheel"),
        "left_rear_wheel": translate("Walkaround", "left rear wheel"),
        "right_rear_wheel": translate("Walkaround", "right rear wheel"),
    }.get(zone, zone)


def nearest_zone(view: str, x: float, y: float) -> str:
    zones = VIEWS[view][1]
    return min(zones, key=lambda z: (zones[z][0] - x) ** 2 + (zones[z][1] - y) ** 2)


class CarOutline(QWidget):
    """The drawing; `marks` is the list of mark dicts, in the order they were made."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("carOutline")
        self.marks: list[dict] = []
        self.kind = "scratch"
        self.setMinimumSize(390, 214)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- geometry -----------------------------------------------------------------------------
    def _scale(self) -> tuple[float, QPointF]:
        scale = min(self.width() / CANVAS.width(), self.height() / CANVAS.height())
        offset = QPointF((self.width() - CANVAS.width() * scale) / 2,
                         (self.height() - CANVAS.height() * scale) / 2)
        return scale, offset

    def point_for(self, view: str, x: float, y: float) -> QPointF:
        """Where on the widget the point (x, y) of `view` is (tests click there)."""
        scale, offset = self._scale()
        box = VIEWS[view][0]
        return QPointF(box.x() + x * box.width(), box.y() + y * box.height()) * scale + offset

    def _hit(self, pos: QPointF) -> tuple[str, float, float] | None:
        scale, offset = self._scale()
        p = (pos - offset) / scale
        for view, (box, _zones) in VIEWS.items():
            if box.contains(p):
                return view, (p.x() - box.x()) / box.width(), (p.y() - box.y()) / box.height()
        return None

    # -- input ---------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.RightButton:
            near = [i for i, m in enumerate(self.marks)
                    if (self.point_for(m["view"], m["x"], m["y"]) - pos).manhattanLength() < 14]
            if near:
                del self.marks[near[-1]]
                self._changed()
            return
        hit = self._hit(pos)
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        view, x, y = hit
        self.marks.append({"zone": nearest_zone(view, x, y), "kind": self.kind, "note": "",
                           "view": view, "x": round(x, 3), "y": round(y, 3)})
        self._changed()

    def set_marks(self, marks: list[dict]) -> None:
        self.marks = [dict(m) for m in marks]
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.changed.emit()

    # -- drawing -------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale, offset = self._scale()
        p.translate(offset)
        p.scale(scale, scale)
        p.setPen(QPen(QColor("#555555"), 1.0))
        glass, tyre = QBrush(QColor("#dce8f2")), QBrush(QColor("#9e9e9e"))
        for view, (box, _zones) in VIEWS.items():
            {"top": self._top, "left": self._side, "right": self._side,
             "front": self._end, "rear": self._end}[view](p, box, glass, tyre)
        font = QFont(self.font())
        font.setPixelSize(9)
        font.setBold(True)
        p.setFont(font)
        for n, mark in enumerate(self.marks, 1):
            box = VIEWS[mark["view"]][0]
            at = QPointF(box.x() + mark["x"] * box.width(), box.y() + mark["y"] * box.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(MARK)
            p.drawEllipse(at, 6, 6)
            p.setPen(Qt.GlobalColor.white)
            p.drawText(QRectF(at.x() - 6, at.y() - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, str(n))
        p.end()

    @staticmethod
    def _box(box: QRectF, x, y, w, h) -> QRectF:
        return QRectF(box.x() + x * box.width(), box.y() + y * box.height(),
                      w * box.width(), h * box.height())

    def _top(self, p, box, glass, tyre) -> None:
        r = self._box
        p.setBrush(tyre)
        for x in (0.15, 0.73):
            for y in (0.0, 0.91):
                p.drawRoundedRect(r(box, x, y, 0.11, 0.09), 2, 2)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r(box, 0.04, 0.07, 0.93, 0.86), 16, 16)
        p.setBrush(glass)
        p.drawRoundedRect(r(box, 0.33, 0.2, 0.09, 0.6), 4, 4)
        p.drawRoundedRect(r(box, 0.67, 0.23, 0.08, 0.54), 3, 3)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r(box, 0.43, 0.2, 0.24, 0.6), 3, 3)

    def _side(self, p, box, glass, tyre) -> None:
        r = self._box
        body = QPainterPath()
        body.addRoundedRect(r(box, 0.0, 0.42, 1.0, 0.4), 8, 8)
        cabin = QPainterPath()
        left, top = box.x(), box.y()
        w, h = box.width(), box.height()
        cabin.moveTo(left + 0.22 * w, top + 0.44 * h)
        cabin.lineTo(left + 0.36 * w, top + 0.04 * h)
        cabin.lineTo(left + 0.74 * w, top + 0.04 * h)
        cabin.lineTo(left + 0.88 * w, top + 0.44 * h)
        cabin.closeSubpath()
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(body)
        p.setBrush(glass)
        p.drawPath(cabin)
        p.drawLine(QPointF(left + 0.54 * w, top + 0.04 * h), QPointF(left + 0.54 * w, top + 0.8 * h))
        p.setBrush(tyre)
        for x in (0.2, 0.8):
            p.drawEllipse(QPointF(left + x * w, top + 0.84 * h), 0.15 * h, 0.15 * h)

    def _end(self, p, box, glass, tyre) -> None:
        r = self._box
        p.setBrush(tyre)
        for x in (0.1, 0.78):
            p.drawRect(r(box, x, 0.84, 0.12, 0.16))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r(box, 0.05, 0.44, 0.9, 0.42), 6, 6)
        p.setBrush(glass)
        p.drawRoundedRect(r(box, 0.2, 0.08, 0.6, 0.36), 4, 4)
        for x in (0.0, 0.9):
            p.drawRect(r(box, x, 0.32, 0.1, 0.1))  # mirrors
        p.setBrush(Qt.BrushStyle.NoBrush)
        for x in (0.1, 0.72):
            p.drawRect(r(box, x, 0.52, 0.18, 0.1))  # lamps


class WalkAround(QWidget):
    """The kind buttons, the drawing and the numbered list of marks with their notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.car = CarOutline()
        self.kinds = QButtonGroup(self)
        kinds = QHBoxLayout()
        kinds.setSpacing(2)
        for n, kind in enumerate(KINDS):
            button = QPushButton()
            button.setObjectName(f"damage_{kind}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.kinds.addButton(button, n)
            kinds.addWidget(button)
        self.kinds.button(0).setChecked(True)
        self.kinds.idClicked.connect(lambda n: setattr(self.car, "kind", KINDS[n]))
        kinds.addStretch(1)
        self.list = QTableWidget(0, 3)
        self.list.setObjectName("damageList")
        self.list.verticalHeader().setVisible(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.list.setMaximumHeight(5 * (self.fontMetrics().height() + 6))
        self.list.itemChanged.connect(self._note_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(kinds)
        layout.addWidget(self.car, 1)
        layout.addWidget(self.list)
        self.car.changed.connect(self._show_list)
        self.retranslate_ui()

    def marks(self) -> list[dict]:
        return [dict(m) for m in self.car.marks]

    def set_marks(self, marks: list[dict]) -> None:
        self.car.set_marks(marks)

    def _show_list(self) -> None:
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.car.marks))
        kinds = kind_names()
        for row, mark in enumerate(self.car.marks):
            for column, text in enumerate((zone_name(mark["zone"]), kinds[mark["kind"]],
                                           mark.get("note", ""))):
                item = QTableWidgetItem(text)
                if column < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.list.setItem(row, column, item)
        self.list.resizeColumnsToContents()
        self.list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.blockSignals(False)
        self.changed.emit()

    def _note_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == 2 and item.row() < len(self.car.marks):
            self.car.marks[item.row()]["note"] = item.text().strip()
            self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.list.currentRow() >= 0:
            del self.car.marks[self.list.currentRow()]
            self.car._changed()
            return
        super().keyPressEvent(event)

    def retranslate_ui(self) -> None:
        for n, (kind, text) in enumerate(kind_names().items()):
            self.kinds.button(n).setText(text)
        self.list.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Damage"), self.tr("Note")])
        self.car.setToolTip(self.tr("Click where the damage is; right-click a mark to remove it."))
        self._show_list()
