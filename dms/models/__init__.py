"""All tables; importing this package registers every model on `Base.metadata`."""

from dms.models.base import Base
from dms.models.billing import GatePass, Invoice, Payment, Refund, RefundLine, Settlement
from dms.models.campaigns import Campaign, CampaignVehicle
from dms.models.crm import (Complaint, Customer, FollowUp, InsurancePolicy, MaintenancePackage,
                            MaintenancePackageItem, MaintenancePlanItem, Membership,
                            MembershipEvent, MembershipTier, PointsEntry, Reminder, Vehicle,
                            VehicleOwnership)
from dms.models.parts import (Bin, OldPart, OldPartEvent, Part, PartBarcode, PurchaseNeed,
                              Reservation, Stock, StockMovement, Stocktake, StocktakeLine,
                              Supplier, Transfer, TransferLine, Warehouse)
from dms.models.pdi import PdiInspection, PdiItem, PdiTemplateItem
from dms.models.purchasing import PurchaseOrder, PurchaseOrderLine
from dms.models.store import (ROLES, AuditLog, ChangeLog, ChangeSeat, NumberSequence,
                              SignInThrottle, Store, StoreSetting, User, UserRole)
from dms.models.workshop import (Appointment, AppointmentPart, Bay, ClockEvent,
                                 DispatchAssignment, Estimate, EstimateApproval, Fee,
                                 InsuranceClaim, LabourLine, LabourOperation, PartLine,
                                 PriceClass, QCInspection, Recommendation, Tool, ToolCheckout,
                                 ToolMaintenance, WorkOrder)
from dms.models.terminal import AddedWorkPhoto, PartRequest
from dms.models.frontdesk import CheckinPhoto

__all__ = [name for name in dir() if not name.startswith("_")]
