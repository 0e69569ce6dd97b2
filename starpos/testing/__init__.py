"""Test machinery the running program can switch on, kept out of the core.

The core exposes hooks (:mod:`starpos.vending.crash_points`); this package installs what the
tests need at them. No core package imports it (tests/unit/test_import_rules.py).
"""
