"""The card desk in the counter window: issue, replace and blank SUN cards, and the meter
data cards bring back (docs/ui.md, "Cards at the counter")."""
