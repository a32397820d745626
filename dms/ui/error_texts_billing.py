"""Error texts of the cashier desk: settlement, payments, gate pass and delivery. Part of
`dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # settlement, gate pass and delivery (dms/billing/settlement.py)
        "settlement.no_payment": QCoreApplication.translate(
            "Messages", "Enter at least one payment."),
        "settlement.nothing_outstanding": QCoreApplication.translate(
            "Messages", "Nothing is outstanding."),
        "settlement.nothing_to_bill": QCoreApplication.translate(
            "Messages", "The order has no approved line or fee."),
        "settlement.overpayment": QCoreApplication.translate(
            "Messages", "{paid} is more than the {outstanding} outstanding."),
        "settlement.payment_amount": QCoreApplication.translate(
            "Messages", "A payment must be a positive amount in whole fen, not {value}."),
        "settlement.payment_method": QCoreApplication.translate(
            "Messages", "Unknown payment method {method}."),
        "settlement.pending_approval": QCoreApplication.translate(
            "Messages", "{count} line(s) still wait for the customer's decision."),
        "settlement.reason_required": QCoreApplication.translate("Messages", "Give a reason."),
        "settlement.reference_required": QCoreApplication.translate(
            "Messages", "A {method} payment needs its voucher or transaction number."),
        "settlement.reference_too_long": QCoreApplication.translate(
            "Messages", "The reference is too long."),
        "settlement.refund_needed": (
            QCoreApplication.translate(
                "Messages", "{received} was already received, more than the new customer share "
                            "{share}; refund the difference first."),
            QCoreApplication.translate(
                "Messages", "{received} was received for this order; refund it first.")),
        "gatepass.exists": QCoreApplication.translate(
            "Messages", "Gate pass {number} was already issued."),
        "gatepass.unpaid": (
            QCoreApplication.translate(
                "Messages", "{outstanding} is still outstanding; take the payment or ask the "
                            "manager to approve credit."),
            QCoreApplication.translate("Messages", "The balance is neither paid nor on credit.")),
        "delivery.follow_up_hours": QCoreApplication.translate(
            "Messages", "The follow-up is due after 24 or 72 hours."),
        "delivery.keys_not_returned": QCoreApplication.translate(
            "Messages", "Hand the keys back to the customer."),
        "delivery.no_gate_pass": QCoreApplication.translate(
            "Messages", "Issue the gate pass first."),
        "refund.amount": QCoreApplication.translate(
            "Messages", "A refund is a positive amount in whole fen, not {value}."),
        "refund.approval_needed": QCoreApplication.translate(
            "Messages", "Above {limit} a manager approves the refund or credit note."),
        "refund.too_much": QCoreApplication.translate(
            "Messages", "At most {most} can be refunded."),
        # the cashier desk (dms/billing/desk.py)
        "cashier.find_empty": QCoreApplication.translate(
            "Messages", "Scan the job card or type a plate, work order or invoice number."),
        "cashier.manager_needed": QCoreApplication.translate(
            "Messages", "A manager approves this: the manager types their user name and "
            "password."),
        "cashier.refund_kind": QCoreApplication.translate(
            "Messages", "Unknown refund kind {kind}."),
    }
