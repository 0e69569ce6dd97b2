"""The names of the kinds of records, as refusals name them (translated when shown).

Context ``terms`` (``resources/translations/admin_*.ts``); see :class:`starpos.i18n.Term`.
"""

from __future__ import annotations

from starpos.i18n import Term, tr_noop

BRANCH = Term(tr_noop("terms", "branch"))
SALES_POINT = Term(tr_noop("terms", "sales point"))
TERMINAL = Term(tr_noop("terms", "terminal"))
PAYMENT_TERM = Term(tr_noop("terms", "payment term"))
METER_MODEL = Term(tr_noop("terms", "meter model"))
CHARGE_ITEM = Term(tr_noop("terms", "charge item"))
CUSTOMER_TYPE = Term(tr_noop("terms", "customer type"))
TARIFF = Term(tr_noop("terms", "tariff"))
ROLE = Term(tr_noop("terms", "operator role"))
OPERATOR = Term(tr_noop("terms", "operator"))
CUSTOMER = Term(tr_noop("terms", "customer"))
METER = Term(tr_noop("terms", "meter"))

SALES = Term(tr_noop("terms", "sales"))
TERMINALS = Term(tr_noop("terms", "terminals"))
OPERATORS = Term(tr_noop("terms", "operators"))
METERS = Term(tr_noop("terms", "meters"))
CUSTOMERS = Term(tr_noop("terms", "customers"))
SALES_POINTS = Term(tr_noop("terms", "sales points"))
CUSTOMER_TYPES = Term(tr_noop("terms", "customer types"))
REPLACEMENT_REASONS = Term(tr_noop("terms", "replacement reasons"))

#: Field names a :class:`~starpos.masterdata.changes.BadValueError` names.
CURRENCY = Term(tr_noop("terms", "Currency"))
TIME_ZONE = Term(tr_noop("terms", "Time zone"))
AMOUNT = Term(tr_noop("terms", "Amount"))
NAME = Term(tr_noop("terms", "Name"))
METER_RANGE = Term(tr_noop("terms", "Meter range"))

#: Reasons a :class:`~starpos.masterdata.changes.BadValueError` gives.
NOT_ISO_CURRENCY = Term(tr_noop("terms", "give the three-letter ISO 4217 code, like USD."))
NOT_A_ZONE = Term(tr_noop("terms", "give a time zone name like Africa/Lagos."))
NOT_POSITIVE = Term(tr_noop("terms", "give an amount above 0."))
EMPTY = Term(tr_noop("terms", "it must not be empty."))
RANGE_TOO_BIG = Term(tr_noop("terms", "stock in at most 100,000 meters at a time."))
RANGE_MIXED = Term(
    tr_noop("terms", "the first and the last meter must have the same manufacturer code.")
)
RANGE_BACKWARDS = Term(tr_noop("terms", "the last meter must come after the first."))
TOO_MANY_AMOUNTS = Term(tr_noop("terms", "give at most 10 default amounts."))
REGION = Term(tr_noop("terms", "region"))
