"""Front-desk documents: appointment confirmation (预约确认单), check-in sheet (接车单) with the
damage marks on a drawn car outline, and the estimate (估价单). No Qt."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table, TableStyle
from sqlalchemy import select

from dms.errors import NotFound
from dms.models import (Appointment, AppointmentPart, Customer, Estimate, EstimateApproval, Part,
                        User, Vehicle, WorkOrder)
from dms.reports.documents.base import (CHANNEL, FEE, PAYER, TRADE, Styles, build_a4,
                                        frame_width, gap, money, qty, store_header, when)
from dms.reports.documents.context import header, order_head, store_info, vehicle_fields
from dms.reports.documents import words
from dms.reports.documents.words import say

APPOINTMENT_STATUS = {"booked": "已预约", "arrived": "已到店", "no_show": "未到店",
                      "cancelled": "已取消"}
DAMAGE_KIND = {"scratch": "划痕", "dent": "凹陷", "crack": "裂纹", "chip": "掉漆", "broken": "破损",
               "rust": "锈蚀", "missing": "缺失", "other": "其他"}
APPROVAL_METHOD = {"signature": "签字", "phone": "电话", "in_person": "当面"}
# Car seen from above, front to the left: zone → (x, y) on a 150 × 70 drawing, and its name.
ZONES = {
    "front_bumper": (12, 35, "前保险杠"), "hood": (38, 35, "发动机盖"), "windshield": (58, 35, "前挡风玻璃"),
    "roof": (82, 35, "车顶"), "rear_window": (108, 35, "后挡风玻璃"), "trunk": (124, 35, "行李箱盖"),
    "rear_bumper": (140, 35, "后保险杠"),
    "left_front_fender": (35, 60, "左前翼子板"), "left_front_door": (68, 62, "左前门"),
    "left_rear_door": (95, 62, "左后门"), "left_rear_fender": (120, 60, "左后翼子板"),
    "right_front_fender": (35, 10, "右前翼子板"), "right_front_door": (68, 8, "右前门"),
    "right_rear_door": (95, 8, "右后门"), "right_rear_fender": (120, 10, "右后翼子板"),
    "left_mirror": (58, 67, "左后视镜"), "right_mirror": (58, 3, "右后视镜"),
    "left_front_wheel": (30, 68, "左前轮"), "right_front_wheel": (30, 2, "右前轮"),
    "left_rear_wheel": (118, 68, "左后轮"), "right_rear_wheel": (118, 2, "右后轮"),
}


# --- appointment -------------------------------------------------------------------------------

def appointment(db, actor, number: str, font: str) -> bytes:
    key = (number or "").strip().upper()
    with db.reading() as s:
        appt = s.scalars(select(Appointment).where(Appointment.store_id == actor.store_id,
                                                   Appointment.number == key)).first()
        if appt is None:
            raise NotFound(what="Appointment", key=number)
        customer, vehicle = s.get(Customer, appt.customer_id), s.get(Vehicle, appt.vehicle_id)
        advisor = s.get(User, appt.advisor_id or appt.taken_by_id)
        parts = s.execute(select(Part.code, Part.name, AppointmentPart.qty, Part.unit)
                          .join(Part, Part.id == AppointmentPart.part_id)
                          .where(AppointmentPart.appointment_id == appt.id)
                          .order_by(AppointmentPart.id)).all()
        store = store_info(s, appt.store_id)
    st, width = Styles(font), frame_width()
    head = store_header(store, "预约确认单", appt.number,
                        say("状态：{state}").format(
                             state=say(APPOINTMENT_STATUS.get(appt.status, appt.status))),
                        say("登记：{when}").format(when=when(appt.created_at)))
    model = " ".join(x for x in (vehicle.brand, vehicle.series, vehicle.model_code) if x)
    story = [st.fields([
        ("预约号", appt.number), ("预约时间", when(appt.booked_for)),
        ("预约渠道", CHANNEL.get(appt.channel, appt.channel)), ("客户", customer.name),
        ("联系人", appt.contact_name or customer.name),
        ("联系电话", appt.contact_phone or customer.mobile or ""),
        ("车牌号", vehicle.plate or "未上牌"), ("VIN", vehicle.vin), ("车型", model),
        ("预计工时", say("{hours} 小时").format(hours=qty(appt.planned_hours)) if appt.planned_hours else ""),
        ("预估金额", money(appt.estimate) if appt.estimate else ""),
        ("服务顾问", advisor.display_name)], width), gap(),
        st.grid([["预约项目"], [appt.requested_work]], [width]), gap()]
    if appt.notes:
        story += [st.grid([["备注"], [appt.notes]], [width]), gap()]
    if parts:
        story += [st.p("预留配件", 10), gap(1 * mm),
                  st.grid([["零件编号", "零件名称", "数量", "单位"]]
                          + [[r.code, r.name, qty(r.qty), r.unit] for r in parts],
                          [0.25 * width, 0.5 * width, 0.12 * width, 0.13 * width], right=(2,)),
                  gap()]
    story += [st.p(say("请于预约时间准时到店，并携带行驶证及保养手册。如需变更或取消预约，请提前致电"
                       "{phone}。预约车辆可优先接待，所需配件已为您预留。").format(
                           phone=store.phone or say("本店")), 8.5), gap(8 * mm),
              st.signatures(["服务顾问", "客户确认"], width)]
    return build_a4(font, head, story)


# --- check-in ----------------------------------------------------------------------------------

def car_outline(marks, font: str, width: float) -> Drawing:
    """A car from above (front to the left) with the numbered damage marks."""
    scale = width / 150
    d = Drawing(width, 70 * scale, initialFontName=font)
    grey, thin = colors.HexColor("#555555"), 0.8

    def rect(x, y, w, h, r=0, fill=None):
        d.add(Rect(x * scale, y * scale, w * scale, h * scale, rx=r * scale, ry=r * scale,
                   strokeColor=grey, strokeWidth=thin, fillColor=fill))

    for x in (22, 110):  # wheels
        rect(x, 0, 16, 6, 2, colors.HexColor("#BBBBBB"))
        rect(x, 64, 16, 6, 2, colors.HexColor("#BBBBBB"))
    rect(6, 5, 140, 60, 14)  # body
    rect(50, 14, 14, 42, 4, colors.HexColor("#E6EEF5"))  # windscreen
    rect(64, 14, 36, 42, 3)  # roof
    rect(100, 16, 12, 38, 3, colors.HexColor("#E6EEF5"))  # rear window
    for y in (4, 64):  # mirrors
        rect(56, y - 2, 6, 6, 1)
    for x in (80, 100):  # door lines
        d.add(Line(x * scale, 5 * scale, x * scale, 14 * scale, strokeColor=grey))
        d.add(Line(x * scale, 56 * scale, x * scale, 65 * scale, strokeColor=grey))
    d.add(Line(50 * scale, 5 * scale, 50 * scale, 65 * scale, strokeColor=grey, strokeDashArray=[2, 2]))
    d.add(String(2 * scale, 66 * scale, say("车头"), fontName=font, fontSize=7, fillColor=grey))
    unplaced = 0
    for n, mark in enumerate(marks, 1):
        zone = ZONES.get(mark.get("zone"))
        if zone:
            x, y = zone[0], zone[1]
        else:  # a zone this drawing does not know: along the bottom edge, still numbered
            x, y, unplaced = 140 - 8 * unplaced, 68, unplaced + 1
        d.add(Circle(x * scale, y * scale, 3.2 * scale, fillColor=colors.HexColor("#D62828"),
                     strokeColor=colors.white))
        d.add(String(x * scale, y * scale - 2.6, str(n), fontName=font, fontSize=7,
                     fillColor=colors.white, textAnchor="middle"))
    return d


def fuel_gauge(level: int | None, font: str) -> Drawing:
    d = Drawing(60 * mm, 8 * mm, initialFontName=font)
    for i in range(8):
        filled = level is not None and i < level
        d.add(Rect(i * 6 * mm, 1 * mm, 5.4 * mm, 4 * mm, strokeColor=colors.black, strokeWidth=0.5,
                   fillColor=colors.HexColor("#444444") if filled else None))
    d.add(String(49 * mm, 1.8 * mm, f"{level}/8" if level is not None else say("未记录"),
                 fontName=font, fontSize=8))
    return d


def checkin(db, actor, number_id: int, font: str) -> bytes:
    head = order_head(db, actor, number_id)
    st, width = Styles(font), frame_width()
    marks = head.damage_marks
    rows = [["序号", "部位", "损伤类型", "说明"]] + [
        [str(n), ZONES.get(m.get("zone"), (0, 0, str(m.get("zone") or "")))[2],
         DAMAGE_KIND.get(m.get("kind"), str(m.get("kind") or "")), str(m.get("note") or "")]
        for n, m in enumerate(marks, 1)]
    if not marks:
        rows.append(["", "无外观损伤记录", "", ""])
    legend = st.grid(rows, [10 * mm, 24 * mm, 16 * mm, width * 0.42 - 50 * mm], size=8)
    car = Table([[car_outline(marks, font, width * 0.55), legend]],
                colWidths=[width * 0.58, width * 0.42])
    car.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), font),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story = [st.fields(vehicle_fields(head), width), gap(),
             st.p("外观检查（红点为损伤位置）", 10), gap(1 * mm), car, gap(),
             st.grid([["燃油", fuel_gauge(head.fuel_level, font), "送修人",
                       " ".join(x for x in (head.delivered_by, head.delivered_by_phone) if x)]],
                     [18 * mm, 64 * mm, 18 * mm, width - 100 * mm], head=False), gap(),
             st.grid([["客户描述（故障/需求）"], [head.complaint or "—"]], [width]), gap(),
             st.grid([["车内贵重物品", "随车证件/物品"],
                      [head.valuables or "无", head.documents_kept or "无"]],
                     [width / 2, width / 2]), gap(),
             st.p("以上车辆状况经双方确认无误。车内贵重物品请客户自行带走，未登记物品本店不承担保管责任。"
                  "维修中如需增加项目，本店将征得客户同意后方可施工。", 8), gap(8 * mm)]
    with db.reading() as s:
        story += signed_on_screen(st, s.get(WorkOrder, head.id).checkin_signature, width)
    story.append(st.signatures(["客户签字", "服务顾问"], width))
    return build_a4(font, header(head, "接车单（环检单）", say("进厂：{when}").format(when=when(head.entry_at))), story)


def signed_on_screen(st, raw: str | None, width: float) -> list:
    """The customer's on-screen signature (`dms.workshop.signatures`' JSON) with its time, or
    nothing when they signed on paper."""
    if not raw:
        return []
    data = json.loads(raw)
    return [st.p(say("客户签字（屏幕签名，{when}）").format(
        when=when(datetime.fromisoformat(data["signed_at"]))), 9),
        signature_drawing(data["strokes"], width * 0.45, 18 * mm), gap(2 * mm)]


def signature_drawing(strokes, width: float, height: float) -> Drawing:
    """The strokes as drawn on the pad (0–1, y down), scaled into `width` × `height`."""
    d = Drawing(width, height)
    for stroke in strokes:
        for (x1, y1), (x2, y2) in zip(stroke, stroke[1:]):
            d.add(Line(x1 * width, (1 - y1) * height, x2 * width, (1 - y2) * height,
                       strokeColor=colors.HexColor("#1a237e"), strokeWidth=1.2))
    return d


# --- estimate ----------------------------------------------------------------------------------

def _declined(raw: str | None) -> set[int]:
    try:
        data = json.loads(raw) if raw else []
    except ValueError:
        return set()
    ids = data.values() if isinstance(data, dict) else [data]
    return {int(i) for group in ids for i in (group if isinstance(group, list) else [group])}


def estimate(db, actor, number_id: int, font: str) -> bytes:
    head = order_head(db, actor, number_id)
    with db.reading() as s:
        est = s.scalars(select(Estimate).where(Estimate.work_order_id == head.id)
                        .order_by(Estimate.version.desc()).limit(1)).first()
        if est is None:
            raise NotFound("documents.no_estimate", "Work order {key} has no estimate yet.",
                           what="Estimate", key=head.number)
        approval = s.scalars(select(EstimateApproval).where(EstimateApproval.estimate_id == est.id)
                             .order_by(EstimateApproval.id.desc()).limit(1)).first()
        snap = json.loads(est.lines)
        view = dict(version=est.version, created_at=est.created_at, valid_until=est.valid_until,
                    labour_total=est.labour_total, parts_total=est.parts_total,
                    fees_total=est.fees_total, total=est.total, customer_share=est.customer_share)
        signed = approval and (approval.approved_by_name, approval.method, approval.approved_at,
                               _declined(approval.declined_lines), approval.signature)
    st, width = Styles(font), frame_width()
    D = Decimal  # noqa: N806
    labour = [x for x in snap.get("labour", []) if x.get("approval") != "declined"]
    parts = [x for x in snap.get("parts", []) if x.get("approval") != "declined"]
    declined = signed[3] if signed else set()
    mark = lambda x: "（客户拒绝）" if x["id"] in declined else ""  # noqa: E731
    story = [st.fields(vehicle_fields(head), width), gap(),
             st.grid([["客户描述"], [head.complaint or "—"]], [width]), gap()]
    w = width
    story += [st.p("维修项目（工时费）", 10), gap(1 * mm), st.grid(
        [["序号", "项目", "工种", "工时", "单价", "金额", "优惠", "应付", "付费方"]]
        + [[str(x["seq"]), x["name"] + mark(x), TRADE.get(x["trade"], x["trade"]),
            qty(D(x["billed_hours"])), money(D(x["rate"])), money(D(x["amount"])),
            money(D(x["discount"])), money(D(x["net"])), PAYER.get(x["payer"], x["payer"])]
           for x in labour],
        [w * 0.06, w * 0.30, w * 0.08, w * 0.07, w * 0.10, w * 0.10, w * 0.09, w * 0.11, w * 0.09],
        right=(3, 4, 5, 6, 7)), gap()]
    if parts:
        story += [st.p("配件（材料费）", 10), gap(1 * mm), st.grid(
            [["零件编号", "零件名称", "数量", "单价", "金额", "优惠", "应付", "付费方"]]
            + [[x["code"], x["name"] + mark(x), f"{qty(D(x['qty']))} {x['unit']}",
                money(D(x["unit_price"])), money(D(x["amount"])), money(D(x["discount"])),
                money(D(x["net"])), PAYER.get(x["payer"], x["payer"])] for x in parts],
            [w * 0.16, w * 0.26, w * 0.09, w * 0.10, w * 0.10, w * 0.09, w * 0.11, w * 0.09],
            right=(2, 3, 4, 5, 6)), gap()]
    fees = snap.get("fees", [])
    if fees:
        story += [st.p("其他费用", 10), gap(1 * mm), st.grid(
            [["费用类型", "说明", "金额", "付费方"]]
            + [[FEE.get(x["kind"], x["kind"]), x.get("description") or "", money(D(x["amount"])),
                PAYER.get(x["payer"], x["payer"])] for x in fees],
            [w * 0.2, w * 0.45, w * 0.15, w * 0.2], right=(2,)), gap()]
    discount = sum((D(x["discount"]) for x in labour + parts), D("0"))
    shares = [(PAYER.get(p, p), D(v)) for p, v in snap.get("shares", {}).items() if D(v)]
    totals = [["工时费合计", money(view["labour_total"]), "材料费合计", money(view["parts_total"])],
              ["费用合计", money(view["fees_total"]), "优惠合计", money(discount)],
              ["估价合计", money(view["total"]), "客户应付", money(view["customer_share"])]]
    totals += [[say("{payer}承担").format(payer=say(name)), money(v), "", ""]
               for name, v in shares if name != "客户"]
    story += [KeepTogether([st.grid(totals, [w * 0.2, w * 0.3, w * 0.2, w * 0.3], head=False,
                                    right=(1, 3), size=9)]), gap()]
    valid = (say("本估价单有效期至 {day}。").format(
        day=when(view["valid_until"], "%Y-%m-%d")) if view["valid_until"]
             else say("本估价单有效期：未设定。"))
    story.append(st.p(valid + (" " if words.english() else "")
                      + say("实际费用以结算单为准；维修中发现的新增项目，须经客户确认后方可施工。"), 8.5))
    if signed:
        how = APPROVAL_METHOD.get(signed[1], signed[1])
        story += [gap(2 * mm), st.p(say("客户确认：{name}（{how}） {when}").format(
            name=signed[0], how=say(how), when=when(signed[2])), 8.5)]
        story += signed_on_screen(st, signed[4], width)
    story += [gap(8 * mm), st.signatures(["客户签字", "服务顾问"], width)]
    return build_a4(font, header(head, say("维修估价单（第 {version} 版）").format(
        version=view["version"]),
                                 say("出具：{when}").format(when=when(view["created_at"]))), story)
