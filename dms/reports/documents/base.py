"""What every printed document shares: the store header with the number as a Code 128 barcode,
"第 1 页 / 共 N 页" on every page, Chinese labels, tables, signature lines, and a build that
embeds the CJK font and refuses characters the font lacks (DESIGN §7). No Qt.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (Flowable, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from dms.reports import fonts
from dms.reports.documents.words import say

log = logging.getLogger(__name__)

STATE = {"RECEIVED": "已接车", "ESTIMATED": "已估价", "AUTHORIZED": "已授权", "DISPATCHED": "已派工",
         "IN_REPAIR": "维修中", "PAUSED": "暂停", "QC": "质检中", "REWORK": "返工",
         "READY": "待结算", "PRESETTLED": "已预结算", "SETTLED": "已结算", "DELIVERED": "已交车",
         "CLOSED": "已关闭", "CANCELLED": "已取消"}
PAYER = {"customer": "客户", "insurance": "保险", "warranty": "索赔", "internal": "内部"}
FEE = {"management": "管理费", "auxiliary": "辅料费", "subcontract": "包工费", "rescue": "施救费",
       "other": "其他费用"}
METHOD = {"cash": "现金", "card": "银行卡", "wechat": "微信", "alipay": "支付宝", "transfer": "转账",
          "member_balance": "会员储值", "points": "积分抵扣"}
BUSINESS = {"maintenance": "保养", "repair": "维修", "body_paint": "钣喷", "warranty": "索赔",
            "insurance": "事故", "internal": "内部"}
TRADE = {"maintenance": "保养", "mechanical": "机修", "electrical": "电器", "body": "钣金",
         "paint": "喷漆"}
LINE_STATE = {"waiting": "待修", "in_progress": "维修中", "done": "完工", "rework": "返工",
              "requested": "待备料", "reserved": "已预留", "issued": "已领料",
              "returned": "已退料", "exchanged": "已换件", "released": "已释放"}
APPROVAL = {"proposed": "待报价", "priced": "待确认", "approved": "已确认", "declined": "客户拒绝"}
CHANNEL = {"phone": "电话", "app": "App", "walk_in": "到店", "wechat": "微信"}
BOX, TICK = "□", "✓"
A4_MARGIN = 12 * mm
HEADER_H = 30 * mm


# --- formatting -------------------------------------------------------------------------------

def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def qty(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def when(value, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return "" if value is None else value.astimezone().strftime(fmt)


def text(value) -> str:
    return "" if value is None else str(value)


# --- styles and flowables ----------------------------------------------------------------------

@dataclass(frozen=True)
class Styles:
    font: str
    scale: float = 1.0

    def style(self, size: float, align=0, leading: float | None = None) -> ParagraphStyle:
        size *= self.scale
        return ParagraphStyle(f"s{size}{align}", fontName=self.font, fontSize=size,
                              leading=leading or size * 1.3, alignment=align, wordWrap="CJK")

    def p(self, value, size: float = 9, align=0) -> Paragraph:
        body = fonts.markup(say(text(value)), self.font).replace("\n", "<br/>")
        return Paragraph(body, self.style(size, align))

    def title(self, value: str, size: float = 13) -> Paragraph:
        return self.p(value, size, TA_CENTER)

    def grid(self, rows, widths, head: bool = True, right=(), size: float = 8.5,
             span_rows=(), boxed: bool = True) -> Table:
        """A table of strings; `right` are the right-aligned (numeric) columns."""
        cells = [[c if isinstance(c, Flowable) else self.p(c, size, TA_RIGHT if i in right else 0)
                  for i, c in enumerate(row)] for row in rows]
        table = Table(cells, colWidths=widths, repeatRows=1 if head else 0)
        style = [("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                 ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
        if boxed:
            style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
        if head:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")))
        for row in span_rows:
            style.append(("SPAN", (0, row), (-1, row)))
        table.setStyle(TableStyle(style))
        return table

    def fields(self, pairs, width: float, per_row: int = 3, size: float = 8.5) -> Table:
        """Label–value pairs, `per_row` pairs a row: the order's and vehicle's facts."""
        pairs = list(pairs)
        rows = []
        for start in range(0, len(pairs), per_row):
            row = []
            for label, value in pairs[start:start + per_row]:
                row += [self.p(label + "：", size), self.p(value, size)]
            row += [""] * (2 * per_row - len(row))
            rows.append(row)
        label_w = width / per_row * 0.32
        widths = [label_w, width / per_row - label_w] * per_row
        table = self.grid(rows, widths, head=False, size=size)
        table.setStyle(TableStyle([("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#F4F4F4"))
                                   for c in range(0, 2 * per_row, 2)]))
        return table

    def signatures(self, labels, width: float) -> Table:
        """Signature lines: "客户签字：________  日期：________" per label."""
        n = len(labels)
        cells = [[self.p(f"{label}：", 9) for label in labels],
                 [self.p("日期：", 8) for _ in labels]]
        table = Table(cells, colWidths=[width / n] * n, rowHeights=[12 * mm, 6 * mm])
        table.setStyle(TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
            + [("LINEBELOW", (c, 0), (c, 0), 0.6, colors.black) for c in range(n)]
            + [("RIGHTPADDING", (c, 0), (c, -1), 8 * mm) for c in range(n)]))
        return table


def barcode(value: str, width: float | None = None, height: float = 10 * mm,
            bar: float = 0.33 * mm) -> Code128:
    """A vector Code 128 of `value`, bars narrowed (never below 0.2 mm) to fit `width`."""
    code = Code128(value, barWidth=bar, barHeight=height, humanReadable=False, quiet=True)
    if width and code.width > width:
        bar = max(0.2 * mm, bar * width / code.width)
        code = Code128(value, barWidth=bar, barHeight=height, humanReadable=False, quiet=True)
    return code


class Barcode(Flowable):
    """A Code 128 with its value printed underneath, as a flowable."""

    def __init__(self, value: str, font: str, width: float | None = None,
                 height: float = 10 * mm, size: float = 8, align: str = "LEFT"):
        super().__init__()
        self.value, self.font, self.size, self.hAlign = value, font, size, align
        self.code = barcode(value, width, height)
        self.width, self.height = self.code.width, height + size + 2

    def wrap(self, *_):
        return self.width, self.height

    def draw(self):
        self.code.drawOn(self.canv, 0, self.size + 2)
        fonts.draw_string(self.canv, self.width / 2, 0, self.value, self.font, self.size,
                          "middle")


# --- header, page numbers, build ---------------------------------------------------------------

@dataclass(frozen=True)
class Header:
    store_name: str
    address: str | None
    phone: str | None
    logo_path: str | None
    title: str
    number: str  # printed as the barcode
    lines: tuple[str, ...] = field(default=())  # under the number: state, dates


def store_header(store, title: str, number: str, *lines: str) -> Header:
    return Header(store.name, store.address, store.phone, store.logo_path, title, number,
                  tuple(x for x in lines if x))


def _logo(canvas, path: str | None, x: float, top: float, size: float) -> float:
    """Draw the store logo if there is one; the width it took."""
    if not path:
        return 0
    if not Path(path).is_file():
        log.warning("Store logo %s not found; printing without it", path)
        return 0
    try:
        canvas.drawImage(path, x, top - size, size, size, preserveAspectRatio=True,
                         anchor="nw", mask="auto")
    except Exception as exc:  # noqa: BLE001 - a broken logo must not stop the paperwork
        log.warning("Store logo %s cannot be drawn: %s", path, exc)
        return 0
    return size + 3 * mm


def draw_header(canvas, header: Header, font: str, width: float, height: float) -> None:
    top, left, right = height - A4_MARGIN, A4_MARGIN, width - A4_MARGIN
    x = left + _logo(canvas, header.logo_path, left, top, 16 * mm)
    fonts.draw_string(canvas, x, top - 13, header.store_name, font, 13)
    y = top - 24
    for line in (say("地址：{value}").format(value=header.address) if header.address else None,
                 say("电话：{value}").format(value=header.phone) if header.phone else None):
        if line:
            fonts.draw_string(canvas, x, y, line, font, 8)
            y -= 10
    code = barcode(header.number, 70 * mm, 9 * mm)
    code.drawOn(canvas, right - code.width, top - 9 * mm)
    fonts.draw_string(canvas, right, top - 9 * mm - 10, header.number, font, 9, "end")
    for i, line in enumerate(header.lines):
        fonts.draw_string(canvas, right, top - 9 * mm - 20 - 9 * i, line, font, 7.5, "end")
    fonts.draw_string(canvas, width / 2, top - HEADER_H + 4 * mm, say(header.title), font, 16,
                      "middle")
    canvas.setLineWidth(0.8)
    canvas.line(left, top - HEADER_H + 1 * mm, right, top - HEADER_H + 1 * mm)


def numbered_canvas(font: str):
    """A canvas that writes "第 n 页 / 共 N 页" at the foot of every page once N is known."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = font  # else an unused Helvetica is referenced
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(font, 7.5)
                self.drawCentredString(width / 2, 4 * mm, say("第 {page} 页 / 共 {total} 页").format(
                    page=self._pageNumber, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def frame_width(pagesize=A4) -> float:
    return pagesize[0] - 2 * A4_MARGIN


def build_a4(font: str, header: Header, story: list, pagesize=A4) -> bytes:
    """An A4 document: the header on every page, the story below it."""
    fonts.check_text(font, header.store_name, header.address or "", header.phone or "",
                     header.title, *header.lines)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=A4_MARGIN,
                            rightMargin=A4_MARGIN, topMargin=A4_MARGIN + HEADER_H + 2 * mm,
                            bottomMargin=A4_MARGIN, title=f"{header.title} {header.number}",
                            author=header.store_name, creator="DMS")

    def on_page(canvas, _doc):
        canvas.saveState()
        draw_header(canvas, header, font, *pagesize)
        canvas.restoreState()

    with fonts.coverage(font):
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
                  canvasmaker=numbered_canvas(font))
    return buffer.getvalue()


def build_roll(font: str, story: list, width: float, title: str, margin: float = 4 * mm) -> bytes:
    """A receipt on a continuous roll: one page exactly as tall as its content."""
    inner = width - 2 * margin
    height = sum(f.wrap(inner, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                 for f in story)
    pagesize = (width, height + 2 * margin + 10 * mm)  # + the page-number line
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin + 5 * mm, title=title,
                            creator="DMS")
    with fonts.coverage(font):
        doc.build(story, canvasmaker=numbered_canvas(font))
    return buffer.getvalue()


def gap(height: float = 3 * mm) -> Spacer:
    return Spacer(1, height)
