"""Benchmarks behind the ``starpos ... bench`` commands; nothing in the core imports them."""
