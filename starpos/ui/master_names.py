"""Names from the master data shown to the customer, in the language in use.

Charge items, payment terms, tariffs and meter models are named by the utility in its
master data. Their translations come from the ``masterdata`` context of the catalogs
(``resources/translations/masterdata_<lang>.ts`` for the demo's names; a utility adds its
own the same way, docs/decisions.md "master data names"); a name without one is shown as
the utility wrote it. The voucher prints the same translation
(``starpos.counter.vouchers``), so screen and paper say the same words.
"""

from __future__ import annotations

from starpos.ui.translator import tr

CONTEXT = "masterdata"


def master_name(name: str) -> str:
    """``name`` (as the master data has it) in the language in use."""
    return tr(CONTEXT, name) if name else name
