"""Small view helpers several workspaces use: a read-only table, fields on one form row, the
selected row of a table, hours as people write them; item views painted whole."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QTableView, QWidget)

from dms.ui.common.table import PagedTableModel


def hours(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


class WholePaint:
    """Mixed into an item view whose model or delegate is Python (put it before the Qt class):
    the view's paint enters Python once and keeps the interpreter lock until it is done.

    Qt calls the model, and a Python delegate, for every cell it paints. Entering Python anew
    for each call, the GUI thread gave the lock up after every cell, and while one of the
    runner's threads computed it waited up to a switch interval to get it back at the next:
    the QC queue's table, painted in 14 ms alone, took 450 ms beside a busy worker; painted
    whole, 17-25 ms (`benchmarks/table_paint.py`). Shiboken keeps the lock across the call to
    the base class's paintEvent; the worker waits for the paint instead."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # type: ignore[misc]


class TableView(WholePaint, QTableView):
    pass


def table_view(model: PagedTableModel, name: str, widths: tuple[int, ...] = (),
           stretch: int | None = None) -> QTableView:
    """A read-only table; `widths` in ems per column, `stretch` the column that takes the rest
    (else the last)."""
    view = TableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    em = view.fontMetrics().horizontalAdvance("M")
    for column, width in enumerate(widths):
        header.resizeSection(column, width * em)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


def form_row(*widgets: QWidget) -> QWidget:
    """Several fields on one form row; the label's mnemonic goes to the first."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    row.setFocusProxy(widgets[0])
    return row


def selected_row(view: QTableView, model: PagedTableModel):
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def title_label(name: str, scale: float = 1.4) -> QLabel:
    """A page's title: bold, `scale` times the font."""
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
