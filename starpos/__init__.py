"""StarPOS: a desktop point-of-sale client for prepaid electricity.

The package is layered (see docs/decisions.md):
``sts`` (pure token engine) <- ``devices`` (secure module, printer, card) and ``db`` (store)
<- application core modules in this package <- ``ui`` (PySide6) and ``cli``.
"""

__version__ = "0.1.0"
