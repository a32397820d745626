"""Workshop documents: the job card / dispatch sheet (派工单), the picking list (领料单) with a
barcode per part, and the QC sheet (质检单). No Qt."""

from __future__ import annotations

from reportlab.lib.units import mm
from sqlalchemy import select

from dms.models import Bay, DispatchAssignment, QCInspection, User
from dms.parts.picking import picking_list
from dms.reports.documents.base import (APPROVAL, BOX, LINE_STATE, PAYER, TICK, TRADE, Barcode,
                                        Styles, build_a4, frame_width, gap, qty, when)
from dms.reports.documents import words
from dms.reports.documents.context import header, order_head, vehicle_fields
from dms.reports.documents.words import say
from dms.workshop.board import hours_report
from dms.workshop.lines import order_lines

QC_LEVEL = {"self": "技师自检", "team_lead": "班组长检验", "final": "终检"}
CHECKS = ("工单项目全部完成，故障已排除", "无漏油、漏水、漏气", "灯光、仪表、报警灯正常",
          "轮胎气压、螺栓扭矩已检查", "路试正常（制动、转向、异响）", "旧件已按客户要求处理",
          "车内外清洁，三件套已取下", "车内无遗留工具、物品")


def _names(names) -> str:
    """People as one list ("张三、李四"), or a dash for nobody."""
    return ("、" if not words.english() else ", ").join(sorted(n for n in names if n)) or "—"


def _people(s, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    return dict(s.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()) if ids else {}


def jobcard(db, actor, work_order_id: int, font: str) -> bytes:
    head = order_head(db, actor, work_order_id)
    lines = order_lines(db, actor, work_order_id)
    actual = {h.labour_line_id: h.actual for h in hours_report(db, actor, work_order_id)}
    jobs = [x for x in lines.labour if x.approval == "approved"]
    with db.reading() as s:
        ids = [x.id for x in jobs]
        assigned = {a.labour_line_id: a for a in s.scalars(
            select(DispatchAssignment).where(DispatchAssignment.labour_line_id.in_(ids),
                                             DispatchAssignment.active.is_(True)))} if ids else {}
        bays = dict(s.execute(select(Bay.id, Bay.name)).all())
        people = _people(s, [x.technician_id for x in jobs]
                         + [a.team_lead_id for a in assigned.values()]
                         + [a.dispatcher_id for a in assigned.values()])
    st, w = Styles(font), frame_width()
    seq = {x.id: x.seq for x in lines.labour}
    rows = [["序号", "维修项目", "工种", "工位", "技师", "标准工时", "派工工时", "实际工时", "计划时间",
             "状态", "自检", "组长检", "终检"]]
    for x in jobs:
        a = assigned.get(x.id)
        plan = f"{when(a.planned_start, '%m-%d %H:%M')}" if a and a.planned_start else ""
        done = x.state == "done"
        rows.append([str(x.seq), x.name + ("（增项）" if x.added_work else ""),
                     TRADE.get(x.trade, x.trade), bays.get(a.bay_id if a else None, ""),
                     people.get(x.technician_id, ""), qty(x.standard_hours), qty(x.billed_hours),
                     qty(actual.get(x.id)) if actual.get(x.id) else "", plan,
                     LINE_STATE.get(x.state, x.state), TICK if done else BOX, BOX, BOX])
    widths = [w * f for f in (0.05, 0.20, 0.06, 0.09, 0.08, 0.07, 0.07, 0.07, 0.09, 0.07,
                              0.05, 0.05, 0.05)]
    story = [st.fields(vehicle_fields(head), w), gap(),
             st.grid([["客户描述 / 故障现象"], [head.complaint or "—"]], [w]), gap(),
             st.p("派工项目", 10), gap(1 * mm),
             st.grid(rows, widths, right=(5, 6, 7), size=8), gap()]
    parts = [x for x in lines.parts if x.approval == "approved"]
    if parts:
        story += [st.p("所需配件", 10), gap(1 * mm), st.grid(
            [["零件编号", "零件名称", "数量", "关联项目", "付费方", "状态"]]
            + [[x.code, x.name, f"{qty(x.qty)} {x.unit}",
                str(seq.get(x.labour_line_id, "")) if x.labour_line_id else "",
                PAYER.get(x.payer, x.payer), LINE_STATE.get(x.state, x.state)] for x in parts],
            [w * 0.2, w * 0.34, w * 0.12, w * 0.1, w * 0.1, w * 0.14], right=(2,)), gap()]
    leads = {people.get(a.team_lead_id) for a in assigned.values() if a.team_lead_id}
    dispatchers = {people.get(a.dispatcher_id) for a in assigned.values()}
    story += [st.p(say("派工员：{names}    ").format(names=_names(dispatchers))
                   + say("班组长：{names}    ").format(names=_names(leads))
                   + say("预计交车：{when}").format(when=when(head.promised_at) or "—"), 8.5), gap(1 * mm),
              st.p("施工要求：按标准工时作业，发现增项须报服务顾问经客户同意后施工；完工后逐项自检并勾选。", 8),
              gap(8 * mm), st.signatures(["派工员", "维修技师", "质检员"], w)]
    return build_a4(font, header(head, "派工单", say("进厂：{when}").format(when=when(head.entry_at))), story)


def picking(db, actor, work_order_id: int, font: str) -> bytes:
    head = order_head(db, actor, work_order_id)
    listing = picking_list(db, actor, work_order_id)
    st, w = Styles(font), frame_width()
    rows = [["条码", "零件编号 / 名称", "仓库", "库位", "需求", "已预留", "已领", "待领", "状态"]]
    for x in listing.lines:
        code = x.barcodes[0] if x.barcodes else x.code
        rows.append([Barcode(code, font, width=w * 0.23, height=8 * mm, size=7),
                     f"{x.code}\n{x.name}", x.warehouse or "", x.bin or "",
                     f"{qty(x.requested)} {x.unit}", qty(x.reserved), qty(x.issued),
                     qty(x.to_pick), APPROVAL.get(x.approval) if x.approval != "approved"
                     else LINE_STATE.get(x.state, x.state)])
    if not listing.lines:
        rows.append(["", "本工单无配件", "", "", "", "", "", "", ""])
    widths = [w * f for f in (0.25, 0.25, 0.06, 0.09, 0.08, 0.07, 0.06, 0.06, 0.08)]
    story = [st.fields(vehicle_fields(head)[:9], w), gap(), st.p("领料明细", 10), gap(1 * mm),
             st.grid(rows, widths, right=(4, 5, 6, 7), size=8), gap(),
             st.p("扫码领料：请扫描零件条码出库，数量以“待领”为准；未用完的配件请及时退料。", 8),
             gap(8 * mm), st.signatures(["领料人", "仓库管理员"], w)]
    return build_a4(font, header(head, "领料单"), story)


def qc_sheet(db, actor, work_order_id: int, font: str) -> bytes:
    head = order_head(db, actor, work_order_id)
    lines = order_lines(db, actor, work_order_id)
    jobs = [x for x in lines.labour if x.approval == "approved"]
    with db.reading() as s:
        inspections = s.scalars(select(QCInspection).where(
            QCInspection.work_order_id == work_order_id).order_by(QCInspection.id)).all()
        people = _people(s, [i.inspector_id for i in inspections]
                         + [i.rework_owner_id for i in inspections]
                         + [x.technician_id for x in jobs])
        records = [(QC_LEVEL.get(i.level, i.level), people.get(i.inspector_id, ""),
                    "合格" if i.passed else "不合格", when(i.at), i.reason or "",
                    people.get(i.rework_owner_id, "")) for i in inspections]
    st, w = Styles(font), frame_width()
    story = [st.fields(vehicle_fields(head), w), gap(), st.p("维修项目检验", 10), gap(1 * mm),
             st.grid([["序号", "维修项目", "技师", "状态", "合格", "不合格", "备注"]]
                     + [[str(x.seq), x.name, people.get(x.technician_id, ""),
                         LINE_STATE.get(x.state, x.state), BOX, BOX, ""] for x in jobs],
                     [w * f for f in (0.06, 0.34, 0.1, 0.1, 0.08, 0.08, 0.24)]), gap(),
             st.p("通用检查项目", 10), gap(1 * mm),
             st.grid([["检查项目", "自检", "组长检", "终检"]]
                     + [[c, BOX, BOX, BOX] for c in CHECKS],
                     [w * 0.64, w * 0.12, w * 0.12, w * 0.12]), gap()]
    if records:
        story += [st.p("检验记录", 10), gap(1 * mm), st.grid(
            [["级别", "检验员", "结论", "时间", "原因", "返工责任人"]] + [list(r) for r in records],
            [w * f for f in (0.13, 0.12, 0.1, 0.17, 0.34, 0.14)]), gap()]
    story += [gap(6 * mm), st.signatures(["技师自检", "班组长", "终检员"], w)]
    return build_a4(font, header(head, "质量检验单", say("完工：{when}").format(when=when(head.completed_at))), story)
