"""Workbook cells written from user text stay text (DESIGN §10): a customer named
`=HYPERLINK("http://…?"&E2,"x")` must not become a live formula in an export, a KPI workbook
or an import report. openpyxl turns any string starting with "=" into a formula; Excel and
LibreOffice also evaluate text starting with + - @ (or a tab, CR, LF before them) once the
cell is edited. Such strings get a string cell with Excel's quote prefix."""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell

RISKY = ("=", "+", "-", "@", "\t", "\r", "\n")


def risky(value) -> bool:
    return isinstance(value, str) and value.startswith(RISKY)


def as_text(cell):
    """`cell` (normal or write-only) after its value is set: text stays text."""
    if risky(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def text_cell(ws, value):
    """What to append to a write-only sheet for `value`: the value itself unless it is risky."""
    return as_text(WriteOnlyCell(ws, value=value)) if risky(value) else value
