"""Operators: login, lockout, passwords, roles and what each role permits (manual 2.5, 2.6)."""
