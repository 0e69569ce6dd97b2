"""Every table of the local store; importing this package registers them all on ``Base``."""

from starpos.db.models.audit import AuditEntry, AuditHead
from starpos.db.models.cards import (
    CardReading,
    CardState,
    CardTamperEvent,
    CardVend,
    IssuedCard,
)
from starpos.db.models.credits_owed import MeterCreditOwed
from starpos.db.models.customers import Customer, Meter
from starpos.db.models.dated_terms import ChargeItemVersion, CustomerTypeVatVersion
from starpos.db.models.key_changes import KeyChangeFlag
from starpos.db.models.master_data import (
    Bank,
    Branch,
    ChargeItem,
    CustomerType,
    CustomerTypeCharge,
    DefaultAmount,
    MeterModel,
    PaymentTerm,
    Region,
    RegionLevel,
    ReplacementReason,
    ReplacementReasonCharge,
    SalesPoint,
    SystemParameters,
    Terminal,
)
from starpos.db.models.module_life import ModuleBinding, ModuleCreditUpdate, StoreIdentity
from starpos.db.models.numbering import NumberingCounter, NumberingField, NumberingRule
from starpos.db.models.operators import (
    Operator,
    OperatorRole,
    OperatorSessionRow,
    Role,
    RolePermission,
)
from starpos.db.models.payment_changes import PaymentChange
from starpos.db.models.registration_bills import RegistrationBill, RegistrationBillCharge
from starpos.db.models.shifts import CashMovement, DayClose, Shift, ShiftCount, ZReport
from starpos.db.models.stock import MeterReplacement, MeterReplacementCharge, StockMovement
from starpos.db.models.sync import (
    ChangeHorizon,
    EnrolmentCode,
    IssuedCreditBlock,
    MasterDataChange,
    OfflineLimit,
    ReceivedEvent,
    SeenNonce,
    SyncFinding,
    SyncState,
    TerminalEnrolment,
)
from starpos.db.models.tariffs import (
    TariffScheme,
    TariffStep,
    TariffVersion,
    TouDaySwitch,
    TouHoliday,
    TouPrice,
    TouSeason,
    TouWeekDay,
)
from starpos.db.models.token_cancels import TokenCancel
from starpos.db.models.token_operations import TokenOperation
from starpos.db.models.token_replacements import TokenReplacementDue
from starpos.db.models.vends import Vend, VendCharge, VendToken

__all__ = [
    "AuditEntry",
    "AuditHead",
    "Bank",
    "Branch",
    "CardReading",
    "CardState",
    "CardTamperEvent",
    "CardVend",
    "CashMovement",
    "ChangeHorizon",
    "ChargeItem",
    "ChargeItemVersion",
    "Customer",
    "CustomerType",
    "CustomerTypeCharge",
    "CustomerTypeVatVersion",
    "DayClose",
    "DefaultAmount",
    "EnrolmentCode",
    "IssuedCard",
    "IssuedCreditBlock",
    "KeyChangeFlag",
    "MasterDataChange",
    "Meter",
    "MeterCreditOwed",
    "MeterModel",
    "MeterReplacement",
    "MeterReplacementCharge",
    "ModuleBinding",
    "ModuleCreditUpdate",
    "NumberingCounter",
    "NumberingField",
    "NumberingRule",
    "OfflineLimit",
    "Operator",
    "OperatorRole",
    "OperatorSessionRow",
    "PaymentChange",
    "PaymentTerm",
    "ReceivedEvent",
    "Region",
    "RegionLevel",
    "RegistrationBill",
    "RegistrationBillCharge",
    "ReplacementReason",
    "ReplacementReasonCharge",
    "Role",
    "RolePermission",
    "SalesPoint",
    "SeenNonce",
    "Shift",
    "ShiftCount",
    "StockMovement",
    "StoreIdentity",
    "SyncFinding",
    "SyncState",
    "SystemParameters",
    "TariffScheme",
    "TariffStep",
    "TariffVersion",
    "Terminal",
    "TerminalEnrolment",
    "TokenCancel",
    "TokenOperation",
    "TokenReplacementDue",
    "TouDaySwitch",
    "TouHoliday",
    "TouPrice",
    "TouSeason",
    "TouWeekDay",
    "Vend",
    "VendCharge",
    "VendToken",
    "ZReport",
]
