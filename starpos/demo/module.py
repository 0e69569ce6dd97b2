"""Load the demo vending keys into the configured secure module (the embedded emulator
when ``sm.url`` is empty) and give it credit, with the development KMC of
``starpos.devices.sm.kmc``. DEMO ONLY: the demo key bytes are public."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.embedded import ensure_embedded
from starpos.devices.sm.kmc import development_key, provision
from starpos.settings import Settings


def provision_demo_module(keys: dict[str, Any]) -> dict[str, Any]:
    """Load every key of ``resources/demo/keys.json`` and the demo credit; returns what the
    module reported (module id, keys loaded, credit balance)."""
    settings = Settings()
    url = settings.get("sm.url") or ensure_embedded(settings.get("sts.tables") or None)
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
    timeout_s = settings.get("sm.timeout_ms") / 1000
    with SecureModule(url, baud=settings.get("sm.baud"), timeout_s=timeout_s) as module:
        return provision(module, vending_keys, credit_tenths)
