"""Membership cards (会员): tiers, the card's life (join, renew, upgrade, downgrade, quit, card
replacement, expiry), and the points ledger earned and redeemed at settlement.

- A customer holds at most one active card per store; tier changes keep the card (its points and
  stored balance) and write a `MembershipEvent` plus an audit entry.
- Earning: 1 point per whole yuan of money actually paid against the customer's share, per
  settle / pay_outstanding call: every payment except "points" (member balance counts, it is the
  customer's money). Warranty, insurance and internal shares are never paid by the customer, so
  never earn. Points go to the customer's active card; no card, no points.
- Redeeming: 100 points = ¥1.00 (1 point per fen), settlement payment method "points", drawn by
  one conditional update so the balance never goes negative.
- Upgrade: when the points ever earned (positive entries: redeeming never costs a tier) reach a
  higher tier's threshold, the card moves to the highest such tier in the same transaction
  (event "upgrade"); the next order priced gets its discounts (`lines.member_discounts`).
- Expiry: `expire_memberships` marks active cards with valid_until < today "expired".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_FLOOR, Decimal

from sqlalchemy import func, select, update

from dms import audit, clock, validators
from dms.errors import NotFound, ValidationError
from dms.models import Customer, Membership, MembershipEvent, MembershipTier, PointsEntry
from dms.permissions import require

POINTS_PER_YUAN_REDEEMED = 100  # 100 points pay ¥1.00


@dataclass(frozen=True)
class EventView:
    kind: str
    at: datetime
    from_tier: str | None
    to_tier: str | None
    fee: Decimal | None
    note: str | None


@dataclass(frozen=True)
class PointsView:
    at: datetime
    points: int
    reason: str
    work_order_id: int | None


@dataclass(frozen=True)
class MembershipView:
    id: int
    card_no: str
    tier_code: str
    tier_name: str
    status: str
    joined_on: date
    valid_until: date
    points_balance: int
    points_earned: int
    balance: Decimal
    labour_discount_pct: Decimal
    material_discount_pct: Decimal
    events: tuple[EventView, ...]
    points: tuple[PointsView, ...]


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def _today() -> date:
    return clock.now().astimezone().date()


def _tier(s, actor, code: str) -> MembershipTier:
    tier = s.scalars(select(MembershipTier).where(MembershipTier.store_id == actor.store_id,
                                                  MembershipTier.code == code)).first()
    if tier is None:
        raise NotFound(what="Membership tier", key=code)
    return tier


def _card(s, actor, membership_id: int, active: str | None = None) -> Membership:
    """The locked card; `active`: the action, refused unless the card is active."""
    s.execute(select(Membership.id).where(Membership.id == membership_id).with_for_update())
    card = s.get(Membership, membership_id)
    if card is None or card.store_id != actor.store_id:
        raise NotFound(what="Membership", key=membership_id)
    if active and card.status != "active":
        raise ValidationError("membership.not_active", "Card {card_no} is {status}; cannot "
                              "{action}.", card_no=card.card_no, status=card.status, action=active)
    return card


def _card_no(s, actor, card_no: str) -> str:
    number = (card_no or "").strip().upper()
    if not number or len(number) > 30:
        raise ValidationError("membership.card_no", "Enter the card number (at most 30).")
    taken = s.scalar(select(Membership.id).where(Membership.store_id == actor.store_id,
                                                 Membership.card_no == number))
    if taken is not None:
        raise ValidationError("membership.card_taken", "Card {card_no} is already in use.",
                              card_no=number)
    return number


def _event(s, actor, card: Membership, kind: str, from_tier=None, to_tier=None, fee=None,
           note=None, **data) -> None:
    if fee is not None:  # a typed-in fee: bounded like every amount
        fee = validators.number(fee, "membership.fee", "amount", places=2,
                                maximum=validators.MAX_AMOUNT)
    s.add(MembershipEvent(membership_id=card.id, kind=kind, from_tier_id=from_tier,
                          to_tier_id=to_tier, fee=fee, at=clock.now(), user_id=actor.id, note=note))
    audit.record(s, actor, "membership", card.id, kind, reason=note, card_no=card.card_no,
                 from_tier_id=from_tier, to_tier_id=to_tier, fee=fee, **data)


def join(db, actor, customer_id: int, tier_code: str, card_no: str,
         fee: Decimal | None = None) -> MembershipView:
    """Issue a card of `tier_code` (fee: the tier's unless given), valid for the tier's months."""
    with db.transaction() as s:
        require(s, actor, "membership.edit")
        customer = s.get(Customer, customer_id)
        if customer is None or customer.store_id != actor.store_id:
            raise NotFound(what="Customer", key=customer_id)
        held = s.scalars(select(Membership).where(Membership.store_id == actor.store_id,
                                                  Membership.customer_id == customer_id,
                                                  Membership.status == "active")).first()
        if held is not None:
            raise ValidationError("membership.exists", "The customer already holds card {card_no}.",
                                  card_no=held.card_no)
        tier = _tier(s, actor, tier_code)
        today = _today()
        card = Membership(store_id=actor.store_id, customer_id=customer_id, tier=tier,
                          card_no=_card_no(s, actor, card_no), joined_on=today,
                          valid_until=add_months(today, tier.validity_months), status="active")
        s.add(card)
        s.flush()
        _event(s, actor, card, "join", to_tier=tier.id, fee=tier.fee if fee is None else fee)
        return card_view(s, card)


def renew(db, actor, membership_id: int, fee: Decimal | None = None) -> MembershipView:
    """Extend by the tier's months from the later of today and the end; reactivates if expired."""
    with db.transaction() as s:
        require(s, actor, "membership.edit")
        card = _card(s, actor, membership_id)
        if card.status == "quit":
            raise ValidationError("membership.quit", "Card {card_no} was given up; join again.",
                                  card_no=card.card_no)
        start = max(card.valid_until, _today())
        card.valid_until, card.status = add_months(start, card.tier.validity_months), "active"
        _event(s, actor, card, "renew", card.tier_id, card.tier_id,
               card.tier.fee if fee is None else fee, valid_until=card.valid_until)
        return card_view(s, card)


def _move_tier(s, actor, card: Membership, tier: MembershipTier, kind: str, fee, note, **data):
    before = card.tier_id
    card.tier = tier
    if kind == "upgrade":  # a higher tier runs at least its own validity from today
        card.valid_until = max(card.valid_until, add_months(_today(), tier.validity_months))
    _event(s, actor, card, kind, before, tier.id, fee, note, **data)


def change_tier(db, actor, membership_id: int, tier_code: str, reason: str | None = None,
                fee: Decimal | None = None) -> MembershipView:
    """Upgrade (any membership role; fee: the new tier's unless given) or downgrade (manager, with
    a reason) the card to `tier_code`."""
    with db.transaction() as s:
        require(s, actor, "membership.edit")
        card = _card(s, actor, membership_id, "change the tier")
        tier = _tier(s, actor, tier_code)
        if tier.level == card.tier.level:
            raise ValidationError("membership.same_tier", "The card is already {tier}.",
                                  tier=tier.name)
        if tier.level > card.tier.level:
            _move_tier(s, actor, card, tier, "upgrade", tier.fee if fee is None else fee, reason)
        else:
            require(s, actor, "membership.downgrade")
            reason = validators.required_text(reason, "membership.reason_required", "reason")
            _move_tier(s, actor, card, tier, "downgrade", fee, reason)
        return card_view(s, card)


def quit_membership(db, actor, membership_id: int, reason: str) -> MembershipView:
    """退会: refused while stored value is left on the card (refund it first)."""
    with db.transaction() as s:
        require(s, actor, "membership.edit")
        card = _card(s, actor, membership_id)
        if card.status == "quit":
            raise ValidationError("membership.quit", "Card {card_no} was already given up.",
                                  card_no=card.card_no)
        if card.balance > 0:
            raise ValidationError("membership.balance_left",
                                  "{balance} is still on card {card_no}; refund it first.",
                                  balance=card.balance, card_no=card.card_no)
        card.status = "quit"
        _event(s, actor, card, "quit", card.tier_id, None, note=validators.text(reason, "reason"))
        return card_view(s, card)


def replace_card(db, actor, membership_id: int, new_card_no: str,
                 reason: str | None = None, fee: Decimal | None = None) -> MembershipView:
    """A lost or damaged card: the new number replaces the old one, which no longer finds the
    membership (the old number is kept in the event note)."""
    with db.transaction() as s:
        require(s, actor, "membership.edit")
        card = _card(s, actor, membership_id, "replace the card")
        old, card.card_no = card.card_no, _card_no(s, actor, new_card_no)
        reason = validators.text(reason, "reason")
        note = f"{old} → {card.card_no}" + (f": {reason}" if reason else "")
        _event(s, actor, card, "card_replacement", card.tier_id, card.tier_id, fee, note,
               old_card_no=old)
        return card_view(s, card)


def expire_memberships(db, actor, today: date | None = None) -> tuple[int, ...]:
    """Active cards whose validity ended before `today` become "expired" (event "expire")."""
    today = today or _today()
    with db.transaction() as s:
        require(s, actor, "membership.expire")
        cards = s.scalars(select(Membership).where(Membership.store_id == actor.store_id,
                                                   Membership.status == "active",
                                                   Membership.valid_until < today)
                          .order_by(Membership.id).with_for_update()).all()
        for card in cards:
            card.status = "expired"
            _event(s, actor, card, "expire", card.tier_id, None, valid_until=card.valid_until)
        return tuple(c.id for c in cards)


def find_card(db, actor, card_no: str) -> MembershipView:
    """The membership a card number names; a replaced number finds nothing."""
    with db.reading() as s:
        require(s, actor, "membership.read")
        card = s.scalars(select(Membership).where(
            Membership.store_id == actor.store_id,
            Membership.card_no == (card_no or "").strip().upper())).first()
        if card is None:
            raise NotFound(what="Card", key=card_no)
        return card_view(s, card)


def active_card(s, store_id: int, customer_id: int) -> Membership | None:
    """The card settlement uses: the customer's most recent active card (as member_balance)."""
    return s.scalars(select(Membership).where(
        Membership.store_id == store_id, Membership.customer_id == customer_id,
        Membership.status == "active").order_by(Membership.id.desc()).limit(1)).first()


def points_for(amount: Decimal) -> int:
    """Points earned for money paid: one per whole yuan."""
    return int(Decimal(amount).to_integral_value(ROUND_FLOOR)) if amount > 0 else 0


EARNED = ("settlement", "refund_taken_back")  # points earned, less those a refund took back


def earned_total(s, membership_id: int) -> int:
    return s.scalar(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.membership_id == membership_id, PointsEntry.reason.in_(EARNED)))


def earn_points(s, actor, order, paid: Decimal) -> int:
    """Credit the points for `paid` (money other than points) to the customer's active card,
    then upgrade the card if its points ever earned reach a higher tier. Returns the points."""
    card = active_card(s, order.store_id, order.customer_id)
    points = points_for(paid)
    if card is None or points <= 0:
        return 0
    s.execute(update(Membership).where(Membership.id == card.id)
              .values(points_balance=Membership.points_balance + points)
              .execution_options(synchronize_session="fetch"))
    s.add(PointsEntry(membership_id=card.id, at=clock.now(), points=points, reason="settlement",
                      work_order_id=order.id))
    s.flush()
    audit.record(s, actor, "membership", card.id, "earn_points", points=points, paid=paid,
                 work_order_id=order.id)
    _auto_upgrade(s, actor, card)
    return points


def _auto_upgrade(s, actor, card: Membership) -> None:
    earned = earned_total(s, card.id)
    best = s.scalars(select(MembershipTier).where(
        MembershipTier.store_id == card.store_id, MembershipTier.level > card.tier.level,
        MembershipTier.points_threshold > 0, MembershipTier.points_threshold <= earned)
        .order_by(MembershipTier.level.desc()).limit(1)).first()
    if best is not None:
        _move_tier(s, actor, card, best, "upgrade", None, f"points {earned}", points_earned=earned)


def _paying_card(s, order) -> Membership:
    card = active_card(s, order.store_id, order.customer_id)
    if card is None:
        raise ValidationError("settlement.no_membership",
                              "The customer has no active membership card to pay from.")
    return card


def _draw(s, card: Membership, column, amount) -> bool:
    """One atomic conditional update (integers, exact): a card's balance can never go negative,
    even when two seats draw from the same card at once."""
    return s.execute(update(Membership).where(Membership.id == card.id, column >= amount)
                     .values({column: column - amount})
                     .execution_options(synchronize_session="fetch")).rowcount == 1


def draw_balance(s, actor, order, amount: Decimal) -> None:
    """Pay `amount` from the stored value on the customer's active card (settlement)."""
    card = _paying_card(s, order)
    if not _draw(s, card, Membership.balance, amount):
        raise ValidationError("settlement.member_balance_insufficient",
                              "The membership balance is {balance}; {amount} cannot be drawn.",
                              balance=card.balance, amount=amount)
    audit.record(s, actor, "membership", card.id, "balance_payment", amount=amount,
                 work_order_id=order.id)


def redeem_points(s, actor, order, amount: Decimal) -> int:
    """Draw the points paying `amount` (100 points per yuan) from the customer's active card;
    refused when the card holds fewer. Returns the points drawn."""
    points = int(Decimal(amount) * POINTS_PER_YUAN_REDEEMED)
    card = _paying_card(s, order)
    if not _draw(s, card, Membership.points_balance, points):
        raise ValidationError("settlement.points_insufficient",
                              "The card holds {balance} points; {points} are needed for {amount}.",
                              balance=card.points_balance, points=points, amount=amount)
    s.add(PointsEntry(membership_id=card.id, at=clock.now(), points=-points, reason="redeem",
                      work_order_id=order.id))
    audit.record(s, actor, "membership", card.id, "redeem_points", points=points, amount=amount,
                 work_order_id=order.id)
    return points


def refund_to_card(s, actor, order, balance: Decimal, points: int) -> None:
    """A refund gives back what was paid from the card: stored value and redeemed points."""
    card = _paying_card(s, order)
    s.execute(update(Membership).where(Membership.id == card.id)
              .values(balance=Membership.balance + balance,
                      points_balance=Membership.points_balance + points)
              .execution_options(synchronize_session="fetch"))
    if points:
        s.add(PointsEntry(membership_id=card.id, at=clock.now(), points=points,
                          reason="refund_returned", work_order_id=order.id))
    audit.record(s, actor, "membership", card.id, "refund_to_card", amount=balance,
                 points=points, work_order_id=order.id)


def take_back_points(s, actor, order, points: int) -> int:
    """Points earned on money now refunded leave the card again (as far as it still holds
    them: a balance never goes negative). Returns the points taken back."""
    card = active_card(s, order.store_id, order.customer_id)
    if card is None or points <= 0:
        return 0
    s.refresh(card)
    taken = min(points, card.points_balance)
    if taken and _draw(s, card, Membership.points_balance, taken):
        s.add(PointsEntry(membership_id=card.id, at=clock.now(), points=-taken,
                          reason="refund_taken_back", work_order_id=order.id))
        audit.record(s, actor, "membership", card.id, "take_back_points", points=taken,
                     work_order_id=order.id)
        return taken
    return 0


def membership_view(s, store_id: int, customer_id: int) -> MembershipView | None:
    """The customer's current card (active first, else the latest), or None."""
    card = s.scalars(select(Membership).where(Membership.store_id == store_id,
                                              Membership.customer_id == customer_id)
                     .order_by((Membership.status == "active").desc(), Membership.id.desc())
                     .limit(1)).first()
    return card_view(s, card) if card is not None else None


def card_view(s, card: Membership, points_limit: int = 50) -> MembershipView:
    """The card with its tier, events and latest points entries."""
    s.flush()
    tiers = {t.id: t.code for t in s.scalars(select(MembershipTier).where(
        MembershipTier.store_id == card.store_id))}
    events = s.scalars(select(MembershipEvent).where(MembershipEvent.membership_id == card.id)
                       .order_by(MembershipEvent.at, MembershipEvent.id))
    entries = s.scalars(select(PointsEntry).where(PointsEntry.membership_id == card.id)
                        .order_by(PointsEntry.at.desc(), PointsEntry.id.desc()).limit(points_limit))
    return MembershipView(
        id=card.id, card_no=card.card_no, tier_code=card.tier.code, tier_name=card.tier.name,
        status=card.status, joined_on=card.joined_on, valid_until=card.valid_until,
        points_balance=card.points_balance, points_earned=earned_total(s, card.id),
        balance=card.balance, labour_discount_pct=card.tier.labour_discount_pct,
        material_discount_pct=card.tier.material_discount_pct,
        events=tuple(EventView(e.kind, e.at, tiers.get(e.from_tier_id), tiers.get(e.to_tier_id),
                               e.fee, e.note) for e in events),
        points=tuple(PointsView(p.at, p.points, p.reason, p.work_order_id) for p in entries))
