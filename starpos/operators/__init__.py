"""Operators: who may log in, and what each may do (manual 2.5, 2.6).

- :mod:`~starpos.operators.session`: the one ``OperatorSession`` and its rule (``may``,
  ``require``);
- :mod:`~starpos.operators.login`: how a session begins (a login, or acting as an operator
  named by code);
- :mod:`~starpos.operators.passwords`: hashing, an operator's change, an administrator's reset;
- :mod:`~starpos.operators.lockout`: locking after wrong passwords, unlocking;
- :mod:`~starpos.operators.roles`: what roles grant, and changing it;
- :mod:`~starpos.operators.permissions`: the permission names and their labels;
- :mod:`~starpos.operators.errors`: why an operator may not log in or act.
"""
