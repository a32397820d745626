"""The printed documents' own words in English, for `dms print … --lang en`.

Documents are written in Chinese (DESIGN §7). While one is drawn in English (`language("en")`),
`say()` turns each of its fixed texts into English; templates with {fields} are looked up
before they are filled. What the store typed (names, addresses, complaints, part names) is
printed as it was entered. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("zh_CN", "en")
_current: ContextVar[str] = ContextVar("document_language", default="zh_CN")


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Draw the documents made inside the block in `lang` (zh_CN or en)."""
    token = _current.set(lang if lang in LANGUAGES else "zh_CN")
    try:
        yield
    finally:
        _current.reset(token)


def english() -> bool:
    return _current.get() == "en"


def say(text: str) -> str:
    """`text` in the document's language: a label with its full-width colon ("日期：") becomes
    "Date: "; a text that is not one of the documents' own stays as it is."""
    if not text or not english():
        return text
    if text in EN:
        return EN[text]
    if text.endswith("："):  # a label: "日期：" → "Date: ", "VIN：" → "VIN: "
        return EN.get(text[:-1], text[:-1]) + ": "
    return text


def colon() -> str:
    return ": " if english() else "："


EN: dict[str, str] = {
    # states, payers, fees, methods, business types, trades, line states, approvals, channels
    "已接车": "Received", "已估价": "Estimated", "已授权": "Authorized", "已派工": "Dispatched",
    "维修中": "In repair", "暂停": "Paused", "质检中": "In QC", "返工": "Rework",
    "待结算": "Ready for settlement", "已预结算": "Pre-settled", "已结算": "Settled",
    "已交车": "Delivered", "已关闭": "Closed", "已取消": "Cancelled",
    "客户": "Customer", "保险": "Insurance", "索赔": "Warranty", "内部": "Internal",
    "管理费": "Management fee", "辅料费": "Consumables", "包工费": "Subcontracting",
    "施救费": "Recovery", "其他费用": "Other fees",
    "现金": "Cash", "银行卡": "Bank card", "微信": "WeChat", "支付宝": "Alipay",
    "转账": "Bank transfer", "会员储值": "Member balance",
    "保养": "Maintenance", "维修": "Repair", "钣喷": "Body and paint", "事故": "Accident",
    "机修": "Mechanical", "电器": "Electrical", "钣金": "Body", "喷漆": "Paint",
    "待修": "Waiting", "完工": "Done", "待备料": "Requested", "已预留": "Reserved",
    "已领料": "Issued", "已退料": "Returned", "已换件": "Exchanged",
    "待报价": "To be priced", "待确认": "To be approved", "已确认": "Approved",
    "客户拒绝": "Declined", "电话": "Phone", "到店": "Walk-in",
    "已预约": "Booked", "已到店": "Arrived", "未到店": "No-show",
    # settlement slip, receipt, gate pass
    "日期": "Date", "工时": "Labour", "配件": "Parts", "未收款": "Unpaid",
    "挂账（已审批）": "On account (approved)", "已结清": "Paid in full", "未结清": "Outstanding",
    "应收工时费": "Labour (list)", "实收工时费": "Labour (net)",
    "应收材料费": "Materials (list)", "实收材料费": "Materials (net)",
    "合计金额": "Total", "已收金额": "Received", "欠收金额": "Outstanding",
    "本次收款": "Paid now", "类别": "Kind", "编号": "Code", "名称": "Name",
    "工时/数量": "Hours / qty", "单价": "Unit price", "金额": "Amount", "优惠": "Discount",
    "实收": "Net", "付费方": "Payer", "合计（大写）": "Total in words",
    "结算明细": "Settlement lines", "收款记录": "Payments",
    "客户确认：以上维修项目已完工，车辆已验收，费用无误。本单据为结算凭证，请妥善保管。":
        "Customer's confirmation: the work above is done, the vehicle has been inspected and "
        "the charges are correct. Keep this slip as the record of the settlement.",
    "结算单": "Settlement slip", "客户签字：________________": "Customer's signature: ________________",
    "谢谢惠顾，欢迎再次光临！": "Thank you for your visit!",
    "本证仅限当次出厂有效，门卫核对车牌与车架号后收回存档。":
        "Valid for this exit only; the gatekeeper checks the plate and VIN and keeps this pass.",
    "出门证": "Gate pass", "发动机号": "Engine no.", "结算时间": "Settled at",
    "发票号": "Invoice no.", "预结算": "Pre-settled at", "收款状态": "Payment status",
    "客户应付（大写）": "Customer pays, in words", "付款方式": "Method", "参考号": "Reference",
    "时间": "Time", "收银员": "Cashier", "客户签字": "Customer's signature",
    "服务顾问": "Service advisor", "门卫": "Gatekeeper", "车牌号": "Plate", "车型": "Model",
    "进厂": "Entry", "里程": "Mileage", "结算": "Settlement", "状态": "State",
    "出门证号": "Gate pass no.", "工单号": "Work order", "颜色": "Colour",
    "开具时间": "Issued at", "开具人": "Issued by", "放行时间": "Released at",
    "未上牌": "No plate", "进厂时间": "Entry time", "进厂里程": "Mileage at entry",
    "业务类型": "Business type", "预计交车": "Promised", "预估金额": "Estimate",
    "销售方（开票信息）": "Seller (invoice details)", "纳税人识别号": "Taxpayer ID",
    "地址、电话": "Address and phone", "开户行及账号": "Bank and account",
    # labels
    "配件标签": "Part labels", "未设库位": "no bin", "仓库": "Warehouse", "库位": "Bin",
    # check-in
    "划痕": "Scratch", "凹陷": "Dent", "裂纹": "Crack", "掉漆": "Paint chip", "破损": "Broken",
    "锈蚀": "Rust", "缺失": "Missing", "其他": "Other", "签字": "signature", "当面": "in person",
    "前保险杠": "Front bumper", "发动机盖": "Bonnet", "前挡风玻璃": "Windscreen", "车顶": "Roof",
    "后挡风玻璃": "Rear window", "行李箱盖": "Boot lid", "后保险杠": "Rear bumper",
    "左前翼子板": "Left front wing", "左前门": "Left front door", "左后门": "Left rear door",
    "左后翼子板": "Left rear wing", "右前翼子板": "Right front wing", "右前门": "Right front door",
    "右后门": "Right rear door", "右后翼子板": "Right rear wing", "左后视镜": "Left mirror",
    "右后视镜": "Right mirror", "左前轮": "Left front wheel", "右前轮": "Right front wheel",
    "左后轮": "Left rear wheel", "右后轮": "Right rear wheel",
    "预约确认单": "Appointment confirmation", "本估价单有效期：未设定。": "This estimate has no expiry date.",
    "车头": "Front", "外观检查（红点为损伤位置）": "Exterior check (red dots mark the damage)",
    "以上车辆状况经双方确认无误。车内贵重物品请客户自行带走，未登记物品本店不承担保管责任。维修中如需增加项目，本店将征得客户同意后方可施工。":
        "Both parties confirm the vehicle's condition above. Please take valuables with you; the "
        "store is not liable for items not recorded here. Added work is only done with the "
        "customer's approval.",
    "接车单（环检单）": "Check-in sheet (walk-around)", "（客户拒绝）": "(declined)",
    "维修项目（工时费）": "Jobs (labour)", "工时费合计": "Labour total",
    "材料费合计": "Materials total", "费用合计": "Fees total", "优惠合计": "Discounts total",
    "估价合计": "Estimate total", "客户应付": "Customer pays", "预留配件": "Reserved parts",
    "客户确认": "Customer's approval", "未记录": "not recorded", "序号": "No.", "部位": "Area",
    "损伤类型": "Damage", "说明": "Note", "无外观损伤记录": "No exterior damage recorded",
    "配件（材料费）": "Parts (materials)",
    "实际费用以结算单为准；维修中发现的新增项目，须经客户确认后方可施工。":
        "The settlement slip states the final charges; work found during the repair is only "
        "done with the customer's approval.",
    "预约号": "Appointment no.", "预约时间": "Booked for", "预约渠道": "Channel",
    "联系人": "Contact", "联系电话": "Contact phone", "预计工时": "Planned hours",
    "预约项目": "Requested work", "燃油": "Fuel", "送修人": "Brought in by",
    "客户描述（故障/需求）": "Customer's description (fault / request)",
    "车内贵重物品": "Valuables in the car", "随车证件/物品": "Documents / items with the car",
    "客户描述": "Customer's description", "备注": "Notes", "本店": "the store", "无": "None",
    "项目": "Item", "工种": "Trade", "应付": "Due", "零件编号": "Part no.",
    "零件名称": "Part name", "数量": "Qty", "单位": "Unit", "费用类型": "Fee",
    # job card, picking list, QC sheet
    "技师自检": "Technician's self-check", "班组长检验": "Team-lead check", "终检": "Final check",
    "工单项目全部完成，故障已排除": "All jobs done, the fault is cleared",
    "无漏油、漏水、漏气": "No oil, water or air leaks",
    "灯光、仪表、报警灯正常": "Lights, gauges and warning lamps normal",
    "轮胎气压、螺栓扭矩已检查": "Tyre pressures and wheel-nut torque checked",
    "路试正常（制动、转向、异响）": "Road test normal (brakes, steering, noises)",
    "旧件已按客户要求处理": "Old parts handled as the customer asked",
    "车内外清洁，三件套已取下": "Car clean inside and out, seat covers removed",
    "车内无遗留工具、物品": "No tools or items left in the car",
    "维修项目": "Jobs", "工位": "Bay", "技师": "Technician", "标准工时": "Standard hours",
    "派工工时": "Billed hours", "实际工时": "Clocked hours", "计划时间": "Planned",
    "自检": "Self-check", "组长检": "Lead check", "派工项目": "Dispatched jobs",
    "施工要求：按标准工时作业，发现增项须报服务顾问经客户同意后施工；完工后逐项自检并勾选。":
        "Work to the standard hours; report added work to the service advisor and start it only "
        "after the customer approves; self-check and tick each job when done.",
    "派工单": "Job card", "条码": "Barcode", "零件编号 / 名称": "Part no. / name",
    "需求": "Needed", "已领": "Issued", "待领": "To issue", "领料明细": "Parts to issue",
    "扫码领料：请扫描零件条码出库，数量以“待领”为准；未用完的配件请及时退料。":
        "Scan each part's barcode to issue it, up to the quantity under \u201cTo issue\u201d; "
        "return unused parts promptly.",
    "领料单": "Picking list", "维修项目检验": "Job checks", "通用检查项目": "General checks",
    "质量检验单": "QC sheet", "所需配件": "Parts needed", "派工员": "Dispatcher",
    "维修技师": "Technician", "质检员": "QC inspector", "本工单无配件": "No parts on this order",
    "领料人": "Received by", "仓库管理员": "Warehouse clerk", "检验记录": "Inspection record",
    "班组长": "Team lead", "终检员": "Final inspector",
    "客户描述 / 故障现象": "Customer's description / symptoms", "合格": "Pass",
    "不合格": "Fail", "（增项）": "(added)", "检查项目": "Check", "关联项目": "Job",
    "级别": "Level", "检验员": "Inspector", "结论": "Result", "原因": "Reason",
    "返工责任人": "Rework by",
    # transfer note
    "调拨单": "Transfer note", "在途": "In transit", "已入库": "Booked in", "调出": "From",
    "调入": "To", "调拨单号": "Transfer no.", "发出时间": "Sent at", "经办人": "Sent by",
    "入库时间": "Booked in at", "入库人": "Booked in by", "调拨明细": "Parts transferred",
    "调出库位": "From bin", "调入库位": "To bin", "实收数量": "Qty received", "合计": "Total",
    "发货人": "Sender", "运送人": "Carrier", "收货人": "Receiver",
    "收货时请在配件前台扫描本单条码，核对实物与数量后入库；如有差异，请在“实收数量”栏写明，由发货人与收货人签字确认。":
        "On arrival, scan this note's barcode at the parts counter and check the parts and "
        "quantities before booking them in; where they differ, write the quantity received under "
        "\u201cQty received\u201d and have the sender and the receiver sign.",
}

# Templates of the documents' sentences and label-value lines ({fields} filled afterwards).
EN.update({
    "地址：{value}": "Address: {value}", "电话：{value}": "Phone: {value}",
    "纳税人识别号：{value}": "Taxpayer ID: {value}",
    "第 {page} 页 / 共 {total} 页": "Page {page} of {total}",
    "{payer}承担": "paid by {payer}", "人民币 {amount}": "RMB {amount}",
    "按付款方式：{methods}": "By method: {methods}", "结算：{when}": "Settled: {when}",
    "发票：{number}": "Invoice: {number}", " 优惠 {amount}": " discount {amount}",
    "合计（大写）：人民币 {amount}": "Total in words: RMB {amount}",
    "客户应付（大写）：人民币 {amount}": "Customer pays, in words: RMB {amount}",
    "收银员：{name}": "Cashier: {name}", "结算单 {number}": "Settlement slip {number}",
    "兹有车牌号 {plate} 的车辆已完成维修并办理结算手续，准予出厂。":
        "The vehicle with plate {plate} has been repaired and settled, and may leave the store.",
    "出门证号：{number}": "Gate pass no.: {number}", "状态：{state}": "State: {state}",
    "库位：{warehouse} {bin}": "Bin: {warehouse} {bin}",
    "编号：{code}    单位：{unit}": "Code: {code}    Unit: {unit}",
    " 等{n}种": " and {n} more", "库位 {bin}": "Bin {bin}",
    "仓库：{name}（{code}）": "Warehouse: {name} ({code})", "登记：{when}": "Booked: {when}",
    "{hours} 小时": "{hours} h",
    "请于预约时间准时到店，并携带行驶证及保养手册。如需变更或取消预约，请提前致电{phone}。预约车辆可优先接待，所需配件已为您预留。":
        "Please come at the booked time with the vehicle licence and the service book. To "
        "change or cancel, call {phone} in advance. Booked cars are received first, and the "
        "parts they need are reserved.",
    "进厂：{when}": "Entry: {when}",
    "客户签字（屏幕签名，{when}）": "Customer's signature (signed on screen, {when})",
    "本估价单有效期至 {day}。": "This estimate is valid until {day}.",
    "客户确认：{name}（{how}） {when}": "Approved by the customer: {name} ({how}) {when}",
    "维修估价单（第 {version} 版）": "Repair estimate (version {version})",
    "出具：{when}": "Issued: {when}", "派工员：{names}    ": "Dispatcher: {names}    ",
    "班组长：{names}    ": "Team lead: {names}    ", "预计交车：{when}": "Promised: {when}",
    "完工：{when}": "Completed: {when}", "{name}（{code}）": "{name} ({code})",
    "发出：{when}": "Sent: {when}", "{lines} 种": "{lines} parts",
})
