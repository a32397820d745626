"""Invoice numbers (DESIGN §4): gap-free per store and year, and never blanked. Each number
given is an `Invoice` row; a reopened settlement or a credit note voids its number there, and
the settlement's next number is a new one. `Settlement.invoice_no` is the latest number. No Qt."""

from __future__ import annotations

from sqlalchemy import select

from dms import clock
from dms.models import Invoice, Settlement
from dms.numbering import next_number


def issue(s, actor, st: Settlement) -> str:
    """Inside the caller's transaction: a refused settlement rolls the counter back too."""
    number = next_number(s, st.store_id, "invoice")
    s.add(Invoice(store_id=st.store_id, settlement_id=st.id, number=number,
                  issued_at=clock.now(), issued_by_id=actor.id))
    st.invoice_no = number
    return number


def void(s, actor, st: Settlement, reason: str) -> str | None:
    """Void the settlement's valid number (kept on record); returns it, if there was one."""
    current = s.scalars(select(Invoice).where(Invoice.settlement_id == st.id,
                                              Invoice.voided_at.is_(None))).first()
    if current is None:
        return None
    current.voided_at, current.voided_by_id, current.void_reason = (clock.now(), actor.id,
                                                                    reason[:200])
    return current.number


def numbers(s, settlement_id: int) -> list[tuple[str, bool]]:
    """Every number the settlement was given, oldest first, with whether it is voided."""
    return [(n, voided is not None) for n, voided in s.execute(
        select(Invoice.number, Invoice.voided_at).where(Invoice.settlement_id == settlement_id)
        .order_by(Invoice.id))]
