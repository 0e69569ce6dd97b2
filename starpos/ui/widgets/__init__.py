"""Widgets more than one window uses: the meter number field, the titled box of values and
the action button that acts on every press of its Alt+letter."""
