"""Cashier documents: the settlement slip (结算单) on A4 and on an 80 mm receipt roll, and the
gate pass (出门证). The slip shows every field of `dms.billing.queries.settlement_view`. No Qt."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, KeepTogether, Table, TableStyle
from sqlalchemy import select

from dms.billing.queries import SettlementView, settlement_view
from dms.billing.refunds import refund_view
from dms.errors import NotFound
from dms.models import GatePass, User
from dms.reports.capitals import amount_in_capitals
from dms.reports.documents.base import (FEE, METHOD, PAYER, STATE, Barcode, Styles, build_a4,
                                        build_roll, frame_width, gap, money, qty, when)
from dms.reports.documents.context import header, order_head, seller_fields, vehicle_fields
from dms.reports.documents import words
from dms.reports.documents.words import say

ROLL_WIDTH = 80 * mm
KIND = {"labour": "工时", "part": "配件"}


def this_payment(view: SettlementView) -> Decimal:
    """本次收款: the payments taken at the latest till visit (settlement or a later collection)."""
    if not view.payments:
        return Decimal("0.00")
    last = max(p.at for p in view.payments)
    return sum((p.amount for p in view.payments if p.at == last), Decimal("0.00"))


def _summary(view: SettlementView) -> list[tuple[str, str]]:
    """The amounts of the slip, in seed 003's order."""
    rows = [("应收工时费", money(view.labour_receivable)), ("实收工时费", money(view.labour_net)),
            ("应收材料费", money(view.material_receivable)), ("实收材料费", money(view.material_net))]
    rows += [(FEE[kind], money(amount)) for kind, amount in view.fees]
    rows += [("合计金额", money(view.total))]
    rows += [(say("{payer}承担").format(payer=say(PAYER.get(p, p))), money(v)) for p, v in view.shares
             if v or p == "customer"]
    rows += [("已收金额", money(view.received)), ("欠收金额", money(view.outstanding)),
             ("本次收款", money(this_payment(view)))]
    return rows


def _methods(view: SettlementView) -> str:
    return ("; " if words.english() else "；").join(
        f"{say(METHOD.get(m, m))} {money(a)}" for m, a in view.by_method) or say("未收款")


def _status(view: SettlementView) -> str:
    if view.outstanding and view.credit_approved:
        return "挂账（已审批）"
    return "已结清" if not view.outstanding else "未结清"


def _seller(st: Styles, head, width: float) -> list:
    """The seller's invoice details (销售方), where the store has entered them."""
    pairs = seller_fields(head.store)
    return [st.p("销售方（开票信息）", 10), gap(1 * mm), st.fields(pairs, width, per_row=2),
            gap(2 * mm)] if pairs else []


def settlement(db, actor, work_order_id: int, font: str) -> bytes:
    view = settlement_view(db, actor, work_order_id)
    head = order_head(db, actor, work_order_id)
    st, w = Styles(font), frame_width()
    info = vehicle_fields(head)[:9] + [
        ("发动机号", view.engine_no or ""), ("结算时间", when(view.settled_at)),
        ("发票号", view.invoice_no or ""), ("预结算", when(view.presettled_at)),
        ("收款状态", _status(view)), ("出门证", view.gate_pass_number or "")]
    rows = [["类别", "编号", "名称", "工时/数量", "单价", "金额", "优惠", "实收", "付费方"]]
    rows += [[KIND[x.kind], x.code, x.name, qty(x.quantity) + (f" {x.unit}" if x.unit else ""),
              money(x.unit_price), money(x.amount), money(x.discount), money(x.net),
              PAYER.get(x.payer, x.payer)] for x in view.lines]
    widths = [w * f for f in (0.06, 0.13, 0.24, 0.1, 0.09, 0.1, 0.08, 0.11, 0.09)]
    summary = _summary(view)
    half = (len(summary) + 1) // 2
    pairs = [list(summary[i]) + (list(summary[i + half]) if i + half < len(summary) else ["", ""])
             for i in range(half)]
    capitals = [["合计（大写）", say("人民币 {amount}").format(amount=amount_in_capitals(view.total)),
                 "¥ " + money(view.total)]]
    if view.customer_share != view.total:
        capitals.append(["客户应付（大写）", say("人民币 {amount}").format(
            amount=amount_in_capitals(view.customer_share)),
                         "¥ " + money(view.customer_share)])
    payments = [["付款方式", "金额", "参考号", "时间", "收银员"]] + [
        [METHOD.get(p.method, p.method), money(p.amount), p.reference or "", when(p.at), p.cashier]
        for p in view.payments]
    story = [st.fields(info, w), gap(), st.p("结算明细", 10), gap(1 * mm),
             st.grid(rows, widths, right=(3, 4, 5, 6, 7), size=8), gap(),
             KeepTogether([st.grid(pairs, [w * 0.2, w * 0.3, w * 0.2, w * 0.3], head=False,
                                   right=(1, 3), size=9), gap(2 * mm),
                           st.grid(capitals, [w * 0.2, w * 0.58, w * 0.22], head=False,
                                   right=(2,), size=10)]), gap(),
             st.p("收款记录", 10), gap(1 * mm),
             st.grid(payments, [w * 0.16, w * 0.16, w * 0.28, w * 0.22, w * 0.18], right=(1,)),
             gap(1 * mm), st.p(say("按付款方式：{methods}").format(methods=_methods(view)), 8.5), gap(2 * mm),
             *_seller(st, head, w),
             st.p("客户确认：以上维修项目已完工，车辆已验收，费用无误。本单据为结算凭证，请妥善保管。", 8),
             gap(8 * mm), st.signatures(["客户签字", "收银员", "服务顾问"], w)]
    return build_a4(font, header(head, "结算单", say("结算：{when}").format(when=when(view.settled_at)),
                                 say("发票：{number}").format(number=view.invoice_no)
                                 if view.invoice_no else ""), story)


def _roll_table(st: Styles, rows, width: float, size: float = 8) -> Table:
    table = st.grid(rows, [width * 0.5, width * 0.5], head=False, right=(1,), size=size,
                    boxed=False)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return table


def settlement_receipt(db, actor, work_order_id: int, font: str) -> bytes:
    view = settlement_view(db, actor, work_order_id)
    head = order_head(db, actor, work_order_id)
    st, w = Styles(font), ROLL_WIDTH - 8 * mm
    rule = lambda: HRFlowable(width="100%", thickness=0.5, dash=[2, 2], color=colors.black,  # noqa: E731
                              spaceBefore=1.5 * mm, spaceAfter=1.5 * mm)
    store = head.store
    story = [st.p(store.name, 11, TA_CENTER)]
    phone = store.phone and say("电话：{value}").format(value=store.phone)
    seller = store.invoice_name if store.invoice_name != store.name else None
    tax_id = store.tax_id and say("纳税人识别号：{value}").format(value=store.tax_id)
    story += [st.p(line, 7.5, TA_CENTER) for line in (seller, store.address, phone, tax_id)
              if line]
    story += [gap(1.5 * mm), st.p("结算单", 13, TA_CENTER), gap(1 * mm),
              Barcode(view.work_order_number, font, width=w, height=9 * mm, size=8, align="CENTER"),
              rule(),
              _roll_table(st, [["车牌号", view.plate or "未上牌"], ["客户", view.customer_name],
                               ["VIN", view.vin], ["车型", view.vehicle_model or ""],
                               ["进厂", when(view.entry_at)], ["里程", f"{view.mileage:,} km"],
                               ["结算", when(view.settled_at)], ["发票号", view.invoice_no or ""],
                               ["状态", STATE.get(head.state, head.state)]], w), rule()]
    for x in view.lines:
        story += [st.p(say("{name}（{code}）").format(name=x.name, code=x.code), 8),
                  _roll_table(st, [[f"{qty(x.quantity)}{x.unit or 'h'} × {money(x.unit_price)}"
                                    + (say(" 优惠 {amount}").format(amount=money(x.discount))
                                       if x.discount else "")
                                    + ("" if x.payer == "customer" else f" [{say(PAYER.get(x.payer))}]"),
                                    money(x.net)]], w, 7.5)]
    story += [rule(), _roll_table(st, [list(r) for r in _summary(view)], w, 8.5), rule(),
              st.p(say("合计（大写）：人民币 {amount}").format(amount=amount_in_capitals(view.total)), 9), gap(1 * mm)]
    if view.customer_share != view.total:
        story += [st.p(say("客户应付（大写）：人民币 {amount}").format(
            amount=amount_in_capitals(view.customer_share)), 9)]
    story += [rule(), _roll_table(st, [[f"{say(METHOD.get(p.method, p.method))} {when(p.at, '%m-%d %H:%M')}",
                                        money(p.amount)] for p in view.payments]
                                  or [["未收款", ""]], w),
              st.p(say("收银员：{name}").format(
                   name=view.payments[-1].cashier if view.payments else ""), 7.5), rule(),
              gap(8 * mm), st.p("客户签字：________________", 9), gap(2 * mm),
              st.p("谢谢惠顾，欢迎再次光临！", 8, TA_CENTER)]
    return build_roll(font, story, ROLL_WIDTH, say("结算单 {number}").format(number=view.work_order_number))


def gatepass(db, actor, work_order_id: int, font: str) -> bytes:
    head = order_head(db, actor, work_order_id)
    with db.reading() as s:
        gp = s.scalars(select(GatePass).where(GatePass.work_order_id == work_order_id)).first()
        if gp is None:
            raise NotFound("documents.no_gate_pass", "Work order {key} has no gate pass yet.",
                           what="Gate pass", key=head.number)
        issuer = s.get(User, gp.issued_by_id).display_name
        number, issued, released = gp.number, gp.issued_at, gp.released_at
    view = settlement_view(db, actor, work_order_id)
    st, w = Styles(font), frame_width()
    inner = w - 8 * mm
    story = [st.fields([("出门证号", number), ("工单号", head.number),
                        ("车牌号", head.plate or "未上牌"), ("VIN", head.vin), ("车型", head.model),
                        ("颜色", head.colour or ""), ("客户", head.customer),
                        ("服务顾问", head.advisor), ("收款状态", _status(view)),
                        ("开具时间", when(issued)), ("开具人", issuer),
                        ("放行时间", when(released))], inner), gap(6 * mm),
             st.p(say("兹有车牌号 {plate} 的车辆已完成维修并办理结算手续，准予出厂。").format(
                  plate=head.plate or say("未上牌")), 11),
             gap(2 * mm), st.p("本证仅限当次出厂有效，门卫核对车牌与车架号后收回存档。", 8.5),
             gap(12 * mm), st.signatures(["客户签字", "收银员", "门卫"], inner)]
    doc = Table([[x] for x in story], colWidths=[w])
    doc.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black),
                             ("FONTNAME", (0, 0), (-1, -1), font),
                             ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm)]))
    return build_a4(font, header(head, "出门证", say("出门证号：{number}").format(number=number)), [doc])


def refund_slip(db, actor, refund_id: int, font: str) -> bytes:
    """退款单 / 红字冲销单: what went back by which method, signed by the customer."""
    view = refund_view(db, actor, refund_id)
    head = order_head(db, actor, view.work_order_id)
    st, w = Styles(font), frame_width()
    title = "退款单" if view.kind == "refund" else "红字冲销单"
    info = vehicle_fields(head)[:6] + [
        ("单号", view.number), ("工单号", view.work_order_number),
        ("发票号", view.invoice_no or ""), ("时间", when(view.at)), ("收银员", view.cashier),
        ("审批", view.approved_by or "")]
    rows = [["退回方式", "金额", "原付款参考号"]] + [
        [METHOD.get(m, m), money(a), ref or ""] for m, a, ref in view.by_method]
    story = [st.fields(info, w), gap(), st.p(f"原因：{view.reason}", 10), gap(2 * mm),
             *_seller(st, head, w)]
    if view.by_method:
        story += [st.grid(rows, [w * 0.3, w * 0.3, w * 0.4], right=(1,)), gap(2 * mm)]
    if view.points_returned or view.points_taken_back:
        story += [st.p(f"退回积分 {view.points_returned}，扣回积分 {view.points_taken_back}", 9),
                  gap(2 * mm)]
    story += [st.grid([["金额（大写）", f"人民币 {amount_in_capitals(view.amount)}",
                        "¥ " + money(view.amount)]], [w * 0.2, w * 0.58, w * 0.22], head=False,
                      right=(2,), size=10),
              gap(8 * mm), st.signatures(["客户签字", "收银员", "服务经理"], w)]
    return build_a4(font, header(head, title, f"单号：{view.number}"), story)
