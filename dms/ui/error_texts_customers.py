"""Error texts of customer care: customers and vehicles, membership, campaigns, follow-ups,
complaints, reminders and maintenance plans. Part of `dms.ui.messages`, which explains the
rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # customers and vehicles (dms/crm/customers.py)
        "customer.code_taken": QCoreApplication.translate(
            "Messages", "Code {customer_code} is taken."),
        "customer.duplicate": QCoreApplication.translate(
            "Messages", "Customer {customer_code} {name} has the same {field}."),
        "customer.email": QCoreApplication.translate(
            "Messages", "{email} is not an e-mail address."),
        "customer.field": QCoreApplication.translate("Messages", "Unknown field {field}."),
        "customer.kind": QCoreApplication.translate(
            "Messages", "A person or a company; gender M or F."),
        "customer.mobile": QCoreApplication.translate(
            "Messages", "{mobile} is not a mobile number."),
        "customer.name": QCoreApplication.translate("Messages", "Enter the customer's name."),
        "customer.postcode": QCoreApplication.translate("Messages", "A postcode is six digits."),
        "vehicle.field": QCoreApplication.translate("Messages", "Unknown field {field}."),
        "vehicle.duplicate": QCoreApplication.translate(
            "Messages", "Vehicle {vin} ({plate}, engine {engine_no}) looks the same."),
        "vehicle.mileage": (
            QCoreApplication.translate("Messages", "A mileage cannot be negative."),
            QCoreApplication.translate("Messages", "{value} is not a mileage in whole km.")),
        "vehicle.owner_date": QCoreApplication.translate(
            "Messages", "The current owner has had the car since {since}; the change cannot be "
                        "earlier."),
        "vehicle.plate_invalid": QCoreApplication.translate(
            "Messages", "{plate} is not a valid plate ({errors})."),
        "vehicle.plate_taken": QCoreApplication.translate(
            "Messages", "Plate {plate} is already on file."),
        "vehicle.same_owner": QCoreApplication.translate(
            "Messages", "{name} already owns the vehicle."),
        "vehicle.vin_invalid": QCoreApplication.translate(
            "Messages", "{vin} is not a valid VIN ({errors})."),
        "vehicle.vin_taken": QCoreApplication.translate(
            "Messages", "VIN {vin} is already on file ({plate})."),
        "vehicle.vin_warning": QCoreApplication.translate(
            "Messages", "Check VIN {vin} ({warnings}; check digit should be {expected})."),
        # membership (dms/crm/membership.py)
        "membership.balance_left": QCoreApplication.translate(
            "Messages", "{balance} is still on card {card_no}; refund it first."),
        "membership.card_no": QCoreApplication.translate(
            "Messages", "Enter the card number (at most 30 characters)."),
        "membership.card_taken": QCoreApplication.translate(
            "Messages", "Card {card_no} is already in use."),
        "membership.exists": QCoreApplication.translate(
            "Messages", "The customer already holds card {card_no}."),
        "membership.not_active": QCoreApplication.translate(
            "Messages", "Card {card_no} is {status}; cannot {action}."),
        "membership.quit": QCoreApplication.translate(
            "Messages", "Card {card_no} has been given up; to be a member again, join again."),
        "membership.reason_required": QCoreApplication.translate("Messages", "Give a reason."),
        "membership.same_tier": QCoreApplication.translate(
            "Messages", "The card is already {tier}."),
        "settlement.member_balance_insufficient": QCoreApplication.translate(
            "Messages", "The membership balance is {balance}; {amount} cannot be drawn."),
        "settlement.no_membership": QCoreApplication.translate(
            "Messages", "The customer has no active membership card to pay from."),
        "settlement.points_insufficient": QCoreApplication.translate(
            "Messages", "The card holds {balance} points; {points} are needed for {amount}."),
        # campaigns (dms/crm/campaigns.py)
        "campaign.already_done": QCoreApplication.translate(
            "Messages", "Campaign {campaign} was already done on {vin}."),
        "campaign.code_exists": QCoreApplication.translate(
            "Messages", "Campaign {campaign} already exists."),
        "campaign.code_name": QCoreApplication.translate(
            "Messages", "A campaign needs a code and a name."),
        "campaign.dates": QCoreApplication.translate(
            "Messages", "The campaign ends before it starts."),
        "campaign.file_type": QCoreApplication.translate(
            "Messages", "Import a .xlsx or .csv file, not {name}."),
        "campaign.kind": QCoreApplication.translate("Messages", "Unknown campaign kind {kind}."),
        "campaign.no_vins": QCoreApplication.translate(
            "Messages", "The file holds no valid VIN ({bad} invalid)."),
        "campaign.order_cancelled": QCoreApplication.translate(
            "Messages", "Work order {number} was cancelled."),
        "campaign.vehicle_not_listed": QCoreApplication.translate(
            "Messages", "Vehicle {vin} is not in campaign {campaign}."),
        # follow-ups and complaints (dms/crm/followup.py, analysis.py)
        "followup.already_done": QCoreApplication.translate(
            "Messages", "This follow-up was already recorded."),
        "followup.result_required": QCoreApplication.translate(
            "Messages", "Write down the result of the call."),
        "followup.satisfaction": QCoreApplication.translate(
            "Messages", "Satisfaction is a score from 1 to 5."),
        "complaint.deadline": QCoreApplication.translate(
            "Messages", "The deadline must be a time in the future."),
        "complaint.description_required": QCoreApplication.translate(
            "Messages", "Describe the complaint."),
        "complaint.prevention_required": QCoreApplication.translate(
            "Messages", "Write down how to prevent it."),
        "complaint.resolution_required": QCoreApplication.translate(
            "Messages", "Write down the resolution."),
        "complaint.root_cause_required": QCoreApplication.translate(
            "Messages", "Write down the root cause."),
        "complaint.severity": QCoreApplication.translate(
            "Messages", "Unknown severity {severity}."),
        "complaint.source": QCoreApplication.translate(
            "Messages", "Unknown complaint source {source}."),
        "complaint.invalid_transition": QCoreApplication.translate(
            "Messages", "Cannot {action}: the complaint is {state}."),
        "complaint.customer_required": QCoreApplication.translate(
            "Messages", "Find and choose the customer."),
        "complaint.not_open": QCoreApplication.translate(
            "Messages", "Only an open complaint can be reassigned."),
        "followup.question": QCoreApplication.translate(
            "Messages", "Unknown follow-up question {question}."),
        "analysis.dates": QCoreApplication.translate(
            "Messages", "The end date is before the start date."),
        # reminders and maintenance plans (dms/crm/reminders.py, maintenance.py)
        "reminder.already_booked": QCoreApplication.translate(
            "Messages", "An appointment was already booked from this reminder."),
        "reminder.already_reached": QCoreApplication.translate(
            "Messages", "{name} already reached this customer at {at}."),
        "reminder.kind": QCoreApplication.translate("Messages", "Unknown reminder kind {kind}."),
        "reminder.method": QCoreApplication.translate(
            "Messages", "Unknown contact method {method}."),
        "reminder.result": QCoreApplication.translate(
            "Messages", "Note what happened on the call."),
        "reminder.vehicle_owner": QCoreApplication.translate(
            "Messages", "The vehicle is not this customer's."),
        "reminder.vehicle_required": QCoreApplication.translate(
            "Messages", "Choose which vehicle to book."),
        "reminder.window": QCoreApplication.translate(
            "Messages", "The reminder window cannot be negative."),
        "maintenance.already_completed": QCoreApplication.translate(
            "Messages", "Order {number} already completed a plan item."),
        "maintenance.no_plan": QCoreApplication.translate(
            "Messages", "The vehicle has no such planned service."),
        "maintenance.not_delivered": QCoreApplication.translate(
            "Messages", "Only a delivered maintenance order completes a plan item."),
        "maintenance.plan_exists": QCoreApplication.translate(
            "Messages", "The vehicle already has a plan."),
    }
