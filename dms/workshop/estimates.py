"""Step 4, estimate & work order, and step 7's added work (DESIGN §1, §2, §4). No Qt.

Each line is priced when it is written, through `dms.billing.pricing`; an estimate freezes the
lines as a numbered version and the customer approves the latest one. Only lines whose approval
is "approved" are ever done or billed (`billable_lines`): declined work follows the vehicle as a
Recommendation, and work found during repair waits, with the order paused, until the customer
has agreed to its price.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select

from dms import audit, clock
from dms.billing.pricing import (FEE_KINDS, NO_DISCOUNTS, PAYERS, Discounts, FeeItem,
                                 InsuranceTerms, LabourItem, OrderTotals, PartItem, price_line,
                                 price_order)
from dms.errors import Forbidden, InvalidTransition, NotFound, ValidationError
from dms.models import (Estimate, EstimateApproval, Fee, InsuranceClaim, LabourLine,
                        LabourOperation, Membership, MembershipTier, Part, PartLine, PriceClass,
                        Recommendation, User)
from dms.workshop import states as st
from dms.workshop.common import Changed, changed, load_order, move, touch
from dms.workshop.dispatch import pause_order, resume_order

TRADES = ("maintenance", "mechanical", "electrical", "body", "paint")
METHODS = ("signature", "phone", "in_person")
FREE_TEXT_CODE = "MISC"  # labour typed in by hand, not from the catalogue
_DEFAULT_PAYER = {"warranty": "warranty", "insurance": "insurance", "internal": "internal"}
_EDITABLE = (st.RECEIVED, st.ESTIMATED)  # once AUTHORIZED, lines change only as added work
_REPAIRING = (st.IN_REPAIR, st.PAUSED)
_PENDING = ("proposed", "priced")
_WAITING_APPROVAL = "waiting_approval"


@dataclass(frozen=True)
class PricedLineView:
    id: int
    amount: Decimal
    discount_pct: Decimal
    discount: Decimal
    net: Decimal
    payer: str
    approval: str  # proposed, priced, approved, declined
    added_work: bool
    state: str


@dataclass(frozen=True)
class LabourView(PricedLineView):
    seq: int
    code: str
    name: str
    trade: str
    standard_hours: Decimal
    billed_hours: Decimal
    rate: Decimal
    technician_id: int | None


@dataclass(frozen=True)
class PartView(PricedLineView):
    part_id: int
    code: str
    name: str
    qty: Decimal
    unit: str
    unit_price: Decimal
    labour_line_id: int | None


@dataclass(frozen=True)
class FeeView:
    id: int
    kind: str
    description: str | None
    amount: Decimal
    payer: str


@dataclass(frozen=True)
class OrderLines:
    work_order_id: int
    version: int
    state: str
    labour: tuple[LabourView, ...]
    parts: tuple[PartView, ...]
    fees: tuple[FeeView, ...]
    totals: OrderTotals  # of the billable lines and fees, insurance terms applied


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


@dataclass(frozen=True)
class AddedWorkPrice:
    """The advisor's price for one proposed line (labour: hours and class; part: quantity)."""

    kind: str  # "labour" | "part"
    line_id: int
    billed_hours: Decimal | str | None = None  # default: the operation's standard hours
    price_class_code: str | None = None
    qty: Decimal | str | None = None
    payer: str | None = None
    discount_pct: Decimal | str | None = None


# --- checks ------------------------------------------------------------------------------

def _open(s, actor, wo_id, expected_version, action: str, allowed=_EDITABLE,
          roles: tuple[str, ...] = ("advisor",)):
    """The order, once the actor's role and the order's state allow `action` (role first)."""
    if not actor.has(*roles):
        raise Forbidden(action=action)
    order = load_order(s, actor, wo_id, expected_version)
    if order.state not in allowed:
        raise InvalidTransition(action=action, state=order.state)
    return order


def _number(value, code: str, places: int = 2, *, positive: bool = True) -> Decimal:
    """A typed-in number, exact and quantised to what its column keeps; floats are refused."""
    try:
        if isinstance(value, (float, bool)):
            raise TypeError
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except (TypeError, ValueError, InvalidOperation):
        raise ValidationError(code, "{value!r} is not an exact number.", value=value) from None
    if number < 0 or (positive and number == 0):
        raise ValidationError(code, "{value} is out of range.", value=number)
    return number


def _text(value, code: str, limit: int) -> str:
    text = (value or "").strip()
    if not text or len(text) > limit:
        raise ValidationError(code, "Enter a text of 1 to {limit} characters.", limit=limit)
    return text


def _payer(order, payer: str | None) -> str:
    payer = payer or _DEFAULT_PAYER.get(order.business_type, "customer")
    if payer not in PAYERS:
        raise ValidationError("estimate.payer", "Unknown payer {payer}.", payer=payer)
    return payer


def _manual_pct(value, payer: str) -> Decimal | None:
    if value is None:
        return None
    pct = _number(value, "estimate.discount", positive=False)
    if pct > 100:
        raise ValidationError("estimate.discount", "A discount is between 0 and 100 %.")
    if payer != "customer" and pct:  # warranty, insurance and internal pay list price
        raise ValidationError("estimate.discount_payer", "Only customer-paid lines are discounted.")
    return pct or None


def _method(approved_by_name: str, method: str) -> str:
    if method not in METHODS:
        raise ValidationError("estimate.method", "Unknown approval method {method}.", method=method)
    return _text(approved_by_name, "estimate.approved_by", 60)


# --- catalogue and pricing -----------------------------------------------------------------

def _by_code(s, model, store_id: int, code: str, what: str):
    row = s.scalars(select(model).where(model.store_id == store_id,
                                        model.code == code.strip().upper())).first()
    if row is None:
        raise NotFound(what=what, key=code)
    return row


def _operation(s, actor, code: str | None) -> LabourOperation | None:
    return _by_code(s, LabourOperation, actor.store_id, code, "Labour operation") if code else None


def _first(*values):
    return next((v for v in values if v is not None), None)


def _trade(trade) -> str:
    if trade not in TRADES:
        raise ValidationError("estimate.trade", "Unknown trade {trade}.", trade=trade)
    return trade


def _price_class(s, store_id: int, code: str | None, default_id: int | None = None) -> PriceClass:
    if code:
        return _by_code(s, PriceClass, store_id, code, "Price class")
    if default_id is not None:
        return s.get(PriceClass, default_id)
    # A hand-typed job with no class given bills at the store's first class (标准 in the demo).
    return s.scalars(select(PriceClass).where(PriceClass.store_id == store_id)
                     .order_by(PriceClass.code)).first()


def member_discounts(s, order) -> Discounts:
    """The discounts of the customer's highest active membership tier, if any."""
    today = clock.now().astimezone().date()
    tier = s.scalars(select(MembershipTier).join(Membership)
                     .where(Membership.customer_id == order.customer_id,
                            Membership.status == "active", Membership.joined_on <= today,
                            Membership.valid_until >= today)
                     .order_by(MembershipTier.level.desc()).limit(1)).first()
    return Discounts(tier.labour_discount_pct, tier.material_discount_pct) if tier else NO_DISCOUNTS


def _kept_pct(line) -> Decimal | None:
    # No column keeps the manual discount apart from the member one, so the applied percentage
    # is the floor when a line is priced again: re-pricing never takes a discount away.
    return line.discount_pct if line.payer == "customer" and line.discount_pct else None


def _item(line, manual=None) -> LabourItem | PartItem:
    if isinstance(line, LabourLine):
        return LabourItem(line.billed_hours, line.rate, line.payer, manual)
    return PartItem(line.qty, line.unit_price, line.payer, manual)


def _price(line, discounts: Discounts, manual=None) -> None:
    p = price_line(_item(line, manual), discounts)
    line.amount, line.discount_pct, line.discount, line.net = (p.amount, p.discount_pct,
                                                               p.discount, p.net)


def _lines(s, order):
    """Queried, not the relationships: those may not yet hold lines added in this session."""
    labour = s.scalars(select(LabourLine).where(LabourLine.work_order_id == order.id)
                       .order_by(LabourLine.seq)).all()
    parts = s.scalars(select(PartLine).where(PartLine.work_order_id == order.id)
                      .order_by(PartLine.id)).all()
    fees = s.scalars(select(Fee).where(Fee.work_order_id == order.id).order_by(Fee.id)).all()
    return labour, parts, fees


def is_billable(line) -> bool:
    """A job or part that may be clocked on, issued and billed: the customer agreed to it."""
    return line.approval == "approved"


def billable_lines(session, order) -> tuple[list[LabourLine], list[PartLine]]:
    labour, parts, _ = _lines(session, order)
    return [x for x in labour if is_billable(x)], [x for x in parts if is_billable(x)]


def _claim(s, order) -> InsuranceClaim | None:
    return s.scalars(select(InsuranceClaim).where(InsuranceClaim.work_order_id == order.id)).first()


def _totals(s, order) -> OrderTotals:
    labour, parts, fees = _lines(s, order)
    claim = _claim(s, order)
    terms = InsuranceTerms(claim.assessed_amount, claim.deductible) if claim else None
    return price_order([_item(x, _kept_pct(x)) for x in labour if is_billable(x)],
                       [_item(x, _kept_pct(x)) for x in parts if is_billable(x)],
                       [FeeItem(f.kind, f.amount, f.payer) for f in fees], insurance=terms)


def _part_names(s, parts) -> dict:
    ids = {p.part_id for p in parts}
    rows = s.execute(select(Part.id, Part.code, Part.name).where(Part.id.in_(ids)))
    return {r.id: r for r in rows}


def _views(s, order):
    labour, parts, fees = _lines(s, order)
    names = _part_names(s, parts)

    def view(cls, obj, **extra):
        own = {f.name: getattr(obj, f.name) for f in fields(cls) if f.name not in extra}
        return cls(**own, **extra)

    return (tuple(view(LabourView, x) for x in labour),
            tuple(view(PartView, x, code=names[x.part_id].code, name=names[x.part_id].name)
                  for x in parts),
            tuple(view(FeeView, x) for x in fees))


def _plain(value):
    return format(value.normalize(), "f") if isinstance(value, Decimal) else value


def _snapshot(s, order) -> dict:
    """The lines and payer shares as the customer sees them, in plain JSON types."""
    rows = {kind: [{k: _plain(v) for k, v in asdict(row).items()} for row in views]
            for kind, views in zip(("labour", "parts", "fees"), _views(s, order))}
    return rows | {"shares": {k: _plain(v) for k, v in _totals(s, order).shares.items()}}


def _audit(s, actor, order, action: str, **data) -> None:
    touch(order, actor)
    audit.record(s, actor, "work_order", order.id, action, **data)


# --- lines ----------------------------------------------------------------------------------

def _labour_line(s, order, op, price_class_code=None, **values) -> LabourLine:
    """The next job on `order`: from catalogue operation `op` (its defaults) or typed in."""
    pc = _price_class(s, order.store_id, price_class_code, op.price_class_id if op else None)
    seq = (s.scalar(select(func.max(LabourLine.seq))
                    .where(LabourLine.work_order_id == order.id)) or 0) + 1
    defaults = dict(operation_id=op.id, code=op.code, name=op.name, trade=op.trade,
                    standard_hours=op.standard_hours) if op else dict(code=FREE_TEXT_CODE)
    return LabourLine(work_order_id=order.id, seq=seq, price_class_id=pc.id, rate=pc.hourly_rate,
                      **(defaults | values))


def _save(s, actor, order, line, action: str, **data) -> Changed:
    s.add(line)
    s.flush()
    _audit(s, actor, order, action, line_id=line.id, **data)
    return changed(s, order)


def add_labour(db, actor, work_order_id: int, operation_code: str | None = None, *, name=None,
               trade=None, standard_hours=None, billed_hours=None, price_class_code=None,
               payer=None, discount_pct=None, technician_id=None,
               expected_version: int | None = None) -> Changed:
    """A job from the catalogue (its defaults) or typed in; payer defaults by business type."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "add_labour")
        op = _operation(s, actor, operation_code)
        std = _number(_first(standard_hours, op and op.standard_hours, billed_hours),
                      "estimate.hours")
        technician = s.get(User, technician_id) if technician_id is not None else None
        if technician_id is not None and getattr(technician, "store_id", None) != actor.store_id:
            raise NotFound(what="User", key=technician_id)
        line = _labour_line(s, order, op, price_class_code, standard_hours=std,
                            name=_text(name or (op and op.name), "estimate.labour_name", 100),
                            trade=_trade(trade or (op and op.trade)), payer=_payer(order, payer),
                            billed_hours=_number(_first(billed_hours, std), "estimate.hours"),
                            technician_id=technician_id)
        _price(line, member_discounts(s, order), _manual_pct(discount_pct, line.payer))
        return _save(s, actor, order, line, "add_labour", code=line.code, net=line.net)


def _new_part_line(s, order, part_code: str, qty, payer, **fields) -> PartLine:
    part = _by_code(s, Part, order.store_id, part_code, "Part")
    if not part.active:
        raise ValidationError("estimate.part_inactive", "Part {code} is no longer sold.",
                              code=part.code)
    return PartLine(work_order_id=order.id, part_id=part.id, qty=_number(qty, "estimate.qty", 3),
                    unit=part.unit, unit_price=part.sale_price, payer=_payer(order, payer),
                    **fields)


def add_part(db, actor, work_order_id: int, part_code: str, qty, payer=None, discount_pct=None,
             labour_line_seq: int | None = None, expected_version: int | None = None) -> Changed:
    """A part at its catalogue sale price, optionally tied to the job (by its seq) that fits it."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "add_part")
        job_id = None
        if labour_line_seq is not None:
            job_id = s.scalar(select(LabourLine.id).where(LabourLine.work_order_id == order.id,
                                                          LabourLine.seq == labour_line_seq))
            if job_id is None:
                raise ValidationError("estimate.unknown_line", "No job {seq} on this order.",
                                      seq=labour_line_seq)
        line = _new_part_line(s, order, part_code, qty, payer, labour_line_id=job_id)
        _price(line, member_discounts(s, order), _manual_pct(discount_pct, line.payer))
        return _save(s, actor, order, line, "add_part", part_id=line.part_id, qty=line.qty,
                     net=line.net)


def add_fee(db, actor, work_order_id: int, kind: str, amount, payer=None, description=None,
            expected_version: int | None = None) -> Changed:
    """Management, auxiliary material, subcontract, rescue/towing or other: never discounted."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "add_fee")
        if kind not in FEE_KINDS:
            raise ValidationError("estimate.fee_kind", "Unknown fee kind {kind}.", kind=kind)
        fee = Fee(work_order_id=order.id, kind=kind, amount=_number(amount, "estimate.fee_amount"),
                  payer=_payer(order, payer),
                  description=_text(description, "estimate.fee_description", 100)
                  if description else None)
        return _save(s, actor, order, fee, "add_fee", kind=kind, amount=fee.amount)


def remove_line(db, actor, work_order_id: int, kind: str, line_id: int,
                expected_version: int | None = None) -> Changed:
    """Before authorisation only; parts tied to a removed job stay, untied."""
    model = {"labour": LabourLine, "part": PartLine, "fee": Fee}.get(kind)
    if model is None:
        raise ValidationError("estimate.line_kind", "Unknown line kind {kind}.", kind=kind)
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "remove_line")
        line = s.get(model, line_id)
        if line is None or line.work_order_id != order.id:
            raise NotFound(what=f"{kind} line", key=line_id)
        if kind == "labour":
            for part in s.scalars(select(PartLine).where(PartLine.labour_line_id == line.id)):
                part.labour_line_id = None
            s.flush()
        s.delete(line)
        _audit(s, actor, order, "remove_line", kind=kind, line_id=line_id)
        return changed(s, order)


def set_insurance_claim(db, actor, work_order_id: int, insurer: str, report_no: str,
                        assessed_amount, deductible, payer_company=None, injury=False,
                        property_damage=False, towing=False,
                        expected_version: int | None = None) -> Changed:
    """The insurer's claim block; a later (supplementary) assessment replaces the figures."""
    allowed = _EDITABLE + st.WORKSHOP_STATES + (st.READY,)
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "set_insurance_claim",
                      allowed)
        if order.business_type != "insurance":
            raise ValidationError("estimate.not_insurance", "Only an insurance order has a claim.")
        values = dict(insurer=_text(insurer, "estimate.insurer", 60),
                      report_no=_text(report_no, "estimate.report_no", 40),
                      payer_company=_text(payer_company, "estimate.payer_company", 60)
                      if payer_company else None,
                      assessed_amount=None if assessed_amount is None else
                      _number(assessed_amount, "estimate.assessed_amount", positive=False),
                      deductible=_number(deductible, "estimate.deductible", positive=False),
                      injury=bool(injury), property_damage=bool(property_damage),
                      towing=bool(towing))
        claim = _claim(s, order)
        if claim is None:
            claim = InsuranceClaim(work_order_id=order.id)
            s.add(claim)
        for key, value in values.items():
            setattr(claim, key, value)
        _audit(s, actor, order, "set_insurance_claim", **values)
        return changed(s, order)


# --- estimate and the customer's approval ------------------------------------------------------

def issue_estimate(db, actor, work_order_id: int, valid_days: int = 7,
                   expected_version: int | None = None) -> EstimateResult:
    """Price the lines with today's member discounts and freeze them as the next version."""
    if isinstance(valid_days, bool) or not isinstance(valid_days, int) or valid_days < 1:
        raise ValidationError("estimate.valid_days", "An estimate is valid for at least one day.")
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version)
        version = (s.scalar(select(func.max(Estimate.version))
                            .where(Estimate.work_order_id == order.id)) or 0) + 1
        move(s, actor, order, "estimate", version=version)
        labour, parts = billable_lines(s, order)
        if not (labour or parts):
            raise ValidationError("estimate.no_lines", "Add at least one job or part first.")
        discounts = member_discounts(s, order)
        for line in (*labour, *parts):
            _price(line, discounts, _kept_pct(line))
        totals = _totals(s, order)
        estimate = Estimate(work_order_id=order.id, version=version, created_by_id=actor.id,
                            labour_total=totals.labour_net, parts_total=totals.material_net,
                            fees_total=totals.fees_total, total=totals.total,
                            customer_share=totals.customer_share,
                            valid_until=clock.now() + timedelta(days=valid_days),
                            lines=json.dumps(_snapshot(s, order), ensure_ascii=False))
        s.add(estimate)
        order.estimated_amount = totals.total
        s.flush()
        return EstimateResult(changed(s, order), estimate.id, version, totals.total,
                              totals.customer_share, dict(totals.shares))


def _pick(labour, parts, ids: Mapping[str, Iterable[int]] | None, code: str):
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


def _decline(s, order, jobs, parts) -> list[int]:
    """Declined lines stay on the order, never done or billed; each job (with its parts) or
    loose part becomes a recommendation shown at the vehicle's next reception."""
    names = _part_names(s, parts)
    job_ids = {j.id for j in jobs}
    wanted = [(j.name, j.net + sum((p.net for p in parts if p.labour_line_id == j.id), Decimal(0)))
              for j in jobs]
    wanted += [(f"{names[p.part_id].name} {names[p.part_id].code} ×{_plain(p.qty)}", p.net)
               for p in parts if p.labour_line_id not in job_ids]
    for line in (*jobs, *parts):
        line.approval = "declined"
    recs = [Recommendation(store_id=order.store_id, vehicle_id=order.vehicle_id,
                           work_order_id=order.id, description=text[:200],
                           estimated_amount=amount or None) for text, amount in wanted]
    s.add_all(recs)
    s.flush()
    return [r.id for r in recs]


def approve_estimate(db, actor, work_order_id: int, approved_by_name: str, method: str,
                     declined_line_ids: Mapping[str, Iterable[int]] | None = None,
                     expected_version: int | None = None) -> ApprovalResult:
    """The customer signs the latest estimate, possibly declining some jobs or parts."""
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version)
        move(s, actor, order, "approve", approved_by=approved_by_name, method=method)
        name = _method(approved_by_name, method)
        estimate = s.scalars(select(Estimate).where(Estimate.work_order_id == order.id)
                             .order_by(Estimate.version.desc()).limit(1)).first()
        # Lines, discounts or the insurer's figures changed since: the customer has not seen it.
        if estimate is None or json.loads(estimate.lines) != _snapshot(s, order):
            raise ValidationError("estimate.stale", "The lines changed after the last estimate; "
                                  "issue a new estimate first.")
        labour, parts = billable_lines(s, order)
        jobs, loose = _pick(labour, parts, declined_line_ids, "estimate.unknown_line")
        if len(jobs) == len(labour) and len(loose) == len(parts):
            raise ValidationError("estimate.all_declined", "The customer declined every line; "
                                  "cancel the order instead.")
        rec_ids = _decline(s, order, jobs, loose)
        s.add(EstimateApproval(estimate_id=estimate.id, approved_by_name=name, method=method,
                               approved_at=clock.now(), recorded_by_id=actor.id,
                               declined_lines=json.dumps({"labour": [x.id for x in jobs],
                                                          "part": [x.id for x in loose]})))
        return ApprovalResult(changed(s, order), tuple(rec_ids))


# --- added work (step 7) ------------------------------------------------------------------------

def propose_added_work(db, actor, work_order_id: int, description: str,
                       operation_code: str | None = None, part_codes: Iterable = (),
                       trade: str = "mechanical", expected_version: int | None = None) -> Changed:
    """A technician reports work found during repair; the order waits for the customer.

    `part_codes` holds codes (one each) or (code, qty) pairs. Nothing is priced yet."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "propose_added_work",
                      _REPAIRING, ("technician", "team_lead"))
        text = _text(description, "added_work.description", 100)
        op = _operation(s, actor, operation_code)
        pending = dict(approval="proposed", added_work=True, amount=Decimal(0), net=Decimal(0))
        job = _labour_line(s, order, op, billed_hours=Decimal(0), payer=_payer(order, None),
                           proposed_by_id=actor.id, **pending,
                           **({} if op else dict(name=text, trade=_trade(trade),
                                                 standard_hours=Decimal(0))))
        s.add(job)
        s.flush()
        for entry in part_codes:
            code, qty = (entry, 1) if isinstance(entry, str) else entry
            s.add(_new_part_line(s, order, code, qty, None, labour_line_id=job.id, **pending))
        if order.state == st.IN_REPAIR:
            pause_order(s, actor, order, _WAITING_APPROVAL)
        # Already paused (e.g. waiting for parts): it stays paused for that reason.
        _audit(s, actor, order, "propose_added_work", line_id=job.id, description=text)
        return changed(s, order)


def price_added_work(db, actor, work_order_id: int, prices: Iterable[AddedWorkPrice],
                     expected_version: int | None = None) -> Changed:
    """The advisor prices proposed lines like any other line, before asking the customer."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "price_added_work",
                      _REPAIRING)
        labour, parts, _ = _lines(s, order)
        pool = {("labour", x.id): x for x in labour if x.added_work and x.approval in _PENDING}
        pool |= {("part", x.id): x for x in parts if x.added_work and x.approval in _PENDING}
        prices = list(prices)
        if not prices:
            raise ValidationError("added_work.nothing_to_price", "Price at least one line.")
        discounts = member_discounts(s, order)
        for p in prices:
            line = pool.get((p.kind, p.line_id))
            if line is None:
                raise ValidationError("added_work.not_pending",
                                      "Line {id} is not waiting for a price.", id=p.line_id)
            line.payer = _payer(order, p.payer)
            if p.kind == "labour":
                pc = _price_class(s, actor.store_id, p.price_class_code, line.price_class_id)
                line.price_class_id, line.rate = pc.id, pc.hourly_rate
                line.billed_hours = _number(p.billed_hours if p.billed_hours is not None
                                            else line.standard_hours, "estimate.hours")
            elif p.qty is not None:
                line.qty = _number(p.qty, "estimate.qty", 3)
            _price(line, discounts, _manual_pct(p.discount_pct, line.payer))
            line.approval = "priced"
        _audit(s, actor, order, "price_added_work", lines=[[p.kind, p.line_id] for p in prices])
        return changed(s, order)


def approve_added_work(db, actor, work_order_id: int, approved_by_name: str, method: str,
                       approve: bool, line_ids: Mapping[str, Iterable[int]] | None = None,
                       expected_version: int | None = None) -> ApprovalResult:
    """Record the customer's answer on priced added work (all of it unless `line_ids` says);
    the order resumes once nothing waits for a price or an answer."""
    with db.transaction() as s:
        order = _open(s, actor, work_order_id, expected_version, "approve_added_work",
                      _REPAIRING)
        name = _method(approved_by_name, method)
        labour, parts, _ = _lines(s, order)
        priced = [x for x in labour if x.added_work and x.approval == "priced"]
        priced_parts = [x for x in parts if x.added_work and x.approval == "priced"]
        if line_ids is None:
            jobs, loose = priced, priced_parts
        else:
            jobs, loose = _pick(priced, priced_parts, line_ids, "added_work.not_priced")
        if not (jobs or loose):
            raise ValidationError("added_work.nothing_priced", "No priced added work to answer.")
        rec_ids = []
        if approve:
            for line in (*jobs, *loose):
                line.approval = "approved"
        else:
            rec_ids = _decline(s, order, jobs, loose)
        _audit(s, actor, order, "approve_added_work" if approve else "decline_added_work",
               approved_by=name, method=method, labour=[x.id for x in jobs],
               part=[x.id for x in loose])
        waiting = any(x.added_work and x.approval in _PENDING for x in (*labour, *parts))
        if not waiting and order.state == st.PAUSED and order.pause_reason == _WAITING_APPROVAL:
            resume_order(s, actor, order, "added_work_answered")
        return ApprovalResult(changed(s, order), tuple(rec_ids))


# --- read ------------------------------------------------------------------------------------

def order_lines(db, actor, work_order_id: int) -> OrderLines:
    """Every line with its amounts, payer and approval, and the totals of what is billable."""
    with db.reading() as s:
        order = load_order(s, actor, work_order_id, lock=False)
        labour, parts, fees = _views(s, order)
        return OrderLines(order.id, order.version, order.state, labour, parts, fees,
                          _totals(s, order))
