"""Words of the parts counter: part-line states, ledger movement kinds, old-part dispositions,
receipt modes; and how a quantity is written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def line_states() -> dict[str, str]:
    return {"requested": translate("PartsWords", "short"),
            "reserved": translate("PartsWords", "reserved"),
            "issued": translate("PartsWords", "issued"),
            "returned": translate("PartsWords", "returned"),
            "exchanged": translate("PartsWords", "exchanged"),
            "released": translate("PartsWords", "released"),
            "proposed": translate("PartsWords", "awaiting approval"),
            "priced": translate("PartsWords", "awaiting approval")}


def movement_kinds() -> dict[str, str]:
    return {"receipt": translate("PartsWords", "Receipt"),
            "issue": translate("PartsWords", "Issue"),
            "return": translate("PartsWords", "Return"),
            "transfer_in": translate("PartsWords", "Transfer in"),
            "transfer_out": translate("PartsWords", "Transfer out"),
            "adjustment": translate("PartsWords", "Stocktake adjustment"),
            "supplier_return": translate("PartsWords", "Return to supplier"),
            "old_part": translate("PartsWords", "Old part")}


def dispositions() -> dict[str, str]:
    return {"show_customer": translate("PartsWords", "Show the customer"),
            "warranty_return": translate("PartsWords", "Warranty: back to the maker"),
            "scrap": translate("PartsWords", "Scrap")}


def receipt_modes() -> dict[str, str]:
    return {"purchase": translate("PartsWords", "Purchase"),
            "transfer": translate("PartsWords", "Transfer from outside"),
            "return": translate("PartsWords", "Returned goods")}


def po_statuses() -> dict[str, str]:
    return {"open": translate("PartsWords", "ordered"),
            "partial": translate("PartsWords", "partly received"),
            "received": translate("PartsWords", "received in full"),
            "cancelled": translate("PartsWords", "cancelled")}


def qty(value: Decimal | None) -> str:
    """1, 2.5, 0.25: a quantity without trailing zeros."""
    if value is None:
        return ""
    return f"{value.normalize():f}"
