"""Step 4, estimate & work order (DESIGN §1, §2, §4). No Qt.

Lines are added, priced (through `dms.workshop.lines`) and removed while the order is received
or estimated; an estimate freezes them as a numbered version and the customer approves the
latest one. Declined work follows the vehicle as a Recommendation. The checks and line builders
here are shared with step 7's added work (`dms.workshop.added_work`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from dms import audit, clock, policy, validators
from dms.billing.pricing import FEE_KINDS
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.models import (Estimate, EstimateApproval, Fee, InsuranceClaim, LabourLine,
                        LabourOperation, Part, PartLine, PriceClass, Recommendation, Stock,
                        Warehouse, WorkOrder)
from dms.parts import picking
from dms.permissions import allows
from dms.workshop import states as st
from dms.workshop.common import (Changed, Joined, changed, load_order, move, read_along,
                                 take_along, touch)
from dms.workshop.dispatch import require_staff
from dms.workshop.signatures import signature_json
from dms.workshop.lines import (billable_lines, insurance_claim, kept_pct, line_payer,
                                member_discounts, order_totals, part_names, plain, price, snapshot,
                                WITH_DISCOUNTS)

TRADES = ("maintenance", "mechanical", "electrical", "body", "paint")
METHODS = ("signature", "phone", "in_person")
# Why the customer declined work (with a note in their words; "other" needs the note).
DECLINE_REASONS = ("price", "later", "elsewhere", "not_needed", "time", "other")
FREE_TEXT_CODE = "MISC"  # labour typed in by hand, not from the catalogue
_EDITABLE = (st.RECEIVED, st.ESTIMATED)  # once AUTHORIZED, lines change only as added work


@dataclass(frozen=True)
class EstimateResult:
    changed: Changed
    estimate_id: int
    version: int
    total: Decimal
    customer_share: Decimal
    shares: dict[str, Decimal]


@dataclass(frozen=True)
class ApprovalResult:
    changed: Changed
    recommendation_ids: tuple[int, ...] = ()


# --- checks ------------------------------------------------------------------------------

def open_order(s, actor, wo_id, expected_version, action: str, allowed=_EDITABLE,
               permission: str = "estimate.edit", catalogue: tuple = (), guarded=None):
    """The order, once the actor's role (`permission`) and the order's state allow `action`
    (role first); the customer's member discounts are read with it, for pricing lines, and the
    catalogue row `catalogue` (model, code) names, if any (`_by_code` finds it)."""
    also, params = WITH_DISCOUNTS, None
    if catalogue and catalogue[1]:
        also = also | _CATALOGUE[catalogue[0]]
        params = {"dms_code": catalogue[1].strip().upper()}
    order = load_order(s, actor, wo_id, expected_version, permission=permission, also=also,
                       guarded=guarded, params=params)
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return order


# The field each number names in a bound error, and its bound (dms.validators).
_NUMBERS = {"estimate.hours": ("hours", validators.MAX_HOURS),
            "estimate.qty": ("quantity", validators.MAX_QUANTITY),
            "estimate.discount": ("percentage", Decimal(100)),
            "estimate.fee_amount": ("amount", validators.MAX_AMOUNT),
            "estimate.assessed_amount": ("amount", validators.MAX_AMOUNT),
            "estimate.deductible": ("amount", validators.MAX_AMOUNT)}


def number(value, code: str, places: int = 2, *, positive: bool = True) -> Decimal:
    """A typed-in number, exact and quantised to what its column keeps; floats are refused."""
    field, maximum = _NUMBERS.get(code, ("amount", validators.MAX_AMOUNT))
    return validators.number(value, code, field, places=places, maximum=maximum,
                             allow_minimum=not positive)


def text(value, code: str, limit: int) -> str:
    return validators.limited_text(value, code, limit)


def manual_pct(s, actor, value, payer: str,
               approved_by=None) -> tuple[Decimal | None, int | None]:
    """The manual discount and who approved it: within the actor's role limit (a store
    setting, `dms.policy`) it is the actor's own; above it `approved_by`, a manager signed in at
    the desk whose own limit covers it, is recorded with the line."""
    if value is None:
        return None, None
    pct = number(value, "estimate.discount", positive=False)
    if pct > 100:
        raise ValidationError("estimate.discount", "A discount is between 0 and 100 %.")
    if payer != "customer" and pct:  # warranty, insurance and internal pay list price
        raise ValidationError("estimate.discount_payer", "Only customer-paid lines are discounted.")
    limit = policy.discount_limit(s, actor)
    if pct <= limit:
        return pct or None, None
    if (approved_by is None or not allows(s, approved_by, "discount.approve")
            or pct > policy.discount_limit(s, approved_by)):
        raise ValidationError("estimate.discount_limit", "A discount above {limit} % needs a "
                              "manager's approval.", limit=limit, pct=pct)
    return pct, approved_by.id


def approver_name(approved_by_name: str, method: str) -> str:
    if method not in METHODS:
        raise ValidationError("estimate.method", "Unknown approval method {method}.", method=method)
    return text(approved_by_name, "estimate.approved_by", 60)


# --- catalogue -------------------------------------------------------------------------------

# For `open_order(catalogue=...)`: the catalogue row of the code "dms_code", read with the order.
_CATALOGUE = {model: {model.__tablename__: Joined(model, (model.store_id == WorkOrder.store_id)
                                                  & (model.code == bindparam("dms_code")))}
              for model in (LabourOperation, Part)}


# SQLite, for `open_order(catalogue=(Part, code), guarded=...)`: the part's stock row with the
# most free stock in the order's store (`dms.parts.stock.most_free`), with the order's locking
# read (BEGIN IMMEDIATE made this the only writer); PostgreSQL locks it in a read of its own.
_FREER = aliased(Stock)
_FREE_STOCK = {"free_stock": Joined(Stock, Stock.id == select(_FREER.id).join(
    Warehouse, Warehouse.id == _FREER.warehouse_id).where(
    _FREER.part_id == Part.id, Warehouse.store_id == WorkOrder.store_id).order_by(
    (_FREER.on_hand - _FREER.reserved).desc(), _FREER.id).limit(1).scalar_subquery())}


def _by_code(s, model, store_id: int, code: str, what: str, order=None):
    """The catalogue row; the one `open_order` read with `order` (for this code: the command
    asks once, for the code it gave) if there is one."""
    key = code.strip().upper()
    found = take_along(s, model.__tablename__, order.id) if order else None
    row = found[0] if found is not None else s.scalars(
        select(model).where(model.store_id == store_id, model.code == key)).first()
    if row is None:
        raise NotFound(what=what, key=code)
    return row


def operation(s, actor, code: str | None, order=None) -> LabourOperation | None:
    """The catalogue operation, with its price class (one read, or none with `order`'s)."""
    return _by_code(s, LabourOperation, actor.store_id, code, "Labour operation",
                    order) if code else None


def _first(*values):
    return next((v for v in values if v is not None), None)


def valid_trade(trade) -> str:
    if trade not in TRADES:
        raise ValidationError("estimate.trade", "Unknown trade {trade}.", trade=trade)
    return trade


def price_class(s, store_id: int, code: str | None, default_id: int | None = None) -> PriceClass:
    if code:
        return _by_code(s, PriceClass, store_id, code, "Price class")
    if default_id is not None:
        return s.get(PriceClass, default_id)
    # A hand-typed job with no class given bills at the store's first class (标准 in the demo).
    return s.scalars(select(PriceClass).where(PriceClass.store_id == store_id)
                     .order_by(PriceClass.code)).first()


def audit_order(s, actor, order, action: str, **data) -> None:
    touch(order, actor)
    audit.record(s, actor, "work_order", order.id, action, **data)


# --- lines ----------------------------------------------------------------------------------

# For `open_order(guarded=...)`: the order's last job number, for the job a command adds.
LAST_SEQ = {"last_seq": (select(func.max(LabourLine.seq))
                         .where(LabourLine.work_order_id == WorkOrder.id).scalar_subquery(),)}


def labour_line(s, order, op, price_class_code=None, **values) -> LabourLine:
    """The next job on `order`: from catalogue operation `op` (its defaults) or typed in."""
    pc = (op.price_class if op and not price_class_code
          else price_class(s, order.store_id, price_class_code))
    last = take_along(s, "last_seq", order.id)  # read with the order (`LAST_SEQ`)
    last = s.scalar(select(func.max(LabourLine.seq)).where(
        LabourLine.work_order_id == order.id)) if last is None else last[0]
    seq = (last or 0) + 1
    defaults = dict(operation_id=op.id, code=op.code, name=op.name, trade=op.trade,
                    standard_hours=op.standard_hours) if op else dict(code=FREE_TEXT_CODE)
    return LabourLine(work_order_id=order.id, seq=seq, price_class_id=pc.id, rate=pc.hourly_rate,
                      **(defaults | values))


def _save(s, actor, order, line, action: str, **data) -> Changed:
    s.add(line)
    touch(order, actor)
    done = changed(s, order)  # one flush writes the line and the order; the entry names the line
    audit.record(s, actor, "work_order", order.id, action, line_id=line.id, **data)
    return done


def add_labour(db, actor, work_order_id: int, operation_code: str | None = None, *, name=None,
               trade=None, standard_hours=None, billed_hours=None, price_class_code=None,
               payer=None, discount_pct=None, technician_id=None, discount_approved_by=None,
               expected_version: int | None = None) -> Changed:
    """A job from the catalogue (its defaults) or typed in; payer defaults by business type.
    `discount_approved_by`: the manager (CurrentUser) allowing a discount above the limit."""
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "add_labour",
                           catalogue=(LabourOperation, operation_code), guarded=LAST_SEQ)
        op = operation(s, actor, operation_code, order)
        std = number(_first(standard_hours, op and op.standard_hours, billed_hours),
                     "estimate.hours")
        if technician_id is not None:
            require_staff(s, actor, technician_id, "technician", "dispatch.technician")
        line = labour_line(s, order, op, price_class_code, standard_hours=std,
                           name=text(name or (op and op.name), "estimate.labour_name", 100),
                           trade=valid_trade(trade or (op and op.trade)),
                           payer=line_payer(order, payer),
                           billed_hours=number(_first(billed_hours, std), "estimate.hours"),
                           technician_id=technician_id)
        price(line, member_discounts(s, order),
              *manual_pct(s, actor, discount_pct, line.payer, discount_approved_by))
        return _save(s, actor, order, line, "add_labour", code=line.code, net=line.net,
                     discount_approved_by=line.discount_approved_by_id)


def new_part_line(s, order, part_code: str, qty, payer, **fields) -> PartLine:
    part = _by_code(s, Part, order.store_id, part_code, "Part", order)
    if not part.active:
        raise ValidationError("estimate.part_inactive", "Part {part} is no longer sold.",
                              part=part.code)
    return PartLine(work_order_id=order.id, part_id=part.id, qty=number(qty, "estimate.qty", 3),
                    unit=part.unit, unit_price=part.sale_price, payer=line_payer(order, payer),
                    **fields)


def add_part(db, actor, work_order_id: int, part_code: str, qty, payer=None, discount_pct=None,
             labour_line_seq: int | None = None, discount_approved_by=None,
             expected_version: int | None = None) -> Changed:
    """A part at its catalogue sale price, optionally tied to the job (by its seq) that fits it."""
    with db.transaction() as s:
        serialised = s.get_bind().dialect.name == "sqlite"
        order = open_order(s, actor, work_order_id, expected_version, "add_part",
                           catalogue=(Part, part_code), guarded=_FREE_STOCK if serialised else None)
        job_id = None
        if labour_line_seq is not None:
            job_id = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == order.id,
                                                          LabourLine.seq == labour_line_seq))
            if job_id is None:
                raise ValidationError("estimate.unknown_line", "No job {seq} on this order.",
                                      seq=labour_line_seq)
        line = new_part_line(s, order, part_code, qty, payer, labour_line_id=job_id)
        price(line, member_discounts(s, order),
              *manual_pct(s, actor, discount_pct, line.payer, discount_approved_by))
        s.add(line)
        # held from now on, or a purchase need raised; written with the order (`_save`)
        picking.reserve_line(s, actor, line, written=False,
                             free=read_along(s, "free_stock", order.id) if serialised else None)
        return _save(s, actor, order, line, "add_part", part_id=line.part_id, qty=line.qty,
                     net=line.net, discount_approved_by=line.discount_approved_by_id)


def add_fee(db, actor, work_order_id: int, kind: str, amount, payer=None, description=None,
            expected_version: int | None = None) -> Changed:
    """Management, auxiliary material, subcontract, rescue/towing or other: never discounted."""
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "add_fee")
        if kind not in FEE_KINDS:
            raise ValidationError("estimate.fee_kind", "Unknown fee kind {kind}.", kind=kind)
        fee = Fee(work_order_id=order.id, kind=kind, amount=number(amount, "estimate.fee_amount"),
                  payer=line_payer(order, payer),
                  description=text(description, "estimate.fee_description", 100)
                  if description else None)
        return _save(s, actor, order, fee, "add_fee", kind=kind, amount=fee.amount)


def remove_line(db, actor, work_order_id: int, kind: str, line_id: int,
                expected_version: int | None = None) -> Changed:
    """Before authorisation only; parts tied to a removed job stay, untied."""
    model = {"labour": LabourLine, "part": PartLine, "fee": Fee}.get(kind)
    if model is None:
        raise ValidationError("estimate.line_kind", "Unknown line kind {kind}.", kind=kind)
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "remove_line")
        line = s.get(model, line_id)
        if line is None or line.work_order_id != order.id:
            raise NotFound(what=f"{kind} line", key=line_id)
        if kind == "labour":
            for part in s.scalars(select(PartLine).where(PartLine.labour_line_id == line.id)):
                part.labour_line_id = None
            s.flush()
        if kind == "part":
            picking.release_line(s, actor, line, removing=True)
        s.delete(line)
        audit_order(s, actor, order, "remove_line", kind=kind, line_id=line_id)
        return changed(s, order)


def set_insurance_claim(db, actor, work_order_id: int, insurer: str, report_no: str,
                        assessed_amount, deductible, payer_company=None, injury=False,
                        property_damage=False, towing=False,
                        expected_version: int | None = None) -> Changed:
    """The insurer's claim block; a later (supplementary) assessment replaces the figures."""
    allowed = _EDITABLE + st.WORKSHOP_STATES + (st.READY,)
    with db.transaction() as s:
        order = open_order(s, actor, work_order_id, expected_version, "set_insurance_claim",
                           allowed)
        write_claim(s, actor, order, insurer, report_no, assessed_amount, deductible,
                    payer_company, injury, property_damage, towing)
        return changed(s, order)


def write_claim(s, actor, order, insurer: str, report_no: str, assessed_amount, deductible,
                payer_company=None, injury=False, property_damage=False, towing=False) -> None:
    """The claim block inside the caller's transaction (a check-in writes it with the order)."""
    if order.business_type != "insurance":
        raise ValidationError("estimate.not_insurance", "Only an insurance order has a claim.")
    values = dict(insurer=text(insurer, "estimate.insurer", 60),
                  report_no=text(report_no, "estimate.report_no", 40),
                  payer_company=text(payer_company, "estimate.payer_company", 60)
                  if payer_company else None,
                  assessed_amount=None if assessed_amount is None else
                  number(assessed_amount, "estimate.assessed_amount", positive=False),
                  deductible=number(deductible, "estimate.deductible", positive=False),
                  injury=bool(injury), property_damage=bool(property_damage),
                  towing=bool(towing))
    claim = insurance_claim(s, order)
    if claim is None:
        claim = InsuranceClaim(work_order_id=order.id)
        s.add(claim)
    for key, value in values.items():
        setattr(claim, key, value)
    audit_order(s, actor, order, "set_insurance_claim", **values)


# --- estimate and the customer's approval ------------------------------------------------------

def issue_estimate(db, actor, work_order_id: int, valid_days: int = 7,
                   expected_version: int | None = None) -> EstimateResult:
    """Price the lines with today's member discounts and freeze them as the next version."""
    if isinstance(valid_days, bool) or not isinstance(valid_days, int) or valid_days < 1:
        raise ValidationError("estimate.valid_days", "An estimate is valid for at least one day.")
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version, also=WITH_DISCOUNTS,
                           guarded=_LAST_VERSION)
        version = (read_along(s, "estimate_version", order.id)[0] or 0) + 1
        move(s, actor, order, "estimate", version=version)
        with s.no_autoflush:  # the order is written once, below, with its estimated amount
            labour, parts = billable_lines(s, order)
            if not (labour or parts):
                raise ValidationError("estimate.no_lines", "Add at least one job or part first.")
            discounts = member_discounts(s, order)
            for line in (*labour, *parts):
                price(line, discounts, kept_pct(line))
            totals = order_totals(s, order)
            lines = json.dumps(snapshot(s, order), ensure_ascii=False)
        estimate = Estimate(work_order_id=order.id, version=version, created_by_id=actor.id,
                            labour_total=totals.labour_net, parts_total=totals.material_net,
                            fees_total=totals.fees_total, total=totals.total,
                            customer_share=totals.customer_share,
                            valid_until=clock.now() + timedelta(days=valid_days), lines=lines)
        s.add(estimate)
        order.estimated_amount = totals.total
        s.flush()
        return EstimateResult(changed(s, order), estimate.id, version, totals.total,
                              totals.customer_share, dict(totals.shares))


def pick(labour, parts, ids: Mapping[str, Iterable[int]] | None, code: str):
    """The lines named by {"labour": [...], "part": [...]}, plus the parts tied to those jobs."""
    ids = {kind: set(v) for kind, v in (ids or {}).items()}
    pools = {"labour": {x.id for x in labour}, "part": {x.id for x in parts}}
    for kind, wanted in ids.items():
        if kind not in pools:
            raise ValidationError("estimate.line_kind", "Unknown line kind {kind}.", kind=kind)
        if wanted - pools[kind]:
            raise ValidationError(code, "Line {ids} cannot be chosen here.", kind=kind,
                                  ids=sorted(wanted - pools[kind]))
    jobs = [x for x in labour if x.id in ids.get("labour", ())]
    job_ids = {x.id for x in jobs}
    return jobs, [x for x in parts if x.id in ids.get("part", ()) or x.labour_line_id in job_ids]


@dataclass(frozen=True)
class DeclineReason:
    """Why the customer said no: one of DECLINE_REASONS and a note in their words."""

    reason: str
    note: str | None = None

    def checked(self) -> DeclineReason:
        if self.reason not in DECLINE_REASONS:
            raise ValidationError("estimate.decline_reason", "Choose why the customer declined.")
        note = text(self.note, "estimate.decline_note", 200) if (self.note or "").strip() else None
        if self.reason == "other" and note is None:
            raise ValidationError("estimate.decline_note_missing",
                                  "Say in a few words why the customer declined.")
        return DeclineReason(self.reason, note)


def decline(s, order, jobs, parts, why: DeclineReason | None = None) -> list[int]:
    """Declined lines stay on the order, never done or billed; each job (with its parts) or
    loose part becomes a recommendation shown at the vehicle's next reception, with why the
    customer declined it."""
    names = part_names(s, parts)
    job_ids = {j.id for j in jobs}
    wanted = [(j.name, j.net + sum((p.net for p in parts if p.labour_line_id == j.id), Decimal(0)))
              for j in jobs]
    wanted += [(f"{names[p.part_id].name} {names[p.part_id].code} ×{plain(p.qty)}", p.net)
               for p in parts if p.labour_line_id not in job_ids]
    for line in (*jobs, *parts):
        line.approval = "declined"
    for line in parts:  # what was held for them goes back to stock
        picking.release_line(s, None, line)
    recs = [Recommendation(store_id=order.store_id, vehicle_id=order.vehicle_id,
                           work_order_id=order.id, description=description[:200],
                           estimated_amount=amount or None, reason=why and why.reason,
                           reason_note=why and why.note) for description, amount in wanted]
    if recs:  # their ids; nothing else to write before the command's own flush
        s.add_all(recs)
        s.flush()
    return [r.id for r in recs]


# For `load_order(guarded=...)`: the order's last estimate version, and its latest estimate.
_LAST_VERSION = {"estimate_version": (select(func.max(Estimate.version)).where(
    Estimate.work_order_id == WorkOrder.id).scalar_subquery(),)}
_EARLIER = aliased(Estimate)  # the latest version: a subquery of its own
_LATEST = {"estimate": Joined(Estimate, (Estimate.work_order_id == WorkOrder.id) & (
    Estimate.version == select(func.max(_EARLIER.version)).where(
        _EARLIER.work_order_id == WorkOrder.id).scalar_subquery()))}


def approve_estimate(db, actor, work_order_id: int, approved_by_name: str, method: str,
                     declined_line_ids: Mapping[str, Iterable[int]] | None = None,
                     expected_version: int | None = None, signature=None,
                     why: DeclineReason | None = None) -> ApprovalResult:
    """The customer signs the latest estimate, possibly declining some jobs or parts (`why`:
    the reason, kept with the declined work). `signature`: strokes drawn on the screen
    (`dms.workshop.signatures`), kept with the approval and printed on the estimate."""
    signed = signature_json(signature) if signature else None
    why = why.checked() if why is not None else None
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version, guarded=_LATEST)
        move(s, actor, order, "approve", approved_by=approved_by_name, method=method)
        name = approver_name(approved_by_name, method)
        estimate = read_along(s, "estimate", order.id)[0]
        # Lines, discounts or the insurer's figures changed since: the customer has not seen it.
        if estimate is None or json.loads(estimate.lines) != snapshot(s, order):
            raise ValidationError("estimate.stale", "The lines changed after the last estimate; "
                                  "issue a new estimate first.")
        if estimate.valid_until < clock.now():
            raise ValidationError("estimate.expired", "The estimate was valid until {until}; "
                                  "issue a new estimate first.",
                                  until=estimate.valid_until.astimezone().strftime("%Y-%m-%d"))
        labour, parts = billable_lines(s, order)
        jobs, loose = pick(labour, parts, declined_line_ids, "estimate.unknown_line")
        if len(jobs) == len(labour) and len(loose) == len(parts):
            raise ValidationError("estimate.all_declined", "The customer declined every line; "
                                  "cancel the order instead.")
        rec_ids = decline(s, order, jobs, loose, why)
        picking.reserve_order(s, actor, order)  # what is still short, and the appointment's rest
        s.add(EstimateApproval(estimate_id=estimate.id, approved_by_name=name, method=method,
                               approved_at=clock.now(), recorded_by_id=actor.id,
                               declined_lines=json.dumps({"labour": [x.id for x in jobs],
                                                          "part": [x.id for x in loose]}),
                               signature=signed))
        return ApprovalResult(changed(s, order), tuple(rec_ids))
