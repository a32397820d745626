"""Printed documents as PDF bytes (DESIGN §7), in Chinese (or, with lang="en", their own
words in English: `words.py`) with an embedded TrueType CJK font.

    render(db, actor, kind, number, lang) -> bytes  # kind in KINDS; number WO… or INV… (AP…
                                                    # for "appointment", TR… for "transfer")
    labels(db, actor, part_codes, lang) -> bytes    # 60 × 40 mm part and bin labels
    refund(db, actor, refund_id) -> bytes           # 退款单 / 红字冲销单 (dms.billing.refunds)

Every document carries the store header, its number as a vector Code 128 barcode, "第 n 页 /
共 N 页" and the signature lines it needs. Errors are domain errors with stable codes:
`not_found` (no such order, appointment or part in the actor's store), `documents.no_estimate`,
`documents.no_gate_pass`, `transfer.unknown`, `transfer.ambiguous`, `documents.unknown_kind`, `documents.font_missing` (ConfigError, says
how to install or configure a font) and `documents.glyph_missing` (names the characters the font
lacks). No Qt.
"""

from __future__ import annotations

from dms.errors import ValidationError
from dms.permissions import require
from dms.reports import fonts
from dms.reports.documents import billing, labels as _labels, parts, reception, words, workshop
from dms.reports.documents.context import order_id

KINDS = ("appointment", "checkin", "estimate", "jobcard", "picking", "qc", "settlement",
         "settlement-receipt", "gatepass", "transfer")
_BY_ORDER = {"checkin": reception.checkin, "estimate": reception.estimate,
             "jobcard": workshop.jobcard, "picking": workshop.picking, "qc": workshop.qc_sheet,
             "settlement": billing.settlement, "settlement-receipt": billing.settlement_receipt,
             "gatepass": billing.gatepass}
__all__ = ["KINDS", "render", "labels", "refund"]


def render(db, actor, kind: str, number: str, lang: str = "zh_CN") -> bytes:
    """The PDF of document `kind` for work order `number` (appointment number for
    "appointment", the transfer note's barcode or number for "transfer"), in the actor's store,
    its own words in `lang` (zh_CN or en)."""
    if kind not in KINDS:
        raise ValidationError("documents.unknown_kind",
                              "Unknown document {kind}; one of: {kinds}.", kind=kind,
                              kinds=", ".join(KINDS))
    with db.reading() as s:
        require(s, actor, "document." + kind.replace("-", "_"))
    font = fonts.cjk_font()
    with words.language(lang):
        if kind == "appointment":
            return reception.appointment(db, actor, number, font)
        if kind == "transfer":
            return parts.transfer(db, actor, number, font)
        return _BY_ORDER[kind](db, actor, order_id(db, actor, number), font)


def labels(db, actor, part_codes: list[str], lang: str = "zh_CN") -> bytes:
    """Part labels (barcode, code, name, bin) and then bin labels, one 60 × 40 mm page each."""
    with db.reading() as s:
        require(s, actor, "document.labels")
    with words.language(lang):
        return _labels.labels(db, actor, list(part_codes), fonts.cjk_font())


def refund(db, actor, refund_id: int) -> bytes:
    """The slip of a refund or credit note, for the customer to sign (in Chinese only: it has
    no English words yet)."""
    return billing.refund_slip(db, actor, refund_id, fonts.cjk_font())
