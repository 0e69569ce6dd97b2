"""Widgets more than one window uses: the meter number field and the titled box of values."""
