"""A purchase order (采购订单) as the supplier gets it: printed (A4 PDF, in Chinese like the
other documents) or exported (.xlsx, headers in zh_CN or en). Every text cell from the
catalogue or a user stays text (DESIGN §10). No Qt."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from dms.money import money as round_money
from dms.parts.purchasing import OrderView, purchase_order
from dms.reports import fonts
from dms.reports.cells import as_text
from dms.reports.documents.base import (Styles, build_a4, frame_width, gap, money, qty,
                                        store_header, when)
from dms.reports.documents.context import store_info
from dms.reports.excel import FORMATS, HEADER_FILL, HEADER_FONT, display_width, local_naive

STATUS = {"open": ("已下单", "ordered"), "partial": ("部分到货", "partly received"),
          "received": ("已到齐", "received in full"), "cancelled": ("已取消", "cancelled")}
WORDS = {"title": ("采购订单", "Purchase order"), "number": ("订单号", "Order no."),
         "supplier": ("供应商", "Supplier"), "status": ("状态", "Status"),
         "made": ("下单时间", "Made"), "code": ("配件编号", "Part code"),
         "name": ("配件名称", "Part name"), "qty": ("订购数量", "Ordered"),
         "received": ("已到数量", "Received"), "cost": ("单价", "Unit cost"),
         "amount": ("金额", "Amount"), "total": ("合计", "Total")}
COLUMNS = ("code", "name", "qty", "received", "cost", "amount")


def _amount(line) -> Decimal:
    return round_money(line.qty * line.unit_cost)


def _lines_total(order: OrderView) -> Decimal:
    return sum((_amount(x) for x in order.lines), Decimal(0))


def purchase_order_pdf(db, actor, order_id: int) -> bytes:
    order = purchase_order(db, actor, order_id)
    with db.reading() as s:
        store = store_info(s, actor.store_id)
    font = fonts.cjk_font()
    st, w = Styles(font), frame_width()
    rows = [["序号", "配件编号", "配件名称", "订购数量", "已到数量", "单价", "金额"]] + [
        [str(n), x.part_code, x.part_name, qty(x.qty), qty(x.qty_received), money(x.unit_cost),
         money(_amount(x))] for n, x in enumerate(order.lines, start=1)] + [
        ["合计", "", "", qty(sum((x.qty for x in order.lines), Decimal(0))), "", "",
         money(_lines_total(order))]]
    story = [st.fields([("供应商", f"{order.supplier_code} {order.supplier_name}"),
                        ("状态", STATUS.get(order.status, (order.status,))[0]),
                        ("下单时间", when(order.created_at))], w), gap(),
             st.grid(rows, [w * 0.06, w * 0.18, w * 0.3, w * 0.1, w * 0.1, w * 0.12, w * 0.14],
                     right=(3, 4, 5, 6)), gap(),
             st.signatures(["采购员", "供应商确认"], w)]
    return build_a4(font, store_header(store, "采购订单", order.number,
                                       f"日期：{when(order.created_at, '%Y-%m-%d')}"), story)


def purchase_order_xlsx(db, actor, order_id: int, lang: str = "zh_CN") -> bytes:
    order = purchase_order(db, actor, order_id)
    pick = 1 if lang == "en" else 0
    say = {key: value[pick] for key, value in WORDS.items()}
    wb = Workbook()
    ws = wb.active
    ws.title = f"{say['title']} {order.number}"[:31]
    for key, value in (("number", order.number),
                       ("supplier", f"{order.supplier_code} {order.supplier_name}"),
                       ("status", STATUS.get(order.status, (order.status,) * 2)[pick]),
                       ("made", local_naive(order.created_at))):
        ws.append([say[key], value])
        ws.cell(ws.max_row, 1).font = HEADER_FONT
        as_text(ws.cell(ws.max_row, 2))
    ws.cell(4, 2).number_format = FORMATS["datetime"]
    ws.append([])
    head = ws.max_row + 1
    ws.append([say[c] for c in COLUMNS])
    for cell in ws[head]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for x in order.lines:
        ws.append([x.part_code, x.part_name, x.qty, x.qty_received, x.unit_cost, _amount(x)])
        for cell in ws[ws.max_row][:2]:
            as_text(cell)  # a part named "=..." in the catalogue stays text
    ws.append([say["total"], None, None, None, None, _lines_total(order)])
    ws.cell(ws.max_row, 1).font = HEADER_FONT
    for row in ws.iter_rows(min_row=head + 1, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = FORMATS["money"]
    widths = {"A": 18, "B": 30, "C": 10, "D": 10, "E": 12, "F": 14}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = max(width, display_width(ws[f"{letter}{head}"].value
                                                                     or "") + 4)
    ws.freeze_panes = f"A{head + 1}"
    ws.auto_filter.ref = f"A{head}:F{ws.max_row - 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_purchase_order(db, actor, order_id: int, path, lang: str = "zh_CN") -> None:
    Path(path).write_bytes(purchase_order_xlsx(db, actor, order_id, lang))
