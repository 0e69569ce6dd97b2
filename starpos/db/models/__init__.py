"""Every table of the local store; importing this package registers them all on ``Base``."""

from starpos.db.models.audit import AuditEntry, AuditHead
from starpos.db.models.cards import (
    CardReading,
    CardState,
    CardTamperEvent,
    CardVend,
    IssuedCard,
)
from starpos.db.models.customers import Customer, Meter
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
from starpos.db.models.operators import Operator, OperatorRole, Role, RolePermission
from starpos.db.models.stock import MeterReplacement, StockMovement
from starpos.db.models.sync import (
    ChangeHorizon,
    EnrolmentCode,
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
    "ChangeHorizon",
    "ChargeItem",
    "Customer",
    "CustomerType",
    "CustomerTypeCharge",
    "DefaultAmount",
    "EnrolmentCode",
    "IssuedCard",
    "KeyChangeFlag",
    "MasterDataChange",
    "Meter",
    "MeterModel",
    "MeterReplacement",
    "ModuleBinding",
    "ModuleCreditUpdate",
    "NumberingCounter",
    "NumberingField",
    "NumberingRule",
    "OfflineLimit",
    "Operator",
    "OperatorRole",
    "PaymentTerm",
    "ReceivedEvent",
    "Region",
    "RegionLevel",
    "ReplacementReason",
    "ReplacementReasonCharge",
    "Role",
    "RolePermission",
    "SalesPoint",
    "SeenNonce",
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
    "TouDaySwitch",
    "TouHoliday",
    "TouPrice",
    "TouSeason",
    "TouWeekDay",
    "Vend",
    "VendCharge",
    "VendToken",
]
