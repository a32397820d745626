"""The facts every work-order document prints, read once in the actor's store. No Qt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from dms.errors import NotFound
from dms.models import Customer, Settlement, Store, User, Vehicle, WorkOrder
from dms.reports.documents.base import BUSINESS, STATE, money, store_header, when
from dms.reports.documents.words import say


@dataclass(frozen=True)
class StoreInfo:
    name: str
    address: str | None
    phone: str | None
    logo_path: str | None
    # the seller's invoice details (开票信息); None where the store has not entered them
    invoice_name: str | None = None
    tax_id: str | None = None
    invoice_address_phone: str | None = None
    invoice_bank_account: str | None = None


@dataclass(frozen=True)
class OrderHead:
    store: StoreInfo
    id: int
    number: str
    state: str
    business_type: str
    entry_at: datetime
    mileage: int
    fuel_level: int | None
    complaint: str | None
    documents_kept: str | None
    valuables: str | None
    damage_marks: tuple[dict, ...]
    promised_at: datetime | None
    completed_at: datetime | None
    delivered_by: str | None
    delivered_by_phone: str | None
    estimated_amount: Decimal | None
    plate: str | None
    vin: str
    model: str
    colour: str | None
    engine_no: str | None
    customer: str
    mobile: str | None
    advisor: str


def store_info(s, store_id: int) -> StoreInfo:
    store = s.get(Store, store_id)
    return StoreInfo(store.name, store.address, store.phone, store.logo_path,
                     store.invoice_name, store.tax_id, store.invoice_address_phone,
                     store.invoice_bank_account)


def seller_fields(store: StoreInfo) -> list[tuple[str, str]]:
    """The seller's invoice details as a slip prints them (销售方); none if not entered."""
    if not (store.invoice_name and store.tax_id):
        return []
    return [("名称", store.invoice_name), ("纳税人识别号", store.tax_id),
            ("地址、电话", store.invoice_address_phone or ""),
            ("开户行及账号", store.invoice_bank_account or "")]


def order_id(db, actor, number: str) -> int:
    """The id of work order `number` in the actor's store; the invoice number printed on its
    settlement slip (what the cashier and the customer hold) finds the order as well."""
    key = (number or "").strip().upper()
    with db.reading() as s:
        found = s.scalar(select(WorkOrder.id).where(WorkOrder.store_id == actor.store_id,
                                                    WorkOrder.number == key))
        if found is None:
            found = s.scalar(select(Settlement.work_order_id).where(
                Settlement.store_id == actor.store_id, Settlement.invoice_no == key))
    if found is None:
        raise NotFound(what="Work order", key=number)
    return found


def _marks(raw: str | None) -> tuple[dict, ...]:
    try:
        marks = json.loads(raw) if raw else []
    except ValueError:
        marks = []
    return tuple(m for m in marks if isinstance(m, dict))


def order_head(db, actor, work_order_id: int) -> OrderHead:
    with db.reading() as s:
        order = s.get(WorkOrder, work_order_id)
        if order is None or order.store_id != actor.store_id:
            raise NotFound(what="Work order", key=work_order_id)
        vehicle, customer = s.get(Vehicle, order.vehicle_id), s.get(Customer, order.customer_id)
        advisor = s.get(User, order.advisor_id)
        model = " ".join(x for x in (vehicle.brand, vehicle.series, vehicle.model_code) if x)
        return OrderHead(
            store=store_info(s, order.store_id), id=order.id, number=order.number,
            state=order.state, business_type=order.business_type, entry_at=order.entry_at,
            mileage=order.entry_mileage, fuel_level=order.fuel_level, complaint=order.complaint,
            documents_kept=order.documents_kept, valuables=order.valuables,
            damage_marks=_marks(order.damage_marks), promised_at=order.promised_at,
            completed_at=order.completed_at, delivered_by=order.delivered_by_name,
            delivered_by_phone=order.delivered_by_phone,
            estimated_amount=order.estimated_amount, plate=vehicle.plate, vin=vehicle.vin,
            model=model, colour=vehicle.colour, engine_no=vehicle.engine_no,
            customer=customer.name, mobile=customer.mobile, advisor=advisor.display_name)


def header(head: OrderHead, title: str, *lines: str):
    return store_header(head.store, title, head.number,
                        say("状态：{state}").format(state=say(STATE.get(head.state, head.state))), *lines)


def vehicle_fields(head: OrderHead) -> list[tuple[str, str]]:
    """The order, car and customer block at the top of every work-order document."""
    return [("工单号", head.number), ("车牌号", head.plate or "未上牌"), ("VIN", head.vin),
            ("车型", head.model), ("客户", head.customer), ("电话", head.mobile or ""),
            ("服务顾问", head.advisor), ("进厂时间", when(head.entry_at)),
            ("进厂里程", f"{head.mileage:,} km"),
            ("业务类型", BUSINESS.get(head.business_type, head.business_type)),
            ("预计交车", when(head.promised_at)),
            ("预估金额", money(head.estimated_amount) if head.estimated_amount else "")]
