"""Token operations beyond the sale: engineering, test and free tokens (manual 3.5, 3.6, 5.7).

Each is a recorded business action: the operator's permission, one row per meter in
``token_operations`` with its audit entry (which travels to the head office), the tokens
made through the secure module as durably as a vend, and a voucher or a batch list.

- :mod:`~starpos.tokenops.kinds`: the kinds, their values and units, who may ask for them;
- :mod:`~starpos.tokenops.targets`: which meters (one, a range of numbers, a file);
- :mod:`~starpos.tokenops.plan`: the list to confirm (:func:`plan_batch`) and the PLANNED rows
  (:func:`open_batch`);
- :mod:`~starpos.tokenops.batch`: making the tokens (:func:`run_batch`), resumable;
- :mod:`~starpos.tokenops.ledger`: each step of a row with its audit entry;
- :mod:`~starpos.tokenops.module_requests`: what a row asks of the module, and its read-back;
- :mod:`~starpos.tokenops.recovery`: settling a crashed batch's PENDING row;
- :mod:`~starpos.tokenops.report`: the engineering token report and the batches;
- :mod:`~starpos.tokenops.vouchers`: the voucher and the batch list;
- :mod:`~starpos.tokenops.errors`: every refusal, translatable.

docs/token-operations.md is the guide.
"""

from starpos.tokenops.batch import BatchOutcome, run_batch
from starpos.tokenops.kinds import KeyTarget, Order
from starpos.tokenops.plan import BatchPlan, open_batch, plan_batch
from starpos.tokenops.recovery import OperationsRecovery, settle_pending_operations
from starpos.tokenops.targets import MeterList, meter_range, meters_from_file, one_meter

__all__ = [
    "BatchOutcome",
    "BatchPlan",
    "KeyTarget",
    "MeterList",
    "OperationsRecovery",
    "Order",
    "meter_range",
    "meters_from_file",
    "one_meter",
    "open_batch",
    "plan_batch",
    "run_batch",
    "settle_pending_operations",
]
