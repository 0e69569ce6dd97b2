"""What an operator may do. Roles grant these names; STAR has them all (manual 2.5).

The names are stored in ``role_permissions``; the labels are translated when shown
(context ``permissions``).
"""

from __future__ import annotations

from starpos.i18n import tr_noop

VEND = "vend"
REPRINT = "reprint"
CANCEL_TOKEN = "cancel_token"
REFUND = "refund"
CLOSE_SHIFT = "close_shift"
CASH_DROP = "cash_drop"
PAID_IN_OUT = "paid_in_out"
OPEN_DRAWER = "open_drawer"
APPROVE_VARIANCE = "approve_variance"
VIEW_REPORTS = "view_reports"
REGISTER_CUSTOMER = "register_customer"
MANAGE_METERS = "manage_meters"
REPLACE_METER = "replace_meter"
CANCEL_CONTRACT = "cancel_contract"
ADMIN_MASTER_DATA = "admin_master_data"
ADMIN_OPERATORS = "admin_operators"
CHANGE_PRICES = "change_prices"
ENGINEERING_TOKENS = "engineering_tokens"
KEY_CHANGE = "key_change"
FREE_CREDIT_TOKENS = "free_credit_tokens"
TEST_TOKENS = "test_tokens"
PAYMENT_CHANGE = "payment_change"
INSTALLER_SETTINGS = "installer_settings"
UNCHECK = "uncheck"

LABELS: dict[str, str] = {
    VEND: tr_noop("permissions", "Sell credit (vend)"),
    REPRINT: tr_noop("permissions", "Reprint a voucher"),
    CANCEL_TOKEN: tr_noop("permissions", "Cancel a token"),
    REFUND: tr_noop("permissions", "Refund a sale"),
    CLOSE_SHIFT: tr_noop("permissions", "Close the shift and the day"),
    CASH_DROP: tr_noop("permissions", "Take cash from the drawer to the safe"),
    PAID_IN_OUT: tr_noop("permissions", "Pay cash into or out of the drawer"),
    OPEN_DRAWER: tr_noop("permissions", "Open the cash drawer outside a sale"),
    APPROVE_VARIANCE: tr_noop("permissions", "Approve a cash count difference"),
    VIEW_REPORTS: tr_noop("permissions", "Read reports"),
    REGISTER_CUSTOMER: tr_noop("permissions", "Register and edit customers"),
    MANAGE_METERS: tr_noop("permissions", "Stock meters in and out"),
    REPLACE_METER: tr_noop("permissions", "Replace a meter"),
    CANCEL_CONTRACT: tr_noop("permissions", "Cancel a contract"),
    ADMIN_MASTER_DATA: tr_noop("permissions", "Edit base data and common data"),
    ADMIN_OPERATORS: tr_noop("permissions", "Edit operators and roles"),
    CHANGE_PRICES: tr_noop("permissions", "Change tariffs and charges"),
    ENGINEERING_TOKENS: tr_noop("permissions", "Issue engineering tokens"),
    KEY_CHANGE: tr_noop("permissions", "Change meter keys"),
    FREE_CREDIT_TOKENS: tr_noop("permissions", "Issue free credit tokens"),
    TEST_TOKENS: tr_noop("permissions", "Issue test and display tokens"),
    PAYMENT_CHANGE: tr_noop("permissions", "Change a meter between prepaid and postpaid"),
    INSTALLER_SETTINGS: tr_noop("permissions", "Configure devices and the terminal"),
    UNCHECK: tr_noop("permissions", "Uncheck a checked bill"),
}

ALL: frozenset[str] = frozenset(LABELS)

#: Who takes money at the counter keeps a drawer: opens a shift, reads its X, counts it at
#: its end. A seller, and an operator whose business is paid on the spot (a replacement's
#: reason charges, a registration's charges) without the right to sell credit (TOK-24).
KEEPS_SHIFT: tuple[str, ...] = (VEND, REPLACE_METER, REGISTER_CUSTOMER)

#: The permissions as the role editor shows them, in groups (each name in exactly one).
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (tr_noop("permissions", "At the counter"), (VEND, REPRINT, CANCEL_TOKEN, REFUND)),
    (
        tr_noop("permissions", "Cash, shifts and reports"),
        (CLOSE_SHIFT, CASH_DROP, PAID_IN_OUT, OPEN_DRAWER, APPROVE_VARIANCE, VIEW_REPORTS),
    ),
    (
        tr_noop("permissions", "Customers and meters"),
        (
            REGISTER_CUSTOMER,
            MANAGE_METERS,
            REPLACE_METER,
            CANCEL_CONTRACT,
            PAYMENT_CHANGE,
            UNCHECK,
        ),
    ),
    (
        tr_noop("permissions", "Tokens and keys"),
        (ENGINEERING_TOKENS, KEY_CHANGE, FREE_CREDIT_TOKENS, TEST_TOKENS),
    ),
    (
        tr_noop("permissions", "Administration"),
        (ADMIN_MASTER_DATA, ADMIN_OPERATORS, CHANGE_PRICES, INSTALLER_SETTINGS),
    ),
)
