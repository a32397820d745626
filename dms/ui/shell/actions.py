"""One action registry (DESIGN §9): every action a menu, toolbar, context menu or shortcut
offers has an id, its text, a default shortcut and the permission it needs.

Shortcuts are the same in every workspace: F1 help, F2 search, F5 refresh, F9 save/confirm,
Esc back, Ctrl+K quick open. An action the signed-in roles may not use stays visible but
disabled, with a tooltip saying why — the service would refuse it anyway (dms.permissions).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from dms import permissions


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: str | None = None
    permission: str | None = None  # an id of dms.permissions.ACTIONS; None: everyone


translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def specs() -> dict[str, ActionSpec]:
    """Every action, texts in the current language (built on each call, like error texts)."""
    return {
        # the shell
        "shell.palette": ActionSpec(
            translate("Actions", "&Quick open..."), "Ctrl+K", "lookup.search"),
        "shell.help": ActionSpec(translate("Actions", "&Keyboard shortcuts"), "F1"),
        "shell.refresh": ActionSpec(translate("Actions", "&Refresh"), "F5"),
        "shell.sign_out": ActionSpec(
            translate("Actions", "Sign &out / switch user"), "Ctrl+Shift+L"),
        "shell.settings": ActionSpec(translate("Actions", "&Settings...")),
        "shell.quit": ActionSpec(translate("Actions", "&Quit"), "Ctrl+Q"),
        "shell.about": ActionSpec(translate("Actions", "&About DMS")),
        # front desk
        "frontdesk.search": ActionSpec(
            translate("Actions", "&Search customer or vehicle"), "F2", "lookup.search"),
        "frontdesk.open_file": ActionSpec(
            translate("Actions", "&Open vehicle file (Enter)"), None, "customer.read"),
        "frontdesk.back": ActionSpec(translate("Actions", "&Back to search"), "Esc"),
        "frontdesk.new_customer": ActionSpec(
            translate("Actions", "New &customer..."), "Ctrl+Shift+C", "customer.edit"),
        "frontdesk.edit_customer": ActionSpec(
            translate("Actions", "&Edit customer..."), "Ctrl+E", "customer.edit"),
        "frontdesk.new_vehicle": ActionSpec(
            translate("Actions", "New &vehicle..."), "Ctrl+Shift+V", "vehicle.edit"),
        "frontdesk.edit_vehicle": ActionSpec(
            translate("Actions", "Edit ve&hicle..."), "Ctrl+Shift+E", "vehicle.edit"),
        "frontdesk.change_owner": ActionSpec(
            translate("Actions", "Change &owner..."), None, "vehicle.edit"),
        "frontdesk.walk_in": ActionSpec(
            translate("Actions", "New &work order (walk-in)..."), "Ctrl+N", "workorder.open"),
        "frontdesk.book": ActionSpec(
            translate("Actions", "&Book appointment..."), "Ctrl+B", "appointment.book"),
        "frontdesk.add_recommendation": ActionSpec(
            translate("Actions", "&Add declined work to a new order..."), "Ctrl+D", "workorder.open"),
        "frontdesk.appointments": ActionSpec(
            translate("Actions", "&Appointment book"), "F3", "appointment.read"),
        "appointment.arrive": ActionSpec(
            translate("Actions", "&Arrived: open work order..."), "Ctrl+Return", "appointment.arrive"),
        "appointment.no_show": ActionSpec(
            translate("Actions", "&No-show"), None, "appointment.no_show"),
        "appointment.cancel": ActionSpec(
            translate("Actions", "&Cancel booking..."), "Del", "appointment.cancel"),
        "appointment.remind": ActionSpec(
            translate("Actions", "Record &reminder call..."), "Ctrl+R", "appointment.remind"),
        "appointment.previous": ActionSpec(
            translate("Actions", "&Previous day"), "Alt+Left", "appointment.read"),
        "appointment.next": ActionSpec(
            translate("Actions", "Ne&xt day"), "Alt+Right", "appointment.read"),
        "appointment.today": ActionSpec(
            translate("Actions", "&Today"), "Alt+Home", "appointment.read"),
        "appointment.week": ActionSpec(
            translate("Actions", "&Week view"), "Alt+W", "appointment.read"),
        # cashier desk
        "cashier.find": ActionSpec(
            translate("Actions", "&Find order (scan job card)"), "F2", "cashier.queue"),
        "cashier.back": ActionSpec(translate("Actions", "&Back to the queue"), "Esc"),
        "cashier.settle": ActionSpec(
            translate("Actions", "&Settle / take payment and print"), "F9", "payment.collect"),
        "cashier.add_payment": ActionSpec(
            translate("Actions", "&Add payment"), "Ins", "payment.collect"),
        "cashier.credit": ActionSpec(
            translate("Actions", "&Credit, approved by a manager..."), "Ctrl+Shift+G",
            "payment.collect"),
        "cashier.refund": ActionSpec(
            translate("Actions", "&Refund or credit note..."), "Ctrl+Shift+R", "payment.refund"),
        "cashier.preview_slip": ActionSpec(
            translate("Actions", "&Preview settlement slip..."), "Ctrl+P", "document.settlement"),
        "cashier.gate_pass": ActionSpec(
            translate("Actions", "&Gate pass..."), None, "gatepass.issue"),
        "cashier.dayend": ActionSpec(
            translate("Actions", "&Day-end report"), "F6", "cashier.dayend"),
        "cashier.dayend_print": ActionSpec(
            translate("Actions", "&Print day-end report..."), "Ctrl+P", "cashier.dayend"),
        "cashier.dayend_export": ActionSpec(
            translate("Actions", "&Export day-end report..."), "Ctrl+S", "export.settlements"),
        # customer care
        "care.calls": ActionSpec(translate("Actions", "&Reminder calls"), "Alt+1", "reminder.list"),
        "care.followups": ActionSpec(
            translate("Actions", "&Follow-up queue"), "Alt+2", "followup.list"),
        "care.complaints": ActionSpec(
            translate("Actions", "&Complaints"), "Alt+3", "complaint.list"),
        "care.list": ActionSpec(translate("Actions", "Choose the &list"), "F2", "reminder.list"),
        "care.call": ActionSpec(
            translate("Actions", "Record the &call..."), "Ctrl+R", "reminder.call"),
        "care.book": ActionSpec(
            translate("Actions", "&Book from the call..."), "Ctrl+B", "appointment.book"),
        "care.follow_up": ActionSpec(
            translate("Actions", "Record the &follow-up..."), "Ctrl+R", "followup.record"),
        "care.new_complaint": ActionSpec(
            translate("Actions", "&New complaint..."), "Ctrl+N", "complaint.open"),
        "care.assign": ActionSpec(
            translate("Actions", "&Hand over..."), "Ctrl+H", "complaint.assign"),
        "care.resolve": ActionSpec(
            translate("Actions", "&Resolve..."), "Ctrl+R", "complaint.resolve"),
        "care.close": ActionSpec(
            translate("Actions", "C&losing call..."), "Ctrl+L", "complaint.close"),
        "care.escalate": ActionSpec(
            translate("Actions", "&Escalate overdue"), "Ctrl+Shift+E", "complaint.escalate"),
        # manager
        "manager.export": ActionSpec(
            translate("Actions", "&Export the chosen list"), "F9", "report.kpi"),
        "manager.cancel_export": ActionSpec(
            translate("Actions", "&Cancel the export"), "Esc", "report.kpi"),
        "manager.new_record": ActionSpec(
            translate("Actions", "&New user or record..."), "Ctrl+N", "catalogue.edit"),
        "manager.package_items": ActionSpec(
            translate("Actions", "A package's &items..."), "Ctrl+I", "catalogue.edit"),
        "manager.adopt_median": ActionSpec(
            translate("Actions", "&Adopt the learned median"), "Ctrl+Return",
            "standard_time.adopt"),
        # technician terminal
        "technician.clock_on": ActionSpec(translate("Actions", "&Clock on"), "F4", "job.clock"),
        "technician.clock_off": ActionSpec(
            translate("Actions", "Clock o&ff"), "F8", "job.clock"),
        "technician.job_done": ActionSpec(
            translate("Actions", "Job &done (clock off)"), "Ctrl+D", "job.clock"),
        "technician.pause_parts": ActionSpec(
            translate("Actions", "Pause: waiting for &parts"), "F6", "workorder.pause"),
        "technician.pause_approval": ActionSpec(
            translate("Actions", "Pause: waiting for &approval"), "F7", "workorder.pause"),
        "technician.resume": ActionSpec(
            translate("Actions", "&Resume"), "Ctrl+R", "workorder.resume"),
        "technician.self_check": ActionSpec(
            translate("Actions", "&Self-check, send to QC..."), "Ctrl+E", "workorder.finish"),
        "technician.added_work": ActionSpec(
            translate("Actions", "Propose &added work..."), "Ctrl+N", "addedwork.propose"),
        "technician.request_parts": ActionSpec(
            translate("Actions", "Ask the counter for &parts"), "Ctrl+J", "parts.request"),
        "technician.tools": ActionSpec(
            translate("Actions", "&Tools and equipment"), "F3", "tool.read"),
        "technician.back": ActionSpec(translate("Actions", "&Back to my jobs"), "Esc"),
        "tools.search": ActionSpec(translate("Actions", "&Find a tool"), "F2", "tool.read"),
        "tools.check_out": ActionSpec(
            translate("Actions", "&Check out..."), "Ctrl+O", "tool.checkout"),
        "tools.return": ActionSpec(translate("Actions", "&Return"), "F8", "tool.return"),
        "tools.damaged": ActionSpec(
            translate("Actions", "Return &damaged..."), "Ctrl+D", "tool.return"),
        "tools.maintenance": ActionSpec(
            translate("Actions", "&Maintenance..."), "Ctrl+M", "tool.maintain"),
        # workshop board
        "board.by_state": ActionSpec(
            translate("Actions", "Board by &state"), "Alt+1", "board.read"),
        "board.plan": ActionSpec(
            translate("Actions", "&Plan by technician"), "Alt+2", "board.read"),
        "board.qc_desk": ActionSpec(translate("Actions", "&QC desk"), "Alt+3", "board.read"),
        "board.tv": ActionSpec(translate("Actions", "&TV mode"), "F11", "board.read"),
        "board.move": ActionSpec(
            translate("Actions", "&Move job to..."), "Ctrl+M", "workorder.pause"),
        "qc.pass": ActionSpec(translate("Actions", "&Pass"), "F9", "workorder.qc_fail"),
        "qc.fail": ActionSpec(
            translate("Actions", "&Fail: back to rework..."), "Shift+F9", "workorder.qc_fail"),
        "qc.print": ActionSpec(translate("Actions", "QC &sheet..."), "Ctrl+P", "document.qc"),
        # the parts counter (keys a line edit does not take for itself: the scan field has
        # the focus, and it would swallow Ctrl+Z, Ctrl+E, Ctrl+U)
        "counter.picking": ActionSpec(
            translate("Actions", "&Picking queue"), "F3", "picking.queue"),
        "counter.back": ActionSpec(translate("Actions", "&Back to the queue"), "Esc"),
        "counter.undo": ActionSpec(
            translate("Actions", "&Undo the last scan"), "F8", "picking.return"),
        "counter.return": ActionSpec(
            translate("Actions", "&Return to the counter..."), "Ctrl+R", "picking.return"),
        "counter.exchange": ActionSpec(
            translate("Actions", "E&xchange a part..."), "Ctrl+Shift+X", "picking.exchange"),
        "counter.old_part": ActionSpec(
            translate("Actions", "Record the &old part..."), "Ctrl+Shift+O", "oldpart.record"),
        "counter.intake": ActionSpec(
            translate("Actions", "Old part &into the store"), "Ctrl+I", "oldpart.intake"),
        # check-in, estimate, approvals, pre-settlement and delivery (front desk, part 2)
        "checkin.save": ActionSpec(
            translate("Actions", "&Save check-in and print for signature"), "F9", "workorder.open"),
        "frontdesk.open_order": ActionSpec(
            translate("Actions", "Open &work order (Enter)"), None, "customer.read"),
        "estimate.add": ActionSpec(translate("Actions", "&Add a line"), "Ctrl+L", "estimate.edit"),
        "estimate.change_line": ActionSpec(
            translate("Actions", "&Change line..."), "Ctrl+E", "estimate.edit"),
        "estimate.remove_line": ActionSpec(
            translate("Actions", "&Remove line"), "Del", "estimate.edit"),
        "estimate.add_fee": ActionSpec(
            translate("Actions", "Add &fee..."), "Ctrl+Shift+F", "estimate.edit"),
        "estimate.issue": ActionSpec(
            translate("Actions", "&Issue and print the estimate"), "F9", "workorder.estimate"),
        "estimate.approve": ActionSpec(
            translate("Actions", "Customer &approves..."), "Ctrl+Return", "workorder.approve"),
        "frontdesk.added_work": ActionSpec(
            translate("Actions", "Added &work queue"), "F4", "addedwork.read"),
        "addedwork.price": ActionSpec(
            translate("Actions", "&Price as the catalogue has it"), "Ctrl+P", "addedwork.price"),
        "addedwork.agree": ActionSpec(
            translate("Actions", "Customer &agreed (phone)"), "Ctrl+Return", "addedwork.approve"),
        "addedwork.decline": ActionSpec(
            translate("Actions", "Customer &declined"), "Ctrl+Shift+Return", "addedwork.approve"),
        "order.presettle": ActionSpec(
            translate("Actions", "&Pre-settle and preview the slip"), "Ctrl+Shift+S",
            "workorder.presettle"),
        "order.deliver": ActionSpec(
            translate("Actions", "&Deliver the car..."), "Ctrl+Shift+D", "workorder.deliver"),
        "checkin.sign": ActionSpec(
            translate("Actions", "Customer &signs the check-in sheet..."), "Ctrl+Shift+G",
            "workorder.open"),
        "estimate.print_checkin": ActionSpec(
            translate("Actions", "Print the chec&k-in sheet"), "Ctrl+Shift+K", "document.checkin"),
        "counter.parts": ActionSpec(translate("Actions", "&Find a part"), "F2"),
        "counter.receipts": ActionSpec(
            translate("Actions", "&Goods in (receipt)"), "F6", "stock.receive"),
        "counter.post_receipt": ActionSpec(
            translate("Actions", "&Book the receipt"), "F9", "stock.receive"),
        "counter.drop_line": ActionSpec(
            translate("Actions", "&Drop the receipt line"), "Ctrl+Shift+D", "stock.receive"),
        "counter.stocktake": ActionSpec(
            translate("Actions", "&Stocktake"), "F7", "stocktake.count"),
        "counter.post_stocktake": ActionSpec(
            translate("Actions", "&Post the stocktake..."), "F9", "stocktake.close"),
        "counter.purchasing": ActionSpec(
            translate("Actions", "Purchase &orders"), "F4", "purchase.order"),
        "counter.make_orders": ActionSpec(
            translate("Actions", "&Make purchase orders"), "Ctrl+Shift+P", "purchase.order"),
        "counter.receive_order": ActionSpec(
            translate("Actions", "&Receive against the order"), "Ctrl+Shift+G", "stock.receive"),
        "counter.print_picking": ActionSpec(
            translate("Actions", "&Print the picking list..."), "Ctrl+P", "document.picking"),
        "counter.print_label": ActionSpec(
            translate("Actions", "Print the part's &label..."), "Ctrl+P", "document.labels"),
        "counter.moves": ActionSpec(
            translate("Actions", "Supplier returns and &transfers"), "Ctrl+T", "transfer.send"),
        "counter.post_move": ActionSpec(
            translate("Actions", "&Send the return or transfer"), "F9", "transfer.send"),
        "counter.drop_move_line": ActionSpec(
            translate("Actions", "&Drop the line"), "Ctrl+Shift+D", "transfer.send"),
        "counter.receive_transfer": ActionSpec(
            translate("Actions", "&Book the transfer in"), "Ctrl+Shift+G", "transfer.receive"),
        "counter.print_transfer": ActionSpec(
            translate("Actions", "&Print the transfer note..."), "Ctrl+P", "document.transfer"),
        "counter.old_parts": ActionSpec(
            translate("Actions", "&Old parts of the store"), "Ctrl+O", "oldpart.list"),
        "counter.hand_over": ActionSpec(
            translate("Actions", "Old part &handed to the customer"), "Ctrl+H",
            "oldpart.hand_over"),
        "counter.to_maker": ActionSpec(
            translate("Actions", "Old part back to the &maker..."), "Ctrl+Shift+M",
            "oldpart.return_to_maker"),
        "counter.scrap": ActionSpec(
            translate("Actions", "&Scrap the old part..."), "Ctrl+Shift+S", "oldpart.scrap"),
        "counter.receipt_labels": ActionSpec(
            translate("Actions", "Print the receipt's &labels..."), "Ctrl+P", "document.labels"),
        "counter.cancel_order": ActionSpec(
            translate("Actions", "&Cancel the purchase order..."), "Ctrl+Shift+C",
            "purchase.order"),
        "counter.print_order": ActionSpec(
            translate("Actions", "&Print the purchase order..."), "Ctrl+P", "purchase.order"),
        "counter.export_order": ActionSpec(
            translate("Actions", "&Export the purchase order..."), "Ctrl+S", "purchase.order"),
        "tools.new": ActionSpec(
            translate("Actions", "&New tool..."), "Ctrl+Shift+N", "tool.manage"),
        # PDI desk
        "pdi.new": ActionSpec(translate("Actions", "&New car PDI..."), "Ctrl+N", "pdi.inspect"),
        "pdi.search": ActionSpec(translate("Actions", "&Find a PDI sheet"), "F2", "pdi.read"),
        "pdi.ok": ActionSpec(translate("Actions", "Item &OK"), "F6", "pdi.inspect"),
        "pdi.fail": ActionSpec(translate("Actions", "Item &failed"), "F7", "pdi.inspect"),
        "pdi.all_ok": ActionSpec(
            translate("Actions", "&All unchecked OK"), "F8", "pdi.inspect"),
        "pdi.save": ActionSpec(translate("Actions", "&Save results"), "F9", "pdi.inspect"),
        "pdi.sign": ActionSpec(translate("Actions", "Si&gn the sheet"), "Ctrl+S", "pdi.inspect"),
        "pdi.fix": ActionSpec(translate("Actions", "Failure fi&xed..."), "Ctrl+R", "pdi.fix"),
        "pdi.hand_over": ActionSpec(
            translate("Actions", "&Hand over to the buyer..."), "Ctrl+H", "pdi.hand_over"),
        "pdi.print": ActionSpec(
            translate("Actions", "&Print the PDI sheet..."), "Ctrl+P", "document.pdi"),
    }


class Actions(QObject):
    """The QActions of one signed-in user, made on demand and enabled from their roles.

    `specs()` builds every text in the current language, a fraction of a millisecond: it is
    built once per call here, never per action (a workspace makes dozens of actions as it
    opens), and what the roles allow is kept, as the roles and an action's permission never
    change."""

    def __init__(self, roles, parent: QObject | None = None):
        super().__init__(parent)
        self._roles = frozenset(roles)
        self._made: list[tuple[str, QAction]] = []
        self._allowed: dict[str, bool] = {}

    def allowed(self, action_id: str, spec: ActionSpec | None = None) -> bool:
        if action_id not in self._allowed:
            permission = (spec or specs()[action_id]).permission
            self._allowed[action_id] = (permission is None
                                        or permissions.may(self._roles, permission))
        return self._allowed[action_id]

    def make(self, action_id: str, parent: QObject, slot=None) -> QAction:
        """A QAction for `action_id` owned by `parent` (its shortcut works while `parent`'s
        window is active and `parent` is visible; see Qt.ShortcutContext)."""
        action = QAction(parent)
        action.setObjectName(action_id)
        spec = specs()[action_id]
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setEnabled(self.allowed(action_id, spec))
        if slot is not None:
            action.triggered.connect(slot)
        self._made.append((action_id, action))
        self._retranslate_one(action_id, action, spec)
        return action

    def retranslate(self) -> None:
        every, alive = specs(), []
        for action_id, action in self._made:
            try:
                self._retranslate_one(action_id, action, every[action_id])
            except RuntimeError:  # its owner was deleted
                continue
            alive.append((action_id, action))
        self._made = alive

    def _retranslate_one(self, action_id: str, action: QAction, spec: ActionSpec) -> None:
        action.setText(spec.text)
        plain = spec.text.replace("&", "").rstrip("...")
        if action.isEnabled() or self.allowed(action_id, spec):
            action.setToolTip(plain)
        else:
            action.setToolTip(translate("Actions", "{action}: your role does not allow this.")
                              .format(action=plain))

    def set_enabled(self, action: QAction, enabled: bool) -> None:
        """Enable an action for the screen's state, never beyond what the roles allow."""
        action.setEnabled(enabled and self.allowed(action.objectName()))
