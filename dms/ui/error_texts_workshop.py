"""Error texts of the workshop: appointments, reception, estimates, added work, dispatch,
the clock and QC. Part of `dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        # appointments (dms/workshop/appointments.py)
        "appointment.channel": QCoreApplication.translate(
            "Messages", "Unknown booking channel {value}."),
        "appointment.not_booked": QCoreApplication.translate(
            "Messages", "Appointment {number} is already {status}."),
        "appointment.overbooked": QCoreApplication.translate(
            "Messages", "{day} is fully booked ({booked} of {capacity} hours); confirm to "
                        "over-book."),
        "appointment.overbooked_trade": QCoreApplication.translate(
            "Messages", "The {trade} bays are fully booked on {day} ({booked} of {capacity} "
                        "hours); confirm to over-book."),
        "appointment.trade": QCoreApplication.translate("Messages", "Unknown trade {value}."),
        "appointment.past": QCoreApplication.translate(
            "Messages", "An appointment must be in the future."),
        "appointment.reason": QCoreApplication.translate(
            "Messages", "Give a reason for cancelling."),
        "appointment.vehicle": QCoreApplication.translate(
            "Messages", "This appointment is for another vehicle."),
        "appointment.work": QCoreApplication.translate(
            "Messages", "Say what work the customer asks for."),
        # reception (dms/workshop/reception.py)
        "reception.business_type": QCoreApplication.translate(
            "Messages", "Unknown business type {value}."),
        "reception.complaint": QCoreApplication.translate(
            "Messages", "Write down what the customer says is wrong."),
        "reception.fuel": QCoreApplication.translate(
            "Messages", "The fuel level is in eighths, from 0 to 8."),
        "reception.mileage": QCoreApplication.translate(
            "Messages", "The mileage cannot be negative."),
        "reception.mileage_lower": QCoreApplication.translate(
            "Messages", "{mileage} km is below the last recorded {last} km; confirm an "
                        "odometer change with a note to accept it."),
        # the customer's signature on the check-in sheet (dms/workshop/desk.py)
        "checkin.signature_bad": QCoreApplication.translate(
            "Messages", "The signature is not on the pad."),
        "checkin.signature_empty": QCoreApplication.translate(
            "Messages", "The customer has not signed yet."),
        "checkin.signature_too_long": QCoreApplication.translate(
            "Messages", "That is more than a signature; clear the pad and sign again."),
        # estimates and lines (dms/workshop/estimates.py, lines.py)
        "estimate.all_declined": QCoreApplication.translate(
            "Messages", "The customer declined every line; cancel the order instead."),
        "estimate.approved_by": QCoreApplication.translate(
            "Messages", "Enter who approved the estimate (1 to {limit} characters)."),
        "estimate.assessed_amount": QCoreApplication.translate(
            "Messages", "The assessed amount is an amount of 0 or more, not {value}."),
        "estimate.deductible": QCoreApplication.translate(
            "Messages", "The deductible is an amount of 0 or more, not {value}."),
        "estimate.discount": (
            QCoreApplication.translate(
                "Messages", "A discount is between 0 and 100 %, not {value}."),
            QCoreApplication.translate("Messages", "A discount is between 0 and 100 %.")),
        "estimate.discount_payer": QCoreApplication.translate(
            "Messages", "Only customer-paid lines are discounted."),
        "estimate.fee_amount": QCoreApplication.translate(
            "Messages", "A fee is an amount of more than 0, not {value}."),
        "estimate.fee_description": QCoreApplication.translate(
            "Messages", "Describe the fee (1 to {limit} characters)."),
        "estimate.fee_kind": QCoreApplication.translate("Messages", "Unknown fee kind {kind}."),
        "estimate.hours": QCoreApplication.translate(
            "Messages", "Hours are a number of more than 0, not {value}."),
        "estimate.insurer": QCoreApplication.translate(
            "Messages", "Enter the insurer (1 to {limit} characters)."),
        "estimate.labour_name": QCoreApplication.translate(
            "Messages", "Enter the name of the job (1 to {limit} characters)."),
        "estimate.line_kind": QCoreApplication.translate("Messages", "Unknown line kind {kind}."),
        "estimate.method": QCoreApplication.translate(
            "Messages", "Unknown approval method {method}."),
        "estimate.no_lines": QCoreApplication.translate(
            "Messages", "Add at least one job or part first."),
        "estimate.not_insurance": QCoreApplication.translate(
            "Messages", "Only an insurance order has a claim."),
        "estimate.part_inactive": QCoreApplication.translate(
            "Messages", "Part {part} is no longer sold."),
        "estimate.payer": QCoreApplication.translate("Messages", "Unknown payer {payer}."),
        "estimate.payer_company": QCoreApplication.translate(
            "Messages", "Enter the paying company (1 to {limit} characters)."),
        "estimate.qty": QCoreApplication.translate(
            "Messages", "A quantity is a number of more than 0, not {value}."),
        "estimate.qty_issued": QCoreApplication.translate(
            "Messages", "{issued} of this part are issued already: the quantity cannot be lower."),
        "estimate.decline_reason": QCoreApplication.translate(
            "Messages", "Choose why the customer declined."),
        "estimate.decline_note": QCoreApplication.translate(
            "Messages", "Keep the customer's words within {limit} characters."),
        "estimate.decline_note_missing": QCoreApplication.translate(
            "Messages", "Say in a few words why the customer declined."),
        "estimate.report_no": QCoreApplication.translate(
            "Messages", "Enter the claim report number (1 to {limit} characters)."),
        "estimate.stale": QCoreApplication.translate(
            "Messages", "The lines changed after the last estimate; issue a new estimate first."),
        "estimate.trade": QCoreApplication.translate("Messages", "Unknown trade {trade}."),
        "estimate.unknown_line": (
            QCoreApplication.translate("Messages", "Line {ids} cannot be chosen here."),
            QCoreApplication.translate("Messages", "No job {seq} on this order.")),
        "estimate.valid_days": QCoreApplication.translate(
            "Messages", "An estimate is valid for at least one day."),
        # added work (dms/workshop/added_work.py)
        "added_work.description": QCoreApplication.translate(
            "Messages", "Describe the added work (1 to {limit} characters)."),
        "added_work.not_pending": QCoreApplication.translate(
            "Messages", "Line {id} is not waiting for a price."),
        "added_work.not_priced": QCoreApplication.translate(
            "Messages", "Line {ids} is not priced added work."),
        "added_work.nothing_priced": QCoreApplication.translate(
            "Messages", "No priced added work to answer."),
        "added_work.nothing_to_price": QCoreApplication.translate(
            "Messages", "Price at least one line."),
        # dispatch and the clock (dms/workshop/dispatch.py)
        "dispatch.bay_busy": QCoreApplication.translate(
            "Messages", "{bay} is busy: {plate} is in repair there."),
        "dispatch.bay_inactive": QCoreApplication.translate(
            "Messages", "Bay {bay} is out of service."),
        "dispatch.bay_kind": QCoreApplication.translate(
            "Messages", "{bay} is a {bay_kind} bay; job {job} ({trade}) goes to a {needed_kind} "
                        "bay."),
        "dispatch.clocked_on": QCoreApplication.translate(
            "Messages", "Someone is still clocked on this car."),
        "dispatch.equipment": QCoreApplication.translate(
            "Messages", "Keep the equipment note within 200 characters."),
        "dispatch.job_clocked_on": QCoreApplication.translate(
            "Messages", "Someone is clocked on job {job}: clock off before moving it."),
        "dispatch.job_done": QCoreApplication.translate("Messages", "Job {job} is done."),
        "dispatch.jobs_open": QCoreApplication.translate("Messages", "Jobs not done yet: {jobs}."),
        "dispatch.not_approved": QCoreApplication.translate(
            "Messages", "Job {job} is not approved by the customer."),
        "dispatch.pause_reason": QCoreApplication.translate(
            "Messages", "Pause only to wait for parts or for the customer's approval."),
        "dispatch.planned_hours": QCoreApplication.translate(
            "Messages", "Planned hours must be more than 0, not {value}."),
        "dispatch.planned_times": QCoreApplication.translate(
            "Messages", "The planned end must follow the start."),
        "dispatch.self_check": QCoreApplication.translate(
            "Messages", "Finish only after the self-check passes."),
        "dispatch.team_lead": QCoreApplication.translate(
            "Messages", "User {user} is not an active {role} of this store."),
        "dispatch.technician": QCoreApplication.translate(
            "Messages", "User {user} is not an active {role} of this store."),
        "clock.already_on": QCoreApplication.translate(
            "Messages", "You are already clocked on job {job}."),
        "clock.job_done": QCoreApplication.translate("Messages", "Job {job} is already done."),
        "clock.not_assigned": QCoreApplication.translate(
            "Messages", "Job {job} is assigned to someone else."),
        "clock.not_dispatched": QCoreApplication.translate(
            "Messages", "Job {job} is not dispatched."),
        "clock.not_on": QCoreApplication.translate(
            "Messages", "You are not clocked on job {job}."),
        "clock.on_other_job": QCoreApplication.translate(
            "Messages", "You are still clocked on job {job} of {number}; clock off first."),
        "clock.reason": QCoreApplication.translate(
            "Messages", "Keep the reason within 40 characters."),
        # quality control (dms/workshop/qc.py)
        "qc.delay_reason": QCoreApplication.translate(
            "Messages", "The car is later than promised ({promised}): give a reason."),
        "qc.pass_with_rework": QCoreApplication.translate(
            "Messages", "A passed inspection has no rework owner or penalty."),
        "qc.penalty": QCoreApplication.translate(
            "Messages", "The penalty is an amount of 0 or more, not {value}."),
        "qc.reason": QCoreApplication.translate("Messages", "Say why the inspection failed."),
        "qc.rework_owner": (
            QCoreApplication.translate(
                "Messages", "User {user} is not an active {role} of this store."),
            QCoreApplication.translate("Messages", "Name the technician who redoes the work.")),
        "qc.rework_owner_jobs": QCoreApplication.translate(
            "Messages", "The rework owner did not work on this car."),
        "qc.rework_jobs": QCoreApplication.translate(
            "Messages", "Name the jobs to redo: at least one, each a job of this car the rework "
                        "owner worked on."),
        "ready.added_work_open": QCoreApplication.translate(
            "Messages", "{count} added-work line(s) still wait for a price or the customer's "
                        "answer."),
        "ready.parts_open": QCoreApplication.translate(
            "Messages", "Parts neither issued nor released: {parts}."),
        "ready.has_jobs": QCoreApplication.translate(
            "Messages", "The order has jobs: dispatch them instead."),
        "estimate.discount_limit": QCoreApplication.translate(
            "Messages", "A discount above {limit} % needs a manager's approval."),
        "estimate.expired": QCoreApplication.translate(
            "Messages", "The estimate was valid until {until}; issue a new estimate first."),
        # the technician terminal (dms/workshop/terminal.py): parts requests, added-work photos
        "parts_request.state": QCoreApplication.translate(
            "Messages", "Work order {number} is not in repair."),
        "parts_request.nothing_to_pick": QCoreApplication.translate(
            "Messages", "Every part of work order {number} is issued; other parts are added "
                        "work."),
        "parts_request.open": QCoreApplication.translate(
            "Messages", "The counter already has a request for work order {number}."),
        "parts_request.closed": QCoreApplication.translate(
            "Messages", "This request is already closed."),
        "added_work.photo_count": QCoreApplication.translate(
            "Messages", "Attach at most {limit} photos."),
        "added_work.photo_size": QCoreApplication.translate(
            "Messages", "{file} is larger than {limit} MB."),
        "added_work.photo_unreadable": QCoreApplication.translate(
            "Messages", "{file} cannot be read."),
        "added_work.photo_type": QCoreApplication.translate(
            "Messages", "{file} is not a JPEG or PNG photo."),
        # tools and equipment (dms/workshop/tools.py)
        "tool.code": QCoreApplication.translate(
            "Messages", "A tool code has 1 to {limit} characters."),
        "tool.name": QCoreApplication.translate(
            "Messages", "A tool name has 1 to {limit} characters."),
        "tool.kind": QCoreApplication.translate(
            "Messages", "A tool or a piece of equipment."),
        "tool.code_taken": QCoreApplication.translate("Messages", "Tool code {tool} is taken."),
        "tool.borrower_self": QCoreApplication.translate(
            "Messages", "Check tools out in your own name."),
        "tool.borrower": QCoreApplication.translate(
            "Messages", "User {user} is not an active {role} of this store."),
        "tool.not_available": QCoreApplication.translate(
            "Messages", "{tool} {name} is not on the shelf."),
        "tool.work_order": QCoreApplication.translate(
            "Messages", "Work order {number} is not in the workshop."),
        "tool.not_out": QCoreApplication.translate(
            "Messages", "{tool} {name} is not checked out."),
        "tool.not_yours": QCoreApplication.translate(
            "Messages", "{tool} is checked out to someone else."),
        "tool.maintenance_note": QCoreApplication.translate(
            "Messages", "Say what was done to the tool."),
        "tool.damage_report": QCoreApplication.translate("Messages", "Say what is damaged."),
        "tool.is_out": QCoreApplication.translate(
            "Messages", "{tool} is checked out; return it first."),
        # PDI of new cars (dms/workshop/pdi.py)
        "pdi.section": QCoreApplication.translate(
            "Messages", "Unknown checklist section {section}."),
        "pdi.item_name": QCoreApplication.translate(
            "Messages", "A checklist item has 1 to {limit} characters."),
        "pdi.template_empty": QCoreApplication.translate(
            "Messages", "The checklist needs at least one item."),
        "pdi.item_twice": QCoreApplication.translate(
            "Messages", "An item is on the checklist twice."),
        "pdi.mileage": QCoreApplication.translate(
            "Messages", "The mileage {value} is not a number of km of 0 or more."),
        "pdi.not_signed": QCoreApplication.translate(
            "Messages", "PDI {number} is not signed by the inspector yet."),
        "pdi.signed": QCoreApplication.translate(
            "Messages", "PDI {number} is signed; its results are locked."),
        "pdi.handed_over": QCoreApplication.translate(
            "Messages", "The car of PDI {number} is handed over."),
        "pdi.result": QCoreApplication.translate("Messages", "An item is ok or failed."),
        "pdi.fail_note": QCoreApplication.translate(
            "Messages", "Say what is wrong with a failed item."),
        "pdi.nothing": QCoreApplication.translate("Messages", "Check at least one item."),
        "pdi.unchecked": QCoreApplication.translate(
            "Messages", "{count} item(s) not checked yet: {items}."),
        "pdi.fix_note": QCoreApplication.translate("Messages", "Say what was done to fix it."),
        "pdi.not_failed": QCoreApplication.translate("Messages", "{item} did not fail."),
        "pdi.buyer": QCoreApplication.translate(
            "Messages", "Name the buyer: an existing customer or a new one."),
        "pdi.failures_open": QCoreApplication.translate(
            "Messages", "Fix before the hand-over: {items}."),
        "pdi.vin_on_file": QCoreApplication.translate(
            "Messages", "VIN {vin} is already on file as a customer's vehicle."),
        "pdi.exists": QCoreApplication.translate(
            "Messages", "VIN {vin} has PDI {number} already."),
    }
