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
from starpos.db.models.numbering import NumberingCounter, NumberingField, NumberingRule
from starpos.db.models.operators import Operator, OperatorRole, Role, RolePermission
from starpos.db.models.stock import MeterReplacement, StockMovement
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
    "ChargeItem",
    "Customer",
    "CustomerType",
    "CustomerTypeCharge",
    "DefaultAmount",
    "IssuedCard",
    "Meter",
    "MeterModel",
    "MeterReplacement",
    "NumberingCounter",
    "NumberingField",
    "NumberingRule",
    "Operator",
    "OperatorRole",
    "PaymentTerm",
    "Region",
    "RegionLevel",
    "ReplacementReason",
    "ReplacementReasonCharge",
    "Role",
    "RolePermission",
    "SalesPoint",
    "StockMovement",
    "SystemParameters",
    "TariffScheme",
    "TariffStep",
    "TariffVersion",
    "Terminal",
    "TouDaySwitch",
    "TouHoliday",
    "TouPrice",
    "TouSeason",
    "TouWeekDay",
    "Vend",
    "VendCharge",
    "VendToken",
]
