"""A cashier in a child process: ``vend_loop.py URL METER NET COUNT`` sells COUNT times.

It opens the module at URL itself (not the settings), so two of these can sell through two
different modules into one database at the same time. Prints one JSON line per vend.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from starpos.bootstrap.database import open_database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.session import installation_credential
from starpos.vending import VendRequest, sell
from starpos.vending.module_access import ModuleAccess, ModuleLock


def main(url: str, meter: str, net: str, count: int) -> None:
    module = SecureModule(url, credential=installation_credential())
    access = ModuleAccess(module, ModuleLock(url), embedded=False)
    with open_database() as database, access:
        for _ in range(count):
            result = sell(database, access, VendRequest(meter, Decimal(net), "CASH1"))
            print(json.dumps({"bill": result.bill_number, "tid": result.tid}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
