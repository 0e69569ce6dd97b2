"""The PySide6 windows; the only package that imports Qt (tests/unit/test_import_rules.py).

Windows call the application core through :mod:`starpos.ui.services` on worker threads
(:mod:`starpos.ui.threading.workers`); every string a person reads goes through
:func:`starpos.ui.translator.tr`.
"""
