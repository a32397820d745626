"""The KPI dashboard: one period of the manager's store, each KPI beside its reference target,
and bar charts of the figures behind them. The figures are `dms.reports.kpi.kpis()` — the
same call the KPI workbook (`dms report kpi`) renders — run in the task runner's pool.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from dms.reports.kpi import kpis
from dms.reports.kpi_rates import TARGETS
from dms.ui.common import words
from dms.ui.manager.charts import BarChart

# tile id → where its figure is in kpis()'s result
TILES = ("revenue", "on_time", "same_day", "efficiency", "utilisation", "fill_rate", "rework",
         "appointment_rate", "satisfaction")
CHARTS = ("advisors", "efficiency", "utilisation", "business_types", "revenue_by_day",
          "satisfaction")


def percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def score(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def short_money(value: Decimal) -> str:
    return f"¥{value:,.0f}"


def tile_values(k: dict) -> dict[str, tuple[Decimal | None, str]]:
    """Each tile's figure and its text, from the result of kpis()."""
    figures = {
        "revenue": (k["revenue"]["total"], words.money),
        "on_time": (k["on_time"]["rate"], percent),
        "same_day": (k["same_day"]["rate"], percent),
        "efficiency": (k["workshop"]["efficiency"], percent),
        "utilisation": (k["workshop"]["utilisation"], percent),
        "fill_rate": (k["fill"]["rate"], percent),
        "rework": (k["rework"]["rate"], percent),
        "appointment_rate": (k["appointments"]["appointment_rate"], percent),
        "satisfaction": (k["follow_ups"]["average_satisfaction"], score),
    }
    return {key: (value, fmt(value)) for key, (value, fmt) in figures.items()}


class Tile(QFrame):
    """One KPI: its name, the figure, the target and whether it is met."""

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.figure = QLabel("–")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.figure.setFont(font)
        self.target = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        for widget in (self.name, self.figure, self.target):
            layout.addWidget(widget)
        self.met: bool | None = None

    def show_value(self, value: Decimal | None, text: str, target_text: str) -> None:
        self.figure.setText(text)
        self.target.setText(target_text)
        goal = TARGETS.get(self.key)
        self.met = None if goal is None or value is None else value >= goal
        colour = {True: "#2e7d32", False: "#c0392b", None: ""}[self.met]
        self.figure.setStyleSheet(f"color: {colour}" if colour else "")


class Dashboard(QWidget):
    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self.result: dict | None = None
        self._task: int | None = None
        self.period = QComboBox()
        self.period.setObjectName("dashboard_period")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton()
        self.show_button.setObjectName("dashboard_show")
        self.store = QLabel(workspace.ctx.user.store_name)
        self.status = QLabel()
        self.period_label, self.to_label = QLabel(), QLabel()
        self.period_label.setBuddy(self.period)
        bar = QHBoxLayout()
        for widget in (self.store, self.period_label, self.period, self.date_from, self.to_label,
                       self.date_to, self.show_button, self.status):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.tiles = {key: Tile(key) for key in TILES}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        self.charts = {key: BarChart(f"chart_{key}") for key in CHARTS}
        grid = QGridLayout()
        for n, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, n // 3, n % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)

        self.period.currentIndexChanged.connect(self._preset)
        self.show_button.clicked.connect(self.load)
        self.retranslate_ui()
        self.period.setCurrentIndex(0)
        self._preset(0)

    # -- the period ------------------------------------------------------------------------
    def presets(self) -> list[tuple[date, date] | None]:
        today = date.today()
        first = today.replace(day=1)
        last_month_end = first - timedelta(days=1)
        return [(first, today), (last_month_end.replace(day=1), last_month_end),
                (today - timedelta(days=29), today), None]

    @Slot(int)
    def _preset(self, index: int) -> None:
        span = self.presets()[index] if index >= 0 else None
        custom = span is None
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if span is not None:
            self.set_period(*span, load=False)

    def set_period(self, date_from: date, date_to: date, load: bool = True) -> None:
        self.date_from.setDate(QDate(date_from))
        self.date_to.setDate(QDate(date_to))
        if load:
            self.load()

    def span(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    # -- loading ---------------------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        self.status.setText(self.tr("Computing..."))
        self._task = self.ws.read(kpis, *self.span(), on_result=self._on_result,
                                  on_error=self._on_error)

    @Slot(int, object)
    def _on_result(self, task_id: int, result) -> None:
        if task_id != self._task:
            return
        self.result = result
        self.status.setText("")
        self.ws.message_bar.clear()
        self._show()

    @Slot(int, object)
    def _on_error(self, task_id: int, error) -> None:
        if task_id == self._task:
            self.status.setText("")
            self.ws.message_bar.show_error(error)

    def _show(self) -> None:
        k = self.result
        if k is None:
            return
        targets = self._target_texts()
        for key, (value, text) in tile_values(k).items():
            self.tiles[key].show_value(value, text, targets.get(key, ""))
        none = self.tr("Nothing in this period")
        goal = self.tr("target %1").replace("%1", "{}")
        types = words.business_types()
        self.charts["advisors"].set_data(
            self.tr("Output per advisor (revenue)"),
            [(a["advisor"], a["revenue"]) for a in k["advisors"]], short_money, empty_text=none)
        self.charts["efficiency"].set_data(
            self.tr("Technician efficiency"),
            [(t["technician"], t["efficiency"]) for t in k["technicians"]], percent,
            TARGETS["efficiency"], goal.format(percent(TARGETS["efficiency"])), none)
        self.charts["utilisation"].set_data(
            self.tr("Technician utilisation"),
            [(t["technician"], t["utilisation"]) for t in k["utilisation"]], percent,
            TARGETS["utilisation"], goal.format(percent(TARGETS["utilisation"])), none)
        self.charts["business_types"].set_data(
            self.tr("Revenue by business type"),
            [(words.word(types, key), total) for key, _n, total in k["revenue"]["by_business_type"]],
            short_money, empty_text=none)
        self.charts["revenue_by_day"].set_data(
            self.tr("Revenue by day"),
            [(f"{d:%d}", total) for d, _n, total in k["revenue"]["by_day"]], short_money,
            empty_text=none)
        fu = k["follow_ups"]
        self.charts["satisfaction"].set_data(
            self.tr("Satisfaction (CSI) from follow-ups"),
            [(str(n), c) for n, c in fu["distribution"].items()], str,
            empty_text=none)

    def _target_texts(self) -> dict[str, str]:
        at_least = self.tr("target at least %1")
        out = {key: at_least.replace("%1", percent(goal)) for key, goal in TARGETS.items()}
        k = self.result or {}
        if k:
            out["revenue"] = self.tr("%n settled order(s)", "", k["revenue"]["orders"])
            out["rework"] = self.tr("%1 of %2 inspected orders").replace(
                "%1", str(k["rework"]["reworked"])).replace("%2", str(k["rework"]["inspected"]))
            out["appointment_rate"] = self.tr("%1 of %2 orders").replace(
                "%1", str(k["appointments"]["from_appointment"])).replace(
                "%2", str(k["appointments"]["orders"]))
            out["satisfaction"] = self.tr("average of %n score(s), 1 to 5", "",
                                          sum(k["follow_ups"]["distribution"].values()))
        return out

    def retranslate_ui(self) -> None:
        index = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems([self.tr("This month"), self.tr("Last month"),
                              self.tr("Last 30 days"), self.tr("Chosen dates")])
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        self.period_label.setText(self.tr("&Period:"))
        self.to_label.setText(self.tr("to"))
        self.show_button.setText(self.tr("Show (F5)"))
        names = {"revenue": self.tr("Revenue"), "on_time": self.tr("On-time completion"),
                 "same_day": self.tr("Same-day delivery"), "efficiency": self.tr("Efficiency"),
                 "utilisation": self.tr("Utilisation"), "fill_rate": self.tr("Parts fill rate"),
                 "rework": self.tr("Rework rate"), "appointment_rate": self.tr("Appointment rate"),
                 "satisfaction": self.tr("CSI (satisfaction)")}
        for key, tile in self.tiles.items():
            tile.name.setText(names[key])
        self._show()
