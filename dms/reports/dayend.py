"""The day-end report 日结 (`dms.billing.dayend`) printed (A4 PDF) and exported (.xlsx). No Qt.

The PDF is in Chinese, like the other cashier documents; the workbook's headers follow `lang`
(zh_CN or en). Money cells are numbers with the exports' money format.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm

from dms.billing.dayend import DayEnd, day_end
from dms.permissions import require
from dms.reports import fonts
from dms.reports.cells import as_text
from dms.reports.documents.base import (METHOD, Styles, build_a4, frame_width, gap, money,
                                        store_header, when)
from dms.reports.documents.context import store_info
from dms.reports.excel import FORMATS, HEADER_FILL, HEADER_FONT, local_naive

WORDS = {
    "zh_CN": {"summary": "日结汇总", "invoices": "发票", "cashier": "收银员", "method": "付款方式",
              "receipts": "收款", "refunds": "退款", "net": "实收", "count": "笔数",
              "number": "发票号", "order": "工单号", "at": "时间", "share": "客户应付",
              "voided": "已作废", "reason": "作废原因", "total": "合计", "yes": "是", "no": "否"},
    "en": {"summary": "Day end", "invoices": "Invoices", "cashier": "Cashier",
           "method": "Method", "receipts": "Receipts", "refunds": "Refunds", "net": "Net",
           "count": "Payments", "number": "Invoice", "order": "Work order", "at": "Time",
           "share": "Customer share", "voided": "Voided", "reason": "Void reason",
           "total": "Total", "yes": "yes", "no": "no"},
}
METHOD_EN = {"cash": "Cash", "card": "Bank card", "wechat": "WeChat Pay", "alipay": "Alipay",
             "transfer": "Transfer", "member_balance": "Stored value", "points": "Points"}


def dayend_pdf(db, actor, day=None) -> bytes:
    report = day_end(db, actor, day)
    with db.reading() as s:
        store = store_info(s, actor.store_id)
    font = fonts.cjk_font()
    st, w = Styles(font), frame_width()
    rows = [["收银员", "付款方式", "笔数", "收款", "退款", "实收"]] + [
        [x.cashier, METHOD.get(x.method, x.method), str(x.count), money(x.receipts),
         money(x.refunds), money(x.net)] for x in report.lines] + [
        ["合计", "", str(sum(x.count for x in report.lines)), money(report.receipts),
         money(report.refunds), money(report.net)]]
    methods = [["付款方式", "收款", "退款", "实收"]] + [
        [METHOD.get(m, m), money(r), money(f), money(r - f)] for m, r, f in report.by_method()]
    story = [st.p("按收银员和付款方式", 10), gap(2 * mm), st.grid(
        rows, [w * 0.2, w * 0.18, w * 0.1, w * 0.17, w * 0.17, w * 0.18], right=(2, 3, 4, 5)),
        gap(), st.p("按付款方式", 10), gap(2 * mm),
        st.grid(methods, [w * 0.25] * 4, right=(1, 2, 3)), gap(),
        st.fields([("红字冲销", money(report.credit_notes)),
                   ("欠收合计", f"{money(report.outstanding)}（{report.outstanding_orders} 单）"),
                   ("开票", str(len(report.issued))), ("作废", str(len(report.voided)))], w,
                  per_row=2), gap()]
    if report.issued:
        story += [st.p("当日开具发票", 10), gap(2 * mm), st.grid(
            [["发票号", "工单号", "时间", "客户应付", "状态"]]
            + [[i.number, i.work_order_number, when(i.at), money(i.customer_share),
                "已作废" if i.voided else ""] for i in report.issued],
            [w * 0.24, w * 0.24, w * 0.2, w * 0.17, w * 0.15], right=(3,)), gap()]
    if report.voided:
        story += [st.p("当日作废发票", 10), gap(2 * mm), st.grid(
            [["发票号", "工单号", "时间", "原因"]]
            + [[i.number, i.work_order_number, when(i.at), i.reason or ""]
               for i in report.voided], [w * 0.24, w * 0.24, w * 0.2, w * 0.32]), gap()]
    story += [gap(), st.signatures(["收银员", "财务", "服务经理"], w)]
    number = f"DE{report.day:%Y%m%d}"
    return build_a4(font, store_header(store, "收银日结报表", number,
                                       f"日期：{report.day:%Y-%m-%d}"), story)


def dayend_xlsx(db, actor, day=None, lang: str = "zh_CN") -> bytes:
    report = day_end(db, actor, day)
    words = WORDS.get(lang, WORDS["zh_CN"])
    method = (lambda m: METHOD_EN.get(m, m)) if lang == "en" else (lambda m: METHOD.get(m, m))
    wb = Workbook()
    summary = wb.active
    summary.title = words["summary"]
    _rows(summary, [words[k] for k in ("cashier", "method", "count", "receipts", "refunds",
                                       "net")],
          [[x.cashier, method(x.method), x.count, x.receipts, x.refunds, x.net]
           for x in report.lines]
          + [[words["total"], "", sum(x.count for x in report.lines), report.receipts,
              report.refunds, report.net]], money_columns=(4, 5, 6))
    invoices = wb.create_sheet(words["invoices"])
    _rows(invoices, [words[k] for k in ("number", "order", "at", "share", "voided", "reason")],
          [[i.number, i.work_order_number, local_naive(i.at), i.customer_share,
            words["yes"] if i.voided else words["no"], i.reason or ""]
           for i in report.issued + tuple(v for v in report.voided
                                          if v.number not in {i.number for i in report.issued})],
          money_columns=(4,), time_columns=(3,))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _rows(ws, titles, rows, money_columns=(), time_columns=()) -> None:
    ws.append(titles)
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            as_text(cell)  # a cashier's name or a void reason typed as "=..." stays text
    for n in range(1, len(titles) + 1):
        ws.column_dimensions[get_column_letter(n)].width = 18
        for cell in ws[get_column_letter(n)][1:]:
            if n in money_columns:
                cell.number_format = FORMATS["money"]
            elif n in time_columns:
                cell.number_format = FORMATS["datetime"]
    ws.freeze_panes = "A2"


def export_dayend(db, actor, day, path, lang: str = "zh_CN") -> None:
    """The workbook written to `path` (the export right, not only the report's, is needed:
    the file leaves the system)."""
    with db.reading() as s:
        require(s, actor, "export.settlements")
    Path(path).write_bytes(dayend_xlsx(db, actor, day, lang))
