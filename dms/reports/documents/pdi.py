"""The PDI sheet 新车PDI检查单 (DESIGN §1 step 1): the car, every checklist item with its
result and note, who fixed a failure, and the inspector's and the customer's signatures. In
Chinese only (like the refund slip: it has no English words yet). No Qt."""

from __future__ import annotations

from reportlab.lib.units import mm

from dms.permissions import require
from dms.reports import fonts
from dms.reports.documents.base import Styles, build_a4, frame_width, gap, store_header, when
from dms.reports.documents.context import store_info
from dms.workshop.pdi import pdi_sheet

SECTION = {"exterior": "外观", "interior": "内饰", "engine": "发动机舱", "chassis": "底盘",
           "road": "路试"}
RESULT = {None: "未检", "ok": "合格", "fail": "不合格", "fixed": "已整改"}
STATE = {"open": "检查中", "signed": "已签字", "handed_over": "已交车"}


def pdi_pdf(db, actor, pdi_id: int) -> bytes:
    with db.reading() as s:
        require(s, actor, "document.pdi")
        store = store_info(s, actor.store_id)
    sheet = pdi_sheet(db, actor, pdi_id)
    font = fonts.cjk_font()
    st, w = Styles(font), frame_width()
    facts = [("PDI 单号", sheet.number), ("VIN", sheet.vin),
             ("车型", " ".join(x for x in (sheet.brand, sheet.series, sheet.model_code) if x)),
             ("颜色", sheet.colour or ""), ("发动机号", sheet.engine_no or ""),
             ("里程", f"{sheet.mileage:,} km"), ("检验员", sheet.inspector or ""),
             ("签字时间", when(sheet.signed_at)), ("交车时间", when(sheet.handed_over_at))]
    rows = [["序号", "类别", "检查项目", "结果", "备注 / 整改"]] + [
        [str(i.seq), SECTION.get(i.section, i.section), i.name, RESULT.get(i.result, i.result),
         (i.note or "") + (f"（{i.fixed_by} {when(i.fixed_at)}）" if i.fixed_by else "")]
        for i in sheet.items]
    widths = [w * f for f in (0.07, 0.12, 0.37, 0.1, 0.34)]
    story = [st.fields(facts, w), gap(), st.grid(rows, widths), gap(10 * mm),
             st.signatures(["检验员签字", "客户签字"], w)]
    header = store_header(store, "新车PDI检查单", sheet.number,
                          f"状态：{STATE.get(sheet.state, sheet.state)}")
    return build_a4(font, header, story)
