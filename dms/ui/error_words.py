"""Words that services pass as parameters (record names, actions, states, roles…), so that
a message does not mix languages: `dms.ui.messages` looks a parameter's value up here by
the parameter's name. Keys are the values as the services pass them; a value not listed
is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def things() -> dict[str, str]:
    """Names of records, as {what} (NotFound, ConcurrentChange)."""
    return {
        "Appointment": QCoreApplication.translate("Messages", "Appointment"),
        "Bay": QCoreApplication.translate("Messages", "Bay"),
        "Campaign": QCoreApplication.translate("Messages", "Campaign"),
        "Card": QCoreApplication.translate("Messages", "Card"),
        "Complaint": QCoreApplication.translate("Messages", "Complaint"),
        "Customer": QCoreApplication.translate("Messages", "Customer"),
        "Estimate": QCoreApplication.translate("Messages", "Estimate"),
        "Follow-up": QCoreApplication.translate("Messages", "Follow-up"),
        "Gate pass": QCoreApplication.translate("Messages", "Gate pass"),
        "Job": QCoreApplication.translate("Messages", "Job"),
        "Labour operation": QCoreApplication.translate("Messages", "Labour operation"),
        "Membership": QCoreApplication.translate("Messages", "Membership"),
        "Membership tier": QCoreApplication.translate("Messages", "Membership tier"),
        "Old part": QCoreApplication.translate("Messages", "Old part"),
        "Part": QCoreApplication.translate("Messages", "Part"),
        "Package": QCoreApplication.translate("Messages", "Maintenance package"),
        "Part line": QCoreApplication.translate("Messages", "Part line"),
        "Photo": QCoreApplication.translate("Messages", "Photo"),
        "part line": QCoreApplication.translate("Messages", "Part line"),
        "labour line": QCoreApplication.translate("Messages", "Labour line"),
        "fee line": QCoreApplication.translate("Messages", "Fee line"),
        "Price class": QCoreApplication.translate("Messages", "Price class"),
        "Purchase order": QCoreApplication.translate("Messages", "Purchase order"),
        "Reminder": QCoreApplication.translate("Messages", "Reminder"),
        "Settlement": QCoreApplication.translate("Messages", "Settlement"),
        "Refund": QCoreApplication.translate("Messages", "Refund"),
        "Stocktake": QCoreApplication.translate("Messages", "Stocktake"),
        "Store": QCoreApplication.translate("Messages", "Store"),
        "Supplier": QCoreApplication.translate("Messages", "Supplier"),
        "Transfer": QCoreApplication.translate("Messages", "Transfer"),
        "User": QCoreApplication.translate("Messages", "User"),
        "Vehicle": QCoreApplication.translate("Messages", "Vehicle"),
        "Recommendation": QCoreApplication.translate("Messages", "Declined work item"),
        "Warehouse": QCoreApplication.translate("Messages", "Warehouse"),
        "Work order": QCoreApplication.translate("Messages", "Work order"),
        "Tool": QCoreApplication.translate("Messages", "Tool"),
        "PDI": QCoreApplication.translate("Messages", "PDI"),
        "PDI item": QCoreApplication.translate("Messages", "PDI item"),
        "Parts request": QCoreApplication.translate("Messages", "Parts request"),
    }


def actions() -> dict[str, str]:
    """What the user tried, as {action}: the work-order actions of dms/workshop/states.py
    and the other service actions checked against the role."""
    return {
        "estimate": QCoreApplication.translate("Messages", "issue an estimate"),
        "approve": QCoreApplication.translate("Messages", "approve the estimate"),
        "dispatch": QCoreApplication.translate("Messages", "dispatch"),
        "start": QCoreApplication.translate("Messages", "start the repair"),
        "pause": QCoreApplication.translate("Messages", "pause"),
        "resume": QCoreApplication.translate("Messages", "resume"),
        "finish": QCoreApplication.translate("Messages", "finish the repair"),
        "qc_pass": QCoreApplication.translate("Messages", "pass QC"),
        "qc_fail": QCoreApplication.translate("Messages", "fail QC"),
        "presettle": QCoreApplication.translate("Messages", "pre-settle"),
        "settle": QCoreApplication.translate("Messages", "settle"),
        "deliver": QCoreApplication.translate("Messages", "deliver the car"),
        "close": QCoreApplication.translate("Messages", "close"),
        "cancel": QCoreApplication.translate("Messages", "cancel"),
        "reopen": QCoreApplication.translate("Messages", "reopen"),
        "add_barcode": QCoreApplication.translate("Messages", "add a barcode"),
        "add_fee": QCoreApplication.translate("Messages", "add a fee"),
        "add_labour": QCoreApplication.translate("Messages", "add a job"),
        "add_part": QCoreApplication.translate("Messages", "add a part"),
        "add_package": QCoreApplication.translate("Messages", "add a standard job"),
        "change_line": QCoreApplication.translate("Messages", "change a line"),
        "sign_check_in": QCoreApplication.translate("Messages", "sign the check-in sheet"),
        "appointment": QCoreApplication.translate("Messages", "handle appointments"),
        "approve_added_work": QCoreApplication.translate("Messages", "approve added work"),
        "approve_credit": QCoreApplication.translate("Messages", "approve credit"),
        "assign_job": QCoreApplication.translate("Messages", "assign a job"),
        "book_appointment": QCoreApplication.translate("Messages", "book an appointment"),
        "book_from_reminder": QCoreApplication.translate("Messages", "book from a reminder"),
        "cancel_stocktake": QCoreApplication.translate("Messages", "cancel a stocktake"),
        "change the tier": QCoreApplication.translate("Messages", "change the tier"),
        "change_owner": QCoreApplication.translate("Messages", "change the owner"),
        "check_in": QCoreApplication.translate("Messages", "check a car in"),
        "clock_on": QCoreApplication.translate("Messages", "clock on"),
        "close_complaint": QCoreApplication.translate("Messages", "close a complaint"),
        "complaint_list": QCoreApplication.translate("Messages", "see the complaints"),
        "complete_campaign_vehicle": QCoreApplication.translate(
            "Messages", "complete a campaign on a vehicle"),
        "complete_plan_item": QCoreApplication.translate("Messages", "complete a planned service"),
        "create_customer": QCoreApplication.translate("Messages", "create a customer"),
        "create_plan": QCoreApplication.translate("Messages", "create a maintenance plan"),
        "create_vehicle": QCoreApplication.translate("Messages", "create a vehicle"),
        "due_follow_ups": QCoreApplication.translate("Messages", "see the due follow-ups"),
        "escalate_overdue": QCoreApplication.translate("Messages", "escalate overdue complaints"),
        "exchange_part": QCoreApplication.translate("Messages", "exchange a part"),
        "expire_memberships": QCoreApplication.translate("Messages", "expire memberships"),
        "follow_up_list": QCoreApplication.translate("Messages", "see the follow-ups"),
        "import_campaign": QCoreApplication.translate("Messages", "import a campaign"),
        "import_customers": QCoreApplication.translate("Messages", "import customers"),
        "import_parts": QCoreApplication.translate("Messages", "import parts"),
        "import_vehicles": QCoreApplication.translate("Messages", "import vehicles"),
        "issue_gate_pass": QCoreApplication.translate("Messages", "issue a gate pass"),
        "issue_part": QCoreApplication.translate("Messages", "issue parts"),
        "membership_change_tier": QCoreApplication.translate(
            "Messages", "change a membership tier"),
        "membership_downgrade": QCoreApplication.translate("Messages", "downgrade memberships"),
        "membership_join": QCoreApplication.translate("Messages", "enrol a member"),
        "membership_quit": QCoreApplication.translate("Messages", "give up a membership"),
        "membership_renew": QCoreApplication.translate("Messages", "renew a membership"),
        "membership_replace_card": QCoreApplication.translate(
            "Messages", "replace a membership card"),
        "old_part.hand_over": QCoreApplication.translate("Messages", "hand an old part over"),
        "old_part.intake": QCoreApplication.translate("Messages", "take an old part into store"),
        "old_part.return_to_maker": QCoreApplication.translate(
            "Messages", "return an old part to the maker"),
        "old_part.scrap": QCoreApplication.translate("Messages", "scrap an old part"),
        "hand_over": QCoreApplication.translate("Messages", "hand over"),
        "intake": QCoreApplication.translate("Messages", "take into store"),
        "return_to_maker": QCoreApplication.translate("Messages", "return to the maker"),
        "scrap": QCoreApplication.translate("Messages", "scrap"),
        "open_complaint": QCoreApplication.translate("Messages", "record a complaint"),
        "open_complaints": QCoreApplication.translate("Messages", "see the open complaints"),
        "pay_outstanding": QCoreApplication.translate("Messages", "take a payment"),
        "parts_ready": QCoreApplication.translate("Messages", "complete a parts-only order"),
        "post_stocktake": QCoreApplication.translate("Messages", "post a stocktake"),
        "price_added_work": QCoreApplication.translate("Messages", "price added work"),
        "propose_added_work": QCoreApplication.translate("Messages", "propose added work"),
        "receive": QCoreApplication.translate("Messages", "receive parts"),
        "receive_transfer": QCoreApplication.translate("Messages", "receive a transfer"),
        "record_call": QCoreApplication.translate("Messages", "record a reminder call"),
        "credit_note": QCoreApplication.translate("Messages", "issue a credit note"),
        "record_count": QCoreApplication.translate("Messages", "record a count"),
        "record_follow_up": QCoreApplication.translate("Messages", "record a follow-up"),
        "record_old_part": QCoreApplication.translate("Messages", "record an old part"),
        "refund": QCoreApplication.translate("Messages", "refund a payment"),
        "reminder_list": QCoreApplication.translate("Messages", "see the reminders"),
        "remove_line": QCoreApplication.translate("Messages", "remove a line"),
        "replace the card": QCoreApplication.translate("Messages", "replace the card"),
        "resolve": QCoreApplication.translate("Messages", "resolve"),
        "resolve_complaint": QCoreApplication.translate("Messages", "resolve a complaint"),
        "return_part": QCoreApplication.translate("Messages", "return parts"),
        "release_part": QCoreApplication.translate("Messages", "release parts not needed"),
        "return_to_supplier": QCoreApplication.translate(
            "Messages", "return parts to the supplier"),
        "send_transfer": QCoreApplication.translate("Messages", "send a transfer"),
        "set_setting": QCoreApplication.translate("Messages", "change a store setting"),
        "set_insurance_claim": QCoreApplication.translate(
            "Messages", "record the insurance claim"),
        "start_stocktake": QCoreApplication.translate("Messages", "start a stocktake"),
        "team_lead_check": QCoreApplication.translate("Messages", "do the team-lead check"),
        "update_customer": QCoreApplication.translate("Messages", "change a customer"),
        "visit_analysis": QCoreApplication.translate("Messages", "see the visit analysis"),
    }


def trades() -> dict[str, str]:
    """The trades of workshop work (dms.workshop.trades), as {trade}; bays are named by them."""
    return {"maintenance": QCoreApplication.translate("Messages", "maintenance"),
            "mechanical": QCoreApplication.translate("Messages", "mechanical"),
            "electrical": QCoreApplication.translate("Messages", "electrical"),
            "body": QCoreApplication.translate("Messages", "body"),
            "paint": QCoreApplication.translate("Messages", "paint")}


def states() -> dict[str, str]:
    """States and statuses, as {state} and {status}: work orders, complaints, appointments,
    membership cards, old parts, stocktakes and transfers."""
    return {
        "RECEIVED": QCoreApplication.translate("Messages", "checked in"),
        "ESTIMATED": QCoreApplication.translate("Messages", "estimated"),
        "AUTHORIZED": QCoreApplication.translate("Messages", "authorized"),
        "DISPATCHED": QCoreApplication.translate("Messages", "dispatched"),
        "IN_REPAIR": QCoreApplication.translate("Messages", "in repair"),
        "PAUSED": QCoreApplication.translate("Messages", "paused"),
        "QC": QCoreApplication.translate("Messages", "in QC"),
        "REWORK": QCoreApplication.translate("Messages", "in rework"),
        "READY": QCoreApplication.translate("Messages", "ready for settlement"),
        "PRESETTLED": QCoreApplication.translate("Messages", "pre-settled"),
        "SETTLED": QCoreApplication.translate("Messages", "settled"),
        "DELIVERED": QCoreApplication.translate("Messages", "delivered"),
        "CLOSED": QCoreApplication.translate("Messages", "closed"),
        "CANCELLED": QCoreApplication.translate("Messages", "cancelled"),
        "open": QCoreApplication.translate("Messages", "open"),
        "resolved": QCoreApplication.translate("Messages", "resolved"),
        "closed": QCoreApplication.translate("Messages", "closed"),
        "booked": QCoreApplication.translate("Messages", "booked"),
        "arrived": QCoreApplication.translate("Messages", "arrived"),
        "no_show": QCoreApplication.translate("Messages", "a no-show"),
        "cancelled": QCoreApplication.translate("Messages", "cancelled"),
        "active": QCoreApplication.translate("Messages", "active"),
        "expired": QCoreApplication.translate("Messages", "expired"),
        "quit": QCoreApplication.translate("Messages", "given up"),
        "pending": QCoreApplication.translate("Messages", "waiting for intake"),
        "in_store": QCoreApplication.translate("Messages", "in the old-part store"),
        "returned": QCoreApplication.translate("Messages", "returned to the maker"),
        "scrapped": QCoreApplication.translate("Messages", "scrapped"),
        "handed_over": QCoreApplication.translate("Messages", "handed over"),
        "counting": QCoreApplication.translate("Messages", "being counted"),
        "posted": QCoreApplication.translate("Messages", "posted"),
        "in_transit": QCoreApplication.translate("Messages", "in transit"),
        "received": QCoreApplication.translate("Messages", "received"),
    }


def roles() -> dict[str, str]:
    """Roles, as {role}."""
    return {
        "advisor": QCoreApplication.translate("Messages", "service advisor"),
        "dispatcher": QCoreApplication.translate("Messages", "dispatcher"),
        "technician": QCoreApplication.translate("Messages", "technician"),
        "team_lead": QCoreApplication.translate("Messages", "team lead"),
        "qc_inspector": QCoreApplication.translate("Messages", "QC inspector"),
        "warehouse_clerk": QCoreApplication.translate("Messages", "warehouse clerk"),
        "cashier": QCoreApplication.translate("Messages", "cashier"),
        "customer_care": QCoreApplication.translate("Messages", "customer-care agent"),
        "manager": QCoreApplication.translate("Messages", "service manager"),
    }


def payment_methods() -> dict[str, str]:
    """Payment methods, as {method}."""
    return {
        "cash": QCoreApplication.translate("Messages", "cash"),
        "card": QCoreApplication.translate("Messages", "bank card"),
        "wechat": QCoreApplication.translate("Messages", "WeChat"),
        "alipay": QCoreApplication.translate("Messages", "Alipay"),
        "transfer": QCoreApplication.translate("Messages", "bank transfer"),
        "member_balance": QCoreApplication.translate("Messages", "stored value"),
        "points": QCoreApplication.translate("Messages", "points"),
    }


def fields() -> dict[str, str]:
    """Customer fields, as {field}."""
    return {
        "mobile": QCoreApplication.translate("Messages", "mobile number"),
        "id_number": QCoreApplication.translate("Messages", "ID number"),
    }


def checks() -> dict[str, str]:
    """VIN and plate check codes of dms/crm/identifiers.py, listed in {errors} and {warnings}."""
    return {
        "vin.length": QCoreApplication.translate("Messages", "not 17 characters"),
        "vin.bad_char": QCoreApplication.translate(
            "Messages", "a character other than digits and letters (no I, O, Q)"),
        "vin.model_year": QCoreApplication.translate(
            "Messages", "the 10th character is not a model-year code"),
        "vin.check_digit": QCoreApplication.translate(
            "Messages", "the check digit does not match"),
        "plate.empty": QCoreApplication.translate("Messages", "no plate"),
        "plate.province": QCoreApplication.translate(
            "Messages", "no province abbreviation at the start"),
        "plate.authority": QCoreApplication.translate(
            "Messages", "the second character is not a letter"),
        "plate.format": QCoreApplication.translate("Messages", "not the shape of a plate"),
        "plate.length": QCoreApplication.translate("Messages", "wrong number of characters"),
        "plate.suffix": QCoreApplication.translate("Messages", "港/澳 only on 粤Z plates"),
        "plate.letter_io": QCoreApplication.translate("Messages", "contains I or O"),
    }


def phrases() -> dict[str, str]:
    """The stage of a restore, as {when}."""
    return {
        "(backup against its manifest)": QCoreApplication.translate(
            "Messages", "(backup against its manifest)"),
        "after restoring (the database now holds the backup's data)": QCoreApplication.translate(
            "Messages", "after restoring (the database now holds the backup's data)"),
    }
