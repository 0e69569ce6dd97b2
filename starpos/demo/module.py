"""Load the demo vending keys into a secure module and give it credit, with the development
KMC of ``starpos.devices.sm.kmc``. DEMO ONLY: the demo key bytes are public. Which module:
the configured one (:func:`starpos.bootstrap.demo.load_demo_keys`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.kmc import development_key, provision


def provision_demo_module(module: SecureModule, keys: dict[str, Any]) -> dict[str, Any]:
    """Load every key of ``keys`` (``resources/demo/keys.json``) and the demo credit into the
    open ``module``; returns what the module reported (module id, keys loaded, credit balance)."""
    vending_keys = [
        development_key(
            int(spec["register"]),
            sgc=spec["sgc"],
            krn=int(spec["krn"]),
            key_type=int(spec["key_type"]),
            ken=int(spec["ken"]),
            dkga=int(spec["dkga"]),
            ea=int(spec["ea"]),
            base_date=int(spec["base_date"]),
            vending_key_hex=spec["vending_key_hex"],
        )
        for spec in keys["keys"]
    ]
    credit_tenths = int(Decimal(keys["module_credit_kwh"]) * 10)
    return provision(module, vending_keys, credit_tenths)
