"""Part and bin labels for a label printer: one 60 × 40 mm page per label, a Code 128 barcode
with the code, the name and the bin. No Qt."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from dms.errors import NotFound, ValidationError
from dms.models import Bin, Part, PartBarcode, Stock, Warehouse
from dms.reports import fonts
from dms.reports.documents import words
from dms.reports.documents.base import barcode
from dms.reports.documents.words import say

LABEL_SIZE = (60 * mm, 40 * mm)
MARGIN = 2 * mm


def _fit(canvas, font: str, value: str, size: float, width: float, x: float, y: float,
         centre: bool = False) -> None:
    """Draw `value` shrunk (down to 6 pt) and if need be cut with … to fit `width`."""
    while size > 6 and fonts.string_width(value, font, size) > width:
        size -= 0.5
    while len(value) > 1 and fonts.string_width(value, font, size) > width:
        value = value[:-2] + "…"
    fonts.draw_string(canvas, x, y, value, font, size, "middle" if centre else "start")


def _parts(db, actor, part_codes: list[str]) -> list[tuple]:
    codes = [c.strip() for c in part_codes if c and c.strip()]
    if not codes:
        raise ValidationError("documents.no_labels", "Name at least one part to print labels for.")
    found: dict[str, tuple] = {}
    with db.reading() as s:
        for code in dict.fromkeys(codes):  # each part read once, however many labels it gets
            part = s.scalars(select(Part).where(Part.store_id == actor.store_id,
                                                Part.code == code)).first()
            if part is None:
                raise NotFound(what="Part", key=code)
            scan = s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == part.id)
                            .order_by(PartBarcode.id).limit(1))
            place = s.execute(select(Warehouse.code, Warehouse.name, Bin.code)
                              .join(Stock, Stock.warehouse_id == Warehouse.id)
                              .outerjoin(Bin, Bin.id == Stock.bin_id)
                              .where(Stock.part_id == part.id)
                              .order_by(Bin.code.is_(None), Warehouse.id).limit(1)).first()
            found[code] = (part.code, part.name, part.unit, scan or part.code,
                           place[0] if place else None, place[1] if place else None,
                           place[2] if place else None)
    return [found[code] for code in codes]


def _label(canvas, font: str, value: str, title: str, lines: list[str]) -> None:
    width, height = LABEL_SIZE
    inner = width - 2 * MARGIN
    _fit(canvas, font, say(title), 10, inner, MARGIN, height - MARGIN - 9)
    for i, line in enumerate(lines):
        _fit(canvas, font, line, 7.5, inner, MARGIN, height - MARGIN - 19 - 9 * i)
    code = barcode(value, inner, 11 * mm, bar=0.3 * mm)
    code.drawOn(canvas, (width - code.width) / 2, MARGIN + 9)
    _fit(canvas, font, value, 8, inner, width / 2, MARGIN + 1, centre=True)
    canvas.showPage()


def labels(db, actor, part_codes: list[str], font: str) -> bytes:
    """One label per part code given (its first barcode, else its code; a code given three
    times, three labels), then one per bin they sit in."""
    parts = _parts(db, actor, part_codes)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LABEL_SIZE, pageCompression=1,
                    initialFontName=font)
    canvas.setTitle("配件标签")
    canvas.setCreator("DMS")
    bins: dict[tuple, list] = {}
    with fonts.coverage(font):
        for code, name, unit, scan, wh_code, wh_name, bin_code in parts:
            place = say("库位：{warehouse} {bin}").format(
                warehouse=wh_code or "", bin=bin_code or say("未设库位")).strip()
            _label(canvas, font, scan, name,
                   [say("编号：{code}    单位：{unit}").format(code=code, unit=unit), place])
            held = bins.setdefault((wh_code, wh_name, bin_code), []) if bin_code else []
            if bin_code and (code, name) not in held:  # a label a unit, a bin label a bin
                held.append((code, name))
        for (wh_code, wh_name, bin_code), held in bins.items():
            first = f"{held[0][0]} {held[0][1]}"
            if len(held) > 1:  # "等3种" counts them all, "and 2 more" the others
                first += say(" 等{n}种").format(n=len(held) - 1 if words.english() else len(held))
            _label(canvas, font, bin_code, say("库位 {bin}").format(bin=bin_code),
                   [say("仓库：{name}（{code}）").format(name=wh_name or "", code=wh_code or ""), first])
        canvas.save()
    return buffer.getvalue()
