"""Parts documents: the transfer note (调拨单) that travels with the goods from one warehouse or
store to another. Its barcode is what the receiving counter scans to book the transfer in
(`dms.parts.transfers.transfer_by_scan`). No Qt."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm

from dms.parts.transfers import transfer_id, transfer_note
from dms.reports.documents.base import Styles, build_a4, frame_width, gap, qty, store_header, when
from dms.reports.documents.context import store_info
from dms.reports.documents.words import say

TRANSFER_STATUS = {"in_transit": "在途", "received": "已入库"}


def _place(store: str, store_name: str, warehouse: str, warehouse_name: str) -> str:
    return f"{warehouse} {warehouse_name}\n{store_name}（{store}）"


def transfer(db, actor, number: str, font: str) -> bytes:
    """The note of the transfer `number` (its barcode or its number) sent from or coming to the
    actor's store: from where to where, each part with its quantity and bins, who sent it and
    when, who booked it in; signature lines for the sender, the carrier and the receiver."""
    note = transfer_note(db, actor, transfer_id(db, actor, number))
    with db.reading() as s:
        store = store_info(s, actor.store_id)
    st, w = Styles(font), frame_width()
    rows = [["序号", "零件编号", "零件名称", "数量", "调出库位", "调入库位", "实收数量"]]
    for n, x in enumerate(note.lines, start=1):
        rows.append([str(n), x.part_code, x.part_name, f"{qty(x.qty)} {x.unit}",
                     x.from_bin or "未设库位", x.to_bin or "未设库位", ""])
    units = sum((x.qty for x in note.lines), Decimal(0))
    rows.append(["合计", say("{lines} 种").format(lines=len(note.lines)), "",
                 qty(units), "", "", ""])
    status = say(TRANSFER_STATUS.get(note.status, note.status))
    story = [st.grid([["调出", "调入"],
                      [_place(note.from_store, note.from_store_name, note.from_warehouse,
                              note.from_warehouse_name),
                       _place(note.to_store, note.to_store_name, note.to_warehouse,
                              note.to_warehouse_name)]], [w / 2, w / 2], size=10), gap(),
             st.fields([("调拨单号", note.number), ("状态", status),
                        ("发出时间", when(note.sent_at)), ("经办人", note.sent_by),
                        ("入库时间", when(note.received_at)), ("入库人", note.received_by or "")],
                       w, per_row=2), gap(),
             st.p("调拨明细", 10), gap(1 * mm),
             st.grid(rows, [w * f for f in (0.06, 0.18, 0.3, 0.1, 0.12, 0.12, 0.12)],
                     right=(3,), size=8.5), gap(),
             st.p("收货时请在配件前台扫描本单条码，核对实物与数量后入库；如有差异，请在“实收数量”栏写明，"
                  "由发货人与收货人签字确认。", 8), gap(8 * mm),
             st.signatures(["发货人", "运送人", "收货人"], w)]
    head = store_header(store, "调拨单", note.scan_code,
                        say("状态：{state}").format(state=status),
                        say("发出：{when}").format(when=when(note.sent_at)))
    return build_a4(font, head, story)
