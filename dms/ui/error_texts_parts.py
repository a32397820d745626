"""Error texts of the parts department: catalogue, stock, picking, receipts, stocktakes,
transfers and old parts. Part of `dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # catalogue (dms/parts/catalogue.py, queries.py, receipts.py)
        "catalogue.barcode": QCoreApplication.translate(
            "Messages", "Not a usable barcode: {value}."),
        "catalogue.barcode_taken": QCoreApplication.translate(
            "Messages", "Barcode {barcode} already means part {part}."),
        "catalogue.no_series": QCoreApplication.translate(
            "Messages", "The vehicle's series is not known."),
        "part.unknown_code": QCoreApplication.translate("Messages", "No part has the code {key}."),
        "part.unknown_scan": QCoreApplication.translate(
            "Messages", "No part has the barcode or code {key}."),
        "parts.need_status": QCoreApplication.translate(
            "Messages", "Unknown purchase need status {value}."),
        # stock ledger (dms/parts/stock.py)
        "stock.bin_counting": QCoreApplication.translate(
            "Messages", "Bin {bin} is being counted; stock there cannot move until the "
                        "stocktake is posted."),
        "stock.cost": QCoreApplication.translate(
            "Messages", "The unit cost must be zero or more: {value}."),
        "stock.qty": QCoreApplication.translate(
            "Messages", "The quantity must be a positive number (to 0.001): {value}."),
        "stock.release": QCoreApplication.translate(
            "Messages", "Cannot release more than is reserved."),
        # picking (dms/parts/picking.py, reservations.py)
        "picking.add_reason": QCoreApplication.translate(
            "Messages", "Keep the reason for the added part within {limit} characters."),
        "picking.awaiting_approval": QCoreApplication.translate(
            "Messages", "{part} waits for the customer's approval as added work."),
        "picking.batch": QCoreApplication.translate(
            "Messages", "Keep the batch number within {limit} characters."),
        "picking.not_on_order": QCoreApplication.translate(
            "Messages", "{part} is not on this order."),
        "picking.over_issue": QCoreApplication.translate(
            "Messages", "Only {left} of {part} is still to issue to this order."),
        "picking.over_return": QCoreApplication.translate(
            "Messages", "Only {issued} of this line is issued."),
        "picking.parts_issued": QCoreApplication.translate(
            "Messages", "Parts are issued to this order; return them first."),
        "picking.qty": QCoreApplication.translate(
            "Messages", "A quantity is a number of more than 0 (to 0.001), not {value}."),
        "picking.reason": QCoreApplication.translate(
            "Messages", "Give a reason (1 to {limit} characters)."),
        "picking.received_by": QCoreApplication.translate(
            "Messages", "Enter who takes the parts (1 to {limit} characters)."),
        # receipts (dms/parts/receipts.py)
        "receipt.cost_required": QCoreApplication.translate(
            "Messages", "A purchase needs a unit cost on every line."),
        "receipt.empty": QCoreApplication.translate("Messages", "Add at least one line."),
        "receipt.mode": QCoreApplication.translate("Messages", "Unknown receipt mode {value}."),
        "receipt.reference": QCoreApplication.translate(
            "Messages", "The reference is at most 60 characters."),
        # stocktakes (dms/parts/stocktake.py)
        "stocktake.bin_locked": QCoreApplication.translate(
            "Messages", "Bins {bins} are being counted already."),
        "stocktake.closed": QCoreApplication.translate(
            "Messages", "Stocktake {number} is already {status}."),
        "stocktake.no_bins": QCoreApplication.translate(
            "Messages", "Choose at least one bin to count."),
        "stocktake.not_on_sheet": QCoreApplication.translate(
            "Messages", "Part {part} belongs in bin {bin}, which this stocktake does not count."),
        "stocktake.qty": QCoreApplication.translate(
            "Messages", "The counted quantity must be zero or more (to 0.001): {value}."),
        "stocktake.reserved_shortage": QCoreApplication.translate(
            "Messages", "Part {part}: counted {counted}, but more is reserved for work orders; "
                        "release those reservations first."),
        "stocktake.uncounted": QCoreApplication.translate(
            "Messages", "{count} lines are not counted yet."),
        "stocktake.unknown_bin": QCoreApplication.translate(
            "Messages", "No bin {bins} in this warehouse."),
        # transfers (dms/parts/transfers.py)
        "transfer.empty": QCoreApplication.translate(
            "Messages", "A transfer needs at least one line."),
        "transfer.not_in_transit": QCoreApplication.translate(
            "Messages", "Transfer {number} is already {status}."),
        "transfer.part_unknown_at_destination": QCoreApplication.translate(
            "Messages", "The receiving store has no part {part} in its catalogue."),
        "transfer.same_warehouse": QCoreApplication.translate(
            "Messages", "Send to a different warehouse."),
        "transfer.unknown": QCoreApplication.translate(
            "Messages", "No transfer has the number {key}."),
        "transfer.ambiguous": QCoreApplication.translate(
            "Messages", "Several stores sent a transfer numbered {number}; scan the barcode on "
                        "its note."),
        "transfer.elsewhere": QCoreApplication.translate(
            "Messages", "Transfer {number} goes to {store} {warehouse}; it is booked in there."),
        # old parts (dms/parts/old_parts.py)
        "old_part.action": QCoreApplication.translate("Messages", "Unknown action {action}."),
        "old_part.claim_required": QCoreApplication.translate(
            "Messages", "Enter the claim number the old part goes back under."),
        "old_part.none_chosen": QCoreApplication.translate(
            "Messages", "Choose at least one old part."),
        "old_part.status": QCoreApplication.translate(
            "Messages", "Unknown old-part status {value}."),
        "old_part.disposition": QCoreApplication.translate(
            "Messages", "Unknown disposition {value}."),
        "old_part.exists": QCoreApplication.translate(
            "Messages", "This line's old part is already recorded."),
        "old_part.invalid_action": QCoreApplication.translate(
            "Messages", "Cannot {action}: the old part is {status}."),
        "old_part.location": QCoreApplication.translate(
            "Messages", "Enter the storage location (1 to {limit} characters)."),
        "old_part.not_issued": QCoreApplication.translate(
            "Messages", "No part was issued on this line."),
        "old_part.not_warranty": QCoreApplication.translate(
            "Messages", "Only a warranty claim's old part goes back to the maker."),
        "old_part.note": QCoreApplication.translate(
            "Messages", "Keep the note within {limit} characters."),
        "old_part.warranty_kept": QCoreApplication.translate(
            "Messages", "A warranty claim's old part goes back to the maker."),
        "old_part.warranty_line": QCoreApplication.translate(
            "Messages", "A warranty claim's old part must go back to the maker."),
        "settlement.old_parts_missing": QCoreApplication.translate(
            "Messages", "The warranty claim's old parts {parts} are not in the old-part store."),
        "picking.nothing_to_release": QCoreApplication.translate(
            "Messages", "Nothing of this line waits to be issued."),
        # the parts counter (dms/parts/counter.py)
        "counter.unknown_order": QCoreApplication.translate(
            "Messages", "No work order has the number {key}."),
        "counter.nothing_to_undo": QCoreApplication.translate(
            "Messages", "There is no scan to undo."),
        "counter.undo_state": QCoreApplication.translate(
            "Messages", "Work order {number} is {state}; its parts can no longer be taken "
                        "back here."),
        "counter.undone": QCoreApplication.translate(
            "Messages", "This scan is undone already."),
        # purchase orders (dms/parts/purchasing.py)
        "purchase.nothing": QCoreApplication.translate("Messages", "Nothing needs ordering."),
        "purchase.status": QCoreApplication.translate(
            "Messages", "Unknown purchase order status {value}."),
        "purchase.received": QCoreApplication.translate(
            "Messages", "Purchase order {number} is received in full."),
        "purchase.not_on_order": QCoreApplication.translate(
            "Messages", "{part} is not on purchase order {number}."),
        "purchase.over_receipt": QCoreApplication.translate(
            "Messages", "Only {left} of {part} is still to come on this order."),
        "purchase.cancelled": QCoreApplication.translate(
            "Messages", "Purchase order {number} is cancelled."),
        "purchase.reason": QCoreApplication.translate(
            "Messages", "Say why the purchase order is cancelled."),
    }
